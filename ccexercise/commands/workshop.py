"""``ccexercise workshop MODULE``: present a module's facilitator page with Voila.

The page opens in presentation mode: no code, dark text on white, large
type, nothing loaded from the internet. Stop it with Ctrl-C.
"""

from __future__ import annotations

import argparse
import tempfile

from .. import launch
from .._course import course_root

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "workshop", help="present a module's facilitator page (Voila, no code on screen)",
        description="Serve course/MODULE/facilitator.ipynb with Voila for a projector and "
                    "print the address to open. Press Ctrl-C to stop.")
    parser.add_argument("module", metavar="MODULE",
                        help="the module folder name, e.g. 01_lost_customer_cost")
    parser.add_argument("--port", type=int, default=None,
                        help="port to listen on (default: a free one)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = course_root()
    launch.facilitator_page(root, args.module)  # a clear error before anything starts
    port = args.port or launch.free_port()
    with tempfile.TemporaryDirectory(prefix="ccexercise-workshop-",
                                     ignore_cleanup_errors=True) as data_dir:
        launch.write_projector_template(data_dir)
        return launch.serve(
            launch.workshop_command(root, args.module, port=port),
            ready_url=f"http://{launch.HOST}:{port}/voila/static/voila.js",
            open_url=f"http://{launch.HOST}:{port}/",
            what=f"the facilitator page of {args.module.strip().rstrip('/')}",
            cwd=root, env=launch.projector_env(data_dir))
