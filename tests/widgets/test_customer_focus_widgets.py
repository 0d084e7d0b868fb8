"""Module 00's widgets driven from Python: the sorter, the principles self-check and the
room's typed sorter votes (alone, and against a real room server on 127.0.0.1)."""

from pathlib import Path

import pytest

from ccexercise.customer_focus import PRINCIPLES, Verdict, principles_profile, sorter_statements
from ccexercise.room import Question, RoomClient
from ccexercise.room.server import RoomThread
from ccexercise.room.store import RoomStore
from ccexercise.views.customer_focus import principles_live_chart
from ccexercise.widgets import (
    FacilitatorPage,
    PrinciplesSelfCheck,
    RoomFeed,
    SortVotes,
    StatementSorter,
    principles_self_check,
    sort_votes,
    statement_sorter,
)
from ccexercise.workshop import RunSheet, WorkshopStep

STATEMENTS = sorter_statements()


class TestStatementSorter:
    def test_right_answer_says_right_and_why(self):
        """The first statement (a one-off promotion month) is not customer focus."""
        sorter = statement_sorter()
        assert STATEMENTS[0].text in sorter.text.value.replace("&quot;", '"')
        sorter.buttons[2].click()
        assert "Right." in sorter.feedback.value and "promotion, not a system" in \
            sorter.feedback.value
        assert "1 of 10 sorted · 1 right" in sorter.score.value

    def test_wrong_answer_names_the_choice_in_words(self):
        """A wrong verdict says "Not quite", what was chosen and the right verdict."""
        sorter = statement_sorter()
        sorter.buttons[0].click()
        assert "Not quite: you chose Customer focus (level 1)." in sorter.feedback.value
        assert "It is Not customer focus." in sorter.feedback.value
        assert "0 right" in sorter.score.value

    def test_answers_are_kept_when_moving(self):
        """Going forward and back shows the earlier verdict; the last statement has no Next."""
        sorter = StatementSorter()
        sorter.buttons[1].click()
        sorter.next.click()
        assert sorter.feedback.value == "" and sorter.index == 1
        sorter.previous.click()
        assert "you chose Customer focus (level 2)" in sorter.feedback.value
        assert sorter.previous.disabled
        sorter.show(len(STATEMENTS) + 5)
        assert sorter.next.disabled and sorter.index == len(STATEMENTS) - 1
        assert sorter.answers == {"S01": Verdict.LEVEL_2}

    def test_every_button_has_an_accessible_name(self):
        """Buttons are named by their verdict's words."""
        names = [b.description for b in StatementSorter().buttons]
        assert names == [v.label for v in Verdict]

    def test_no_statements(self):
        with pytest.raises(ValueError, match="^statements must hold at least one Statement, "
                                             "got none$"):
            StatementSorter(statements=())


class TestPrinciplesSelfCheck:
    def test_sliders_drive_summary_and_chart(self):
        """Moving a slider rescores: the chart and summary match the calculator."""
        check = principles_self_check()
        check.sliders[8].value = 1
        expected = principles_profile([3] * 8 + [1])
        assert check.result == expected
        assert check.summary.value.endswith(f"{expected.summary()}</p>")
        assert check.chart.chart.to_svg() == principles_live_chart(expected).to_svg()
        assert "not at all" in check.readouts[8].value

    def test_starting_ratings_and_names(self):
        check = PrinciplesSelfCheck([5, 4, 3, 2, 1, 2, 3, 4, 5])
        assert [s.value for s in check.sliders] == [5, 4, 3, 2, 1, 2, 3, 4, 5]
        assert [s.description for s in check.sliders] == [p.name for p in PRINCIPLES]

    def test_bad_start(self):
        with pytest.raises(ValueError, match=r"ratings must hold 9 whole numbers"):
            PrinciplesSelfCheck([3, 3])


class TestSortVotes:
    def test_typed_votes_per_statement_are_kept(self):
        """Counts typed for one statement come back when the trainer returns to it."""
        votes = sort_votes()
        votes.counts[2].value = 7
        votes.counts[0].value = 2
        assert "Most votes: Not customer focus (7 of 9)" in votes.leader.value
        assert list(votes.chart.chart.series[0].values) == [2, 0, 7]
        votes.statement.value = 6
        assert [b.value for b in votes.counts] == [0, 0, 0] and "No votes" in votes.leader.value
        votes.statement.value = 0
        assert [b.value for b in votes.counts] == [2, 0, 7]
        assert votes.votes["S01"] == {Verdict.LEVEL_1: 2, Verdict.LEVEL_2: 0, Verdict.NOT: 7}

    def test_reveal_names_the_answer(self):
        votes = SortVotes()
        votes.statement.value = 6  # the queue with chairs and water
        votes.reveal.value = True
        assert "Answer: <b>Customer focus (level 2)</b>" in votes.leader.value
        assert votes.chart.chart.title.endswith("answer: Customer focus (level 2)")

    def test_parts(self):
        assert SortVotes(parts=("result",)).counts[0] not in SortVotes(parts=("result",)).children
        with pytest.raises(ValueError, match=r"^parts must hold 'entry' and/or 'result', got "
                                             r"\['chart'\]$"):
            SortVotes(parts=("chart",))


def test_typed_votes_reach_the_rooms_poll(tmp_path):
    """With a room, typed hands are sent to the statement's poll and count with the phones."""
    options = tuple(v.label for v in Verdict)
    sheet = RunSheet(title="Sorter", session_minutes=None, path=Path("run_sheet.md"), steps=(
        WorkshopStep("S01", 2, "A statement.", polls=(
            Question("s01", "choice", "Is this customer focus?", options=options),)),))
    store = RoomStore(tmp_path / "room.sqlite", module="demo")
    room = RoomThread(sheet, store, module="demo")
    try:
        feed = RoomFeed(RoomClient(room.url, store.secret), follow=False)
        feed.act("question", "s01", "open")
        votes = SortVotes(feed=feed)
        votes.counts[2].value = 3
        votes.counts[1].value = 1
        assert "4 typed votes sent to the room's poll [s01]" in votes.sent.value
        typed = sorted(a.value for a in store.answers("s01"))
        assert typed == ["Customer focus (level 2)"] + ["Not customer focus"] * 3
    finally:
        room.stop()
        store.close()


def test_sorter_and_counter_follow_the_facilitator_pages_steps():
    """On the facilitator page the sorter and the vote counter show the statement the
    current step polls ([s04] -> S04); a step without a statement's poll leaves them be."""
    page = FacilitatorPage("00_what_is_customer_focus", view="both", room=None)
    sorter = statement_sorter(follow=page.deck)
    votes = sort_votes(follow=page.deck)
    steps = page.sheet.steps
    asks = {q.id: i for i, step in enumerate(steps) for q in step.polls}
    page.deck.index = asks["s04"]
    assert sorter.statement.id == "S04"
    assert votes.statements[votes.statement.value].id == "S04"
    page.deck.index = asks["s02"]
    assert sorter.statement.id == "S02"
    plain = next(i for i, step in enumerate(steps) if not step.polls)
    page.deck.index = plain
    assert sorter.statement.id == "S02"
