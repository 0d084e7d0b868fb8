"""Tests for ccexercise.service_levels.

The rules come from the workshop text: Low = less than expected, Standard =
expectations met, WOW = more than expected. Expected levels are written out
by hand for each gap.
"""

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ccexercise
from ccexercise.service_levels import (
    DEFAULT_TOLERANCE,
    MATURITY_STAGES,
    MATURITY_STATEMENTS,
    MaturityResult,
    ServiceLevel,
    level_counts,
    maturity_stage,
    service_level,
)

PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

gaps = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
tolerances = st.floats(min_value=0, max_value=100, allow_nan=False, allow_infinity=False)

LOW, STANDARD, WOW = ServiceLevel.LOW, ServiceLevel.STANDARD, ServiceLevel.WOW


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


# --------------------------------------------------------------------------
# ServiceLevel
# --------------------------------------------------------------------------

class TestServiceLevelEnum:
    def test_three_members_in_order(self):
        """There are exactly three levels, from worst to best."""
        assert list(ServiceLevel) == [LOW, STANDARD, WOW]
        assert LOW < STANDARD < WOW
        assert WOW > LOW and WOW >= WOW and LOW <= LOW
        assert max([STANDARD, WOW, LOW]) is WOW

    def test_prints_as_plain_name(self):
        """str() gives the name people say; repr() the name to type."""
        assert [str(level) for level in ServiceLevel] == ["Low", "Standard", "WOW"]
        assert [repr(level) for level in ServiceLevel] == [
            "ServiceLevel.LOW", "ServiceLevel.STANDARD", "ServiceLevel.WOW"]
        assert f"{WOW}" == "WOW"

    def test_meaning_and_emotion_follow_the_text(self):
        """Low is not met, Standard met, WOW exceeded; WOW customers want to come back."""
        assert LOW.meaning == "expectations not met"
        assert STANDARD.meaning == "expectations met"
        assert WOW.meaning == "expectations exceeded"
        assert "come back" in WOW.emotion
        assert "calm" in STANDARD.emotion

    def test_html_badge_shows_label_meaning_and_colour(self):
        """In a notebook a level shows as a badge in its own colour, with words."""
        badge = LOW._repr_html_()
        assert "#D55E00" in badge and ">Low<" in badge and "expectations not met" in badge
        assert len({level.colour for level in ServiceLevel}) == 3

    def test_colours_match_the_chart_palette(self):
        """The badge colours are the Okabe-Ito values the charts use."""
        okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
                     "#CC79A7"}
        assert {level.colour for level in ServiceLevel} <= okabe_ito

    def test_comparison_with_other_types_is_refused(self):
        """Comparing a level with a number is a TypeError, not a silent answer."""
        with pytest.raises(TypeError):
            _ = LOW < 2

    def test_reexported(self):
        """The names are available as cc.*."""
        assert ccexercise.ServiceLevel is ServiceLevel
        assert ccexercise.service_level is service_level
        assert ccexercise.level_counts is level_counts


# --------------------------------------------------------------------------
# service_level
# --------------------------------------------------------------------------

class TestServiceLevel:
    @pytest.mark.parametrize("gap, level", [
        (-3, LOW), (-0.51, LOW), (-0.5, STANDARD), (0, STANDARD), (0.5, STANDARD),
        (0.51, WOW), (2, WOW)])
    def test_default_tolerance_band(self, gap, level):
        """With the default tolerance 0.5 the band [-0.5, 0.5] is Standard, inclusive."""
        assert DEFAULT_TOLERANCE == 0.5
        assert service_level(gap) is level

    def test_zero_tolerance(self):
        """With tolerance 0 only an exact zero is met."""
        assert [service_level(g, tolerance=0) for g in (-0.01, 0, 0.01)] == [LOW, STANDARD, WOW]

    def test_deadline_example(self):
        """Promise 5 days, deliver in 3: WOW; expect 3, get 5: Low (gap in days saved)."""
        assert service_level(5 - 3, tolerance=0) is WOW
        assert service_level(3 - 5, tolerance=0) is LOW

    def test_numpy_scalars(self):
        """NumPy numbers and 0-d arrays are numbers too."""
        assert service_level(np.int64(-2)) is LOW
        assert service_level(np.float64(0.2)) is STANDARD
        assert service_level(np.array(3.0)) is WOW

    def test_list_gives_list(self):
        """A list of gaps gives a list of levels, in order."""
        assert service_level([-2, 0, 0.7, 1.5], tolerance=1) == [LOW, STANDARD, STANDARD, WOW]
        assert service_level(()) == []

    def test_series_keeps_index(self):
        """A Series gives a Series with the same index, named service_level."""
        gaps_in = pd.Series([-1.0, 0.0, 2.0], index=["a", "b", "c"], name="gap")
        levels = service_level(gaps_in)
        assert isinstance(levels, pd.Series)
        assert levels.index.tolist() == ["a", "b", "c"]
        assert levels.name == "service_level"
        assert levels.tolist() == [LOW, STANDARD, WOW]

    def test_series_does_not_change_input(self):
        """The caller's Series is left as it was."""
        gaps_in = pd.Series([-1, 2])
        service_level(gaps_in)
        assert gaps_in.tolist() == [-1, 2]

    def test_dataframe_elementwise(self):
        """A DataFrame gives a DataFrame of levels, cell by cell."""
        frame = pd.DataFrame({"x": [-1, 1], "y": [0, 0.2]}, index=[10, 20])
        levels = service_level(frame)
        assert levels.columns.tolist() == ["x", "y"]
        assert levels.index.tolist() == [10, 20]
        assert levels.to_numpy().tolist() == [[LOW, STANDARD], [WOW, STANDARD]]

    def test_integer_and_nullable_series(self):
        """Integer and nullable-integer Series work."""
        assert service_level(pd.Series([1, -1], dtype="Int64")).tolist() == [WOW, LOW]

    # ---- bad input ---------------------------------------------------------

    def test_text_gap(self):
        """A text gap is a TypeError naming the value."""
        with raises(TypeError, "gap must be a number, got 'high' (a str)"):
            service_level("high")

    def test_bool_gap(self):
        """True is not a gap."""
        with raises(TypeError, "gap must be a number, got True (a bool)"):
            service_level(True)

    def test_none_gap(self):
        """None is not a gap."""
        with raises(TypeError, "gap must be a number, got None (a NoneType)"):
            service_level(None)

    def test_ellipsis_gap(self):
        """An unfilled exercise answer gets the ... hint."""
        with raises(TypeError, "gap is still ... : replace the ... with a number"):
            service_level(...)

    def test_nan_gap(self):
        """NaN is refused."""
        with raises(ValueError, "gap must be a finite number, got nan"):
            service_level(float("nan"))

    def test_bad_list_element(self):
        """A bad element names its position."""
        with raises(TypeError, "gap[1] must be a number, got 'x' (a str)"):
            service_level([1, "x"])

    def test_nan_in_series(self):
        """Empty cells in a Series are listed by index."""
        with raises(ValueError, "gap is empty (NaN) or infinite in 2 row(s): index ['b', 'c']"):
            service_level(pd.Series([1.0, np.nan, np.inf], index=["a", "b", "c"]))

    def test_text_series(self):
        """A Series of text is a TypeError naming the dtype."""
        with raises(TypeError, "gap must hold numbers, got dtype object"):
            service_level(pd.Series(["1", "2"], dtype=object))

    def test_bool_series(self):
        """A Series of booleans is not gaps."""
        with raises(TypeError, "gap must hold numbers, got dtype bool"):
            service_level(pd.Series([True, False]))

    def test_bad_dataframe_column(self):
        """A DataFrame column with gaps missing names the column."""
        frame = pd.DataFrame({"x": [1.0, 2.0], "y": [np.nan, 1.0]})
        with raises(ValueError, "gap column 'y' is empty (NaN) or infinite in 1 row(s): index [0]"):
            service_level(frame)

    def test_many_bad_rows_are_summarised(self):
        """More than five bad rows: the first five are named and the rest counted."""
        with raises(ValueError, "gap is empty (NaN) or infinite in 7 row(s): "
                                "index [0, 1, 2, 3, 4] and 2 more"):
            service_level(pd.Series([np.nan] * 7))

    @pytest.mark.parametrize("tolerance, kind, message", [
        (-1, ValueError, "tolerance must be 0 or more, got -1"),
        ("1", TypeError, "tolerance must be a number, got '1' (a str)"),
        (float("inf"), ValueError, "tolerance must be a finite number, got inf"),
        (None, TypeError, "tolerance must be a number, got None (a NoneType)"),
    ])
    def test_bad_tolerance(self, tolerance, kind, message):
        """tolerance must be a finite number, 0 or more."""
        with raises(kind, message):
            service_level(1, tolerance=tolerance)

    # ---- properties ----------------------------------------------------------

    @PROPERTY
    @given(a=gaps, b=gaps, tolerance=tolerances)
    def test_monotonic_in_gap(self, a, b, tolerance):
        """A larger gap (more perceived for the same expectation) never gives a lower level."""
        low, high = sorted((a, b))
        assert service_level(low, tolerance=tolerance) <= service_level(high, tolerance=tolerance)

    @PROPERTY
    @given(gap=gaps, tolerance=tolerances)
    def test_mirror(self, gap, tolerance):
        """Flipping the gap's sign swaps Low and WOW and keeps Standard."""
        mirror = {LOW: WOW, STANDARD: STANDARD, WOW: LOW}
        assert service_level(-gap, tolerance=tolerance) is mirror[
            service_level(gap, tolerance=tolerance)]

    @PROPERTY
    @given(values=st.lists(gaps, max_size=30), tolerance=tolerances)
    def test_series_matches_scalar(self, values, tolerance):
        """The vectorised answer equals the answer for each gap alone."""
        expected = [service_level(v, tolerance=tolerance) for v in values]
        got = service_level(pd.Series(values, dtype=float), tolerance=tolerance)
        assert got.tolist() == expected

    @PROPERTY
    @given(gap=gaps, tolerance=tolerances)
    def test_definition(self, gap, tolerance):
        """The level follows the written rule exactly."""
        expected = LOW if gap < -tolerance else WOW if gap > tolerance else STANDARD
        assert service_level(gap, tolerance=tolerance) is expected


# --------------------------------------------------------------------------
# level_counts
# --------------------------------------------------------------------------

class TestLevelCounts:
    def test_counts_and_shares(self):
        """Counts and shares, every level listed in order."""
        counts = level_counts([WOW, LOW, WOW, WOW])
        assert counts.index.tolist() == ["Low", "Standard", "WOW"]
        assert counts.index.name == "level"
        assert counts["count"].tolist() == [1, 0, 3]
        assert counts["share"].tolist() == [0.25, 0.0, 0.75]

    def test_series_input(self):
        """The Series that service_level returns can be counted directly."""
        counts = level_counts(service_level(pd.Series([-2.0, 0.0, 0.0])))
        assert counts["count"].tolist() == [1, 2, 0]

    def test_single_level(self):
        """One level alone counts as one."""
        assert level_counts(STANDARD)["count"].tolist() == [0, 1, 0]

    def test_empty(self):
        """No levels: all counts and shares are zero."""
        counts = level_counts([])
        assert counts["count"].tolist() == [0, 0, 0]
        assert counts["share"].tolist() == [0.0, 0.0, 0.0]

    def test_text_element(self):
        """A level typed as text is refused with its position."""
        with raises(TypeError, "levels must hold ServiceLevel members (the result of "
                               "service_level), got 'WOW' at position 0"):
            level_counts(["WOW"])

    def test_not_a_list(self):
        """A number is not a list of levels."""
        with raises(TypeError, "levels must be a list or Series of ServiceLevel (the result of "
                               "service_level), got a int"):
            level_counts(3)

    def test_text_instead_of_list(self):
        """A string is not a list of levels."""
        with raises(TypeError, "levels must be a list or Series of ServiceLevel (the result of "
                               "service_level), got a str"):
            level_counts("WOW")

    @PROPERTY
    @given(values=st.lists(gaps, max_size=40))
    def test_counts_add_up(self, values):
        """Counts add up to the number of gaps; shares to 1 when there are any."""
        counts = level_counts(service_level(values))
        assert counts["count"].sum() == len(values)
        if values:
            assert counts["share"].sum() == pytest.approx(1.0)


# --------------------------------------------------------------------------
# Service maturity
# --------------------------------------------------------------------------

class TestMaturity:
    def test_three_stages_in_order(self):
        """Courtesy, then solving problems, then the company taking the initiative."""
        assert [stage.number for stage in MATURITY_STAGES] == [1, 2, 3]
        assert [stage.name for stage in MATURITY_STAGES] == [
            "Courtesy and individual service", "Solving problems",
            "The company takes the initiative"]
        assert [stage.who_starts for stage in MATURITY_STAGES] == [
            "the customer", "the customer", "the company"]
        assert str(MATURITY_STAGES[2]) == "Stage 3: The company takes the initiative"

    def test_stages_are_not_paired_with_the_company_path(self):
        """The source never ties the stages to high / professional service / care centre."""
        for stage in MATURITY_STAGES:
            assert not hasattr(stage, "company_path")
            assert "care centre" not in stage.description

    def test_three_statements_per_stage(self):
        """The self-assessment has three statements for each stage."""
        assert [number for number, _ in MATURITY_STATEMENTS] == [1, 1, 1, 2, 2, 2, 3, 3, 3]

    def test_all_yes_is_stage_three(self):
        """Everything true reaches stage 3."""
        result = maturity_stage([True] * 9)
        assert isinstance(result, MaturityResult)
        assert result.stage is MATURITY_STAGES[2]
        assert result.yes_per_stage == (3, 3, 3)

    def test_all_no_is_no_stage(self):
        """Nothing true reaches no stage, and the next step is courtesy."""
        result = maturity_stage([False] * 9)
        assert result.stage is None
        assert result.yes_per_stage == (0, 0, 0)
        assert result.summary() == ("You reached no stage yet. Next: make courtesy the rule "
                                    "for everyone (stage 1).")

    def test_two_of_three_is_enough(self):
        """Two true statements of three reach a stage."""
        result = maturity_stage([True, True, False, False, True, True, False, False, False])
        assert result.stage.number == 2

    def test_skipping_a_stage_does_not_count(self):
        """Initiative without courtesy: the stage reached is none."""
        result = maturity_stage([False, False, True, True, True, True, True, True, True])
        assert result.stage is None
        assert result.yes_per_stage == (1, 3, 3)

    def test_numpy_booleans(self):
        """NumPy booleans, as a pandas column gives them, are accepted."""
        assert maturity_stage(np.array([True] * 3 + [False] * 6)).stage.number == 1

    def test_wrong_length(self):
        """The number of answers must match the statements."""
        with raises(ValueError, "answers must hold 9 True/False values, one per statement in "
                                "MATURITY_STATEMENTS, got 8"):
            maturity_stage([True] * 8)

    def test_not_boolean(self):
        """1 and 'yes' are not True."""
        with raises(TypeError, "answers must be True or False, got 1 at position 0"):
            maturity_stage([1] + [True] * 8)
        with raises(TypeError, "answers must be True or False, got 'yes' at position 4"):
            maturity_stage([True] * 4 + ["yes"] + [True] * 4)

    def test_not_a_list(self):
        """A single answer is not a list."""
        with raises(TypeError, "answers must be a list of True/False values, got a bool"):
            maturity_stage(True)


def test_public_names_sorted_and_reexported():
    """__all__ is sorted, and every public name is available as cc.<name>."""
    from ccexercise import service_levels

    names = service_levels.__all__
    assert list(names) == sorted(names)
    for name in names:
        if name != "DEFAULT_TOLERANCE":
            assert getattr(ccexercise, name) is getattr(service_levels, name)
