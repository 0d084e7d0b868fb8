"""Reading a trainer's own text file, and reporting every problem in it at once.

Trainers write data sets, card decks, rosters and run sheets in a
spreadsheet or a text editor, and the kit writes session files (skit
ratings, card rounds) they may open again. Every one of them is read here,
the same way: UTF-8 with or without the byte-order mark Excel puts first,
and a file that is not UTF-8 is one :class:`FileProblem` with the hint how
to save it, never a traceback. Every loader then collects *all* the
problems it finds and raises one :class:`TrainerFileError` (each loader has
its own subclass: ``DataError``, ``CardError``, ``RunSheetError``,
``RosterError``, ``HubRosterError``), whose message has one header and one
line per problem.

>>> import io
>>> read_text(io.BytesIO(b"\\xef\\xbb\\xbfid,name\\n"), what="deck")
('the given file', 'id,name\\n')
>>> read_text(io.BytesIO(b"caf\\xe9"), what="deck")
Traceback (most recent call last):
    ...
ccexercise._files.TrainerFileError: 1 problem in the given file:
  the whole file: is not UTF-8 text (byte 3); save it from the spreadsheet as 'CSV UTF-8'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

__all__ = ["CSV_HINT", "FileProblem", "TrainerFileError", "problem_lines", "read_text", "where"]

#: What a trainer should do when a file is not UTF-8 text.
CSV_HINT = "save it from the spreadsheet as 'CSV UTF-8'"


def where(file: str, line: int | None, *, with_file: bool = True, **names: str) -> str:
    """A problem's place, as far as known: ``file, line 3, card 'D1', field 'title'``.

    >>> where("deck.csv", 3, card="D1", field="title")
    "deck.csv, line 3, card 'D1', field 'title'"
    >>> where("deck.csv", None, with_file=False, field="")
    ''
    """
    parts = [file] if with_file else []
    if line:
        parts.append(f"line {line}")
    parts += [f"{name} {value!r}" for name, value in names.items() if value]
    return ", ".join(parts)


class FileProblem(NamedTuple):
    """One mistake in a file: ``file``, ``line`` (None: the whole file), ``field`` ("" if
    none), ``reason``.

    >>> str(FileProblem("roster.csv", 3, "email", "is empty"))
    "roster.csv, line 3, field 'email': is empty"
    >>> FileProblem("roster.csv", None, "", "is empty").where()
    'roster.csv'
    """

    file: str
    line: int | None
    field: str
    reason: str

    def where(self, *, with_file: bool = True) -> str:
        """Where the problem is: file, line and field, as far as known."""
        return where(self.file, self.line, with_file=with_file, field=self.field)

    def __str__(self) -> str:
        return f"{self.where()}: {self.reason}"


def problem_lines(problems, *, what: str = "file", limit: int | None = None) -> str:
    """One header and one indented line per problem (the first ``limit`` of them).

    >>> print(problem_lines([FileProblem("a.csv", 2, "x", "is empty"),
    ...                      FileProblem("a.csv", 4, "", "has 3 cells")], what="data file"))
    2 problems in the data file a.csv:
      line 2, field 'x': is empty
      line 4: has 3 cells
    """
    problems = list(problems)
    files = sorted({p.file for p in problems})
    count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
    one = len(files) == 1
    if not one:
        name = f"the {what}s"
    else:
        name = files[0] if files[0].startswith("the ") else f"the {what} {files[0]}"
    head = f"{count} in {name}:"
    shown = problems if limit is None else problems[:limit]
    lines = [head]
    for p in shown:
        lines.append(f"  {p.where(with_file=not one) or 'the whole file'}: {p.reason}")
    if len(shown) < len(problems):
        lines.append(f"  ... and {len(problems) - len(shown)} more (see .problems)")
    return "\n".join(lines)


class TrainerFileError(ValueError):
    """A file a trainer wrote cannot be used; ``problems`` lists every mistake found.

    Each problem has ``file``, ``line``, ``field`` and ``reason``. Subclasses
    set :attr:`what` (the kind of file, for the header).
    """

    what = "file"

    def __init__(self, problems, *, limit: int | None = None) -> None:
        self.problems = tuple(problems)
        super().__init__(problem_lines(self.problems, what=self.what, limit=limit))


def read_text(path, *, what: str = "file", error: type[TrainerFileError] = TrainerFileError,
              name: str | None = None, hint: str = CSV_HINT) -> tuple[str, str]:
    """``(source, text)`` of a trainer's file: a file name, a path, an open file, or bytes.

    ``source`` names the file in messages (``name`` overrides it). The
    byte-order mark is dropped; text that is not UTF-8 raises ``error``
    with one problem and ``hint`` (for a spreadsheet's CSV, :data:`CSV_HINT`). A missing file or a
    folder is a FileNotFoundError or IsADirectoryError naming the path.
    """
    if hasattr(path, "read"):
        source, text = str(getattr(path, "name", "the given file")), path.read()
    elif isinstance(path, bytes):
        source, text = "the given file", path
    elif isinstance(path, (str, os.PathLike)):
        source, file = str(path), Path(path)
        if file.is_dir():
            raise IsADirectoryError(f"{what} {source!r} is a folder; give the file inside it")
        if not file.is_file():
            raise FileNotFoundError(f"{what} {source!r} does not exist "
                                    f"(relative paths start at {Path.cwd()})")
        text = file.read_bytes()
    else:
        raise TypeError(f"{what} must be a file name, a path or an open file, got {path!r} "
                        f"(a {type(path).__name__})")
    source = name or source
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as problem:
            raise error([FileProblem(source, None, "", f"is not UTF-8 text (byte "
                                                    f"{problem.start}); {hint}")]) from None
    return source, text.removeprefix("\ufeff")
