"""Read an :class:`~ccexercise.views.svg.SvgChart` picture back and check it tells the truth.

:func:`check_truthful` measures the SVG a chart writes, independently of the
code that drew it:

- each value axis is read from its tick labels (the text a viewer sees) and
  their positions; every tick must sit on one straight scale;
- the plot area's ends, read on that scale, must cover every value drawn
  and both limits given to ``set_limits``;
- every bar end, line point, interval end, band corner and reference line
  must sit where its value says, inside the plot area and in its category's
  slot.

It fails with a message naming the series, the category and both numbers.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
#: How far (in SVG pixels) a mark may sit from its value: coordinates are written to 0.1 px.
TOLERANCE = 0.35


def tick_value(text: str) -> float:
    """The number a tick label shows: ``"12,000"`` -> 12000.0, ``"-2.5"`` -> -2.5."""
    return float(text.replace(",", "").replace("\N{MINUS SIGN}", "-"))


class Scale:
    """Pixel <-> value along one value axis, fitted to the tick labels a viewer reads."""

    def __init__(self, ticks: list[tuple[float, float]], axis: str):
        assert len(ticks) >= 2, f"the {axis} axis shows {len(ticks)} tick label(s); need two"
        (p0, v0), (p1, v1) = min(ticks, key=lambda t: t[1]), max(ticks, key=lambda t: t[1])
        assert v1 > v0, f"the {axis} axis's tick labels are all {v0}"
        self.slope = (p1 - p0) / (v1 - v0)
        self.p0, self.v0, self.axis = p0, v0, axis
        for p, v in ticks:  # tick labels match their positions
            assert abs(self.pixel(v) - p) <= TOLERANCE * 2, (
                f"{axis} tick {v:g} is drawn at {p:.1f}, its scale puts it at {self.pixel(v):.1f}")

    def pixel(self, value: float) -> float:
        return self.p0 + (value - self.v0) * self.slope

    def value(self, pixel: float) -> float:
        return self.v0 + (pixel - self.p0) / self.slope


def _floats(element, *names):
    return [float(element.get(n)) for n in names]


def _points(text: str) -> list[tuple[float, float]]:
    return [tuple(float(c) for c in pair.split(",")) for pair in text.split()]


def check_truthful(chart) -> None:
    """Assert that ``chart``'s SVG draws every value of every series where it belongs."""
    marked = chart.to_svg(marked=True)
    plain = re.sub(rb'<rect class="plot-area"[^>]*/>|<g class="series"[^>]*>|</g>', b"", marked)
    assert plain.replace(b' class="tick-left"', b"").replace(b' class="tick-right"', b"") \
        == chart.to_svg(), "the marked picture differs from the one shown"
    root = ET.fromstring(marked)
    frame = next(r for r in root.iter(f"{SVG}rect") if r.get("class") == "plot-area")
    x0, y0, width, height = _floats(frame, "x", "y", "width", "height")
    x1, y1 = x0 + width, y0 + height
    horizontal = chart.horizontal
    n = len(chart.categories)
    slot = (height if horizontal else width) / n

    scales = {}
    for axis in ("left", "right"):
        ticks = []
        for text in root.iter(f"{SVG}text"):
            if text.get("class") != f"tick-{axis}":
                continue
            x, y, size = _floats(text, "x", "y", "font-size")
            ticks.append((x if horizontal else y - size * 0.35, tick_value(text.text)))
        if ticks:
            scales[axis] = Scale(ticks, axis)
            # Tick labels sit within the plot area's extent.
            for p, v in ticks:
                low_px, high_px = (x0, x1) if horizontal else (y0, y1)
                assert low_px - TOLERANCE <= p <= high_px + TOLERANCE, (
                    f"{axis} tick {v:g} at {p:.1f} is outside the plot area")

    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "series"]
    assert len(groups) == len(chart.series), "one <g class='series'> per series"

    for axis, scale in scales.items():  # the axis covers every value and both limits
        ends = sorted(scale.value(p) for p in ((x0, x1) if horizontal else (y0, y1)))
        wanted = list(chart._data(axis)) + list(chart._limits.get(axis, ()))
        if wanted:
            tol = abs(TOLERANCE / scale.slope)
            assert ends[0] <= min(wanted) + tol and ends[1] >= max(wanted) - tol, (
                f"the {axis} axis runs {ends[0]:g}..{ends[1]:g} but must show "
                f"{min(wanted):g}..{max(wanted):g}")

    def where(value: float, axis: str) -> float:
        return scales[axis].pixel(value)

    def near(got: float, value: float, axis: str, what: str) -> None:
        want = where(value, axis)
        assert abs(got - want) <= TOLERANCE, (
            f"{what}: value {value:g} is drawn at {got:.1f}, its axis puts it at {want:.1f}")

    def inside(x: float, y: float, what: str) -> None:
        assert x0 - TOLERANCE <= x <= x1 + TOLERANCE and y0 - TOLERANCE <= y <= y1 + TOLERANCE, (
            f"{what}: ({x:.1f}, {y:.1f}) lies outside the plot area "
            f"({x0:.1f}..{x1:.1f}, {y0:.1f}..{y1:.1f})")

    def in_slot(c: float, i: int, what: str) -> None:
        start = (y0 if horizontal else x0) + i * slot
        assert start - TOLERANCE <= c <= start + slot + TOLERANCE, (
            f"{what}: drawn at {c:.1f}, outside its category's slot {start:.1f}..{start + slot:.1f}")

    def split(x: float, y: float) -> tuple[float, float]:
        """(value-axis pixel, category-axis pixel)."""
        return (x, y) if horizontal else (y, x)

    for s, group in zip(chart.series, groups):
        axis = s.axis
        assert group.get("data-kind") == s.kind, (group.get("data-kind"), s.kind)
        if s.kind == "bars":
            rects = list(group.iter(f"{SVG}rect"))
            assert len(rects) == len(s.values), f"{s.label}: {len(rects)} bars for {len(s.values)}"
            for i, (rect, base, v) in enumerate(zip(rects, s.base, s.values)):
                x, y, w, h = _floats(rect, "x", "y", "width", "height")
                what = f"bar {s.label!r} in {chart.categories[i]!r}"
                inside(x, y, what)
                inside(x + w, y + h, what)
                ends = sorted((x, x + w) if horizontal else (y, y + h))
                want = sorted((where(base, axis), where(base + v, axis)))
                assert abs(ends[0] - want[0]) <= TOLERANCE and abs(ends[1] - want[1]) <= TOLERANCE, (
                    f"{what}: {base:g} to {base + v:g} is drawn from {ends[0]:.1f} to "
                    f"{ends[1]:.1f}, its axis says {want[0]:.1f} to {want[1]:.1f}")
                in_slot((y + h / 2) if horizontal else (x + w / 2), i, what)
        elif s.kind == "line":
            points = _points(group.find(f"{SVG}polyline").get("points"))
            dots = [tuple(_floats(c, "cx", "cy")) for c in group.iter(f"{SVG}circle")]
            assert len(points) == len(dots) == len(s.values)
            for i, ((x, y), dot, v) in enumerate(zip(points, dots, s.values)):
                what = f"line {s.label!r} at {chart.categories[i]!r}"
                inside(x, y, what)
                assert dot == (x, y), f"{what}: its dot is not on the line"
                p, c = split(x, y)
                near(p, v, axis, what)
                in_slot(c, i, what)
        elif s.kind == "interval":
            lines = list(group.iter(f"{SVG}line"))
            dots = list(group.iter(f"{SVG}circle"))
            assert len(lines) == 3 * len(s.low) and len(dots) == len(s.values)
            for i in range(len(s.low)):
                what = f"interval {s.label!r} in {chart.categories[i]!r}"
                xa, ya, xb, yb = _floats(lines[3 * i], "x1", "y1", "x2", "y2")
                inside(xa, ya, what)
                inside(xb, yb, what)
                (pa, ca), (pb, cb) = split(xa, ya), split(xb, yb)
                near(pa, s.low[i], axis, what + " (low end)")
                near(pb, s.high[i], axis, what + " (high end)")
                in_slot(ca, i, what)
                if s.values:
                    x, y = _floats(dots[i], "cx", "cy")
                    inside(x, y, what)
                    near(split(x, y)[0], s.values[i], axis, what + " (centre)")
        elif s.kind == "band":
            corners = _points(group.find(f"{SVG}polygon").get("points"))
            values = list(s.high) + list(s.low)[::-1]
            assert len(corners) == len(values)
            for (x, y), v in zip(corners, values):
                inside(x, y, f"band {s.label!r}")
                near(split(x, y)[0], v, axis, f"band {s.label!r}")
        elif s.kind == "reference":
            line = group.find(f"{SVG}line")
            xa, ya, xb, yb = _floats(line, "x1", "y1", "x2", "y2")
            for x, y in ((xa, ya), (xb, yb)):
                inside(x, y, f"reference {s.label!r}")
                near(split(x, y)[0], s.values[0], axis, f"reference {s.label!r}")
