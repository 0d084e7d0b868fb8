"""Starting the room server: its command line, its address, and what the kernels need.

Light on purpose (no Tornado): ``ccexercise workshop`` builds the room's
argv with :func:`room_command`, runs it as a second process, and hands the
facilitator page's kernels :func:`room_env`. The server itself writes the
runtime file :func:`runtime_file` names, which
:meth:`ccexercise.room.client.RoomClient.from_env` reads when the
environment says nothing.

>>> argv = room_command("05_nps", host="127.0.0.1", port=8765)
>>> argv[1:]
['-m', 'ccexercise.room', '05_nps', '--room-host', '127.0.0.1', '--room-port', '8765']
>>> room_env("http://127.0.0.1:8765/", "s3cret")
{'CCEXERCISE_ROOM_URL': 'http://127.0.0.1:8765/', 'CCEXERCISE_ROOM_SECRET': 's3cret'}
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
from pathlib import Path
from urllib.parse import quote

__all__ = ["PREFIX_VAR", "RUNTIME_FILE", "SECRET_VAR", "URL_VAR", "add_arguments", "base_url",
           "connection_help", "join_url", "lan_address", "qr_url", "room_command", "room_env",
           "runtime_file", "write_runtime_file"]

#: The environment variables that tell a kernel where the room server is, and its secret.
URL_VAR = "CCEXERCISE_ROOM_URL"
SECRET_VAR = "CCEXERCISE_ROOM_SECRET"
#: The file (in Jupyter's runtime folder) the room server writes for kernels to find it.
RUNTIME_FILE = "ccexercise-room.json"
#: Set by JupyterHub for a service it runs: the path its proxy routes to it
#: (``/services/<name>/``), the room's default ``--base-url``.
PREFIX_VAR = "JUPYTERHUB_SERVICE_PREFIX"
#: A private address to "connect" a UDP socket to: that picks the network interface
#: the laptop would use for the local network, and sends nothing.
_PROBE = ("10.254.254.254", 1)


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the room's options to ``parser`` (``ccexercise room`` and
    ``python -m ccexercise.room`` take the same ones)."""
    parser.add_argument("module", metavar="MODULE",
                        help="the module folder name, e.g. 05_nps (its run sheet lists the "
                             "questions)")
    parser.add_argument("--run-sheet", metavar="FILE", default=None,
                        help="your own copy of the run sheet instead of the module's")
    parser.add_argument("--room-host", metavar="HOST", default=None,
                        help="address to listen on (default: this laptop's address on the "
                             "local network, else 127.0.0.1)")
    parser.add_argument("--room-port", metavar="PORT", type=int, default=None,
                        help="port to listen on (default: a free one)")
    parser.add_argument("--base-url", metavar="PATH", default=None,
                        help="the path the room is served under, e.g. /services/room/ behind "
                             "JupyterHub (default: $JUPYTERHUB_SERVICE_PREFIX when set, else /)")
    parser.add_argument("--join-url", metavar="URL", default=None,
                        help="the address phones open, when it is not the one the room listens "
                             "on (behind a proxy, e.g. http://hub.example.org/services/room/)")
    parser.add_argument("--session-dir", metavar="DIR", default=None,
                        help="folder for the session's answers file (default: "
                             "$CCEXERCISE_SESSION_DIR, else the module's folder)")
    parser.add_argument("--delete", action="store_true",
                        help="delete today's answers of this session (asks first) and stop")
    parser.add_argument("--yes", action="store_true",
                        help="with --delete: do not ask")
    return parser


def room_command(module: str, *, host: str, port: int, session_dir=None,
                 run_sheet=None, base_url=None, join_url=None, python=None) -> list[str]:
    """The argv that runs the room server for ``module`` on ``host``:``port`` (with
    ``python``, default this one).

    >>> room_command("05_nps", host="10.0.0.5", port=8765, session_dir="/tmp/s")[-2:]
    ['--session-dir', '/tmp/s']
    >>> room_command("05_nps", host="127.0.0.1", port=8765, base_url="/services/room/")[-2:]
    ['--base-url', '/services/room/']
    """
    argv = [str(python or sys.executable), "-m", "ccexercise.room", str(module),
            "--room-host", str(host), "--room-port", str(int(port))]
    if session_dir is not None:
        argv += ["--session-dir", str(session_dir)]
    if run_sheet is not None:
        argv += ["--run-sheet", str(run_sheet)]
    if base_url is not None:
        argv += ["--base-url", str(base_url)]
    if join_url is not None:
        argv += ["--join-url", str(join_url)]
    return argv


def room_env(url: str, secret: str) -> dict[str, str]:
    """The environment entries that point a kernel's :class:`RoomClient` at the server."""
    return {URL_VAR: str(url), SECRET_VAR: str(secret)}


def lan_address() -> str:
    """This computer's address on the local network, or ``127.0.0.1`` if it has none.

    A UDP socket is "connected" to a private address, which only picks the route
    and sends no packet.

    >>> lan_address().count(".")
    3
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PROBE)
            address = probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    return address if address and address != "0.0.0.0" else "127.0.0.1"


def base_url(path: str | None = None) -> str:
    """The path the room is served under, with a slash at each end: ``path``, else
    ``$JUPYTERHUB_SERVICE_PREFIX``, else ``/``.

    >>> base_url("services/room"), base_url("/"), base_url("/services/room/")
    ('/services/room/', '/', '/services/room/')
    >>> base_url("http://example.org/room/")
    Traceback (most recent call last):
        ...
    ValueError: the base URL must be a path such as /services/room/, got 'http://example.org/room/'
    """
    if path is None:
        path = os.environ.get(PREFIX_VAR) or "/"
    text = str(path).strip()
    if ":" in text or "?" in text or "#" in text or "//" in text.strip("/") or "\\" in text:
        raise ValueError(f"the base URL must be a path such as /services/room/, got {text!r}")
    text = text.strip("/")
    return f"/{text}/" if text else "/"


def join_url(host: str, port: int, base: str = "/") -> str:
    """The address phones open (``base``: the path the room is served under).

    >>> join_url("10.0.0.5", 8765)
    'http://10.0.0.5:8765/'
    >>> join_url("127.0.0.1", 8765, "/services/room/")
    'http://127.0.0.1:8765/services/room/'
    """
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{int(port)}{base_url(base)}"


def qr_url(join_url: str, join_code: str) -> str:
    """What the QR code holds: the join address with the code, so a scan joins at once.

    >>> qr_url("http://10.0.0.5:8765/", "ACDE")
    'http://10.0.0.5:8765/?code=ACDE'
    """
    return f"{join_url}?code={quote(join_code)}"


def connection_help(join_url: str) -> str:
    """What to try when phones cannot open ``join_url`` (shown by ``ccexercise room``, and
    in the presenter view).

    >>> print(connection_help("http://10.0.0.5:8765/").splitlines()[0])
    If phones cannot open http://10.0.0.5:8765/:
    """
    from urllib.parse import urlsplit

    parts = urlsplit(join_url)
    port = parts.port or 80
    host = parts.hostname or ""
    lines = [f"If phones cannot open {join_url}:",
             "  - Phones and this laptop must be on the same Wi-Fi. Guest networks often keep "
             "devices apart: then turn on this laptop's hotspot, let the phones join it, "
             "and restart the room (its address changes).",
             f"  - A firewall may block port {port}. Allow it, e.g. on Ubuntu: "
             f"sudo ufw allow {port}/tcp ; on Windows, allow Python when asked; on macOS, "
             "System Settings > Network > Firewall > allow Python.",
             "  - Mobile data must be off or the phone may not find the local address."]
    if host in ("127.0.0.1", "localhost", "::1"):
        lines.insert(1, "  - The room listens on this laptop only (127.0.0.1): phones cannot "
                        "reach it. Start it without --room-host, or with this laptop's "
                        "network address.")
    return "\n".join(lines)


def runtime_file() -> Path:
    """``<jupyter runtime dir>/ccexercise-room.json``, where the running room is described."""
    from jupyter_core.paths import jupyter_runtime_dir

    return Path(jupyter_runtime_dir()) / RUNTIME_FILE


def write_runtime_file(url: str, secret: str, module: str, path=None) -> Path:
    """Write ``{url, secret, module}`` to ``path`` (default :func:`runtime_file`), readable by
    its owner only (it holds the secret); return the path."""
    path = Path(path) if path is not None else runtime_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"url": url, "secret": secret, "module": module}) + "\n"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, 0o600)  # an older file may have had other rights
    return path
