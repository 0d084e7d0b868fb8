"""``ccexercise workshop MODULE``: present a module's facilitator page with Voila.

The page opens in presentation mode: no code, dark text on white, large
type, nothing loaded from the internet. Voila's own messages go to a log
file whose place is printed with the address. Stop it with Ctrl-C.

The steps come from the module's run sheet (``course/MODULE/run_sheet.md``),
or from the trainer's own copy given with ``--run-sheet FILE``. The sheet is
checked before the server starts, so every mistake in it is listed here
rather than on the projector.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from .. import launch
from .._course import course_root
from ..workshop.run_sheets import ENV_VAR, FILE_NAME, load_run_sheet

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
    parser.add_argument("--run-sheet", metavar="FILE", default=None,
                        help="your own copy of the run sheet (the steps, their minutes and "
                             "prompts) to use instead of course/MODULE/run_sheet.md")
    parser.set_defaults(func=run)


def _check_run_sheet(root: Path, module: str, chosen: str | None) -> dict[str, str]:
    """Load the run sheet the page will use: ``chosen``, else the file named by
    ``CCEXERCISE_RUN_SHEET``, else the module's own (a RunSheetError lists every mistake).
    Return the environment entry that points the page's kernels at a chosen file."""
    chosen = chosen or os.environ.get(ENV_VAR, "").strip() or None
    if chosen is None:
        path = root / "course" / module.strip().rstrip("/\\") / FILE_NAME
        if not path.is_file():
            return {}  # run_sheet_for reports it on the page
    else:
        path = Path(chosen).expanduser().resolve()  # the kernels run in the page's folder
    sheet = load_run_sheet(path)
    print(f"Run sheet: {path} ({len(sheet.steps)} steps, {sheet.total_minutes:g} minutes)",
          file=sys.stderr, flush=True)
    return {} if chosen is None else {ENV_VAR: str(path)}


def run(args: argparse.Namespace) -> int:
    root = course_root()
    launch.facilitator_page(root, args.module)  # a clear error before anything starts
    run_sheet_env = _check_run_sheet(root, args.module, args.run_sheet)
    port = args.port or launch.free_port()
    with tempfile.TemporaryDirectory(prefix="ccexercise-workshop-",
                                     ignore_cleanup_errors=True) as data_dir:
        launch.write_projector_template(data_dir)
        return launch.serve(
            launch.workshop_command(root, args.module, port=port),
            ready_url=f"http://{launch.HOST}:{port}/voila/static/voila.js",
            open_url=f"http://{launch.HOST}:{port}/",
            what=f"the facilitator page of {args.module.strip().rstrip('/')}",
            cwd=root, env={**launch.projector_env(data_dir), **run_sheet_env},
            log=launch.log_path("workshop", port))
