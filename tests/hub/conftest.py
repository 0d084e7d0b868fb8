"""A real JupyterHub for the hub tests: `ccexercise hub` as root, with real local users.

Needs root (it creates system users and starts servers as them), Linux's
setpriv, and npm (configurable-http-proxy is installed from npm into
`.ccexercise/node/` by the command itself on first run). Missing: skipped with
the reason, except in CI (CI=true), where the tests fail instead.

Users are named `cct-<random>-...` and are removed at the end with their home
folders, whatever happened; so is every process they still run.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import hub_helpers as hh  # noqa: E402


def _missing() -> str | None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return ("the hub tests need root: they create system users and start JupyterHub "
                "as root (run them as root, e.g. in the CI container or `sudo make test`)")
    for tool in ("setpriv", "useradd", "userdel", "npm"):
        if not shutil.which(tool):
            return f"the hub tests need {tool}, which is not installed"
    return None


@pytest.fixture(scope="session")
def hub_setup(tmp_path_factory):
    """The running hub: roster, passwords, state folder; torn down completely at the end."""
    reason = _missing()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must run the hub tests, but {reason}")
        pytest.skip(reason)
    from ccexercise.hub.provision import remove_users

    prefix = f"cct-{secrets.token_hex(3)}"
    names = {"instructor": f"{prefix}-instructor",
             **{key: f"{prefix}-{key}" for key in ("right", "partly", "blank")}}
    # /tmp itself, not pytest's private tmp folder: every hub user must reach it.
    state = Path(tempfile.mkdtemp(prefix="ccexercise-hub-", dir="/tmp"))
    os.chmod(state, 0o755)
    artifacts = hh.REPO / "test-artifacts" / "hub"   # the hub's log stays here for a look
    artifacts.mkdir(parents=True, exist_ok=True)
    for name in ("hub.log", "jupyterhub.log"):
        (artifacts / name).unlink(missing_ok=True)
    roster = artifacts / "roster.csv"
    roster.write_text("username,role\n" + f"{names['instructor']},instructor\n" +
                      "".join(f"{names[k]},learner\n" for k in ("right", "partly", "blank")))
    from ccexercise.launch import free_port

    port = free_port()
    while any(not _free(port + i) for i in (1, 2)):
        port = free_port()
    # Passwords start with a letter: one starting with "-" would read as an option.
    hub = hh.Hub(roster=roster, state=state, port=port, password="p" + secrets.token_urlsafe(12),
                 instructor_password="p" + secrets.token_urlsafe(32), log=artifacts / "hub.log",
                 room="05_nps")   # the live room as the hub's service (test_hub.py checks it)
    setup = {"hub": hub, "names": names, "state": state, "roster": roster,
             "password": hub.argv[hub.argv.index("--password") + 1],
             "instructor_password": hub.argv[hub.argv.index("--instructor-password") + 1]}
    try:
        yield setup
    finally:
        try:
            if hub.process is not None and hub.process.poll() is None:
                hub.interrupt()
        finally:
            hub.kill()
        import pwd
        import signal

        uids = set()
        for name in names.values():
            try:
                uids.add(pwd.getpwnam(name).pw_uid)
            except KeyError:
                pass
        for pid in hh.processes_of(uids):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        remove_users(names.values())
        if (state / "jupyterhub.log").exists():
            shutil.copy(state / "jupyterhub.log", artifacts / "jupyterhub.log")
        shutil.rmtree(state, ignore_errors=True)
        leftover = [n for n in names.values() if Path("/home", n).exists()]
        assert not leftover, f"home folders left behind: {leftover}"


def _free(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False
