"""Module 03's exercise through nbgrader's real command line: answers of the wrong
type, spelling or value lose exactly their task's points.

The generic round trip (test_roundtrip.py) already proves that the model
answers score full marks and an untouched exercise scores nothing; this
file adds the mistakes learners make in this module.
"""

from __future__ import annotations

import pytest
from nbgrader.api import Gradebook

from notebooks import autograde_submissions

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "03_service_levels", "service_levels"

LIAR = '''
class Liar(int):
    """Claims to equal anything."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    __hash__ = int.__hash__
come_back_difference = Liar(1)
'''

# learner -> (answer cell replaced, its source, the test cells that must score 0).
# Task 5 asks the calculator about task 4's gap, so a wrong gap costs both.
VARIANTS = {
    "level_in_lower_case": ("answer_level_shoe_shop", 'level_shoe_shop = "low"',
                            "test_level_shoe_shop"),
    "level_misread": ("answer_level_cafe", 'level_cafe = "WOW"', "test_level_cafe"),
    "gap_wrong_way_round": ("answer_gap_taxi", "gap_taxi = 8 - 5",
                            ("test_gap_taxi", "test_taxi_level")),
    "gap_as_decimal": ("answer_gap_taxi", "gap_taxi = -3.0", "test_gap_taxi"),
    "level_as_text": ("answer_taxi_level", 'taxi_level = "Low"', "test_taxi_level"),
    "level_member_wrong": ("answer_taxi_level", "taxi_level = cc.ServiceLevel.STANDARD",
                           "test_taxi_level"),
    "count_as_decimal": ("answer_wow_count", "wow_count = 3.0", "test_wow_count"),
    "count_default_tolerance": ("answer_wow_count",
                                'wow_count = cc.level_counts(cc.service_level(gaps)).loc["WOW", "count"]',
                                "test_wow_count"),
    "stage_as_text": ("answer_maturity_stage_number", 'maturity_stage_number = "1"',
                      "test_maturity_stage_number"),
    "average_rounded": ("answer_wow_room_average", "wow_room_average = 9.0",
                        "test_wow_room_average"),
    "average_as_whole_number": ("answer_wow_room_average", "wow_room_average = 9",
                                "test_wow_room_average"),
    "difference_lying_int": ("answer_come_back_difference", LIAR, "test_come_back_difference"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with module 03 generated, the variants submitted and autograded."""
    root = tmp_path_factory.mktemp("course03")

    def submissions(model, _release):
        return {learner: dict(model, **{cell: text})
                for learner, (cell, text, *_test) in VARIANTS.items()}

    return root, autograde_submissions(root, MODULE, NOTEBOOK, submissions)


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_mistake_loses_exactly_its_task(graded, learner):
    """The mistaken task scores 0; every other autograded task keeps full marks."""
    root, points = graded
    failing = VARIANTS[learner][2]
    failing = (failing,) if isinstance(failing, str) else failing
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(NOTEBOOK, MODULE, learner)
        scores = {g.name: g.score for g in nb.grades if g.name in points}
    assert scores == {gid: (0 if gid in failing else full) for gid, full in points.items()}
