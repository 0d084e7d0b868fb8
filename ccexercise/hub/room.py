"""The live room on the hub (``ccexercise hub --room MODULE``): one JupyterHub service.

The room server (:mod:`ccexercise.room`) runs as the hub-managed service
``room``: JupyterHub starts it on 127.0.0.1 and its proxy routes
``<hub address>/services/room/`` to it, whole path included (hence
``--base-url /services/room/``). The service does no hub authentication,
so the proxy lets anyone reach it: phones join with the room's code and no
hub account. The control API still needs the room's secret, which only the
instructor's server gets (:func:`room_environment`), with the local address
its facilitator page steers the room through.

>>> from ccexercise.hub.settings import HubSettings
>>> s = HubSettings(course="/srv/course", state="/srv/hub", instructor="kim",
...                 learners=["ana"], python="/srv/hub/python/bin/python",
...                 room_module="05_nps", room_port=8765, room_secret="s3cret",
...                 room_join_url="http://10.0.0.5:8000/services/room/")
>>> service = room_service(s, "/usr/bin/python3")
>>> service["name"], service["url"]
('room', 'http://127.0.0.1:8765')
>>> service["command"][3:]  # doctest: +NORMALIZE_WHITESPACE
['05_nps', '--room-host', '127.0.0.1', '--room-port', '8765', '--session-dir', '/srv/hub/room',
 '--base-url', '/services/room/', '--join-url', 'http://10.0.0.5:8000/services/room/']
>>> room_environment(s, "instructor")
{'CCEXERCISE_ROOM_URL': 'http://127.0.0.1:8765/services/room/', 'CCEXERCISE_ROOM_SECRET': 's3cret'}
>>> room_environment(s, "learner")
{}
"""

from __future__ import annotations

import os
from pathlib import Path

from ..room.launch import SECRET_VAR, URL_VAR, join_url, room_command, room_env
from .settings import HubSettings

__all__ = ["NAME", "PREFIX", "ROOM_VARS", "prepare_room", "room_environment", "room_service",
           "store_dir"]

#: The service's name; the proxy serves it at ``/services/<name>/``.
NAME = "room"
PREFIX = f"/services/{NAME}/"
HOST = "127.0.0.1"
#: What a user's server must not inherit unless it is the instructor's.
ROOM_VARS = (URL_VAR, SECRET_VAR)


def store_dir(settings: HubSettings) -> Path:
    """The folder of the room's answers: ``<state>/room`` (root only: the file holds the
    facilitator secret)."""
    return Path(settings.state) / "room"


def local_url(settings: HubSettings) -> str:
    """Where the instructor's server reaches the room (this machine, not the proxy)."""
    return join_url(HOST, settings.room_port, PREFIX)


def prepare_room(settings: HubSettings, module: str, share: str, port: int):
    """Make the room's store for ``module`` (its secret and join code are made once per
    store), and record in ``settings`` what the hub configuration needs; ``share`` is the
    hub's address for people in the room. Return the store's path and join code."""
    from ..room import RoomStore
    from ..room.server import store_path_for
    from ..workshop import run_sheet_for

    sheet = run_sheet_for(module)
    folder = store_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    path = store_path_for(module, sheet, folder)
    with RoomStore(path, module=module) as store:
        secret, code = store.secret, store.join_code
    settings.room_module, settings.room_port, settings.room_secret = module, int(port), secret
    settings.room_join_url = share.rstrip("/") + PREFIX
    return path, code


def room_service(settings: HubSettings, python: str) -> dict:
    """The hub-managed service that runs the room (``c.JupyterHub.services``).

    No ``oauth_*`` keys and no hub authentication in the room: the proxy routes every
    request for ``/services/room/`` straight to it, so phones need no hub login."""
    return {"name": NAME, "url": f"http://{HOST}:{int(settings.room_port)}",
            "command": room_command(settings.room_module, host=HOST, port=settings.room_port,
                                    session_dir=store_dir(settings), base_url=PREFIX,
                                    join_url=settings.room_join_url, python=python),
            "cwd": settings.course,
            # its runtime file (the local address and secret) stays in the root-only folder
            "environment": {"JUPYTER_RUNTIME_DIR": str(store_dir(settings) / "runtime")}}


def room_environment(settings: HubSettings, role: str) -> dict[str, str]:
    """What a user's server gets to find the room: the instructor its local address and
    secret (for the facilitator page); everyone else nothing."""
    if role != "instructor" or not settings.room_module:
        return {}
    return room_env(local_url(settings), settings.room_secret)
