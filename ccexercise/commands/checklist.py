"""``ccexercise checklist stages|print``: the mystery-shop checklist (module 08) on paper.

``stages`` lists the stages to choose from, with their keys and points;
``print`` writes a checklist as a one- or two-page A4 PDF: the stages
chosen with ``--stages`` (keys, comma-separated; the texts' wholesale
walk-through by default), your own points with ``--point STAGE:TEXT``
(as often as you like), boxes to tick and space for notes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "run_print", "run_stages"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "checklist", help="print a mystery-shop checklist (module 08) as a one- or two-page "
                          "A4 PDF, or list its stages",
        description="Print a mystery-shop checklist: the stages that fit the business, your "
                    "own points, a box to tick for each point and space for notes.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    stages = actions.add_parser("stages", help="list the stages, their keys and points")
    stages.set_defaults(func=run_stages)
    make = actions.add_parser("print", help="write the checklist as a PDF")
    make.add_argument("--stages", metavar="KEYS", default=None,
                      help="stage keys, comma-separated, in the order of the visit (default: "
                           "the wholesale walk-through); see `ccexercise checklist stages`")
    make.add_argument("--point", metavar="STAGE:TEXT", action="append", default=[],
                      help="add your own point to a stage, e.g. --point "
                           "\"parking:Is there a spot for vans?\" (repeat for more)")
    make.add_argument("--title", default="Mystery-shop checklist", help="the title on top")
    make.add_argument("--out", metavar="FILE", default=None,
                      help="the PDF to write (default: mystery_shop_checklist.pdf in the "
                           "working folder)")
    make.set_defaults(func=run_print)


def run_stages(_args: argparse.Namespace) -> int:
    from ..listening import CHECKLIST_STAGES, DEFAULT_STAGES

    for key, stage in CHECKLIST_STAGES.items():
        default = " (default)" if key in DEFAULT_STAGES else ""
        print(f"{key}: {stage.title}{default}, from {stage.source}")
        for point in stage.points:
            print(f"    [ ] {point}")
    return 0


def run_print(args: argparse.Namespace) -> int:
    from ..listening import DEFAULT_STAGES, mystery_shop_checklist
    from ..listening.printing import write_checklist_pdf

    stages = (DEFAULT_STAGES if args.stages is None
              else [key.strip() for key in args.stages.split(",") if key.strip()])
    add: dict[str, list[str]] = {}
    bad = [p for p in args.point if ":" not in p]
    if bad:
        print(f"ccexercise checklist: --point must be STAGE:TEXT, such as "
              f"\"parking:Is there a spot for vans?\", got {bad[0]!r}", file=sys.stderr)
        return 2
    for given in args.point:
        key, text = given.split(":", 1)
        add.setdefault(key.strip(), []).append(text.strip())
    checklist = mystery_shop_checklist(stages, add=add, title=args.title)
    out = Path(args.out) if args.out else Path.cwd() / "mystery_shop_checklist.pdf"
    path, pages = write_checklist_pdf(checklist, out)
    print(f"wrote {path} ({pages} page{'s' if pages != 1 else ''}, {len(checklist.stages)} "
          f"stages, {checklist.points} points)")
    return 0
