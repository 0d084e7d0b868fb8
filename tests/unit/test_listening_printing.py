"""Tests for ccexercise.listening.printing and ``ccexercise checklist``: the mystery-shop
checklist on paper, and the module's invented conversation log and its generator.

Pages are read back with poppler (``pdfinfo``, ``pdftotext``, ``pdftoppm``),
and rendered pages are checked for ink outside the printable area, as the
card PDFs are.
"""

import importlib.util
import subprocess
from pathlib import Path

import numpy as np
import pytest

from ccexercise.cli import main
from test_cards_printing import pages, poppler, render  # noqa: F401 (poppler: skip without poppler-utils)
from test_run_sheet_pdf import text_of
from ccexercise.listening import CHECKLIST_STAGES, Stage, mystery_shop_checklist
from ccexercise.listening.printing import MARGIN, checklist_pdf, write_checklist_pdf

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "08_listening_to_customers"


def assert_inside_margins(path):
    """Every page has ink, and none of it in the 15 mm margins (less 1 mm)."""
    px = 72 / 25.4
    for page in range(1, pages(path) + 1):
        ink = render(path, page) < 200
        inside = np.zeros_like(ink)
        edge = MARGIN - 1
        inside[int(edge * px):int((297 - edge) * px) + 1, int(edge * px):int((210 - edge) * px) + 1] = True
        assert ink.any(), f"page {page} is blank"
        assert not (ink & ~inside).any(), f"page {page}: ink in the margins"


LONGEST = "W" * 40 + " " + "long words " * 10 + "x" * 9  # 160 characters


@pytest.mark.parametrize("stages", [list(CHECKLIST_STAGES), ["website"], ["stall_approach",
                                    "stall_display", "stall_paying"]])
def test_every_point_printed_inside_the_margins(stages, tmp_path):
    """Each stage's title and every point is on the paper, on 1 or 2 pages, inside the margins."""
    checklist = mystery_shop_checklist(stages, add={stages[0]: [LONGEST]})
    path, count = write_checklist_pdf(checklist, tmp_path / "c.pdf")
    assert count == pages(path) <= 2
    text = text_of(path)
    for stage in checklist.stages:
        assert stage.title in text
        for point in stage.points:
            if point is not LONGEST:
                assert " ".join(point.split()) in text
    assert text.count("Notes:") == len(checklist.stages)
    assert "Date:" in text and "Visitor:" in text
    assert_inside_margins(path)


def test_short_checklist_on_one_page_default_on_two(tmp_path):
    """Two stages fit one page; the nine-stage walk-through takes two, no stage split."""
    assert checklist_pdf(mystery_shop_checklist(["website", "paying"]))[1] == 1
    path, count = write_checklist_pdf(mystery_shop_checklist(), tmp_path / "d.pdf")
    assert count == 2
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(path), "-"],
                            capture_output=True, text=True, check=True).stdout
    for stage in mystery_shop_checklist().stages:  # each stage wholly on one page
        on_first = [p for p in stage.points if " ".join(p.split()[:4]) in " ".join(first.split())]
        on_second = [p for p in stage.points if " ".join(p.split()[:4]) in " ".join(second.split())]
        assert not (on_first and on_second), stage.key


def test_too_long_for_two_pages():
    """A checklist that cannot fit two pages is refused, not cut."""
    stages = [Stage(f"s{i}", f"Stage {i}", tuple(f"Point {j} " * 12 for j in range(8)))
              for i in range(12)]
    with pytest.raises(ValueError, match=r"^the checklist 'Mystery-shop checklist' needs more "
                       r"than 2 pages even in 8 pt type \(12 stages, 96 points\)"):
        checklist_pdf(mystery_shop_checklist(stages))


def test_not_a_checklist():
    with pytest.raises(TypeError, match=r"^checklist must be a Checklist"):
        checklist_pdf(["website"])
    with pytest.raises(TypeError, match=r"^path must be a file name or a path, got 5"):
        write_checklist_pdf(mystery_shop_checklist(), 5)


class TestCommand:
    def test_print(self, tmp_path, capsys):
        """`ccexercise checklist print` with chosen stages and an own point."""
        out = tmp_path / "visit.pdf"
        assert main(["checklist", "print", "--stages", "website, parking", "--point",
                     "parking:Is there room for a van?", "--title", "Our shop", "--out",
                     str(out)]) == 0
        assert f"wrote {out} (1 page, 2 stages, 6 points)" in capsys.readouterr().out
        text = text_of(out)
        assert "Our shop" in text and "Is there room for a van?" in text
        assert_inside_margins(out)

    def test_bad_stage_and_point(self, capsys):
        assert main(["checklist", "print", "--stages", "website,lobby"]) == 2
        assert "stages[1] must be one of the stage keys" in capsys.readouterr().err
        assert main(["checklist", "print", "--point", "no colon"]) == 2
        assert "--point must be STAGE:TEXT" in capsys.readouterr().err

    def test_stages(self, capsys):
        assert main(["checklist", "stages"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("website: Website (default), from the texts' wholesale "
                              "walk-through\n    [ ] Pick something")
        assert "service_visit: Service: the visit, from the texts' service companies" in out


class TestData:
    def test_generator_is_deterministic(self, tmp_path):
        """The generator writes exactly the committed bytes."""
        spec = importlib.util.spec_from_file_location("generate_log", DATA / "generate.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert module.main(tmp_path / "a.csv").read_bytes() == \
            (DATA / "conversations.csv").read_bytes()
