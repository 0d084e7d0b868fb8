"""``ccexercise runsheet print MODULE [--out FILE]``: a module's run sheet on one or two A4 pages.

MODULE is a module folder name (its ``course/MODULE/run_sheet.md``) or the
path of a trainer's own run sheet file (``.md``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "run_print"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "runsheet", help="print a module's run sheet as a one- or two-page A4 PDF",
        description="Print a workshop run sheet (steps, minutes, prompts, materials) on one "
                    "or two A4 pages a facilitator can hold.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    make = actions.add_parser("print", help="write the run sheet as a PDF")
    make.add_argument("module", metavar="MODULE",
                      help="a module folder name, e.g. 06_guess_what_he_dislikes, or a run "
                           "sheet file (.md)")
    make.add_argument("--out", metavar="FILE", default=None,
                      help="the PDF to write (default: run_sheet_MODULE.pdf in the working "
                           "folder)")
    make.set_defaults(func=run_print)


def run_print(args: argparse.Namespace) -> int:
    from ..workshop.run_sheet_pdf import write_run_sheet_pdf
    from ..workshop import RunSheetError, load_run_sheet, run_sheet_for

    try:
        if args.module.endswith(".md"):
            sheet, name = load_run_sheet(args.module), Path(args.module).stem
        else:
            sheet, name = run_sheet_for(args.module), args.module.strip().rstrip("/\\")
    except RunSheetError as error:
        print(f"ccexercise runsheet: {error}", file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else Path.cwd() / f"run_sheet_{name}.pdf"
    path, pages = write_run_sheet_pdf(sheet, out)
    print(f"wrote {path} ({pages} page{'s' if pages != 1 else ''}, {len(sheet.steps)} steps)")
    return 0
