"""The report's two spreadsheets, ``grades.csv`` and ``flagged.csv``, as header and rows.

:func:`grades_rows` gives one row per learner and module with one column
per graded task (:func:`task_columns` names them); :func:`flagged_rows`
one row per flag. Numbers are plain (:func:`_number`) and text that a
spreadsheet would run as a formula is escaped (:func:`_text`).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from ._cohort import Cohort

__all__ = ["FLAGGED_COLUMNS", "GRADES_FIXED_COLUMNS", "flagged_rows", "grades_rows",
           "task_columns"]

GRADES_FIXED_COLUMNS = ("learner_id", "name", "email", "module", "status", "score", "max_score")
FLAGGED_COLUMNS = ("learner_id", "name", "module", "source", "code", "reason")


def _number(value: float | None) -> str:
    """A plain number for a spreadsheet: no thousands separator, no trailing zeros.

    >>> _number(2.0), _number(1.25), _number(None), _number(1/3)
    ('2', '1.25', '', '0.3333')
    """
    if value is None:
        return ""
    value = round(float(value), 4)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _text(value: str) -> str:
    """Text for a CSV cell; a leading = + - @ is escaped so a spreadsheet does not run it."""
    value = "" if value is None else str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _pts(points: float) -> str:
    return f"{_number(points)} pt{'s' if points != 1 else ''}"


def task_columns(cohort: Cohort) -> dict[tuple[str, str, str], str]:
    """(module, notebook, grade_id) -> column name, in module and notebook order."""
    everything = [t for m in cohort.modules for t in cohort.tasks[m]]
    names = Counter(t.name for t in everything)
    per_module = Counter((t.module, t.name) for t in everything)
    columns = {}
    for t in everything:
        label = t.name
        if per_module[(t.module, t.name)] > 1:
            label = f"{t.notebook}: {label}"
        if names[t.name] > 1 and len({x.module for x in everything if x.name == t.name}) > 1:
            label = f"{t.module} {label}"
        columns[(t.module, t.notebook, t.grade_id)] = f"{label} ({_pts(t.points)})"
    return columns


def grades_rows(cohort: Cohort) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows of ``grades.csv``."""
    columns = task_columns(cohort)
    header = list(GRADES_FIXED_COLUMNS) + list(columns.values())
    rows = []
    for result in sorted(cohort.results, key=lambda r: (r.learner_id, r.module)):
        learner = cohort.learner(result.learner_id)
        row = {"learner_id": result.learner_id, "name": _text(learner.name if learner else ""),
               "email": _text(learner.email if learner else ""), "module": result.module,
               "status": result.status, "score": _number(result.score),
               "max_score": _number(result.max_score)}
        for (module, notebook, grade_id), column in columns.items():
            row[column] = (_number(result.scores.get((notebook, grade_id)))
                           if module == result.module else "")
        rows.append(row)
    return header, rows


def flagged_rows(cohort: Cohort) -> list[dict[str, str]]:
    """The rows of ``flagged.csv``."""
    rows = []
    for flag in cohort.flags:
        learner = cohort.learner(flag.learner_id)
        rows.append({"learner_id": flag.learner_id, "name": _text(learner.name if learner else ""),
                     "module": flag.module, "source": flag.source, "code": _text(flag.code),
                     "reason": _text(flag.reason)})
    return sorted(rows, key=lambda r: (r["learner_id"] == "", r["learner_id"], r["module"]))


def _write_csv(path: Path, header, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header))
        writer.writeheader()
        writer.writerows(rows)
