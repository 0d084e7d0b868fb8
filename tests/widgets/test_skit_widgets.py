"""Tests for ccexercise.widgets.skit: the team splitter, scene card, rating form,
comparison and the whole skit page.

Widgets are driven from Python (``.value =``, ``.click()``). Time never
passes for real: the session clock is a fixed function, and the timer is
moved on by setting ``play.value`` (the browser adds one a second).
"""

import csv
from datetime import datetime

import pytest

import ccexercise as cc
from ccexercise.skit import RatingSession, SceneCard, SkitRating
from ccexercise.widgets import (RatingForm, SceneCardForm, SkitComparison, TeamSplitter,
                                Timer, skit_workshop)

NAMES = "Ann\nBo\nCy\nDi\nEd\nFlo\nGus"


def clock():
    return datetime(2026, 12, 2, 10, 0, 0)


@pytest.fixture
def session(tmp_path):
    return RatingSession(tmp_path / "skit.csv", clock=clock)


def rows(session):
    """The data rows of the session file, read with the csv module (none before the first)."""
    if not session.path.exists():
        return []
    with open(session.path, newline="") as handle:
        return list(csv.DictReader(handle))


class TestTeamSplitter:
    def test_split_into_three(self):
        """Seven names make teams of 3, 2, 2 holding every name once."""
        w = TeamSplitter(NAMES, teams=3, seed=5)
        assert [len(team) for team in w.result] == [3, 2, 2]
        assert sorted(sum(w.result, [])) == sorted(NAMES.split())

    def test_same_seed_same_split(self):
        """The same names, teams and split number give the same split on a new page."""
        first = TeamSplitter(NAMES, teams=3, seed=42).result
        assert TeamSplitter(NAMES, teams=3, seed=42).result == first
        assert first == cc.workshop.split_into_teams(NAMES.split(), 3, seed=42)

    def test_new_split_takes_next_number(self):
        """New split moves to the next split number and shows that split."""
        w = TeamSplitter(NAMES, teams=3, seed=42)
        w.new_split_button.click()
        assert w.seed.value == 43
        assert w.result == cc.workshop.split_into_teams(NAMES.split(), 3, seed=43)
        w.seed.value = 42  # typing the old number back shows the old split
        assert w.result == cc.workshop.split_into_teams(NAMES.split(), 3, seed=42)

    def test_board_shows_every_team_large(self):
        """The board names each team and every person, in large type."""
        w = TeamSplitter(NAMES, teams=3, seed=1)
        for i, team in enumerate(w.result, start=1):
            assert f">Team {i}<" in w.board.value
            for person in team:
                assert f"<li>{person}</li>" in w.board.value
        assert "font-size: 1.8em" in w.board.value
        assert "7 names in 3 teams · split number 1" in w.status.value

    def test_changing_team_count(self):
        """Choosing 2 teams re-splits at once."""
        w = TeamSplitter(NAMES, teams=3, seed=1)
        w.teams.value = 2
        assert [len(team) for team in w.result] == [4, 3]
        assert ">Team 3<" not in w.board.value

    def test_commas_and_blank_lines(self):
        """Names pasted with commas, semicolons and blank lines are all found."""
        w = TeamSplitter("Ann, Bo;\n\n Cy ,Di", teams=2, seed=1)
        assert sorted(sum(w.result, [])) == ["Ann", "Bo", "Cy", "Di"]

    def test_no_names(self):
        """An empty box asks for names and shows no teams."""
        w = TeamSplitter("", teams=3)
        assert w.result is None and w.board.value == ""
        assert "Paste the names" in w.status.value

    def test_more_teams_than_people(self):
        """Four teams for three people is explained, and the old teams are cleared."""
        w = TeamSplitter("Ann\nBo\nCy", teams=3, seed=1)
        w.teams.value = 4
        assert w.result is None and w.board.value == ""
        assert "teams must be between 1 and 3" in w.status.value
        assert 'role="alert"' in w.status.value

    def test_listeners_get_each_split(self):
        """on_split callbacks receive every new split."""
        w = TeamSplitter(NAMES, teams=3, seed=1)
        seen = []
        w.on_split(seen.append)
        w.teams.value = 2
        w.new_split_button.click()
        assert seen == [cc.workshop.split_into_teams(NAMES.split(), 2, seed=1),
                        cc.workshop.split_into_teams(NAMES.split(), 2, seed=2)]


class TestSceneCardForm:
    def fill(self, form, level="WOW"):
        form.skit.value = "Team 2"
        form.level.value = level
        form.place.value = "a café"
        form.purchase.value = "a cappuccino"
        form.expectation.value = "a quick coffee"

    def test_save_writes_and_shows(self, session):
        """Saving writes the card to the file and shows the customer's sentence large."""
        form = SceneCardForm(session)
        self.fill(form)
        form.save_button.click()
        assert session.scenes == [SceneCard("Team 2", "WOW", "a café", "a cappuccino", "a quick coffee")]
        assert rows(session)[0]["kind"] == "scene" and rows(session)[0]["level"] == "WOW"
        assert "I go to a café to buy a cappuccino. I expect a quick coffee." in form.card.value
        assert "font-size: 2em" in form.card.value
        assert "Saved Team 2&#x27;s card in skit.csv" in form.status.value

    def test_incomplete_card_not_saved(self, session):
        """A card without its expectation is refused with the reason, and nothing is written."""
        form = SceneCardForm(session)
        self.fill(form)
        form.expectation.value = ""
        form.save_button.click()
        assert session.scenes == [] and rows(session) == []
        assert "Not saved: expectation must not be empty" in form.status.value

    def test_skits_offered(self, session):
        """The chooser offers the skits given, and keeps the choice when they are renamed."""
        form = SceneCardForm(session, skits=["Team 1", "Team 2"])
        assert form.skit.options == ("Team 1", "Team 2") and form.skit.value == "Team 1"
        form.skit.value = "Team 2"
        form.set_skits(["Team 1", "Team 2", "Team 3"])
        assert form.skit.value == "Team 2"

    def test_needs_a_session(self):
        """A form without a session says what it needs."""
        with pytest.raises(TypeError, match="^session must be a RatingSession, got 'x' "):
            SceneCardForm("x")


class TestRatingForm:
    def test_felt_level_live(self, session):
        """Switching emotions on shows the level they point to, before saving."""
        form = RatingForm(session)
        assert "Pick one or more emotions" in form.felt.value
        form.emotion_buttons["angry"].value = True
        assert ">Low<" in form.felt.value
        form.emotion_buttons["delighted"].value = True   # -1 + 1 = 0
        assert ">Standard<" in form.felt.value
        form.emotion_buttons["grateful"].value = True    # -1 + 1 + 1 > 0
        assert ">WOW<" in form.felt.value

    def test_save_writes_then_clears(self, session):
        """A saved rating is in the file at once; the form is cleared for the next skit."""
        form = RatingForm(session)
        form.skit.value = "Team 3"
        form.emotion_buttons["pleasantly surprised"].value = True
        form.emotion_buttons["grateful"].value = True
        form.come_back.value = 9
        form.room.value = "8, 9 10"
        form.save_button.click()
        assert session.ratings == [SkitRating("Team 3", ["pleasantly surprised", "grateful"], 9,
                                              room=[8, 9, 10])]
        row = rows(session)[0]
        assert (row["skit"], row["emotions"], row["come_back"], row["room"]) == (
            "Team 3", "pleasantly surprised;grateful", "9", "8;9;10")
        assert RatingSession(session.path).ratings == session.ratings
        assert form.emotions == [] and form.come_back.value == 5 and form.room.value == ""
        assert "Saved Team 3&#x27;s rating (1 saved in skit.csv)" in form.status.value

    def test_no_emotion_not_saved(self, session):
        """Without an emotion nothing is written and the form says why."""
        form = RatingForm(session)
        form.save_button.click()
        assert session.ratings == [] and rows(session) == []
        assert "Not saved: emotions must hold at least one word" in form.status.value

    def test_bad_room_rating_keeps_the_entry(self, session):
        """A room rating of 11 is refused and what was typed stays for correcting."""
        form = RatingForm(session)
        form.emotion_buttons["calm"].value = True
        form.room.value = "7, 11"
        form.save_button.click()
        assert session.ratings == []
        assert "room must be whole numbers from 1 to 10" in form.status.value
        assert form.room.value == "7, 11" and form.emotions == ["calm"]

    def test_listeners(self, session):
        """on_saved callbacks run after a save, not after a refused one."""
        form = RatingForm(session)
        calls = []
        form.on_saved(lambda: calls.append(len(session.ratings)))
        form.save_button.click()
        form.emotion_buttons["calm"].value = True
        form.save_button.click()
        assert calls == [1]


class TestSkitComparison:
    def test_empty(self, session):
        """Before any rating there is no chart, and a note says when it comes."""
        w = SkitComparison(session)
        assert w.chart.chart is None and w.chart.layout.display == "none"
        assert "No skit rated yet" in w.note.value

    def test_chart_and_table(self, session):
        """Three rated skits: bars for the customer and the room, in level order."""
        for team, level in (("Team 3", "WOW"), ("Team 1", "Low"), ("Team 2", "Standard")):
            session.add_scene(SceneCard(team, level, "a shop", "boots", "help"))
        session.add_rating(SkitRating("Team 1", ["angry"], 2, room=[1, 3]))
        session.add_rating(SkitRating("Team 2", ["calm"], 6, room=[6]))
        session.add_rating(SkitRating("Team 3", ["delighted"], 10, room=[9, 10]))
        w = SkitComparison(session)
        chart = w.chart.chart
        assert chart.title == "Wish to come back, by skit"
        assert list(chart.categories) == ["Team 1 · Low", "Team 2 · Standard", "Team 3 · WOW"]
        customer, room = chart.series
        assert list(customer.values) == [2, 6, 10]
        assert list(room.values) == [2.0, 6.0, 9.5]
        assert bytes(w.chart.value[:4]) == b"<svg"
        assert "9.5 (2)" in w.table.value and "not rated yet" not in w.table.value

    def test_update_after_new_rating(self, session):
        """update() redraws: a second rating of the same skit replaces the first."""
        session.add_rating(SkitRating("Team 1", ["angry"], 2))
        w = SkitComparison(session)
        assert list(w.chart.chart.series[0].values) == [2]
        assert len(w.chart.chart.series) == 1  # no room ratings: no room bars
        session.add_rating(SkitRating("Team 1", ["calm"], 7))
        w.update()
        assert list(w.chart.chart.series[0].values) == [7]


class TestSkitWorkshop:
    def test_a_whole_round(self, tmp_path):
        """Split, card, rate three skits: the comparison shows all three and the file holds them."""
        page = skit_workshop(tmp_path / "round.csv", clock=clock)
        page.splitter.names.value = NAMES
        assert page.rating_form.skit.options == ("Team 1", "Team 2", "Team 3")
        for team, level, emotion, back in (("Team 1", "Low", "irritated", 2),
                                           ("Team 2", "Standard", "calm", 6),
                                           ("Team 3", "WOW", "delighted", 10)):
            form = page.scene_form
            form.skit.value, form.level.value = team, level
            form.place.value, form.purchase.value = "a bakery", "a cake"
            form.expectation.value = "it is ready on time"
            form.save_button.click()
            rating = page.rating_form
            rating.skit.value = team
            rating.emotion_buttons[emotion].value = True
            rating.come_back.value = back
            rating.save_button.click()
        assert list(page.comparison.chart.chart.series[0].values) == [2, 6, 10]
        assert "3 cards and 3 ratings so far" in page.file_note.value
        again = RatingSession(tmp_path / "round.csv")
        assert [r.come_back for r in again.ratings] == [2, 6, 10]

    def test_reopened_page_reloads(self, tmp_path):
        """A page opened on an existing file (after a restart) shows its ratings at once."""
        path = tmp_path / "round.csv"
        session = RatingSession(path, clock=clock)
        session.add_rating(SkitRating("Team 1", ["angry"], 1))
        page = skit_workshop(path)
        assert list(page.comparison.chart.chart.series[0].values) == [1]
        assert "0 cards and 1 ratings so far" in page.file_note.value

    def test_unreadable_lines_are_shown(self, tmp_path):
        """A damaged line in the file is reported on the page, not hidden."""
        path = tmp_path / "round.csv"
        path.write_text(",".join(cc.skit.COLUMNS) + "\n")
        with open(path, "a") as handle:
            handle.write("2026-12-02T10:00:00,rating,Team 1,,,,,calm,99,\n")
        page = skit_workshop(path)
        assert "1 line(s) of the file could not be read: line 2: come_back must be 10 or less" \
            in page.file_note.value

    def test_default_file_in_working_folder(self, tmp_path, monkeypatch):
        """Without a path the session file is today's, in the working folder; opening writes nothing."""
        monkeypatch.delenv("CCEXERCISE_SESSION_DIR", raising=False)
        monkeypatch.chdir(tmp_path)
        page = skit_workshop(clock=clock)
        assert page.session.path == tmp_path / "skit-ratings-2026-12-02.csv"
        assert list(tmp_path.iterdir()) == []


class TestPrepareTimer:
    def test_ten_minutes_to_prepare(self):
        """The preparation timer counts 10 minutes down and stops at zero, without sleeping."""
        timer = Timer(10)
        timer.start_button.click()
        timer.play.value = 9 * 60 + 30
        assert timer.clock_text == "00:30" and not timer.finished
        timer.play.value = 600
        assert timer.finished and timer.play.playing is False
        assert "Time's up" in timer.clock.value


class TestMaturitySelfAssessment:
    def test_starts_empty(self):
        """Nothing ticked: no stage, the chart shows three zero bars."""
        w = cc.widgets.MaturitySelfAssessment()
        assert w.result.stage is None
        assert list(w.chart.chart.series[0].values) == [0, 0, 0]
        assert "no stage yet" in w.summary.value

    def test_ticking_moves_the_stage(self):
        """Two of stage 1 and two of stage 2 ticked reach stage 2; un-ticking one drops it."""
        w = cc.widgets.MaturitySelfAssessment()
        for i in (0, 1, 3, 4):
            w.boxes[i].value = True
        assert w.result.stage.number == 2
        assert list(w.chart.chart.series[0].values) == [2, 2, 0]
        assert w.chart.chart.title == "You reached Stage 2: Solving problems"
        w.boxes[0].value = False  # stage 1 has only one yes: nothing is reached
        assert w.result.stage is None

    def test_stage_three_needs_the_earlier_ones(self):
        """All of stage 3 but none of stage 1 is still no stage (the calculator's rule)."""
        w = cc.widgets.MaturitySelfAssessment([False] * 6 + [True] * 3)
        assert w.result.stage is None and list(w.chart.chart.series[0].values) == [0, 0, 3]

    def test_bad_answers(self):
        """The widget checks its starting answers as the calculator does."""
        with pytest.raises(ValueError, match="^answers must hold 9 True/False values"):
            cc.widgets.MaturitySelfAssessment([True])
