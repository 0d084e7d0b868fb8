"""The room's store: every change on disk at once, a session that comes back when reopened."""

import sqlite3
import stat
from datetime import datetime

import pytest

from ccexercise.room.store import JOIN_CODE_LETTERS, RoomStore, default_store_path

FIXED = datetime(2026, 5, 4, 9, 30)


@pytest.fixture
def store(tmp_path):
    with RoomStore(tmp_path / "room.sqlite", module="05_nps", clock=lambda: FIXED) as opened:
        yield opened


class TestDefaultStorePath:
    def test_dated_by_the_clock(self, tmp_path):
        """The file is named after the module and the clock's day."""
        path = default_store_path(tmp_path, "05_nps", clock=lambda: FIXED)
        assert path == tmp_path / "room-05_nps-2026-05-04.sqlite"

    def test_session_dir_variable(self, tmp_path, monkeypatch):
        """Without a folder, $CCEXERCISE_SESSION_DIR is used."""
        monkeypatch.setenv("CCEXERCISE_SESSION_DIR", str(tmp_path))
        assert default_store_path(None, "05_nps", clock=lambda: FIXED).parent == tmp_path

    def test_bad_module(self, tmp_path):
        """A module name with a folder in it is refused, naming the value."""
        with pytest.raises(ValueError, match=r"module must be a module folder name such as "
                                             r"'05_nps', got '\.\./x'"):
            default_store_path(tmp_path, "../x")


class TestSession:
    def test_new_file_makes_code_and_secret(self, store):
        """A new file gets a 4-letter join code from the unambiguous letters and a secret."""
        assert len(store.join_code) == 4 and set(store.join_code) <= set(JOIN_CODE_LETTERS)
        assert len(store.secret) >= 32
        assert store.module == "05_nps" and store.created == "2026-05-04T09:30:00"

    def test_wal_and_private_file(self, store):
        """The file uses the write-ahead log and only its owner can read it."""
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600

    def test_reopen_brings_everything_back(self, tmp_path):
        """Reopening the file gives the same code, secret, step, timer, states and answers."""
        path = tmp_path / "room.sqlite"
        first = RoomStore(path, module="05_nps", clock=lambda: FIXED)
        first.set_step(2, {"seconds": 90})
        first.set_question("q", open=True, revealed=True)
        first.answer("q", "dev-a", 7)
        first.toggle_upvote(first.answer("q", "dev-b", 3).id, "dev-a")
        version = first.version
        again = RoomStore(path, module="other")
        assert (again.join_code, again.secret, again.module) == \
            (first.join_code, first.secret, "05_nps")
        assert (again.step, again.timer, again.version) == (2, {"seconds": 90}, version)
        assert again.question_state("q").open and again.question_state("q").revealed
        assert [(a.device, a.value) for a in again.answers("q")] == [("dev-a", 7), ("dev-b", 3)]
        assert again.upvotes("q") == {2: {"dev-a"}}

    def test_committed_before_return(self, store):
        """Another connection sees an answer as soon as answer() returns."""
        store.answer("q", "dev-a", 7)
        other = sqlite3.connect(store.path)
        assert other.execute("SELECT value FROM answers").fetchall() == [("7",)]

    def test_version_grows_with_every_change(self, store):
        """Each change raises the version by one."""
        start = store.version
        store.set_step(1)
        store.set_question("q", open=True)
        store.answer("q", "d", 1)
        assert store.version == start + 3

    def test_bad_step(self, store):
        """A negative step is refused and nothing changes."""
        with pytest.raises(ValueError, match="index must be a whole number 0 or more, got -1"):
            store.set_step(-1)
        assert store.step == 0 and store.version == 0


class TestAnswers:
    def test_new_answer_replaces_old(self, store):
        """A device answers once: its second answer replaces the first, in place."""
        first = store.answer("q", "dev-a", 7)
        second = store.answer("q", "dev-a", 9)
        assert first.id == second.id and [a.value for a in store.answers("q")] == [9]

    def test_clear_keeps_but_stops_counting(self, store):
        """Cleared answers stay in the file and export but are no longer counted."""
        store.answer("q", "dev-a", 7)
        assert store.clear("q") == 1
        assert store.answers("q") == []
        assert [a.cleared for a in store.answers("q", counted=False)] == [True]
        store.answer("q", "dev-a", 5)  # after a clear the device answers anew
        assert [a.value for a in store.answers("q", counted=False)] == [7, 5]
        assert ",1,2026-05-04T09:30:00.000" in store.export_csv()

    def test_hide(self, store):
        """A hidden answer is not counted; showing it again counts it."""
        answer = store.answer("q", "dev-a", "rude")
        assert store.hide(answer.id).hidden and store.answers("q") == []
        store.hide(answer.id, False)
        assert [a.value for a in store.answers("q")] == ["rude"]

    def test_hide_unknown(self, store):
        """Hiding an answer that does not exist is a KeyError naming it."""
        with pytest.raises(KeyError, match="there is no answer 99"):
            store.hide(99)

    def test_typed_answers_replace_typed(self, store):
        """set_typed replaces the typed answers and leaves the phones' answers alone."""
        store.answer("q", "dev-a", 7)
        store.set_typed("q", [1, 2])
        store.set_typed("q", [3])
        assert [(a.source, a.value) for a in store.answers("q")] == [("phone", 7), ("typed", 3)]

    def test_upvote_toggles(self, store):
        """An upvote from the same device twice takes it back."""
        idea = store.answer("q", "dev-a", "Tea")
        assert store.toggle_upvote(idea.id, "dev-b") is True
        assert store.upvotes("q") == {idea.id: {"dev-b"}}
        assert store.toggle_upvote(idea.id, "dev-b") is False
        assert store.upvotes("q") == {}

    def test_delete_all(self, store):
        """delete_all removes every answer and upvote from the file."""
        idea = store.answer("q", "dev-a", "Tea")
        store.toggle_upvote(idea.id, "dev-b")
        assert store.delete_all() == 1
        assert store.answers(counted=False) == [] and store.upvotes("q") == {}
        assert b"Tea" not in store.path.read_bytes()


class TestExport:
    def test_columns_and_numbered_devices(self, store):
        """The export numbers devices, joins lists and defuses formulas."""
        store.answer("q", "dev-secret-id", ["A", "B"])
        store.answer("t", "dev-other", "=HYPERLINK(1)")
        store.set_typed("q", [["A"]])
        lines = store.export_csv().splitlines()
        assert lines[0] == "answer,question,device,source,value,upvotes,hidden,cleared,received_at"
        assert lines[1] == "1,q,1,phone,A; B,0,0,0,2026-05-04T09:30:00.000"
        assert lines[2] == "2,t,2,phone,'=HYPERLINK(1),0,0,0,2026-05-04T09:30:00.000"
        assert lines[3] == "3,q,,typed,A,0,0,0,2026-05-04T09:30:00.000"
        assert "dev-secret-id" not in store.export_csv()
