"""Tests for ccexercise.widgets.soco, driven from Python as a learner's clicks would."""

import ccexercise as cc
from ccexercise.views.soco import soco_team_text
from ccexercise.widgets import SocoRoomEntry, SocoSelfAssessment, SocoTeamProfile

FIVES = {code: 5 for code in cc.SOCO_CODES}


def fill(form, answers):
    for statement, box in zip(cc.SOCO_STATEMENTS, form.boxes):
        box.value = answers[statement.code]


class TestSelfAssessment:
    def test_every_control_has_a_name_and_the_statement(self):
        w = SocoSelfAssessment()
        assert [b.description for b in w.boxes] == [f"Statement {k}" for k in range(1, 25)]
        assert [b.tooltip for b in w.boxes] == [s.text for s in cc.SOCO_STATEMENTS]
        assert [o[1] for o in w.boxes[0].options] == [None, *range(1, 10)]

    def test_empty_form_says_what_is_left_and_scores_nothing(self):
        w = SocoSelfAssessment()
        assert w.result is None and "24 statements still to answer" in w.summary.value
        assert w.chart.chart is None
        # an unanswered statement shows the word "choose", not an empty box
        assert {b.label for b in w.boxes} == {"choose"}
        w.set_answers({cc.SOCO_STATEMENTS[0].code: 7})
        assert w.boxes[0].label == "7 often" and w.boxes[1].label == "choose"

    def test_score_matches_the_model(self):
        answers = {c: (7 if c[0] == "c" else 2) for c in cc.SOCO_CODES}
        w = SocoSelfAssessment()
        fill(w, answers)
        assert w.result == cc.soco_score(answers)
        assert w.result.score == 12 * 7 + 12 * 8
        assert "Score 180 of 216" in w.summary.value
        assert w.chart.chart.title.startswith("Your points per theme")

    def test_selling_statement_counts_against(self):
        w = SocoSelfAssessment(FIVES)
        s = next(k for k, st in enumerate(cc.SOCO_STATEMENTS) if st.orientation == "selling")
        w.boxes[s].value = 9
        assert w.result.score == 116


class TestTeamProfile:
    def test_hidden_until_five_people(self):
        w = SocoTeamProfile([FIVES] * 4)
        assert w.team is None and w.chart.chart is None
        assert "4 of at least 5 people have answered" in w.summary.value
        w.set_answers([FIVES] * 5)
        assert w.team.scores == (120,) * 5 and w.chart.chart is not None

    def test_compare_before_after_with_the_bundled_team(self):
        data = cc.datasets.load("07_soco_self_assessment")
        after, before = data[data["round"] == "after"], data[data["round"] == "before"]
        w = SocoTeamProfile(after, compare=before, labels=("After", "Before"))
        expected = cc.soco_difference(cc.soco_team(after), cc.soco_team(before))
        assert expected.summary().replace("'", "&#x27;") in w.summary.value
        assert "within the noise" in w.summary.value
        assert [s.label.split(" (")[0] for s in w.chart.chart.series] == ["After", "Before"]
        w.view.value = "Themes"
        assert w.chart.chart.title.startswith("Weakest theme: informing, not pushing")
        assert "The numbers in words" in w.text.value
        assert "Weakest theme: informing, not pushing" in w.text.value

    def test_no_names_shown(self):
        import pandas as pd
        frame = pd.DataFrame([{"name": f"Person{k}", **FIVES} for k in range(5)])
        w = SocoTeamProfile(frame)
        assert "Person" not in w.summary.value + w.text.value
        assert soco_team_text(w.team, label="This team") in w.text.value.replace(
            "&#x27;", "'")


class TestRoomEntry:
    def test_incomplete_form_is_not_added_and_nothing_lost(self):
        w = SocoRoomEntry()
        w.form.boxes[0].value = 7
        assert w.add() is False
        assert "Not added: 23 statement(s) still to answer" in w.status.value
        assert w.form.boxes[0].value == 7 and w.people == []

    def test_five_people_show_the_team_and_the_form_clears(self):
        w = SocoRoomEntry()
        for k in range(5):
            fill(w.form, {**FIVES, "c01": 1 + k})
            w.add_button.click()
            assert all(box.value is None for box in w.form.boxes)
            assert (w.profile.team is None) == (k < 4)
        assert w.profile.team.scores == (116, 117, 118, 119, 120)
        assert "5 typed in so far" in w.status.value
