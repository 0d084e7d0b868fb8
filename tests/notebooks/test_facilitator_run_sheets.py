"""Each facilitator page really reads its steps from a run sheet file, and each run sheet's
steps read as what the room sees.

The page is executed in a real kernel with ``CCEXERCISE_RUN_SHEET`` naming a
changed copy of the module's run sheet (as ``ccexercise workshop MODULE
--run-sheet FILE`` does); the step deck the page shows must hold the changed
title, not the original one. The run sheets' texts are checked without a
kernel: what the projector shows (title, body, prompts, polls) holds no
instruction for the trainer, which belongs in ``Notes:``.
"""

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from ccexercise.workshop import load_run_sheet

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted(p.parent.name for p in (REPO / "course").glob("*/facilitator.ipynb"))
SHEETS = sorted(p.parent.name for p in (REPO / "course").glob("*/run_sheet.md"))
#: Words that speak to the trainer at the laptop, not to the room: they go in Notes:.
TRAINER_ONLY = re.compile(
    r"below the steps|under the steps|run_sheet\.md|\.csv\b|type the room's|you type|"
    r"\bbelow(\s*[:.,;]|\s*$| the\b)|ask the room|"
    r"(^|[.!?]\s+)\**(show|press|use|paste|deal|collect|type|move)\b|"
    r"\b(dealer|explorer|simulator|splitter|calculator|rating form|what if panel)\b",
    re.I | re.M)
NEW_TITLE = "A step title only this test writes"


def _widget_text(nb) -> str:
    """Every widget value the executed page left behind, as one string."""
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    return json.dumps([model["state"].get("value") for model in state.get("state", {}).values()],
                      ensure_ascii=False)


@pytest.mark.notebook
@pytest.mark.parametrize("module", PAGES)
def test_page_shows_the_run_sheet_it_is_given(module, tmp_path, monkeypatch):
    original = (REPO / "course" / module / "run_sheet.md").read_text(encoding="utf-8")
    visible = re.sub(r"<!--.*?-->", "", original, flags=re.S)  # notes may show headings too
    first_heading = next(line for line in visible.splitlines() if line.startswith("## "))
    old_title = first_heading[3:first_heading.rindex("(")].strip()
    minutes = first_heading[first_heading.rindex("("):]
    copy = tmp_path / "my_run_sheet.md"
    copy.write_text(original.replace(first_heading, f"## {NEW_TITLE} {minutes}", 1),
                    encoding="utf-8")
    monkeypatch.setenv("CCEXERCISE_RUN_SHEET", str(copy))

    page = REPO / "course" / module / "facilitator.ipynb"
    nb = nbformat.read(page, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(page.parent)}}).execute()
    shown = _widget_text(nb)
    assert f">{NEW_TITLE}</h2>" in shown
    assert f">{old_title}</h2>" not in shown

    monkeypatch.delenv("CCEXERCISE_RUN_SHEET")  # and without it, the module's own file
    nb = nbformat.read(page, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(page.parent)}}).execute()
    assert f">{old_title}</h2>" in _widget_text(nb)


@pytest.mark.parametrize("module", SHEETS)
def test_what_the_room_sees_holds_no_trainer_instructions(module):
    """Each step's title, body, prompts and polls read as what the room sees on the projector;
    'below the steps', file names, 'Type the room's ...', the page's tools go in Notes:."""
    sheet = load_run_sheet(REPO / "course" / module / "run_sheet.md")
    for step in sheet.steps:
        shown = [step.title, step.body, *step.prompts, *(q.text for q in step.polls),
                 *(option for q in step.polls for option in q.options)]
        for text in shown:
            found = TRAINER_ONLY.search(text)
            assert not found, f"{module}, step {step.title!r}: {found.group()!r} in {text!r}"


def test_the_check_finds_the_old_trainer_hints():
    """The check above would have caught the texts that were moved into Notes:."""
    for old in ["Type the room's scores into the **room poll** below the steps.",
                "Show the **explorer** below: set the room's counts.",
                "Paste the names of everyone in the room into the team splitter below.",
                "Every card is saved in skit-ratings-2024-05-01.csv.",
                "Deal the first card with the dealer below.",
                "Edit run_sheet.md to change it.",
                "Ask the room to picture one **regular customer**."]:
        assert TRAINER_ONLY.search(old), old


@pytest.mark.parametrize("module", SHEETS)
def test_each_sheet_has_notes_for_the_trainer(module):
    """Each run sheet keeps its instructions for the trainer, as notes of a few words or more."""
    sheet = load_run_sheet(REPO / "course" / module / "run_sheet.md")
    notes = [note for step in sheet.steps for note in step.notes]
    assert notes, f"{module} has no notes for the trainer"
    assert all(len(note.split()) >= 4 for note in notes)


def test_session_lengths_are_unchanged():
    """Moving text into notes and adding polls kept each session's minutes."""
    minutes = {module: load_run_sheet(REPO / "course" / module / "run_sheet.md").total_minutes
               for module in SHEETS}
    assert minutes == {"00_what_is_customer_focus": 45,
                       "01_lost_customer_cost": 30, "02_why_customers_leave": 50,
                       "03_service_levels": 60,
                       "04_satisfaction_formula": 45, "05_nps": 45,
                       "06_guess_what_he_dislikes": 90, "07_soco_self_assessment": 45,
                       "08_listening_to_customers": 60}
