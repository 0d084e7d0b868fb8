"""The README's instructor steps, literally, on a fresh copy of the course.

A fresh clone has ``nbgrader_config.py``, ``solutions/`` and the committed
``exercises/``, but no gradebook: the README says ``exercises/`` is ready
to hand out, so the instructor goes straight to step 2 (collect), then
grade, feedback and report. ``ccexercise grade`` must register the module
in the gradebook itself, and leave ``exercises/`` exactly as committed.

Expected scores, from the points in the exercise's nbgrader metadata: the
model answers earn every autograded point; a wrong line number for the
harmful-line task loses exactly that task's points; the untouched exercise
earns 0.
"""

from __future__ import annotations

import csv
import shutil

import nbformat
import pytest

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"
ROSTER = "learner_id,name,email\nana,Ana Silva,ana@example.org\nbo,Bo Li,bo@example.org\n" \
         "cy,Cy Young,cy@example.org\n"


@pytest.fixture(scope="module")
def readme_path(tmp_path_factory, kit):
    base = tmp_path_factory.mktemp("readme")
    root = base / "course"
    root.mkdir()
    shutil.copy(kit.REPO / "nbgrader_config.py", root)
    for folder in ("solutions", "exercises"):
        shutil.copytree(kit.REPO / folder, root / folder,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    assert not (root / "gradebook.db").exists()
    released = (root / "exercises" / MODULE / f"{NOTEBOOK}.ipynb").read_bytes()

    model = kit.model_answers(MODULE)
    inbox = base / "downloads"
    inbox.mkdir()
    for learner, answers in (("ana", model), ("bo", dict(model, answer_harmful_line="harmful_line = 1")),
                             ("cy", {})):
        nb = nbformat.reads(released.decode(), as_version=4)
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id")
            if gid in answers:
                cell.source = answers[gid]
        (inbox / f"{learner}-{NOTEBOOK}.ipynb").write_text(nbformat.writes(nb))
    (base / "roster.csv").write_text(ROSTER)

    out = {"collect": kit.run_cli(root, "collect", str(inbox), "--roster",
                                  str(base / "roster.csv")).stdout}
    out["grade"] = kit.run_cli(root, "grade").stdout
    out["feedback"] = kit.run_cli(root, "feedback").stdout
    out["report"] = kit.run_cli(root, "report", "--roster", str(base / "roster.csv")).stdout
    return root, released, out


def _expected(kit) -> dict[str, float]:
    points, full = kit.autograded_points(MODULE), kit.full_points(MODULE)
    return {"ana": full, "bo": full - points["test_harmful_line"], "cy": 0.0}


def test_grade_registers_the_released_module_and_scores_every_learner(readme_path, kit):
    root, _, _ = readme_path
    points = kit.autograded_points(MODULE)
    expected = _expected(kit)
    for learner, total in expected.items():
        grades = kit.gradebook_grades(root, MODULE, learner)
        assert sum(grades[g] or 0 for g in points) == total, learner


def test_exercises_stay_as_committed(readme_path):
    root, released, _ = readme_path
    assert (root / "exercises" / MODULE / f"{NOTEBOOK}.ipynb").read_bytes() == released
    assert not list((root / ".ccexercise" / "grading").glob(".register-*"))


def test_feedback_and_report_follow(readme_path, kit):
    root, _, out = readme_path
    for learner in ("ana", "bo", "cy"):
        assert (root / "feedback" / learner / MODULE / f"{NOTEBOOK}.html").is_file()
    with (root / "reports" / "grades.csv").open(newline="") as handle:
        rows = {r["learner_id"]: r for r in csv.DictReader(handle)}
    assert {k: float(rows[k]["score"]) for k in ("ana", "bo", "cy")} == \
        _expected(kit)
    assert (root / "reports" / "report.html").is_file()
