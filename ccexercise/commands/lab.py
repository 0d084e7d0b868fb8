"""``ccexercise lab``: open the course in JupyterLab, on the course map.

JupyterLab's root folder is the course folder, so learners find the
lessons and exercises, and instructors find nbgrader's Formgrader. The
server's own messages go to a log file whose place is printed with the
address. Stop it with Ctrl-C.
"""

from __future__ import annotations

import argparse
import secrets

from .. import launch
from .._course import course_root

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "lab", help="open the course in JupyterLab (course map first)",
        description="Start JupyterLab in the course folder on course/index.ipynb and print "
                    "the address to open. Press Ctrl-C to stop.")
    parser.add_argument("--port", type=int, default=None,
                        help="port to listen on (default: a free one)")
    parser.add_argument("--no-browser", dest="open_browser", action="store_false",
                        help="do not open a web browser, only print the address")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = course_root()
    port = args.port or launch.free_port()
    token = secrets.token_hex(24)
    return launch.serve(
        launch.lab_command(root, port=port, open_browser=args.open_browser, token=token),
        ready_url=f"http://{launch.HOST}:{port}/api/status?token={token}",
        open_url=launch.lab_url(port, token),
        what="JupyterLab with the course", cwd=root,
        log=launch.log_path("lab", port))
