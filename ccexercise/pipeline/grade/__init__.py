"""Autograde every submission of a course, in parallel, sandboxed, resumable.

This wraps nbgrader; it does not grade by itself. One *task* is one
learner's one module: :func:`grade_submission` inspects the submitted
notebook(s) (:mod:`ccexercise.pipeline.integrity`), stages a repaired copy
when needed, runs nbgrader's ``Autograde`` converter in-process for that
single learner and module (with
:class:`ccexercise.pipeline.integrity.GuardedExecute` and the sandboxed
kernel of :mod:`ccexercise.pipeline.integrity.sandbox`), reads the score
back from the gradebook and only then writes the submission's record
(:mod:`ccexercise.pipeline.records`).

:func:`grade_submission` is a top-level function of plain arguments
(strings, numbers, dicts), so any :class:`concurrent.futures.Executor`
can run it: :func:`grade` uses a :class:`~concurrent.futures.ProcessPoolExecutor`
(workers stay alive across tasks and import nbgrader once), and accepts
another executor, e.g. ``dask.distributed.Client(...).get_executor()``.
A task changes its process's environment (``JUPYTER_PATH``) and runs a
Jupyter kernel client, so run one task per process at a time (Dask:
``--nthreads 1``); the workers must see the course folder at the same path.

The gradebook is written by several processes at once. For SQLite every
connection gets a busy timeout and takes its write lock up front
(``BEGIN IMMEDIATE``), so writers queue instead of dead-locking, and a
task that still meets "database is locked" is retried. Students are
created before the workers start, so no two workers race to create one
(which matters for PostgreSQL, whose URL ``--db-url`` passes through).

A rerun skips every submission whose record is current (same submitted
files, :func:`ccexercise.pipeline.records.is_current`) and grades the rest
with ``force``.

The parts: :mod:`._worker` (the task, and what a worker process does around
nbgrader), :mod:`._run` (the run: planning, the pool, housekeeping),
:mod:`._setup` (SQLite locking and the journal's working folders, shared by
both) and :mod:`._serial` (stock serial ``nbgrader autograde``, the
baseline). The course's configuration is read by
:mod:`ccexercise.pipeline.course`. This module is their public face.
"""

from __future__ import annotations

from ._run import GradeRun, Task, grade, plan, register_missing
from ._serial import SERIAL_ISOLATION, serial_nbgrader
from ._setup import BUSY_TIMEOUT_MS
from ._worker import grade_submission

__all__ = ["BUSY_TIMEOUT_MS", "GradeRun", "SERIAL_ISOLATION", "Task", "grade", "grade_submission",
           "plan", "register_missing", "serial_nbgrader"]
