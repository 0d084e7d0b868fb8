"""Module 04's exercise through nbgrader's real autograde: wrong types and values lose
exactly their task's points, and harmless differences (case, spaces, rounding) do not.

The generic round trip (test_roundtrip.py) already checks model answers,
untouched exercises and exercises/ being up to date for every module.
"""

from __future__ import annotations

import pytest

from notebooks import autograde_variants, full_marks_but, grades, judgement_share, liar

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "04_satisfaction_formula", "satisfaction_formula"

LYING_STR = '''
class Agreeable(str):
    """Claims to equal anything, whatever its case."""
    def __eq__(self, other): return True
    def upper(self): return self
    def lower(self): return self
    def strip(self, chars=None): return self
    __hash__ = str.__hash__
end_user_project = Agreeable("A")
'''
LIAR = liar("harmful_line", "1")

#: learner -> (answer cell replaced, its source, the test cell that must score 0 or None if none)
VARIANTS = {
    "gap_wrong_sign": ("answer_gap_calls", "gap_calls = 3", "test_gap_calls"),
    "gap_as_decimal": ("answer_gap_calls", "gap_calls = -3.0", "test_gap_calls"),
    "promise_small_letter": ("answer_promise_reply", 'promise_reply = " a "', None),
    "promise_match_competitor": ("answer_promise_reply", 'promise_reply = "C"',
                                 "test_promise_reply"),
    "promise_without_quotes": ("answer_promise_reply", "promise_reply = A", "test_promise_reply"),
    "line_as_text": ("answer_harmful_line", 'harmful_line = "3"', "test_harmful_line"),
    "line_honest_queue": ("answer_harmful_line", "harmful_line = 2", "test_harmful_line"),
    "line_lying_int": ("answer_harmful_line", LIAR, "test_harmful_line"),
    "price_alone": ("answer_price_rise", 'price_rise = "C"', "test_price_rise"),
    "bike_best_and_worst_swapped": ("answer_bike_best", 'bike_best = "B"', "test_bike_best"),
    "bike_worst_wrong": ("answer_bike_worst", 'bike_worst = "A"', "test_bike_worst"),
    "bike_worst_as_number": ("answer_bike_worst", "bike_worst = 2", "test_bike_worst"),
    "project_claims": ("answer_end_user_project", 'end_user_project = "A"',
                       "test_end_user_project"),
    "project_lying_str": ("answer_end_user_project", LYING_STR, "test_end_user_project"),
    "wholesale_claims": ("answer_wholesale_advice", 'wholesale_advice = "A"',
                         "test_wholesale_advice"),
    "wholesale_list": ("answer_wholesale_advice", 'wholesale_advice = ["D"]',
                       "test_wholesale_advice"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with module 04 generated, one submission per variant, all autograded."""
    root = tmp_path_factory.mktemp("course04")

    return root, autograde_variants(root, MODULE, NOTEBOOK, VARIANTS)


def test_exercise_has_at_least_five_autograded_tasks(graded):
    """The issue asks for at least five autograded tasks."""
    _, points = graded
    assert len(points) >= 5


JUDGEMENT_TASKS = {"test_promise_reply", "test_harmful_line", "test_price_rise", "test_bike_best",
                   "test_bike_worst", "test_end_user_project", "test_wholesale_advice"}


def test_judgement_tasks_carry_at_least_half_of_the_points(graded):
    """Issue 19: situational-judgement tasks earn at least half the autograded points."""
    _, points = graded
    assert judgement_share(points, JUDGEMENT_TASKS) >= 0.5


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_variant_loses_exactly_its_task(graded, learner):
    """Each variant scores 0 on its own task (or nothing lost when harmless), full elsewhere."""
    root, points = graded
    assert grades(root, MODULE, NOTEBOOK, learner) == full_marks_but(points, VARIANTS[learner][2])
