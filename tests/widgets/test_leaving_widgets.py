"""Module 02's widgets, driven from Python: the harmful-advice game, the Pareto explorer
and the typed answers for the room's questions (alone, and with a real room server)."""

import pandas as pd
import pytest

import ccexercise as cc
from ccexercise.room import RoomClient
from ccexercise.room.server import RoomThread
from ccexercise.room.store import RoomStore
from ccexercise.widgets import FacilitatorPage, HarmfulAdviceGame, ParetoExplorer, RoomFeed, \
    TypedAnswers
from ccexercise.workshop import run_sheet_for

MODULE = "02_why_customers_leave"


class TestHarmfulAdviceGame:
    def test_right_and_wrong_answers_are_said_in_words(self):
        game = HarmfulAdviceGame()
        assert game.card.advice_id == "H01" and "Statement 1 of 16" in game.progress.value
        game.helpful_button.click()
        assert game.feedback_text.startswith("Not quite: this advice is harmful.")
        assert "✘ Not quite:" in game.feedback.value and 'role="status"' in game.feedback.value
        game.harmful_button.click()  # a second thought replaces the first
        assert "✔ Right:" in game.feedback.value
        assert game.score_text == "You judged 1 of 1 statement right."

    def test_own_idea_is_kept_per_statement(self):
        game = HarmfulAdviceGame()
        game.instead.value = "Let them look, say where I am"
        game.harmful_button.click()
        assert "You wrote: <i>Let them look, say where I am</i>" in game.feedback.value
        game.next_button.click()
        assert game.instead.value == "" and game.card.advice_id == "H02"
        game.previous_button.click()
        assert game.instead.value == "Let them look, say where I am"
        assert game.ideas == {"H01": "Let them look, say where I am"}

    def test_filter_by_who_and_wrap_round(self):
        game = HarmfulAdviceGame()
        game.who.value = "The organisation"
        assert [c.advice_id for c in game.cards] == ["H09", "H10", "H11", "H12", "G03", "G04"]
        game.previous_button.click()
        assert game.card.advice_id == "G04"
        game.helpful_button.click()
        assert game.answers["G04"].right

    def test_controls_have_accessible_names(self):
        game = HarmfulAdviceGame()
        for control in (game.who, game.harmful_button, game.helpful_button, game.instead,
                        game.previous_button, game.next_button):
            assert control.description

    def test_bad_arguments(self):
        with pytest.raises(ValueError, match="who must be one of"):
            HarmfulAdviceGame(who="boss")
        with pytest.raises(TypeError, match=r"cards\[0\] must be an Advice"):
            HarmfulAdviceGame(cards=["H01"])
        with pytest.raises(ValueError, match="cards must hold at least one statement"):
            HarmfulAdviceGame(cards=[])


class TestParetoExplorer:
    def test_segment_and_measure(self):
        explorer = ParetoExplorer()
        assert list(explorer.segment.options) == ["All customers", "business", "household",
                                                  "trade"]
        assert explorer.chart.chart.series[0].values[0] == 32.9  # 141 of 428 who left, in %
        assert "5 of 8 reasons make up 80% of those who left" in explorer.summary.value
        explorer.measure.value = "lost_revenue"
        assert explorer.chart.chart.categories[:2] == ("rude or unhelpful staff", "price")
        explorer.segment.value = "trade"
        expected = cc.exit_reason_pareto(cc.datasets.load("01_lost_customer_cost"),
                                         segment="trade")
        pd.testing.assert_frame_equal(explorer.result, expected)
        assert "running share" in explorer.table.value  # the numbers in words too

    def test_own_list(self):
        table = pd.DataFrame({"churned": [True, True], "exit_reason": ["a", "b"],
                              "annual_spend": [10.0, 20.0], "growth_per_year": [0.0, 0.0]})
        explorer = ParetoExplorer(table)
        assert list(explorer.segment.options) == ["All customers"]


class TestTypedAnswers:
    def test_text_answers_ranked_without_a_room(self):
        board = TypedAnswers("Rude staff\n\nslow till\nrude STAFF\n", question="reasons",
                             kind="text", label="What went wrong?")
        assert board.result["items"] == [["Rude staff", 2], ["slow till", 1]]
        assert "Rude staff <b>(×2)</b>" in board.list.value
        assert "What went wrong?" in board.head.value and "3 answers" in board.head.value

    def test_bad_lines_are_listed_not_dropped(self):
        board = TypedAnswers("12\n40\nmany\n3", question="told", sheet=run_sheet_for(MODULE))
        assert [n for n, _t, _r in board.rejected_entries] == [2, 3]
        assert "line 3 <b>many</b>" in board.rejected.value
        assert board.result["mean"] == 7.5 and board.chart.chart is not None

    def test_choices_and_ideas(self):
        sheet = run_sheet_for(MODULE)
        feelings = TypedAnswers("Angry, ignored\nangry", question="feelings", sheet=sheet)
        assert feelings.result["counts"]["Angry"] == 2 and feelings.result["counts"]["Ignored"] == 1
        ideas = TypedAnswers("Greet regulars by name +7\nCall leavers +9\nFree coffee",
                             question="ideas", sheet=sheet)
        assert [(i["text"], i["votes"]) for i in ideas.result["items"]] == [
            ("Call leavers", 9), ("Greet regulars by name", 7), ("Free coffee", 0)]

    def test_bad_arguments(self):
        with pytest.raises(ValueError, match=r"the run sheet has no poll \[nope\]"):
            TypedAnswers(question="nope", sheet=run_sheet_for(MODULE))
        with pytest.raises(ValueError, match="kind must be one of"):
            TypedAnswers(question="q", kind="nps")
        with pytest.raises(ValueError, match="parts must hold"):
            TypedAnswers(question="q", kind="text", parts=("chart",))


@pytest.fixture
def client(tmp_path):
    store = RoomStore(tmp_path / "room.sqlite", module=MODULE)
    room = RoomThread(run_sheet_for(MODULE), store, module=MODULE)
    yield RoomClient(room.url, store.secret)
    room.stop()
    store.close()


def test_typed_answers_reach_the_room_and_the_projector(client):
    sheet = run_sheet_for(MODULE)
    presenter = TypedAnswers(feed=RoomFeed(client, follow=False), sheet=sheet,
                             question="reasons", parts=("entry",))
    projector = TypedAnswers(feed=RoomFeed(client, follow=False), sheet=sheet,
                             question="reasons", parts=("result",))
    presenter.entries.value = "Nobody greeted me\nnobody greeted me\nwrong bill"
    assert "3 typed answers sent to the room" in presenter.sent.value
    projector.feed.refresh()
    assert "Results appear when the trainer shows them" in projector.words.value
    projector.feed.act("question", "reasons", "reveal")
    projector.feed.refresh()
    assert projector.result["items"] == [["Nobody greeted me", 2], ["wrong bill", 1]]


def test_facilitator_page_places_the_tools(client):
    views = {}
    for view in ("presenter", "projector"):
        views[view] = FacilitatorPage(MODULE, view=view, room=client, follow=False)
    assert len(views["projector"].deck.steps) == 10
    assert views["projector"].results is not None


def test_projector_shows_a_result_only_in_its_steps(client):
    """The result part follows the room's step: on show in its steps, hidden elsewhere;
    the trainer's typing box never hides."""
    sheet = run_sheet_for(MODULE)
    projector = TypedAnswers(feed=RoomFeed(client, follow=False), sheet=sheet, question="told",
                             parts=("result",), steps=(3, 5), title="How many people?")
    presenter = TypedAnswers(feed=RoomFeed(client, follow=False), sheet=sheet, question="told",
                             parts=("entry",), steps=(3, 5))
    assert "How many people?</h2>" in projector.title.value
    for step, shown in ((0, False), (2, True), (3, False), (4, True)):
        projector.feed.act("set_step", step, None)
        projector.feed.refresh()
        presenter.feed.refresh()
        assert (projector.layout.display != "none") is shown, step
        assert presenter.layout.display != "none"
