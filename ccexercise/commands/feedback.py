"""``ccexercise feedback [MODULE ...]``: per-learner HTML feedback, hidden tests removed.

Runs ``nbgrader generate_feedback`` on the autograded notebooks, writing
``feedback/<learner>/<module>/<notebook>.html``. Hidden tests are removed
completely: their code, and any traceback that would quote it (a failed
hidden test shows one plain sentence instead). Each page is then checked
for hidden-test lines; the command fails if it finds one.
"""

from __future__ import annotations

import argparse

from .._course import course_root

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "feedback", help="write per-learner HTML feedback (hidden tests removed)",
        description="Write feedback/LEARNER/MODULE/NOTEBOOK.html for every autograded "
                    "submission with nbgrader generate_feedback, showing scores and the "
                    "visible tests' messages but nothing of the hidden tests.")
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help="module folder names, e.g. 01_lost_customer_cost (default: all)")
    parser.add_argument("--db-url", default=None, metavar="URL",
                        help="gradebook database (default: the one in nbgrader_config.py)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline.feedback import generate_feedback

    root = course_root()
    result = generate_feedback(root, args.modules, db_url=args.db_url)
    by_module: dict[str, list[str]] = {}
    for learner, module in sorted(result.files):
        by_module.setdefault(module, []).append(learner)
    if not by_module and not result.missing and not result.errors:
        print("No autograded submissions found: run `ccexercise grade` first.")
        return 1
    for module, learners in by_module.items():
        print(f"{module}: feedback for {len(learners)} learner(s) in feedback/*/{module}/")
    status = 0
    for module, error in result.errors:
        print(f"{module}: {error}")
        status = 1
    for learner, module, notebook in result.missing:
        print(f"NO FEEDBACK for {learner}, {module}/{notebook}: nbgrader wrote no page")
        status = 1
    for page, line in result.leaks:
        print(f"HIDDEN TEST SHOWN in {page.relative_to(root)}: {line!r}; do not release it")
        status = 1
    if result.leaks:
        print("Some feedback pages show hidden tests; check GenerateFeedback.preprocessors in "
              "nbgrader_config.py.")
    return status
