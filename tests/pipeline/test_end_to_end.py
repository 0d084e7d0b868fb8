"""The whole pipeline on the real command line, as an instructor runs it, in a temporary course.

build -> collect (an LMS zip with a roster and stray files) -> grade ->
feedback -> report. Every submission must reach grades.csv and the report,
every stray file must be listed, every learner must get a feedback page.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"
ROSTER = """learner_id,name,email,aliases
asilva,Ana Silva,ana.silva@example.org,
bli,Bo Li,bo.li@example.org,
cmuller,Chloé Müller,c.mueller@example.org,Chloe Mueller
dnguyen,Duc Nguyen,duc.nguyen@example.org,
"""
SUBMITTED = ("asilva", "bli", "cmuller")
STRAY = ("__MACOSX/._lost_customer_cost.ipynb", "submissions/.DS_Store", "submissions/readme.txt")
UNKNOWN = "submissions/Zoe Unknown_77_assignsubmission_file_lost_customer_cost.ipynb"


def ccexercise(root: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "ccexercise.cli", *args], cwd=root,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, (f"ccexercise {' '.join(args)} exited {result.returncode}:\n"
                                    f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result.stdout


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, kit):
    base = tmp_path_factory.mktemp("e2e")
    root = base / "course"  # config and solutions; no exercises yet
    root.mkdir()
    shutil.copy(kit.REPO / "nbgrader_config.py", root)
    shutil.copytree(kit.REPO / "solutions", root / "solutions")
    out = {"build": ccexercise(root, "build")}

    release = kit.release_notebook(root, MODULE)
    model = kit.model_answers(MODULE)

    def answered(answers):
        nb = nbformat.from_dict(release)
        for cell in nb.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") in answers:
                cell.source = answers[cell.metadata.nbgrader.grade_id]
        return nb

    notebooks = {
        "submissions/Ana Silva_1234_assignsubmission_file_lost_customer_cost.ipynb": answered(model),
        "submissions/bo.li-lost_customer_cost (1).ipynb": answered(
            dict(model, answer_harmful_line="harmful_line = 1")),
        "submissions/Chloe Mueller/lost_customer_cost.ipynb": answered({}),
        UNKNOWN: answered(model),
    }
    batch = base / "moodle-download.zip"
    with zipfile.ZipFile(batch, "w") as archive:
        for name, nb in notebooks.items():
            archive.writestr(name, nbformat.writes(nb))
        for name in STRAY:
            archive.writestr(name, b"clutter")
    (base / "roster.csv").write_text(ROSTER, encoding="utf-8")

    out["collect"] = ccexercise(root, "collect", str(batch), "--roster", str(base / "roster.csv"))
    out["grade"] = ccexercise(root, "grade")
    out["feedback"] = ccexercise(root, "feedback")
    out["report"] = ccexercise(root, "report", "--roster", str(base / "roster.csv"),
                               "--out", str(base / "reports"))
    return root, base / "reports", out


def test_build_made_the_exercise(pipeline):
    root, _, out = pipeline
    assert (root / "exercises" / MODULE / f"{NOTEBOOK}.ipynb").is_file()
    assert f"built exercises/{MODULE}" in out["build"]


def test_collect_placed_every_learner_and_listed_every_stray_file(pipeline):
    root, _, out = pipeline
    for learner in SUBMITTED:
        assert (root / "submitted" / learner / MODULE / f"{NOTEBOOK}.ipynb").is_file()
    assert "Placed 3 notebook(s) of 3 learner(s)" in out["collect"]
    for name in (*STRAY, UNKNOWN):
        assert f"moodle-download.zip:{name}" in out["collect"], name
    with (root / ".ccexercise" / "collect-report.csv").open(newline="") as handle:
        rows = {r["file"].split(":", 1)[1]: r for r in csv.DictReader(handle)}
    assert len(rows) == 3 + 1 + len(STRAY)
    assert all(rows[name]["problem"] == "not a notebook" for name in STRAY)
    assert rows[UNKNOWN]["problem"] == "unknown learner"


def test_grade_recorded_every_submission(pipeline):
    root, _, _ = pipeline
    for learner in SUBMITTED:
        assert (root / ".ccexercise" / "grading" / MODULE / f"{learner}.json").is_file()


def test_feedback_page_for_every_learner(pipeline):
    root, _, out = pipeline
    for learner in SUBMITTED:
        page = root / "feedback" / learner / MODULE / f"{NOTEBOOK}.html"
        assert page.is_file(), learner
        assert "_exactly(" not in page.read_text(encoding="utf-8")
    assert f"{MODULE}: feedback for 3 learner(s)" in out["feedback"]


def test_every_submission_is_in_grades_csv_and_the_report(pipeline, kit):
    _, reports, out = pipeline
    with (reports / "grades.csv").open(newline="") as handle:
        rows = {r["learner_id"]: r for r in csv.DictReader(handle)}
    assert set(rows) == {*SUBMITTED, "dnguyen"}
    for learner in SUBMITTED:
        assert rows[learner]["status"] in ("graded", "needs manual grading"), rows[learner]
        assert rows[learner]["score"] != ""
    full = kit.full_points(MODULE)
    assert float(rows["asilva"]["score"]) == full
    assert float(rows["bli"]["score"]) == full - kit.autograded_points(MODULE)["test_harmful_line"]
    assert float(rows["cmuller"]["score"]) == 0
    assert rows["dnguyen"]["status"] == "not submitted"
    page = (reports / "report.html").read_text(encoding="utf-8")
    assert page.split("<body>", 1)[1].lstrip().startswith('<p class="isolation"')
    results = page.split("<h2>Results by learner</h2>", 1)[1]
    for learner in (*SUBMITTED, "dnguyen"):
        assert f"<td>{learner}</td>" in results, learner
    flagged = page.split("<h2>Flagged submissions</h2>", 1)[1].split("<h2>", 1)[0]
    assert "Zoe Unknown" in flagged
    assert out["report"].startswith("Grading isolation: ")
