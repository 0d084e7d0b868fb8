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

The parts: :mod:`._cohort` (reading everything into a :class:`Cohort`),
:mod:`._tables` (the two CSV files), :mod:`._html` (the page, from
``templates/report.html.j2``) and :mod:`._files` (writing the three files).
This module is their public face.
"""

from __future__ import annotations

from ._cohort import Cohort, Flag, Result, Task, gather, isolation_summary, load_grading_records
from ._files import ReportFiles, make_report
from ._html import render_html, task_statistics
from ._tables import (FLAGGED_COLUMNS, GRADES_FIXED_COLUMNS, flagged_rows, grades_rows,
                      task_columns)

__all__ = ["Cohort", "FLAGGED_COLUMNS", "Flag", "GRADES_FIXED_COLUMNS", "ReportFiles", "Result",
           "Task", "flagged_rows", "gather", "grades_rows", "isolation_summary",
           "load_grading_records", "make_report", "render_html", "task_columns",
           "task_statistics"]
