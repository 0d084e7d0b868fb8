"""Module 07's exercise through nbgrader's real command line: the mistakes learners
make in its judgement tasks lose exactly that task's points, and a wrong type or a
lying value is no way round them.

The generic round trip (test_roundtrip.py) already proves that the model
answers score full marks and an untouched exercise scores nothing.
"""

from __future__ import annotations

import pytest

from notebooks import autograde_variants, full_marks_but, grades, judgement_share

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "07_soco_self_assessment", "soco_self_assessment"

LIAR = '''
class Liar(list):
    """Claims to equal anything."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
selling_oriented = Liar([2, 4, 5])
'''

# learner -> (answer cell replaced, its source, the test cells that must score 0)
VARIANTS = {
    "rating_not_reversed": ("answer_reversed_points", "reversed_points = 8",
                            ("test_reversed_points",)),
    "misses_the_warranty": ("answer_selling_oriented", "selling_oriented = [4, 5]",
                            ("test_selling_oriented",)),
    "picks_the_customer_ones": ("answer_selling_oriented", "selling_oriented = [1, 3]",
                                ("test_selling_oriented",)),
    "tuple_for_list": ("answer_selling_oriented", "selling_oriented = (2, 4, 5)",
                       ("test_selling_oriented",)),
    "lying_list": ("answer_selling_oriented", LIAR, ("test_selling_oriented",)),
    "hunts_low_scorers": ("answer_first_step", "first_step = 4", ("test_first_step",)),
    "strongest_theme_first": ("answer_first_step", "first_step = 3", ("test_first_step",)),
    "celebrates_the_noise": ("answer_tell_director", "tell_director = 1",
                             ("test_tell_director",)),
    "text_for_int": ("answer_tell_director", 'tell_director = "3"', ("test_tell_director",)),
    "more_answers_is_better": ("answer_survey_design", "survey_design = 1",
                               ("test_survey_design",)),
    "feedback_with_action": ("answer_not_by_itself", "not_by_itself = 3",
                             ("test_not_by_itself",)),
    "manager_makes_five": ("answer_small_team", "small_team = 2", ("test_small_team",)),
    "bool_for_int": ("answer_small_team", "small_team = True", ("test_small_team",)),
}

JUDGEMENT = {"test_selling_oriented", "test_first_step", "test_tell_director",
             "test_survey_design", "test_not_by_itself", "test_small_team"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with module 07 generated, the variants submitted and autograded."""
    root = tmp_path_factory.mktemp("course07")

    return root, autograde_variants(root, MODULE, NOTEBOOK, VARIANTS)


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_mistake_loses_exactly_its_task(graded, learner):
    """The mistaken task scores 0; every other autograded task keeps full marks."""
    root, points = graded
    assert grades(root, MODULE, NOTEBOOK, learner) == full_marks_but(points, VARIANTS[learner][2])


def test_judgement_tasks_are_at_least_half_the_autograded_points(graded):
    """Situational-judgement tasks carry at least half of the 25 autograded points."""
    _, points = graded
    assert judgement_share(points, JUDGEMENT) >= 0.5
    assert sum(points.values()) == 25
