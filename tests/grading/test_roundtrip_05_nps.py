"""Module 05's nbgrader round trip, through nbgrader's real command line: full marks,
zero, one wrong task, and answers of the wrong type (each costs exactly its task).

The generic round trip (test_roundtrip.py) covers every module's model answer and
untouched exercise too; this file adds the NPS exercise's own wrong answers.
"""

from __future__ import annotations

import pytest
from nbgrader.api import Gradebook

from notebooks import autograde_submissions

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "05_nps", "nps"
LYING_STR = '''
class Liar(str):
    """Equal to anything, and strips to the right answer."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def strip(self, *args): return "Riverside"
    def lower(self): return "riverside"
    __hash__ = str.__hash__
really_improved = Liar("Harbour")
'''
#: learner -> (answer cell, its source, the one test cell that must score 0)
WRONG = {
    "wrong_branch": ("answer_really_improved", 'really_improved = "Harbour"',
                     "test_really_improved"),
    "lying_str": ("answer_really_improved", LYING_STR, "test_really_improved"),
    "float_for_int": ("answer_nps_from_counts", "nps_from_counts = 25.0",
                      "test_nps_from_counts"),
    "text_for_int": ("answer_sample_size", 'sample_size = "938"', "test_sample_size"),
    "worst_case_sample": ("answer_sample_size", "sample_size = cc.nps_sample_size(5)",
                          "test_sample_size"),
    "bool_for_int": ("answer_nps_from_counts", "nps_from_counts = True",
                     "test_nps_from_counts"),
    "unrounded_error": ("answer_standard_error", "standard_error = 5.523",
                        "test_standard_error"),
    "average_for_nps": ("answer_nps_chain", 'nps_chain = float(survey["score"].mean())',
                        "test_nps_chain"),
    "six_is_passive": ("answer_group_of_six", 'group_of_six = "passive"', "test_group_of_six"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The NPS exercise generated, submitted by several learners, and autograded."""
    root = tmp_path_factory.mktemp("course")

    def submissions(model, _release):
        subs = {"model": model, "untouched": {}}
        for learner, (cell, text, _) in WRONG.items():
            subs[learner] = dict(model, **{cell: text})
        return subs

    return root, autograde_submissions(root, MODULE, NOTEBOOK, submissions)


def _grades(root, learner) -> dict[str, float]:
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(NOTEBOOK, MODULE, learner)
        return {g.name: g.score for g in nb.grades if g.name.startswith("test_")}


def test_the_exercise_has_at_least_six_autograded_tasks_and_20_points(graded):
    _, points = graded
    assert len(points) >= 6
    assert sum(points.values()) == 15  # plus the 5-point reflection: 20


def test_model_answers_score_full_marks(graded):
    root, points = graded
    assert _grades(root, "model") == points


def test_untouched_exercise_scores_zero(graded):
    root, points = graded
    assert _grades(root, "untouched") == {name: 0 for name in points}


@pytest.mark.parametrize("learner", sorted(WRONG))
def test_one_wrong_answer_loses_exactly_its_task(graded, learner):
    """A wrong value, a wrong type or a lying subclass scores 0 on that task only."""
    root, points = graded
    failing = WRONG[learner][2]
    expected = {name: 0 if name == failing else full for name, full in points.items()}
    assert _grades(root, learner) == expected
