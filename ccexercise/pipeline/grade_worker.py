"""What a grading worker process does around nbgrader for one learner's one module.

:func:`_init_worker` starts a worker (its log file, nbgrader imported once);
:func:`_worker_ready` sets a process up once (SQLite hooks, ``PATH``, the
sandboxed grading kernelspec on ``JUPYTER_PATH``). For each submission,
:func:`_stage` copies it (repaired notebooks written, unusable ones left
out), :func:`_autograde_config` builds nbgrader's configuration with
:class:`.integrity.GuardedExecute` in place of ``Execute``,
:func:`_run_autograde` runs nbgrader's ``Autograde`` in-process and
:func:`_gradebook_scores` reads the scores back. The task itself,
:func:`.grade.grade_submission`, puts these together.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path

from . import records as rec
from .build import nbgrader_env
from .grade_config import KERNELS, _faster_metadata_checks, _install_sqlite_hooks, _load_config

__all__: list[str] = []

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
