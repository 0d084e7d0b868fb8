"""The facilitator page's two views and the module tools, against a real room server on
127.0.0.1: phones answer over HTTP, the widgets are driven from Python."""

import http.client
import json
from pathlib import Path

import pytest

from ccexercise.room import Question, RoomClient
from ccexercise.room.server import RoomThread
from ccexercise.room.store import RoomStore
from ccexercise.widgets import FacilitatorPage, RoomFeed, RoomGap, RoomPoll, RoomResults
from ccexercise.widgets.room import JoinPanel, PollControls
from ccexercise.widgets.skit import skit_workshop
from ccexercise.workshop import RunSheet, WorkshopStep

NOTE = "A note only the trainer reads"
SHEET = RunSheet(title="Demo room", session_minutes=None, path=Path("run_sheet.md"), steps=(
    WorkshopStep("Welcome", 2, "Hello, room.", materials=("Sticky notes",), notes=(NOTE,)),
    WorkshopStep("Recommend", 5, "Answer on your phone.", notes=(NOTE,), polls=(
        Question("recommend", "nps", "Would you recommend us?"),)),
    WorkshopStep("Skit ratings", 3, "Rate the skit.", polls=(
        Question("come-back", "rating", "Come back?", low=0, high=10),
        Question("felt", "words", "How did the customer feel?"))),
    WorkshopStep("Gap", 4, "One scenario.", polls=(
        Question("expected", "rating", "What did you expect?"),
        Question("got", "rating", "What did you get?"))),
))


class Phone:
    """One phone: joins with the code, then answers (its cookie is its device)."""

    def __init__(self, room: RoomThread, code: str):
        self.port, self.cookie = room.port, None
        status, _ = self.send("POST", "/api/join", {"code": code})
        assert status == 200

    def send(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        connection.request(method, path, json.dumps(body).encode() if body else None, headers)
        response = connection.getresponse()
        if response.getheader("Set-Cookie"):
            self.cookie = response.getheader("Set-Cookie").split(";")[0]
        return response.status, json.loads(response.read() or b"null")

    def answer(self, question, value):
        status, reply = self.send("POST", "/api/answer", {"question": question, "value": value})
        assert status == 200, reply
        return reply


@pytest.fixture
def room(tmp_path):
    store = RoomStore(tmp_path / "room.sqlite", module="demo")
    running = RoomThread(SHEET, store, module="demo")
    yield running
    running.stop()
    store.close()


@pytest.fixture
def client(room):
    return RoomClient(room.url, room.store.secret)


def phones(room, count):
    return [Phone(room, room.store.join_code) for _ in range(count)]


def page(client, view):
    return FacilitatorPage("demo", view=view, room=client, sheet=SHEET, follow=False)


def test_projector_follows_the_presenter_and_never_shows_the_notes(client):
    presenter, projector = page(client, "presenter"), page(client, "projector")
    assert NOTE in presenter.deck.notes.value and "Sticky notes" in presenter.deck.materials.value
    presenter.deck.next()
    assert client.state(timeout=0)["step"] == 1
    projector.feed.refresh()
    assert projector.deck.index == 1
    assert projector.deck.title.value.endswith(">Recommend</h2>")
    assert projector.deck.notes.value == "" and projector.deck.materials.value == ""
    assert NOTE not in json.dumps([w.value for w in _html_widgets(projector)])
    assert "Next: <b>Skit ratings</b>" in presenter.deck.coming.value
    # The clicker on the projector moves the presenter too, and its step list.
    projector.deck.next()
    presenter.feed.refresh()
    assert presenter.deck.index == 2 and presenter.step_list.value == 2
    presenter.step_list.value = 3  # jump to a step from the list
    projector.feed.refresh()
    assert projector.deck.index == 3 and projector.step_list is None


def test_projector_clock_follows_the_presenters_start_and_pause(client):
    presenter, projector = page(client, "presenter"), page(client, "projector")
    presenter.deck.timer.start_button.click()
    projector.feed.refresh()
    assert projector.deck.timer.play.playing
    presenter.deck.timer.play.value = 30  # the browser counted 30 s
    presenter.deck.timer.pause_button.click()
    projector.feed.refresh()
    assert not projector.deck.timer.play.playing
    assert projector.deck.timer.clock_text == presenter.deck.timer.clock_text


def test_results_stay_hidden_until_the_trainer_shows_them(room, client):
    presenter, projector = page(client, "presenter"), page(client, "projector")
    presenter.deck.index = 1
    controls = presenter.controls.controls
    controls["recommend"].open_button.click()
    for phone, score in zip(phones(room, 3), (10, 9, 3)):
        phone.answer("recommend", score)
    projector.feed.refresh()
    shown = " ".join(w.value for w in _html_widgets(projector.results))
    assert "3 answers" in shown and "appear when the trainer shows them" in shown
    controls["recommend"].reveal_button.click()
    projector.feed.refresh()
    shown = " ".join(w.value for w in _html_widgets(projector.results))
    assert "NPS +33.3" in shown and "Detractors: 1, Passives: 0, Promoters: 2" in shown


def test_join_panel_shows_the_code_and_a_qr_code_with_the_address_as_alt_text(room, client):
    panel = JoinPanel(RoomFeed(client, follow=False))
    code = room.store.join_code
    assert f">{code}</b>" in panel.body.value
    assert f'alt="QR code to join: {room.url}?code={code}"' in panel.body.value
    assert room.store.secret not in panel.body.value


def test_text_answers_show_as_text_and_the_trainer_can_hide_one(room, client):
    feed = RoomFeed(client, follow=False)
    feed.act("set_step", 2, None)
    feed.act("question", "felt", "open")
    feed.act("question", "felt", "reveal")
    first, second = phones(room, 2)
    first.answer("felt", "<script>alert(1)</script>")
    second.answer("felt", "calm")
    results = RoomResults(feed)
    feed.refresh()
    shown = " ".join(w.value for w in _html_widgets(results))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "<script>" not in shown
    controls = PollControls(feed)
    feed.refresh()
    hide = controls.controls["felt"].answers.children[0].children[0]
    hide.value = True
    assert "calm" in " ".join(w.value for w in _html_widgets(results))
    assert "alert(1)" not in results.panels["felt"][2].value


def test_export_offers_every_answer_as_a_csv_download(room, client):
    feed = RoomFeed(client, follow=False)
    feed.act("set_step", 1, None)
    feed.act("question", "recommend", "open")
    phones(room, 1)[0].answer("recommend", 8)
    text = PollControls(feed).export()
    assert "recommend" in text and "8" in text


def test_nps_poll_counts_phones_and_typed_sticky_notes_together(room, client):
    feed = RoomFeed(client, follow=False)
    feed.act("set_step", 1, None)
    feed.act("question", "recommend", "open")
    presenter = RoomPoll(feed=feed, question="recommend", parts=("entry",))
    projector = RoomPoll(feed=RoomFeed(client, follow=False), question="recommend",
                         parts=("result",))
    presenter.entries.value = "10 9 2 eleven"
    assert "3 typed scores sent" in presenter.sent.value
    assert presenter.rejected_entries == [(4, "eleven", "is not a whole number from 0 to 10")] \
        or presenter.rejected_entries[0][1] == "eleven"
    phones(room, 1)[0].answer("recommend", 10)
    projector.feed.refresh()
    assert projector.result.n == 4 and "so far" in projector.big.value  # not yet revealed
    feed.act("question", "recommend", "reveal")
    projector.feed.refresh()
    assert (projector.result.promoters, projector.result.detractors) == (3, 1)
    assert "NPS <b>+50.0</b>" in projector.big.value
    assert projector.chart.chart is not None


def test_skit_rating_saves_the_phones_scores_then_clears_the_questions(room, client,
                                                                      tmp_path):
    feed = RoomFeed(client, follow=False)
    feed.act("set_step", 2, None)
    feed.act("question", "come-back", "open")
    for phone, score in zip(phones(room, 3), (2, 3, 4)):
        phone.answer("come-back", score)
    path = tmp_path / "skits.csv"
    presenter = skit_workshop(path, feed=feed, parts=("rating",))
    projector_feed = RoomFeed(client, follow=False)
    projector = skit_workshop(path, feed=projector_feed, parts=("compare",))
    feed.refresh()
    form = presenter.rating_form
    assert "Phones: <b>3</b> ratings, average 3.0" in form.phones.value
    form.skit.value = "Team 1"
    form.emotion_buttons["irritated"].value = True
    form.room.value = "5"
    assert form.save() is not None
    assert sorted(form.session.ratings[-1].room) == [2, 3, 4, 5]
    state = client.state(timeout=0)
    entry = next(q for q in state["questions"] if q["question"]["id"] == "come-back")
    assert entry["results"]["count"] == 0  # cleared for the next skit, kept in the file
    projector_feed.refresh()
    assert "3.5 (4)" in projector.comparison.table.value


def test_room_gap_shows_the_rooms_average_gap_and_level(room, client):
    feed = RoomFeed(client, follow=False)
    feed.act("set_step", 3, None)
    for question in ("expected", "got"):
        feed.act("question", question, "open")
    gap = RoomGap(feed)
    for phone, (expected, got) in zip(phones(room, 2), ((8, 5), (6, 5))):
        phone.answer("expected", expected)
        phone.answer("got", got)
    feed.refresh()
    assert gap.gap is None and "shows the results" in gap.summary.value
    for question in ("expected", "got"):
        feed.act("question", question, "reveal")
    assert gap.gap == -2.0 and gap.result.label == "Low"
    assert "expected 7 on average" in gap.summary.value


def test_a_page_without_a_room_shows_everything_and_says_phones_cannot_answer():
    page_ = FacilitatorPage("05_nps", room=None)
    assert page_.view == "both"
    assert page_.controls is None and page_.results is None
    assert "No room is running" in page_.children[2].value
    assert page_.projector(lambda: "calc") == "calc" and page_.presenter(lambda: "form") == "form"


def _html_widgets(widget):
    """Every HTML widget inside ``widget``."""
    import ipywidgets as widgets

    found, stack = [], [widget]
    while stack:
        current = stack.pop()
        if isinstance(current, widgets.HTML):
            found.append(current)
        stack.extend(getattr(current, "children", ()))
    return found
