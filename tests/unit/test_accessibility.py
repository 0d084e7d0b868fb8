"""Charts everyone can use (issue 20): every chart's text alternative states the numbers
it draws and changes when they do; the palette keeps marks at 3:1 on white and colours
drawn together apart for the common colour-vision deficiencies; the slider-naming script
reaches both JupyterLab and the projector template."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ccexercise as cc
from ccexercise.views import _figures, cohort, nps, room, satisfaction, skit
from ccexercise.views import lost_customers as lost_views
from ccexercise.views import maturity as maturity_views
from ccexercise.views._figures import COLOURS, MIN_CVD_DISTANCE, figure_alt_text, figure_html
from ccexercise.views.svg import SvgChart

# -- every live chart: its words carry every number drawn -------------------------------


def _survey():
    return cc.datasets.load("04_satisfaction_formula", errors="report").data


#: view name -> (a chart, the same view on other data)
LIVE_VIEWS = {
    "lost_revenue_live_chart": lambda n: lost_views.lost_revenue_live_chart(
        cc.lost_revenue(10_000 + n, growth_per_year=2_000, years=5, margin=0.2)),
    "nps_groups_live_chart": lambda n: nps.nps_groups_live_chart(cc.NpsCounts(100 + n, 60, 40)),
    "nps_interval_live_chart": lambda n: nps.nps_interval_live_chart(
        cc.NpsCounts(100 + n, 60, 40)),
    "nps_what_if_live_chart": lambda n: nps.nps_what_if_live_chart(
        cc.nps_what_if(100 + n, 60, 40, moved=10)),
    "rating_live_chart": lambda n: satisfaction.rating_live_chart(
        5, 6 - n % 3, cc.service_level(cc.satisfaction(6 - n % 3, 5))),
    "promise_live_chart": lambda n: satisfaction.promise_live_chart(
        cc.promise_vs_delivery(promised=5, delivered=3 + n % 3)),
    "gap_live_chart": lambda n: satisfaction.gap_live_chart(
        cc.gap_analysis(_survey().iloc[: 40 + n])),
    "maturity_chart": lambda n: maturity_views.maturity_chart(
        cc.maturity_stage([True] * (1 + n % 8) + [False] * (8 - n % 8))),
    "rating_chart": lambda n: room.rating_chart(
        {"id": "q", "kind": "rating", "text": "Come back?", "options": [], "low": 1, "high": 5},
        {"count": 3 + n, "mean": 4.0,
         "counts": {"1": 0, "2": n, "3": 1, "4": 1, "5": 1}}),
}


def _drawn(chart: SvgChart) -> list[str]:
    """Every number the picture draws, as the chart writes it."""
    texts = []
    for s in chart.series:
        texts += [chart.value_format(v) for v in (*s.values, *s.low, *s.high)
                  if not (s.kind == "bars" and v == 0 and len(chart.series) > 1)]
    return texts


@pytest.mark.parametrize("view", sorted(LIVE_VIEWS))
def test_a_live_charts_words_state_its_numbers_and_follow_its_data(view):
    first, second = LIVE_VIEWS[view](0), LIVE_VIEWS[view](1)
    words = first.describe()
    assert words.startswith(first.title.rstrip("."))
    for number in _drawn(first):
        assert re.search(rf"(?<![\d,.]){re.escape(number)}(?![\d,])", words), (number, words)
    assert second.describe() != words, "the words must change when the data does"
    assert f'aria-label="{words[:20]}' in first.to_svg().decode()


def test_the_lost_customer_chart_reads_as_the_issue_asks():
    chart = LIVE_VIEWS["lost_revenue_live_chart"](0)
    assert chart.describe().startswith(
        "Lost revenue over 5 years: 70,000. Lost revenue per year: Year 1 10,000; "
        "Year 2 12,000; Year 3 14,000; Year 4 16,000; Year 5 18,000.")
    assert "Year 5 70,000" in chart.describe()   # the running total, on the right axis


def test_a_room_choice_chart_says_its_counts():
    chart = room.choice_chart(
        {"id": "c", "kind": "choice", "text": "Which?", "options": ["Tea", "Coffee"]},
        {"count": 5, "counts": {"Tea": 2, "Coffee": 3}})
    assert "Tea 2" in chart.describe() and "Coffee 3" in chart.describe()


@settings(max_examples=40, deadline=None)
@given(values=st.lists(st.integers(-10_000, 10_000), min_size=1, max_size=8))
def test_any_bar_chart_lists_every_bar(values):
    chart = SvgChart(title="Any", categories=[f"c{i}" for i in range(len(values))])
    chart.bars(values, label="n", colour=COLOURS["revenue"])
    words = chart.describe()
    for i, v in enumerate(values):
        assert f"c{i} {chart.value_format(v)}" in words
    table = chart.table_html()
    assert table.count("<tr>") == len(values) + 1


def test_table_and_words_of_an_interval_and_a_reference():
    chart = SvgChart(title="NPS", categories=["NPS"], horizontal=True)
    chart.interval(low=[19.2], high=[40.8], centre=[30], label="95% interval",
                   colour=COLOURS["revenue"])
    chart.reference(0, label="0")
    assert chart.describe() == ("NPS. 95% interval: NPS 30 (from 19.2 to 40.8). "
                                "Reference line: 0.")
    assert "<td>30 (from 19.2 to 40.8)</td>" in chart.table_html()


# -- the widget: the words on the <img>, the table behind a toggle ----------------------

def test_chart_image_names_its_picture_and_offers_a_table():
    from ccexercise.widgets import lost_customer_calculator

    calc = lost_customer_calculator()
    image = calc.chart
    assert image.image.tooltip == image.chart.describe() == image.alt
    assert "Year 1 10,000" in image.alt
    assert image.table_toggle.layout.display != "none"   # 15 numbers: more than a few
    assert image.table.layout.display == "none" and image.table.value == ""
    image.table_toggle.value = True
    assert image.table.value == image.chart.table_html()
    assert image.table_toggle.description == "Hide the table"
    before = image.alt
    calc.years.value = 10
    assert image.alt != before and "Year 10" in image.alt
    assert image.table.value == image.chart.table_html()   # the open table follows
    image.clear()
    assert image.alt == "" and image.table.value == ""


def test_a_chart_of_few_numbers_has_no_table_toggle():
    from ccexercise.widgets.charts import ChartImage

    chart = SvgChart(title="Two", categories=["a", "b"])
    chart.bars([1, 2], label="n", colour=COLOURS["revenue"])
    image = ChartImage()
    image.show(chart)
    assert image.table_toggle.layout.display == "none"


# -- matplotlib charts in lessons --------------------------------------------------------

MPL_VIEWS = {
    "lost_revenue_chart": lambda n: cc.views.lost_revenue_chart(
        cc.lost_revenue(10_000 + n, growth_per_year=2_000, years=5, margin=0.2)),
    "nps_groups_chart": lambda n: cc.views.nps_groups_chart(cc.NpsCounts(100 + n, 60, 40)),
    "level_chart": lambda n: satisfaction.level_chart(
        cc.level_counts(cc.service_level([-2, 0, 0, 3] + [1] * n))),
    "gap_chart": lambda n: satisfaction.gap_chart(cc.gap_analysis(_survey().iloc[: 40 + n])),
    "score_histogram": lambda n: cohort.score_histogram([1, 5, 7, 9 + n], max_score=20,
                                                        title="Scores"),
}


@pytest.mark.parametrize("view", sorted(MPL_VIEWS))
def test_a_lesson_charts_alt_text_states_its_numbers_and_follows_its_data(view):
    first, second = MPL_VIEWS[view](0), MPL_VIEWS[view](5)
    words = figure_alt_text(first)
    assert re.search(r"\d", words), words
    for _title, _name, cells in _figures.figure_series(first):
        for _category, value in cells:
            assert value in words
    assert figure_alt_text(second) != words
    html = figure_html(first)
    assert 'alt="' in html and "data:image/png;base64," in html


def test_the_lesson_lost_customer_chart_in_words():
    words = figure_alt_text(MPL_VIEWS["lost_revenue_chart"](0))
    assert words.startswith("Lost revenue over 5 years: 70,000. Lost revenue per year: "
                            "Year 1 10,000; Year 2 12,000; Year 3 14,000; Year 4 16,000; "
                            "Year 5 18,000.")


# -- colour ----------------------------------------------------------------------------

def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str = "#FFFFFF") -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


#: Colours drawn as marks (bars, lines, dots) on white.
MARKS = {
    **{f"COLOURS[{k}]": v for k, v in COLOURS.items() if k not in ("grid", "text")},
    **{f"NPS {k}": v for k, v in nps.GROUP_COLOURS.items()},
    "expected": satisfaction.EXPECTED_COLOUR, "perceived": satisfaction.PERCEIVED_COLOUR,
    **{f"segment {i}": v for i, v in enumerate(satisfaction.SEGMENT_COLOURS)},
    "room": skit.ROOM_COLOUR,
    **{f"outcome {k}": v for k, v in cohort.OUTCOME_COLOURS.items()},
    **{f"level {level.name}": level.colour for level in cc.ServiceLevel},
}

#: Colours drawn side by side in one chart, which a reader must tell apart.
TOGETHER = {
    "lost revenue chart": [COLOURS["revenue"], COLOURS["profit"], COLOURS["cumulative"]],
    "NPS groups": list(nps.GROUP_COLOURS.values()),
    "expected and perceived": [satisfaction.EXPECTED_COLOUR, satisfaction.PERCEIVED_COLOUR],
    "service levels": [level.colour for level in cc.ServiceLevel],
    "test outcomes": list(cohort.OUTCOME_COLOURS.values()),
}


@pytest.mark.parametrize("name", sorted(MARKS))
def test_chart_marks_reach_three_to_one_on_white(name):
    assert contrast(MARKS[name]) >= 3.0, f"{name} {MARKS[name]}: {contrast(MARKS[name]):.2f}:1"


def test_text_colours_reach_aa():
    from ccexercise.widgets import style

    for colour in (style.TEXT_COLOUR, style.MUTED_COLOUR, style.TIME_UP_COLOUR,
                   COLOURS["text"], nps.GROUP_COLOURS["Passives"],
                   *(level.text_colour for level in cc.ServiceLevel)):
        assert contrast(colour) >= 4.5, colour


def test_a_level_written_in_a_table_uses_its_text_colour():
    """The skit comparison writes Low, Standard and WOW at body size: the chart colours
    (3:1) are too light there, so the words take the darker text shades (4.5:1)."""
    import pandas as pd

    table = pd.DataFrame({"level": ["Low", "WOW"], "emotions": ["", ""], "felt_level": ["", ""],
                          "come_back": [None, None], "room_mean": [0.0, 0.0],
                          "room_count": [0, 0]}, index=["Team 1", "Team 2"])
    from ccexercise.widgets import skit as skit_widgets

    page = skit_widgets._comparison_html(table)
    for level in (cc.ServiceLevel.LOW, cc.ServiceLevel.WOW):
        assert f'color: {level.text_colour}">{level.label}' in page
        assert level.colour not in page


@pytest.mark.parametrize("chart", sorted(TOGETHER))
def test_colours_drawn_together_stay_apart_for_colour_blind_readers(chart):
    colorspacious = pytest.importorskip("colorspacious")
    import numpy as np

    def seen(colour, cvd):
        rgb = np.array([int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
        if cvd is None:
            return rgb
        space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
        return np.clip(colorspacious.cspace_convert(rgb, space, "sRGB1"), 0, 1)

    for a, b in itertools.combinations(TOGETHER[chart], 2):
        for cvd in (None, "deuteranomaly", "protanomaly", "tritanomaly"):
            distance = colorspacious.deltaE(seen(a, cvd), seen(b, cvd), input_space="sRGB1")
            assert distance >= MIN_CVD_DISTANCE, (chart, a, b, cvd, round(float(distance), 1))


# -- slider names and reachable scroll boxes: one script, both front ends ---------------

def test_one_accessibility_script_in_jupyterlab_and_the_projector_template():
    from ccexercise import launch
    from ccexercise.widgets.accessibility import FRONT_END_JS

    assert FRONT_END_JS in launch._PROJECTOR_INDEX
    assert ".noUi-handle" in FRONT_END_JS and "aria-label" in FRONT_END_JS
    assert '"tabindex", "0"' in FRONT_END_JS and "#rendered_cells" in FRONT_END_JS
    assert ":focus-visible" in launch._PROJECTOR_INDEX
