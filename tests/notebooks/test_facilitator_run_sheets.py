"""Each facilitator page really reads its steps from a run sheet file.

The page is executed in a real kernel with ``CCEXERCISE_RUN_SHEET`` naming a
changed copy of the module's run sheet (as ``ccexercise workshop MODULE
--run-sheet FILE`` does); the step deck the page shows must hold the changed
title, not the original one.
"""

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted(p.parent.name for p in (REPO / "course").glob("*/facilitator.ipynb"))
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
