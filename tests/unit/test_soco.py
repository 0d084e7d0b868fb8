"""The SOCO self-assessment model: scoring, a team, comparing two teams."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ccexercise as cc
from ccexercise import _intervals
from ccexercise.soco import (
    SCORE_BANDS,
    SOCO_CODES,
    SOCO_STATEMENTS,
    SOCO_THEMES,
    SocoAnswerError,
    SocoTeam,
    soco_answer_problems,
    soco_difference,
    soco_points,
    soco_score,
    soco_team,
)

FIVES = {code: 5 for code in SOCO_CODES}
ratings = st.integers(min_value=1, max_value=9)
answer_sets = st.fixed_dictionaries({code: ratings for code in SOCO_CODES})


class TestStatements:
    def test_twelve_of_each_one_pair_per_theme(self):
        assert len(SOCO_STATEMENTS) == 24 == len({s.text for s in SOCO_STATEMENTS})
        assert sum(s.orientation == "customer" for s in SOCO_STATEMENTS) == 12
        for k, theme in enumerate(SOCO_THEMES, start=1):
            pair = {s.code for s in SOCO_STATEMENTS if s.theme == theme}
            assert pair == {f"c{k:02d}", f"s{k:02d}"}

    def test_no_statement_sits_next_to_its_opposite(self):
        for a, b in zip(SOCO_STATEMENTS, SOCO_STATEMENTS[1:]):
            assert a.theme != b.theme

    def test_the_texts_quoted_pairs_are_there(self):
        texts = " ".join(s.text for s in SOCO_STATEMENTS)
        for words in ("reach their own goals", "information rather than pressure",
                      "disagree with a customer", "sound better than it is"):
            assert words in texts

    def test_the_module_says_it_is_a_teaching_version(self):
        doc = cc.soco.__doc__
        assert "Saxe" in doc and "1982" in doc and "not the validated instrument" in doc


class TestScore:
    def test_worked_by_hand(self):
        # customer statements 7 each (12 * 7 = 84), selling 3 each reversed to 7 (84)
        answers = {c: 7 if c.startswith("c") else 3 for c in SOCO_CODES}
        result = soco_score(answers)
        assert (result.score, result.customer_points, result.selling_points) == (168, 84, 84)
        assert result.average == 7.0
        assert "leans towards the customer" in result.summary()

    def test_one_selling_answer_reversed(self):
        assert soco_score({**FIVES, "s04": 9}).score == 120 - 4
        assert soco_score({**FIVES, "c04": 9}).score == 120 + 4
        assert soco_points("s04", 9) == 1 and soco_points("c04", 9) == 9

    def test_extremes(self):
        best = {c: 9 if c.startswith("c") else 1 for c in SOCO_CODES}
        worst = {c: 1 if c.startswith("c") else 9 for c in SOCO_CODES}
        assert soco_score(best).score == 216 and soco_score(worst).score == 24
        assert "leans towards the sale" in soco_score(worst).summary()

    def test_series_and_numpy_values(self):
        series = pd.Series({c: np.int64(5) for c in SOCO_CODES})
        assert soco_score(series).score == 120
        assert soco_score({c: 5.0 for c in SOCO_CODES}).score == 120

    def test_every_problem_at_once(self):
        answers = {**FIVES, "c03": 0, "s07": 4.5, "s09": "7", "x9": 3}
        del answers["c11"]
        with pytest.raises(SocoAnswerError) as err:
            soco_score(answers)
        assert err.value.problems == [
            "c03 is 0, not on the scale 1 (never) to 9 (always)",
            "c11 is missing",
            "s07 is 4.5, not on the scale 1 (never) to 9 (always)",
            "s09 is '7', not on the scale 1 (never) to 9 (always)",
            "'x9' is not one of the 24 statements (c01-c12, s01-s12)",
        ]
        assert str(err.value).startswith("answers has 5 problems: c03 is 0, not on the scale")
        assert isinstance(err.value, ValueError)

    @pytest.mark.parametrize("value", [None, float("nan"), ...])
    def test_empty_is_missing(self, value):
        assert soco_answer_problems({**FIVES, "c01": value}) == ["c01 is missing"]

    def test_bool_is_not_a_rating(self):
        assert soco_answer_problems({**FIVES, "c01": True}) == [
            "c01 is True, not on the scale 1 (never) to 9 (always)"]

    def test_one_problem_is_singular(self):
        with pytest.raises(SocoAnswerError, match=r"^answers has 1 problem: c01 is missing$"):
            soco_score({k: v for k, v in FIVES.items() if k != "c01"})

    def test_not_a_mapping(self):
        with pytest.raises(TypeError, match=re.escape(
                "answers must map statement codes to ratings, such as {'c01': 7, 's01': 3, "
                "...}, got 'c01' (a str)")):
            soco_score("c01")

    @pytest.mark.parametrize("code, rating, message", [
        ("s13", 5, "code must be one of the 24 statements (c01-c12, s01-s12), got 's13'"),
        ("c01", 10, "rating must be 9 or less, got 10"),
        ("c01", 0, "rating must be 1 or more, got 0"),
    ])
    def test_points_errors(self, code, rating, message):
        with pytest.raises(ValueError, match=re.escape(message)):
            soco_points(code, rating)

    @given(answer_sets)
    @settings(max_examples=60, deadline=None)
    def test_score_is_the_sum_of_points_and_in_range(self, answers):
        result = soco_score(answers)
        assert 24 <= result.score <= 216
        assert result.score == sum(answers[c] for c in SOCO_CODES if c[0] == "c") + sum(
            10 - answers[c] for c in SOCO_CODES if c[0] == "s")

    @given(answer_sets, st.sampled_from(SOCO_CODES))
    @settings(max_examples=60, deadline=None)
    def test_raising_a_rating_moves_the_score_the_right_way(self, answers, code):
        if answers[code] == 9:
            return
        before = soco_score(answers).score
        after = soco_score({**answers, code: answers[code] + 1}).score
        assert after - before == (1 if code.startswith("c") else -1)


class TestTeam:
    def test_worked_by_hand(self):
        team = soco_team([FIVES, {**FIVES, "c05": 9}, {**FIVES, "s05": 1}])
        assert team.scores == (120, 124, 124) and team.n == 3
        assert team.mean == 122.7
        assert team.sd == round(math.sqrt(((120 - 368 / 3) ** 2 + 2 * (124 - 368 / 3) ** 2) / 2),
                                1) == 2.3
        # theme 5 ("needs first"): points (5+5)/2, (9+5)/2, (5+(10-1))/2 -> 19/3
        assert team.themes["needs first"] == 6.33
        assert team.weakest_theme == SOCO_THEMES[0]  # all others 5.0: the first one wins

    def test_no_names_kept(self):
        frame = pd.DataFrame([{"name": "Anna", **FIVES}, {"name": "Boris", **FIVES, "c01": 9}])
        team = soco_team(frame)
        assert team.scores == (120, 124)
        assert "Anna" not in repr(team) and "Anna" not in team.summary()

    def test_bands(self):
        team = soco_team([FIVES] * 4 + [{c: 9 if c[0] == "c" else 1 for c in SOCO_CODES}])
        bands = team.bands()
        assert list(bands.index)[0] == "24-47" and list(bands.index)[-1] == "192-216"
        assert bands.loc["120-143", "people"] == 4 and bands.loc["192-216", "people"] == 1
        assert bands["people"].sum() == 5
        assert SCORE_BANDS[0] == (24, 47) and SCORE_BANDS[-1] == (192, 216)

    def test_every_problem_of_every_person(self):
        with pytest.raises(SocoAnswerError) as err:
            soco_team([{**FIVES, "c02": 10}, FIVES, {**FIVES, "s01": None, "c99": 3}])
        assert err.value.problems == [
            "person 1: c02 is 10, not on the scale 1 (never) to 9 (always)",
            "person 3: s01 is missing",
            "person 3: 'c99' is not one of the 24 statements (c01-c12, s01-s12)",
        ]

    def test_dataframe_with_a_missing_column_and_an_unknown_one(self):
        frame = pd.DataFrame([{**FIVES, "c13": 4}]).drop(columns="s12")
        with pytest.raises(SocoAnswerError) as err:
            soco_team(frame)
        assert err.value.problems == [
            "person 1: s12 is missing",
            "person 1: 'c13' is not one of the 24 statements (c01-c12, s01-s12)"]

    def test_empty_and_wrong_types(self):
        with pytest.raises(ValueError, match="answers must hold at least one person's answers, "
                                             "got none"):
            soco_team([])
        with pytest.raises(TypeError, match="answers must be a table with one row per person"):
            soco_team(FIVES)

    @given(st.lists(answer_sets, min_size=1, max_size=8))
    @settings(max_examples=40, deadline=None)
    def test_team_is_the_people_sorted(self, people):
        team = soco_team(people)
        assert team.scores == tuple(sorted(soco_score(p).score for p in people))
        assert team.bands()["people"].sum() == len(people)
        assert all(1 <= v <= 9 for v in team.themes)
        # the theme averages add up to the average score
        assert math.isclose(2 * team.themes.sum(), np.mean(team.scores), abs_tol=0.2)


class TestDifference:
    def test_worked_by_hand(self):
        a = SocoTeam((150, 160, 170, 180), pd.Series(dtype=float))
        b = SocoTeam((120, 130, 140, 150), pd.Series(dtype=float))
        # each sd = sqrt(500 / 3) = 12.91, se = 12.91 / 2 each, together 9.13; z 1.96
        d = soco_difference(a, b)
        assert (d.first, d.second, d.difference) == (165.0, 135.0, 30.0)
        assert (d.low, d.high) == (12.1, 47.9) and d.distinguishable
        assert "more than chance would explain" in d.summary()

    def test_within_the_noise(self):
        a = SocoTeam((120, 140, 160), pd.Series(dtype=float))
        b = SocoTeam((115, 135, 155), pd.Series(dtype=float))
        d = soco_difference(a, b)
        assert not d.distinguishable and "within the noise" in d.summary()
        assert d.low < 0 < d.high

    def test_takes_answers_too(self):
        d = soco_difference([FIVES, {**FIVES, "c01": 9}], [FIVES, FIVES])
        assert d.difference == 2.0

    def test_uses_module_05s_interval_code(self):
        assert cc.nps_interval([10] * 100 + [8] * 60 + [2] * 40) == (19.2, 40.8)
        assert _intervals.z_for_level(0.95) == pytest.approx(1.959964, abs=1e-6)

    @pytest.mark.parametrize("level, message", [
        (95, "level must be between 0 and 1, got 95 (did you mean 0.95?)"),
        (0, "level must be between 0 and 1, got 0"),
    ])
    def test_bad_level(self, level, message):
        a = SocoTeam((120, 140), pd.Series(dtype=float))
        with pytest.raises(ValueError, match=re.escape(message)):
            soco_difference(a, a, level=level)

    def test_too_few_people(self):
        with pytest.raises(ValueError, match=re.escape(
                "first must hold at least 2 people to compare, got 1")):
            soco_difference([FIVES], [FIVES, FIVES])

    @given(st.lists(st.integers(24, 216), min_size=2, max_size=15),
           st.lists(st.integers(24, 216), min_size=2, max_size=15))
    @settings(max_examples=60, deadline=None)
    def test_swapping_flips_the_sign_and_interval_holds_the_difference(self, xs, ys):
        a = SocoTeam(tuple(sorted(xs)), pd.Series(dtype=float))
        b = SocoTeam(tuple(sorted(ys)), pd.Series(dtype=float))
        ab, ba = soco_difference(a, b), soco_difference(b, a)
        assert ab.difference == -ba.difference
        assert ab.low <= ab.difference + 0.05 and ab.difference - 0.05 <= ab.high
        assert (ab.low, ab.high) == pytest.approx((-ba.high, -ba.low), abs=0.11)


class TestRoomForm:
    def test_codes_for_the_statements_of_a_form(self):
        texts = [s.text for s in SOCO_STATEMENTS]
        assert cc.soco.soco_codes_for(texts) == [s.code for s in SOCO_STATEMENTS]
        assert cc.soco.soco_codes_for(["  i PROMISE only what I know we can deliver. "]) == ["c09"]

    def test_every_unknown_statement_named(self):
        with pytest.raises(ValueError, match=re.escape(
                "texts has statements that are not among the course's 24: 'A'; 'B'")):
            cc.soco.soco_codes_for(["A", SOCO_STATEMENTS[0].text, "B"])

    def test_module_07s_run_sheet_asks_the_24_statements_anonymously(self):
        from ccexercise.workshop import run_sheet_for

        _step, question = run_sheet_for("07_soco_self_assessment").questions["soco"]
        assert question.anonymous and (question.low, question.high) == (1, 9)
        assert cc.soco.soco_codes_for(question.options) == [s.code for s in SOCO_STATEMENTS]
