"""``ccexercise cards check|print DECK``: check a card deck, or print it as an A4 PDF.

DECK is a built-in deck name (``dislike``, ``yes_and``, ...) or a trainer's
CSV or YAML file. Both subcommands check every card first, including
whether its text fits on a printed card, and list every problem at once;
``print`` writes nothing until the deck is clean. Both also list the
warnings: a card whose front (what the manager sees) shares a key word
with its hidden reason. A warning does not stop the deck.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["check_deck", "register", "run_check", "run_print"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "cards", help="check a card deck, or print it as an A4 PDF with cut marks",
        description="Check a role-play card deck (built-in name or your own CSV/YAML file), "
                    "or print it as an A4 PDF: several cards a page, cut marks, backs laid "
                    "out for double-sided printing (flip on the long edge).")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="check every card and list every problem")
    check.add_argument("deck", metavar="DECK", help="built-in deck name or a CSV/YAML file")
    check.set_defaults(func=run_check)
    make = actions.add_parser("print", help="write the deck as a print-ready PDF")
    make.add_argument("deck", metavar="DECK", help="built-in deck name or a CSV/YAML file")
    make.add_argument("--out", metavar="FILE", default=None,
                      help="the PDF to write (default: DECK-NAME.pdf in the working folder)")
    make.set_defaults(func=run_print)


def check_deck(deck_arg: str):
    """Load ``deck_arg`` and check it for printing; returns ``(deck, problems)``.

    The warnings are in ``deck.warnings``.
    """
    from ..cards import load_deck
    from ..cards.printing import print_problems

    loaded = load_deck(deck_arg, errors="report")
    deck = loaded.deck
    problems = list(loaded.problems) + (print_problems(deck) if len(deck) else [])
    problems.sort(key=lambda p: p.line)
    return deck, problems


def _report(deck_arg: str, problems, *, printing: bool) -> None:
    count = len(problems)
    print(f"{deck_arg}: {count} problem{'s' if count != 1 else ''}"
          + ("; nothing was printed" if printing else ""), file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


def _warn(deck_arg: str, warnings) -> None:
    if warnings:
        count = len(warnings)
        print(f"{deck_arg}: {count} warning{'s' if count != 1 else ''} (the deck still loads; "
              "a manager who reads these fronts may guess the reason):")
        for warning in warnings:
            print(f"  {warning}")


def run_check(args: argparse.Namespace) -> int:
    from ..cards import CardError

    try:
        deck, problems = check_deck(args.deck)
    except CardError as error:  # the file as a whole cannot be read
        print(f"ccexercise cards: {error}", file=sys.stderr)
        return 1
    if problems:
        _warn(args.deck, deck.warnings)
        _report(args.deck, problems, printing=False)
        return 1
    print(f"{args.deck}: {len(deck)} cards, no problems")
    _warn(args.deck, deck.warnings)
    return 0


def run_print(args: argparse.Namespace) -> int:
    from ..cards import CardError
    from ..cards.printing import write_deck_pdf

    try:
        deck, problems = check_deck(args.deck)
    except CardError as error:
        print(f"ccexercise cards: {error}", file=sys.stderr)
        return 1
    _warn(args.deck, deck.warnings)
    if problems:
        _report(args.deck, problems, printing=True)
        return 1
    out = Path(args.out) if args.out else Path.cwd() / f"{deck.name}.pdf"
    write_deck_pdf(deck, out)
    print(f"wrote {out} ({len(deck)} cards)")
    return 0
