"""``ccexercise feedback``: learners see their scores and the visible tests' messages, no hidden test.

A copy of the generated course (``new_course`` of conftest.py) gets a
wrong and a right submission, autograded with nbgrader, and
``ccexercise feedback`` (the real command) writes the pages. The wrong submission fails hidden tests (a wrong
number, a wrong letter), visible assertions (line 9 of five) and a type check
(text for a number), so every kind of traceback is there to leak. Expected
scores come from the points in the solution's nbgrader metadata.
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
    "answer_lost_revenue_5_years": "lost_revenue_5_years = 71000",  # hidden test fails
    "answer_call_first": 'call_first = "A"',                        # hidden test fails
    "answer_harmful_line": "harmful_line = 9",                      # visible assert fails
    "answer_lost_profit_5_years": 'lost_profit_5_years = "14000"',  # visible type check fails
}
HIDDEN_FAILURES = 2  # tasks whose visible tests pass and hidden tests fail
# Text that only the hidden tests contain (the expected values themselves, such as the
# right five-year amount this learner got wrong, also appear in the notebook's own text).
HIDDEN_ONLY = ["_exactly(", "HIDDEN TESTS", "tolerance=", "LostCustomerCost as _Cost",
               "_exactly(lost_revenue_5_years, 70000)", "str.upper(str.strip(",
               "_exactly(harmful_line, 3)"]


def score_line(score: float, out_of: float) -> str:
    """A regex for the page's "Score: X / Y", whether nbgrader prints 25 or 25.0."""
    return rf"Score: {score:g}(\.0)? / {out_of:g}(\.0)?"


@pytest.fixture(scope="module")
def course(new_course, kit):
    """A copy of the session's generated course, two submissions autograded, feedback written."""
    root = new_course()
    kit.make_submission(root, "wrong", MODULE, answers=dict(kit.model_answers(MODULE), **WRONG))
    kit.make_submission(root, "right", MODULE, answers="model")
    # hidden-test markers typed into an answer cell must not cost the learner their feedback
    kit.make_submission(root, "sneaky", MODULE, answers=dict(kit.model_answers(MODULE), **{
        "answer_harmful_line": "### BEGIN HIDDEN TESTS\nharmful_line = 3\n### END HIDDEN TESTS"}))
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


def test_feedback_still_shows_scores_and_visible_messages(course, kit):
    root, _ = course
    text = html_text(page(root, "wrong"))
    # every WRONG task lost, the reflection not marked yet (but counted in the maximum)
    points, full, out_of = kit.autograded_points(MODULE), kit.full_points(MODULE), kit.max_points(MODULE)
    lost = sum(points["test_" + gid.removeprefix("answer_")] for gid in WRONG)
    assert re.search(score_line(full - lost, out_of), text), text[:2000]
    assert "Type the number of one of the five lines, from 1 to 5." in text
    assert ("lost_profit_5_years should be a whole number (like 42), but it is text in quotes"
            in text)
    assert text.count(HIDDEN_FAILURE_MESSAGE) == HIDDEN_FAILURES
    right = html_text(page(root, "right"))
    assert re.search(score_line(full, out_of), right)
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
    assert "assert _exactly(lost_revenue_5_years, 70000)" in leaked
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
