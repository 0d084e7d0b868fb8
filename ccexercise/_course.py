"""Where the course lives: the folder holding ``nbgrader_config.py`` and the module folders."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["course_root", "modules"]


def course_root(start: str | os.PathLike | None = None) -> Path:
    """The course folder: ``start`` (default: the working folder) or the nearest parent with
    ``nbgrader_config.py`` and ``solutions/``; else the source checkout this package sits in.

    >>> (course_root() / "nbgrader_config.py").exists()
    True
    """
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file() and (folder / "solutions").is_dir():
            return folder
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "nbgrader_config.py").is_file():
        return checkout
    raise FileNotFoundError(f"no course folder (with nbgrader_config.py and solutions/) at or "
                            f"above {here}; run the command from the course folder")


def modules(root: Path, *, folder: str = "solutions") -> list[str]:
    """The module slugs (``00_what_is_customer_focus``, ``01_lost_customer_cost`` ...) found
    in ``root/folder``, sorted.

    >>> modules(course_root())[:2]
    ['00_what_is_customer_focus', '01_lost_customer_cost']
    """
    base = root / folder
    return sorted(p.name for p in base.iterdir()
                  if p.is_dir() and p.name[:2].isdigit() and not p.name.startswith("."))
