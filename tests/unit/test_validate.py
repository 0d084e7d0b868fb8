"""Tests for ccexercise._validate: every check, every branch, exact messages."""

import math
import re
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from ccexercise._validate import check_columns, check_fraction, check_number, check_whole_number


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


class TestCheckNumber:
    def test_placeholder_ellipsis(self):
        """An exercise placeholder `...` left in place gets its own hint."""
        with raises(TypeError, "first_year is still ... : replace the ... with a number"):
            check_number("first_year", ...)

    def test_int_returned_as_float(self):
        """An int comes back as an equal float."""
        result = check_number("x", 7)
        assert result == 7.0 and type(result) is float

    def test_numpy_scalars_accepted(self):
        """numpy ints and floats are numbers too and come back as plain floats."""
        assert type(check_number("x", np.int64(3))) is float
        assert check_number("x", np.float32(0.5)) == 0.5

    def test_fraction_accepted(self):
        """Any numbers.Real (here a Fraction) is accepted."""
        assert check_number("x", Fraction(1, 4)) == 0.25

    @pytest.mark.parametrize("value, shown", [("10000", "'10000' (a str)"),
                                              (None, "None (a NoneType)"),
                                              ([1], "[1] (a list)"),
                                              (1 + 2j, "(1+2j) (a complex)")])
    def test_non_number_is_type_error(self, value, shown):
        """A value that is not a real number raises TypeError naming its type."""
        with raises(TypeError, f"first_year must be a number, got {shown}"):
            check_number("first_year", value)

    @pytest.mark.parametrize("value", [True, False, np.bool_(True)])
    def test_bool_rejected(self, value):
        """Booleans are not numbers here, even though bool subclasses int."""
        with raises(TypeError, f"x must be a number, got {value!r} (a {type(value).__name__})"):
            check_number("x", value)

    @pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, np.float64("nan")])
    def test_not_finite_rejected(self, value):
        """NaN and infinities raise ValueError."""
        with raises(ValueError, f"x must be a finite number, got {value!r}"):
            check_number("x", value)

    def test_below_minimum(self):
        """A value under the minimum names the minimum."""
        with raises(ValueError, "first_year must be 0 or more, got -5"):
            check_number("first_year", -5, minimum=0)

    def test_above_maximum(self):
        """A value over the maximum names the maximum."""
        with raises(ValueError, "rate must be 1 or less, got 1.5"):
            check_number("rate", 1.5, maximum=1)

    def test_bounds_formatted_compactly(self):
        """Float bounds print without a trailing .0 (via :g)."""
        with raises(ValueError, "rate must be -1 or more, got -2"):
            check_number("rate", -2, minimum=-1.0)

    def test_bounds_are_inclusive(self):
        """Values equal to the bounds pass."""
        assert check_number("x", 0, minimum=0, maximum=0) == 0.0

    def test_no_bounds_allows_negative(self):
        """Without bounds any finite number passes."""
        assert check_number("x", -1e300) == -1e300


class TestCheckWholeNumber:
    def test_placeholder_ellipsis(self):
        """An exercise placeholder `...` left in place gets its own hint."""
        with raises(TypeError, "years is still ... : replace the ... with a whole number"):
            check_whole_number("years", ...)

    def test_int_returned(self):
        """An int comes back unchanged as a plain int."""
        result = check_whole_number("years", np.int64(5), minimum=1)
        assert result == 5 and type(result) is int

    @pytest.mark.parametrize("value", [5.0, np.float64(5.0), np.float32(5.0)])
    def test_integral_float_accepted(self, value):
        """A float with no fractional part (what a slider gives) becomes an int."""
        result = check_whole_number("years", value)
        assert result == 5 and type(result) is int

    @pytest.mark.parametrize("value", [2.5, math.nan, math.inf, np.float64(0.1)])
    def test_non_integral_float_rejected(self, value):
        """Fractional, NaN and infinite floats raise ValueError."""
        with raises(ValueError, f"years must be a whole number, got {value!r}"):
            check_whole_number("years", value)

    @pytest.mark.parametrize("value, shown", [("5", "'5' (a str)"), (None, "None (a NoneType)"),
                                              (True, "True (a bool)")])
    def test_non_number_is_type_error(self, value, shown):
        """Strings, None and bools raise TypeError naming the type."""
        with raises(TypeError, f"years must be a whole number, got {shown}"):
            check_whole_number("years", value)

    def test_below_minimum(self):
        """A value under the minimum names the minimum and echoes the value."""
        with raises(ValueError, "years must be 1 or more, got 0"):
            check_whole_number("years", 0, minimum=1)

    def test_above_maximum(self):
        """A value over the maximum names the maximum and echoes the value as given."""
        with raises(ValueError, "years must be 100 or less, got 101.0"):
            check_whole_number("years", 101.0, maximum=100)

    def test_bounds_are_inclusive(self):
        """Values equal to the bounds pass."""
        assert check_whole_number("n", 1, minimum=1, maximum=1) == 1

    def test_fractional_fraction_rejected(self):
        """A non-whole Real that is not a float (Fraction(5, 2)) is rejected, not truncated."""
        with raises(ValueError, "years must be a whole number, got Fraction(5, 2)"):
            check_whole_number("years", Fraction(5, 2))


class TestCheckFraction:
    def test_placeholder_ellipsis(self):
        """An exercise placeholder `...` left in place gets its own hint."""
        with raises(TypeError, "margin is still ... : replace the ... with a share such as 0.2"):
            check_fraction("margin", ...)

    @pytest.mark.parametrize("value", [0, 0.2, 1, np.float64(0.5)])
    def test_shares_accepted(self, value):
        """0, 1 and everything between come back as floats."""
        result = check_fraction("margin", value)
        assert result == float(value) and type(result) is float

    @pytest.mark.parametrize("value, hint", [(20, "0.2"), (100, "1"), (2, "0.02"),
                                             (12.5, "0.125")])
    def test_percent_typed_gets_hint(self, value, hint):
        """A value in [2, 100] looks like a percentage, so the message suggests value/100."""
        with raises(ValueError,
                    f"margin must be between 0 and 1, got {value!r} (did you mean {hint}?)"):
            check_fraction("margin", value)

    @pytest.mark.parametrize("value", [-0.1, 1.5, 1.99, 101, math.nan, math.inf])
    def test_out_of_range_without_hint(self, value):
        """Negative, just-over-1, over-100, NaN and infinite values are rejected with no hint."""
        with raises(ValueError, f"margin must be between 0 and 1, got {value!r}"):
            check_fraction("margin", value)

    @pytest.mark.parametrize("value, shown", [("0.2", "'0.2' (a str)"), (None, "None (a NoneType)"),
                                              (True, "True (a bool)")])
    def test_non_number_is_type_error(self, value, shown):
        """Strings, None and bools raise TypeError naming the type."""
        with raises(TypeError, f"margin must be a number between 0 and 1, got {shown}"):
            check_fraction("margin", value)


class TestCheckColumns:
    TABLE = pd.DataFrame({"nps": [10.0], "low": [2.0], "branch": ["A"]})

    def test_table_returned_unchanged(self):
        """A table with every needed column (and more) comes back as the same object."""
        assert check_columns("table", self.TABLE, ["low", "nps"]) is self.TABLE

    def test_no_columns_needed(self):
        """With nothing needed, any DataFrame passes, even one without columns."""
        empty = pd.DataFrame()
        assert check_columns("table", empty, []) is empty

    def test_one_name_is_one_column(self):
        """A single name is one column, not a list of its letters."""
        assert check_columns("table", self.TABLE, "nps") is self.TABLE
        with raises(ValueError, "table lacks the columns ['high']; it needs high and has "
                                "['nps', 'low', 'branch']"):
            check_columns("table", self.TABLE, "high")

    def test_every_missing_column_listed(self):
        """All missing columns are named at once, in the order needed, with the columns it has."""
        with raises(ValueError, "by_segment lacks the columns ['high', 'answers']; it needs nps, "
                                "high, low, answers and has ['nps', 'low', 'branch']"):
            check_columns("by_segment", self.TABLE, ["nps", "high", "low", "answers"])

    def test_hint_says_where_the_table_comes_from(self):
        """``what`` is shown in brackets after the needed columns."""
        with raises(ValueError, "table lacks the columns ['high']; it needs nps, high (the "
                                "result of cc.nps_by(...)) and has ['nps', 'low', 'branch']"):
            check_columns("table", self.TABLE, ("nps", "high"), what="the result of cc.nps_by(...)")

    def test_repeated_column_named_once(self):
        """A column needed twice (score= and by= the same name) is listed once."""
        with raises(ValueError, "table lacks the columns ['score']; it needs score, nps and has "
                                "['nps', 'low', 'branch']"):
            check_columns("table", self.TABLE, ["score", "nps", "score"])

    def test_table_without_columns(self):
        """An empty DataFrame says it has no columns."""
        with raises(ValueError, "table lacks the columns ['nps']; it needs nps and has []"):
            check_columns("table", pd.DataFrame(), ["nps"])

    def test_other_column_labels(self):
        """Column labels that are not text (here numbers) are named as they are."""
        with raises(ValueError, "grid lacks the columns [2]; it needs 1, 2 and has [0, 1]"):
            check_columns("grid", pd.DataFrame([[5, 6]]), [1, 2])

    @pytest.mark.parametrize("value, shown", [
        ([1, 2], "[1, 2] (a list)"), ({"nps": [1]}, "{'nps': [1]} (a dict)"),
        (None, "None (a NoneType)"), ("table.csv", "'table.csv' (a str)"),
        (pd.Series([1], name="nps"), "0    1\nName: nps, dtype: int64 (a Series)")])
    def test_not_a_dataframe(self, value, shown):
        """Anything but a DataFrame (a Series too) is a TypeError echoing the value."""
        with raises(TypeError, f"table must be a pandas DataFrame, got {shown}"):
            check_columns("table", value, ["nps"])

    def test_not_a_dataframe_with_hint(self):
        """The hint is given for a wrong type too."""
        with raises(TypeError, "counts must be a pandas DataFrame (the result of "
                               "level_counts(...)), got 3 (a int)"):
            check_columns("counts", 3, ["count"], what="the result of level_counts(...)")
