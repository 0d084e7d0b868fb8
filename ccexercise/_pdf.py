"""What every PDF the kit prints shares: A4 in millimetres, DejaVu Sans embedded, and
what a screen reader needs to open it: its language (``/Lang``), its title shown in
the window's title bar instead of the file name (fpdf2 tags no text beyond that).
Text is printed in greys and one dark blue that keep 4.5:1 on white paper on a
black-and-white printer too (tests/unit/test_run_sheet_pdf.py checks).

DejaVu Sans ships with matplotlib (already a dependency) and covers Latin,
Greek and Cyrillic alphabets among others, so trainers can print cards and
run sheets in their own language. fpdf2 embeds only the characters used.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["LEADING", "PT", "font_paths", "line_height", "new_pdf", "text_block", "write_pdf"]

PT = 25.4 / 72  # one typographic point in millimetres
LEADING = 1.22  # line height as a multiple of the font size


def font_paths() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold, from matplotlib's own fonts (found, not imported:
    printing stays free of the plotting library)."""
    import importlib.util

    spec = importlib.util.find_spec("matplotlib")
    folder = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


def line_height(size: float) -> float:
    """The height in mm of one line of text of ``size`` points."""
    return size * PT * LEADING


def new_pdf(title: str, *, lang: str = "en"):
    """An empty A4 fpdf2 document in mm, no margins or automatic page breaks, fonts added,
    titled ``title`` (shown as the window's title) in language ``lang``."""
    from fpdf import FPDF, ViewerPreferences

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.c_margin = 0
    regular, bold = font_paths()
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.set_creator("ccexercise")
    return pdf


def text_block(pdf, value: str, *, x: float, y: float, width: float, size: float,
               style: str = "", colour: tuple[int, int, int] = (26, 26, 26),
               draw: bool = True) -> float:
    """Write ``value`` wrapped to ``width`` mm at ``x``, ``y`` in DejaVu ``size`` pt;
    returns the ``y`` just below it. ``draw=False`` only measures (nothing is written)."""
    pdf.set_font("DejaVu", style, size)
    lines = pdf.multi_cell(width, line_height(size), value, dry_run=True, output="LINES",
                           align="L")
    if draw:
        pdf.set_text_color(*colour)
        pdf.set_xy(x, y)
        pdf.multi_cell(width, line_height(size), value, align="L")
    return y + len(lines) * line_height(size)


def write_pdf(data: bytes, path) -> Path:
    """Write the PDF ``data`` to ``path`` (a file name or a path), making its folder."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file name or a path, got {path!r} "
                        f"(a {type(path).__name__})")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
