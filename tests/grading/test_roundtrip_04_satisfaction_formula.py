"""Module 04's exercise through nbgrader's real autograde: wrong types and values lose
exactly their task's points, and harmless differences (case, spaces, rounding) do not.

The generic round trip (test_roundtrip.py) already checks model answers,
untouched exercises and exercises/ being up to date for every module.
"""

from __future__ import annotations

import pytest
from nbgrader.api import Gradebook

from notebooks import autograde_submissions

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "04_satisfaction_formula", "satisfaction_formula"

LYING_LIST = '''
class Agreeable(list):
    """Claims to equal anything."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
responses = Agreeable(["lower", "lower", "lower"])
'''
LYING_STR = '''
class Agreeable(str):
    """Claims to equal anything, whatever its case."""
    def __eq__(self, other): return True
    def lower(self): return self
    def strip(self, chars=None): return self
    __hash__ = str.__hash__
weakest_wholesalers = Agreeable("tangibles")
'''

#: learner -> (answer cell replaced, its source, the test cell that must score 0 or None if none)
VARIANTS = {
    "gap_wrong_sign": ("answer_gap_calls", "gap_calls = 3", "test_gap_calls"),
    "gap_as_decimal": ("answer_gap_calls", "gap_calls = -3.0", "test_gap_calls"),
    "levels_tuple": ("answer_scenario_levels", 'scenario_levels = ("Standard", "WOW", "Low")',
                     "test_scenario_levels"),
    "levels_small_letters": ("answer_scenario_levels",
                             'scenario_levels = ["standard", "wow", "low"]',
                             "test_scenario_levels"),
    "levels_wrong_order": ("answer_scenario_levels", 'scenario_levels = ["WOW", "Standard", "Low"]',
                           "test_scenario_levels"),
    "promise_as_text": ("answer_promise_for_wow", 'promise_for_wow = "6"', "test_promise_for_wow"),
    "weakest_other_case": ("answer_weakest_wholesalers",
                           'weakest_wholesalers = " Responsiveness "', None),
    "weakest_wrong": ("answer_weakest_wholesalers", 'weakest_wholesalers = "reliability"',
                      "test_weakest_wholesalers"),
    "weakest_lying_str": ("answer_weakest_wholesalers", LYING_STR, "test_weakest_wholesalers"),
    "gap_typed_rounded": ("answer_end_user_reliability_gap", "end_user_reliability_gap = -1.38",
                          None),
    "gap_without_sign": ("answer_end_user_reliability_gap", "end_user_reliability_gap = 1.384",
                         "test_end_user_reliability_gap"),
    "gap_as_text": ("answer_end_user_reliability_gap", 'end_user_reliability_gap = "-1.384"',
                    "test_end_user_reliability_gap"),
    "responses_wrong": ("answer_responses", 'responses = ["lower", "raise", "lower"]',
                        "test_responses"),
    "responses_lying_list": ("answer_responses", LYING_LIST, "test_responses"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with module 04 generated, one submission per variant, all autograded."""
    root = tmp_path_factory.mktemp("course04")

    def submissions(model, _release):
        return {learner: dict(model, **{cell: text})
                for learner, (cell, text, *_test) in VARIANTS.items()}

    return root, autograde_submissions(root, MODULE, NOTEBOOK, submissions)


def test_exercise_has_at_least_five_autograded_tasks(graded):
    """The issue asks for at least five autograded tasks."""
    _, points = graded
    assert len(points) >= 5


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_variant_loses_exactly_its_task(graded, learner):
    """Each variant scores 0 on its own task (or nothing lost when harmless), full elsewhere."""
    root, points = graded
    _, _, failing = VARIANTS[learner]
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(NOTEBOOK, MODULE, learner)
        scores = {g.name: g.score for g in nb.grades if g.name in points}
    expected = {gid: (0 if gid == failing else full) for gid, full in points.items()}
    assert scores == expected
