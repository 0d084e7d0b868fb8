"""The ``ccexercise`` command: one subcommand per job, each in its own module.

Every module in :mod:`ccexercise.commands` exposes ``register(subparsers)``,
which adds its subcommand and sets ``func`` (taking the parsed arguments and
returning an exit code). This file only gathers them.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import commands

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="ccexercise",
        description="Run the customer-focus course: open it, present a workshop, "
                    "and build, collect, grade and report exercises.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{commands.__name__}.{info.name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``ccexercise`` command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except (ValueError, FileNotFoundError) as error:
        print(f"ccexercise {args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
