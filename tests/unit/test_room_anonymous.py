"""Anonymous room polls and the statements form (module 07's self-assessment): a phone
sends one form of ratings, the results wait for five answers, and the export keeps no
phone, no answer number and no time for an anonymous question."""

import csv
import io
import re
from pathlib import Path

import pytest

import ccexercise as cc
from ccexercise.room import Question, RoomClient
from ccexercise.room.questions import ANONYMOUS_MIN, is_anonymous_poll, parse_poll
from ccexercise.room.results import summarize
from ccexercise.room.server import RoomThread
from ccexercise.room.store import RoomStore
from ccexercise.views.room import results_chart, results_text
from ccexercise.widgets import SocoRoomEntry
from ccexercise.widgets.room import RoomFeed
from ccexercise.workshop import RunSheet, WorkshopStep, run_sheet_for

from test_room_server import HOST, Phone

STATEMENTS = ("I listen first.", "I push the dearest product.", "I call back after the sale.")
FORM = Question("form", "statements", "How often?", options=STATEMENTS, anonymous=True)
OPEN = Question("felt", "words", "How did it feel?")


class TestQuestion:
    def test_poll_line(self):
        line = "Poll anonymous statements 1-9 [form]: How often?"
        assert parse_poll(line) == ("statements", (1, 9), "form", "How often?")
        assert is_anonymous_poll(line) and not is_anonymous_poll("Poll statements: How often?")
        q = Question.from_poll(line, STATEMENTS, id="2.1")
        assert (q.id, q.kind, q.low, q.high, q.anonymous) == ("form", "statements", 1, 9, True)
        assert q.to_dict()["anonymous"] is True and q.to_dict()["options"] == list(STATEMENTS)
        assert Question.from_poll("Poll statements: How often?", STATEMENTS, id="x").low == 1

    def test_the_printed_run_sheet_says_anonymous(self):
        from ccexercise.workshop.run_sheet_pdf import poll_line

        assert poll_line(FORM) == "Poll [form], anonymous, 3 statements rated 1–9: How often?"

    def test_an_ordinary_poll_is_not_anonymous(self):
        q = Question.from_poll("Poll nps: Recommend?", id="1.1")
        assert not q.anonymous and q.to_dict()["anonymous"] is False

    @pytest.mark.parametrize("value, message", [
        ([9, None, 12], "statement 2 has no answer; statement 3 must be a whole number from "
                        "1 to 9, got 12"),
        ([9, 1], "the answer must hold 3 ratings, one per statement, got 2"),
        ([True, 1, 1], "statement 1 must be a whole number from 1 to 9, got True"),
    ])
    def test_every_bad_rating_named(self, value, message):
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            FORM.check_answer(value)

    def test_a_form_is_a_list(self):
        assert FORM.check_answer([9, "1", 5.0]) == [9, 1, 5]
        with pytest.raises(TypeError, match="the answer must be a list of 3 ratings"):
            FORM.check_answer("9 1 5")

    def test_a_form_needs_statements(self):
        with pytest.raises(ValueError, match="a statements poll needs at least two statements"):
            Question("f", "statements", "How often?", options=("Only one",))


class TestResults:
    def test_withheld_until_five(self):
        four = summarize(FORM, [[9, 1, 5]] * (ANONYMOUS_MIN - 1))
        assert four == {"count": 4, "withheld": True}
        assert results_chart(FORM.to_dict(), four) is None
        assert results_text(FORM.to_dict(), four) == (
            "How often? 4 answers. Anonymous: the results show once 5 have answered.")
        five = summarize(FORM, [[9, 1, 5]] * 4 + [[4, 6, 5]])
        assert five == {"count": 5, "means": [8.0, 2.0, 5.0]}
        assert "I listen first. 8.0" in results_text(FORM.to_dict(), five)

    def test_an_open_form_shows_at_once(self):
        open_form = Question("f", "statements", "How often?", options=STATEMENTS)
        assert summarize(open_form, [[9, 1, 5]]) == {"count": 1, "means": [9.0, 1.0, 5.0]}


@pytest.fixture
def room(tmp_path):
    store = RoomStore(tmp_path / "room.sqlite", module="demo")
    sheet = RunSheet(title="Demo", session_minutes=None, path=Path("run_sheet.md"), steps=(
        WorkshopStep("Form", 5, "Answer.", polls=(FORM, OPEN)),))
    running = RoomThread(sheet, store, module="demo")
    client = RoomClient(f"http://{HOST}:{running.port}", store.secret)
    for q in (FORM, OPEN):
        client.question(q.id, "open")
    yield running, store, client
    running.stop()
    store.close()


def test_phones_send_forms_and_the_export_keeps_no_phone(room):
    running, store, client = room
    phones = []
    for k in range(6):
        phone = Phone(running.port)
        assert phone.join(store.join_code)[0] == 200
        assert phone.answer("felt", f"word{k}")[0] == 200
        status, _, reply = phone.answer("form", [k + 1, 9 - k, 5])
        assert status == 200 and reply["value"] == [k + 1, 9 - k, 5]
        phones.append(phone)
        entry = next(q for q in client.state()["questions"] if q["question"]["id"] == "form")
        if k + 1 < ANONYMOUS_MIN:  # nothing to see, not even the forms, below five
            assert entry["results"] == {"count": k + 1, "withheld": True}
            assert entry["forms"] == []
    assert entry["results"]["count"] == 6 and len(entry["forms"]) == 6
    assert entry["forms"] == sorted(entry["forms"])  # not in the order they came
    status, _, bad = phones[0].answer("form", [1, None, 5])
    assert status == 400 and bad["error"] == "statement 2 has no answer"

    rows = list(csv.reader(io.StringIO(client.export_csv())))
    header, body = rows[0], rows[1:]
    assert header == ["answer", "question", "device", "source", "value", "upvotes", "hidden",
                      "cleared", "received_at"]
    words = [r for r in body if r[1] == "felt"]
    forms = [r for r in body if r[1] == "form"]
    assert [r[2] for r in words] == ["1", "2", "3", "4", "5", "6"]  # devices, as before
    assert all(r[0] and r[8] for r in words)
    assert sorted(r[2] for r in forms) == sorted(f"anon-{n}" for n in range(1, 7))
    assert all(r[0] == "" and r[8] == "" for r in forms)  # no answer number, no time
    assert sorted(r[4] for r in forms) == sorted(f"{k + 1}; {9 - k}; 5" for k in range(6))
    assert not any(phone.cookie.split("=", 1)[1][:8] in client.export_csv() for phone in phones)


def test_the_module_page_scores_the_room_and_types_in_forms(tmp_path):
    """Module 07's page: typed forms go to the room, the team shows from five forms."""
    sheet = run_sheet_for("07_soco_self_assessment")
    store = RoomStore(tmp_path / "room.sqlite", module="07_soco_self_assessment")
    running = RoomThread(sheet, store, module="07_soco_self_assessment")
    try:
        client = RoomClient(f"http://{HOST}:{running.port}", store.secret)
        client.question("soco", "open")
        feed = RoomFeed(client, follow=False)
        entry = SocoRoomEntry(feed=feed, question="soco")
        projector = SocoRoomEntry(feed=feed, question="soco", parts=["result"])
        phone = Phone(running.port)
        assert phone.join(store.join_code)[0] == 200
        texts = [s.text for s in cc.SOCO_STATEMENTS]
        assert phone.answer("soco", [9] * 24)[0] == 200
        for k in range(4):
            entry.form.set_answers({code: 5 for code in cc.SOCO_CODES})
            assert entry.add() is True
            feed.refresh()
        assert projector.profile.team is None
        assert "5 people have answered" in projector.profile.summary.value  # not yet shown
        client.question("soco", "reveal")
        feed.refresh()
        team = projector.profile.team
        # the phone's 9s: 12 x 9 + 12 x 1 = 120, like the four typed "5 everywhere"
        assert team.scores == (120,) * 5
        assert entry.profile.team.scores == (120,) * 5  # the trainer's part shows it too
        soco = next(q for q in client.state()["questions"] if q["question"]["id"] == "soco")
        assert soco["question"]["options"] == texts and soco["question"]["anonymous"]
    finally:
        running.stop()
        store.close()
