"""Tests for ccexercise.views.satisfaction: read the drawn bars back and compare with the model.

Tiny surveys with gaps worked by hand, so expected heights are known
without running the code under test.
"""

import re

import pandas as pd
import pytest
from matplotlib.figure import Figure

import ccexercise as cc
from ccexercise.expectations import promise_vs_delivery
from ccexercise.satisfaction import DIMENSIONS, SURVEY_ITEMS
from ccexercise.service_levels import ServiceLevel
from ccexercise.views import figure_to_png
from ccexercise.views.satisfaction import (
    EXPECTED_COLOUR,
    PERCEIVED_COLOUR,
    gap_chart,
    gap_live_chart,
    level_chart,
    promise_live_chart,
    rating_live_chart,
    segment_gap_chart,
    segment_live_chart,
)
from ccexercise.views.svg import SvgChart


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def row(segment, expected=5, perceived=5, **changes):
    """One respondent: every item rated the same, then ``changes``."""
    cells = {"segment": segment}
    for item in SURVEY_ITEMS:
        cells[f"{item.code}_expected"] = expected
        cells[f"{item.code}_perceived"] = perceived
    cells.update(changes)
    return cells


@pytest.fixture
def survey():
    """End users: reliability perceived 2 on both items (gap -3). Wholesalers: empathy 4 (-1)."""
    return pd.DataFrame([
        row("end user", reliability_1_perceived=2, reliability_2_perceived=2),
        row("wholesaler", empathy_1_perceived=4, empathy_2_perceived=4),
    ])


def heights(container):
    return [round(float(bar.get_height()), 3) for bar in container]


class TestGapChart:
    def test_bars_match_hand_means(self, survey):
        """Expected bars all 5; perceived: reliability (2 + 5) / 2 = 3.5, empathy 4.5."""
        fig = gap_chart(cc.gap_analysis(survey))
        assert isinstance(fig, Figure)
        expected, perceived = fig.axes[0].containers
        assert heights(expected) == [5, 5, 5, 5, 5]
        assert heights(perceived) == [5, 3.5, 5, 5, 4.5]
        assert expected.patches[0].get_facecolor()[:3] == pytest.approx(
            tuple(int(EXPECTED_COLOUR[i:i + 2], 16) / 255 for i in (1, 3, 5)))

    def test_title_names_weakest_and_gaps_written(self, survey):
        """The title names the weakest dimension; each dimension's gap is written."""
        fig = gap_chart(cc.gap_analysis(survey))
        ax = fig.axes[0]
        assert ax.get_title() == ("Expected and perceived service, by dimension "
                                  "(weakest: reliability)")
        texts = [t.get_text() for t in ax.texts]
        assert texts == ["gap +0.00", "gap -1.50", "gap +0.00", "gap +0.00", "gap -0.50"]
        assert [t.get_text() for t in ax.get_xticklabels()] == [d.capitalize()
                                                               for d in DIMENSIONS]

    def test_renders(self, survey):
        """The figure really draws to a PNG."""
        assert figure_to_png(gap_chart(cc.gap_analysis(survey)))[:4] == b"\x89PNG"

    def test_bad_input(self):
        """Only a gap analysis is accepted."""
        with raises(TypeError, "analysis must be the result of gap_analysis(...), got 3 (a int)"):
            gap_chart(3)


class TestLevelChart:
    def test_counts_and_colours(self):
        """One bar per level, in the level's colour, labelled with count and share."""
        fig = level_chart(cc.level_counts([ServiceLevel.LOW, ServiceLevel.WOW,
                                           ServiceLevel.WOW, ServiceLevel.WOW]))
        ax = fig.axes[0]
        assert heights(ax.containers[0]) == [1, 0, 3]
        assert [t.get_text() for t in ax.texts] == ["1 (25%)", "0 (0%)", "3 (75%)"]
        assert ax.get_title() == "Where 4 respondents fall among the three levels"

    def test_bad_input(self):
        """A plain list is not a level count table; nor is a table without the counts or levels."""
        with raises(TypeError, "counts must be a pandas DataFrame (the result of "
                               "level_counts(...)), got [1, 2, 3] (a list)"):
            level_chart([1, 2, 3])
        with raises(ValueError, "counts lacks the columns ['count']; it needs count (the result "
                                "of level_counts(...)) and has ['n']"):
            level_chart(pd.DataFrame({"n": [1, 2, 3]}, index=["Low", "Standard", "WOW"]))
        with raises(ValueError, "counts must have the rows ['Low', 'Standard', 'WOW'] (the "
                                "result of level_counts(...)), got [0, 1]"):
            level_chart(pd.DataFrame({"count": [1, 2]}))


class TestSegmentCharts:
    def test_static(self, survey):
        """One bar group per segment, heights = the segment's dimension gaps (by hand)."""
        fig = segment_gap_chart(cc.weakest_dimension(survey))
        end_user, wholesaler = fig.axes[0].containers
        assert heights(end_user) == [0, -3, 0, 0, 0]
        assert heights(wholesaler) == [0, 0, 0, 0, -1]

    def test_live(self, survey):
        """The SVG version draws the same numbers and a zero line."""
        chart = segment_live_chart(cc.weakest_dimension(survey))
        assert isinstance(chart, SvgChart)
        assert [s.values for s in chart.series[:2]] == [(0, -3, 0, 0, 0), (0, 0, 0, 0, -1)]
        assert chart.series[2].kind == "reference"
        assert chart.to_svg().startswith(b"<svg")

    def test_bad_input(self):
        """A table without dimension columns is refused; so is an empty one."""
        with raises(ValueError, "by_segment lacks the columns ['tangibles', 'reliability', "
                                "'responsiveness', 'assurance', 'empathy']; it needs tangibles, "
                                "reliability, responsiveness, assurance, empathy (the result of "
                                "weakest_dimension(...)) and has ['x']"):
            segment_gap_chart(pd.DataFrame({"x": [1]}))
        with raises(TypeError, "by_segment must be a pandas DataFrame (the result of "
                               "weakest_dimension(...)), got None (a NoneType)"):
            segment_live_chart(None)
        with raises(ValueError, "by_segment has no rows; there is no segment to draw"):
            segment_live_chart(pd.DataFrame(columns=list(DIMENSIONS)))


class TestLiveCharts:
    def test_rating_chart(self):
        """Expected 6, perceived 3: gap -3, Low, in the Low colour."""
        chart = rating_live_chart(6, 3, ServiceLevel.LOW)
        assert chart.title == "Gap -3: Low (expectations not met)"
        assert chart.series[0].values == (6, 3)
        assert chart.series[0].colour == ServiceLevel.LOW.colour

    def test_promise_chart(self):
        """Promise 3, deliver 5: two days late, Low; one day early is singular."""
        chart = promise_live_chart(promise_vs_delivery(promised=3, delivered=5))
        assert chart.title == "2 days late: Low"
        assert chart.series[0].values == (3, 5)
        assert promise_live_chart(promise_vs_delivery(promised=4, delivered=3)).title == (
            "1 day early: WOW")
        assert promise_live_chart(promise_vs_delivery(promised=4, delivered=4)).title == (
            "On the day promised: Standard")

    def test_promise_chart_bad_input(self):
        """Only a promise outcome is accepted."""
        with raises(TypeError, "outcome must be the result of promise_vs_delivery(...), got "
                               "(5, 3) (a tuple)"):
            promise_live_chart((5, 3))

    def test_gap_live_chart(self, survey):
        """Expected, perceived and the gap line, numbers from the analysis."""
        chart = gap_live_chart(cc.gap_analysis(survey))
        assert chart.series[1].values == (5, 3.5, 5, 5, 4.5)
        assert chart.series[2].values == (0, -1.5, 0, 0, -0.5)
        assert chart.series[2].axis == "right"
        assert chart.series[1].colour == PERCEIVED_COLOUR
        assert chart.title == "2 respondents: weakest is reliability"
