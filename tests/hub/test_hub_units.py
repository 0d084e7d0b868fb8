"""The hub's pieces that need no root: roster, passwords, the first-login copy, settings."""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path

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


# -- the live room on the hub (ccexercise hub --room MODULE) --------------------------

def _hub_config(tmp_path, monkeypatch, **room):
    """deploy/jupyterhub/jupyterhub_config.py loaded as JupyterHub loads it, for hub.json
    settings with ``room``; returns its namespace (``c``, ``pre_spawn_hook`` ...)."""
    from traitlets.config import Config

    from hub_helpers import REPO

    settings = HubSettings(course=str(REPO), state=str(tmp_path), instructor="kim",
                           learners=["ana"], python="/usr/bin/python3", **room)
    monkeypatch.setenv("CCEXERCISE_HUB_SETTINGS", str(settings.save(tmp_path / "hub.json")))
    config = Config()
    namespace = {"get_config": lambda: config, "load_subconfig": lambda path: None,
                 "__file__": str(REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py")}
    exec(compile(Path(namespace["__file__"]).read_text(), namespace["__file__"], "exec"),
         namespace)
    return namespace


def _spawn_env(namespace, tmp_path, name, environment):
    """The environment pre_spawn_hook gives ``name``'s server (no copy, no real user)."""
    from types import SimpleNamespace

    async def no_copy(username, role):
        return None

    namespace["copy_course"] = no_copy
    namespace["pwd"] = SimpleNamespace(getpwnam=lambda n: SimpleNamespace(pw_dir=str(tmp_path)))
    spawner = SimpleNamespace(user=SimpleNamespace(name=name), environment=environment)
    in_own_thread(asyncio.run, namespace["pre_spawn_hook"](spawner))
    return spawner.environment


def test_the_room_service_is_proxied_without_hub_login_and_only_the_instructor_has_the_secret(
        tmp_path, monkeypatch):
    """--room: a managed service `room` under /services/room/ with no oauth; the instructor's
    server gets the room's local address and secret, a learner's never (even from an
    environment dict the spawners would share)."""
    from ccexercise.hub.room import prepare_room
    from ccexercise.room import RoomStore

    settings = HubSettings(course="/c", state=str(tmp_path), instructor="kim",
                           learners=["ana"], python="/p")
    path, code = prepare_room(settings, "05_nps", "http://10.0.0.5:8000/", 8765)
    with RoomStore(path) as store:   # made before the hub starts: its secret is the one
        assert (store.secret, store.join_code) == (settings.room_secret, code)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert settings.room_join_url == "http://10.0.0.5:8000/services/room/"
    room = {k: getattr(settings, k) for k in ("room_module", "room_port", "room_secret",
                                              "room_join_url")}
    namespace = _hub_config(tmp_path, monkeypatch, **room)
    services = {s["name"]: s for s in namespace["c"].JupyterHub.services}
    service = services["room"]
    assert service["url"] == "http://127.0.0.1:8765"
    assert not [key for key in service if key.startswith("oauth")]
    argv = service["command"]
    assert argv[1:4] == ["-m", "ccexercise.room", "05_nps"]
    assert argv[argv.index("--base-url") + 1] == "/services/room/"
    assert argv[argv.index("--room-host") + 1] == "127.0.0.1"
    assert argv[argv.index("--join-url") + 1] == "http://10.0.0.5:8000/services/room/"
    assert settings.room_secret not in " ".join(argv)
    instructor = _spawn_env(namespace, tmp_path, "kim", {})
    assert instructor["CCEXERCISE_ROOM_URL"] == "http://127.0.0.1:8765/services/room/"
    assert instructor["CCEXERCISE_ROOM_SECRET"] == settings.room_secret
    learner = _spawn_env(namespace, tmp_path, "ana", dict(instructor))
    assert "CCEXERCISE_ROOM_SECRET" not in learner and "CCEXERCISE_ROOM_URL" not in learner


def test_without_room_there_is_no_room_service(tmp_path, monkeypatch):
    namespace = _hub_config(tmp_path, monkeypatch)
    assert [s["name"] for s in namespace["c"].JupyterHub.services] == ["idle-culler"]
    assert "CCEXERCISE_ROOM_SECRET" not in _spawn_env(namespace, tmp_path, "kim", {})


def test_hub_refuses_a_room_without_a_run_sheet(tmp_path, capsys):
    """--room names a module with a run sheet, checked before anything is installed."""
    import argparse

    from ccexercise.commands import hub

    roster = tmp_path / "roster.csv"
    roster.write_text("username,role\nkim,instructor\nana,learner\n")
    if os.geteuid() != 0:
        pytest.skip("the command checks for root first")
    args = argparse.Namespace(roster=str(roster), room="99_nothing")
    assert hub.run(args) == 2
    assert "--room 99_nothing: module must name a module with a run sheet" in \
        capsys.readouterr().err
