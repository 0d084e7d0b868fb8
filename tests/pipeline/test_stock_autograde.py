"""Stock ``nbgrader autograde`` (what the Formgrader's button runs too) is as safe as ``ccexercise grade``.

The course's ``nbgrader_config.py`` swaps nbgrader's ``Execute`` for the
kit's :class:`ccexercise.pipeline.stock.SandboxedExecute`. Run through the
real ``nbgrader autograde`` command line:

* a submission that registers an input transformer rewriting every later
  cell with an ``assert`` into ``pass``, and answers nothing, scores 0
  (stock nbgrader gave it every autograded point);
* learner code that reads ``solutions/`` gets an error, not the file;
* the model answers still score every autograded point of the exercise.
"""

from __future__ import annotations

import os
import shutil

import nbformat
import pytest

pytestmark = pytest.mark.grading

MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"
REWRITE = '''
def _rewrite(lines):
    return ["pass\\n"] if any("assert" in line for line in lines) else lines
get_ipython().input_transformers_cleanup.append(_rewrite)
'''
SNOOP = ("text = open('../../../solutions/01_lost_customer_cost/lost_customer_cost.ipynb').read()\n"
         "harmful_line = 3")


@pytest.fixture(scope="module")
def autograded(course, kit):
    root = course
    model = kit.model_answers()
    kit.make_submission(root, "model", answers=model)
    first = next(iter(model))  # the first answer cell: every test cell comes after it
    kit.make_submission(root, "rewriter", answers={first: REWRITE})
    kit.make_submission(root, "snoop", answers=dict(model, answer_harmful_line=SNOOP))
    shout = "import os\nos.write(1, b'SHOUTED-AT-THE-GRADER\\n')\n"
    kit.make_submission(root, "shouter", answers=dict(
        model, answer_harmful_line=shout + model["answer_harmful_line"]))
    result = kit.run_nbgrader(root, "autograde", MODULE, "--force")
    (root / "autograde-output.txt").write_text(result.stdout + result.stderr)
    return root


def _total(kit, root, learner) -> float:
    grades = kit.gradebook_grades(root, MODULE, learner)
    return sum(grades[g] or 0 for g in kit.autograded_points())


def test_config_puts_the_guarded_sandboxed_execution_in_autograde(course):
    from ccexercise.pipeline import stock
    from ccexercise.pipeline.course import load_config

    config = load_config(course)
    assert config.Autograde.autograde_preprocessors[0] == \
        "ccexercise.pipeline.stock.SandboxedExecute"
    assert config.Execute.timeout == stock.CELL_TIMEOUT


def test_model_answers_still_score_full_marks(autograded, kit):
    assert _total(kit, autograded, "model") == kit.full_points()


def test_an_input_transformer_cannot_pass_tests_under_stock_autograde(autograded, kit):
    assert _total(kit, autograded, "rewriter") == 0


def test_kernels_print_nothing_on_the_instructors_terminal(autograded, kit):
    """The kernels' own stdout (ipykernel's connection banner, learner code writing to
    file descriptor 1) stays out of the instructor's terminal (and the Jupyter server's
    log, for the Formgrader's button); the learner who wrote to it still scores."""
    output = (autograded / "autograde-output.txt").read_text()
    for text in ("SHOUTED-AT-THE-GRADER", "To connect another client", "--existing"):
        assert text not in output, text
    assert _total(kit, autograded, "shouter") == kit.full_points()


def test_learner_code_cannot_read_solutions_under_stock_autograde(autograded, kit):
    if shutil.which("bwrap") is None and os.environ.get("CI") != "true":
        pytest.skip("bubblewrap is not installed here, so the kernel is not sandboxed")
    nb = nbformat.read(autograded / "autograded" / "snoop" / MODULE / f"{NOTEBOOK}.ipynb",
                       as_version=4)
    outputs = nb.cells[kit.cell_index(nb, "answer_harmful_line")].outputs
    errors = [o.get("ename") for o in outputs if o.get("output_type") == "error"]
    assert errors and errors[0] in ("FileNotFoundError", "PermissionError"), outputs
    assert kit.gradebook_grades(autograded, MODULE, "snoop")["test_harmful_line"] == 0
    assert _total(kit, autograded, "snoop") == (
        kit.full_points() - kit.autograded_points()["test_harmful_line"])
