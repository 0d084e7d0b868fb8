"""Module 08's exercise through nbgrader's real command line: the mistakes learners
make in its judgement tasks lose exactly that task's points, and harmless
variations of a right answer keep them.

The generic round trip (test_roundtrip.py) already proves that the model
answers score full marks and that an untouched exercise scores nothing.
"""

from __future__ import annotations

import pytest

from notebooks import autograde_variants, full_marks_but, grades, judgement_share, liar

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "08_listening_to_customers", "listening_to_customers"

LIAR = liar("fix_first", '"A"', base="str")

# learner -> (answer cell replaced, its source, the test cells that must score 0;
# an empty tuple means the variation is right and keeps full marks).
VARIANTS = {
    # The department that caused it, not what the customer went through.
    "blames_the_warehouse": ("answer_stage_of_problem", 'stage_of_problem = "B"',
                             ("test_stage_of_problem",)),
    "yes_no_question": ("answer_useful_question", 'useful_question = "A"',
                        ("test_useful_question",)),
    "loudest_complaint": ("answer_fix_first", 'fix_first = "A"', ("test_fix_first",)),
    "lying_str": ("answer_fix_first", LIAR, ("test_fix_first",)),
    "one_year_of_sales": ("answer_chocolates_paid", 'chocolates_paid = "A"',
                          ("test_chocolates_paid",)),
    "delegates_to_managers": ("answer_who_asks", 'who_asks = "A"', ("test_who_asks",)),
    "letter_without_quotes": ("answer_visit_window", "visit_window = B", ("test_visit_window",)),
    # The cost per improvement from 30 improvements, not 20 to 40.
    "wrong_range": ("answer_survey", "survey_answers = 40\nsurvey_gift_cost = 200\n"
                    "survey_fewest = 30\nsurvey_most = 40\nplan = cc.exit_survey_plan("
                    "answers=survey_answers, gift_cost=survey_gift_cost, improvements="
                    "(survey_fewest, survey_most))", ("test_survey",)),
    # Case and outer spaces do not matter, as in the self-check.
    "lower_case_letter": ("answer_who_asks", 'who_asks = " c "', ()),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with module 08 generated, the variants submitted and autograded."""
    root = tmp_path_factory.mktemp("course08")

    return root, autograde_variants(root, MODULE, NOTEBOOK, VARIANTS)


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_mistake_loses_exactly_its_task(graded, learner):
    """The mistaken task scores 0; every other autograded task keeps full marks."""
    root, points = graded
    assert grades(root, MODULE, NOTEBOOK, learner) == full_marks_but(points, VARIANTS[learner][2])


def test_judgement_tasks_are_at_least_half_the_autograded_points(graded):
    """Situational-judgement tasks carry at least half of the autograded points."""
    _, points = graded
    judgement = {"test_stage_of_problem", "test_useful_question", "test_fix_first",
                 "test_chocolates_paid", "test_who_asks", "test_visit_window"}
    assert judgement_share(points, judgement) >= 0.5
