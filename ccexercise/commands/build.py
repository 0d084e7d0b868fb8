"""``ccexercise build [MODULE ...] [--check]``: make the learner exercises from the solutions.

Runs ``nbgrader generate_assignment`` for each module (default: all), from
``solutions/<module>`` into ``exercises/<module>``, and records the
exercise in the gradebook. With ``--check`` nothing changes: the exercises
are generated in a temporary copy and compared with the committed ones;
the command exits 1 and names the stale modules if any differ.
"""

from __future__ import annotations

import argparse

from .._course import course_root

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "build", help="make exercises/ from solutions/ (nbgrader generate_assignment)",
        description="Generate the learner version of each module (exercises/MODULE) from its "
                    "solution notebooks (solutions/MODULE) with nbgrader, and record it in "
                    "the gradebook. With --check, change nothing and say whether exercises/ "
                    "is up to date (exit 1 if not).")
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help="module folder names, e.g. 01_lost_customer_cost (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="only compare exercises/ with a fresh build; exit 1 if it is stale")
    parser.add_argument("--db-url", default=None, metavar="URL",
                        help="gradebook database (default: the one in nbgrader_config.py); "
                             "e.g. postgresql://user@host:5432/gradebook")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import build
    from ..pipeline.course import NbgraderError

    root = course_root()
    if args.check:
        try:
            result = build.check(root, args.modules)
        except NbgraderError as error:
            print(f"ccexercise build --check: {error}")
            return 1
        for module, problems in result.modules.items():
            if problems:
                print(f"{module}: STALE")
                for problem in problems:
                    print(f"    {problem}")
            else:
                print(f"{module}: up to date")
        if result.stale:
            print(f"\n{len(result.stale)} module(s) out of date: {', '.join(result.stale)}. "
                  f"Run `ccexercise build {' '.join(result.stale)}` and commit exercises/.")
            return 1
        print(f"\nexercises/ is up to date ({len(result.modules)} module(s) checked).")
        return 0
    try:
        built = build.build(root, args.modules, db_url=args.db_url)
    except NbgraderError as error:
        print(f"ccexercise build: {error}")
        return 1
    for module in built:
        print(f"built exercises/{module} from solutions/{module}")
    print(f"{len(built)} module(s) built. Commit exercises/ with the solutions.")
    return 0
