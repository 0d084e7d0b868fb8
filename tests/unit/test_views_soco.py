"""Tests for ccexercise.views.soco: the team profile charts draw the model's numbers."""

import re

import matplotlib.pyplot as plt
import pytest

import ccexercise as cc
from ccexercise.views import soco as views

from svg_geometry import check_truthful

FIVES = {code: 5 for code in cc.SOCO_CODES}
BEST = {c: 9 if c[0] == "c" else 1 for c in cc.SOCO_CODES}
# scores 120, 120, 120, 216, 116: average 692 / 5 = 138.4; theme 2 points
# (5 + 5 + 5 + 9 + (5 + 1) / 2) / 5 = 5.4, every other theme (15 + 9 + 5) / 5 = 5.8
TEAM = cc.soco_team([FIVES] * 3 + [BEST, {**FIVES, "s02": 9}])
OTHER = cc.soco_team([FIVES, FIVES])


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_team_chart_bars_are_the_people_per_band():
    fig = views.soco_team_chart(TEAM, compare=OTHER, labels=("After", "Before"))
    ax = fig.axes[0]
    after, before = ax.containers
    assert [b.get_height() for b in after] == TEAM.bands()["people"].tolist()
    assert [b.get_height() for b in before] == OTHER.bands()["people"].tolist()
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "24-47"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "After (5 people, average 138.4)", "Before (2 people, average 120)"]
    # the second team also differs by pattern, not colour alone
    assert before[0].get_hatch() == "//" and not after[0].get_hatch()


def test_live_chart_geometry_and_values():
    chart = views.soco_team_live_chart(TEAM, compare=OTHER)
    assert chart.series[0].values == tuple(float(v) for v in TEAM.bands()["people"])
    assert chart.series[1].values == tuple(float(v) for v in OTHER.bands()["people"])
    check_truthful(chart)


def test_themes_chart_marks_the_weakest_and_draws_true():
    chart = views.soco_themes_live_chart(TEAM)
    weakest = cc.SOCO_THEMES.index("informing, not pushing")
    assert chart.title == "Weakest theme: informing, not pushing (5.4 of 9)"
    assert chart.series[1].values[weakest] == 5.4 == chart.series[0].values[weakest]
    assert sum(v > 0 for v in chart.series[1].values) == 1
    check_truthful(chart)


def test_text_alternative_holds_every_number():
    text = views.soco_team_text(TEAM)
    for band, people in TEAM.bands()["people"].items():
        assert f"{band}: {people}" in text
    for theme, points in TEAM.themes.items():
        assert f"{theme} {points:.1f}" in text
    assert "Weakest theme: informing, not pushing." in text


def test_wrong_input_named():
    with pytest.raises(TypeError, match=re.escape(
            "compare must be the result of soco_team(...), got 5 (a int)")):
        views.soco_team_live_chart(TEAM, compare=5)
