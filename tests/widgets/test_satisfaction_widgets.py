"""Tests for ccexercise.widgets.satisfaction, driven from Python as a learner's clicks would.

Outputs are compared with levels and gaps worked out by hand, and with the
model functions called directly on the same inputs.
"""

import re

import ipywidgets as widgets
import pandas as pd
import pytest

import ccexercise as cc
from ccexercise.satisfaction import SURVEY_ITEMS
from ccexercise.service_levels import ServiceLevel
from ccexercise.widgets import (
    DimensionExplorer,
    PromiseSimulator,
    SatisfactionSliders,
    dimension_explorer,
    promise_simulator,
    satisfaction_sliders,
)


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


class TestSatisfactionSliders:
    def test_builds(self):
        """The factory gives a VBox with two 1-7 sliders."""
        w = satisfaction_sliders()
        assert isinstance(w, SatisfactionSliders) and isinstance(w, widgets.VBox)
        assert (w.expected.min, w.expected.max, w.perceived.min, w.perceived.max) == (1, 7, 1, 7)
        assert (w.expected.value, w.perceived.value) == (5, 5)

    @pytest.mark.parametrize("expected, perceived, word, gap", [
        (6, 4, "Low", -2), (5, 5, "Standard", 0), (3, 7, "WOW", 4)])
    def test_level_in_words_and_colour(self, expected, perceived, word, gap):
        """Moving the sliders shows the level by name, in its colour, with the sum."""
        w = satisfaction_sliders(4, 4)
        w.expected.value = expected
        w.perceived.value = perceived
        level = {"Low": ServiceLevel.LOW, "Standard": ServiceLevel.STANDARD,
                 "WOW": ServiceLevel.WOW}[word]
        assert w.result is level and w.gap == gap
        assert w.level_word.value == word
        assert f">{word}</span>" in w.level.value and level.colour in w.level.value
        assert level.meaning in w.level.value
        assert f"= {perceived} - {expected} = {gap:+d}." in w.summary.value

    def test_chart_follows(self):
        """The chart shows the two ratings and the level in its title."""
        w = satisfaction_sliders(6, 4)
        assert w.chart.chart.title == "Gap -2: Low (expectations not met)"
        w.perceived.value = 7
        assert w.chart.chart.series[0].values == (6, 7)
        assert w.chart.chart.title.startswith("Gap +1: WOW")
        assert w.chart.chart._limits["left"] == (0, 7)  # the value axis is the 1-7 scale

    def test_chart_draws_both_bars_to_their_values(self):
        """Expected 6, got 7: the bars are 6 and 7 high on an axis that reaches 7 (the picture
        once drew both at 6). Read off the SVG the page shows."""
        from tests.unit.svg_geometry import check_truthful

        w = satisfaction_sliders(6, 4)
        w.perceived.value = 7
        assert w.chart.value == w.chart.chart.to_svg()
        assert w.chart.chart.value_axis()[:2] == (0.0, 7.0)
        check_truthful(w.chart.chart)

    def test_tolerance(self):
        """A tolerance of 1 makes a one-point gap Standard."""
        w = satisfaction_sliders(5, 6, tolerance=1)
        assert w.level_word.value == "Standard"

    def test_other_scale(self):
        """A 1-10 scale gives 1-10 sliders."""
        w = satisfaction_sliders(9, 10, scale=(1, 10))
        assert w.perceived.max == 10 and w.result is ServiceLevel.WOW
        assert w.chart.chart._limits["left"] == (0, 10)

    def test_bad_start(self):
        """Off-scale or fractional starting ratings are refused by name."""
        with raises(ValueError, "perception must be on the scale 1 to 7, got 9"):
            satisfaction_sliders(5, 9)
        with raises(ValueError, "expected must be a whole number, got 4.5"):
            satisfaction_sliders(4.5, 5)


class TestPromiseSimulator:
    def test_starts_with_first_half_of_example(self):
        """Promise 5, deliver in 3: WOW."""
        sim = promise_simulator()
        assert isinstance(sim, PromiseSimulator)
        assert (sim.promised.value, sim.delivered.value) == (5, 3)
        assert sim.result.level is ServiceLevel.WOW
        assert "2 days early" in sim.summary.value

    def test_example_buttons(self):
        """The two buttons load the two halves of the deadline example: same work, opposite."""
        sim = promise_simulator(10, 10)
        sim.example_late.click()
        assert (sim.promised.value, sim.delivered.value) == (3, 5)
        assert sim.result.level is ServiceLevel.LOW
        assert ">Low</span>" in sim.level.value
        assert sim.chart.chart.title == "2 days late: Low"
        sim.example_early.click()
        assert sim.result.level is ServiceLevel.WOW
        assert sim.chart.chart.series[0].values == (5, 3)

    def test_own_numbers_and_tolerance(self):
        """A learner's own numbers: 1 day late is Low, forgiven with a tolerance of 1."""
        sim = promise_simulator()
        sim.promised.value = 7
        sim.delivered.value = 8
        assert sim.result.level is ServiceLevel.LOW
        sim.tolerance.value = 1
        assert sim.result.level is ServiceLevel.STANDARD
        assert sim.result.summary() == cc.promise_vs_delivery(
            promised=7, delivered=8, tolerance=1).summary()

    def test_button_redraws_once(self):
        """Setting a scenario redraws once, not once per slider."""
        sim = promise_simulator()
        seen = []
        sim.summary.observe(lambda change: seen.append(change["new"]), names="value")
        sim.example_late.click()
        assert len(seen) == 1

    def test_bad_start(self):
        """Days out of the slider range are refused."""
        with raises(ValueError, "delivered must be 0 or more, got -1"):
            promise_simulator(5, -1)
        with raises(ValueError, "tolerance must be 5 or less, got 9"):
            promise_simulator(tolerance=9)


def tiny_survey():
    """Four respondents: end users hurt on reliability, wholesalers on empathy; two branches."""
    rows = []
    for segment, branch, bad in (("end user", "North", "reliability"),
                                 ("end user", "South", "reliability"),
                                 ("wholesaler", "North", "empathy"),
                                 ("wholesaler", "South", "tangibles")):
        cells = {"segment": segment, "branch": branch}
        for item in SURVEY_ITEMS:
            cells[f"{item.code}_expected"] = 5
            cells[f"{item.code}_perceived"] = 2 if item.dimension == bad else 5
        rows.append(cells)
    return pd.DataFrame(rows)


class TestDimensionExplorer:
    def test_bundled_survey(self):
        """By default it explores the bundled survey's 469 good rows."""
        w = dimension_explorer()
        assert isinstance(w, DimensionExplorer)
        assert w.result.respondents == 469
        assert w.segment.options == ("All", "end user", "wholesaler", "retail shop")

    def test_segment_and_branch(self):
        """Choosing a segment and a branch narrows the respondents (counted by hand)."""
        w = dimension_explorer(tiny_survey())
        assert w.result.respondents == 4
        w.segment.value = "end user"
        assert w.result.respondents == 2 and w.result.weakest == "reliability"
        assert w.result.dimensions.loc["reliability", "gap"] == -3
        w.segment.value = "wholesaler"
        w.branch.value = "North"
        assert w.result.respondents == 1 and w.result.weakest == "empathy"
        assert "1 respondent (wholesalers, North branch): weakest is empathy" == (
            w.chart.chart.title)

    def test_levels_counted(self):
        """Each respondent's overall gap is -3/5 = -0.6: all four are Low."""
        w = dimension_explorer(tiny_survey())
        assert "Low</span>: 4 (100%)" in w.levels.value
        assert "WOW</span>: 0 (0%)" in w.levels.value

    def test_weights_change_the_weakest(self):
        """All: reliability -1.5, empathy -0.75, tangibles -0.75; weight empathy to lead."""
        w = dimension_explorer(tiny_survey())
        assert w.result.weakest == "reliability"
        w.weighted.value = True
        for d, slider in w.points.items():
            slider.value = {"empathy": 80}.get(d, 5)
        # reliability 0.05 x -1.5 = -0.075; empathy 0.8 x -0.75 = -0.6
        assert w.result.weakest == "empathy"
        assert w.result.weighted

    def test_no_match_and_zero_weights(self):
        """An empty choice or all-zero weights say so instead of failing."""
        survey = tiny_survey()
        survey.loc[3, "branch"] = "East"
        w = dimension_explorer(survey)
        w.branch.value = "East"
        w.segment.value = "end user"
        assert w.result is None and "No respondents match" in w.summary.value
        assert w.chart.chart is None
        w.segment.value = "All"
        w.weighted.value = True
        for slider in w.points.values():
            slider.value = 0
        assert w.result is None and "at least one dimension" in w.summary.value

    def test_bad_survey(self):
        """A table that is not the survey is refused at once."""
        needed = [f"{item.code}_{side}" for side in ("expected", "perceived")
                  for item in SURVEY_ITEMS]
        with raises(ValueError, f"survey lacks the columns {needed!r}; it needs "
                                f"{', '.join(needed)} (a survey such as "
                                "cc.datasets.load('04_satisfaction_formula')) and has "
                                "['segment', 'branch']"):
            dimension_explorer(pd.DataFrame({"segment": ["x"], "branch": ["y"]}))
