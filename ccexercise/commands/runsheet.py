"""``ccexercise runsheet print|show MODULE``: a module's run sheet on paper or in the terminal.

``print`` writes it as a one- or two-page A4 PDF (``--out FILE``); ``show``
prints the same to the terminal as plain text: each step's minutes, what
the room sees, the room's polls with their ids, the prompts, the materials
and the trainer's notes. MODULE is a module folder name (its
``course/MODULE/run_sheet.md``) or the path of a trainer's own run sheet
file (``.md``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "run_print", "run_show"]

_MODULE_HELP = ("a module folder name, e.g. 06_guess_what_he_dislikes, or a run sheet "
                "file (.md)")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "runsheet", help="print a module's run sheet as a one- or two-page A4 PDF, or show it",
        description="Print a workshop run sheet (steps, minutes, polls, prompts, materials, "
                    "notes) on one or two A4 pages a facilitator can hold, or show it in the "
                    "terminal.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    make = actions.add_parser("print", help="write the run sheet as a PDF")
    make.add_argument("module", metavar="MODULE", help=_MODULE_HELP)
    make.add_argument("--out", metavar="FILE", default=None,
                      help="the PDF to write (default: run_sheet_MODULE.pdf in the working "
                           "folder)")
    make.set_defaults(func=run_print)
    show = actions.add_parser("show", help="show the run sheet in the terminal, with the "
                                           "room's polls and their ids")
    show.add_argument("module", metavar="MODULE", help=_MODULE_HELP)
    show.set_defaults(func=run_show)


def _load(module: str):
    """The run sheet and the name for its files, or None after printing its mistakes."""
    from ..workshop import RunSheetError, load_run_sheet, run_sheet_for

    try:
        if module.endswith(".md"):
            return load_run_sheet(module), Path(module).stem
        return run_sheet_for(module), module.strip().rstrip("/\\")
    except RunSheetError as error:
        print(f"ccexercise runsheet: {error}", file=sys.stderr)
        return None


def run_print(args: argparse.Namespace) -> int:
    from ..workshop.run_sheet_pdf import write_run_sheet_pdf

    loaded = _load(args.module)
    if loaded is None:
        return 1
    sheet, name = loaded
    out = Path(args.out) if args.out else Path.cwd() / f"run_sheet_{name}.pdf"
    path, pages = write_run_sheet_pdf(sheet, out)
    polls = sum(len(step.polls) for step in sheet.steps)
    print(f"wrote {path} ({pages} page{'s' if pages != 1 else ''}, {len(sheet.steps)} steps, "
          f"{polls} poll{'s' if polls != 1 else ''})")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from ..workshop.run_sheet_pdf import run_sheet_text

    loaded = _load(args.module)
    if loaded is None:
        return 1
    print(run_sheet_text(loaded[0]))
    return 0
