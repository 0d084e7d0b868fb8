"""The instructor's and the learner's nbgrader tools in JupyterLab: the Formgrader lists
the course's modules, and a learner's Validate button gives the right verdict.

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
