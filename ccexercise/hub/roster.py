"""The hub roster: a CSV with ``username``, ``role`` and (optionally) ``password``.

One row per person. ``role`` is ``instructor`` or ``learner`` (empty means
learner); exactly one instructor. Either every row has a password (each
person logs in with their own) or none does (everyone shares the workshop
password, the instructor gets a separate long one).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "roster.csv"
>>> _ = path.write_text("username,role\\nkim,instructor\\nana,learner\\nbo,\\n")
>>> roster = load_hub_roster(path)
>>> roster.instructor, roster.learners, roster.own_passwords
('kim', ('ana', 'bo'), False)
>>> _ = path.write_text("username,role\\nAna Lee,learner\\n")
>>> load_hub_roster(path)
Traceback (most recent call last):
    ...
ccexercise.hub.roster.HubRosterError: 3 problems in the roster ...:
  line 2, field 'username': 'Ana Lee' is not allowed: use 1-32 lower-case letters, digits, '_' or '-', starting with a letter or '_'
  field 'role': no instructor; give exactly one row the role 'instructor'
  field 'role': no learners
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .._files import FileProblem, TrainerFileError, read_text

__all__ = ["ROLES", "HubRoster", "HubRosterError", "load_hub_roster", "check_username"]

ROLES = ("instructor", "learner")
COLUMNS = ("username", "role", "password")
# What useradd accepts everywhere (POSIX portable names, lower case).
_USERNAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
MIN_PASSWORD = 8


class HubRosterError(TrainerFileError):
    """A roster with mistakes; ``problems`` lists each (``file``, ``line``, ``field``, ``reason``)."""

    what = "roster"


def check_username(name: str) -> str:
    """``name`` if it is a safe system user name, else a ValueError saying what is allowed.

    >>> check_username("learner_1")
    'learner_1'
    >>> check_username("root;rm")
    Traceback (most recent call last):
        ...
    ValueError: username 'root;rm' is not allowed: use 1-32 lower-case letters, digits, '_' or '-', starting with a letter or '_'
    """
    if not isinstance(name, str) or not _USERNAME.match(name):
        raise ValueError(f"username {name!r} is not allowed: use 1-32 lower-case letters, "
                         f"digits, '_' or '-', starting with a letter or '_'")
    return name


@dataclass(frozen=True)
class HubRoster:
    """Who may log in: one instructor, the learners, and their passwords if the roster has them."""

    instructor: str
    learners: tuple[str, ...]
    passwords: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def own_passwords(self) -> bool:
        """True when everyone logs in with their own password from the roster."""
        return bool(self.passwords)

    @property
    def usernames(self) -> tuple[str, ...]:
        return (self.instructor, *self.learners)


def load_hub_roster(path: str | os.PathLike) -> HubRoster:
    """Read and check a roster CSV; every mistake is reported at once (:class:`HubRosterError`)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no roster file at {path}")
    source, text = read_text(path, what="roster", error=HubRosterError)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise HubRosterError([FileProblem(source, None, "", f"is empty; it needs the header "
                                                            f"row {','.join(COLUMNS)}")])
    header = [h.strip().lower() for h in rows[0]]
    if "username" not in header:
        raise HubRosterError([FileProblem(source, 1, "username", f"is missing (the columns are "
                                                                 f"{rows[0]!r}; allowed: "
                                                                 f"{', '.join(COLUMNS)})")])
    problems: list[tuple[int | None, str, str]] = []
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        problems.append((1, "", f"unknown column(s) {unknown!r}; allowed: "
                                f"{', '.join(COLUMNS)}"))
    instructors, learners, passwords, seen = [], [], {}, set()
    with_password = without_password = 0
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        name, role = row.get("username", ""), (row.get("role") or "learner").lower()
        try:
            check_username(name)
        except ValueError as error:
            problems.append((number, "username", str(error).removeprefix("username ")))
            continue
        if name in seen:
            problems.append((number, "username", f"{name!r} appears twice"))
            continue
        seen.add(name)
        if role not in ROLES:
            problems.append((number, "role", f"{row.get('role')!r} is not a role; allowed: "
                                             f"{', '.join(ROLES)} (empty means learner)"))
            continue
        (instructors if role == "instructor" else learners).append(name)
        password = row.get("password", "")
        if password:
            with_password += 1
            if len(password) < MIN_PASSWORD:
                problems.append((number, "password", f"is {len(password)} characters; use at "
                                                     f"least {MIN_PASSWORD}"))
            passwords[name] = password
        else:
            without_password += 1
    if len(instructors) != 1:
        problems.append((None, "role", "no instructor; give exactly one row the role "
                                           "'instructor'" if not instructors else
                         f"{len(instructors)} instructors ({', '.join(instructors)}); the hub "
                         f"has exactly one"))
    if not learners:
        problems.append((None, "role", "no learners"))
    if with_password and without_password:
        problems.append((None, "password", f"{with_password} row(s) have a password and "
                                               f"{without_password} do not; give every row a "
                                               f"password, or none (shared workshop password)"))
    if problems:
        raise HubRosterError([FileProblem(source, line, field, reason)
                              for line, field, reason in problems])
    return HubRoster(instructors[0], tuple(learners), passwords)
