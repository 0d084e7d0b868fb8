"""The collect report, ``.ccexercise/collect-report.csv``: one :class:`Row` per input file.

:func:`write_collect_report` writes it, :func:`read_collect_report` reads
the last one back (``ccexercise report`` lists its problems), and
:func:`format_table` shows rows as a plain-text table.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["REPORT_COLUMNS", "Row", "format_table", "read_collect_report",
           "write_collect_report"]

#: Columns of ``collect-report.csv``.
REPORT_COLUMNS = ("file", "problem", "detail", "action", "learner_id", "module")

#: Where collect keeps its report (and, in :data:`._place.UNPLACED`, the files it could not
#: place), under the course root.
STATE = ".ccexercise"
REPORT = f"{STATE}/collect-report.csv"


@dataclass
class Row:
    """One line of the collect report."""

    file: str
    problem: str = ""
    detail: str = ""
    action: str = ""
    learner_id: str = ""
    module: str = ""

    def as_dict(self) -> dict[str, str]:
        return {c: getattr(self, c) for c in REPORT_COLUMNS}


def write_collect_report(root: Path, rows: list[Row]) -> Path:
    """Write ``.ccexercise/collect-report.csv`` (every row, in input order); return its path."""
    path = Path(root) / REPORT
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=REPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(r.as_dict() for r in rows)
    return path


def read_collect_report(root: str | os.PathLike) -> list[Row]:
    """The rows of the last collect report, or [] when collect has not run."""
    path = Path(root) / REPORT
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return [Row(**{c: r.get(c) or "" for c in REPORT_COLUMNS}) for r in csv.DictReader(handle)]


def format_table(rows: list[dict[str, str]], columns: list[str] | tuple[str, ...]) -> str:
    """``rows`` as a plain-text table with a header line; cells never cut.

    >>> print(format_table([{"a": "x", "b": "long"}], ["a", "b"]))
    a  b
    -  ----
    x  long
    """
    widths = [max([len(c)] + [len(str(r.get(c, ""))) for r in rows]) for c in columns]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for r in rows:
        lines.append("  ".join(str(r.get(c, "")).ljust(w) for c, w in zip(columns, widths)).rstrip())
    return "\n".join(lines)
