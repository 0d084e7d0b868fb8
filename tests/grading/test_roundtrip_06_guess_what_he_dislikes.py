"""Module 06's exercise through nbgrader: wrong choices, wrong types, copied cards and liars
lose exactly their task.

Each submission is the model answer with one task changed; it must lose
that task's points and nothing else. Most tasks are situational-judgement
items (a number, or numbers in square brackets, naming the chosen options);
the plausible wrong options score 0. The card task is graded by the card
checker, so a card with a mistake, or a copy of a built-in card, scores 0.
"""

from __future__ import annotations

import pytest

from notebooks import autograde_submissions, grades, liar

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "06_guess_what_he_dislikes", "guess_what_he_dislikes"

LIAR = liar("best_move", "1")

BUILTIN_COPY = '''
from ccexercise.cards import load_deck
my_card = dict(load_deck("dislike").by_id("D03").values)
my_card["id"] = "MY1"
'''

CARD_WITH_MISTAKE = '''
my_card = {
    "id": "MY1", "title": "Cold soup", "setting": "canteen",
    "persona": "An office worker on a short break.", "difficulty": "easy",
    "hidden_reason": "The soup was served cold and nobody offered to warm it.",
    "category": "food",
    "may_say": ["It's fine, really."], "signals": ["Stirs the soup"], "debrief": ["What would you do?"],
}
'''

# submission name -> (answer cell, its new source, the test cell that must lose its points)
VARIANTS = {
    "wrong_letters": ("answer_signals_match", 'signals_match = "ABC"', "test_signals_match"),
    "letters_as_list": ("answer_signals_match", 'signals_match = ["C", "B", "A"]',
                        "test_signals_match"),
    "guess_ruled_out": ("answer_best_move", "best_move = 2", "test_best_move"),
    "discount_first": ("answer_best_move", "best_move = 3", "test_best_move"),
    "move_as_text": ("answer_best_move", 'best_move = "1"', "test_best_move"),
    "move_as_float": ("answer_best_move", "best_move = 1.0", "test_best_move"),
    "move_as_bool": ("answer_best_move", "best_move = True", "test_best_move"),
    "lying_int": ("answer_best_move", LIAR, "test_best_move"),
    "plain_fact_called_harmful": ("answer_harmful_line", "harmful_line = 2", "test_harmful_line"),
    "no_such_line": ("answer_harmful_line", "harmful_line = 6", "test_harmful_line"),
    "best_right_worst_wrong": ("answer_debrief_best_worst", "debrief_best_worst = [4, 2]",
                               "test_debrief_best_worst"),
    "best_and_worst_reversed": ("answer_debrief_best_worst", "debrief_best_worst = [1, 4]",
                                "test_debrief_best_worst"),
    "best_worst_as_text": ("answer_debrief_best_worst", 'debrief_best_worst = "4, 1"',
                           "test_debrief_best_worst"),
    "best_worst_as_tuple": ("answer_debrief_best_worst", "debrief_best_worst = (4, 1)",
                            "test_debrief_best_worst"),
    "explain_and_vocabulary_swapped": ("answer_games_for_teams", "games_for_teams = [4, 2, 3, 1]",
                                       "test_games_for_teams"),
    "games_as_text": ("answer_games_for_teams", 'games_for_teams = ["3", "2", "4", "1"]',
                      "test_games_for_teams"),
    "sales_offer_as_small_talk": ("answer_small_talk_opening", "small_talk_opening = 1",
                                  "test_small_talk_opening"),
    "card_with_mistake": ("answer_my_card", CARD_WITH_MISTAKE, "test_my_card"),
    "builtin_card_copied": ("answer_my_card", BUILTIN_COPY, "test_my_card"),
    "card_untouched": ("answer_my_card", None, "test_my_card"),
}
# Accepted variants: the same answer in another harmless form loses nothing.
ACCEPTED = {
    "lower_case_letters": ("answer_signals_match", 'signals_match = " cba "'),
    "choice_with_a_note": ("answer_small_talk_opening",
                           "small_talk_opening = 3  # she told me about the exams"),
    "list_spaced_out": ("answer_games_for_teams", "games_for_teams = [ 3,2,  4 , 1 ]"),
    "card_lists_as_text": ("answer_my_card", None),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The module's exercise generated, every variant submitted and autograded."""
    root = tmp_path_factory.mktemp("course06")
    return root, autograde_submissions(root, MODULE, NOTEBOOK, _submissions)


def _submissions(model, release):
    """Each variant's answer cells: the model answers with one cell changed."""
    stub = {c.metadata["nbgrader"]["grade_id"]: c.source for c in release.cells
            if c.metadata.get("nbgrader", {}).get("solution")}
    subs = {}
    for name, (cell, new, _test) in VARIANTS.items():
        subs[name] = dict(model, **{cell: stub[cell] if new is None else new})
    for name, (cell, new) in ACCEPTED.items():
        if new is None:  # list fields written as one text with '|' between items
            new = model[cell].replace('["I did book, you know.", "Shows an email on his phone", '
                                      '"Asks for the manager\'s name"]',
                                      '"I did book, you know. | Shows an email on his phone"')
            assert new != model[cell]
        subs[name] = dict(model, **{cell: new})
    return subs


def _grades(root, learner) -> dict[str, float]:
    return grades(root, MODULE, NOTEBOOK, learner)


@pytest.mark.parametrize("learner", sorted(VARIANTS))
def test_wrong_answer_loses_exactly_its_task(graded, learner):
    """The changed task scores 0; every other autograded task keeps full marks."""
    root, points = graded
    lost = VARIANTS[learner][2]
    grades = _grades(root, learner)
    for grade_id, full in points.items():
        assert grades[grade_id] == (0 if grade_id == lost else full), grade_id


@pytest.mark.parametrize("learner", sorted(ACCEPTED))
def test_harmless_variant_loses_nothing(graded, learner):
    """Lower case, outer spaces, a comment or a card list written as text still earn full marks."""
    root, points = graded
    assert _grades(root, learner) == points
