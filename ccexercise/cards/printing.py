"""Print-ready PDFs of card decks: A4, cut marks, fronts and backs for duplex printing.

"Guess what he dislikes" cards print four to a page (95 x 138 mm), the other
games' cards eight to a page. A deck with backs prints each page of fronts
followed by its page of backs; on the back page the columns are mirrored,
so after double-sided printing (flip on the long edge) the back of each
card sits right behind its front. Text is set in DejaVu Sans (shipped with
matplotlib, embedded in the PDF), which covers Latin, Greek and Cyrillic
alphabets among others. Long text wraps; a card whose text would not fit
is reported (:func:`print_problems`) and nothing is printed, so no text is
ever cut off.

Needs fpdf2 (a light, pure-Python PDF library).

>>> from ccexercise.cards import load_deck
>>> layout = layout_for("dislike")
>>> layout.columns, layout.rows, layout.card_width, layout.card_height
(2, 2, 95.0, 138.0)
>>> pdf = deck_pdf(load_deck("dislike"))
>>> pdf[:5]
b'%PDF-'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .._pdf import line_height, new_pdf
from .loading import CardError, CardProblem, Deck
from .model import KINDS, Card

__all__ = ["A4", "Layout", "deck_pdf", "layout_for", "print_problems",
           "write_deck_pdf"]

#: A4 page size in millimetres (width, height).
A4 = (210.0, 297.0)
PADDING = 5.0   # blank space inside a card's border, in mm
MARK = 5.0      # length of a cut mark, in mm
MARK_GAP = 1.5  # gap between a cut mark and the card grid, in mm
TEXT = (26, 26, 26)
MUTED = (90, 90, 90)
BORDER = (190, 190, 190)


@dataclass(frozen=True)
class Layout:
    """Where the cards go on an A4 page: a grid of equal cards, centred."""

    columns: int
    rows: int
    card_width: float
    card_height: float
    title_size: float
    text_size: float
    label_size: float
    bullets: bool
    front_scale: float = 1.0  # fronts are sparse: their text may be larger

    @property
    def per_page(self) -> int:
        """Cards on one page."""
        return self.columns * self.rows

    @property
    def left(self) -> float:
        """x of the grid's left edge, in mm."""
        return (A4[0] - self.columns * self.card_width) / 2

    @property
    def top(self) -> float:
        """y of the grid's top edge, in mm."""
        return (A4[1] - self.rows * self.card_height) / 2

    def box(self, slot: int, *, back: bool = False) -> tuple[float, float, float, float]:
        """``(x, y, width, height)`` of the card in ``slot`` (0 = top left) on a front page,
        or where its back goes on a back page (columns mirrored)."""
        row, column = divmod(slot, self.columns)
        if back:
            column = self.columns - 1 - column
        return (self.left + column * self.card_width, self.top + row * self.card_height,
                self.card_width, self.card_height)


_BIG = Layout(2, 2, 95.0, 138.0, title_size=14, text_size=9, label_size=7, bullets=True,
              front_scale=1.25)
_SMALL = Layout(2, 4, 95.0, 69.0, title_size=12, text_size=8.5, label_size=6.5, bullets=False)


def layout_for(kind: str) -> Layout:
    """The page layout for cards of ``kind``: big cards for "Guess what he dislikes"."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    return _BIG if kind == "dislike" else _SMALL


# -- what goes on a side ----------------------------------------------------------

def _blocks(card: Card, layout: Layout, side: str) -> list[tuple[str, float, tuple, str, float]]:
    """The text blocks of one side: (style, size in pt, colour, text, space before in mm)."""
    kind = card.card_kind
    scale = layout.front_scale if side == "front" else 1.0
    text_size, label_size = layout.text_size * scale, layout.label_size * scale
    if side == "front":
        header = f"{kind.game} · {card.id}"
        blocks = [("", label_size, MUTED, header, 0.0),
                  ("B", layout.title_size * scale, TEXT, card.title, 1.0)]
        pairs = card.front()
    else:
        blocks = [("", layout.label_size, MUTED, f"{card.id} · back: for the customer "
                   "player's eyes only", 0.0)]
        pairs = card.back()
    for label, value in pairs:
        blocks.append(("B", label_size, MUTED, label.upper(), 2.2))
        if isinstance(value, tuple):
            if layout.bullets:
                blocks += [("", text_size, TEXT, f"• {item}", 0.4) for item in value]
            else:
                blocks.append(("", text_size, TEXT, " · ".join(value), 0.4))
        else:
            style = "B" if label == "Hidden reason" else ""
            blocks.append((style, text_size, TEXT, str(value), 0.4))
    return blocks


def _height(pdf, blocks, width: float) -> float:
    total = 0.0
    for style, size, _colour, text, before in blocks:
        pdf.set_font("DejaVu", style, size)
        lines = pdf.multi_cell(width, line_height(size), text, dry_run=True, output="LINES",
                               align="L")
        total += before + len(lines) * line_height(size)
    return total


def print_problems(deck: Deck) -> list[CardProblem]:
    """Every card of ``deck`` whose text would not fit on its printed card, one problem a side."""
    layout = layout_for(deck.kind)
    pdf = new_pdf(deck.name)
    pdf.add_page()
    inner_w, inner_h = layout.card_width - 2 * PADDING, layout.card_height - 2 * PADDING
    problems = []
    for card in deck:
        for side in ("front", "back"):
            if side == "back" and not card.back():
                continue
            needed = _height(pdf, _blocks(card, layout, side), inner_w)
            if needed > inner_h:
                file, _, line = card.source.rpartition(", line ")
                problems.append(CardProblem(
                    file or deck.name, int(line) if line.isdigit() else 0, card.id, "",
                    f"the {side} does not fit on a printed card: its text needs {needed:.0f} mm "
                    f"of the {inner_h:.0f} mm there is; shorten the longest texts"))
    return problems


# -- drawing ----------------------------------------------------------------------------

def _draw_side(pdf, blocks, box) -> None:
    x, y, w, _h = box
    pdf.set_draw_color(*BORDER)
    pdf.set_line_width(0.2)
    pdf.rect(*box)
    cursor = y + PADDING
    for style, size, colour, text, before in blocks:
        cursor += before
        pdf.set_font("DejaVu", style, size)
        pdf.set_text_color(*colour)
        pdf.set_xy(x + PADDING, cursor)
        pdf.multi_cell(w - 2 * PADDING, line_height(size), text, align="L")
        cursor = pdf.get_y()


def _cut_marks(pdf, layout: Layout) -> None:
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.25)
    left, top = layout.left, layout.top
    right = left + layout.columns * layout.card_width
    bottom = top + layout.rows * layout.card_height
    for c in range(layout.columns + 1):
        x = left + c * layout.card_width
        pdf.line(x, top - MARK_GAP - MARK, x, top - MARK_GAP)
        pdf.line(x, bottom + MARK_GAP, x, bottom + MARK_GAP + MARK)
    for r in range(layout.rows + 1):
        y = top + r * layout.card_height
        pdf.line(left - MARK_GAP - MARK, y, left - MARK_GAP, y)
        pdf.line(right + MARK_GAP, y, right + MARK_GAP + MARK, y)


def deck_pdf(deck: Deck) -> bytes:
    """The deck as PDF bytes; :class:`CardError` first if any card would not fit."""
    if not isinstance(deck, Deck):
        raise TypeError(f"deck must be a Deck (from load_deck), got {deck!r} "
                        f"(a {type(deck).__name__})")
    if not len(deck):
        raise ValueError(f"deck {deck.name!r} has no cards to print")
    problems = print_problems(deck)
    if problems:
        raise CardError(problems)
    layout = layout_for(deck.kind)
    has_backs = bool(KINDS[deck.kind].back_fields)
    pdf = new_pdf(f"{KINDS[deck.kind].game}: {deck.name}")
    for start in range(0, len(deck), layout.per_page):
        sheet = deck.cards[start:start + layout.per_page]
        pdf.add_page()
        _cut_marks(pdf, layout)
        for slot, card in enumerate(sheet):
            _draw_side(pdf, _blocks(card, layout, "front"), layout.box(slot))
        if has_backs:
            pdf.add_page()
            _cut_marks(pdf, layout)
            for slot, card in enumerate(sheet):
                _draw_side(pdf, _blocks(card, layout, "back"), layout.box(slot, back=True))
    return bytes(pdf.output())


def write_deck_pdf(deck: Deck, path) -> Path:
    """Write :func:`deck_pdf` to ``path`` (folders made as needed); returns the path."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file name or a path, got {path!r} "
                        f"(a {type(path).__name__})")
    data = deck_pdf(deck)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
