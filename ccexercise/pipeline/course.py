"""The course as every pipeline command sees it: its nbgrader configuration, read one way.

:func:`load_config` reads ``nbgrader_config.py`` as ``nbgrader`` run in the
course folder would (the Jupyter config path, then the course's own file);
:func:`setting`, :func:`course_id` and :func:`autograded_dir` read values
from it; :func:`resolve_db_url` gives the gradebook URL. :func:`select_modules`
finds the modules a command was asked for, and :func:`run_nbgrader` runs
nbgrader in the course folder (with :func:`nbgrader_env`). ``build``,
``grade``, ``feedback`` and ``report`` all use these, so they agree on the
course id, the folders and the gradebook.

>>> course_id({}), course_id({"CourseDirectory": {"course_id": "cx-101"}})
('default_course', 'cx-101')
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .._course import modules as course_modules

__all__ = ["NbgraderError", "autograded_dir", "course_id", "load_config", "nbgrader_env",
           "resolve_db_url", "run_nbgrader", "select_modules", "setting"]

#: Longest an nbgrader command may run, in seconds.
TIMEOUT = 3600


class NbgraderError(RuntimeError):
    """An nbgrader command failed; the message names it and quotes nbgrader's errors."""


def select_modules(root: Path, requested: list[str] | None) -> list[str]:
    """The modules to work on: ``requested`` (checked against ``solutions/``), or all of them.

    A trailing slash and a leading ``solutions/`` or ``exercises/`` are
    accepted, so shell completion works.
    """
    known = course_modules(Path(root))
    if not requested:
        return known
    chosen, unknown = [], []
    for name in requested:
        name = name.strip().rstrip("/\\")
        for prefix in ("solutions/", "exercises/"):
            name = name.removeprefix(prefix)
        if name in known:
            if name not in chosen:
                chosen.append(name)
        else:
            unknown.append(name)
    if unknown:
        raise ValueError(f"unknown module {', '.join(repr(u) for u in unknown)}; "
                         f"the modules are: {', '.join(known) or '(none in solutions/)'}")
    return chosen


def load_config(root: Path):
    """nbgrader's configuration as ``nbgrader`` run in the course folder ``root`` sees it.

    The ``nbgrader_config.py`` files of the Jupyter config path (system, environment,
    user), then the course's own, merged in that order: later ones win. Every pipeline
    command reads the configuration through this, so they agree on it.
    """
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    for folder in [*reversed(jupyter_config_path()), str(root)]:
        if (Path(folder) / "nbgrader_config.py").is_file():
            config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config())
    return config


def setting(config, section: str, name: str, default):
    """``config.section.name``, or ``default`` when it is not set (or set to None)."""
    value = config.get(section, {}).get(name, default)
    return default if value is None else value


def course_id(config) -> str:
    """The course id nbgrader's gradebook is opened with: ``CourseDirectory.course_id``, else
    ``default_course``."""
    return str(setting(config, "CourseDirectory", "course_id", "") or "default_course")


def autograded_dir(config) -> str:
    """The folder (relative to the course) where nbgrader writes autograded notebooks."""
    return str(setting(config, "CourseDirectory", "autograded_directory", "autograded"))


def resolve_db_url(root: Path, db_url: str | None = None) -> str:
    """The gradebook URL to use: ``db_url``, else the course config's, else ``<root>/gradebook.db``.

    A relative SQLite path is taken relative to the course folder (that is
    where nbgrader runs), and made absolute. A plain ``postgresql://`` URL
    names the driver SQLAlchemy would pick (``psycopg``, version 3) unless
    only ``psycopg2`` is installed, in which case it becomes
    ``postgresql+psycopg2://``.

    >>> resolve_db_url(Path("/course"), "sqlite:///grades.db")
    'sqlite:////course/grades.db'
    >>> resolve_db_url(Path("/course"), "postgresql+psycopg2://u@localhost:5432/gb")
    'postgresql+psycopg2://u@localhost:5432/gb'
    """
    root = Path(root)
    url = db_url or setting(load_config(root), "CourseDirectory", "db_url", "") \
        or f"sqlite:///{root / 'gradebook.db'}"
    if not isinstance(url, str) or "://" not in url:
        raise ValueError(f"--db-url must be a database URL such as sqlite:///gradebook.db or "
                         f"postgresql://user@host:5432/gradebook, got {url!r}")
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres") and _missing("psycopg") and not _missing("psycopg2"):
        url = f"postgresql+psycopg2://{rest}"
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        relative = url[len("sqlite:///"):]
        if relative and relative != ":memory:":
            url = f"sqlite:///{(root / relative).resolve()}"
    return url


def _missing(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is None


def nbgrader_env() -> dict[str, str]:
    """The environment for nbgrader: this Python's ``bin`` first on PATH.

    nbgrader starts ``alembic`` and Jupyter kernels by name, so they must be
    the ones installed beside this Python even when the venv is not active.
    """
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def run_nbgrader(root: Path, *args: str, db_url: str | None = None,
                 timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` in the course folder ``root``; raise :class:`NbgraderError` on failure.

    ``db_url`` (made absolute with :func:`resolve_db_url`) overrides the
    gradebook of the config.
    """
    command = [sys.executable, "-m", "nbgrader", *args]
    if db_url:
        command.append(f"--CourseDirectory.db_url={resolve_db_url(root, db_url)}")
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True,
                                timeout=timeout, env=nbgrader_env())
    except subprocess.TimeoutExpired as error:
        raise NbgraderError(f"nbgrader {' '.join(args[:2])} did not finish in {timeout:.0f} s") \
            from error
    if result.returncode != 0:
        raise NbgraderError(f"nbgrader {' '.join(args[:2])} failed (exit {result.returncode}):\n"
                            + _error_lines(result.stdout + result.stderr))
    return result


def _error_lines(log: str, limit: int = 40) -> str:
    """nbgrader's ERROR lines and the traceback lines after them, or the end of the log."""
    lines = log.splitlines()
    picked, keep = [], False
    for line in lines:
        if "| ERROR]" in line or "| CRITICAL]" in line:
            keep = True
        elif line.startswith("[") and "|" in line[:40]:
            keep = False
        if keep and line.strip():
            picked.append(line)
    return "\n".join((picked or lines)[-limit:])
