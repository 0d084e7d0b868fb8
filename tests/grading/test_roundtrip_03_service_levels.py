"""Module 03's exercise through nbgrader's real command line: answers of the wrong
type, spelling or value lose exactly their task's points.

The generic round trip (test_roundtrip.py) already proves that the model
answers score full marks and an untouched exercise scores nothing; this
file adds the mistakes learners make in this module.
"""

from __future__ import annotations

import pytest

from notebooks import autograde_variants, full_marks_but, grades, liar

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "03_service_levels", "service_levels"

LIAR = liar("harmful_line", "1")

# learner -> (answer cell replaced, its source, the test cells that must score 0).
# Each task stands on its own, so a mistake costs only its own task.
VARIANTS = {
    "reply_as_text": ("answer_best_reply", 'best_reply = "5"', "test_best_reply"),
    "reply_giveaway": ("answer_best_reply", "best_reply = 2", "test_best_reply"),
    "reply_out_of_range": ("answer_best_reply", "best_reply = 6", "test_best_reply"),
    "guest_as_decimal": ("answer_hotel_guest", "hotel_guest = 3.0", "test_hotel_guest"),
    "guest_most_wowed": ("answer_hotel_guest", "hotel_guest = 1", "test_hotel_guest"),
    "gap_wrong_way_round": ("answer_gap_taxi", "gap_taxi = 8 - 5", "test_gap_taxi"),
    "gap_as_decimal": ("answer_gap_taxi", "gap_taxi = -3.0", "test_gap_taxi"),
    "wow_discount": ("answer_cheap_wow", "cheap_wow = 2", "test_cheap_wow"),
    "wow_cake_for_all": ("answer_wow_plan", "wow_plan = 1", "test_wow_plan"),
    "line_lying_int": ("answer_harmful_line", LIAR, "test_harmful_line"),
    "line_as_decimal": ("answer_harmful_line", "harmful_line = 5.0", "test_harmful_line"),
    "skit_blames_customer": ("answer_skit_diagnosis", "skit_diagnosis = 2", "test_skit_diagnosis"),
    "stages_in_order": ("answer_maturity_scenes", "maturity_scenes = [1, 2, 3]",
                        "test_maturity_scenes"),
    "stages_as_tuple": ("answer_maturity_scenes", "maturity_scenes = (1, 3, 2)",
                        "test_maturity_scenes"),
    "stages_as_text": ("answer_maturity_scenes", 'maturity_scenes = ["1", "3", "2"]',
                       "test_maturity_scenes"),
    "stages_as_decimals": ("answer_maturity_scenes", "maturity_scenes = [1.0, 3.0, 2.0]",
                           "test_maturity_scenes"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with module 03 generated, the variants submitted and autograded."""
    root = tmp_path_factory.mktemp("course03")

    return root, autograde_variants(root, MODULE, NOTEBOOK, VARIANTS)


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_mistake_loses_exactly_its_task(graded, learner):
    """The mistaken task scores 0; every other autograded task keeps full marks."""
    root, points = graded
    assert grades(root, MODULE, NOTEBOOK, learner) == full_marks_but(points, VARIANTS[learner][2])
