"""``ccexercise room MODULE``: open the live room, where phones answer the run sheet's polls.

Prints the address phones open, the join code and where the answers are
kept; ``--delete`` deletes the session's answers (after asking) and stops.
The server itself is :mod:`ccexercise.room.server` (also ``python -m ccexercise.room``).
"""

from __future__ import annotations

import argparse

from ..room.launch import add_arguments

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "room", help="open the live room: phones answer the run sheet's questions",
        description="Serve the phone page and the room's API on this laptop's network "
                    "address, print the join address and code, and keep every answer in "
                    "a file. Press Ctrl-C to stop.")
    add_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..room.server import run as serve  # Tornado only when the room really opens

    return serve(args)
