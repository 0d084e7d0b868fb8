"""Module 00's exercise through nbgrader's real command line: the mistakes learners make
in its judgement tasks, and answers of the wrong type, lose exactly that task's points;
harmless variations of a right answer keep them.

The generic round trip (test_roundtrip.py) already proves that the model
answers score full marks and that an untouched exercise scores nothing.
"""

from __future__ import annotations

import pytest

from notebooks import autograde_variants, full_marks_but, grades, judgement_share, liar

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "00_what_is_customer_focus", "what_is_customer_focus"

LIAR = liar("transfer_fix", "3")

# learner -> (answer cell replaced, its source, the test cells that must score 0;
# an empty tuple means the variation is right and keeps full marks).
VARIANTS = {
    # Judgement: the plausible wrong options.
    "serve_everyone_as_level_2": ("answer_situations", "situations = [2, 2, 1, 3]",
                                  ("test_situations",)),
    "refund_as_level_1": ("answer_situations", "situations = [3, 2, 1, 1]",
                          ("test_situations",)),
    "situations_as_text": ("answer_situations", 'situations = ["3", "2", "1", "3"]',
                           ("test_situations",)),
    "situations_as_tuple": ("answer_situations", "situations = (3, 2, 1, 3)",
                            ("test_situations",)),
    "receptionist_did_not_care": ("answer_broken_principle", "broken_principle = 2",
                                  ("test_broken_principle",)),
    "principle_as_float": ("answer_broken_principle", "broken_principle = 3.0",
                           ("test_broken_principle",)),
    "voucher_for_every_complaint": ("answer_transfer_fix", "transfer_fix = 1",
                                    ("test_transfer_fix",)),
    "warmer_apology": ("answer_transfer_fix", "transfer_fix = 2", ("test_transfer_fix",)),
    "transfer_as_text": ("answer_transfer_fix", 'transfer_fix = "3"', ("test_transfer_fix",)),
    "transfer_as_bool": ("answer_transfer_fix", "transfer_fix = True", ("test_transfer_fix",)),
    "lying_int": ("answer_transfer_fix", LIAR, ("test_transfer_fix",)),
    "always_right_giveaway": ("answer_always_right", "always_right = 1",
                              ("test_always_right",)),
    "rules_are_rules": ("answer_always_right", "always_right = 2", ("test_always_right",)),
    "best_and_worst_reversed": ("answer_staff_best_worst", "staff_best_worst = [1, 2]",
                                ("test_staff_best_worst",)),
    "one_off_course_as_best": ("answer_staff_best_worst", "staff_best_worst = [3, 1]",
                               ("test_staff_best_worst",)),
    "best_worst_as_text": ("answer_staff_best_worst", 'staff_best_worst = "2, 1"',
                           ("test_staff_best_worst",)),
    # The profile task: the second-lowest, a number instead of a name.
    "second_lowest": ("answer_weakest", 'weakest = "Open leaders"', ("test_weakest",)),
    "rating_not_name": ("answer_weakest", "weakest = 1", ("test_weakest",)),
    # Case, outer spaces and comments do not matter, as in the self-check.
    "name_in_lower_case": ("answer_weakest", 'weakest = "  keeping CUSTOMERS "', ()),
    "choice_with_a_note": ("answer_always_right", "always_right = 3  # fair to both", ()),
}

#: The situational-judgement tasks (issue 19: at least half of the autograded points).
JUDGEMENT = {"test_situations", "test_broken_principle", "test_transfer_fix",
             "test_always_right", "test_staff_best_worst"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with module 00 generated, the variants submitted and autograded."""
    root = tmp_path_factory.mktemp("course00")

    return root, autograde_variants(root, MODULE, NOTEBOOK, VARIANTS)


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_mistake_loses_exactly_its_task(graded, learner):
    """The mistaken task scores 0; every other autograded task keeps full marks."""
    root, points = graded
    assert grades(root, MODULE, NOTEBOOK, learner) == full_marks_but(points, VARIANTS[learner][2])


def test_judgement_tasks_are_at_least_half_the_autograded_points(graded):
    """Situational-judgement tasks carry at least half of the autograded points."""
    _, points = graded
    assert judgement_share(points, JUDGEMENT) >= 0.5
