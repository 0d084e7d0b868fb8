"""Build the learner exercises (``exercises/``) from the solutions (``solutions/``) with nbgrader.

:func:`build` runs ``nbgrader generate_assignment`` for each module.
:func:`check` does the same into a throw-away copy of the course and
compares the result with the committed ``exercises/``: notebooks must be
equal as JSON, other files byte for byte, and no file may be missing or
extra. It changes nothing in the course (not even the gradebook).

This module also holds the helpers every pipeline command shares: finding
the modules asked for, reading ``nbgrader_config.py`` and running nbgrader.

>>> compare_trees.__name__
'compare_trees'
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .._course import modules as course_modules

__all__ = ["BuildCheck", "NbgraderError", "build", "check", "compare_trees", "course_config",
           "nbgrader_env", "resolve_db_url", "run_nbgrader", "select_modules"]

#: Files and folders never compared or copied (editor and Python leftovers).
IGNORED = (".ipynb_checkpoints", "__pycache__", ".DS_Store")

#: Longest an nbgrader command may run, in seconds.
TIMEOUT = 3600


class NbgraderError(RuntimeError):
    """An nbgrader command failed; the message names it and quotes nbgrader's errors."""


# --------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------

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


def course_config(root: Path) -> dict:
    """``nbgrader_config.py`` of the course as nested dicts (``{"CourseDirectory": {...}}``)."""
    from traitlets.config.loader import PyFileConfigLoader

    path = Path(root) / "nbgrader_config.py"
    if not path.is_file():
        return {}
    config = PyFileConfigLoader(path.name, path=str(path.parent)).load_config()
    return {section: dict(values) for section, values in config.items()}


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
    url = db_url or course_config(root).get("CourseDirectory", {}).get("db_url") \
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


# --------------------------------------------------------------------------
# Building and checking
# --------------------------------------------------------------------------

def build(root: Path, requested: list[str] | None = None, *,
          db_url: str | None = None) -> list[str]:
    """Regenerate ``exercises/<module>`` for the requested (default: all) modules; return them."""
    root = Path(root)
    chosen = select_modules(root, requested)
    for module in chosen:
        run_nbgrader(root, "generate_assignment", module, "--force", db_url=db_url)
    return chosen


def _files(folder: Path) -> set[Path]:
    if not folder.is_dir():
        return set()
    return {p.relative_to(folder) for p in folder.rglob("*")
            if p.is_file() and not any(part in IGNORED for part in p.relative_to(folder).parts)}


def _same_notebook(a: Path, b: Path) -> bool:
    try:
        return json.loads(a.read_text(encoding="utf-8")) == json.loads(b.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return a.read_bytes() == b.read_bytes()


def compare_trees(fresh: Path, committed: Path) -> list[str]:
    """How ``committed`` differs from ``fresh``: one plain sentence per file; empty when equal."""
    new, old = _files(Path(fresh)), _files(Path(committed))
    problems = [f"{rel.as_posix()} is missing" for rel in sorted(new - old)]
    problems += [f"{rel.as_posix()} should not be there (nothing in solutions/ makes it)"
                 for rel in sorted(old - new)]
    for rel in sorted(new & old):
        a, b = Path(fresh) / rel, Path(committed) / rel
        same = _same_notebook(a, b) if rel.suffix == ".ipynb" else a.read_bytes() == b.read_bytes()
        if not same:
            problems.append(f"{rel.as_posix()} differs from what nbgrader makes")
    return problems


@dataclass
class BuildCheck:
    """The result of :func:`check`: per checked module, what is stale (empty list: up to date)."""

    modules: dict[str, list[str]] = field(default_factory=dict)

    @property
    def stale(self) -> list[str]:
        """The modules whose committed exercises differ from a fresh build."""
        return [m for m, problems in self.modules.items() if problems]


def check(root: Path, requested: list[str] | None = None) -> BuildCheck:
    """Build into a temporary copy of the course and compare with the committed ``exercises/``."""
    root = Path(root)
    chosen = select_modules(root, requested)
    release = course_config(root).get("CourseDirectory", {}).get("release_directory", "release")
    source = course_config(root).get("CourseDirectory", {}).get("source_directory", "source")
    result = BuildCheck()
    with tempfile.TemporaryDirectory(prefix="ccexercise-build-check-") as tmp:
        copy = Path(tmp)
        shutil.copy2(root / "nbgrader_config.py", copy / "nbgrader_config.py")
        shutil.copytree(root / source, copy / source, ignore=shutil.ignore_patterns(*IGNORED))
        for module in chosen:
            run_nbgrader(copy, "generate_assignment", module, "--force",
                         db_url=f"sqlite:///{copy / 'check-gradebook.db'}")
            committed = root / release / module
            if not committed.is_dir():
                result.modules[module] = [f"{release}/{module}/ does not exist yet"]
            else:
                result.modules[module] = [f"{release}/{module}/{problem}" for problem in
                                          compare_trees(copy / release / module, committed)]
    return result
