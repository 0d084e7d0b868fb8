"""The roster of learners, and how names are compared with it.

A roster CSV (:func:`load_roster`) lists the learners: ``learner_id``
(required), ``name``, ``email``, ``aliases``. :meth:`Learner.keys` gives
every spelling of a learner that a file or folder name may use;
:func:`match_learner` finds which learner a name means. Names are
compared folded (:func:`fold`: lower case, no accents) and as words
(:func:`name_tokens`).

>>> fold("  Ána  SILVA-Ñ ")
'ana silva-n'
>>> name_tokens("Ana Silva_1234_assignsubmission_file_lost_customer_cost (3)")
['ana', 'silva', '1234', 'assignsubmission', 'file', 'lost', 'customer', 'cost', '3']
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .._files import FileProblem, TrainerFileError, read_text

__all__ = ["Learner", "ROSTER_COLUMNS", "RosterError", "fold", "load_roster", "match_learner",
           "name_tokens", "roster_index"]

_LEARNER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]*$")


def fold(text: str) -> str:
    """``text`` in lower case without accents, trimmed: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().strip()


def name_tokens(text: str) -> list[str]:
    """The words and numbers of a name, folded; punctuation and spaces only separate them."""
    return re.findall(r"[a-z0-9]+", fold(text))


# --------------------------------------------------------------------------
# The roster
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Learner:
    """One line of the roster."""

    learner_id: str
    name: str = ""
    email: str = ""
    aliases: tuple[str, ...] = ()

    def keys(self) -> set[str]:
        """Every spelling a file or folder name may use for this learner, squeezed (no separators).

        >>> sorted(Learner("asilva", "Ana Silva", "ana.silva@example.org", ("Ana S",)).keys())
        ['anas', 'anasilva', 'anasilvaexampleorg', 'asilva', 'silvaana']
        """
        keys = {"".join(name_tokens(self.learner_id))}
        for alias in self.aliases:
            keys.add("".join(name_tokens(alias)))
        words = name_tokens(self.name)
        if words:
            keys.add("".join(words))
            if len(words) > 1:
                keys.add("".join(words[-1:] + words[:-1]))  # "Silva Ana", Canvas's sortable name
                keys.add("".join(reversed(words)))
        if self.email:
            keys.add("".join(name_tokens(self.email.split("@")[0])))
            keys.add("".join(name_tokens(self.email)))
        return {k for k in keys if k}


class RosterError(TrainerFileError):
    """The roster file has problems; ``.problems`` lists each (``file``, ``line``, ``field``,
    ``reason``); the line is the spreadsheet's row (the header is row 1)."""

    what = "roster"


ROSTER_COLUMNS = ("learner_id", "name", "email", "aliases")


def load_roster(path: str | os.PathLike) -> list[Learner]:
    """The learners of a roster CSV: ``learner_id`` (required), ``name``, ``email``, ``aliases``.

    ``aliases`` holds other spellings separated by ``;``. Other columns are
    allowed and ignored; empty lines are skipped. Any bad row stops the
    load with a :class:`RosterError` that names every problem by
    spreadsheet row (the header is row 1) and column.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no roster file at {path}")
    source, text = read_text(path, what="roster", error=RosterError)
    records = list(csv.reader(io.StringIO(text)))
    if not records:
        raise RosterError([FileProblem(source, None, "", f"is empty; it needs a header row with "
                                                         f"at least the column learner_id "
                                                         f"(allowed: {', '.join(ROSTER_COLUMNS)})")])
    header = [fold(h) for h in records[0]]
    if "learner_id" not in header:
        hint = ("; it seems to use ';' between values: save it as comma-separated CSV"
                if len(header) == 1 and ";" in header[0] else "")
        raise RosterError([FileProblem(source, 1, "learner_id", f"is missing: there is no "
                                       f"learner_id column (the columns are "
                                       f"{', '.join(repr(h) for h in records[0])}; allowed: "
                                       f"{', '.join(ROSTER_COLUMNS)}){hint}")])
    learners, problems, seen = [], [], {}
    for number, cells in enumerate(records[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problems.append((number, "*", f"has {len(cells)} cells but the header has {len(header)}"))
            continue
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        learner_id = row.get("learner_id", "")
        if not learner_id:
            problems.append((number, "learner_id", "is empty"))
            continue
        if not _LEARNER_ID.match(learner_id):
            problems.append((number, "learner_id", f"{learner_id!r} may only hold letters, digits "
                             "and . _ @ + - (it becomes a folder name), starting with a letter or digit"))
            continue
        if learner_id in seen:
            problems.append((number, "learner_id", f"{learner_id!r} repeats row {seen[learner_id]}"))
            continue
        email = row.get("email", "")
        if email and "@" not in email:
            problems.append((number, "email", f"{email!r} is not an e-mail address"))
            continue
        seen[learner_id] = number
        aliases = tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip())
        learners.append(Learner(learner_id, row.get("name", ""), email, aliases))
    if problems:
        raise RosterError([FileProblem(source, row, "" if column == "*" else column, why)
                           for row, column, why in problems])
    return learners


def roster_index(learners: list[Learner]) -> dict[str, set[str]]:
    """Every spelling key of every learner -> the learner ids it may mean (see :meth:`Learner.keys`)."""
    index: dict[str, set[str]] = {}
    for learner in learners:
        for key in learner.keys():
            index.setdefault(key, set()).add(learner.learner_id)
    return index


def match_learner(text: str, index: dict[str, set[str]]) -> tuple[set[str], str]:
    """The learner ids whose spelling appears as whole words in ``text``, and the words matched.

    The longest match wins; several learners only come back on a tie.

    >>> index = roster_index([Learner("asilva", "Ana Silva"), Learner("bo", "Bo Li")])
    >>> match_learner("Ana Silva_1234_assignsubmission_file_", index)
    ({'asilva'}, 'anasilva')
    >>> match_learner("downloads", index)
    (set(), '')
    """
    words = name_tokens(text)
    best: tuple[int, set[str], str] = (0, set(), "")
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            key = "".join(words[start:end])
            if key in index:
                if len(key) > best[0]:
                    best = (len(key), set(index[key]), key)
                elif len(key) == best[0]:
                    best[1].update(index[key])
    return best[1], best[2]
