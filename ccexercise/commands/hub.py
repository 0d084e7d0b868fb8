"""``ccexercise hub --roster ROSTER.csv``: JupyterHub with the course for a room, on this server.

Run as root on the server (it creates a system user per roster row and
starts each person's server as that user). It installs what is missing
(``jupyterhub``, ``jupyterhub-idle-culler``, and configurable-http-proxy from
npm into ``.ccexercise/node/``), prepares the nbgrader exchange and the
course copies, prints the address and passwords to share, and stops
everything on Ctrl-C. Submissions, grades and learners' work stay on disk,
so running it again carries on where the room left off.

With ``--room MODULE`` the live room of that module runs as the hub's
service ``room`` (:mod:`ccexercise.hub.room`): phones join at
``<hub address>/services/room/`` with the printed code and no hub login, and
the instructor's facilitator page steers it.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
from pathlib import Path

from .. import launch
from .._course import course_root

__all__ = ["register", "run", "share_address"]

DEFAULT_STATE = "/srv/ccexercise-hub"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "hub", help="run JupyterHub with the course for a room (as root, on a server)",
        description="Start JupyterHub for the people in ROSTER.csv (columns username, role "
                    "[instructor|learner], optional password): creates their system users, "
                    "gives each a copy of the course, sets up the nbgrader exchange, and "
                    "prints the address to share. Press Ctrl-C to stop.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--roster", required=True, metavar="ROSTER.csv",
                        help="who logs in: username, role, optional password")
    parser.add_argument("--state", default=DEFAULT_STATE, metavar="DIR",
                        help="the hub's folder (exchange, database, settings); keep it between "
                             "runs")
    parser.add_argument("--ip", default="0.0.0.0", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000,
                        help="port to listen on (the hub also uses the next two for itself)")
    parser.add_argument("--password", default=None,
                        help="the workshop password learners share, 8+ characters (default: "
                             "$CCEXERCISE_HUB_PASSWORD, else the last one, else a new one)")
    parser.add_argument("--instructor-password", default=None,
                        help="the instructor's password, 32+ characters (default: "
                             "$CCEXERCISE_HUB_INSTRUCTOR_PASSWORD, else the last, else new)")
    parser.add_argument("--memory", type=int, default=2048, metavar="MB",
                        help="memory (address space) cap of each user server and kernel")
    parser.add_argument("--idle-timeout", type=int, default=3600, metavar="SECONDS",
                        help="stop a user's server after this long without activity")
    parser.add_argument("--room", metavar="MODULE", default=None,
                        help="also run the live room of one module (e.g. 05_nps) as a hub "
                             "service: phones join at <hub address>/services/room/ with the "
                             "printed code, without a hub account; the instructor's facilitator "
                             "page steers it. One module per hub run")
    parser.set_defaults(func=run)


def share_address(ip: str, port: int) -> str:
    """The address people in the room should open.

    >>> share_address("127.0.0.1", 8000)
    'http://127.0.0.1:8000/'
    """
    host = ip
    if ip in ("0.0.0.0", "", "::"):
        try:  # the address of the interface that leads out (no packet is sent)
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.connect(("10.255.255.255", 1))
                host = probe.getsockname()[0]
        except OSError:
            host = socket.gethostname()
    return f"http://{host}:{port}/"


def _config_file(root: Path) -> Path:
    for candidate in (root / "deploy" / "jupyterhub" / "jupyterhub_config.py",
                      Path(__file__).resolve().parents[1] / "_deploy" / "jupyterhub"
                      / "jupyterhub_config.py"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no deploy/jupyterhub/jupyterhub_config.py under {root}")


def _password(given, env_name, previous, minimum, make, what):
    value = given or os.environ.get(env_name) or previous or make()
    if len(value) < minimum:
        raise ValueError(f"{what} must be at least {minimum} characters, got {len(value)}")
    return value


def run(args: argparse.Namespace) -> int:
    if os.geteuid() != 0:
        print("ccexercise hub: run this as root (sudo): it creates a system user for each "
              "person and starts their servers as them", file=sys.stderr)
        return 2
    from ..hub import provision
    from ..hub.roster import load_hub_roster

    root = course_root()
    roster = load_hub_roster(args.roster)
    if args.room:
        from ..workshop import run_sheet_for

        try:  # a clear error before users are made or anything is installed
            run_sheet_for(args.room)
        except ValueError as error:
            print(f"ccexercise hub: --room {args.room}: {error}", file=sys.stderr)
            return 2
    missing = provision.missing_packages()
    if missing:
        print(f"Installing {', '.join(missing)} ...", flush=True)
        provision.install_packages(missing)
    from ..hub.auth import hash_password
    from ..hub.settings import SETTINGS_ENV, HubSettings

    proxy = provision.install_proxy(root / ".ccexercise" / "node")
    created = provision.create_users(roster.usernames)
    if created:
        print(f"Created system users: {', '.join(created)}", flush=True)
    state = Path(args.state).resolve()
    state.mkdir(parents=True, exist_ok=True)
    python = provision.shared_python(state / "python")
    settings_file = state / "hub.json"
    previous = (HubSettings.from_json(settings_file.read_text()) if settings_file.is_file()
                else None)
    settings = HubSettings(
        course=str(root), state=str(state), instructor=roster.instructor,
        learners=list(roster.learners), python=str(python), ip=args.ip, port=args.port,
        proxy=str(proxy), mem_limit_mb=args.memory, idle_timeout=args.idle_timeout)
    if roster.own_passwords:
        settings.auth = "roster"
        settings.password_hashes = {n: hash_password(p) for n, p in roster.passwords.items()}
    else:
        settings.user_password = _password(
            args.password, "CCEXERCISE_HUB_PASSWORD", previous and previous.user_password, 8,
            lambda: secrets.token_urlsafe(8), "--password")
        settings.admin_password = _password(
            args.instructor_password, "CCEXERCISE_HUB_INSTRUCTOR_PASSWORD",
            previous and previous.admin_password, 32, lambda: secrets.token_urlsafe(32),
            "--instructor-password")
    provision.prepare(settings)
    address = share_address(args.ip, args.port)
    room_lines = ""
    if args.room:
        from ..hub.room import prepare_room

        path, code = prepare_room(settings, args.room.strip().rstrip("/"), address,
                                  launch.free_port())
        room_lines = (f"\nThe live room of {settings.room_module} runs on the hub: phones join at "
                      f"{settings.room_join_url} with the code {code}\n(no hub account needed; "
                      f"open course/{settings.room_module}/facilitator.ipynb as the instructor "
                      f"to steer it). Its answers are saved in {path}.")
    settings.save(settings_file)
    if settings.auth == "shared":
        print(f"Learners log in with their roster username and the workshop password: "
              f"{settings.user_password}\nThe instructor ({roster.instructor}) logs in with: "
              f"{settings.admin_password}", flush=True)
    else:
        print("Everyone logs in with the username and password from the roster.", flush=True)
    if room_lines:
        print(room_lines, flush=True)
    env = dict(os.environ, **{SETTINGS_ENV: str(settings_file)})
    argv = [sys.executable, "-m", "jupyterhub", "-f", str(_config_file(root))]
    log = state / "jupyterhub.log"   # the hub's and the users' servers' messages; root only
    os.close(os.open(log, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(log, 0o600)
    return launch.serve(argv, ready_url=f"http://127.0.0.1:{args.port + 1}/hub/api",
                        open_url=address, what=f"JupyterHub for {len(roster.learners)} "
                        f"learner(s)", cwd=state, env=env, log=log)
