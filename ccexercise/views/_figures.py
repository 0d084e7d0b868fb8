"""Shared look and helpers for every chart in the course.

Charts are built on a bare :class:`matplotlib.figure.Figure` (never
``pyplot``), so making one changes no global state and needs no display.
The style is set on each artist instead of through ``rcParams``: fonts
large enough to read on a projector from the back of a room, and the
Okabe-Ito colours, which people with the common colour-vision deficiencies
can tell apart.

>>> format_money(70_000)
'70,000'
>>> format_money(1234.5)
'1,234.50'
>>> fig = new_figure()
>>> figure_to_png(fig)[:8]
b'\\x89PNG\\r\\n\\x1a\\n'
"""

from __future__ import annotations

import io
import numbers

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

__all__ = ["COLOURS", "FONT_SIZES", "figure_to_png", "format_money", "money_formatter",
           "new_figure", "style_axes"]

#: Okabe & Ito (2008) colour-blind-safe palette, by role.
COLOURS = {
    "revenue": "#0072B2",     # blue
    "profit": "#E69F00",      # orange
    "cumulative": "#D55E00",  # vermillion
    "neutral": "#555555",     # dark grey
    "text": "#1A1A1A",        # near black, for text on white
    "grid": "#D9D9D9",        # light grey
}

#: Font sizes in points, readable on a projector at the default figure size.
FONT_SIZES = {"title": 18, "label": 15, "ticks": 13, "legend": 13, "annotation": 11}

#: Default figure size in inches: wide, for a 16:9 screen.
FIGSIZE = (10, 5.6)


def format_money(amount: float) -> str:
    """An amount with thousands separators and no currency sign.

    Whole amounts show no decimals; others show cents.

    >>> format_money(14_000.0), format_money(-2_500), format_money(0.5)
    ('14,000', '-2,500', '0.50')
    """
    amount = float(amount)
    return f"{amount:,.0f}" if amount.is_integer() else f"{amount:,.2f}"


def _tick_money(value: float, _position=None) -> str:
    # Ticks are round numbers; drop a stray "-0" from floating-point noise.
    if abs(value) < 1e-9:
        return "0"
    return f"{value:,.0f}" if abs(value) >= 10 else format_money(value)


def money_formatter() -> FuncFormatter:
    """A tick formatter for money axes: ``12,000`` (no currency sign).

    >>> money_formatter()(12_000)
    '12,000'
    """
    return FuncFormatter(_tick_money)


def new_figure(*, figsize: tuple[float, float] = FIGSIZE,
               layout: str | None = "constrained") -> Figure:
    """A blank white :class:`~matplotlib.figure.Figure`.

    The constrained layout fits labels of any length but doubles the time
    to draw; charts redrawn on every slider move pass ``layout=None`` and
    set fixed margins instead.

    >>> new_figure().get_size_inches().tolist()
    [10.0, 5.6]
    """
    return Chart(figsize=figsize, layout=layout, facecolor="white")


class Chart(Figure):
    """A Figure that shows itself as a picture in a notebook.

    A plain ``Figure()`` (made without pyplot) only prints as
    ``<Figure size ...>`` until ``%matplotlib inline`` has run; this one
    gives IPython a PNG directly, so a chart returned by a view displays
    in any notebook, with or without that magic.
    """

    def _repr_png_(self) -> bytes:
        return figure_to_png(self)


def style_axes(ax: Axes, *, title: str, xlabel: str, ylabel: str,
               grid_axis: str = "y") -> None:
    """Give ``ax`` the course look: large labels, light grid, no top/right frame."""
    ax.set_title(title, fontsize=FONT_SIZES["title"], color=COLOURS["text"], pad=12)
    ax.set_xlabel(xlabel, fontsize=FONT_SIZES["label"], color=COLOURS["text"])
    ax.set_ylabel(ylabel, fontsize=FONT_SIZES["label"], color=COLOURS["text"])
    ax.tick_params(labelsize=FONT_SIZES["ticks"], colors=COLOURS["text"])
    ax.grid(axis=grid_axis, color=COLOURS["grid"], linewidth=1)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def figure_to_png(fig: Figure, *, dpi: float = 100) -> bytes:
    """The figure as PNG bytes, for an ``ipywidgets.Image`` or a file.

    The same figure gives the same bytes every time (no timestamp is
    written).

    >>> figure_to_png("chart")
    Traceback (most recent call last):
        ...
    TypeError: fig must be a matplotlib Figure, got 'chart' (a str)
    >>> figure_to_png(new_figure(), dpi=0)
    Traceback (most recent call last):
        ...
    ValueError: dpi must be more than 0, got 0
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {fig!r} (a {type(fig).__name__})")
    if not isinstance(dpi, numbers.Real) or isinstance(dpi, bool):
        raise TypeError(f"dpi must be a number, got {dpi!r} (a {type(dpi).__name__})")
    if not dpi > 0:
        raise ValueError(f"dpi must be more than 0, got {dpi!r}")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor=fig.get_facecolor(),
                metadata={"Software": None})
    return buffer.getvalue()
