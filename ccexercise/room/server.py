"""The room server: phones answer the run sheet's questions; the trainer's page steers.

One Tornado application (:func:`make_app`) serves the phone page and a small
JSON API, and nothing else: every other path is a 404, and no file is ever
looked up on disk from a request. The :class:`~ccexercise.room.store.RoomStore`
is the single source of truth; each answer is committed to it before the
phone gets its 200.

Phones (a signed device cookie after ``POST /api/join``)::

    GET  /                      the phone page (/room/phone.js, /room/phone.css)
    POST /api/join              {"code": "ACDE"}
    GET  /api/now?since=V       long-poll: the open questions, the current step's first
    POST /api/answer            {"question": id, "value": ...}
    POST /api/upvote            {"question": id, "idea": answer id}

The trainer's page (header ``X-Room-Secret``)::

    GET  /api/control/state?since=V   long-poll: step, timer, every question and its results
    POST /api/control/step            {"index": i, "timer": {...}}
    POST /api/control/question        {"question": id, "action": open|close|reveal|conceal|clear}
    POST /api/control/hide            {"answer": id, "hidden": true}
    POST /api/control/typed           {"question": id, "values": [...]}
    GET  /api/control/export.csv
    POST /api/control/delete

Refusals are ``{"error": message}`` with a 4xx status, and store nothing.
Behind JupyterHub every path above sits under the service's prefix
(``make_app(..., base_url="/services/room/")``, ``--base-url``): the page
asks for its files and the API relative to its own address, and the device
cookie is limited to that path.
Run it with ``python -m ccexercise.room MODULE`` (or ``ccexercise room MODULE``).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as _dt
import hmac
import json
import math
import re
import secrets
import signal
import sys
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable

import tornado.httpserver
import tornado.locks
import tornado.log
import tornado.netutil
import tornado.web

from ..workshop import RunSheet, RunSheetError, run_sheet_for
from .launch import (add_arguments, base_url as make_base_url, connection_help,
                     join_url as make_join_url, lan_address, qr_url, write_runtime_file)
from .questions import Question
from .results import summarize
from .store import RoomStore, default_store_path

__all__ = ["ADDRESS_LIMIT", "DEVICE_LIMIT", "MAX_BODY", "Room", "RoomThread", "TokenBucket", "main",
           "make_app", "run", "store_path_for"]

#: The largest request a phone may send, in bytes (the trainer's page: 256 KB).
MAX_BODY = 4 * 1024
MAX_CONTROL_BODY = 256 * 1024
#: Token buckets (requests per second, burst) on POSTs. A device answers a few times a
#: minute; the whole room shares one Wi-Fi address, so the address limit is sized for 200
#: phones each joining and voting twice within a few seconds (600 requests at once).
DEVICE_LIMIT = (5.0, 10)
ADDRESS_LIMIT = (100.0, 1000)
#: Wrong join codes from one address: a few typos are fine, guessing is slowed down.
BAD_CODE_LIMIT = (0.5, 20)
#: The longest a long-poll waits for a change, in seconds.
LONG_POLL = 20.0
#: Phones' long-polls are answered at most this often (a burst of ideas wakes them once).
PHONE_COALESCE = 0.25
#: The trainer's long-polls likewise, so a flood of answers is summed up a few times a
#: second rather than once per answer (the projector stays well within a second).
CONTROL_COALESCE = 0.1
COOKIE = "ccexercise_room"
TEXT_KINDS = ("words", "text", "ideas")

_STATIC = {"/": ("phone.html", "text/html; charset=utf-8"),
           "/room/phone.js": ("phone.js", "text/javascript; charset=utf-8"),
           "/room/phone.css": ("phone.css", "text/css; charset=utf-8")}


@dataclass
class TokenBucket:
    """``rate`` requests per second with bursts of up to ``burst``; :meth:`take` says how
    many seconds to wait (0: go ahead).

    >>> clock = iter([0.0, 0.0, 0.0, 1.0]).__next__
    >>> bucket = TokenBucket(1.0, 2, clock=clock)
    >>> bucket.take(), bucket.take(), bucket.take(), bucket.take()
    (0.0, 0.0, 1.0, 0.0)
    """

    rate: float
    burst: int
    clock: Callable[[], float] = time.monotonic
    tokens: float = field(default=-1.0)
    stamp: float = field(default=0.0)

    def take(self) -> float:
        now = self.clock()
        if self.tokens < 0:
            self.tokens, self.stamp = float(self.burst), now
        self.tokens = min(float(self.burst), self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


class _Buckets:
    """One TokenBucket per key (device or address), made on first use."""

    def __init__(self, limit: tuple[float, int], clock: Callable[[], float]) -> None:
        self.limit, self.clock, self.buckets = limit, clock, {}

    def take(self, key: str) -> float:
        bucket = self.buckets.get(key)
        if bucket is None:
            if len(self.buckets) > 10_000:  # forget the idle ones (their buckets are full)
                self.buckets = {k: b for k, b in self.buckets.items()
                                if self.clock() - b.stamp < self.limit[1] / self.limit[0]}
            bucket = self.buckets[key] = TokenBucket(*self.limit, clock=self.clock)
        return bucket.take()


class Room:
    """What the handlers share: the run sheet, the store, the rate limits, and the
    condition long-polls wait on."""

    def __init__(self, sheet: RunSheet, store: RoomStore, *, join_url: str, module: str,
                 clock: Callable[[], float] = time.monotonic, base_url: str = "/") -> None:
        self.sheet, self.store, self.join_url, self.module = sheet, store, join_url, module
        self.base_url = base_url
        self.questions: dict[str, tuple[int, Question]] = {}
        for index, step in enumerate(sheet.steps):
            for question in getattr(step, "polls", ()):
                if question.id in self.questions:
                    raise ValueError(f"question id {question.id!r} is used twice in the run "
                                     f"sheet (steps {self.questions[question.id][0] + 1} and "
                                     f"{index + 1}); give one a [key]")
                self.questions[question.id] = (index, question)
        self.changed = tornado.locks.Condition()
        self.phone_version = store.version
        self.devices = _Buckets(DEVICE_LIMIT, clock)
        self.addresses = _Buckets(ADDRESS_LIMIT, clock)
        self.bad_codes = _Buckets(BAD_CODE_LIMIT, clock)
        self._control_cache: tuple[int, bytes] | None = None

    def touched(self, *, phones: bool = True) -> None:
        """Something changed in the store: wake the long-polls (``phones``: theirs too)."""
        if phones:
            self.phone_version = self.store.version
        self.changed.notify_all()

    async def wait_for_change(self, since: int | None, version: Callable[[], int],
                              timeout: float = LONG_POLL) -> None:
        """Return when ``version()`` differs from ``since`` (at once if it does or ``since``
        is None), or after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while since is not None and version() == since:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            await self.changed.wait(timeout=_dt.timedelta(seconds=left))

    def is_open(self, question_id: str) -> bool:
        """Whether phones may answer ``question_id`` now: the trainer opened it and has not
        closed it. Moving to another step leaves it open (module 03 rates its second and
        third skits during a later step than the one that asks)."""
        return self.store.question_state(question_id).open

    def ideas(self, question_id: str, device: str | None = None) -> list[dict]:
        """The counted ideas answering ``question_id``, oldest first, with their votes."""
        votes = self.store.upvotes(question_id)
        return [{"id": a.id, "text": a.value, "votes": len(votes.get(a.id, ())),
                 **({"mine": a.device == device, "mine_voted": device in votes.get(a.id, ())}
                    if device is not None else {})}
                for a in self.store.answers(question_id)]

    def phone_view(self, device: str) -> dict:
        """What a phone shows: every open question, those of the current step first, with
        this phone's answers."""
        index = self.store.step
        step = self.sheet.steps[index] if index < len(self.sheet.steps) else None
        questions = []
        order = sorted(self.questions.items(), key=lambda item: (item[1][0] != index,
                                                                 item[1][0]))
        for _question_id, (_step, question) in order:
            if not self.store.question_state(question.id).open:
                continue
            mine = self.store.device_answer(question.id, device)
            item = {**question.to_dict(), "mine": mine.value if mine else None}
            if question.kind == "ideas":
                item["ideas"] = self.ideas(question.id, device)
            questions.append(item)
        return {"version": self.phone_version, "step": index,
                "step_title": step.title if step else "", "waiting": not questions,
                "questions": questions}

    def control_view(self) -> bytes:
        """The trainer's view as JSON bytes (computed once per store version)."""
        store = self.store
        if self._control_cache and self._control_cache[0] == store.version:
            return self._control_cache[1]
        version, states, questions = store.version, store.question_states(), []
        for question_id, (step, question) in self.questions.items():
            state = states.get(question_id)
            answers = store.answers(question_id, counted=False)
            counted = [a for a in answers if a.counted]
            values = (self.ideas(question_id) if question.kind == "ideas"
                      else [a.value for a in counted])
            item = {"question": question.to_dict(), "step": step,
                    "open": bool(state and state.open), "revealed": bool(state and state.revealed),
                    "results": summarize(question, values)}
            if question.kind in TEXT_KINDS:
                item["answers"] = [{"id": a.id, "value": a.value, "source": a.source,
                                    "hidden": a.hidden} for a in answers if not a.cleared]
            if question.kind == "statements":  # the forms, sorted: not in the order they came
                item["forms"] = ([] if item["results"].get("withheld")
                                 else sorted(a.value for a in counted))
            questions.append(item)
        payload = {"version": version, "module": self.module, "title": self.sheet.title,
                   "step": store.step, "timer": store.timer, "join_url": self.join_url,
                   "join_code": store.join_code, "qr_url": qr_url(self.join_url, store.join_code),
                   "questions": questions}
        data = json.dumps(payload).encode()
        self._control_cache = (version, data)
        return data


class _Handler(tornado.web.RequestHandler):
    """Shared by every route: safe headers, JSON refusals, body reading."""

    room: Room

    def initialize(self, room: Room) -> None:
        self.room = room
        self.gone = False

    def on_connection_close(self) -> None:
        self.gone = True  # a long-poll whose phone went away is not answered

    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                        "base-uri 'none'; form-action 'self'")

    def write_error(self, status_code: int, **kwargs) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        messages = {404: "there is nothing here", 405: "this address does not take that method"}
        self.finish({"error": messages.get(status_code, self._reason.lower())})

    def refuse(self, status: int, message: str, **headers) -> None:
        """Answer ``status`` with ``{"error": message}`` and stop handling the request."""
        self.set_status(status)
        for name, value in headers.items():
            self.set_header(name.replace("_", "-"), value)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish({"error": message})
        raise tornado.web.Finish()

    def reply(self, payload) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(payload if isinstance(payload, bytes) else json.dumps(payload))

    def limit(self, buckets: _Buckets, key: str, who: str) -> None:
        wait = buckets.take(key)
        if wait:
            self.refuse(429, f"too many requests from {who}: wait {math.ceil(wait)} s and try "
                             "again", Retry_After=str(math.ceil(wait)))

    def body(self, limit: int = MAX_BODY) -> dict:
        """The request's JSON object (413 if over ``limit`` bytes, 400 if not an object)."""
        if len(self.request.body) > limit:
            self.refuse(413, f"the request is {len(self.request.body)} bytes; at most "
                             f"{limit} are allowed")
        try:
            data = json.loads(self.request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self.refuse(400, "the request must be JSON, like {\"question\": \"q1\", "
                             "\"value\": 7}")
        if not isinstance(data, dict):
            self.refuse(400, f"the request must be a JSON object, got {type(data).__name__}")
        return data

    def field(self, data: dict, name: str, kind: type | tuple, what: str):
        if name not in data:
            self.refuse(400, f"the request has no {name!r} ({what})")
        value = data[name]
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            self.refuse(400, f"{name} must be {what}, got {json.dumps(value)[:60]}")
        return value

    def since(self) -> int | None:
        text = self.get_query_argument("since", None)
        if text in (None, ""):
            return None
        try:
            return int(text)
        except ValueError:
            self.refuse(400, f"since must be a whole number (a version), got {text[:40]!r}")

    def question(self, data: dict) -> tuple[int, Question]:
        question_id = self.field(data, "question", str, "the question's id, as text")
        if question_id not in self.room.questions:
            self.refuse(404, f"there is no question {question_id[:60]!r} in this session")
        return self.room.questions[question_id]


class _Static(_Handler):
    def initialize(self, room: Room, content: bytes, content_type: str) -> None:
        super().initialize(room)
        self.content, self.content_type = content, content_type

    def get(self) -> None:
        self.set_header("Content-Type", self.content_type)
        self.set_header("Cache-Control", "no-cache")
        self.finish(self.content)


class _Phone(_Handler):
    """A phone's request: the per-address limit on POSTs, and the device cookie."""

    def prepare(self) -> None:
        if self.request.method == "POST":
            self.limit(self.room.addresses, self.request.remote_ip or "?", "this network address")

    @property
    def device(self) -> str:
        value = self.get_signed_cookie(COOKIE, max_age_days=2)
        if not value:
            self.refuse(401, "this phone has not joined the room yet: enter the join code")
        return value.decode()


class _Join(_Phone):
    def post(self) -> None:
        data = self.body()
        code = self.field(data, "code", str, "the join code on the screen, as text")
        if not hmac.compare_digest(code.strip().upper().encode(),
                                   self.room.store.join_code.encode()):
            self.limit(self.room.bad_codes, self.request.remote_ip or "?", "this network address")
            self.refuse(403, "that join code is not this room's: check the code on the screen")
        device = self.get_signed_cookie(COOKIE, max_age_days=2)
        device = device.decode() if device else "d-" + secrets.token_urlsafe(12)
        self.set_signed_cookie(COOKIE, device, expires_days=2, httponly=True, samesite="Lax",
                               path=self.room.base_url)
        self.reply({"ok": True})


class _Now(_Phone):
    async def get(self) -> None:
        device = self.device
        since = self.since()
        room = self.room
        if since is not None and since == room.phone_version:
            await room.wait_for_change(since, lambda: room.phone_version)
            if room.phone_version != since:
                await asyncio.sleep(PHONE_COALESCE)
        if not self.gone:
            self.reply(room.phone_view(device))


class _Answer(_Phone):
    def post(self) -> None:
        device = self.device
        self.limit(self.room.devices, device, "this phone")
        body = self.body()
        step, question = self.question(body)
        if "value" not in body:
            self.refuse(400, "the request has no 'value' (the answer)")
        if not self.room.is_open(question.id):
            self.refuse(409, "this question is closed: answers are no longer taken")
        try:
            value = question.check_answer(body["value"])
        except (TypeError, ValueError) as error:
            self.refuse(400, str(error))
        self.room.store.answer(question.id, device, value)
        self.room.touched(phones=question.kind == "ideas")
        self.reply({"ok": True, "question": question.id, "value": value})


class _Upvote(_Phone):
    def post(self) -> None:
        device = self.device
        self.limit(self.room.devices, device, "this phone")
        body = self.body()
        _, question = self.question(body)
        idea = self.field(body, "idea", int, "the idea's id, a whole number")
        if question.kind != "ideas":
            self.refuse(400, f"only ideas take upvotes; {question.id!r} is a {question.kind} "
                             "question")
        if not self.room.is_open(question.id):
            self.refuse(409, "this question is closed: votes are no longer taken")
        answer = self.room.store.answer_by_id(idea)
        if answer is None or answer.question != question.id or not answer.counted:
            self.refuse(404, f"there is no idea {idea} in this question")
        if answer.device == device:
            self.refuse(400, "this is your own idea: vote for the others'")
        voted = self.room.store.toggle_upvote(idea, device)
        self.room.touched()
        self.reply({"ok": True, "idea": idea, "voted": voted})


class _Control(_Handler):
    """The trainer's routes: the secret in ``X-Room-Secret``, else 403."""

    def prepare(self) -> None:
        given = self.request.headers.get("X-Room-Secret", "")
        if not hmac.compare_digest(given.encode(), self.room.store.secret.encode()):
            self.refuse(403, "the control API needs the room's secret (X-Room-Secret)")

    def body(self, limit: int = MAX_CONTROL_BODY) -> dict:
        return super().body(limit)


class _State(_Control):
    async def get(self) -> None:
        since = self.since()
        store = self.room.store
        if since is not None and since == store.version:
            await self.room.wait_for_change(since, lambda: store.version)
            if store.version != since:
                await asyncio.sleep(CONTROL_COALESCE)
        if not self.gone:
            self.reply(self.room.control_view())


class _Step(_Control):
    def post(self) -> None:
        body = self.body()
        index = self.field(body, "index", int, "the step's index, a whole number from 0")
        steps = len(self.room.sheet.steps)
        if not 0 <= index < steps:
            self.refuse(400, f"index must be from 0 to {steps - 1} (the run sheet has {steps} "
                             f"steps), got {index}")
        self.room.store.set_step(index, body.get("timer"))
        self.room.touched()
        self.reply({"ok": True, "step": index})


_ACTIONS = {"open": {"open": True}, "close": {"open": False}, "reveal": {"revealed": True},
            "conceal": {"revealed": False}}


class _QuestionAction(_Control):
    def post(self) -> None:
        body = self.body()
        _, question = self.question(body)
        action = self.field(body, "action", str, "one of open, close, reveal, conceal, clear")
        if action == "clear":
            self.room.store.clear(question.id)
        elif action in _ACTIONS:
            self.room.store.set_question(question.id, **_ACTIONS[action])
        else:
            self.refuse(400, f"action must be one of open, close, reveal, conceal, clear; "
                             f"got {action[:40]!r}")
        self.room.touched(phones=action in ("open", "close", "clear"))
        state = self.room.store.question_state(question.id)
        self.reply({"ok": True, "question": question.id, "open": state.open,
                    "revealed": state.revealed})


class _Hide(_Control):
    def post(self) -> None:
        body = self.body()
        answer_id = self.field(body, "answer", int, "the answer's id, a whole number")
        hidden = self.field(body, "hidden", bool, "true or false") if "hidden" in body else True
        answer = self.room.store.answer_by_id(answer_id)
        if answer is None or answer.question not in self.room.questions:
            self.refuse(404, f"there is no answer {answer_id}")
        self.room.store.hide(answer_id, hidden)
        self.room.touched(phones=self.room.questions[answer.question][1].kind == "ideas")
        self.reply({"ok": True, "answer": answer_id, "hidden": hidden})


class _Typed(_Control):
    def post(self) -> None:
        body = self.body()
        _, question = self.question(body)
        values = self.field(body, "values", list, "a list of answers")
        checked, bad = [], []
        for n, value in enumerate(values, start=1):
            try:
                checked.append(question.check_answer(value))
            except (TypeError, ValueError) as error:
                bad.append(f"answer {n} ({json.dumps(value)[:40]}): {error}")
        if bad:
            self.refuse(400, f"{len(bad)} of the {len(values)} typed answers cannot be used, "
                             f"nothing was saved: " + "; ".join(bad))
        self.room.store.set_typed(question.id, checked)
        self.room.touched(phones=question.kind == "ideas")
        self.reply({"ok": True, "question": question.id, "values": checked})


class _Export(_Control):
    def get(self) -> None:
        name = self.room.store.path.with_suffix(".csv").name
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        anonymous = [q.id for _step, q in self.room.questions.values() if q.anonymous]
        self.finish(self.room.store.export_csv(anonymous=anonymous).encode("utf-8"))


class _Delete(_Control):
    def post(self) -> None:
        deleted = self.room.store.delete_all()
        self.room.touched()
        self.reply({"ok": True, "deleted": deleted})


class _ToPage(_Handler):
    """``/services/room`` (no slash): to the phone page, whose relative links need it."""

    def get(self) -> None:
        query = self.request.query
        self.redirect(self.room.base_url + (f"?{query}" if query else ""))


class _NotFound(_Handler):
    def prepare(self) -> None:
        self.refuse(404, "there is nothing here")


def _log(handler: tornado.web.RequestHandler) -> None:
    """Only server errors reach the terminal: a room's phones make thousands of requests."""
    if handler.get_status() >= 500:
        tornado.log.access_log.error("%d %s %.0f ms", handler.get_status(),
                                     handler._request_summary(), 1000 * handler.request.request_time())


def _static_files(base_url: str = "/") -> dict[str, bytes]:
    """The phone's files; the page's links to its script and style under ``base_url``."""
    folder = resources.files(__package__) / "static"
    files = {name: (folder / name).read_bytes() for name, _ in _STATIC.values()}
    prefix = base_url.encode()
    files["phone.html"] = (files["phone.html"].replace(b'src="/room/', b'src="' + prefix + b"room/")
                           .replace(b'href="/room/', b'href="' + prefix + b"room/"))
    return files


def make_app(sheet: RunSheet, store: RoomStore, *, join_url: str, module: str,
             clock: Callable[[], float] = time.monotonic,
             base_url: str = "/") -> tornado.web.Application:
    """The room's Tornado application for ``sheet``'s questions, kept in ``store``.

    ``join_url`` is the address phones open (shown on the projector with the join code);
    ``clock`` drives the rate limits; ``base_url`` is the path every route sits under
    (``/services/room/`` as a JupyterHub service; the page is then at that path, and
    ``/services/room`` redirects to it). The application's ``room`` setting is the
    :class:`Room` the handlers share.

    >>> import tempfile, pathlib
    >>> from ccexercise.workshop import run_sheet_for
    >>> store = RoomStore(pathlib.Path(tempfile.mkdtemp()) / "room.sqlite")
    >>> app = make_app(run_sheet_for("05_nps"), store, join_url="", module="05_nps",
    ...                base_url="/services/room/")
    >>> app.settings["room"].base_url
    '/services/room/'
    >>> store.close()
    """
    base = make_base_url(base_url)
    room = Room(sheet, store, join_url=join_url, module=module, clock=clock, base_url=base)
    files = _static_files(base)
    prefix = re.escape(base.rstrip("/"))
    static = [(prefix + re.escape(path), _Static,
               {"room": room, "content": files[name], "content_type": kind})
              for path, (name, kind) in _STATIC.items()]
    routes = [(r"/api/join", _Join), (r"/api/now", _Now), (r"/api/answer", _Answer),
              (r"/api/upvote", _Upvote), (r"/api/control/state", _State),
              (r"/api/control/step", _Step), (r"/api/control/question", _QuestionAction),
              (r"/api/control/hide", _Hide), (r"/api/control/typed", _Typed),
              (r"/api/control/export\.csv", _Export), (r"/api/control/delete", _Delete)]
    handlers = static + [(prefix + path, handler, {"room": room}) for path, handler in routes]
    if prefix:
        handlers.append((prefix, _ToPage, {"room": room}))
    return tornado.web.Application(
        handlers,
        default_handler_class=_NotFound, default_handler_args={"room": room},
        cookie_secret=store.secret, xsrf_cookies=False, compress_response=False,
        log_function=_log, room=room)


# -- the command ---------------------------------------------------------------------

def _page_folder(module: str, sheet: RunSheet) -> Path:
    """Where the facilitator page of ``module`` runs: ``course/<module>/`` if it exists."""
    try:
        from .._course import course_root

        folder = course_root() / "course" / module.strip().rstrip("/\\")
        if folder.is_dir():
            return folder
    except FileNotFoundError:
        pass
    return Path.cwd()


class RoomThread:
    """The room server on ``host`` (default 127.0.0.1) and a free port, in a thread with
    its own event loop: for tests, benchmarks and a room opened from a notebook. ``port``
    and ``url`` say where it listens; :meth:`stop` closes it (the store stays open).

    >>> import tempfile, pathlib
    >>> from ccexercise.room.store import RoomStore
    >>> from ccexercise.workshop import run_sheet_for
    >>> store = RoomStore(pathlib.Path(tempfile.mkdtemp()) / "room.sqlite")
    >>> room = RoomThread(run_sheet_for("05_nps"), store)
    >>> room.url.startswith("http://127.0.0.1:")
    True
    >>> room.stop(); store.close()
    """

    def __init__(self, sheet: RunSheet, store: RoomStore, *, host: str = "127.0.0.1",
                 module: str = "room", base_url: str = "/") -> None:
        import threading

        self.store, self.host = store, host
        ready = threading.Event()

        def serve() -> None:
            self.loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self.loop)

            async def start() -> None:
                sockets = tornado.netutil.bind_sockets(0, address=host)
                self.port = sockets[0].getsockname()[1]
                self.url = make_join_url(host, self.port, base_url)
                self.app = make_app(sheet, store, join_url=self.url, module=module,
                                    base_url=base_url)
                self.server = tornado.httpserver.HTTPServer(self.app, max_body_size=2**20)
                self.server.add_sockets(sockets)

            self.loop.run_until_complete(start())
            ready.set()
            self.loop.run_forever()
            self.server.stop()
            self.loop.close()

        self.thread = threading.Thread(target=serve, name="ccexercise-room", daemon=True)
        self.thread.start()
        if not ready.wait(10):
            raise RuntimeError("the room server did not start within 10 s")

    def stop(self) -> None:
        """Close the server and end its thread."""
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def store_path_for(module: str, sheet: RunSheet, session_dir=None) -> Path:
    """The file a session's answers go to: today's ``room-<module>-<date>.sqlite`` in
    ``session_dir``, else ``$CCEXERCISE_SESSION_DIR``, else the module's page folder."""
    import os

    from .store import SESSION_DIR_VAR

    folder = session_dir or os.environ.get(SESSION_DIR_VAR) or _page_folder(module, sheet)
    return default_store_path(Path(folder).expanduser(), module)


def _store_path(args: argparse.Namespace, sheet: RunSheet) -> Path:
    return store_path_for(args.module, sheet, args.session_dir)


def _delete(path: Path, *, yes: bool) -> int:
    if not path.exists():
        print(f"No answers to delete: there is no {path}", file=sys.stderr)
        return 0
    with RoomStore(path) as store:
        count = len(store.answers(counted=False))
        if not yes:
            reply = input(f"Delete all {count} answers in {path}? This cannot be undone. "
                          "[y/N] ")
            if reply.strip().lower() not in ("y", "yes"):
                print("Nothing was deleted.")
                return 1
        store.delete_all()
    print(f"Deleted {count} answers from {path}.")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run the room server as ``args`` (see :func:`ccexercise.room.launch.add_arguments`)
    say, until Ctrl-C or SIGTERM; return the exit code."""
    try:
        sheet = run_sheet_for(args.module, args.run_sheet)
    except RunSheetError as error:
        print(error, file=sys.stderr)
        return 1
    path = _store_path(args, sheet)
    if args.delete:
        return _delete(path, yes=args.yes)
    try:
        base = make_base_url(getattr(args, "base_url", None))
    except ValueError as error:
        print(f"ccexercise room: {error}", file=sys.stderr)
        return 2
    host = args.room_host or lan_address()
    return asyncio.run(_serve(sheet, path, args.module, host, args.room_port or 0, base=base,
                              public_url=getattr(args, "join_url", None)))


async def _serve(sheet: RunSheet, path: Path, module: str, host: str, port: int, *,
                 base: str = "/", public_url: str | None = None) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    store = RoomStore(path, module=module)
    try:
        app = make_app(sheet, store, join_url="", module=module, base_url=base)
        try:
            sockets = tornado.netutil.bind_sockets(port, address=host)
        except OSError as error:
            print(f"ccexercise room: cannot listen on {host}:{port}: {error.strerror or error}"
                  f" (choose another --room-port, or another --room-host)", file=sys.stderr)
            return 1
        server = tornado.httpserver.HTTPServer(app, max_body_size=1024 * 1024, xheaders=False)
        server.add_sockets(sockets)
        port = sockets[0].getsockname()[1]
        room = app.settings["room"]
        local_url = make_join_url(host, port, base)
        room.join_url = public_url or local_url
        runtime = write_runtime_file(local_url, store.secret, module)
        count = len(room.questions)
        print(f"The room for {sheet.title!r} is open ({count} question"
              f"{'' if count == 1 else 's'} in the run sheet).\n\n"
              f"    Phones open:  {room.join_url}\n    Join code:    {store.join_code}\n"
              f"    Or scan:      {qr_url(room.join_url, store.join_code)}\n\n"
              f"Answers are saved in {path}\n"
              f"(delete them after the workshop: ccexercise room {module} --delete)\n\n"
              f"{connection_help(room.join_url)}\n\nPress Ctrl-C to stop.", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        server.stop()
        try:
            if json.loads(runtime.read_text(encoding="utf-8")).get("secret") == store.secret:
                runtime.unlink()
        except (OSError, ValueError):
            pass
        print("The room is closed; the answers stay in " + str(path), flush=True)
        return 0
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    """``python -m ccexercise.room MODULE [options]``; returns the exit code."""
    parser = add_arguments(argparse.ArgumentParser(
        prog="python -m ccexercise.room",
        description="Open the live room: phones answer the run sheet's questions."))
    return run(parser.parse_args(argv))
