"""The cohort report: grades for a spreadsheet or an LMS, flagged submissions, and an HTML summary.

:func:`make_report` reads the gradebook (through nbgrader's API, so SQLite
or PostgreSQL), the grading records of ``ccexercise grade``
(``.ccexercise/grading/<module>/<learner>.json``), the last collect report
and, when given, the roster, and writes three files:

``grades.csv``
    one row per learner and module, learner first, plain numbers, no index
    column. The columns, in order:

    * ``learner_id``, ``name``, ``email`` (name and e-mail from the roster,
      empty without one);
    * ``module``;
    * ``status``: ``graded``; ``needs manual grading`` (a task marked by hand
      has no mark yet: its column is empty and ``score`` leaves it out);
      ``not submitted``; ``grading failed``; ``submitted, not graded``;
    * ``score`` and ``max_score``: the total and the most it can be (score
      empty when there is nothing graded);
    * one column per graded cell, in notebook order, named after the task
      and its points, e.g. ``lost_revenue_5_years (2 pts)``: the points
      scored. A task name used by two modules (or two notebooks) is
      prefixed with its module (and notebook) to keep columns apart.
      Columns of other modules' tasks are empty.

``flagged.csv``
    one row per problem: ``learner_id``, ``name``, ``module``, ``source``
    (``grading``: a flag or failure of ``ccexercise grade``; ``collect``: a
    problem ``ccexercise collect`` found; ``report``: found while
    reporting), ``code`` and ``reason``.

``report.html``
    a self-contained page (charts embedded as PNG): the isolation level
    grading used, first; then per module the score distribution, each
    task's share of learners with full, some or no points, the tasks most
    often missed, who has not submitted, the flagged submissions, and every
    learner's status and score.

The parts live beside this module: :mod:`.cohort` (reading everything
into a :class:`~.cohort.Cohort`), :mod:`.report_tables` (the two CSV
files) and :mod:`.report_html` (the page). This module writes the files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .cohort import Cohort, Task, _course_id, gather, isolation_summary, load_grading_records
from .report_html import render_html, task_statistics
from .report_tables import (FLAGGED_COLUMNS, GRADES_FIXED_COLUMNS, _write_csv, flagged_rows,
                            grades_rows, task_columns)
from .roster import Learner

__all__ = ["Cohort", "FLAGGED_COLUMNS", "GRADES_FIXED_COLUMNS", "ReportFiles", "Task",
           "flagged_rows", "gather", "grades_rows", "isolation_summary", "load_grading_records",
           "make_report", "render_html", "task_columns", "task_statistics"]


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
        render_html(cohort, title=f"Cohort report: {_course_id(root)}"), encoding="utf-8")
    return ReportFiles(folder / "grades.csv", folder / "flagged.csv", folder / "report.html", cohort)
