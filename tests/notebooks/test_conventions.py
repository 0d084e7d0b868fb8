"""Every module's notebooks follow the course skeleton (nbval runs them; this checks their shape)."""

import re
from pathlib import Path

import nbformat
import pytest

from ccexercise.workshop import load_run_sheet

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted(p.name for p in (REPO / "course").iterdir() if p.is_dir()
                 and not p.name.startswith("."))


def _text(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_every_module_has_the_same_slug_in_every_folder():
    """course/, solutions/ and exercises/ hold the same module slugs."""
    solutions = sorted(p.name for p in (REPO / "solutions").iterdir() if p.is_dir())
    exercises = sorted(p.name for p in (REPO / "exercises").iterdir() if p.is_dir())
    assert MODULES == solutions == exercises
    assert all(re.fullmatch(r"\d\d_[a-z_]+", m) for m in MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_lesson_opens_with_the_header_and_ends_with_key_points(module):
    """A lesson starts with objectives, duration and needs, and ends with key points and the exercise link."""
    nb = nbformat.read(REPO / "course" / module / "lesson.ipynb", as_version=4)
    header = nb.cells[0].source
    assert header.startswith("# ")
    for part in ("You will be able to", "Time:", "What you need:"):
        assert part in header, part
    last = nb.cells[-1].source
    assert "## Key points" in last
    links = re.findall(r"\]\(([^)]+\.ipynb)\)", last)
    assert links and all((REPO / "course" / module / link).resolve().exists() for link in links)


@pytest.mark.parametrize("module", MODULES)
def test_widget_cells_are_excluded_from_output_comparison(module):
    """Cells that show widgets carry the nbval-ignore-output tag."""
    for name in ("lesson.ipynb", "facilitator.ipynb"):
        nb = nbformat.read(REPO / "course" / module / name, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and "cc.widgets." in cell.source:
                assert "nbval-ignore-output" in cell.metadata.get("tags", []), cell.source


@pytest.mark.parametrize("module", MODULES)
def test_committed_notebooks_hold_no_stale_widget_state(module):
    """Executed notebooks are committed without widget state, which would go stale."""
    for path in (REPO / "course" / module).glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert "widgets" not in nb.metadata, path.name


@pytest.mark.parametrize("module", MODULES)
def test_facilitator_page_steps_fit_the_stated_duration(module):
    """The run sheet's steps fill the session it states (the page's header announces it)."""
    sheet = load_run_sheet(REPO / "course" / module / "run_sheet.md")
    assert sheet.session_minutes == sheet.total_minutes


@pytest.mark.parametrize("module", MODULES)
def test_facilitator_page_reads_its_run_sheet(module):
    """The page is a FacilitatorPage built from the module's run sheet, not steps in code."""
    nb = nbformat.read(REPO / "course" / module / "facilitator.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert f'page = cc.widgets.FacilitatorPage("{module}"' in code
    assert "WorkshopStep(" not in code


@pytest.mark.parametrize("module", MODULES)
def test_facilitator_page_shows_nothing_outside_its_views(module):
    """Voila shows every Markdown cell in every view, so a facilitator page has none: what the
    room sees goes through the projector view, the trainer's hints through the presenter's."""
    nb = nbformat.read(REPO / "course" / module / "facilitator.ipynb", as_version=4)
    assert [c.cell_type for c in nb.cells if c.cell_type != "code"] == []
    for cell in nb.cells[1:]:
        assert cell.source.lstrip().startswith(("page.", "#")), cell.source


@pytest.mark.parametrize("module", MODULES)
def test_exercise_points_add_up_to_a_round_total_stated_in_the_intro(module):
    """Task headings, cell metadata and the intro agree on points, and the total is round."""
    for path in (REPO / "solutions" / module).glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        meta = [c.metadata.get("nbgrader", {}) for c in nb.cells]
        points = {m["grade_id"]: m["points"] for m in meta if m.get("grade")}
        total = sum(points.values())
        assert total % 10 == 0
        assert f"{total:g} points in all" in nb.cells[0].source
        for cell in nb.cells:
            heading = re.match(r"## Task (\d+) \((\d+) points?\)", cell.source)
            if heading:
                gid = cell.metadata["nbgrader"]["grade_id"].removeprefix("task_")
                assert points[f"test_{gid}"] == int(heading.group(2)), gid


@pytest.mark.parametrize("module", MODULES)
def test_every_answer_cell_has_a_locked_test_cell(module):
    """Each answer_<name> cell has a graded, locked test_<name> cell after it, with hidden tests."""
    for path in (REPO / "solutions" / module).glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        ids = [c.metadata.get("nbgrader", {}).get("grade_id", "") for c in nb.cells]
        for i, gid in enumerate(ids):
            if gid.startswith("answer_"):
                test = "test_" + gid.removeprefix("answer_")
                assert test in ids[i:], gid
                cell = nb.cells[ids.index(test)]
                assert cell.metadata["nbgrader"]["locked"] and cell.metadata["nbgrader"]["grade"]
                assert "### BEGIN HIDDEN TESTS" in cell.source
                assert cell.source.startswith('"""'), "test cells open with a one-line docstring"


def test_course_map_links_every_module():
    """The course index links each module's lesson, facilitator page and exercise."""
    nb = nbformat.read(REPO / "course" / "index.ipynb", as_version=4)
    text = _text(nb)
    for module in MODULES:
        for target in (f"{module}/lesson.ipynb", f"{module}/facilitator.ipynb",
                       f"../exercises/{module}/"):
            assert target in text, target
    for link in re.findall(r"\]\(([^)]+\.ipynb)\)", text):
        assert (REPO / "course" / link).resolve().exists(), link


@pytest.mark.parametrize("folder", ["course", "solutions", "exercises"])
def test_no_todo_or_placeholder_in_notebooks(folder):
    """No lesson or exercise says TODO, FIXME or lorem ipsum."""
    for path in (REPO / folder).rglob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            assert not re.search(r"\b(TODO|FIXME|lorem ipsum)\b", cell.source, re.I), path
