"""The hub's pieces that need no root: roster, passwords, the first-login copy, settings."""

from __future__ import annotations

import asyncio
import os
import stat

import pytest

from hub_helpers import in_own_thread

from ccexercise.hub.auth import RosterAuthenticator, hash_password
from ccexercise.hub.copy_course import copy_missing
from ccexercise.hub.roster import HubRosterError, load_hub_roster
from ccexercise.hub.settings import HubSettings


def _roster(tmp_path, text):
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_roster_with_own_passwords(tmp_path):
    roster = load_hub_roster(_roster(tmp_path, "username,role,password\n"
                                     "kim,instructor,kims-secret\nana,,anas-secret\n"))
    assert roster.instructor == "kim" and roster.learners == ("ana",)
    assert roster.own_passwords and roster.passwords == {"kim": "kims-secret",
                                                         "ana": "anas-secret"}


def test_every_roster_mistake_is_reported_at_once(tmp_path):
    with pytest.raises(HubRosterError) as caught:
        load_hub_roster(_roster(tmp_path, "username,role,password,team\n"
                                "kim,instructor,kims-secret\nlee,instructor,lees-secret\n"
                                "ana,student,anas-secret\nana,learner,short\nbo,learner,\n"))
    problems = {(p.line, p.field) for p in caught.value.problems}
    assert problems == {(1, ""), (4, "role"), (5, "username"), (None, "role"),
                        (None, "password")}
    assert str(caught.value).startswith(f"5 problems in the roster {tmp_path / 'roster.csv'}:\n"
                                        "  line 1: unknown column(s) ['team']")
    message = str(caught.value)
    assert "'student' is not a role" in message and "2 instructors (kim, lee)" in message
    assert "'ana' appears twice" in message
    assert "2 row(s) have a password and 1 do not" in message


def test_a_short_password_is_refused(tmp_path):
    with pytest.raises(HubRosterError, match="line 3, field 'password': is 5 characters; use at least 8"):
        load_hub_roster(_roster(tmp_path, "username,role,password\n"
                                "kim,instructor,kims-secret\nana,learner,short\n"))


def test_a_missing_roster_names_the_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="no roster file at .*nothing.csv"):
        load_hub_roster(tmp_path / "nothing.csv")


def test_roster_authenticator_checks_the_hashed_password():
    auth = RosterAuthenticator(password_hashes={"ana": hash_password("anas-secret")})

    def login(name, password):
        coroutine = auth.authenticate(None, {"username": name, "password": password})
        return in_own_thread(asyncio.run, coroutine)

    assert login("ana", "anas-secret") == "ana"
    assert login("ana", "kims-secret") is None
    assert login("kim", "anas-secret") is None      # not on the roster


def test_first_login_copy_never_overwrites_or_follows_links(tmp_path):
    source, home, elsewhere = (tmp_path / n for n in ("source", "home", "elsewhere"))
    (source / "course").mkdir(parents=True)
    (source / "course" / "lesson.ipynb").write_text("fresh lesson")
    (source / "course" / "map.ipynb").write_text("course map")
    (source / "data.csv").write_text("a,b")
    elsewhere.mkdir()
    (home / "course").mkdir(parents=True)
    (home / "course" / "lesson.ipynb").write_text("my notes")          # work in progress
    os.symlink(elsewhere / "planted.csv", home / "data.csv")           # a dangling link
    copied, kept = copy_missing(source, home)
    assert copied == ["course/map.ipynb"]
    assert sorted(kept) == ["course/lesson.ipynb", "data.csv"]
    assert (home / "course" / "lesson.ipynb").read_text() == "my notes"
    assert not (elsewhere / "planted.csv").exists()
    assert copy_missing(source, home) == ([], ["data.csv", "course/lesson.ipynb",
                                               "course/map.ipynb"])


def test_settings_file_is_private_and_round_trips(tmp_path):
    settings = HubSettings(course="/c", state=str(tmp_path), instructor="kim", learners=["ana"],
                           python="/p", user_password="workshop-pass")
    path = settings.save(tmp_path / "hub.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert HubSettings.from_json(path.read_text()) == settings
    assert settings.role("kim") == "instructor" and settings.role("ana") == "learner"


def test_hub_refuses_a_short_instructor_password():
    from ccexercise.commands.hub import _password

    with pytest.raises(ValueError, match="--instructor-password must be at least 32 "
                                         "characters, got 5"):
        _password("short", "UNSET_VARIABLE_FOR_TEST", None, 32, lambda: "x" * 40,
                  "--instructor-password")
