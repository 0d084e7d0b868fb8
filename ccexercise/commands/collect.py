"""``ccexercise collect PATH [--roster ROSTER.csv] [--module MODULE]``: import learner notebooks.

PATH is a folder or a ``.zip`` as downloaded from an LMS or saved from
e-mails. Every notebook is placed at ``submitted/<learner>/<module>/<notebook>.ipynb``;
every other file, and every notebook that cannot be placed, is listed with
the reason in ``.ccexercise/collect-report.csv`` (and copied to
``.ccexercise/unplaced/`` unless it is system clutter such as ``.DS_Store``).
"""

from __future__ import annotations

import argparse

from .._course import course_root

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "collect", help="import learner notebooks from a folder or .zip into submitted/",
        description="Find each learner notebook in PATH (a folder or a .zip, nested folders and "
                    "LMS file names such as Moodle's are understood), work out learner and "
                    "module, and place it in submitted/LEARNER/MODULE/. Files that cannot be "
                    "placed are listed with the reason and kept in .ccexercise/unplaced/.")
    parser.add_argument("path", metavar="PATH", help="folder or .zip file of submissions")
    parser.add_argument("--roster", metavar="ROSTER.csv", default=None,
                        help="CSV of learners: learner_id (required), name, email, aliases "
                             "(other spellings, separated by ';')")
    parser.add_argument("--module", metavar="MODULE", default=None,
                        help="the module all these submissions belong to (default: worked out "
                             "from each file name)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline.course import select_modules
    from ..pipeline.collect import collect, format_table, load_roster

    root = course_root()
    roster = load_roster(args.roster) if args.roster else None
    module = select_modules(root, [args.module])[0] if args.module else None
    result = collect(root, args.path, roster=roster, module=module)
    placed = result.placed
    learners = {r.learner_id for r in placed}
    print(f"Placed {len(placed)} notebook(s) of {len(learners)} learner(s) in submitted/.")
    already = [r for r in result.rows if r.action.startswith("already collected")]
    if already:
        print(f"{len(already)} notebook(s) were already collected (identical); left as they were.")
    problems = result.problems
    if problems:
        print(f"\n{len(problems)} file(s) not placed, set aside or ignored:\n")
        print(format_table([r.as_dict() for r in problems], ["file", "problem", "detail", "action"]))
    print(f"\nEvery file is listed in {result.report.relative_to(root).as_posix()}.")
    return 0
