"""``ccexercise report [MODULE ...] [--roster ROSTER.csv] [--out DIR]``: grades and cohort report.

Writes ``grades.csv`` (one row per learner and module, per-task columns,
ready for a spreadsheet or an LMS import), ``flagged.csv`` and a
self-contained ``report.html`` into DIR (default ``reports/``). See
:mod:`ccexercise.pipeline.report` for the columns.
"""

from __future__ import annotations

import argparse

from .._course import course_root

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report", help="write grades.csv, flagged.csv and report.html for the cohort",
        description="Read the gradebook and the grading records and write grades.csv (one "
                    "row per learner and module), flagged.csv and report.html (isolation "
                    "level, score distributions, tasks most often missed, who has not "
                    "submitted, flagged submissions).")
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help="module folder names, e.g. 01_lost_customer_cost (default: all)")
    parser.add_argument("--roster", metavar="ROSTER.csv", default=None,
                        help="CSV of learners (learner_id, name, email, aliases): adds names "
                             "and lists who has not submitted")
    parser.add_argument("--out", metavar="DIR", default=None,
                        help="folder for the three files (default: reports/ in the course)")
    parser.add_argument("--db-url", default=None, metavar="URL",
                        help="gradebook database (default: the one in nbgrader_config.py)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from ..pipeline.collect import load_roster
    from ..pipeline.report import make_report

    root = course_root()
    roster = load_roster(args.roster) if args.roster else None
    try:
        files = make_report(root, args.modules, roster=roster, out=args.out, db_url=args.db_url)
    except SQLAlchemyError as error:
        print(f"ccexercise report: cannot read the gradebook: {str(error).splitlines()[0]}")
        return 1
    cohort = files.cohort
    print(f"Grading isolation: {cohort.isolation}")
    for module in cohort.modules:
        rows = [r for r in cohort.results if r.module == module]
        done = [r for r in rows if r.status in ("graded", "needs manual grading")]
        absent = [r for r in rows if r.status == "not submitted"]
        print(f"{module}: {len(done)} graded, {len(absent)} not submitted, "
              f"{sum(1 for f in cohort.flags if f.module == module)} flag(s)")
    for path in (files.grades, files.flagged, files.html):
        print(f"wrote {path}")
    return 0
