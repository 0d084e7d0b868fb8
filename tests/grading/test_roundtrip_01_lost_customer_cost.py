"""Module 01's exercise through nbgrader's real command line: the mistakes learners
make in its judgement tasks lose exactly that task's points, and harmless
variations of a right answer keep them.

The generic round trip (test_roundtrip.py) already proves that the model
answers score full marks, an untouched exercise scores nothing, and that a
wrong number, a float or a lying int on the five-year loss cost that task.
"""

from __future__ import annotations

import pytest

from notebooks import autograde_variants, full_marks_but, grades, judgement_share, liar

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"

LIAR = liar("short_delivery", '"A"', base="str")

# learner -> (answer cell replaced, its source, the test cells that must score 0;
# an empty tuple means the variation is right and keeps full marks).
VARIANTS = {
    # A customer's spend this year, not over five years.
    "biggest_this_year": ("answer_call_first", 'call_first = "A"', ("test_call_first",)),
    "discount_only": ("answer_short_delivery", 'short_delivery = "A"', ("test_short_delivery",)),
    "passes_the_customer_on": ("answer_short_delivery", 'short_delivery = "B"',
                               ("test_short_delivery",)),
    "letter_without_quotes": ("answer_short_delivery", "short_delivery = D",
                              ("test_short_delivery",)),
    "lying_str": ("answer_short_delivery", LIAR, ("test_short_delivery",)),
    "line_as_text": ("answer_harmful_line", 'harmful_line = "3"', ("test_harmful_line",)),
    "good_line_picked": ("answer_harmful_line", "harmful_line = 5", ("test_harmful_line",)),
    "sales_pitch_call": ("answer_quiet_hour", 'quiet_hour = "A"', ("test_quiet_hour",)),
    "cut_the_follow_up": ("answer_clinic_prices", 'clinic_prices = "C"', ("test_clinic_prices",)),
    "win_new_customers": ("answer_fix_first", 'fix_first = "C"', ("test_fix_first",)),
    # Case and outer spaces do not matter, as in the self-check.
    "lower_case_letter": ("answer_quiet_hour", 'quiet_hour = " b "', ()),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with module 01 generated, the variants submitted and autograded."""
    root = tmp_path_factory.mktemp("course01")

    return root, autograde_variants(root, MODULE, NOTEBOOK, VARIANTS)


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_mistake_loses_exactly_its_task(graded, learner):
    """The mistaken task scores 0; every other autograded task keeps full marks."""
    root, points = graded
    assert grades(root, MODULE, NOTEBOOK, learner) == full_marks_but(points, VARIANTS[learner][2])


def test_judgement_tasks_are_at_least_half_the_autograded_points(graded):
    """Issue 19: situational-judgement tasks carry at least half of the autograded points."""
    _, points = graded
    judgement = {"test_call_first", "test_short_delivery", "test_harmful_line",
                 "test_quiet_hour", "test_clinic_prices", "test_fix_first"}
    assert judgement_share(points, judgement) >= 0.5
