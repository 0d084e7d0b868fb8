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

__all__ = ["COLOURS", "FONT_SIZES", "MIN_CVD_DISTANCE", "ORANGE", "PURPLE", "SKY",
           "figure_alt_text", "figure_html", "figure_series", "figure_table", "figure_to_png",
           "format_money", "money_formatter", "named_category", "new_figure", "number_text",
           "style_axes"]

#: Okabe & Ito (2008) colour-blind-safe palette, by role, kept where a mark reaches 3:1
#: against white (WCAG 1.4.11): orange (#E69F00, 2.3:1) and sky blue (#56B4E9, 2.3:1) are
#: darkened (:data:`ORANGE`, :data:`SKY`). Colours drawn side by side stay at least
#: :data:`MIN_CVD_DISTANCE` apart for the common colour-vision deficiencies
#: (tests/unit/test_accessibility.py checks both with colorspacious).
COLOURS = {
    "revenue": "#0072B2",     # blue
    "profit": "#009E73",      # bluish green (orange and vermillion merge for deuteranopes)
    "cumulative": "#D55E00",  # vermillion
    "neutral": "#555555",     # dark grey
    "text": "#1A1A1A",        # near black, for text on white
    "grid": "#D9D9D9",        # light grey
}

#: Okabe-Ito orange and sky blue, darkened to 3.5:1 and 3.7:1 on white.
ORANGE, SKY = "#C17A00", "#2B8CC4"
#: Okabe-Ito reddish purple (3.1:1).
PURPLE = "#CC79A7"
#: The least CAM02-UCS distance between two colours drawn together, for normal vision
#: and simulated deuteranopia, protanopia and tritanopia (severity 100).
MIN_CVD_DISTANCE = 10.0

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

    def _repr_html_(self) -> str:
        """The picture as an ``<img>`` whose ``alt`` gives its numbers, and the same
        numbers behind a "Show as table" toggle (JupyterLab shows this HTML, not the
        bare PNG, whose ``<img>`` would have no text alternative)."""
        return figure_html(self)


def number_text(value: float) -> str:
    """A number as a chart labels it: thousands separators, no decimals for round numbers
    or from 100 up, else up to two decimals (also the words of a chart's text alternative).

    >>> number_text(12_000.0), number_text(0.25), number_text(-0.0)
    ('12,000', '0.25', '0')
    """
    if abs(value) < 1e-9:
        return "0"
    if float(value).is_integer() or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _category(ax: Axes, value: float, *, horizontal: bool) -> str:
    """The tick label nearest ``value`` on the category axis, or the number itself."""
    ticks = ax.get_yticks() if horizontal else ax.get_xticks()
    labels = ax.get_yticklabels() if horizontal else ax.get_xticklabels()
    named = [(abs(t - value), label.get_text()) for t, label in zip(ticks, labels)
             if label.get_text()]
    if named:
        distance, text = min(named)
        if distance < 0.5:
            return text
    return number_text(value)


def figure_series(fig: Figure) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """What each axes of ``fig`` draws: ``(axes title, series name, [(category, value)])``
    for every bar series and every labelled line, read from the drawn figure itself.

    >>> fig = new_figure()
    >>> ax = fig.subplots()
    >>> bars = ax.bar(["a", "b"], [1, 2], label="Answers")
    >>> ax.set_title("Two groups")
    Text(0.5, 1.0, 'Two groups')
    >>> figure_series(fig)
    [('Two groups', 'Answers', [('a', '1'), ('b', '2')])]
    """
    from matplotlib.container import BarContainer

    fig.canvas.draw()  # tick labels are only known once drawn
    found = []
    for ax in fig.axes:
        # a twin axes (a right-hand scale) has no title of its own: its twin's
        twin = next((a for a in fig.axes if a is not ax and a.get_title()
                     and a.get_position().bounds == ax.get_position().bounds), None)
        title = ax.get_title() or (twin.get_title() if twin is not None else "") or (
            fig._suptitle.get_text() if fig._suptitle else "")
        for container in ax.containers:
            if not isinstance(container, BarContainer):
                continue
            horizontal = getattr(container, "orientation", "vertical") == "horizontal"
            cells = []
            for patch in container.patches:
                if horizontal:
                    where, size = patch.get_y() + patch.get_height() / 2, patch.get_width()
                else:
                    where, size = patch.get_x() + patch.get_width() / 2, patch.get_height()
                cells.append((_category(ax, where, horizontal=horizontal), number_text(size)))
            label = container.get_label()
            found.append((title, label if label and not label.startswith("_")
                          else ax.get_ylabel() or "Bars", cells))
        for line in ax.lines:
            label = line.get_label()
            if not label or label.startswith("_"):
                continue
            xs, ys = line.get_xdata(), line.get_ydata()
            cells = [(_category(ax, float(x), horizontal=False)
                      if not isinstance(x, str) else x, number_text(float(y)))
                     for x, y in zip(xs, ys)]
            found.append((title, label, cells))
    return [(title, name, _named(fig, title, cells)) for title, name, cells in found]


def _named(fig: Figure, title: str, cells: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A lone bar needs no category; a bare number gets its axis name ("Year 3")."""
    if len(cells) == 1:
        return [("", cells[0][1])]
    ax = next((a for a in fig.axes if a.get_title() == title), None)
    axis = ax.get_xlabel() if ax is not None else ""
    return [(named_category(c, axis), v) for c, v in cells]


def named_category(category: str, axis: str) -> str:
    """A category as a sentence says it: "Year 3" for a bare number on an axis named
    "Year", else the category itself.

    >>> named_category("3", "Year"), named_category("Shop", "Where"), named_category("3", "")
    ('Year 3', 'Shop', '3')
    """
    bare = category.replace(",", "").replace(".", "", 1).lstrip("-").isdigit()
    return f"{axis} {category}" if bare and axis else category


def figure_alt_text(fig: Figure) -> str:
    """``fig`` in words with every number it draws: its text alternative.

    >>> fig = new_figure()
    >>> ax = fig.subplots()
    >>> bars = ax.bar(["Year 1", "Year 2"], [10_000, 12_000], label="Lost revenue")
    >>> ax.set_title("Lost revenue by year")
    Text(0.5, 1.0, 'Lost revenue by year')
    >>> figure_alt_text(fig)
    'Lost revenue by year. Lost revenue: Year 1 10,000; Year 2 12,000.'
    """
    parts, said = [], set()
    for title, name, cells in figure_series(fig):
        if title and title not in said:
            parts.append(title.rstrip(".") + ".")
            said.add(title)
        parts.append(f"{name}: " + "; ".join(f"{c} {v}".strip() for c, v in cells) + ".")
    if not parts:
        titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
        parts = [". ".join(titles) + "." if titles else "A chart."]
    return " ".join(parts)


def figure_table(fig: Figure) -> str:
    """The numbers of :func:`figure_series` as an HTML table (one per axes title)."""
    from html import escape

    tables: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
    for title, name, cells in figure_series(fig):
        tables.setdefault(title, []).append((name, cells))
    out = []
    for title, series in tables.items():
        categories = list(dict.fromkeys(c for _name, cells in series for c, _v in cells))
        head = "".join(f'<th scope="col">{escape(name)}</th>' for name, _cells in series)
        rows = "".join(
            f'<tr><th scope="row">{escape(c)}</th>'
            + "".join(f"<td>{escape(dict(cells).get(c, ''))}</td>" for _n, cells in series)
            + "</tr>" for c in categories)
        out.append(f'<table class="cc-chart-table"><caption>{escape(title)}</caption>'
                   f'<thead><tr><th scope="col"></th>{head}</tr></thead>'
                   f"<tbody>{rows}</tbody></table>")
    return "".join(out)


def figure_html(fig: Figure) -> str:
    """``fig`` as HTML: a PNG ``<img>`` with :func:`figure_alt_text` as its ``alt``, and
    :func:`figure_table` in a "Show as table" ``<details>`` (when it has numbers).

    >>> fig = new_figure()
    >>> bars = fig.subplots().bar(["a", "b"], [1, 2], label="n")
    >>> html = figure_html(fig)
    >>> 'alt="n: a 1; b 2."' in html, "<summary>Show as table</summary>" in html
    (True, True)
    """
    import base64
    from html import escape

    picture = base64.b64encode(figure_to_png(fig)).decode("ascii")
    table = figure_table(fig)
    details = (f"<details><summary>Show as table</summary>{table}</details>" if table else "")
    return (f'<figure style="margin: 0"><img src="data:image/png;base64,{picture}" '
            f'alt="{escape(figure_alt_text(fig))}" style="max-width: 100%"/>{details}</figure>')


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
