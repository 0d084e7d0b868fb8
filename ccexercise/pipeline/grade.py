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
"""

from __future__ import annotations

import concurrent.futures as cf
import fcntl
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from . import records as rec
from .build import nbgrader_env, resolve_db_url, select_modules
from .stock import CELL_TIMEOUT, MEMORY_MB, UNSAFE

__all__ = ["BUSY_TIMEOUT_MS", "GradeRun", "Task", "grade", "grade_submission", "plan",
           "register_missing", "serial_nbgrader"]

#: How long an SQLite connection waits for another writer, in milliseconds.
BUSY_TIMEOUT_MS = 120_000
#: How often a task is retried when the gradebook stays locked.
LOCK_RETRIES = 6
#: Sub-folders of the journal folder that are not module records.
STAGING = ".staging"
LOGS = ".logs"
KERNELS = ".kernels"


# --------------------------------------------------------------------------
# Course configuration
# --------------------------------------------------------------------------

def _load_config(root: Path):
    """nbgrader's configuration as ``nbgrader`` run in ``root`` would see it."""
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    for folder in [*reversed(jupyter_config_path()), str(root)]:
        if (Path(folder) / "nbgrader_config.py").is_file():
            config.merge(PyFileConfigLoader("nbgrader_config.py", path=folder).load_config())
    return config


def _course_setting(config, section: str, name: str, default):
    value = config.get(section, {}).get(name, default)
    return default if value is None else value


def _course_id(config) -> str:
    return str(_course_setting(config, "CourseDirectory", "course_id", "") or "default_course")


def _install_sqlite_hooks() -> None:
    """Busy timeout and ``BEGIN IMMEDIATE`` for every SQLite connection of this process."""
    if getattr(_install_sqlite_hooks, "done", False):
        return
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _connect(dbapi_connection, _record):  # pragma: no cover - trivial
        if type(dbapi_connection).__module__.startswith(("sqlite3", "pysqlite")):
            dbapi_connection.isolation_level = None   # SQLAlchemy emits BEGIN itself
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.close()

    @event.listens_for(Engine, "begin")
    def _begin(connection):  # pragma: no cover - trivial
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    _install_sqlite_hooks.done = True


def _faster_metadata_checks() -> None:
    """Make nbgrader's per-cell metadata validation check its schema once, not per cell.

    nbgrader validates every cell's ``metadata.nbgrader`` with
    ``jsonschema.validate(meta, schema)``, which first validates the schema
    itself against the JSON Schema meta-schema: about 7 ms per cell, twice
    per notebook (~0.5 s of each submission). This gives nbgrader's module a
    ``validate`` that does the same instance validation, raising the same
    error (``best_match``), with the schema checked once per validator.
    """
    import jsonschema
    from jsonschema.exceptions import best_match
    from nbgrader.nbgraderformat import common

    if isinstance(common.jsonschema, _SchemaOnce):
        return
    common.jsonschema = _SchemaOnce(jsonschema, best_match)


class _SchemaOnce:
    """Stands in for the ``jsonschema`` module inside nbgrader's metadata validator."""

    def __init__(self, module, best_match):
        self._module, self._best_match, self._validators = module, best_match, {}

    def __getattr__(self, name):
        return getattr(self._module, name)

    def validate(self, instance, schema, *args, **kwargs):
        if args or kwargs:
            return self._module.validate(instance, schema, *args, **kwargs)
        held = self._validators.get(id(schema))
        if held is None or held[0] is not schema:
            if len(self._validators) > 64:
                self._validators.clear()
            kind = self._module.validators.validator_for(schema)
            kind.check_schema(schema)
            held = self._validators[id(schema)] = (schema, kind(schema))
        error = self._best_match(held[1].iter_errors(instance))
        if error is not None:
            raise error
        return None


# --------------------------------------------------------------------------
# One submission (runs in a worker)
# --------------------------------------------------------------------------

_WORKER: dict = {}


def _worker_ready(root: Path, kernel_config: dict) -> str:
    """Once per process: SQLite hooks, PATH, the grading kernelspec; return its folder.

    The kernelspec goes to ``.ccexercise/grading/.kernels/`` (removed when a
    run ends or starts), and its folder is put first on ``JUPYTER_PATH``.
    """
    key = json.dumps([str(root), kernel_config], sort_keys=True)
    if key in _WORKER and (Path(_WORKER[key]) / "kernels").is_dir():
        return _WORKER[key]
    _install_sqlite_hooks()
    _faster_metadata_checks()
    from .sandbox import Isolation, install_kernelspec

    os.environ["PATH"] = nbgrader_env()["PATH"]
    parent = rec.records_dir(root) / KERNELS
    parent.mkdir(parents=True, exist_ok=True)
    folder = tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=parent)
    install_kernelspec(Isolation("", "", 0, kernel_config), Path(folder))
    paths = [folder, *[p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(paths)
    _WORKER[key] = folder
    return folder


def _init_worker(log_dir: str | None) -> None:
    """ProcessPoolExecutor initializer: send the worker's own chatter to a log file."""
    if log_dir:
        Path(log_dir).mkdir(parents=True, exist_ok=True)
        log = open(Path(log_dir) / f"worker-{os.getpid()}.log", "a", buffering=1)  # noqa: SIM115
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
    _install_sqlite_hooks()
    # Import nbgrader's grading stack now, once per worker.
    import nbgrader.converters.autograde  # noqa: F401
    import nbclient  # noqa: F401

    from . import integrity  # noqa: F401


def _gradebook_scores(db_url: str, course_id: str, module: str, learner: str) -> dict:
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as gb:
        submission = gb.find_submission(module, learner)
        notebooks = {nb.name: {"score": nb.score, "max_score": nb.max_score}
                     for nb in submission.notebooks}
        return {"score": float(submission.score or 0), "max_score": float(submission.max_score),
                "auto_score": float(submission.code_score or 0),
                "needs_manual_grade": bool(submission.needs_manual_grade),
                "notebooks": notebooks}


def _run_autograde(config, root: Path, module: str, learner: str) -> dict:
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log

    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = module
    coursedir.student_id = learner
    app = Autograde(coursedir=coursedir, config=config)
    app.force = True
    app.create_student = True
    return capture_log(app)


def _autograde_config(root: Path, db_url: str, staging_rel: str, timeout: int,
                      kernel_name: str):
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute

    from .integrity import GuardedExecute

    config = _load_config(root)
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = db_url
    config.CourseDirectory.submitted_directory = staging_rel
    config.Execute.timeout = int(timeout)
    config.Execute.kernel_name = kernel_name
    # The outputs are in hand when the kernel is shut down: no need to wait for it to exit.
    config.Execute.shutdown_kernel = "immediate"
    configured = config.get("Autograde", {}).get("autograde_preprocessors") \
        or Autograde.class_traits()["autograde_preprocessors"].default()
    chain = []
    for item in configured:
        named = item if isinstance(item, str) else f"{item.__module__}.{item.__name__}"
        is_execute = item is Execute or named in ("nbgrader.preprocessors.Execute",
                                                  "nbgrader.preprocessors.execute.Execute",
                                                  "ccexercise.pipeline.stock.SandboxedExecute")
        chain.append(GuardedExecute if is_execute else item)
    config.Autograde.autograde_preprocessors = chain
    return config


def _stage(source: Path, target: Path, repaired: dict, drop: set[str]) -> None:
    """Copy a submission folder, writing repaired notebooks and leaving out unusable ones."""
    import nbformat

    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints",
                                                                   "__pycache__"))
    for name in drop:
        (target / name).unlink(missing_ok=True)
    for name, nb in repaired.items():
        nbformat.write(nb, str(target / name))


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


def _autograded_dir(config) -> str:
    return str(_course_setting(config, "CourseDirectory", "autograded_directory", "autograded"))


# --------------------------------------------------------------------------
# Planning a run (main process)
# --------------------------------------------------------------------------

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

    from . import integrity

    release = str(_course_setting(config, "CourseDirectory", "release_directory", "release"))
    facts = {}
    with Gradebook(db_url, _course_id(config)) as gb:
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

    from .build import run_nbgrader

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


def _clean_leftovers(root: Path) -> None:
    """Remove what a killed run may have left: staged copies, half-written records, and the
    kernels' socket folders in /tmp."""
    from ..sandbox_provisioner import clean_stale_socket_dirs

    clean_stale_socket_dirs()
    base = rec.records_dir(root)
    shutil.rmtree(base / STAGING, ignore_errors=True)
    shutil.rmtree(base / KERNELS, ignore_errors=True)
    if base.is_dir():
        for leftover in base.glob("*/.*.tmp"):
            leftover.unlink(missing_ok=True)


def _crash_record(root: Path, task: Task, facts: dict, isolation: str, why: str) -> dict:
    from .integrity import flag

    record = rec.new_record(task.learner, task.module, rec.FAILED,
                            max_score=facts[task.module]["max_score"],
                            flags=[flag("grading-error", f"the grader failed: {why}")],
                            isolation=isolation, sha256=task.sha256, retry=True)
    rec.write_record(root, record)
    return record


# --------------------------------------------------------------------------
# The stock baseline
# --------------------------------------------------------------------------

SERIAL_ISOLATION = "none (stock nbgrader autograde, serial, no sandbox)"


def serial_nbgrader(root: Path, modules: list[str] | None = None, *,
                    timeout: float = CELL_TIMEOUT,
                    db_url: str | None = None, progress=None, on_isolation=None) -> GradeRun:
    """Run stock ``nbgrader autograde MODULE --force`` per module, then write the records.

    The baseline that parallel grading is compared with: no sandbox, no
    guard, no repairs. Records are written from the gradebook afterwards
    (flags from the static checks and the executed notebooks); a submission
    nbgrader failed on gets status ``failed``.
    """
    import nbformat

    from . import integrity

    started = time.monotonic()
    root = Path(root).resolve()
    modules = select_modules(root, modules)
    db_url = resolve_db_url(root, db_url)
    config = _load_config(root)
    course_id = _course_id(config)
    restores = bool(config.get("OverwriteCells", {}).get("add_missing_cells", False))
    if on_isolation:
        on_isolation(SERIAL_ISOLATION)
    run = GradeRun(SERIAL_ISOLATION, modules)
    log_dir = rec.records_dir(root) / LOGS
    log_dir.mkdir(parents=True, exist_ok=True)
    with _RunLock(root):
        _clean_leftovers(root)
        tasks = plan(root, modules, force=True)
        handed_in = sorted({t.module for t in tasks})
        register_missing(root, handed_in, db_url=db_url, course_id=course_id)
        facts = _module_facts(root, config, db_url, handed_in)
        done = 0
        for module in modules:
            mine = [t for t in tasks if t.module == module]
            if not mine:
                continue
            began = time.monotonic()
            command = [sys.executable, "-m", "nbgrader", "autograde", module, "--force",
                       f"--CourseDirectory.db_url={db_url}", f"--Execute.timeout={int(timeout)}"]
            # The baseline is stock nbgrader: no guard, no judge, no sandbox (stock.UNSAFE).
            result = subprocess.run(command, cwd=root, capture_output=True, text=True,
                                    env=dict(nbgrader_env(), **{UNSAFE: "unsafe"}))
            (log_dir / f"serial-{module}.log").write_text(result.stdout + result.stderr)
            each = (time.monotonic() - began) / len(mine)
            fact = facts[module]
            for task in mine:
                folder = root / "submitted" / task.learner / module
                flags, status, extra = [], rec.GRADED, {}
                present = {p.name for p in folder.glob("*.ipynb")}
                for name in fact["notebooks"]:
                    path = folder / f"{name}.ipynb"
                    if path.name not in present:
                        flags.append(integrity.flag("missing-notebook",
                                                    f"{path.name} is missing; it scores 0."))
                        continue
                    inspection = integrity.inspect_notebook(path, fact["references"][name],
                                                            restores_missing=restores)
                    flags.extend(inspection.flags)
                    graded = root / _autograded_dir(config) / task.learner / module / path.name
                    if graded.is_file():
                        flags.extend(integrity.outcome_flags(
                            nbformat.read(str(graded), as_version=4), timeout=timeout))
                    else:
                        status = rec.FAILED
                if not present & {f"{n}.ipynb" for n in fact["notebooks"]}:
                    status = rec.MISSING
                if status == rec.GRADED:
                    try:
                        extra = _gradebook_scores(db_url, course_id, module, task.learner)
                    except Exception:  # noqa: BLE001
                        status = rec.FAILED
                if status == rec.FAILED and not any(f["code"] == "invalid-notebook"
                                                    for f in flags):
                    flags.append(integrity.flag("grading-error", "stock nbgrader autograde "
                                                "failed on this submission (see its log)"))
                fields = {"score": 0.0, "max_score": fact["max_score"]}
                fields.update(extra)
                record = rec.new_record(task.learner, module, status, flags=flags,
                                        isolation=SERIAL_ISOLATION, seconds=each,
                                        sha256=task.sha256, **fields)
                rec.write_record(root, record)
                run.records.append(record)
                done += 1
                if progress:
                    progress(done, len(tasks), record)
    run.seconds = time.monotonic() - started
    return run
