"""Tests for ccexercise.views.listening: the visit and themes charts sit where the counts say,
and their text twins carry every number."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ccexercise as cc
from ccexercise.views import listening as views
from svg_geometry import check_truthful

CHECKLIST = cc.mystery_shop_checklist(["website", "parking", "warehouse", "paying"])
VISIT = cc.score_visit(CHECKLIST, {"website": ["fine", "fine", "problem"],
                                   "parking": ["fine", "problem"],
                                   "warehouse": ["problem", "problem", "fine"]})
TALLY = cc.tally_themes(cc.load_conversations())


def test_visit_live_chart_by_hand():
    """Warehouse (1 of 3 fine) on top, then parking (1 of 2), website (2 of 3); paying unchecked."""
    chart = views.visit_live_chart(VISIT)
    assert chart.categories == ("Warehouse and waiting", "Parking", "Website")
    fine, problems = chart.series
    assert fine.values == (1.0, 1.0, 2.0) and problems.values == (2.0, 1.0, 1.0)
    assert problems.base == fine.values  # stacked on the fine points
    assert chart.title == "4 problems in 8 points: the weakest stage on top"
    check_truthful(chart)


def test_visit_text_has_every_number():
    assert views.visit_text(VISIT).splitlines() == [
        "4 problems in 8 points: the weakest stage on top",
        "Warehouse and waiting: 1 of 3 fine, 2 problems",
        "Parking: 1 of 2 fine, 1 problem",
        "Website: 2 of 3 fine, 1 problem",
        "Paying: not checked"]


def test_visit_chart_bars_by_hand():
    """matplotlib: bar lengths are the counts, problems start where the fine points end."""
    fig = views.visit_chart(VISIT)
    fine, problems = fig.axes[0].containers
    assert [b.get_width() for b in fine] == [1, 1, 2]
    assert [b.get_x() for b in problems] == [1, 1, 2]
    assert [b.get_width() for b in problems] == [2, 1, 1]


def test_themes_charts_by_hand():
    chart = views.themes_live_chart(TALLY)
    assert chart.series[0].values == (7.0, 5.0, 4.0, 3.0, 2.0, 2.0, 1.0, 1.0)
    assert chart.categories[0] == "waiting and speed"
    check_truthful(chart)
    fig = views.themes_chart(TALLY)
    assert [b.get_width() for b in fig.axes[0].containers[0]] == list(chart.series[0].values)
    assert views.themes_text(TALLY).splitlines()[:3] == [
        "What 25 customers want improved, by theme",
        "waiting and speed: 7 of 25 conversations (28%)",
        "stock and orders: 5 of 25 conversations (20%)"]


def test_wrong_inputs():
    with pytest.raises(TypeError, match=r"^visit must be the result of score_visit\(\.\.\.\), "
                                        r"got 'x' \(a str\)$"):
        views.visit_live_chart("x")
    with pytest.raises(ValueError, match="^visit has no point checked yet"):
        views.visit_chart(cc.score_visit(CHECKLIST, {}))
    with pytest.raises(TypeError, match=r"^tally must be the result of tally_themes"):
        views.themes_live_chart(VISIT)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["fine", "problem", "skip"]), min_size=10, max_size=10))
def test_visit_live_chart_is_truthful(marks):
    """Whatever the marks, every bar end sits where its count says."""
    visit = cc.score_visit(CHECKLIST, {"website": marks[:3], "parking": marks[3:5],
                                       "warehouse": marks[5:8], "paying": marks[8:]})
    if not visit.table["checked"].any():
        return
    check_truthful(views.visit_live_chart(visit))
