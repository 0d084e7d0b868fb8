"""Writing the report's files: :func:`make_report` gathers the cohort and writes
``grades.csv``, ``flagged.csv`` and ``report.html`` (see the package's docs)."""


from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..course import course_id, load_config
from ..roster import Learner
from ._cohort import Cohort, gather
from ._html import render_html
from ._tables import FLAGGED_COLUMNS, _write_csv, flagged_rows, grades_rows

__all__ = ["ReportFiles", "make_report"]


@dataclass
class ReportFiles:
    """The files :func:`make_report` wrote, and the cohort it read."""

    grades: Path
    flagged: Path
    html: Path
    cohort: Cohort


def make_report(root: str | os.PathLike, requested: list[str] | None = None, *,
                roster: list[Learner] | None = None, out: str | os.PathLike | None = None,
                db_url: str | None = None) -> ReportFiles:
    """Write ``grades.csv``, ``flagged.csv`` and ``report.html`` into ``out`` (default ``<root>/reports``)."""
    root = Path(root)
    cohort = gather(root, requested, roster=roster, db_url=db_url)
    folder = Path(out) if out else root / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    header, rows = grades_rows(cohort)
    _write_csv(folder / "grades.csv", header, rows)
    _write_csv(folder / "flagged.csv", FLAGGED_COLUMNS, flagged_rows(cohort))
    (folder / "report.html").write_text(
        render_html(cohort, title=f"Cohort report: {course_id(load_config(root))}"), encoding="utf-8")
    return ReportFiles(folder / "grades.csv", folder / "flagged.csv", folder / "report.html", cohort)
