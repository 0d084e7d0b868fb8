"""The room's memory: one SQLite file per session, written the moment anything happens.

A :class:`RoomStore` keeps everything the room server knows: the join code
and the facilitator secret (made once, when the file is new), the current
step and its timer, which questions are open or revealed, every answer and
every upvote. The file uses SQLite's write-ahead log with
``synchronous=NORMAL``: a committed change survives the server being killed
(``kill -9``), and reopening the file brings the whole session back.

>>> import tempfile, pathlib
>>> from datetime import datetime
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> store = RoomStore(folder / "room.sqlite", module="05_nps",
...                   clock=lambda: datetime(2026, 5, 4, 9, 30))
>>> len(store.join_code), store.step
(4, 0)
>>> store.set_question("come-back", open=True).open
True
>>> store.answer("come-back", "phone-1", 9).value
9
>>> store.answer("come-back", "phone-1", 7).value  # a new vote replaces the old one
7
>>> [a.value for a in store.answers("come-back")]
[7]
>>> again = RoomStore(folder / "room.sqlite")
>>> again.join_code == store.join_code, [a.value for a in again.answers("come-back")]
(True, [7])
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

__all__ = ["Answer", "JOIN_CODE_LETTERS", "QuestionState", "RoomStore", "SESSION_DIR_VAR",
           "default_store_path"]

#: The environment variable naming the folder for session files (as for skit ratings).
SESSION_DIR_VAR = "CCEXERCISE_SESSION_DIR"
#: Letters a join code is made of: capitals that cannot be mistaken for digits or each other.
JOIN_CODE_LETTERS = "ACDEFHJKLMNPRTUVWXY"
JOIN_CODE_LENGTH = 4
#: Where an answer came from: a phone, or typed in by the trainer (paper, show of hands).
SOURCES = ("phone", "typed")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS questions (
    id TEXT PRIMARY KEY, open INTEGER NOT NULL DEFAULT 0, revealed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question TEXT NOT NULL,
    device TEXT,
    value TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('phone', 'typed')),
    hidden INTEGER NOT NULL DEFAULT 0,
    cleared INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS answers_by_question ON answers (question, cleared, device);
CREATE TABLE IF NOT EXISTS upvotes (
    answer INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    device TEXT NOT NULL,
    PRIMARY KEY (answer, device));
"""


def default_store_path(folder=None, module: str = "room", *,
                       clock: Callable[[], datetime] = datetime.now) -> Path:
    """Today's store for ``module`` in ``folder``: ``room-<module>-<YYYY-MM-DD>.sqlite``.

    Without ``folder``: the folder named by ``$CCEXERCISE_SESSION_DIR`` if set, else the
    working folder (a facilitator page runs in its module's folder, ``course/<module>/``).

    >>> default_store_path("/tmp", "05_nps", clock=lambda: datetime(2026, 5, 4, 9, 30)).name
    'room-05_nps-2026-05-04.sqlite'
    """
    if folder is None:
        folder = os.environ.get(SESSION_DIR_VAR) or Path.cwd()
    module = str(module).strip().rstrip("/\\")
    if not module or any(ch in module for ch in "/\\") or module.startswith("."):
        raise ValueError(f"module must be a module folder name such as '05_nps', got {module!r}")
    return Path(folder) / f"room-{module}-{clock():%Y-%m-%d}.sqlite"


@dataclass(frozen=True)
class QuestionState:
    """Whether a question takes answers (``open``) and shows its results (``revealed``)."""

    open: bool = False
    revealed: bool = False


@dataclass(frozen=True)
class Answer:
    """One stored answer. ``device`` is the phone's random id (None when typed in);
    ``hidden`` answers are kept but not shown or counted; ``cleared`` ones are kept in the
    file and the export but no longer counted."""

    id: int
    question: str
    device: str | None
    value: object
    source: str
    hidden: bool
    cleared: bool
    received_at: str

    @property
    def counted(self) -> bool:
        """Whether the answer counts in the results (neither hidden nor cleared)."""
        return not (self.hidden or self.cleared)


def _answer(row) -> Answer:
    return Answer(row[0], row[1], row[2], json.loads(row[3]), row[4], bool(row[5]),
                  bool(row[6]), row[7])


_ANSWER_COLUMNS = "id, question, device, value, source, hidden, cleared, received_at"


class RoomStore:
    """A room session kept in the SQLite file at ``path`` (made if missing).

    ``module`` is recorded when the file is made (an existing file keeps its own);
    ``clock`` stamps each answer (tests pass a fixed one). Every method that changes
    something commits before it returns and raises :attr:`version`. Safe to share
    between threads (one lock around the connection).
    """

    def __init__(self, path, *, module: str | None = None,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        self.path = Path(path)
        self.clock = clock
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        with self._write():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
            fresh = {"join_code": "".join(secrets.choice(JOIN_CODE_LETTERS)
                                          for _ in range(JOIN_CODE_LENGTH)),
                     "secret": secrets.token_urlsafe(24),
                     "module": module or "",
                     "created": self.clock().isoformat(timespec="seconds"),
                     "version": "0", "step": "0", "timer": "null"}
            for key, value in fresh.items():
                if key not in meta:
                    self._db.execute("INSERT INTO meta VALUES (?, ?)", (key, value))
                    meta[key] = value
        if os.name == "posix":
            os.chmod(self.path, 0o600)  # it holds the facilitator secret
        self._meta = meta
        self._version = int(meta["version"])

    # -- transactions ---------------------------------------------------------------

    class _Transaction:
        def __init__(self, store: RoomStore, bump: bool) -> None:
            self.store, self.bump = store, bump

        def __enter__(self):
            self.store._lock.acquire()
            self.store._db.execute("BEGIN IMMEDIATE")
            return self.store._db

        def __exit__(self, kind, error, trace):
            store = self.store
            try:
                if kind is None:
                    if self.bump:
                        store._db.execute("UPDATE meta SET value = ? WHERE key = 'version'",
                                          (str(store._version + 1),))
                    store._db.execute("COMMIT")
                    if self.bump:
                        store._version += 1
                else:
                    store._db.execute("ROLLBACK")
            finally:
                store._lock.release()
            return False

    def _write(self, *, bump: bool = False) -> RoomStore._Transaction:
        return RoomStore._Transaction(self, bump)

    def _read(self, sql: str, params=()) -> list:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the file (everything is already saved)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> RoomStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RoomStore({str(self.path)!r}, module={self.module!r}, version={self.version})"

    # -- the session ----------------------------------------------------------------

    @property
    def join_code(self) -> str:
        """The code phones type to join (made once, kept in the file)."""
        return self._meta["join_code"]

    @property
    def secret(self) -> str:
        """The facilitator secret the control API asks for (never shown to phones)."""
        return self._meta["secret"]

    @property
    def module(self) -> str:
        return self._meta["module"]

    @property
    def created(self) -> str:
        return self._meta["created"]

    @property
    def version(self) -> int:
        """A number that grows with every change (long-polls wait for it to move)."""
        return self._version

    @property
    def step(self) -> int:
        """The index (from 0) of the step the room is on."""
        return int(self._meta["step"])

    @property
    def timer(self):
        """The step's timer as the presenter set it (any JSON value; None: none)."""
        return json.loads(self._meta["timer"])

    def set_step(self, index: int, timer=None) -> None:
        """Move the room to step ``index`` with ``timer`` (any JSON-ready value)."""
        if isinstance(index, bool) or not isinstance(index, int) or index < 0:
            raise ValueError(f"index must be a whole number 0 or more, got {index!r}")
        timer_text = json.dumps(timer)
        with self._write(bump=True) as db:
            db.execute("UPDATE meta SET value = ? WHERE key = 'step'", (str(index),))
            db.execute("UPDATE meta SET value = ? WHERE key = 'timer'", (timer_text,))
        self._meta.update(step=str(index), timer=timer_text)

    # -- questions ------------------------------------------------------------------

    def question_state(self, question: str) -> QuestionState:
        """Whether ``question`` is open and revealed (a question never touched is neither).

        >>> import tempfile, pathlib
        >>> store = RoomStore(pathlib.Path(tempfile.mkdtemp()) / "r.sqlite")
        >>> store.question_state("q1")
        QuestionState(open=False, revealed=False)
        """
        rows = self._read("SELECT open, revealed FROM questions WHERE id = ?", (question,))
        return QuestionState(bool(rows[0][0]), bool(rows[0][1])) if rows else QuestionState()

    def question_states(self) -> dict[str, QuestionState]:
        """Every question touched so far, by id."""
        return {row[0]: QuestionState(bool(row[1]), bool(row[2]))
                for row in self._read("SELECT id, open, revealed FROM questions")}

    def set_question(self, question: str, *, open: bool | None = None,
                     revealed: bool | None = None) -> QuestionState:
        """Open or close ``question``, reveal or conceal its results; return its new state."""
        old = self.question_state(question)
        new = QuestionState(old.open if open is None else bool(open),
                            old.revealed if revealed is None else bool(revealed))
        with self._write(bump=True) as db:
            db.execute("INSERT INTO questions (id, open, revealed) VALUES (?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET open = excluded.open, "
                       "revealed = excluded.revealed", (question, new.open, new.revealed))
        return new

    # -- answers --------------------------------------------------------------------

    def _now(self) -> str:
        return self.clock().isoformat(timespec="milliseconds")

    def answer(self, question: str, device: str, value) -> Answer:
        """Store ``device``'s answer ``value`` (already checked) to ``question``; a device's
        new answer replaces its old one (until the question is cleared)."""
        text, now = json.dumps(value), self._now()
        with self._write(bump=True) as db:
            row = db.execute("SELECT id FROM answers WHERE question = ? AND device = ? AND "
                             "cleared = 0 AND source = 'phone'", (question, device)).fetchone()
            if row:
                changed = db.execute("UPDATE answers SET value = ?, received_at = ? WHERE "
                                     "id = ? AND value != ?", (text, now, row[0], text)).rowcount
                if changed:  # votes were for the idea as it was
                    db.execute("DELETE FROM upvotes WHERE answer = ?", (row[0],))
                answer_id = row[0]
            else:
                answer_id = db.execute(
                    "INSERT INTO answers (question, device, value, source, received_at) "
                    "VALUES (?, ?, ?, 'phone', ?)", (question, device, text, now)).lastrowid
            found = db.execute(f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE id = ?",
                               (answer_id,)).fetchone()
        return _answer(found)

    def set_typed(self, question: str, values) -> list[Answer]:
        """Replace the typed-in answers to ``question`` (not yet cleared) by ``values``."""
        texts, now = [json.dumps(v) for v in values], self._now()
        with self._write(bump=True) as db:
            db.execute("DELETE FROM answers WHERE question = ? AND source = 'typed' AND "
                       "cleared = 0", (question,))
            db.executemany("INSERT INTO answers (question, device, value, source, received_at) "
                           "VALUES (?, NULL, ?, 'typed', ?)", [(question, t, now) for t in texts])
        return [a for a in self.answers(question) if a.source == "typed"]

    def answers(self, question: str | None = None, *, counted: bool = True) -> list[Answer]:
        """The answers to ``question`` (None: every question), oldest first; with
        ``counted`` False also the hidden and cleared ones."""
        where, params = [], []
        if question is not None:
            where.append("question = ?")
            params.append(question)
        if counted:
            where.append("hidden = 0 AND cleared = 0")
        sql = f"SELECT {_ANSWER_COLUMNS} FROM answers"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_answer(row) for row in self._read(sql + " ORDER BY id", params)]

    def answer_by_id(self, answer_id: int) -> Answer | None:
        """The answer with ``answer_id``, or None."""
        rows = self._read(f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE id = ?", (answer_id,))
        return _answer(rows[0]) if rows else None

    def device_answer(self, question: str, device: str) -> Answer | None:
        """``device``'s current answer to ``question`` (None: not answered, or cleared)."""
        rows = self._read(f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE question = ? AND "
                          "device = ? AND cleared = 0 AND source = 'phone'", (question, device))
        return _answer(rows[0]) if rows else None

    def hide(self, answer_id: int, hidden: bool = True) -> Answer:
        """Hide an answer from the results (or show it again); KeyError if there is none."""
        with self._write(bump=True) as db:
            changed = db.execute("UPDATE answers SET hidden = ? WHERE id = ?",
                                 (bool(hidden), answer_id)).rowcount
            if not changed:
                raise KeyError(f"there is no answer {answer_id!r}")
        return self.answer_by_id(answer_id)

    def clear(self, question: str) -> int:
        """Mark ``question``'s answers cleared (kept, exported, no longer counted); phones
        may answer again. Returns how many were cleared."""
        with self._write(bump=True) as db:
            return db.execute("UPDATE answers SET cleared = 1 WHERE question = ? AND "
                              "cleared = 0", (question,)).rowcount

    def delete_all(self) -> int:
        """Delete every answer and upvote (the end of a workshop); return how many answers."""
        with self._write(bump=True) as db:
            db.execute("DELETE FROM upvotes")
            count = db.execute("DELETE FROM answers").rowcount
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # out of the log file too
            self._db.execute("VACUUM")
        return count

    # -- upvotes --------------------------------------------------------------------

    def toggle_upvote(self, answer_id: int, device: str) -> bool:
        """Add ``device``'s vote for the idea ``answer_id``, or take it back; return whether
        the device now votes for it."""
        with self._write(bump=True) as db:
            removed = db.execute("DELETE FROM upvotes WHERE answer = ? AND device = ?",
                                 (answer_id, device)).rowcount
            if not removed:
                db.execute("INSERT INTO upvotes (answer, device) VALUES (?, ?)",
                           (answer_id, device))
        return not removed

    def upvotes(self, question: str) -> dict[int, set[str]]:
        """The devices voting for each idea answering ``question``, by answer id."""
        votes: dict[int, set[str]] = {}
        for answer_id, device in self._read(
                "SELECT upvotes.answer, upvotes.device FROM upvotes JOIN answers ON "
                "answers.id = upvotes.answer WHERE answers.question = ?", (question,)):
            votes.setdefault(answer_id, set()).add(device)
        return votes

    # -- export ---------------------------------------------------------------------

    def export_csv(self, *, anonymous=()) -> str:
        """Every answer (hidden and cleared ones too, flagged) as CSV text.

        Devices are numbered in the order they first answered (the random ids stay out of
        the file). The answers to the questions named in ``anonymous`` come last, with no
        device: each holds ``anon-<n>``, a respondent number drawn at random for that
        question, and its answer number and time are left empty, so nothing links it to
        a phone or to that phone's other answers. A list answer (several choices, a form
        of ratings) is written with ``; `` between its parts. Text that a spreadsheet
        would run as a formula (``=``, ``+``, ``-``, ``@``) is written with a leading ``'``.
        """
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["answer", "question", "device", "source", "value", "upvotes",
                         "hidden", "cleared", "received_at"])
        numbers: dict[str, int] = {}
        votes = dict(self._read("SELECT answer, COUNT(*) FROM upvotes GROUP BY answer"))
        anonymous = set(anonymous)
        hidden_rows: dict[str, list] = {}
        for a in self.answers(counted=False):
            value = "; ".join(map(str, a.value)) if isinstance(a.value, list) else a.value
            if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                value = "'" + value
            if a.question in anonymous:
                hidden_rows.setdefault(a.question, []).append(
                    [a.source, value, votes.get(a.id, 0), int(a.hidden), int(a.cleared)])
                continue
            device = "" if a.device is None else numbers.setdefault(a.device, len(numbers) + 1)
            writer.writerow([a.id, a.question, device, a.source, value, votes.get(a.id, 0),
                             int(a.hidden), int(a.cleared), a.received_at])
        shuffle = secrets.SystemRandom().shuffle
        for question, rows in hidden_rows.items():
            shuffle(rows)
            for n, (source, value, upvotes, hidden, cleared) in enumerate(rows, start=1):
                writer.writerow(["", question, f"anon-{n}", source, value, upvotes, hidden,
                                 cleared, ""])
        return out.getvalue()
