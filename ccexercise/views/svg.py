"""Charts drawn as SVG text, fast enough to redraw on every slider move.

A widget must answer a control change within 100 ms. Drawing a chart with
matplotlib takes 100-300 ms on a small machine (most of it laying out
text), so the charts inside widgets are built here instead: an
:class:`SvgChart` collects bars, lines, intervals and bands over a row of
categories and writes them as one SVG picture in 1-3 ms. The picture is
sharp at any size, so it reads well on a projector; a widget shows it in
an ``ipywidgets.Image`` (:class:`ccexercise.widgets.charts.ChartImage`).

Static charts in lessons stay matplotlib (the other modules of
:mod:`ccexercise.views`); both use the same colours (:data:`COLOURS`).

>>> chart = SvgChart(title="Answers by group", categories=["Detractors", "Passives", "Promoters"],
...                  value_label="Respondents")
>>> chart.bars([40, 60, 100], label="Respondents", colour=COLOURS["revenue"], value_labels=True)
>>> svg = chart.to_svg()
>>> svg[:4], b"Answers by group" in svg, b">100<" in svg
(b'<svg', True, True)
>>> [series.label for series in chart.series]
['Respondents']
>>> chart.bars([1, 2], label="Too short", colour="#000000")
Traceback (most recent call last):
    ...
ValueError: values must have one number per category (3), got 2
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from .._validate import check_text
from ._figures import COLOURS, named_category, number_text

__all__ = ["COLOURS", "ChartSeries", "SvgChart", "nice_ticks", "tick_text"]

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
#: Font sizes in SVG pixels for the default 960 x 540 picture (scaled with it).
SIZES = {"title": 26, "label": 20, "ticks": 18, "legend": 18, "values": 16}
KINDS = ("bars", "line", "interval", "band", "reference")


#: A tick or bar label: thousands separators, no decimals for round numbers.
_number_text = number_text


def tick_text(value: float, ticks: Sequence[float], fmt: Callable[[float], str]) -> str:
    """``fmt(value)``, unless it reads as another number: then as many decimals as the step needs.

    A tick label must say where the tick is: a step of 2.5 around 100 must
    not show "102" for 102.5.

    >>> tick_text(102.5, [100, 102.5, 105], _number_text)
    '102.5'
    >>> tick_text(0.0025, [0, 0.0025, 0.005], _number_text)
    '0.0025'
    >>> tick_text(20_000, [0, 20_000], _number_text)
    '20,000'

    A limit drawn as a tick between round ones needs its own decimals (0.875
    beside steps of 0.5 is not "0.9"):

    >>> tick_text(0.875, [-1.5, -1, -0.5, 0, 0.875], _number_text)
    '0.875'
    """
    text = fmt(value)
    try:
        shown = float(text.replace(",", ""))
    except ValueError:  # not a plain number (a unit, a percent sign): the format knows best
        return text
    step = min((abs(b - a) for a, b in zip(ticks, ticks[1:]) if b != a), default=1.0)
    if math.isclose(shown, value, rel_tol=1e-9, abs_tol=step * 1e-6):
        return text
    decimals = 0
    while decimals <= 12 and not (
            math.isclose(round(step, decimals), step, rel_tol=1e-9)
            and math.isclose(round(value, decimals), value, rel_tol=1e-9, abs_tol=step * 1e-6)):
        decimals += 1
    return f"{value:,.{decimals}f}" if decimals <= 12 else f"{value:.6g}"


def nice_ticks(low: float, high: float, *, count: int = 5) -> list[float]:
    """About ``count`` round tick values covering ``low``..``high``.

    >>> nice_ticks(0, 70_000)
    [0.0, 20000.0, 40000.0, 60000.0, 80000.0]
    >>> nice_ticks(-100, 100)
    [-100.0, -50.0, 0.0, 50.0, 100.0]
    >>> nice_ticks(3, 3)
    [2.0, 2.5, 3.0, 3.5, 4.0]
    """
    if high < low:
        low, high = high, low
    if high == low:
        low, high = low - 1, high + 1
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw - 1e-12)
    start = math.floor(low / step + 1e-9) * step
    digits = max(10, 3 - math.floor(math.log10(step)))  # drop float noise, keep tiny steps
    ticks, value = [], start
    while value < high + step * 0.999:
        ticks.append(round(value, digits) + 0.0)
        value += step
    if ticks[-1] < high - 1e-9:
        ticks.append(ticks[-1] + step)
    return ticks


@dataclass(frozen=True)
class ChartSeries:
    """One thing drawn on a chart: its kind, legend label, colour and numbers."""

    kind: str
    label: str
    colour: str
    values: tuple[float, ...] = ()
    low: tuple[float, ...] = ()
    high: tuple[float, ...] = ()
    axis: str = "left"
    group: int = 0
    groups: int = 1
    base: tuple[float, ...] = ()
    value_labels: bool = False


def _numbers(name: str, values, count: int | None) -> tuple[float, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) and not hasattr(
            values, "__array__"):
        raise TypeError(f"{name} must be a list of numbers, got {values!r} "
                        f"(a {type(values).__name__})")
    out = []
    for i, v in enumerate(list(values)):
        if isinstance(v, bool) or not isinstance(v, numbers.Real) or math.isnan(v) \
                or math.isinf(v):
            raise TypeError(f"{name}[{i}] must be a finite number, got {v!r}")
        out.append(float(v))
    if count is not None and len(out) != count:
        raise ValueError(f"{name} must have one number per category ({count}), got {len(out)}")
    return tuple(out)


def _text(name: str, value) -> str:
    return check_text(name, value, allow_empty=True)


class SvgChart:
    """A chart over a row of categories, written as SVG by :meth:`to_svg`.

    ``categories`` label the bar positions (left to right, or top to bottom
    when ``horizontal=True``). Values are read off the value axis, labelled
    ``value_label``; lines with ``axis="right"`` use a second value axis
    labelled ``right_label``. ``value_format`` turns axis and bar values into
    text. ``series`` lists what was added, in order (tests read it).
    """

    def __init__(self, *, title: str, categories: Sequence, value_label: str = "",
                 category_label: str = "", right_label: str = "", horizontal: bool = False,
                 width: int = 960, height: int = 540,
                 value_format: Callable[[float], str] = _number_text) -> None:
        self.title = _text("title", title)
        if isinstance(categories, (str, bytes)) or not isinstance(categories, Sequence):
            raise TypeError(f"categories must be a list of labels, got {categories!r}")
        if len(categories) == 0:
            raise ValueError("categories must not be empty")
        self.categories = tuple(str(c) for c in categories)
        self.value_label = _text("value_label", value_label)
        self.category_label = _text("category_label", category_label)
        self.right_label = _text("right_label", right_label)
        self.horizontal = bool(horizontal)
        for name, size in (("width", width), ("height", height)):
            if isinstance(size, bool) or not isinstance(size, int) or size < 200:
                raise ValueError(f"{name} must be a whole number of pixels, at least 200, "
                                 f"got {size!r}")
        self.width, self.height = width, height
        self.value_format = value_format
        self.series: list[ChartSeries] = []
        self._limits: dict[str, tuple[float, float]] = {}

    # -- adding things to draw ------------------------------------------------------

    def _add(self, series: ChartSeries) -> None:
        _text("label", series.label)
        _text("colour", series.colour)
        self.series.append(series)

    def bars(self, values, *, label: str, colour: str, group: int = 0, groups: int = 1,
             base=None, value_labels: bool = False) -> None:
        """One bar per category. ``group``/``groups`` place bars side by side
        (group ``i`` of ``groups``); ``base`` stacks them on other values."""
        n = len(self.categories)
        if not (isinstance(groups, int) and isinstance(group, int) and 0 <= group < groups):
            raise ValueError(f"group must be a whole number from 0 to groups - 1 "
                             f"({groups!r} - 1), got {group!r}")
        self._add(ChartSeries("bars", label, colour, _numbers("values", values, n),
                              group=group, groups=groups,
                              base=_numbers("base", base, n) if base is not None else (0.0,) * n,
                              value_labels=bool(value_labels)))

    def line(self, values, *, label: str, colour: str, axis: str = "left") -> None:
        """A line with a dot at each category, on the left or the right value axis."""
        if axis not in ("left", "right"):
            raise ValueError(f"axis must be 'left' or 'right', got {axis!r}")
        if axis == "right" and self.horizontal:
            raise ValueError("axis must be 'left' in a horizontal chart: it has one value axis")
        self._add(ChartSeries("line", label, colour, _numbers("values", values,
                                                              len(self.categories)), axis=axis))

    def interval(self, *, low, high, centre=None, label: str, colour: str) -> None:
        """An error bar from ``low`` to ``high`` per category, with a dot at ``centre``."""
        n = len(self.categories)
        lows, highs = _numbers("low", low, n), _numbers("high", high, n)
        if any(lo > hi for lo, hi in zip(lows, highs)):
            raise ValueError("low must not be above high in any category")
        centres = _numbers("centre", centre, n) if centre is not None else ()
        self._add(ChartSeries("interval", label, colour, centres, lows, highs))

    def band(self, *, low, high, label: str, colour: str) -> None:
        """A shaded band between ``low`` and ``high`` across the categories."""
        n = len(self.categories)
        self._add(ChartSeries("band", label, colour, (), _numbers("low", low, n),
                              _numbers("high", high, n)))

    def reference(self, value, *, label: str = "", colour: str = COLOURS["neutral"]) -> None:
        """A dashed line across the chart at ``value`` (a target, zero, an average)."""
        self._add(ChartSeries("reference", label, colour, _numbers("value", [value], 1)))

    def set_limits(self, low, high, *, axis: str = "left") -> None:
        """Show at least ``low``..``high`` on a value axis instead of fitting the data.

        A value beyond a limit still shows: the axis grows to cover it
        (see :meth:`value_axis`).
        """
        low, high = _numbers("limits", [low, high], 2)
        if not low < high:
            raise ValueError(f"low must be below high, got {low!r} and {high!r}")
        self._limits[axis] = (low, high)

    # -- drawing ------------------------------------------------------------------

    def _data(self, axis: str) -> list[float]:
        """Every value drawn on ``axis``: bar ends (and their bases), points and interval ends."""
        found: list[float] = []
        for s in self.series:
            if s.axis != axis:
                continue
            if s.kind == "bars":
                found += [*s.base, *(b + v for b, v in zip(s.base, s.values))]
            else:
                found += [*s.values, *s.low, *s.high]
        return found

    def value_axis(self, axis: str = "left") -> tuple[float, float, list[float]]:
        """``(low, high, ticks)`` of a value axis, as :meth:`to_svg` draws it.

        The axis covers every value drawn on it and, when :meth:`set_limits`
        fixed it, both limits; a value beyond a limit grows the axis to the
        next round tick, so nothing is ever cut off. The ticks are the round
        values inside ``low``..``high``, and a limit that is not one of them
        (unless it would crowd its neighbour).

        >>> chart = SvgChart(title="t", categories=["a", "b"])
        >>> chart.bars([6, 7], label="n", colour="#000000")
        >>> chart.set_limits(0, 7)
        >>> chart.value_axis()
        (0.0, 7.0, [0.0, 2.0, 4.0, 6.0, 7.0])
        >>> chart.set_limits(0, 5)
        >>> chart.value_axis()
        (0.0, 8.0, [0.0, 2.0, 4.0, 6.0, 8.0])
        """
        found = self._data(axis)
        if axis not in self._limits:
            ticks = nice_ticks(min(found), max(found)) if found else nice_ticks(0, 1)
            return ticks[0], ticks[-1], ticks
        low, high = self._limits[axis]
        if found and (min(found) < low or max(found) > high):
            wider = nice_ticks(min(low, *found), max(high, *found))
            low = wider[0] if min(found) < low else low
            high = wider[-1] if max(found) > high else high
        ticks = [t for t in nice_ticks(low, high) if low - 1e-9 <= t <= high + 1e-9]
        if len(ticks) < 2:
            return low, high, [low, high]
        step = ticks[1] - ticks[0]
        for end in (low, high):  # label a limit that is not a round tick (the 7 of a 1-7 scale)
            if min(abs(end - t) for t in ticks) >= 0.4 * step:
                ticks = sorted([*ticks, end])
        return low, high, ticks

    # -- in words: the text alternative and the table -----------------------------

    def _category_names(self) -> list[str]:
        """Each category as a sentence names it: "Year 3" for a bare number under a
        category label "Year", else the category itself."""
        return [named_category(name, self.category_label) for name in self.categories]

    def _cells(self, s: ChartSeries) -> list[str | None]:
        """The text of ``s`` in each category (None where it draws nothing there)."""
        fmt = self.value_format
        if s.kind in ("bars", "line"):
            cells: list[str | None] = [fmt(v) for v in s.values]
            bars = [x for x in self.series if x.kind == "bars"]
            if s.kind == "bars" and len(bars) > 1 and sum(v != 0 for v in s.values) == 1:
                # one series per category (each in its own colour): only its own bar counts
                cells = [c if v != 0 else None for c, v in zip(cells, s.values)]
            return cells
        if s.kind == "interval":
            return [(f"{fmt(s.values[i])} (from {fmt(lo)} to {fmt(hi)})" if s.values
                     else f"from {fmt(lo)} to {fmt(hi)}")
                    for i, (lo, hi) in enumerate(zip(s.low, s.high))]
        if s.kind == "band":
            return [f"{fmt(lo)} to {fmt(hi)}" for lo, hi in zip(s.low, s.high)]
        return [None] * len(self.categories)

    def _series_name(self, s: ChartSeries) -> str:
        return s.label or self.value_label or {"bars": "Bars", "line": "Line",
                                               "interval": "Range", "band": "Band"}[s.kind]

    def describe(self) -> str:
        """The chart in words, with every number it draws: its text alternative.

        The title, then each series with its value in each category, then any
        reference line; made from the same numbers as the picture, so it changes
        whenever the picture does.

        >>> chart = SvgChart(title="Lost revenue", categories=[1, 2], category_label="Year")
        >>> chart.bars([10_000, 12_000], label="Lost revenue per year", colour="#0072B2")
        >>> chart.reference(11_000, label="Average")
        >>> chart.describe()
        'Lost revenue. Lost revenue per year: Year 1 10,000; Year 2 12,000. Average: 11,000.'
        """
        parts = [self.title.rstrip(".") + "." if self.title else ""]
        names = self._category_names()
        for s in self.series:
            if s.kind == "reference":
                value = self.value_format(s.values[0])
                name = s.label if s.label and s.label != value else "Reference line"
                parts.append(f"{name}: {value}.")
                continue
            cells = [name if name.endswith(f" {cell}") else f"{name} {cell}"
                     for name, cell in zip(names, self._cells(s)) if cell is not None]
            label = self._series_name(s)
            if len(cells) == 1 and cells[0].startswith(label):  # "Promoters: 3" says it all
                parts.append(f"{cells[0]}.")
            elif cells:
                parts.append(f"{label}: {'; '.join(cells)}.")
        return " ".join(p for p in parts if p)

    def numbers(self) -> int:
        """How many numbers the chart draws (values, interval ends, reference lines).

        >>> chart = SvgChart(title="t", categories=["a", "b"])
        >>> chart.bars([1, 2], label="n", colour="#000000")
        >>> chart.numbers()
        2
        """
        return sum(len(s.values) + len(s.low) + len(s.high) for s in self.series)

    def table_html(self) -> str:
        """The chart's numbers as an HTML table: one row per category, one column per
        series, the title as its caption (reference lines in a last row).

        >>> chart = SvgChart(title="Scores", categories=["a", "b"])
        >>> chart.bars([1, 2], label="n", colour="#000000")
        >>> '<th scope="row">b</th><td>2</td>' in chart.table_html()
        True
        """
        shown = [s for s in self.series if s.kind != "reference"]
        head = "".join(f'<th scope="col">{escape(self._series_name(s))}</th>' for s in shown)
        columns = [self._cells(s) for s in shown]
        rows = []
        for i, name in enumerate(self.categories):
            cells = "".join(f"<td>{escape(col[i] or '')}</td>" for col in columns)
            rows.append(f'<tr><th scope="row">{escape(name)}</th>{cells}</tr>')
        foot = "".join(
            f'<tr><th scope="row">{escape(s.label or "Reference line")}</th>'
            f'<td colspan="{max(1, len(shown))}">{escape(self.value_format(s.values[0]))}</td></tr>'
            for s in self.series if s.kind == "reference")
        return (f'<table class="cc-chart-table"><caption>{escape(self.title)}</caption>'
                f'<thead><tr><th scope="col">{escape(self.category_label or "")}</th>{head}'
                f"</tr></thead><tbody>{''.join(rows)}{foot}</tbody></table>")

    def _repr_html_(self) -> str:
        """In a notebook: the picture inline (``<svg role="img">`` named by
        :meth:`describe`), and its numbers behind a "Show as table" toggle."""
        svg = self.to_svg().decode()
        svg = svg.replace(f'width="{self.width}" height="{self.height}"',
                          'width="100%" style="max-width: 1000px; height: auto"', 1)
        table = (f"<details><summary>Show as table</summary>{self.table_html()}</details>"
                 if self.numbers() > 4 else "")
        return f'<figure style="margin: 0">{svg}{table}</figure>'

    def to_svg(self, *, marked: bool = False) -> bytes:
        """The picture, as SVG bytes (UTF-8); the same chart gives the same bytes.

        ``marked=True`` draws the same picture with its parts named, so it can
        be read back: an invisible ``plot-area`` rectangle (where the value
        axes end), ``tick-left``/``tick-right`` on the tick labels and a
        ``<g class="series">`` around each series, in order. Without the
        names the bytes are exactly those of the unmarked picture.
        """
        css = (lambda name: name) if marked else (lambda name: "")
        scale = self.width / 960
        size = {k: round(v * scale) for k, v in SIZES.items()}
        axes = {"left": self.value_axis("left")}
        has_right = any(s.axis == "right" for s in self.series)
        if has_right:
            axes["right"] = self.value_axis("right")
        left_ticks = axes["left"][2]
        right_ticks = axes["right"][2] if has_right else []
        n = len(self.categories)
        legend = [s for s in self.series if s.label]
        def label(t, ticks):
            return tick_text(t, ticks, self.value_format)

        tick_chars = max(len(label(t, left_ticks)) for t in left_ticks)
        cat_chars = max(len(c) for c in self.categories)
        # Margins: room for the title, tick labels, axis labels and the legend.
        top = size["title"] * 2.4
        bottom = size["legend"] * 2.2 if legend else size["label"]
        left = size["label"] * 1.6 + 0.6 * size["ticks"] * tick_chars + 12
        right = (size["label"] * 1.6 + 0.6 * size["ticks"]
                 * max(len(label(t, right_ticks)) for t in right_ticks) + 12) if has_right \
            else size["ticks"] * 1.5
        if self.horizontal:
            left = size["label"] * 1.6 + 0.58 * size["ticks"] * min(cat_chars, 24) + 12
            bottom += size["ticks"] * 1.6 + size["label"] * 1.8
        else:
            bottom += size["ticks"] * 1.6 + (size["label"] * 1.6 if self.category_label else 0)
        x0, x1, y0, y1 = left, self.width - right, top, self.height - bottom

        def scaler(lo, hi):  # the axis covers every value: nothing to clamp
            if self.horizontal:
                return lambda v: x0 + (v - lo) / (hi - lo) * (x1 - x0)
            return lambda v: y1 - (v - lo) / (hi - lo) * (y1 - y0)

        val = {name: scaler(lo, hi) for name, (lo, hi, _ticks) in axes.items()}
        span = (y1 - y0) if self.horizontal else (x1 - x0)
        slot = span / n

        def cat(i: int, frac: float = 0.5) -> float:
            return (y0 if self.horizontal else x0) + (i + frac) * slot

        def point(i, frac, v, axis="left"):
            c, p = cat(i, frac), val[axis](v)
            return (p, c) if self.horizontal else (c, p)

        parts: list[str] = []
        add = parts.append
        add(f'<rect width="{self.width}" height="{self.height}" fill="white"/>')
        add(_label(self.width / 2, size["title"] * 1.4, self.title, size["title"],
                   anchor="middle", weight="bold"))
        if marked:  # where each value axis ends; then grid, ticks and labels
            add(f'<rect class="plot-area" x="{_f(x0)}" y="{_f(y0)}" width="{_f(x1 - x0)}" '
                f'height="{_f(y1 - y0)}" fill="none" stroke="none"/>')
        for t in left_ticks:
            p = val["left"](t)
            if self.horizontal:
                add(_line(p, y0, p, y1, COLOURS["grid"]))
                add(_label(p, y1 + size["ticks"] * 1.2, label(t, left_ticks), size["ticks"],
                           anchor="middle", css=css("tick-left")))
            else:
                add(_line(x0, p, x1, p, COLOURS["grid"]))
                add(_label(x0 - 8, p + size["ticks"] * 0.35, label(t, left_ticks),
                           size["ticks"], anchor="end", css=css("tick-left")))
        for t in right_ticks:
            p = val["right"](t)
            add(_label(x1 + 8, p + size["ticks"] * 0.35, label(t, right_ticks), size["ticks"],
                       anchor="start", colour=_right_colour(self.series), css=css("tick-right")))
        if self.horizontal:
            add(_label((x0 + x1) / 2, y1 + size["ticks"] * 1.2 + size["label"] * 1.4,
                       self.value_label, size["label"], anchor="middle"))
        else:
            add(_label(size["label"], (y0 + y1) / 2, self.value_label, size["label"],
                       anchor="middle", rotate=True))
            if has_right:
                add(_label(self.width - size["label"] * 0.6, (y0 + y1) / 2, self.right_label,
                           size["label"], anchor="middle", rotate=True,
                           colour=_right_colour(self.series)))
        # Category labels (every k-th when they would overlap).
        every = max(1, math.ceil(n / max(1, (span / (0.6 * size["ticks"] * (cat_chars + 2))))))
        if self.horizontal:
            every = max(1, math.ceil(n * size["ticks"] * 1.3 / span))
        for i, name in enumerate(self.categories):
            if i % every:
                continue
            shown = name if len(name) <= 24 else name[:23] + "…"
            if self.horizontal:
                add(_label(x0 - 8, cat(i) + size["ticks"] * 0.35, shown, size["ticks"],
                           anchor="end"))
            else:
                add(_label(cat(i), y1 + size["ticks"] * 1.3, shown, size["ticks"],
                           anchor="middle"))
        if self.category_label and not self.horizontal:
            add(_label((x0 + x1) / 2, y1 + size["ticks"] * 1.3 + size["label"] * 1.4,
                       self.category_label, size["label"], anchor="middle"))
        for s in self.series:
            drawn = _draw(s, point, slot, size, self.horizontal, self.value_format, n)
            add(f'<g class="series" data-kind="{s.kind}" data-axis="{s.axis}">{drawn}</g>'
                if marked else drawn)
        # The zero line.
        zero = val["left"](0.0) if axes["left"][0] <= 0 <= axes["left"][1] else None
        if zero is not None:
            add(_line(zero, y0, zero, y1, COLOURS["text"]) if self.horizontal
                else _line(x0, zero, x1, zero, COLOURS["text"]))
        if legend:
            add(_legend(legend, self.width, self.height - size["legend"] * 1.1, size["legend"]))
        body = "".join(parts)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" '
                f'height="{self.height}" viewBox="0 0 {self.width} {self.height}" role="img" '
                f'aria-label="{escape(self.describe())}" font-family="{FONT}">'
                f"<title>{escape(self.title)}</title>{body}</svg>").encode()


def _right_colour(series: list[ChartSeries]) -> str:
    return next((s.colour for s in series if s.axis == "right"), COLOURS["text"])


def _f(x: float) -> str:
    return f"{x:.1f}"


def _line(xa, ya, xb, yb, colour, *, width=1.5, dashed=False) -> str:
    dash = ' stroke-dasharray="8 6"' if dashed else ""
    return (f'<line x1="{_f(xa)}" y1="{_f(ya)}" x2="{_f(xb)}" y2="{_f(yb)}" '
            f'stroke="{colour}" stroke-width="{width}"{dash}/>')


def _label(x, y, text, size, *, anchor="start", weight="normal", rotate=False,
           colour=COLOURS["text"], css="") -> str:
    turn = f' transform="rotate(-90 {_f(x)} {_f(y)})"' if rotate else ""
    bold = ' font-weight="bold"' if weight == "bold" else ""
    kind = f' class="{css}"' if css else ""
    return (f'<text{kind} x="{_f(x)}" y="{_f(y)}" font-size="{size}" fill="{colour}" '
            f'text-anchor="{anchor}"{bold}{turn}>{escape(text)}</text>')


def _draw(s: ChartSeries, point, slot, size, horizontal, fmt, categories: int) -> str:
    """SVG for one series; ``point(i, frac, value, axis)`` maps to pixels."""
    out = []
    n = max(len(s.values), len(s.low))
    if s.kind == "bars":
        width = 0.8 / s.groups
        for i, (b, v) in enumerate(zip(s.base, s.values)):
            frac = 0.1 + width * s.group
            (xa, ya), (xb, yb) = point(i, frac, b, s.axis), point(i, frac + width, b + v, s.axis)
            x, y, w, h = min(xa, xb), min(ya, yb), abs(xb - xa), abs(yb - ya)
            out.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" '
                       f'fill="{s.colour}"><title>{escape(s.label)}: {escape(fmt(v))}'
                       f"</title></rect>")
            if s.value_labels:
                mx, my = point(i, frac + width / 2, b + v, s.axis)
                if horizontal:
                    out.append(_label(mx + (6 if v >= 0 else -6), my + size["values"] * 0.35,
                                      fmt(v), size["values"],
                                      anchor="start" if v >= 0 else "end"))
                else:
                    out.append(_label(mx, my + (-6 if v >= 0 else size["values"] + 4), fmt(v),
                                      size["values"], anchor="middle"))
    elif s.kind == "line":
        pts = [point(i, 0.5, v, s.axis) for i, v in enumerate(s.values)]
        path = " ".join(f"{_f(x)},{_f(y)}" for x, y in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{s.colour}" '
                   f'stroke-width="4"/>')
        out += [f'<circle cx="{_f(x)}" cy="{_f(y)}" r="6" fill="{s.colour}"/>' for x, y in pts]
    elif s.kind == "interval":
        cap = min(slot * 0.15, 16)
        for i in range(n):
            (xa, ya), (xb, yb) = point(i, 0.5, s.low[i]), point(i, 0.5, s.high[i])
            out.append(_line(xa, ya, xb, yb, s.colour, width=4))
            for x, y in ((xa, ya), (xb, yb)):
                out.append(_line(x, y - cap, x, y + cap, s.colour, width=4) if horizontal
                           else _line(x - cap, y, x + cap, y, s.colour, width=4))
            if s.values:
                x, y = point(i, 0.5, s.values[i])
                out.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="8" fill="{s.colour}"/>')
    elif s.kind == "band":
        upper = [point(i, 0.5, v) for i, v in enumerate(s.high)]
        lower = [point(i, 0.5, v) for i, v in enumerate(s.low)][::-1]
        path = " ".join(f"{_f(x)},{_f(y)}" for x, y in upper + lower)
        out.append(f'<polygon points="{path}" fill="{s.colour}" fill-opacity="0.25" '
                   f'stroke="none"/>')
    elif s.kind == "reference":
        # Across the whole category axis: from the first slot's start to the last's end.
        (xa, ya), (xb, yb) = point(0, 0.0, s.values[0]), point(categories - 1, 1.0, s.values[0])
        out.append(_line(xa, ya, xb, yb, s.colour, width=3, dashed=True))
    return "".join(out)


def _legend(series: list[ChartSeries], width: float, y: float, size: int) -> str:
    """Colour swatches and labels in one centred row."""
    items = [(s, 0.6 * size * len(s.label) + size * 2.2) for s in series]
    x = max(10.0, (width - sum(w for _, w in items)) / 2)
    out = []
    for s, w in items:
        if s.kind in ("line", "reference", "interval"):
            dash = s.kind == "reference"
            out.append(_line(x, y - size * 0.35, x + size * 1.2, y - size * 0.35, s.colour,
                             width=4, dashed=dash))
        else:
            opacity = ' fill-opacity="0.25"' if s.kind == "band" else ""
            out.append(f'<rect x="{_f(x)}" y="{_f(y - size * 0.8)}" width="{_f(size * 1.2)}" '
                       f'height="{_f(size * 0.9)}" fill="{s.colour}"{opacity}/>')
        out.append(_label(x + size * 1.6, y, s.label, size))
        x += w
    return "".join(out)
