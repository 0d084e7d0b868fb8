"""What a grading worker process does around nbgrader for one learner's one module.

:func:`_init_worker` starts a worker (its log file, nbgrader imported once);
:func:`_worker_ready` sets a process up once (SQLite hooks, ``PATH``, the
sandboxed grading kernelspec on ``JUPYTER_PATH``). For each submission,
:func:`_stage` copies it (repaired notebooks written, unusable ones left
out), :func:`_autograde_config` builds nbgrader's configuration with
:class:`ccexercise.pipeline.integrity.GuardedExecute` in place of ``Execute``,
:func:`_run_autograde` runs nbgrader's ``Autograde`` in-process and
:func:`_gradebook_scores` reads the scores back. The task itself,
:func:`grade_submission`, is here too: it puts these together.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import traceback
import uuid
import warnings
from pathlib import Path

from .. import records as rec
from ..course import autograded_dir, load_config, nbgrader_env
from ._setup import KERNELS, STAGING, _faster_metadata_checks, _install_sqlite_hooks

__all__ = ["grade_submission"]

#: How often a task is retried when the gradebook stays locked.
LOCK_RETRIES = 6

_WORKER: dict = {}


def _quiet_gradebook_warnings() -> None:
    """Silence SQLAlchemy's "Object of type <SubmittedAssignment> not in session" warning,
    which nbgrader's gradebook raises for every submission it grades. It is harmless
    (nbgrader adds those objects itself) and would fill a Dask worker's log."""
    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", message=r"Object of type <\w+> not in session",
                            category=SAWarning)


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
    _quiet_gradebook_warnings()
    from ..integrity.sandbox import Isolation, install_kernelspec

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

    from .. import integrity  # noqa: F401


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

    from ..integrity import GuardedExecute

    config = load_config(root)
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
        from .. import integrity

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
        from ..integrity.sandbox import KERNEL_NAME

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

        autograded = root_path / autograded_dir(config) / learner / module
        for name in usable:
            try:   # plain JSON: nbformat.read would validate the whole notebook again
                nb = nbformat.from_dict(json.loads((autograded / name).read_text()))
            except Exception:  # noqa: BLE001
                continue
            flags.extend(integrity.outcome_flags(nb, timeout=timeout, memory_mb=memory_mb))
        scores = _gradebook_scores(db_url, course_id, module, learner)
        return finish(rec.GRADED, **scores)
    except Exception as error:  # noqa: BLE001 - every submission gets a record
        from .. import integrity

        flags.append(integrity.flag("grading-error", f"the grader failed: "
                                    f"{type(error).__name__}: {error}"[:400]))
        if log_dir:
            try:
                Path(log_dir).mkdir(parents=True, exist_ok=True)
                (Path(log_dir) / f"{module}-{learner}.log").write_text(traceback.format_exc())
            except OSError:
                pass
        return finish(rec.FAILED, retry=True)
