"""``ccexercise workshop MODULE``: present a module's facilitator page, with the live room.

Two servers start: the room (:mod:`ccexercise.room`, on the laptop's
network address, the only thing phones can reach) and Voila (on 127.0.0.1)
with the facilitator page in presentation mode: no code, dark text on
white, large type, nothing loaded from the internet. The command prints
the projector view's address, the presenter view's and the phones' join
address and code. Voila's own messages go to a log file whose place is
printed with the address. Stop both with Ctrl-C. ``--no-room`` presents
the page alone, as before the room existed (the room's answers are typed).

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
    parser.add_argument("--room-host", metavar="HOST", default=None,
                        help="address the room listens on for phones (default: this laptop's "
                             "address on the local network, else 127.0.0.1)")
    parser.add_argument("--room-port", metavar="PORT", type=int, default=None,
                        help="port the room listens on (default: a free one)")
    parser.add_argument("--session-dir", metavar="DIR", default=None,
                        help="folder for the session's files: the room's answers, the skit "
                             "ratings (default: $CCEXERCISE_SESSION_DIR, else the page's folder)")
    parser.add_argument("--no-room", action="store_true",
                        help="no phones: present the page alone, the room's answers typed in")
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


def _start_room(args, root: Path, run_sheet_env: dict[str, str]):
    """Start the room server; return ``(server, env for the page's kernels, the lines to
    print)``. The facilitator's secret is read from the room's file, never printed."""
    from ..room import RoomStore
    from ..room.launch import connection_help, join_url, lan_address, qr_url, room_command, \
        room_env
    from ..room.server import store_path_for
    from ..workshop import load_run_sheet, run_sheet_for

    module = args.module.strip().rstrip("/\\")
    chosen = run_sheet_env.get(ENV_VAR)
    sheet = load_run_sheet(chosen) if chosen else run_sheet_for(module)
    host = args.room_host or lan_address()
    port = args.room_port or launch.free_port(host)
    path = store_path_for(module, sheet, args.session_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with RoomStore(path, module=module) as store:  # made once; the server keeps using it
        secret, code = store.secret, store.join_code
    argv = room_command(module, host=host, port=port, session_dir=path.parent,
                        run_sheet=chosen)
    log = launch.log_path("room", port)
    server = launch.ServerProcess(argv, cwd=root, env={**os.environ, **run_sheet_env},
                                  log=open(log, "w", encoding="utf-8"))
    # The room listens on its own address; its page answers without the secret.
    url = join_url(host, port)
    server.wait_until_answers(url, timeout=60)
    lines = (f"Phones join at {url} with the code {code}\n(the projector view shows its QR "
             f"code: {qr_url(url, code)}). The room's answers are saved in {path};\n"
             f"delete them after the workshop from the presenter view, or with "
             f"'ccexercise room {module} --delete'.\n\n{connection_help(url)}\n"
             f"The room server's log is in {log}")
    return server, room_env(url, secret), lines


def run(args: argparse.Namespace) -> int:
    root = course_root()
    launch.facilitator_page(root, args.module)  # a clear error before anything starts
    run_sheet_env = _check_run_sheet(root, args.module, args.run_sheet)
    port = args.port or launch.free_port()
    session_env = ({"CCEXERCISE_SESSION_DIR": str(Path(args.session_dir).expanduser().resolve())}
                   if args.session_dir else {})
    room, room_vars, room_lines, companions = None, {}, "", []
    if not args.no_room:
        try:
            room, room_vars, room_lines = _start_room(args, root, run_sheet_env)
        except (OSError, RuntimeError) as error:
            print(f"ccexercise workshop: the room could not start ({error}); see its log. "
                  f"Use --no-room to present the page without phones.", file=sys.stderr)
            if room is not None:
                room.stop()
            return 1
        companions = [("the room server", room)]
    page = f"http://{launch.HOST}:{port}/"
    opened = (f"{page}?view=projector\n\n    on the room's screen (the projector view), and"
              f"\n\n    {page}?view=presenter\n\n    on your laptop (the presenter view: "
              f"notes, the next step, the poll controls).\n\n{room_lines}"
              if room is not None else page)
    try:
        with tempfile.TemporaryDirectory(prefix="ccexercise-workshop-",
                                         ignore_cleanup_errors=True) as data_dir:
            launch.write_projector_template(data_dir)
            return launch.serve(
                launch.workshop_command(root, args.module, port=port),
                ready_url=f"http://{launch.HOST}:{port}/voila/static/voila.js",
                open_url=opened,
                what=f"the facilitator page of {args.module.strip().rstrip('/')}",
                cwd=root, env={**launch.projector_env(data_dir), **run_sheet_env,
                               **session_env, **room_vars},
                log=launch.log_path("workshop", port), companions=companions)
    finally:
        if room is not None:
            room.stop()
