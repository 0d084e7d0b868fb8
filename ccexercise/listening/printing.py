"""The mystery-shop checklist on one or two A4 pages, to carry on a visit.

Each stage gets its title, one box to tick per point and ruled lines for
notes; a header asks for the date, the place and the visitor. The type gets
smaller until the checklist fits two pages (one page, if it fits there in
10 pt type or larger); a stage is never split across pages. Everything is
drawn inside the 15 mm margins (the tests render the pages and look).

>>> from ccexercise.listening import mystery_shop_checklist
>>> pdf, pages = checklist_pdf(mystery_shop_checklist())
>>> pdf[:5], pages
(b'%PDF-', 2)
>>> checklist_pdf(mystery_shop_checklist(["website", "paying"]))[1]
1
>>> checklist_pdf("website")
Traceback (most recent call last):
    ...
TypeError: checklist must be a Checklist (from cc.mystery_shop_checklist(...)), got 'website' (a str)
"""

from __future__ import annotations

from pathlib import Path

from .._pdf import line_height, new_pdf, text_block, write_pdf
from ._checklist import Checklist

__all__ = ["checklist_pdf", "write_checklist_pdf"]

MARGIN = 15.0
PAGE_W, PAGE_H = 210.0, 297.0
MAX_PAGES = 2
SIZES = (11, 10.5, 10, 9.5, 9, 8.5, 8)  # text sizes tried, largest first
ONE_PAGE_SIZE = 10
NOTE_LINES = 2  # ruled lines for notes under each stage
TEXT = (26, 26, 26)
MUTED = (90, 90, 90)
RULE = (160, 160, 160)
INTRO = ("Visit as a customer would, not as the owner. Tick a box when the point was fine; "
         "leave it empty and write what happened when it was not.")


def _stage_height(pdf, stage, size: float) -> float:
    width = PAGE_W - 2 * MARGIN - 8
    pdf.set_font("DejaVu", "", size)
    height = line_height(size * 1.2) + 1.5
    for point in stage.points:
        lines = pdf.multi_cell(width, line_height(size), point, dry_run=True, output="LINES")
        height += max(len(lines) * line_height(size), 4.5) + 1.2
    return height + NOTE_LINES * line_height(size) * 1.5 + 3.0


def _layout(pdf, checklist: Checklist, size: float, *, draw: bool,
            most: int | None = None) -> int:
    """Lay the checklist out at text ``size``; returns the number of pages used (or, when
    measuring, ``most + 1`` as soon as it needs more than ``most`` pages)."""
    width = PAGE_W - 2 * MARGIN
    bottom = PAGE_H - MARGIN
    pages = 1
    if draw:
        pdf.add_page()

    def text(style, pt, colour, value, x, w, y):
        return text_block(pdf, value, x=x, y=y, width=w, size=pt, style=style, colour=colour,
                          draw=draw)

    y = text("B", size * 1.6, TEXT, checklist.title, MARGIN, width, MARGIN)
    y = text("", size, MUTED, INTRO, MARGIN, width, y + 1)
    y += 2
    if draw:
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.3)
        third = width / 3
        for i, label in enumerate(("Date", "Place", "Visitor")):
            x = MARGIN + i * third
            text("", size, TEXT, f"{label}:", x, third, y)
            pdf.line(x + pdf.get_string_width(f"{label}: "), y + line_height(size),
                     x + third - 4, y + line_height(size))
    y += line_height(size) + 3
    for stage in checklist.stages:
        if y + _stage_height(pdf, stage, size) > bottom:
            pages += 1
            if most is not None and pages > most:
                return pages
            y = MARGIN
            if draw:
                pdf.add_page()
        y = text("B", size * 1.2, TEXT, stage.title, MARGIN, width, y) + 1.5
        for point in stage.points:
            box = min(4.0, line_height(size) * 0.9)
            if draw:
                pdf.set_draw_color(*TEXT)
                pdf.set_line_width(0.35)
                pdf.rect(MARGIN + 0.5, y + (line_height(size) - box) / 2, box, box)
            end = text("", size, TEXT, point, MARGIN + 8, width - 8, y)
            y = max(end, y + 4.5) + 1.2
        gap = line_height(size) * 1.5
        text("", size * 0.9, MUTED, "Notes:", MARGIN + 8, 20, y)
        for _ in range(NOTE_LINES):
            y += gap
            if draw:
                pdf.set_draw_color(*RULE)
                pdf.set_line_width(0.2)
                pdf.line(MARGIN + 8, y, PAGE_W - MARGIN, y)
        y += 3.0
    return pages


def checklist_pdf(checklist: Checklist) -> tuple[bytes, int]:
    """The checklist as PDF bytes and its page count (1 or 2).

    ``ValueError`` if even the smallest type needs more than two pages.
    """
    if not isinstance(checklist, Checklist):
        raise TypeError(f"checklist must be a Checklist (from cc.mystery_shop_checklist(...)), "
                        f"got {checklist!r} (a {type(checklist).__name__})")
    probe = new_pdf(checklist.title)
    probe.add_page()
    tries = ([(size, 1) for size in SIZES if size >= ONE_PAGE_SIZE]
             + [(size, MAX_PAGES) for size in SIZES])
    for size, most in tries:
        pages = _layout(probe, checklist, size, draw=False, most=most)
        if pages <= most:
            pdf = new_pdf(checklist.title)
            _layout(pdf, checklist, size, draw=True)
            return bytes(pdf.output()), pages
    raise ValueError(f"the checklist {checklist.title!r} needs more than {MAX_PAGES} pages even "
                     f"in {SIZES[-1]:g} pt type ({len(checklist.stages)} stages, "
                     f"{checklist.points} points); leave out some stages or points")


def write_checklist_pdf(checklist: Checklist, path) -> tuple[Path, int]:
    """Write :func:`checklist_pdf` to ``path``; returns the path and the page count."""
    data, pages = checklist_pdf(checklist)
    return write_pdf(data, path), pages
