"""Autograde every submission of a course, in parallel, sandboxed, resumable.

This wraps nbgrader; it does not grade by itself. One *task* is one
learner's one module: :func:`grade_submission` inspects the submitted
notebook(s) (:mod:`.integrity`), stages a repaired copy when needed, runs
nbgrader's ``Autograde`` converter in-process for that single learner and
module (with :class:`.integrity.GuardedExecute` and the sandboxed kernel of
:mod:`.sandbox`), reads the score back from the gradebook and only then
writes the submission's record (:mod:`.records`).

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
files, :func:`.records.is_current`) and grades the rest with ``force``.

The parts live beside this module: :mod:`.grade_config` (the course's
nbgrader configuration, SQLite locking), :mod:`.grade_worker` (what a
worker does around nbgrader), :mod:`.grade_run` (planning a run and its
housekeeping) and :mod:`.serial_baseline` (stock serial ``nbgrader
autograde``, the baseline). This module keeps the task and the run.
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
import traceback
import uuid
from pathlib import Path

from . import records as rec
from .build import resolve_db_url, select_modules
from .grade_config import (BUSY_TIMEOUT_MS, LOGS, STAGING, _autograded_dir, _course_id,
                           _install_sqlite_hooks, _load_config)
from .grade_run import (GradeRun, Task, _clean_leftovers, _crash_record, _ensure_students,
                        _module_facts, _RunLock, plan, register_missing)
from .grade_worker import (_autograde_config, _gradebook_scores, _init_worker, _run_autograde,
                           _stage, _worker_ready)
from .serial_baseline import serial_nbgrader
from .stock import CELL_TIMEOUT, MEMORY_MB

__all__ = ["BUSY_TIMEOUT_MS", "GradeRun", "Task", "grade", "grade_submission", "plan",
           "register_missing", "serial_nbgrader"]

#: How often a task is retried when the gradebook stays locked.
LOCK_RETRIES = 6


def grade_submission(root: str, module: str, learner: str, *, db_url: str, course_id: str,
                     notebooks: list[str], references: dict, max_score: float | None,
                     timeout: int, memory_mb: int, isolation: str, kernel_config: dict,
                     sha256: str = "", restores_missing: bool = True,
                     log_dir: str | None = None) -> dict:
    """Grade one learner's one module and write its record; return the record.

    Plain arguments only, so any executor can ship this call:

    ``root`` course folder; ``db_url`` absolute gradebook URL; ``notebooks``
    the module's notebook names (``lost_customer_cost``); ``references``
    ``{notebook: integrity.reference_cells(...)}``; ``max_score`` of the
    module (for records of ungraded submissions); ``timeout`` seconds per
    cell; ``memory_mb`` the kernel's cap; ``isolation`` the label recorded;
    ``kernel_config`` the sandbox provisioner's configuration.

    Never raises for a bad submission: every outcome is a record.
    """
    started = time.monotonic()
    root_path = Path(root)
    folder = root_path / "submitted" / learner / module
    flags: list[dict] = []

    def finish(status: str, *, retry: bool = False, **extra) -> dict:
        fields = {"score": 0.0, "max_score": max_score}
        fields.update(extra)
        record = rec.new_record(learner, module, status, flags=flags, isolation=isolation,
                                seconds=time.monotonic() - started, sha256=sha256,
                                retry=retry, **fields)
        rec.write_record(root_path, record)
        return record

    try:
        from . import integrity

        sha256 = sha256 or rec.submission_sha256(folder)
        present = sorted(p.name for p in folder.glob("*.ipynb")) if folder.is_dir() else []
        expected = [f"{name}.ipynb" for name in notebooks]
        unknown = [name for name in present if name not in expected]
        for name in unknown:
            flags.append(integrity.flag("unknown-notebook",
                                        f"{name} is not a notebook of {module}; it was ignored."))
        missing = [name for name in expected if name not in present]
        for name in missing:
            found = f" (found: {', '.join(unknown)})" if unknown else ""
            flags.append(integrity.flag("missing-notebook",
                                        f"{name} is missing from submitted/{learner}/{module}"
                                        f"{found}; it scores 0."))
        if not any(name in present for name in expected):
            return finish(rec.MISSING)

        repaired, drop, usable = {}, set(unknown), []
        for name in expected:
            if name not in present:
                continue
            inspection = integrity.inspect_notebook(folder / name, references[name[:-6]],
                                                    restores_missing=restores_missing)
            flags.extend(inspection.flags)
            if not inspection.readable:
                drop.add(name)
            else:
                usable.append(name)
                if inspection.repaired:
                    repaired[name] = inspection.notebook
        if not usable:
            return finish(rec.FAILED)

        _worker_ready(root_path, kernel_config)
        from .sandbox import KERNEL_NAME

        staging_rel = f"{rec.RECORDS.as_posix()}/{STAGING}/{uuid.uuid4().hex[:12]}"
        staged = root_path / staging_rel / learner / module
        try:
            _stage(folder, staged, repaired, drop)
            config = _autograde_config(root_path, db_url, staging_rel, timeout, KERNEL_NAME)
            result, attempt = None, 0
            while True:
                integrity.execution_events(reset=True)
                result = _run_autograde(config, root_path, module, learner)
                text = (result.get("error") or "") + (result.get("log") or "")
                if result.get("success") or "database is locked" not in text \
                        or attempt >= LOCK_RETRIES:
                    break
                attempt += 1
                time.sleep(min(30.0, 0.5 * 2 ** attempt))
        finally:
            shutil.rmtree(root_path / staging_rel, ignore_errors=True)

        events = integrity.execution_events(reset=True)
        for event in events:
            if event.get("code") == "guard-arm":
                flags.append(integrity.flag("grading-error", event["reason"]))
        guard = [e for e in events if e.get("code") == "guard"]
        if guard:
            more = f" (and before {len(guard) - 1} more test cell(s))" if len(guard) > 1 else ""
            flags.append(integrity.flag("runtime-tampering", guard[0]["reason"] + more +
                                        "; the tests were judged outside the kernel, on the "
                                        "answers' values only."))
        if not result.get("success"):
            text = (result.get("error") or "") + "\n" + (result.get("log") or "")
            lines = [line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith((" ", "\t", "Traceback"))]
            last = next((line for line in reversed(lines) if "Error" in line or
                         "Exception" in line), lines[-1] if lines else "no details")
            flags.append(integrity.flag("grading-error",
                                        f"nbgrader could not grade this submission: "
                                        f"{last[:300]}"))
            log_path = Path(log_dir or tempfile.gettempdir()) / f"{module}-{learner}.log"
            try:
                log_path.parent.mkdir(parents=True, exist_ok=True)
                log_path.write_text(text)
            except OSError:
                pass
            return finish(rec.FAILED, retry=True)

        import nbformat

        autograded = root_path / _autograded_dir(config) / learner / module
        for name in usable:
            try:   # plain JSON: nbformat.read would validate the whole notebook again
                nb = nbformat.from_dict(json.loads((autograded / name).read_text()))
            except Exception:  # noqa: BLE001
                continue
            flags.extend(integrity.outcome_flags(nb, timeout=timeout, memory_mb=memory_mb))
        scores = _gradebook_scores(db_url, course_id, module, learner)
        return finish(rec.GRADED, **scores)
    except Exception as error:  # noqa: BLE001 - every submission gets a record
        from . import integrity

        flags.append(integrity.flag("grading-error", f"the grader failed: "
                                    f"{type(error).__name__}: {error}"[:400]))
        if log_dir:
            try:
                Path(log_dir).mkdir(parents=True, exist_ok=True)
                (Path(log_dir) / f"{module}-{learner}.log").write_text(traceback.format_exc())
            except OSError:
                pass
        return finish(rec.FAILED, retry=True)


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
    from .integrity import FLAG_CODES  # noqa: F401 - fail early if the package is broken
    from .sandbox import choose_isolation

    started = time.monotonic()
    root = Path(root).resolve()
    modules = select_modules(root, modules)
    db_url = resolve_db_url(root, db_url)
    _install_sqlite_hooks()
    config = _load_config(root)
    course_id = _course_id(config)
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
