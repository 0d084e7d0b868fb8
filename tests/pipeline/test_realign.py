"""Honest work survives lost metadata: submissions without nbgrader metadata or cell ids.

Right, partly right and empty submissions are graded twice in one real
``ccexercise grade`` run: as handed out, and with every cell's metadata and
id stripped (what an editor that drops metadata hands in). Each stripped
one must score what its twin scores, task by task, and be flagged
``realigned`` with a one-sentence reason. So must answers pasted into a
fresh notebook (answer cells only, no locked cells at all).

Expected totals come from the exercise's nbgrader metadata: right earns every
autograded point; partly right loses exactly the points of its two wrong tasks
(harmful_line and quiet_hour); empty earns 0.
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"
# the two tasks "partly" gets wrong: answers that pass the visible checks, fail the hidden ones
PARTLY_WRONG = {"answer_harmful_line": "harmful_line = 1", "answer_quiet_hour": 'quiet_hour = "A"'}


def _strip(nb):
    for cell in nb.cells:
        cell.metadata = {}
        cell.pop("id", None)
    nb.nbformat_minor = 4
    return nb


def _answers_only(nb):
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    return _strip(nb)


@pytest.fixture(scope="module")
def graded(course, kit):
    root = course
    model = kit.model_answers()
    partly = dict(model, **PARTLY_WRONG)
    for name, answers in (("right", model), ("partly", partly), ("empty", {})):
        kit.make_submission(root, name, answers=answers)
        kit.make_submission(root, f"{name}-stripped", answers=answers, edit=_strip)
    kit.make_submission(root, "pasted", answers=model, edit=_answers_only)
    result = kit.run_cli(root, "grade", "--jobs", "2", check=False)
    records = {p.stem: json.loads(p.read_text())
               for p in (root / ".ccexercise" / "grading" / MODULE).glob("*.json")}
    return root, result, records


def _total(kit, root, learner) -> float:
    grades = kit.gradebook_grades(root, MODULE, learner)
    return sum(grades[g] or 0 for g in kit.autograded_points())


def _expected(kit, name) -> float:
    points = kit.autograded_points()
    if name == "empty":
        return 0
    lost = PARTLY_WRONG if name == "partly" else {}
    return kit.full_points() - sum(points["test_" + g.removeprefix("answer_")] for g in lost)


@pytest.mark.parametrize("name", ["right", "partly", "empty"])
def test_stripped_submission_scores_as_with_metadata(graded, kit, name):
    root, _, records = graded
    assert _total(kit, root, name) == _expected(kit, name)
    with_meta = kit.gradebook_grades(root, MODULE, name)
    stripped = kit.gradebook_grades(root, MODULE, f"{name}-stripped")
    assert stripped == with_meta
    assert "realigned" not in {f["code"] for f in records[name]["flags"]}


@pytest.mark.parametrize("learner", ["right-stripped", "partly-stripped", "empty-stripped",
                                     "pasted"])
def test_stripped_submission_is_flagged_realigned_with_one_sentence(graded, learner):
    _, _, records = graded
    reasons = [f["reason"] for f in records[learner]["flags"] if f["code"] == "realigned"]
    assert len(reasons) == 1, records[learner]["flags"]
    assert reasons[0].count(". ") == 0 and reasons[0].endswith(".")
    assert "matched to the released exercise" in reasons[0]


def test_answers_pasted_into_a_fresh_notebook_score_full_marks(graded, kit):
    root, _, records = graded
    assert records["pasted"]["status"] == "graded"
    assert _total(kit, root, "pasted") == kit.full_points()
