"""The room server, run for real on 127.0.0.1: phones join and answer, the trainer steers,
bad requests are refused with a clear message and store nothing, and a killed server
loses no acknowledged answer."""

import asyncio
import http.client
import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import tornado.httpserver
import tornado.netutil

from ccexercise.room import Question, RoomClient, RoomError, connection_help, room_command
from ccexercise.room.launch import join_url, qr_url, write_runtime_file
from ccexercise.room.server import DEVICE_LIMIT, RoomThread, make_app
from ccexercise.room.store import RoomStore
from ccexercise.workshop import RunSheet, WorkshopStep

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"

POLLS = (Question("come-back", "rating", "How much would you come back?", low=0, high=10),
         Question("level", "choice", "Which level?", options=("Low", "Standard", "WOW")),
         Question("many", "choices", "Which ones?", options=("A", "B", "C")),
         Question("felt", "words", "How did the customer feel?"),
         Question("ideas", "ideas", "What would you change?"))


def demo_sheet(path=Path("run_sheet.md")):
    return RunSheet(title="Demo", session_minutes=None, path=path, steps=(
        WorkshopStep("Ratings", 5, "Rate the visit.", polls=POLLS),
        WorkshopStep("Later", 5, "Later on.", polls=(Question("later", "nps", "Recommend?"),))))


def request(port, method, path, body=None, *, cookie=None, secret=None, raw=None,
            timeout=30):
    """(status, headers, parsed JSON or text) of one request."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    headers = {}
    if cookie:
        headers["Cookie"] = cookie
    if secret is not None:
        headers["X-Room-Secret"] = secret
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    if data is not None:
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=data, headers=headers)
    response = connection.getresponse()
    payload = response.read().decode()
    connection.close()
    try:
        payload = json.loads(payload)
    except ValueError:
        pass
    return response.status, response.headers, payload


class Phone:
    def __init__(self, port):
        self.port, self.cookie = port, None

    def join(self, code):
        status, headers, data = request(self.port, "POST", "/api/join", {"code": code},
                                        cookie=self.cookie)
        if status == 200:
            self.cookie = headers["Set-Cookie"].split(";")[0]
        return status, headers, data

    def __call__(self, method, path, body=None, **options):
        return request(self.port, method, path, body, cookie=self.cookie, **options)

    def answer(self, question, value):
        return self("POST", "/api/answer", {"question": question, "value": value})


@pytest.fixture
def store(tmp_path):
    opened = RoomStore(tmp_path / "room.sqlite", module="demo")
    yield opened
    opened.close()


@pytest.fixture
def room(store):
    running = RoomThread(demo_sheet(), store, module="demo")
    yield running
    running.stop()


@pytest.fixture
def control(room, store):
    def send(method, path, body=None, **options):
        return request(room.port, method, path, body, secret=store.secret, **options)
    return send


@pytest.fixture
def phone(room, store, control):
    """A joined phone, with every question of step 1 open."""
    for q in POLLS:
        assert control("POST", "/api/control/question", {"question": q.id, "action": "open"})[0] \
            == 200
    joined = Phone(room.port)
    assert joined.join(store.join_code)[0] == 200
    return joined


def snapshot(store):
    """Everything stored: the answers (all of them, with flags) and the upvotes."""
    return ([(a.question, a.device, a.value, a.hidden, a.cleared)
             for a in store.answers(counted=False)], store.upvotes("ideas"))


# ------------------------------------------------------------------------------------
# Serving nothing but the room
# ------------------------------------------------------------------------------------

class TestPages:
    def test_phone_page(self, room):
        """/ is the phone page: English, titled, its script and style from /room/."""
        status, headers, page = request(room.port, "GET", "/")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert '<html lang="en">' in page and "<title>Room poll</title>" in page
        assert 'src="/room/phone.js"' in page and 'href="/room/phone.css"' in page
        assert "not a secret ballot" in page
        assert "default-src 'self'" in headers["Content-Security-Policy"]

    @pytest.mark.parametrize("path", ["/room/phone.js", "/room/phone.css"])
    def test_static_files(self, room, path):
        """The phone's script and style are served."""
        assert request(room.port, "GET", path)[0] == 200

    @pytest.mark.parametrize("path", [
        "/room/../server.py", "/static/", "/etc/passwd", "/room/", "/room/phone.html",
        "/server.py", "/room/%2e%2e/server.py", "/../../etc/passwd", "/room/static/phone.js",
        "/api/", "/api/control/", "/favicon.ico", "/room.sqlite", "//etc/passwd"])
    def test_everything_else_is_404(self, room, path):
        """No other file and no folder listing is ever served."""
        status, _, data = request(room.port, "GET", path)
        assert status == 404 and data == {"error": "there is nothing here"}

    def test_no_external_resources_and_text_as_text(self):
        """The phone page loads nothing from elsewhere and never sets innerHTML."""
        static = ROOT / "ccexercise" / "room" / "static"
        for name in ("phone.html", "phone.js", "phone.css"):
            text = (static / name).read_text(encoding="utf-8")
            assert not re.search(r"https?://", text), name
            assert not re.search(r"\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write",
                                 text), name


# ------------------------------------------------------------------------------------
# Phones
# ------------------------------------------------------------------------------------

class TestJoin:
    def test_right_code_sets_device_cookie(self, room, store):
        """The right code (any case) gives an HttpOnly, SameSite=Lax device cookie."""
        status, headers, data = Phone(room.port).join(store.join_code.lower())
        assert status == 200 and data == {"ok": True}
        cookie = headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie

    def test_wrong_code(self, room, store):
        """A wrong code is 403 with a message; no cookie, nothing stored."""
        before = snapshot(store)
        status, headers, data = Phone(room.port).join("ZZZZ")
        assert status == 403 and "Set-Cookie" not in headers
        assert data == {"error": "that join code is not this room's: check the code on the "
                                 "screen"}
        assert snapshot(store) == before

    def test_rejoining_keeps_the_device(self, room, store, phone):
        """Joining again (scanning the QR code twice) keeps the same device."""
        phone.answer("come-back", 4)
        phone.join(store.join_code)
        phone.answer("come-back", 6)
        assert [a.value for a in store.answers("come-back")] == [6]


class TestNow:
    def test_not_joined(self, room):
        """/api/now without joining is 401."""
        status, _, data = request(room.port, "GET", "/api/now")
        assert status == 401 and "enter the join code" in data["error"]

    def test_forged_cookie(self, room):
        """A device cookie the server did not sign is not a joined phone."""
        status, _, _ = request(room.port, "GET", "/api/now", cookie="ccexercise_room=d-fake")
        assert status == 401

    def test_waiting_until_a_question_opens(self, room, store, control):
        """A late joiner waits; opened questions show, the current step's first, with 'mine'."""
        phone = Phone(room.port)
        phone.join(store.join_code)
        now = phone("GET", "/api/now")[2]
        assert now["waiting"] is True and now["questions"] == [] and now["step_title"] == "Ratings"
        control("POST", "/api/control/question", {"question": "level", "action": "open"})
        control("POST", "/api/control/question", {"question": "later", "action": "open"})
        now = phone("GET", "/api/now")[2]
        assert now["waiting"] is False
        assert [q["id"] for q in now["questions"]] == ["level", "later"]  # 'later': step 2
        assert now["questions"][0]["options"] == ["Low", "Standard", "WOW"]
        assert now["questions"][0]["mine"] is None
        phone.answer("level", "wow")
        assert phone("GET", "/api/now")[2]["questions"][0]["mine"] == "WOW"

    def test_long_poll_wakes_on_change(self, room, store, control):
        """A long-poll with the current version returns when a question opens."""
        phone = Phone(room.port)
        phone.join(store.join_code)
        version = phone("GET", "/api/now")[2]["version"]
        threading.Timer(0.3, control, ("POST", "/api/control/question",
                                       {"question": "felt", "action": "open"})).start()
        start = time.monotonic()
        now = phone("GET", f"/api/now?since={version}")[2]
        assert 0.2 < time.monotonic() - start < 5
        assert [q["id"] for q in now["questions"]] == ["felt"]


class TestAnswer:
    def test_answer_is_stored_and_replaced(self, phone, store):
        """A device answers once: a new vote replaces the old one."""
        assert phone.answer("come-back", 9)[2] == {"ok": True, "question": "come-back",
                                                     "value": 9}
        assert phone.answer("come-back", "3")[2]["value"] == 3
        assert [a.value for a in store.answers("come-back")] == [3]

    def test_every_kind(self, phone, store):
        """Each kind of question stores its checked value."""
        phone.answer("level", "standard")
        phone.answer("many", ["C", "A"])
        phone.answer("felt", "  Very   calm ")
        assert [(a.question, a.value) for a in store.answers()] == [
            ("level", "Standard"), ("many", ["A", "C"]), ("felt", "Very calm")]

    def test_text_comes_back_as_text(self, phone, control):
        """Markup in an answer is stored and sent back as the same text, JSON-escaped."""
        evil = '<img src=x onerror="alert(1)">'
        phone.answer("felt", evil)
        status, headers, raw = control("GET", "/api/control/state")
        assert headers["Content-Type"].startswith("application/json")
        felt = [q for q in raw["questions"] if q["question"]["id"] == "felt"][0]
        assert felt["answers"][0]["value"] == evil

    def test_other_phones_on_the_same_address_go_on(self, room, store, phone):
        """A flooding phone gets 429 with Retry-After; another phone on the same Wi-Fi
        address still answers."""
        statuses = [phone.answer("come-back", n % 10)[0] for n in range(DEVICE_LIMIT[1] + 8)]
        assert statuses.count(429) >= 5 and statuses[0] == 200
        status, headers, data = phone.answer("come-back", 1)
        assert status == 429 and int(headers["Retry-After"]) >= 1
        assert data["error"].startswith("too many requests from this phone: wait")
        other = Phone(room.port)
        other.join(store.join_code)
        assert other.answer("come-back", 10)[0] == 200


class TestBadAnswers:
    """Each bad request: its status, its message, and nothing stored."""

    @pytest.mark.parametrize("body, status, message", [
        ({"question": "nope", "value": 1}, 404, "there is no question 'nope' in this session"),
        ({"question": "come-back", "value": 11}, 400,
         "the answer must be a whole number from 0 to 10, got 11"),
        ({"question": "come-back", "value": 7.5}, 400,
         "the answer must be a whole number from 0 to 10, got 7.5"),
        ({"question": "level", "value": "Gold"}, 400,
         "'Gold' is not one of the options: Low, Standard, WOW"),
        ({"question": "many", "value": ["A", "Z"]}, 400,
         "'Z' is not one of the options: A, B, C"),
        ({"question": "felt", "value": "   "}, 400, "the answer is empty: write a word or two"),
        ({"question": "felt", "value": "x" * 41}, 400,
         "the answer is 41 characters long; at most 40 are allowed"),
        ({"question": "ideas", "value": "y" * 281}, 400,
         "the answer is 281 characters long; at most 280 are allowed"),
        ({"value": 3}, 400, "the request has no 'question' (the question's id, as text)"),
        ({"question": "come-back"}, 400, "the request has no 'value' (the answer)"),
        ({"question": 5, "value": 3}, 400, "question must be the question's id, as text, got 5"),
        ({"question": "felt", "value": 12}, 400, "the answer must be text, got 12"),
        ({"question": "come-back", "value": True}, 400,
         "the answer must be a whole number from 0 to 10, got True"),
        ([1, 2], 400, "the request must be a JSON object, got list"),
    ])
    def test_refused(self, phone, store, body, status, message):
        before = snapshot(store)
        got_status, headers, data = phone("POST", "/api/answer", body)
        assert (got_status, data) == (status, {"error": message})
        assert headers["Content-Type"].startswith("application/json")
        assert snapshot(store) == before

    def test_bad_json(self, phone, store):
        before = snapshot(store)
        status, _, data = phone("POST", "/api/answer", raw=b'{"question": "felt", value}')
        assert status == 400 and data["error"].startswith("the request must be JSON")
        assert snapshot(store) == before

    def test_not_utf8(self, phone, store):
        before = snapshot(store)
        assert phone("POST", "/api/answer", raw=b"\xff\xfe")[0] == 400
        assert snapshot(store) == before

    def test_body_too_big(self, phone, store):
        before = snapshot(store)
        body = json.dumps({"question": "felt", "value": "x" * 5000}).encode()
        status, _, data = phone("POST", "/api/answer", raw=body)
        assert (status, data) == (413, {"error": f"the request is {len(body)} bytes; at most "
                                                 "4096 are allowed"})
        assert snapshot(store) == before

    def test_closed_question(self, phone, store, control):
        before = snapshot(store)
        control("POST", "/api/control/question", {"question": "level", "action": "close"})
        status, _, data = phone.answer("level", "Low")
        assert (status, data) == (409, {"error": "this question is closed: answers are no "
                                                 "longer taken"})
        assert snapshot(store) == before

    def test_question_of_another_step(self, phone, store, control):
        """An open question of another step still takes answers (a skit rated later on);
        closed, it takes none."""
        control("POST", "/api/control/question", {"question": "later", "action": "open"})
        assert phone.answer("later", 9)[0] == 200
        control("POST", "/api/control/question", {"question": "later", "action": "close"})
        before = snapshot(store)
        assert phone.answer("later", 8)[0] == 409
        assert snapshot(store) == before

    def test_not_joined(self, room, store):
        before = snapshot(store)
        status, _, data = request(room.port, "POST", "/api/answer",
                                  {"question": "felt", "value": "ok"})
        assert status == 401 and "enter the join code" in data["error"]
        assert snapshot(store) == before


class TestUpvote:
    def test_toggle(self, room, store, phone):
        """A vote for another's idea, then the same again takes it back."""
        other = Phone(room.port)
        other.join(store.join_code)
        idea = other.answer("ideas", "Free tea")
        idea_id = store.answers("ideas")[0].id
        assert idea[0] == 200
        vote = {"question": "ideas", "idea": idea_id}
        assert phone("POST", "/api/upvote", vote)[2] == {"ok": True, "idea": idea_id,
                                                          "voted": True}
        ideas = phone("GET", "/api/now")[2]["questions"][-1]["ideas"]
        assert ideas == [{"id": idea_id, "text": "Free tea", "votes": 1, "mine": False,
                          "mine_voted": True}]
        assert phone("POST", "/api/upvote", vote)[2]["voted"] is False
        assert store.upvotes("ideas") == {}

    def test_own_idea_and_unknown_idea(self, phone, store):
        """One's own idea and an idea that does not exist take no votes."""
        phone.answer("ideas", "Mine")
        own = store.answers("ideas")[0].id
        before = snapshot(store)
        assert phone("POST", "/api/upvote", {"question": "ideas", "idea": own})[2] == \
            {"error": "this is your own idea: vote for the others'"}
        assert phone("POST", "/api/upvote", {"question": "ideas", "idea": 999})[:3:2] == \
            (404, {"error": "there is no idea 999 in this question"})
        assert phone("POST", "/api/upvote", {"question": "felt", "idea": own})[2] == \
            {"error": "only ideas take upvotes; 'felt' is a words question"}
        assert snapshot(store) == before


# ------------------------------------------------------------------------------------
# The trainer's control API
# ------------------------------------------------------------------------------------

class TestControl:
    @pytest.mark.parametrize("secret", [None, "", "wrong"])
    @pytest.mark.parametrize("method, path", [
        ("GET", "/api/control/state"), ("POST", "/api/control/step"),
        ("POST", "/api/control/question"), ("POST", "/api/control/hide"),
        ("POST", "/api/control/typed"), ("GET", "/api/control/export.csv"),
        ("POST", "/api/control/delete")])
    def test_needs_the_secret(self, room, store, secret, method, path):
        """Every control route is 403 without the right secret, and changes nothing."""
        store.answer("felt", "d", "calm")
        before = snapshot(store)
        status, _, data = request(room.port, method, path, {} if method == "POST" else None,
                                  secret=secret)
        assert (status, data) == (403, {"error": "the control API needs the room's secret "
                                                 "(X-Room-Secret)"})
        assert snapshot(store) == before

    def test_state(self, room, store, control, phone):
        """The state has the step, the join address and code, and each question's results;
        the QR address never holds the secret."""
        phone.answer("come-back", 8)
        state = control("GET", "/api/control/state")[2]
        assert state["step"] == 0 and state["join_code"] == store.join_code
        assert state["join_url"] == f"http://{HOST}:{room.port}/"
        assert state["qr_url"] == f"http://{HOST}:{room.port}/?code={store.join_code}"
        assert store.secret not in json.dumps({k: v for k, v in state.items()})
        first = state["questions"][0]
        assert first["question"]["id"] == "come-back" and first["open"] is True
        assert first["results"]["count"] == 1 and first["results"]["mean"] == 8.0
        assert "answers" not in first  # ratings have no answer list

    def test_state_long_poll(self, control, phone):
        """A control long-poll returns as soon as an answer arrives."""
        version = control("GET", "/api/control/state")[2]["version"]
        threading.Timer(0.3, phone.answer, ("come-back", 5)).start()
        start = time.monotonic()
        state = control("GET", f"/api/control/state?since={version}")[2]
        assert time.monotonic() - start < 5 and state["version"] > version
        assert state["questions"][0]["results"]["count"] == 1

    def test_step(self, control, store, phone):
        """Moving to step 2 keeps step 1's open question answerable, after step 2's; a bad
        index is refused."""
        control("POST", "/api/control/question", {"question": "later", "action": "open"})
        assert control("POST", "/api/control/step", {"index": 1, "timer": {"s": 60}})[0] == 200
        assert (store.step, store.timer) == (1, {"s": 60})
        now = phone("GET", "/api/now")[2]
        assert now["step_title"] == "Later"
        assert [q["id"] for q in now["questions"]][:2] == ["later", "come-back"]
        status, _, data = control("POST", "/api/control/step", {"index": 2})
        assert (status, data) == (400, {"error": "index must be from 0 to 1 (the run sheet "
                                                 "has 2 steps), got 2"})

    def test_question_actions(self, control, store, phone):
        """reveal, conceal and clear; an unknown action is refused."""
        phone.answer("come-back", 3)
        control("POST", "/api/control/question", {"question": "come-back", "action": "reveal"})
        assert store.question_state("come-back").revealed
        control("POST", "/api/control/question", {"question": "come-back", "action": "clear"})
        assert store.answers("come-back") == [] and len(store.answers(counted=False)) == 1
        status, _, data = control("POST", "/api/control/question",
                                  {"question": "come-back", "action": "shout"})
        assert (status, data) == (400, {"error": "action must be one of open, close, reveal, "
                                                 "conceal, clear; got 'shout'"})

    def test_hide(self, control, store, phone):
        """A hidden word is kept but not counted; an unknown answer is 404."""
        phone.answer("felt", "rude")
        answer = store.answers("felt")[0].id
        assert control("POST", "/api/control/hide", {"answer": answer, "hidden": True})[0] == 200
        felt = [q for q in control("GET", "/api/control/state")[2]["questions"]
                if q["question"]["id"] == "felt"][0]
        assert felt["results"]["count"] == 0 and felt["answers"][0]["hidden"] is True
        assert control("POST", "/api/control/hide", {"answer": 999})[:3:2] == \
            (404, {"error": "there is no answer 999"})

    def test_typed(self, control, store):
        """Typed answers are checked like a phone's; any bad one stores nothing."""
        assert control("POST", "/api/control/typed",
                       {"question": "come-back", "values": [7, "8"]})[2]["values"] == [7, 8]
        before = snapshot(store)
        status, _, data = control("POST", "/api/control/typed",
                                  {"question": "come-back", "values": [1, 12, "x"]})
        assert status == 400
        assert data["error"] == (
            "2 of the 3 typed answers cannot be used, nothing was saved: answer 2 (12): the "
            "answer must be a whole number from 0 to 10, got 12; answer 3 (\"x\"): the answer "
            "must be a whole number from 0 to 10, got 'x'")
        assert snapshot(store) == before

    def test_export_and_delete(self, control, store, phone):
        """The export lists every answer; delete removes them all."""
        phone.answer("felt", "calm")
        status, headers, text = control("GET", "/api/control/export.csv")
        assert status == 200 and headers["Content-Type"].startswith("text/csv")
        assert text.splitlines()[1].startswith("1,felt,1,phone,calm,0,0,0,")
        assert control("POST", "/api/control/delete", {})[2] == {"ok": True, "deleted": 1}
        assert store.answers(counted=False) == []


class TestClient:
    def test_client_drives_the_room(self, room, store, phone):
        """RoomClient: state, step, question, typed, hide, export, delete; errors are RoomError."""
        client = RoomClient(f"http://{HOST}:{room.port}", store.secret)
        client.question("level", "close")
        assert [q["open"] for q in client.state()["questions"]][:2] == [True, False]
        client.set_typed("come-back", [4])
        phone.answer("felt", "nice")
        client.hide(store.answers("felt")[0].id)
        assert "typed" in client.export_csv()
        client.set_step(1)
        assert client.state()["step"] == 1
        with pytest.raises(RoomError, match="there is no question 'x' in this session"):
            client.question("x", "open")
        assert client.delete_answers()["deleted"] == 2

    def test_wrong_secret(self, room):
        with pytest.raises(RoomError, match="needs the room's secret") as raised:
            RoomClient(f"http://{HOST}:{room.port}", "nope").state()
        assert raised.value.status == 403

    def test_unreachable(self):
        from ccexercise.launch import free_port
        with pytest.raises(RoomError, match="cannot reach the room server"):
            RoomClient(f"http://{HOST}:{free_port()}", "s").state()

    def test_from_runtime_file(self, tmp_path):
        """from_env reads the runtime file, which only its owner can read."""
        path = write_runtime_file("http://127.0.0.1:1/", "s3", "demo", tmp_path / "r.json")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert RoomClient.from_env({}, path=path).secret == "s3"


class TestLaunch:
    def test_room_command(self, tmp_path):
        argv = room_command("05_nps", host=HOST, port=8765, session_dir=tmp_path,
                            run_sheet=tmp_path / "s.md")
        assert argv[:3] == [sys.executable, "-m", "ccexercise.room"]
        assert argv[3:] == ["05_nps", "--room-host", HOST, "--room-port", "8765",
                            "--session-dir", str(tmp_path), "--run-sheet", str(tmp_path / "s.md")]

    def test_connection_help(self):
        """The help names the hotspot and the firewall rule for the port."""
        text = connection_help("http://10.0.0.5:8765/")
        assert "hotspot" in text and "sudo ufw allow 8765/tcp" in text
        assert "127.0.0.1" not in text

    def test_qr_url(self):
        assert qr_url("http://10.0.0.5:8765/", "ACDE") == "http://10.0.0.5:8765/?code=ACDE"


# ------------------------------------------------------------------------------------
# The real command, killed and restarted
# ------------------------------------------------------------------------------------

SHEET = """# Run sheet: Demo

## Ratings (5 min)

Rate the visit.

Poll rating 0-10 [come-back]: How much would you come back?
Poll words [felt]: How did the customer feel?

## Later (5 min)

Later on.
"""

@pytest.fixture
def command_env(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")}
    env.pop("CCEXERCISE_RUN_SHEET", None)
    return env


def start_room(tmp_path, env, port):
    sheet = tmp_path / "run_sheet.md"
    sheet.write_text(SHEET, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "ccexercise.room", "01_lost_customer_cost",
         "--run-sheet", str(sheet), "--room-host", HOST, "--room-port", str(port),
         "--session-dir", str(tmp_path / "sessions")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=tmp_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if request(port, "GET", "/", timeout=2)[0] == 200:
                return process
        except OSError:
            time.sleep(0.1)
        assert process.poll() is None, process.stdout.read()
    raise AssertionError("the room server did not start")


class TestCommand:
    def test_kill_9_loses_nothing(self, tmp_path, command_env):
        """Answers acknowledged before a SIGKILL are all there after a restart on the same
        file, with the same join code, secret and step."""
        from ccexercise.launch import free_port

        port = free_port()
        process = start_room(tmp_path, command_env, port)
        try:
            [path] = (tmp_path / "sessions").glob("room-01_lost_customer_cost-*.sqlite")
            with RoomStore(path) as peek:
                code, secret = peek.join_code, peek.secret
            runtime = json.loads((tmp_path / "rt" / "ccexercise-room.json").read_text())
            assert runtime == {"url": f"http://{HOST}:{port}/", "secret": secret,
                               "module": "01_lost_customer_cost"}
            client = RoomClient(runtime["url"], secret)
            client.set_step(0, {"seconds": 300})
            client.question("come-back", "open")
            client.question("felt", "open")
            phones = [Phone(port) for _ in range(20)]
            acknowledged = {}
            for n, phone in enumerate(phones):
                assert phone.join(code)[0] == 200
                for question, value in (("come-back", n % 11), ("felt", f"word{n % 3}"),
                                        ("come-back", (n + 5) % 11)):
                    status, _, reply = phone.answer(question, value)
                    assert status == 200
                    acknowledged[(n, question)] = reply["value"]
            before = client.state()
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)
        output = process.stdout.read()
        assert code in output and f"http://{HOST}:{port}/" in output
        assert secret not in output
        process = start_room(tmp_path, command_env, port)
        try:
            after = RoomClient(f"http://{HOST}:{port}/", secret).state()
            assert (after["join_code"], after["step"], after["timer"]) == \
                (code, 0, {"seconds": 300})
            assert after["version"] == before["version"]
            assert after["questions"] == before["questions"]  # the same totals, every one
            assert after["questions"][0]["results"]["count"] == 20
            with RoomStore(path) as peek:
                stored = sorted(a.value for a in peek.answers("come-back"))
            assert stored == sorted(v for (n, q), v in acknowledged.items() if q == "come-back")
            now = phones[0]("GET", "/api/now")  # the devices are still joined
            assert now[0] == 200 and now[2]["questions"][0]["mine"] == 5
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(10) == 0

    def test_bad_run_sheet_lists_every_mistake(self, tmp_path, command_env):
        sheet = tmp_path / "bad.md"
        sheet.write_text("# Run sheet: Bad\n\n## Hello\n\nHi.\n\n## Bye (0 min)\n\nBye.\n")
        done = subprocess.run([sys.executable, "-m", "ccexercise.room", "x", "--run-sheet",
                               str(sheet), "--room-host", HOST], capture_output=True, text=True,
                              env=command_env, timeout=60)
        assert done.returncode == 1
        assert "2 problems in the run sheet" in done.stderr
        assert "line 3:" in done.stderr and "line 7:" in done.stderr

    def test_delete(self, tmp_path, command_env):
        """--delete --yes empties today's store of the session."""
        from ccexercise.room.store import default_store_path

        path = default_store_path(tmp_path, "01_lost_customer_cost")
        with RoomStore(path) as opened:
            opened.answer("q", "d", 1)
        sheet = tmp_path / "s.md"
        sheet.write_text(SHEET)
        done = subprocess.run([sys.executable, "-m", "ccexercise.room", "01_lost_customer_cost",
                               "--run-sheet", str(sheet), "--session-dir", str(tmp_path),
                               "--delete", "--yes"], capture_output=True, text=True,
                              env=command_env, timeout=60)
        assert done.returncode == 0, done.stderr
        assert f"Deleted 1 answers from {path}" in done.stdout
        with RoomStore(path) as opened:
            assert opened.answers(counted=False) == []


# ------------------------------------------------------------------------------------
# Under a prefix, as a JupyterHub service (/services/room/)
# ------------------------------------------------------------------------------------

PREFIX = "/services/room/"


@pytest.fixture
def hub_room(store):
    running = RoomThread(demo_sheet(), store, module="demo", base_url=PREFIX)
    yield running
    running.stop()


class TestPrefix:
    def test_the_page_and_its_files_are_under_the_prefix(self, hub_room):
        """The page asks for its script and style under the prefix; the script asks for
        the API relative to the page, so it lands under the prefix too."""
        status, _, page = request(hub_room.port, "GET", PREFIX)
        assert status == 200 and "<title>Room poll</title>" in page
        assert f'src="{PREFIX}room/phone.js"' in page and f'href="{PREFIX}room/phone.css"' in page
        for path in ("room/phone.js", "room/phone.css"):
            assert request(hub_room.port, "GET", PREFIX + path)[0] == 200
        script = (ROOT / "ccexercise" / "room" / "static" / "phone.js").read_text()
        assert '"/api/' not in script and 'call("POST", "api/join"' in script

    @pytest.mark.parametrize("path", ["/", "/api/now", "/room/phone.js", "/services/",
                                      "/services/roomy/", PREFIX + "services/room/",
                                      PREFIX + "room/../room/phone.js"])
    def test_nothing_outside_the_prefix(self, hub_room, path):
        status, _, data = request(hub_room.port, "GET", path)
        assert status == 404 and data == {"error": "there is nothing here"}

    def test_the_prefix_without_its_slash_redirects_to_the_page(self, hub_room):
        """A scan of ``.../services/room?code=X`` reaches the page with its code."""
        status, headers, _ = request(hub_room.port, "GET", "/services/room?code=ACDE")
        assert status == 302 and headers["Location"] == PREFIX + "?code=ACDE"

    def test_a_phone_joins_and_answers_under_the_prefix(self, hub_room, store):
        """The device cookie is limited to the prefix; the control API (and RoomClient
        given the prefixed address) steers the room; the answer is stored."""
        client = RoomClient(hub_room.url, store.secret)
        assert hub_room.url == f"http://{HOST}:{hub_room.port}{PREFIX}"
        client.question("come-back", "open")
        status, headers, _ = request(hub_room.port, "POST", PREFIX + "api/join",
                                     {"code": store.join_code})
        assert status == 200
        assert f"Path={PREFIX}" in headers["Set-Cookie"]
        cookie = headers["Set-Cookie"].split(";")[0]
        status, _, data = request(hub_room.port, "POST", PREFIX + "api/answer",
                                  {"question": "come-back", "value": 7}, cookie=cookie)
        assert status == 200 and data["value"] == 7
        assert [a.value for a in store.answers("come-back")] == [7]
        now = request(hub_room.port, "GET", PREFIX + "api/now", cookie=cookie)[2]
        assert now["questions"][0]["mine"] == 7
        state = client.state()
        assert state["join_url"] == hub_room.url
        assert state["qr_url"] == f"{hub_room.url}?code={store.join_code}"
        assert request(hub_room.port, "GET", PREFIX + "api/control/state")[0] == 403

    def test_base_url_is_normalised(self):
        from ccexercise.room.launch import base_url

        assert base_url("services/room") == base_url("/services/room/") == PREFIX
        assert base_url("") == base_url("/") == "/"
        for bad in ("http://evil.example/", "/a//b/", "/room?x=1"):
            with pytest.raises(ValueError, match="must be a path"):
                base_url(bad)

    def test_the_command_takes_the_hub_prefix_and_the_public_address(self, tmp_path,
                                                                       command_env):
        """As JupyterHub runs it: the prefix from $JUPYTERHUB_SERVICE_PREFIX, the address
        phones open from --join-url; the runtime file keeps the local address."""
        from ccexercise.launch import free_port

        port, public = free_port(), "http://hub.example.org:8000/services/room/"
        sheet = tmp_path / "run_sheet.md"
        sheet.write_text(SHEET, encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "ccexercise.room", "01_lost_customer_cost",
             "--run-sheet", str(sheet), "--room-host", HOST, "--room-port", str(port),
             "--session-dir", str(tmp_path / "sessions"), "--join-url", public],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**command_env, "JUPYTERHUB_SERVICE_PREFIX": PREFIX}, cwd=tmp_path)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if request(port, "GET", PREFIX, timeout=2)[0] == 200:
                        break
                except OSError:
                    pass
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
            runtime = json.loads((tmp_path / "rt" / "ccexercise-room.json").read_text())
            assert runtime["url"] == f"http://{HOST}:{port}{PREFIX}"
            state = RoomClient(runtime["url"], runtime["secret"]).state()
            assert state["join_url"] == public
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(10) == 0
        assert f"Phones open:  {public}" in process.stdout.read()
