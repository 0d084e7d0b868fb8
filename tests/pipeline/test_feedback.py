"""``ccexercise feedback``: learners see their scores and the visible tests' messages, no hidden test.

A copy of the generated course (``new_course`` of conftest.py) gets a
wrong and a right submission, autograded with nbgrader, and
``ccexercise feedback`` (the real command) writes the pages. The wrong submission fails hidden tests (a wrong
number), visible assertions (a margin of 2.0) and a type check (text for a
number), so every kind of traceback is there to leak.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from ccexercise.pipeline.feedback import (HIDDEN_FAILURE_MESSAGE, HideHiddenTestFailures,
                                          feedback_preprocessors, find_leaks, hidden_test_lines,
                                          html_text)

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"
WRONG = {
    "answer_spend_in_year_5": "spend_in_year_5 = 20000",            # hidden test fails
    "answer_lost_revenue_5_years": "lost_revenue_5_years = 71000",  # hidden test fails
    "answer_margin": "margin = 2.0",                                # visible assert fails
    "answer_people_who_hear": 'people_who_hear = "48"',             # visible type check fails
}
# Text that only the hidden tests contain (18000: the right year-5 amount, which this
# learner got wrong; other expected values also appear in the notebook's own tables).
HIDDEN_ONLY = ["_exactly(", "HIDDEN TESTS", "18000", "tolerance=", "LostCustomerCost as _Cost",
               "_exactly(lost_revenue_5_years, 70000)"]


@pytest.fixture(scope="module")
def course(new_course, kit):
    """A copy of the session's generated course, two submissions autograded, feedback written."""
    root = new_course()
    kit.make_submission(root, "wrong", MODULE, answers=dict(kit.model_answers(MODULE), **WRONG))
    kit.make_submission(root, "right", MODULE, answers="model")
    # hidden-test markers typed into an answer cell must not cost the learner their feedback
    kit.make_submission(root, "sneaky", MODULE, answers=dict(kit.model_answers(MODULE), **{
        "answer_margin": "### BEGIN HIDDEN TESTS\nmargin = 0.2\n### END HIDDEN TESTS"}))
    kit.run_nbgrader(root, "autograde", MODULE, "--force")
    result = kit.run_cli(root, "feedback")
    return root, result.stdout


def page(root: Path, learner: str) -> str:
    return (root / "feedback" / learner / MODULE / f"{NOTEBOOK}.html").read_text(encoding="utf-8")


def test_command_reports_the_pages_it_wrote(course):
    root, out = course
    assert f"{MODULE}: feedback for 3 learner(s)" in out
    assert "HIDDEN TEST SHOWN" not in out


@pytest.mark.parametrize("text", HIDDEN_ONLY)
def test_wrong_submission_feedback_shows_no_hidden_test_text(course, text):
    root, _ = course
    assert text not in html_text(page(root, "wrong"))
    assert text not in page(root, "wrong")


def test_no_line_of_any_hidden_test_appears_in_any_page(course):
    root, _ = course
    hidden = hidden_test_lines(root / "solutions" / MODULE / f"{NOTEBOOK}.ipynb")
    assert len(hidden) >= 10  # the check below has something to find
    for learner in ("wrong", "right", "sneaky"):
        assert find_leaks(page(root, learner), hidden) == [], learner


def test_feedback_still_shows_scores_and_visible_messages(course):
    root, _ = course
    text = html_text(page(root, "wrong"))
    # 20 points in all; tasks 1, 2, 3 and 6 lost (1 + 2 + 1 + 1), the reflection not marked yet
    assert re.search(r"Score: 10(\.0)? / 20(\.0)?", text), text[:2000]
    assert "A share is between 0 and 1: for example 35% is written 0.35." in text
    assert "people_who_hear should be a whole number (like 42), but it is text in quotes" in text
    assert text.count(HIDDEN_FAILURE_MESSAGE) == 2
    right = html_text(page(root, "right"))
    assert re.search(r"Score: 15(\.0)? / 20(\.0)?", right)
    assert HIDDEN_FAILURE_MESSAGE not in right


def test_stock_clear_hidden_tests_alone_would_leak_and_ours_does_not(course):
    """The reason for the extra preprocessor, shown on the real autograded notebook."""
    from nbconvert import HTMLExporter
    from nbgrader.preprocessors import ClearHiddenTests

    root, _ = course
    autograded = nbformat.read(root / "autograded" / "wrong" / MODULE / f"{NOTEBOOK}.ipynb",
                               as_version=4)
    hidden = hidden_test_lines(root / "solutions" / MODULE / f"{NOTEBOOK}.ipynb")
    exporter = HTMLExporter(template_name="basic")

    stock, _ = ClearHiddenTests().preprocess(nbformat.from_dict(autograded), {})
    leaked = find_leaks(exporter.from_notebook_node(stock)[0], hidden)
    assert "assert _exactly(spend_in_year_5, 18000)" in leaked
    # the context lines shown around a failing line are hidden-test lines too
    assert "from ccexercise.grading import exactly as _exactly" in leaked

    ours, _ = HideHiddenTestFailures().preprocess(nbformat.from_dict(autograded), {})
    ours, _ = ClearHiddenTests().preprocess(ours, {})
    assert find_leaks(exporter.from_notebook_node(ours)[0], hidden) == []


# --------------------------------------------------------------------------
# The preprocessor on hand-made cells (no nbgrader run)
# --------------------------------------------------------------------------

TEST_SOURCE = """expect_type(x, int, name="x")
assert x > 1, "x should be more than 1."
### BEGIN HIDDEN TESTS
assert _exactly(x, 42)
### END HIDDEN TESTS"""


def error(line: int | None, ename="AssertionError", evalue="") -> dict:
    where = f"\x1b[36mCell\x1b[39m \x1b[32mIn[7]\x1b[39m\x1b[32m, line {line}\x1b[39m\n" if line else ""
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[
        "\x1b[31m-----\x1b[39m", f"\x1b[31m{ename}\x1b[39m   Traceback (most recent call last)",
        where + "      3 ### BEGIN HIDDEN TESTS\n----> 4 assert _exactly(x, 42)\n",
        f"{ename}: {evalue}"])


def run_cell(outputs, source=TEST_SOURCE):
    cell = nbformat.v4.new_code_cell(source, outputs=outputs)
    nb = nbformat.v4.new_notebook(cells=[cell])
    HideHiddenTestFailures().preprocess(nb, {})
    return nb.cells[0].outputs


def test_hidden_failure_becomes_one_plain_sentence():
    [out] = run_cell([error(4)])
    assert out["traceback"] == [HIDDEN_FAILURE_MESSAGE] and out["evalue"] == HIDDEN_FAILURE_MESSAGE


def test_visible_failure_keeps_its_message_and_drops_the_quoted_source():
    [out] = run_cell([error(2, evalue="x should be more than 1.")])
    assert out["traceback"] == ["AssertionError: x should be more than 1."]


def test_failure_it_cannot_place_is_treated_as_hidden():
    [out] = run_cell([error(None, ename="KeyboardInterrupt")])
    assert out["traceback"] == [HIDDEN_FAILURE_MESSAGE]


def test_printed_output_of_a_cell_with_hidden_tests_is_dropped():
    printed = nbformat.v4.new_output("stream", name="stdout", text="expected 42\n")
    assert run_cell([printed]) == []


def test_cells_without_hidden_tests_are_left_alone():
    outputs = [error(2, evalue="x should be more than 1.")]
    assert run_cell(outputs, source="assert x > 1, 'x should be more than 1.'") == outputs


def test_pipeline_puts_the_filter_before_clear_hidden_tests_and_keeps_the_rest():
    from nbgrader.preprocessors import GetGrades

    assert feedback_preprocessors([GetGrades, "nbgrader.preprocessors.ClearHiddenTests",
                                   "my.Extra"]) == [
        "nbgrader.preprocessors.getgrades.GetGrades",
        "ccexercise.pipeline.feedback.HideHiddenTestFailures",
        "nbgrader.preprocessors.ClearHiddenTests", "my.Extra"]
    assert feedback_preprocessors(None)[:3] == [
        "nbgrader.preprocessors.GetGrades", "ccexercise.pipeline.feedback.HideHiddenTestFailures",
        "nbgrader.preprocessors.ClearHiddenTests"]
