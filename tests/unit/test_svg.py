"""Tests for ccexercise.views.svg: the fast charts widgets redraw on every change.

The SVG is parsed as XML and the drawn shapes are measured, so a bar that is
too tall, missing or on the wrong side of zero fails here.
"""

import re
import xml.etree.ElementTree as ET

import pytest

from ccexercise.views.svg import SvgChart, nice_ticks

NS = {"s": "http://www.w3.org/2000/svg"}


def raises(kind, message):
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def parse(chart: SvgChart) -> ET.Element:
    return ET.fromstring(chart.to_svg())


def bar_rects(root):
    """The data bars: rects with a <title> tooltip (the background rect has none)."""
    return [r for r in root.iter("{http://www.w3.org/2000/svg}rect")
            if r.find("s:title", NS) is not None]


def texts(root) -> list[str]:
    return [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]


class TestNiceTicks:
    @pytest.mark.parametrize(("low", "high", "expected"), [
        (0, 70_000, [0, 20_000, 40_000, 60_000, 80_000]),
        (0, 1, [0, 0.25, 0.5, 0.75, 1]),
        (-100, 100, [-100, -50, 0, 50, 100]),
        (-3, 7, [-5, -2.5, 0, 2.5, 5, 7.5]),
    ])
    def test_round_steps_covering_the_range(self, low, high, expected):
        """Ticks are round steps (1, 2, 2.5, 5 x 10^k) from below low to above high."""
        assert nice_ticks(low, high) == expected

    def test_reversed_and_equal_ends(self):
        assert nice_ticks(10, 0) == nice_ticks(0, 10)
        ticks = nice_ticks(5, 5)
        assert ticks[0] < 5 < ticks[-1]


class TestBars:
    def test_bar_heights_are_proportional_to_values(self):
        """A bar of 40 is half as tall as a bar of 80, and both start at zero."""
        chart = SvgChart(title="t", categories=["a", "b"])
        chart.bars([40, 80], label="n", colour="#0072B2")
        first, second = bar_rects(parse(chart))
        h1, h2 = float(first.get("height")), float(second.get("height"))
        assert h2 == pytest.approx(2 * h1, abs=0.2)
        bottom1 = float(first.get("y")) + h1
        bottom2 = float(second.get("y")) + h2
        assert bottom1 == pytest.approx(bottom2, abs=0.1)

    def test_negative_bars_hang_below_zero(self):
        chart = SvgChart(title="t", categories=["gain", "loss"])
        chart.bars([3, -3], label="gap", colour="#0072B2")
        up, down = bar_rects(parse(chart))
        # Same size, and the negative bar starts where the positive one ends (the zero line).
        assert float(up.get("height")) == pytest.approx(float(down.get("height")), abs=0.2)
        assert float(up.get("y")) + float(up.get("height")) == pytest.approx(
            float(down.get("y")), abs=0.2)

    def test_grouped_bars_sit_side_by_side(self):
        chart = SvgChart(title="t", categories=["a"])
        chart.bars([1], label="x", colour="#000000", group=0, groups=2)
        chart.bars([1], label="y", colour="#111111", group=1, groups=2)
        left, right = bar_rects(parse(chart))
        assert float(left.get("x")) + float(left.get("width")) == pytest.approx(
            float(right.get("x")), abs=0.2)

    def test_stacked_bars_start_where_the_base_ends(self):
        chart = SvgChart(title="t", categories=["all"], horizontal=True)
        chart.bars([30], label="detractors", colour="#D55E00")
        chart.bars([50], label="passives", colour="#999999", base=[30])
        first, second = bar_rects(parse(chart))
        assert float(first.get("x")) + float(first.get("width")) == pytest.approx(
            float(second.get("x")), abs=0.2)

    def test_value_labels_and_legend_and_title(self):
        chart = SvgChart(title="Lost: 1,500", categories=["2024", "2025"])
        chart.bars([500, 1_000], label="Lost revenue", colour="#0072B2", value_labels=True)
        shown = texts(parse(chart))
        assert {"Lost: 1,500", "500", "1,000", "Lost revenue", "2024", "2025"} <= set(shown)

    def test_text_is_escaped(self):
        chart = SvgChart(title="Q&A <b>", categories=["<x>"])
        chart.bars([1], label="a & b", colour="#000000")
        assert "Q&A <b>" in texts(parse(chart))  # parses, so it was escaped


class TestOtherMarks:
    def test_line_on_the_right_axis_gets_its_own_scale(self):
        chart = SvgChart(title="t", categories=["1", "2"], right_label="so far")
        chart.bars([10, 10], label="yearly", colour="#0072B2")
        chart.line([10, 20], label="running", colour="#D55E00", axis="right")
        root = parse(chart)
        dots = [float(c.get("cy")) for c in root.iter("{http://www.w3.org/2000/svg}circle")]
        bar = bar_rects(root)[0]
        # The right axis reaches 20, so the running total's first point (10) is lower down
        # than the top of a bar of 10 on the left axis (which reaches 10).
        assert dots[0] > float(bar.get("y"))
        assert "so far" in texts(root)

    def test_interval_spans_low_to_high(self):
        chart = SvgChart(title="t", categories=["A"])
        chart.set_limits(-100, 100)
        chart.interval(low=[-50], high=[50], centre=[0], label="95% interval", colour="#000")
        # The interval itself is the one thick vertical line (caps and legend are horizontal).
        [line] = [ln for ln in parse(chart).iter("{http://www.w3.org/2000/svg}line")
                  if ln.get("stroke-width") == "4" and ln.get("x1") == ln.get("x2")]
        bottom, top = float(line.get("y1")), float(line.get("y2"))
        assert bottom - top > 0
        circle = next(parse(chart).iter("{http://www.w3.org/2000/svg}circle"))
        assert float(circle.get("cy")) == pytest.approx((top + bottom) / 2, abs=0.2)

    def test_band_and_reference_are_drawn(self):
        chart = SvgChart(title="t", categories=["m1", "m2", "m3"])
        chart.band(low=[1, 2, 3], high=[3, 4, 5], label="range", colour="#56B4E9")
        chart.reference(2, label="target")
        svg = chart.to_svg()
        assert b"<polygon" in svg and b'stroke-dasharray="8 6"' in svg

    def test_same_chart_same_bytes(self):
        def make():
            chart = SvgChart(title="t", categories=["a", "b"])
            chart.bars([1.5, 2], label="n", colour="#0072B2", value_labels=True)
            return chart.to_svg()
        assert make() == make()


class TestBadInput:
    def test_messages(self):
        chart = SvgChart(title="t", categories=["a", "b"])
        with raises(ValueError, "values must have one number per category (2), got 3"):
            chart.bars([1, 2, 3], label="n", colour="#000")
        with raises(TypeError, "values[1] must be a finite number, got 'x'"):
            chart.bars([1, "x"], label="n", colour="#000")
        with raises(TypeError, "values[0] must be a finite number, got True"):
            chart.line([True, 1], label="n", colour="#000")
        with raises(TypeError, "values[0] must be a finite number, got nan"):
            chart.line([float("nan"), 1], label="n", colour="#000")
        with raises(ValueError, "axis must be 'left' or 'right', got 'top'"):
            chart.line([1, 2], label="n", colour="#000", axis="top")
        with raises(ValueError, "group must be a whole number from 0 to groups - 1 (2 - 1), "
                                "got 2"):
            chart.bars([1, 2], label="n", colour="#000", group=2, groups=2)
        with raises(ValueError, "low must not be above high in any category"):
            chart.interval(low=[2, 0], high=[1, 1], label="n", colour="#000")
        with raises(ValueError, "low must be below high, got 5.0 and 5.0"):
            chart.set_limits(5, 5)
        with raises(TypeError, "title must be text (a str), got 3 (a int)"):
            SvgChart(title=3, categories=["a"])
        with raises(ValueError, "categories must not be empty"):
            SvgChart(title="t", categories=[])
        with raises(ValueError, "width must be a whole number of pixels, at least 200, got 50"):
            SvgChart(title="t", categories=["a"], width=50)
