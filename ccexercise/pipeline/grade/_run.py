"""A grading run, in the main process: planning, the pool of workers, housekeeping.

:func:`grade` runs a task (:func:`._worker.grade_submission`) for every
submission that needs one, on a process pool or the executor given.
:func:`plan` lists the run's :class:`Task` s (one learner's one module, and
whether its record is already current); :func:`register_missing` puts
modules the gradebook lacks into it; :func:`_module_facts` gathers what
every task of a module needs as plain data (notebook names, max score,
integrity references); :func:`_ensure_students` creates the learners
before the workers start. :class:`_RunLock` keeps to one run per course,
:func:`_clean_leftovers` removes what a killed run left behind, and
:func:`_crash_record` writes the record of a task whose worker failed.
A run's outcome is a :class:`GradeRun`.
"""

from __future__ import annotations

import concurrent.futures as cf
import fcntl
import multiprocessing
import os
import shutil
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .. import records as rec
from ..course import course_id as course_id_of
from ..course import load_config, resolve_db_url, select_modules, setting
from ..stock import CELL_TIMEOUT, MEMORY_MB
from ._setup import KERNELS, LOGS, STAGING, _install_sqlite_hooks
from ._worker import _init_worker, grade_submission

__all__ = ["GradeRun", "Task", "grade", "plan", "register_missing"]


@dataclass
class Task:
    """One learner's one module, and whether its record is already current."""

    module: str
    learner: str
    sha256: str
    current: bool


@dataclass
class GradeRun:
    """What a :func:`grade` run did."""

    isolation: str
    modules: list[str]
    records: list[dict] = field(default_factory=list)   # written in this run
    skipped: list[Task] = field(default_factory=list)   # records already current
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for r in self.records if r["status"] == status)

    @property
    def grader_errors(self) -> list[dict]:
        return [r for r in self.records if r.get("retry")]


def plan(root: Path, modules: list[str], *, force: bool = False) -> list[Task]:
    """Every ``submitted/<learner>/<module>/`` folder of ``modules``, sorted by module, learner."""
    tasks = []
    submitted = Path(root) / "submitted"
    if not submitted.is_dir():
        return tasks
    learners = sorted(p.name for p in submitted.iterdir()
                      if p.is_dir() and not p.name.startswith("."))
    for module in modules:
        for learner in learners:
            folder = submitted / learner / module
            if not folder.is_dir():
                continue
            sha = rec.submission_sha256(folder)
            current = not force and rec.is_current(rec.read_record(root, module, learner), sha)
            tasks.append(Task(module, learner, sha, current))
    return tasks


def _module_facts(root: Path, config, db_url: str, modules: list[str]) -> dict:
    """Per module: notebook names, max score and integrity references (plain data)."""
    from nbgrader.api import Gradebook, MissingEntry

    from .. import integrity

    release = str(setting(config, "CourseDirectory", "release_directory", "release"))
    facts = {}
    with Gradebook(db_url, course_id_of(config)) as gb:
        for module in modules:
            try:
                assignment = gb.find_assignment(module)
            except MissingEntry:
                raise ValueError(f"module {module} is not in the gradebook ({db_url}): generate "
                                 f"it first (nbgrader generate_assignment {module})") from None
            names = sorted(nb.name for nb in assignment.notebooks)
            references = {}
            for name in names:
                path = root / release / module / f"{name}.ipynb"
                if path.is_file():
                    references[name] = integrity.reference_cells(path)
                else:
                    references[name] = _reference_from_gradebook(gb, module, name)
            facts[module] = {"notebooks": names, "max_score": float(assignment.max_score),
                             "references": references}
    return facts


def register_missing(root: Path, modules: list[str], *, db_url: str, course_id: str) -> list[str]:
    """Put every module of ``modules`` that the gradebook lacks into it; return those modules.

    The released ``exercises/`` are committed, so an instructor may never
    have run ``ccexercise build``: the gradebook then has no record of the
    module's cells and points. This runs ``nbgrader generate_assignment`` on
    ``solutions/<module>`` into a scratch release folder (``exercises/`` is
    left exactly as committed) and removes the scratch copy. Without
    ``solutions/<module>`` there is nothing to register from: the
    ``ValueError`` names the one command that fixes it.
    """
    from nbgrader.api import Gradebook, MissingEntry

    from ..course import run_nbgrader

    with Gradebook(db_url, course_id) as gb:
        missing = []
        for module in modules:
            try:
                gb.find_assignment(module)
            except MissingEntry:
                missing.append(module)
    for module in missing:
        if not (root / "solutions" / module).is_dir():
            raise ValueError(f"module {module} is not in the gradebook ({db_url}) and "
                             f"solutions/{module} is not here to register it from; run "
                             f"`ccexercise build {module}` in the course folder that has it")
        scratch = rec.records_dir(root) / f".register-{uuid.uuid4().hex[:8]}"
        try:
            run_nbgrader(root, "generate_assignment", module, "--force",
                         f"--CourseDirectory.release_directory={scratch.relative_to(root)}",
                         f"--CourseDirectory.db_url={db_url}")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return missing


def _reference_from_gradebook(gb, module: str, name: str) -> dict:
    """Reference cells when the released notebook is not at hand (no edit detection)."""
    notebook = gb.find_notebook(name, module)
    grades = {cell.name: cell for cell in notebook.grade_cells}
    solutions = {cell.name for cell in notebook.solution_cells}
    cells, order = {}, []
    for cell in notebook.source_cells:
        order.append(cell.name)
        grade = grades.get(cell.name)
        cells[cell.name] = {"cell_type": cell.cell_type, "source": cell.source,
                            "checksum": None, "locked": bool(cell.locked),
                            "grade": grade is not None, "solution": cell.name in solutions,
                            "points": grade.max_score if grade is not None else None}
    return {"order": order, "cells": cells}


def _ensure_students(db_url: str, course_id: str, learners) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as gb:
        for learner in sorted(set(learners)):
            gb.update_or_create_student(learner)


class _RunLock:
    """One ``ccexercise grade`` per course at a time (released by the OS if killed)."""

    def __init__(self, root: Path):
        self.path = rec.records_dir(root) / ".lock"
        self.handle = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a")  # noqa: SIM115
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            raise ValueError("another `ccexercise grade` is running on this course; wait for "
                             "it to finish") from None
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def _clean_leftovers(root: Path) -> None:
    """Remove what a killed run may have left: staged copies, half-written records, and the
    kernels' socket folders in /tmp."""
    from ..integrity.sandbox_provisioner import clean_stale_socket_dirs

    clean_stale_socket_dirs()
    base = rec.records_dir(root)
    shutil.rmtree(base / STAGING, ignore_errors=True)
    shutil.rmtree(base / KERNELS, ignore_errors=True)
    if base.is_dir():
        for leftover in base.glob("*/.*.tmp"):
            leftover.unlink(missing_ok=True)


def _crash_record(root: Path, task: Task, facts: dict, isolation: str, why: str) -> dict:
    from ..integrity import flag

    record = rec.new_record(task.learner, task.module, rec.FAILED,
                            max_score=facts[task.module]["max_score"],
                            flags=[flag("grading-error", f"the grader failed: {why}")],
                            isolation=isolation, sha256=task.sha256, retry=True)
    rec.write_record(root, record)
    return record


def _default_executor(jobs: int, log_dir: str) -> cf.Executor:
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    return cf.ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                  initializer=_init_worker, initargs=(log_dir,))


def grade(root: Path, modules: list[str] | None = None, *, jobs: int | None = None,
          timeout: float = CELL_TIMEOUT, memory_mb: int = MEMORY_MB, db_url: str | None = None,
          sandbox: bool = True, force: bool = False, executor: cf.Executor | None = None,
          progress=None, on_isolation=None) -> GradeRun:
    """Autograde every submission of ``modules`` (default: all) in course ``root``.

    ``jobs`` worker processes (default: CPU count) unless an ``executor`` is
    given; ``timeout`` seconds per cell; ``memory_mb`` address-space cap per
    kernel; ``db_url`` overrides the gradebook; ``sandbox=False`` runs
    kernels unsandboxed (memory cap only); ``force`` regrades current
    submissions too. ``on_isolation(label)`` is called once the isolation is
    known, ``progress(done, total, record)`` after every submission.
    """
    from ..integrity import FLAG_CODES  # noqa: F401 - fail early if the package is broken
    from ..integrity.sandbox import choose_isolation

    started = time.monotonic()
    root = Path(root).resolve()
    modules = select_modules(root, modules)
    db_url = resolve_db_url(root, db_url)
    _install_sqlite_hooks()
    config = load_config(root)
    course_id = course_id_of(config)
    restores = bool(config.get("OverwriteCells", {}).get("add_missing_cells", False))
    with _RunLock(root):
        _clean_leftovers(root)
        tasks = plan(root, modules, force=force)
        # Only modules someone handed in must be in the gradebook; register missing ones.
        handed_in = sorted({t.module for t in tasks})
        register_missing(root, handed_in, db_url=db_url, course_id=course_id)
        facts = _module_facts(root, config, db_url, handed_in)
        isolation = choose_isolation(root, db_url, memory_mb, disabled=not sandbox)
        if on_isolation:
            on_isolation(isolation.label)
        todo = [t for t in tasks if not t.current]
        run = GradeRun(isolation.label, modules, skipped=[t for t in tasks if t.current])
        if todo:
            _ensure_students(db_url, course_id, (t.learner for t in todo))
        log_dir = str(rec.records_dir(root) / LOGS)
        kwargs = dict(db_url=db_url, course_id=course_id, timeout=int(-(-timeout // 1)),
                      memory_mb=int(memory_mb or 0), isolation=isolation.label,
                      kernel_config=isolation.kernel_config, restores_missing=restores,
                      log_dir=log_dir)

        def submit(pool, task):
            fact = facts[task.module]
            return pool.submit(grade_submission, str(root), task.module, task.learner,
                               notebooks=fact["notebooks"], references=fact["references"],
                               max_score=fact["max_score"], sha256=task.sha256, **kwargs)

        remaining = list(todo)
        broken_once: set[tuple[str, str]] = set()
        while remaining:
            own = executor is None
            pool = executor or _default_executor(max(1, jobs or os.cpu_count() or 1), log_dir)
            futures = {submit(pool, task): task for task in remaining}
            remaining = []
            try:
                for future in cf.as_completed(futures):
                    task = futures[future]
                    try:
                        record = future.result()
                    except cf.process.BrokenProcessPool:
                        # A worker died (killed from outside, or out of memory): grade the
                        # unfinished tasks again in a new pool, once; then give up on them.
                        key = (task.module, task.learner)
                        if key in broken_once or not own:
                            record = _crash_record(root, task, facts, isolation.label,
                                                   "a grading worker died")
                        else:
                            broken_once.add(key)
                            remaining.append(task)
                            continue
                    except Exception as error:  # noqa: BLE001
                        record = _crash_record(root, task, facts, isolation.label,
                                               f"{type(error).__name__}: {error}")
                    run.records.append(record)
                    if progress:
                        progress(len(run.records), len(todo), record)
            finally:
                if own:
                    pool.shutdown(wait=True, cancel_futures=True)
        _clean_leftovers(root)
    run.records.sort(key=lambda r: (r["module"], r["learner"]))
    run.seconds = time.monotonic() - started
    return run
