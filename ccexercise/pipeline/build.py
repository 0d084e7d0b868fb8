"""Build the learner exercises (``exercises/``) from the solutions (``solutions/``) with nbgrader.

:func:`build` runs ``nbgrader generate_assignment`` for each module.
:func:`check` does the same into a throw-away copy of the course and
compares the result with the committed ``exercises/``: notebooks must be
equal as JSON, other files byte for byte, and no file may be missing or
extra. It changes nothing in the course (not even the gradebook).

The helpers every pipeline command shares (finding the modules asked for,
reading ``nbgrader_config.py``, running nbgrader) are in :mod:`.course`.

>>> compare_trees.__name__
'compare_trees'
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .course import load_config, run_nbgrader, select_modules, setting

__all__ = ["BuildCheck", "build", "check", "compare_trees"]

#: Files and folders never compared or copied (editor and Python leftovers).
IGNORED = (".ipynb_checkpoints", "__pycache__", ".DS_Store")

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
    config = load_config(root)
    release = str(setting(config, "CourseDirectory", "release_directory", "release"))
    source = str(setting(config, "CourseDirectory", "source_directory", "source"))
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
