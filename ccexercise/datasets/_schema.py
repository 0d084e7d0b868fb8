"""How a data set is declared: its columns (:class:`Column`), the rules between
columns (:class:`FilledWhen`) and the data set itself (:class:`Dataset`).

The declarations of the bundled data sets live in
:data:`ccexercise.datasets.SCHEMAS`; :func:`ccexercise.datasets.load`
checks a CSV against them.

>>> Dataset("demo", "demo.csv", "a demo", (Column("id", "text", "row number"),)).names
['id']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Column", "Dataset", "FilledWhen", "KINDS"]

KINDS = ("text", "choice", "int", "float", "bool", "date")


@dataclass(frozen=True)
class Column:
    """One column of a data set: its name, kind, what it means and what it may hold.

    ``kind`` is ``"text"``, ``"choice"`` (text from ``allowed``), ``"int"``,
    ``"float"``, ``"bool"`` or ``"date"`` (written YYYY-MM-DD). ``required=False`` lets a cell be empty (it
    loads as missing). ``unique=True`` forbids repeated values.

    >>> Column("segment", "choice", "customer group", allowed=("household", "trade"))
    Column(name='segment', kind='choice', ...)
    >>> Column("spend", "money", "spend in a year")
    Traceback (most recent call last):
        ...
    ValueError: kind of column 'spend' must be one of text, choice, int, float, bool, date, got 'money'
    """

    name: str
    kind: str
    meaning: str
    allowed: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    required: bool = True
    unique: bool = False
    #: False: a value with spaces around it ("9 ") is reported, not read as 9.
    spaces: bool = True

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind of column {self.name!r} must be one of "
                             f"{', '.join(KINDS)}, got {self.kind!r}")
        if (self.kind == "choice") != bool(self.allowed):
            raise ValueError(f"column {self.name!r}: allowed values go with kind 'choice' "
                             f"and only with it, got kind {self.kind!r} and allowed={self.allowed!r}")

    @property
    def dtype(self) -> str:
        """The pandas dtype of the loaded column (text uses pandas' default)."""
        if self.kind == "int":
            return "int64" if self.required else "Int64"
        if self.kind == "bool":
            return "bool" if self.required else "boolean"
        if self.kind == "date":
            return "datetime64[ns]"
        return "float64" if self.kind == "float" else "text"


@dataclass(frozen=True)
class FilledWhen:
    """The ``columns`` are filled exactly when the yes/no column ``flag`` is True."""

    flag: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Dataset:
    """A bundled data set: its folder name, file name, columns and row rules."""

    name: str
    file: str
    meaning: str
    columns: tuple[Column, ...]
    rules: tuple[FilledWhen, ...] = ()

    @property
    def names(self) -> list[str]:
        """The column names, in file order."""
        return [c.name for c in self.columns]
