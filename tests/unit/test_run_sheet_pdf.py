"""Tests for ccexercise.workshop.run_sheet_pdf and ``ccexercise runsheet print``: run sheets on paper.

Clock times are worked out by hand from the run sheet's minutes; pages are
read back with poppler's pdfinfo and pdftotext.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ccexercise.cli import main
from ccexercise.workshop.run_sheet_pdf import run_sheet_pdf, step_lines, write_run_sheet_pdf
from ccexercise.workshop import RunSheet, WorkshopStep, run_sheet_for


@pytest.fixture(scope="module", autouse=True)
def poppler():
    """Skip, or with CI=true fail, when poppler-utils is missing."""
    if not all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext")):
        message = ("poppler-utils (pdfinfo, pdftotext) is not installed: run "
                   "tools/system-deps.sh or apt-get install poppler-utils")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: a skipped PDF test is a failure here)")
        pytest.skip(message)


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def text_of(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(out.split())


def test_module_06_on_two_pages_with_every_step(tmp_path):
    """Module 06 (8 steps, 90 minutes) prints on 2 pages with each step's title and times."""
    sheet = run_sheet_for("06_guess_what_he_dislikes")
    path, count = write_run_sheet_pdf(sheet, tmp_path / "rs.pdf")
    assert count == pages(path) == 2
    text = text_of(path)
    for step in sheet.steps:
        assert " ".join(step.title.split()) in text
        for prompt in step.prompts:
            assert " ".join(f"Ask: {prompt}".split()) in text
    # 5 + 5 minutes before the three rounds, which take 30: 0:10 to 0:40.
    assert "0:10–0:40" in text and "30 min" in text
    assert "Prepare: Paper and pens" in text


def test_module_01_on_one_page(tmp_path):
    """Module 01's six steps fit on one page."""
    path, count = write_run_sheet_pdf(run_sheet_for("01_lost_customer_cost"), tmp_path / "a.pdf")
    assert count == pages(path) == 1


def test_too_long_for_two_pages():
    """A sheet that cannot fit two pages even in small type is refused, not cut."""
    steps = tuple(WorkshopStep(f"Step {i}", 5, "A long paragraph. " * 60) for i in range(20))
    sheet = RunSheet("Marathon", None, steps, Path("marathon.md"))
    with pytest.raises(ValueError, match="^the run sheet 'Marathon' needs more than 2 pages"):
        run_sheet_pdf(sheet)


def test_not_a_run_sheet():
    """Only a RunSheet prints."""
    with pytest.raises(TypeError, match="^sheet must be a RunSheet"):
        run_sheet_pdf("run_sheet.md")


def test_step_lines():
    """Bold marks go, list lines get bullets, prompts and materials are labelled."""
    step = WorkshopStep("Skit", 5, "Say **hello**.\n\n- one\n- two", prompts=["Why?"])
    assert step_lines(step) == [("body", "Say hello."), ("body", "• one"), ("body", "• two"),
                                ("prompt", "Ask: Why?")]


def test_command(tmp_path, capsys):
    """`ccexercise runsheet print MODULE --out F` writes the PDF and says how many pages."""
    out = tmp_path / "sheet.pdf"
    assert main(["runsheet", "print", "06_guess_what_he_dislikes", "--out", str(out)]) == 0
    assert f"wrote {out} (2 pages, 8 steps)" in capsys.readouterr().out
    assert pages(out) == 2


def test_command_unknown_module(capsys):
    """An unknown module is a clear error."""
    assert main(["runsheet", "print", "99_nothing"]) == 2
    assert "module must name a module with a run sheet" in capsys.readouterr().err
