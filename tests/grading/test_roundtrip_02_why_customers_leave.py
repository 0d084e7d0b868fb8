"""Module 02's exercise through nbgrader's real command line: the mistakes learners make
in its judgement tasks, and answers of the wrong type, lose exactly that task's points;
harmless variations of a right answer keep them.

The generic round trip (test_roundtrip.py) already proves that the model answers score
full marks, that an untouched exercise scores nothing and that an unanswered task loses
its points.
"""

from __future__ import annotations

import pytest

from notebooks import autograde_variants, full_marks_but, grades, judgement_share, liar

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "02_why_customers_leave", "why_customers_leave"

LIAR = liar("manager_first", "4")

# learner -> (answer cell replaced, its source, the test cells that must score 0;
# an empty tuple means the variation is right and keeps full marks).
VARIANTS = {
    # Judgement: the plausible wrong options.
    "the_wait_not_the_rudeness": ("answer_visit_reason", "visit_reason = 1",
                                  ("test_visit_reason",)),
    "blames_the_polite_staff": ("answer_visit_category", "visit_category = 1",
                                ("test_visit_category",)),
    "voucher_by_email": ("answer_manager_first", "manager_first = 1", ("test_manager_first",)),
    "investigate_for_30_days": ("answer_manager_first", "manager_first = 2",
                                ("test_manager_first",)),
    "helpful_offer_called_harmful": ("answer_harmful_line", "harmful_line = 2",
                                     ("test_harmful_line",)),
    "keep_the_approval_rule": ("answer_discount_rule", "discount_rule = 2",
                               ("test_discount_rule",)),
    "ranked_by_customers_lost": ("answer_actions_rank", "actions_rank = [3, 4, 2, 1]",
                                 ("test_actions_rank",)),
    "ranked_by_share_kept": ("answer_actions_rank", "actions_rank = [1, 4, 2, 3]",
                             ("test_actions_rank",)),
    "one_bar_short": ("answer_vital_few", "vital_few = 4", ("test_vital_few",)),
    # Wrong types.
    "number_as_text": ("answer_manager_first", 'manager_first = "4"', ("test_manager_first",)),
    "number_as_float": ("answer_harmful_line", "harmful_line = 4.0", ("test_harmful_line",)),
    "number_as_bool": ("answer_discount_rule", "discount_rule = True", ("test_discount_rule",)),
    "lying_int": ("answer_manager_first", LIAR, ("test_manager_first",)),
    "ranking_as_tuple": ("answer_actions_rank", "actions_rank = (3, 2, 4, 1)",
                         ("test_actions_rank",)),
    "ranking_as_text": ("answer_actions_rank", 'actions_rank = "3, 2, 4, 1"',
                        ("test_actions_rank",)),
    "no_such_line": ("answer_harmful_line", "harmful_line = 6", ("test_harmful_line",)),
    # Harmless: spacing and a comment.
    "ranking_spaced_out": ("answer_actions_rank", "actions_rank = [ 3,2,  4 , 1 ]", ()),
    "choice_with_a_note": ("answer_visit_reason", "visit_reason = 2  # she rolled her eyes", ()),
}

JUDGEMENT_TASKS = {"test_visit_reason", "test_visit_category", "test_manager_first",
                   "test_harmful_line", "test_discount_rule", "test_actions_rank"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with module 02 generated, the variants submitted and autograded."""
    root = tmp_path_factory.mktemp("course02")

    return root, autograde_variants(root, MODULE, NOTEBOOK, VARIANTS)


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_mistake_loses_exactly_its_task(graded, learner):
    """The mistaken task scores 0; every other autograded task keeps full marks."""
    root, points = graded
    assert grades(root, MODULE, NOTEBOOK, learner) == full_marks_but(points, VARIANTS[learner][2])


def test_judgement_tasks_are_at_least_half_the_autograded_points(graded):
    """Situational-judgement tasks carry at least half of the autograded points."""
    _, points = graded
    assert judgement_share(points, JUDGEMENT_TASKS) >= 0.5
