"""Reading exercise notebooks and making learner submissions from them.

Conventions every module follows (tests/grading/test_conventions.py checks
them): each task is an answer cell ``answer_<name>`` and a locked, graded
test cell ``test_<name>``; the answer cell shows ``<variable> = ...`` above
a ``### BEGIN SOLUTION`` region.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted(p.name for p in (REPO / "solutions").iterdir()
                 if p.is_dir() and not p.name.startswith("."))

_SOLUTION = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def module_notebooks(module: str) -> list[Path]:
    """The source notebooks of one module, relative names sorted."""
    return sorted(p for p in (REPO / "solutions" / module).glob("*.ipynb"))


def nbgrader_meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def graded_points(nb) -> dict[str, float]:
    """grade_id -> points for every graded cell."""
    return {nbgrader_meta(c)["grade_id"]: nbgrader_meta(c)["points"]
            for c in nb.cells if nbgrader_meta(c).get("grade")}


def autograded_points(nb) -> dict[str, float]:
    """grade_id -> points for the graded code cells (the ones nbgrader scores itself)."""
    return {nbgrader_meta(c)["grade_id"]: nbgrader_meta(c)["points"]
            for c in nb.cells if nbgrader_meta(c).get("grade") and c.cell_type == "code"}


def model_answer(source_cell) -> str:
    """The answer cell as a learner who got it right would leave it: the solution, no markers.

    The ``name = ...`` lines above the solution stay: they run first and the
    solution then overwrites them, exactly as in the solution notebook.
    """
    return "\n".join(line for line in source_cell.source.split("\n")
                     if not _SOLUTION.match(line))


def answers(source_nb, *, code_only: bool = False) -> dict[str, str]:
    """answer grade_id -> model answer source, for every solution cell, in notebook order."""
    return {nbgrader_meta(c)["grade_id"]: model_answer(c) for c in source_nb.cells
            if nbgrader_meta(c).get("solution") and (c.cell_type == "code" or not code_only)}


def fill(release_nb, replacements: dict[str, str]):
    """A copy of ``release_nb`` with the given answer cells' sources replaced."""
    nb = nbformat.from_dict(release_nb)
    for cell in nb.cells:
        gid = nbgrader_meta(cell).get("grade_id")
        if gid in replacements:
            cell.source = replacements[gid]
    return nb


def run_nbgrader(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run the real nbgrader command line in ``cwd``; on failure show its log."""
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd,
                            capture_output=True, text=True, timeout=900)
    if check and result.returncode != 0:
        raise AssertionError(f"nbgrader {' '.join(args)} exited {result.returncode}:\n"
                             f"{result.stdout[-4000:]}\n{result.stderr[-6000:]}")
    return result


def make_course(root: Path) -> Path:
    """A throw-away course folder holding the config and a copy of solutions/."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", root)
    shutil.copytree(REPO / "solutions", root / "solutions",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return root


def autograde_submissions(root: Path, module: str, notebook: str, submissions) -> dict[str, float]:
    """Release ``module`` in a new course at ``root``, submit, autograde; return the points.

    ``submissions(model, release)`` gets the model answers (grade_id -> source)
    and the released notebook and returns learner -> {grade_id: source}: the
    answer cells that learner's notebook gets. Returns grade_id -> points of
    the autograded cells, from the source notebook.
    """
    make_course(root)
    run_nbgrader("generate_assignment", module, "--force", cwd=root)
    source = nbformat.read(REPO / "solutions" / module / f"{notebook}.ipynb", as_version=4)
    release = nbformat.read(root / "exercises" / module / f"{notebook}.ipynb", as_version=4)
    for learner, replacements in submissions(answers(source), release).items():
        folder = root / "submitted" / learner / module
        folder.mkdir(parents=True)
        nbformat.write(fill(release, replacements), folder / f"{notebook}.ipynb")
    run_nbgrader("autograde", module, "--force", cwd=root)
    return autograded_points(source)


def liar(variable: str, value: str, base: str = "int") -> str:
    """An answer cell setting ``variable`` to a ``base`` subclass that claims to equal
    anything (``value`` is its source, e.g. ``"3"`` or ``'"A"'``): the type-strict tests
    must still fail it."""
    return (f"class Liar({base}):\n"
            '    """Claims to equal anything."""\n'
            "    def __eq__(self, other): return True\n"
            "    def __ne__(self, other): return False\n"
            f"    __hash__ = {base}.__hash__\n"
            f"{variable} = Liar({value})\n")


def autograde_variants(root: Path, module: str, notebook: str, variants) -> dict[str, float]:
    """:func:`autograde_submissions` with one learner per variant, ``learner -> (answer
    cell, its new source, ...)``: the model answers with that one cell replaced."""
    def submissions(model, _release):
        return {learner: dict(model, **{cell: text})
                for learner, (cell, text, *_rest) in variants.items()}

    return autograde_submissions(root, module, notebook, submissions)


def grades(root: Path, module: str, notebook: str, learner: str) -> dict[str, float]:
    """``learner``'s score per graded test cell (``test_...``), read from the gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(notebook, module, learner)
        return {g.name: g.score for g in nb.grades if g.name.startswith("test_")}


def full_marks_but(points: dict[str, float], failing) -> dict[str, float]:
    """Full marks on every autograded cell, 0 on ``failing`` (a test cell's name, or a
    tuple of them; empty or None: a harmless variant that keeps every point)."""
    failing = (failing,) if isinstance(failing, str) else tuple(failing or ())
    return {gid: (0 if gid in failing else full) for gid, full in points.items()}


def judgement_share(points: dict[str, float], judgement) -> float:
    """The share of the autograded points that the ``judgement`` test cells carry (all of
    which must be autograded)."""
    missing = set(judgement) - set(points)
    assert not missing, f"not autograded test cells: {sorted(missing)}"
    return sum(points[g] for g in judgement) / sum(points.values())
