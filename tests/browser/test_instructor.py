"""The instructor's and the learner's nbgrader tools in JupyterLab: the Formgrader lists
the course's modules, its Autograde button grades a hostile submission inside the
sandbox, and a learner's Validate button gives the right verdict.

JupyterLab runs in the course copy (nbgrader's server extensions read its
nbgrader_config.py), after ``nbgrader generate_assignment`` has put every module in
the copy's gradebook (see conftest.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import browser_helpers as bh

EXERCISES = sorted(p.relative_to(bh.REPO).as_posix()
                   for p in bh.REPO.glob("exercises/*/*.ipynb"))
SUCCESS = "Success! Your notebook passes all the tests."


def _expect(*args, **kwargs):
    from playwright.sync_api import expect
    return expect(*args, **kwargs)


def test_formgrader_lists_every_module(page, lab_server, artifacts):
    bh.open_in_lab(page, lab_server, "course/index.ipynb")
    bh.lab_menu(page, "Nbgrader", re.compile(r"^Formgrader$"))
    formgrader = page.frame_locator("iframe[src*='formgrader']")
    _expect(formgrader.get_by_text("Manage Assignments").first).to_be_visible()
    for module in sorted(p.name for p in (bh.REPO / "solutions").iterdir()
                         if p.is_dir() and p.name[:2].isdigit()):
        _expect(formgrader.get_by_role("link", name=module, exact=True).first
                ).to_be_visible(timeout=bh.UI_TIMEOUT)
    page.screenshot(path=str(artifacts / "formgrader.png"))


def _validate(page, artifacts: Path, name: str):
    """Click the notebook's Validate button; return the results dialog once it is up."""
    page.get_by_role("button", name="Validate").click()
    dialog = page.locator(".jp-Dialog")
    _expect(dialog.get_by_text("Validation Results")).to_be_visible(timeout=bh.RUN_TIMEOUT)
    page.screenshot(path=str(artifacts / f"{name}.png"))
    return dialog


@pytest.mark.skipif(not EXERCISES, reason="no exercise notebook under exercises/")
def test_validate_fails_an_untouched_exercise_and_passes_the_model_answers(
        page, lab_server, course_copy, artifacts):
    exercise = EXERCISES[0]
    module, name = Path(exercise).parent.name, Path(exercise).name
    answered = Path(exercise).with_name(Path(exercise).stem + "_answered.ipynb").as_posix()
    bh.write_answered(course_copy / exercise, bh.REPO / "solutions" / module / name,
                      course_copy / answered)

    bh.open_in_lab(page, lab_server, exercise)
    dialog = _validate(page, artifacts, "validate-untouched")
    _expect(dialog.locator(".validation-failed")).to_be_visible()
    _expect(dialog.get_by_text("The following cell failed:").first).to_be_visible()
    _expect(dialog.get_by_text(SUCCESS)).to_have_count(0)
    dialog.get_by_role("button", name="Ok").click()
    _expect(dialog).to_have_count(0)

    bh.open_in_lab(page, lab_server, answered)
    dialog = _validate(page, artifacts, "validate-answered")
    _expect(dialog.locator(".validation-success")).to_have_text(SUCCESS)


# A learner's answer cell that tries to read the model answers and the gradebook, to
# write outside its folder, and then to make every later test cell pass by rewriting
# any cell with an ``assert`` into ``pass`` (stock nbgrader gives that full marks).
HOSTILE = '''import pathlib
for target in ["../../../solutions/01_lost_customer_cost/lost_customer_cost.ipynb",
               "../../../gradebook.db"]:
    try:
        print("READ", target, len(pathlib.Path(target).read_bytes()))
    except OSError as error:
        print("BLOCKED", target, type(error).__name__)
try:
    pathlib.Path("../../../escaped.txt").write_text("out of the sandbox")
    print("WROTE escaped.txt")
except OSError as error:
    print("BLOCKED write", type(error).__name__)

def _rewrite(lines):
    return ["pass\\n"] if any("assert" in line for line in lines) else lines
get_ipython().input_transformers_cleanup.append(_rewrite)
'''


def _cell(notebook, grade_id: str):
    [cell] = [c for c in notebook.cells
              if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    return cell


def _autograded_points(solution: Path) -> dict[str, float]:
    import nbformat

    return {cell.metadata.nbgrader["grade_id"]: cell.metadata.nbgrader["points"]
            for cell in nbformat.read(solution, as_version=4).cells
            if cell.metadata.get("nbgrader", {}).get("grade")
            and cell.cell_type == "code"}


def _first_answer(solution: Path) -> str:
    """grade_id of the notebook's first answer cell: every test cell comes after it."""
    import nbformat

    return next(cell.metadata.nbgrader["grade_id"]
                for cell in nbformat.read(solution, as_version=4).cells
                if cell.metadata.get("nbgrader", {}).get("solution")
                and cell.cell_type == "code")


def test_formgrader_autograde_button_grades_a_hostile_submission_in_the_sandbox(
        page, lab_server, course_copy, artifacts):
    """The instructor clicks Autograde in the Formgrader on a submission that tries to
    read the answers, write outside its folder and rewrite later test cells: the
    sandbox blocks all three, and only the honest answers score."""
    import nbformat

    module, name, learner = "01_lost_customer_cost", "lost_customer_cost", "mallory"
    solution = bh.REPO / "solutions" / module / f"{name}.ipynb"
    folder = course_copy / "submitted" / learner / module
    folder.mkdir(parents=True)
    submission = bh.write_answered(course_copy / "exercises" / module / f"{name}.ipynb",
                                   solution, folder / f"{name}.ipynb")
    notebook = nbformat.read(submission, as_version=4)
    hostile_cell = _first_answer(solution)
    hostile_test = "test_" + hostile_cell.removeprefix("answer_")
    _cell(notebook, hostile_cell).source = HOSTILE
    nbformat.write(notebook, submission)
    (folder / "timestamp.txt").write_text("2026-12-01 09:00:00.000000 UTC")

    bh.open_in_lab(page, lab_server, "course/index.ipynb")
    bh.lab_menu(page, "Nbgrader", re.compile(r"^Formgrader$"))
    formgrader = page.frame_locator("iframe[src*='formgrader']")
    row = formgrader.locator("tr", has=formgrader.get_by_role("link", name=module, exact=True))
    row.locator(".num-submissions a").click()
    learner_row = formgrader.locator("tr", has_text=learner)
    _expect(learner_row).to_be_visible(timeout=bh.UI_TIMEOUT)
    learner_row.locator(".autograde a").click()
    modal = formgrader.locator("#success-modal")
    _expect(modal).to_be_visible(timeout=300_000)
    _expect(modal).to_contain_text("ccexercise: grading isolation")
    page.screenshot(path=str(artifacts / "autograded.png"))
    modal.get_by_role("button", name="OK").click()
    _expect(modal).to_be_hidden()
    points = _autograded_points(solution)
    honest = sum(points.values()) - points[hostile_test]
    _expect(learner_row.locator(".score")).to_have_text(re.compile(rf"^{honest:g} / "))
    page.screenshot(path=str(artifacts / "submissions.png"))

    graded = nbformat.read(course_copy / "autograded" / learner / module / f"{name}.ipynb",
                           as_version=4)
    printed = "".join(o.get("text", "")
                      for o in _cell(graded, hostile_cell).outputs)
    assert printed.count("BLOCKED") == 3 and "READ" not in printed, printed
    assert not (course_copy / "escaped.txt").exists()

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_copy / 'gradebook.db'}") as gradebook:
        scores = {grade.name: grade.score for grade in gradebook.find_submission_notebook(
            name, module, learner).grades}
    assert {g: scores[g] for g in points} == {**points, hostile_test: 0}
