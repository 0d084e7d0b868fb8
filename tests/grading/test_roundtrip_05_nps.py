"""Module 05's nbgrader round trip, through nbgrader's real command line: full marks,
zero, one wrong task, and answers of the wrong type (each costs exactly its task).

The generic round trip (test_roundtrip.py) covers every module's model answer and
untouched exercise too; this file adds the NPS exercise's own wrong answers.
"""

from __future__ import annotations

import pytest

from notebooks import autograde_submissions, grades

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "05_nps", "nps"
LYING_INT = '''
class Liar(int):
    """Claims to equal, and to be bigger or smaller than, anything."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __lt__(self, other): return True
    def __le__(self, other): return True
    def __gt__(self, other): return True
    def __ge__(self, other): return True
    __hash__ = int.__hash__
compare_branches = Liar(2)
'''
#: learner -> (answer cell, its source, the one test cell that must score 0)
WRONG = {
    "six_is_passive": ("answer_nps_from_counts", "nps_from_counts = 30", "test_nps_from_counts"),
    "float_for_int": ("answer_nps_from_counts", "nps_from_counts = 20.0",
                      "test_nps_from_counts"),
    "one_standard_error": ("answer_margin_of_error", "margin_of_error = 9.3",
                           "test_margin_of_error"),
    "unrounded_margin": ("answer_margin_of_error", "margin_of_error = 18.2027",
                         "test_margin_of_error"),
    "blames_the_team": ("answer_report_line", "report_line = 1", "test_report_line"),
    "text_for_int": ("answer_report_line", 'report_line = "3"', "test_report_line"),
    "ranks_by_table": ("answer_compare_branches", "compare_branches = 2",
                       "test_compare_branches"),
    "bool_for_int": ("answer_compare_branches", "compare_branches = True",
                     "test_compare_branches"),
    "lying_int": ("answer_compare_branches", LYING_INT, "test_compare_branches"),
    "course_for_all": ("answer_market_drop", "market_drop = 1", "test_market_drop"),
    "praise_is_harmful": ("answer_spot_line", "spot_line = 1", "test_spot_line"),
    "no_such_line": ("answer_spot_line", "spot_line = 6", "test_spot_line"),
    "survey_as_best": ("answer_best_plan", "best_plan = 2", "test_best_plan"),
    "list_for_int": ("answer_best_plan", "best_plan = [3]", "test_best_plan"),
    "screen_as_worst": ("answer_worst_plan", "worst_plan = 4", "test_worst_plan"),
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
    return grades(root, MODULE, NOTEBOOK, learner)


def test_the_exercise_has_eight_autograded_tasks_and_25_points(graded):
    _, points = graded
    assert len(points) == 8
    assert sum(points.values()) == 25  # plus the 5-point reflection: 30


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
