"""Tests for ccexercise.lost_customers.

Expected values come from the course's source example (10 + 12 + 14 + 16 + 18
thousand = 70 thousand, 14 thousand at a 20 % margin) or from the textbook
formulas, computed independently of the code under test.
"""

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ccexercise import lost_customers_table
from ccexercise.lost_customers import (
    TELLS_WHEN_DISPLEASED,
    TELLS_WHEN_PLEASED,
    CustomerCostComparison,
    LifetimeValue,
    LostCustomerCost,
    WordOfMouth,
    acquisition_vs_retention,
    cost_by_segment,
    lifetime_value,
    lost_revenue,
    lost_revenue_table,
    word_of_mouth,
)

PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

amounts = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
growths = st.floats(min_value=0, max_value=1e5, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=-1, max_value=1, allow_nan=False, allow_infinity=False)
margins = st.floats(min_value=0, max_value=1, allow_nan=False, allow_infinity=False)
year_counts = st.integers(min_value=1, max_value=100)


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def geometric_total(first_year, rate, years):
    """Σ a·(1+r)ᵗ for t = 0 … n-1 by the closed form a·((1+r)ⁿ − 1)/r."""
    if rate == 0:
        return first_year * years
    return first_year * ((1 + rate) ** years - 1) / rate


def arithmetic_total(first_year, growth, years):
    """Σ (a + g·t) for t = 0 … n-1 by the closed form n·a + g·n(n−1)/2."""
    return years * first_year + growth * years * (years - 1) / 2


# --------------------------------------------------------------------------
# lost_revenue
# --------------------------------------------------------------------------

class TestLostRevenue:
    def test_source_example_totals(self):
        """The source example: 10k growing by 2k for 5 years is 70k revenue, 14k profit at 20 %."""
        cost = lost_revenue(first_year=10_000, growth_per_year=2_000, years=5, margin=0.2)
        assert isinstance(cost, LostCustomerCost)
        assert cost.revenue == 70_000
        assert cost.profit == 14_000
        assert cost.years == 5

    def test_source_example_yearly_table(self):
        """The source example's yearly amounts are 10, 12, 14, 16 and 18 thousand."""
        cost = lost_revenue(first_year=10_000, growth_per_year=2_000, years=5, margin=0.2)
        yearly = [10_000, 12_000, 14_000, 16_000, 18_000]
        assert cost.table["year"].tolist() == [1, 2, 3, 4, 5]
        assert cost.table["revenue"].tolist() == yearly
        assert cost.table["cumulative_revenue"].tolist() == [10_000, 22_000, 36_000, 52_000,
                                                             70_000]
        assert cost.table["profit"].tolist() == pytest.approx([y * 0.2 for y in yearly])
        assert cost.table["cumulative_profit"].iloc[-1] == pytest.approx(14_000)

    def test_source_example_summary(self):
        """The summary sentence is the one quoted in the module's source example."""
        cost = lost_revenue(first_year=10_000, growth_per_year=2_000, years=5, margin=0.2)
        assert cost.summary() == ("Losing this customer costs 70,000 of revenue over 5 years, "
                                  "which is 14,000 of profit at a 20% margin.")
        assert repr(cost) == "LostCustomerCost(revenue=70000.0, profit=14000.0, years=5)"

    def test_html_repr_shows_summary_and_table(self):
        """The notebook display carries the summary sentence and the yearly amounts."""
        html = lost_revenue(10_000, growth_per_year=2_000, margin=0.2)._repr_html_()
        assert html.startswith(f"<p>{lost_revenue(10_000, growth_per_year=2_000, margin=0.2).summary()}</p>")
        assert "18,000" in html and "<table" in html

    def test_without_margin_has_no_profit(self):
        """Without a margin, profit is None, the table has no profit columns, the summary stops at revenue."""
        cost = lost_revenue(10_000, years=1)
        assert cost.profit is None
        assert list(cost.table.columns) == ["year", "revenue", "cumulative_revenue"]
        assert cost.summary() == "Losing this customer costs 10,000 of revenue over 1 year."

    def test_summary_shows_cents_when_not_whole(self):
        """Amounts with cents are shown with two decimals."""
        assert lost_revenue(1_000.5, years=1).summary() == (
            "Losing this customer costs 1,000.50 of revenue over 1 year.")

    def test_defaults_five_years_no_growth(self):
        """By default the loss is five flat years."""
        cost = lost_revenue(1_000)
        assert cost.years == 5
        assert cost.table["revenue"].tolist() == [1_000] * 5
        assert cost.revenue == 5_000

    def test_percentage_growth_matches_geometric_series(self):
        """With growth_rate the total is the geometric series a·((1+r)ⁿ − 1)/r."""
        cost = lost_revenue(25_000, growth_rate=0.1, years=4)
        assert cost.revenue == pytest.approx(round(geometric_total(25_000, 0.1, 4), 2), abs=0.005)
        assert cost.revenue == pytest.approx(116_025)  # 25000 + 27500 + 30250 + 33275
        assert cost.table["revenue"].tolist() == pytest.approx(
            [25_000 * 1.1 ** t for t in range(4)])

    def test_shrinking_percentage(self):
        """A negative growth_rate shrinks each year by that share."""
        cost = lost_revenue(10_000, growth_rate=-0.5, years=3)
        assert cost.table["revenue"].tolist() == pytest.approx([10_000, 5_000, 2_500])
        assert cost.revenue == 17_500

    def test_decline_to_exactly_zero_allowed(self):
        """A decline that reaches zero in the last year is allowed."""
        cost = lost_revenue(1_000, growth_per_year=-250, years=5)
        assert cost.table["revenue"].tolist() == [1_000, 750, 500, 250, 0]

    def test_years_given_as_whole_float(self):
        """years=5.0 (what a slider gives) works like years=5."""
        assert lost_revenue(10_000, growth_per_year=2_000, years=5.0).revenue == 70_000

    # -- bad input ---------------------------------------------------------

    def test_negative_first_year(self):
        """A negative first-year amount is rejected."""
        with raises(ValueError, "first_year must be 0 or more, got -1"):
            lost_revenue(-1)

    def test_nan_first_year(self):
        """A NaN first-year amount is rejected."""
        with raises(ValueError, "first_year must be a finite number, got nan"):
            lost_revenue(math.nan)

    def test_str_first_year(self):
        """A first-year amount typed as text is a TypeError."""
        with raises(TypeError, "first_year must be a number, got '10000' (a str)"):
            lost_revenue("10000")

    @pytest.mark.parametrize("years, kind, message", [
        (0, ValueError, "years must be 1 or more, got 0"),
        (101, ValueError, "years must be 100 or less, got 101"),
        (2.5, ValueError, "years must be a whole number, got 2.5"),
        ("5", TypeError, "years must be a whole number, got '5' (a str)"),
        (None, TypeError, "years must be a whole number, got None (a NoneType)"),
    ])
    def test_bad_years(self, years, kind, message):
        """years must be a whole number from 1 to 100."""
        with raises(kind, message):
            lost_revenue(10_000, years=years)

    def test_margin_as_percent_gets_hint(self):
        """margin=20 is rejected with the hint 'did you mean 0.2?'."""
        with raises(ValueError, "margin must be between 0 and 1, got 20 (did you mean 0.2?)"):
            lost_revenue(10_000, growth_per_year=2_000, margin=20)

    @pytest.mark.parametrize("margin", [-0.1, math.nan])
    def test_margin_out_of_range(self, margin):
        """A negative or NaN margin is rejected without a hint."""
        with raises(ValueError, f"margin must be between 0 and 1, got {margin!r}"):
            lost_revenue(10_000, margin=margin)

    @pytest.mark.parametrize("kwargs, kind, message", [
        ({"first_year": True}, TypeError, "first_year must be a number, got True (a bool)"),
        ({"growth_per_year": True}, TypeError,
         "growth_per_year must be a number, got True (a bool)"),
        ({"growth_rate": True}, TypeError,
         "growth_rate must be a number such as 0.1 for 10% a year, got True (a bool)"),
        ({"years": True}, TypeError, "years must be a whole number, got True (a bool)"),
        ({"margin": False}, TypeError,
         "margin must be a number between 0 and 1, got False (a bool)"),
    ])
    def test_bools_are_not_numbers(self, kwargs, kind, message):
        """True/False are rejected wherever a number is expected."""
        arguments = {"first_year": 10_000, **kwargs}
        with raises(kind, message):
            lost_revenue(**arguments)

    @pytest.mark.parametrize("kwargs, message", [
        ({"first_year": ...}, "first_year is still ... : replace the ... with a number"),
        ({"growth_per_year": ...},
         "growth_per_year is still ... : replace the ... with a number"),
        ({"years": ...}, "years is still ... : replace the ... with a whole number"),
        ({"margin": ...}, "margin is still ... : replace the ... with a share such as 0.2"),
    ])
    def test_placeholder_left_in(self, kwargs, message):
        """An exercise placeholder `...` gets the 'is still ...' hint."""
        arguments = {"first_year": 10_000, **kwargs}
        with raises(TypeError, message):
            lost_revenue(**arguments)

    def test_placeholder_growth_rate(self):
        """A `...` growth rate gets the same 'is still ...' hint as every other argument."""
        with raises(TypeError, "growth_rate is still ... : replace the ... with a number"):
            lost_revenue(10_000, growth_rate=...)

    def test_both_growths(self):
        """Giving both an amount and a share of growth is ambiguous and rejected."""
        with raises(ValueError, "give growth_per_year (an amount) or growth_rate (a share), not "
                                "both; got growth_per_year=2000 and growth_rate=0.1"):
            lost_revenue(10_000, growth_per_year=2_000, growth_rate=0.1)

    def test_growth_rate_as_percent_gets_hint(self):
        """growth_rate=10 is rejected with the hint 'did you mean 0.1?'."""
        with pytest.raises(ValueError, match=r"^growth_rate must be a share per year between -1 "
                                             r"and 1, got 10(\.0)? \(did you mean 0\.1\?\)$"):
            lost_revenue(10_000, growth_rate=10)

    def test_growth_rate_as_percent_echoes_value_as_typed(self):
        """The message echoes growth_rate as typed (10, not 10.0), like margin=20 does."""
        with raises(ValueError, "growth_rate must be a share per year between -1 and 1, got 10 "
                                "(did you mean 0.1?)"):
            lost_revenue(10_000, growth_rate=10)

    def test_growth_rate_below_minus_one(self):
        """A yearly shrink of more than 100 % is impossible."""
        with raises(ValueError, "growth_rate must be -1 or more, got -2"):
            lost_revenue(10_000, growth_rate=-2)

    def test_growth_rate_text(self):
        """A growth rate typed as text is a TypeError with an example."""
        with raises(TypeError, "growth_rate must be a number such as 0.1 for 10% a year, got "
                               "'0.1' (a str)"):
            lost_revenue(10_000, growth_rate="0.1")

    def test_growth_rate_nan(self):
        """A NaN growth rate is rejected."""
        with raises(ValueError, "growth_rate must be a finite number, got nan"):
            lost_revenue(10_000, growth_rate=math.nan)

    def test_decline_going_negative(self):
        """A decline that makes a later year negative is rejected, naming that year's amount."""
        # 1000, 700, 400, 100, -200
        with raises(ValueError, "growth_per_year=-300 makes the yearly amount negative by year 5 "
                                "(-200); use a smaller decline or fewer years"):
            lost_revenue(1_000, growth_per_year=-300, years=5)

    # -- properties --------------------------------------------------------

    @PROPERTY
    @given(first_year=amounts, growth=growths, years=st.integers(1, 99))
    def test_monotonic_in_years(self, first_year, growth, years):
        """One more year never lowers the total when growth is not negative."""
        shorter = lost_revenue(first_year, growth_per_year=growth, years=years)
        longer = lost_revenue(first_year, growth_per_year=growth, years=years + 1)
        assert longer.revenue >= shorter.revenue

    @PROPERTY
    @given(first_year=amounts, rate=st.floats(0, 1), years=st.integers(1, 99))
    def test_monotonic_in_years_with_rate(self, first_year, rate, years):
        """One more year never lowers the total when growth_rate is not negative."""
        shorter = lost_revenue(first_year, growth_rate=rate, years=years)
        longer = lost_revenue(first_year, growth_rate=rate, years=years + 1)
        assert longer.revenue >= shorter.revenue

    @PROPERTY
    @given(first_year=amounts, growth=growths, extra=growths, years=year_counts)
    def test_monotonic_in_growth(self, first_year, growth, extra, years):
        """More growth per year never lowers the total."""
        low = lost_revenue(first_year, growth_per_year=growth, years=years)
        high = lost_revenue(first_year, growth_per_year=growth + extra, years=years)
        assert high.revenue >= low.revenue

    @PROPERTY
    @given(first_year=amounts, growth=growths, years=year_counts, margin=margins)
    def test_profit_is_revenue_times_margin(self, first_year, growth, years, margin):
        """Profit equals revenue × margin within a cent, and the table's profit column agrees."""
        cost = lost_revenue(first_year, growth_per_year=growth, years=years, margin=margin)
        assert abs(cost.profit - cost.revenue * margin) <= 0.01
        assert cost.table["cumulative_profit"].iloc[-1] == pytest.approx(cost.profit, abs=0.01)

    @PROPERTY
    @given(first_year=amounts, growth=growths, years=year_counts)
    def test_fixed_growth_matches_arithmetic_series(self, first_year, growth, years):
        """With fixed growth the total is n·a + g·n(n−1)/2 (within a cent)."""
        cost = lost_revenue(first_year, growth_per_year=growth, years=years)
        assert cost.revenue == pytest.approx(arithmetic_total(first_year, growth, years),
                                             abs=0.01)
        assert cost.table["revenue"].sum() == pytest.approx(cost.revenue, abs=0.01)


# --------------------------------------------------------------------------
# lost_revenue_table
# --------------------------------------------------------------------------

@pytest.fixture
def shop():
    """Two customers from the docstring: Ann (the source example) and Bo (flat)."""
    return pd.DataFrame({"name": ["Ann", "Bo"], "first_year": [10_000, 4_000],
                         "growth": [2_000, 0]})


@st.composite
def fixed_growth_rows(draw):
    """A customer table whose rows have their own amount, growth (possibly declining) and margin."""
    years = draw(year_counts)
    n_rows = draw(st.integers(1, 8))
    first = draw(st.lists(amounts, min_size=n_rows, max_size=n_rows))
    growth = []
    for a in first:
        floor = -a / (years - 1) if years > 1 else -a
        g = draw(st.floats(min_value=floor, max_value=1e5, allow_nan=False))
        assume(a + g * (years - 1) >= 0)  # the floor itself may round to just below zero
        growth.append(g)
    margin = draw(st.lists(margins, min_size=n_rows, max_size=n_rows))
    table = pd.DataFrame({"first_year": first, "growth": growth, "margin": margin})
    return table, years


#: Growth rates of at least 0.0001 % a year in size, or none. Smaller non-zero rates
#: hit the cancellation bug pinned by test_tiny_growth_rate_agrees_with_scalar;
#: widen this to ``rates`` once that is fixed.
ordinary_rates = st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=1),
                           st.floats(min_value=-1, max_value=-1e-6))


@st.composite
def rate_rows(draw, rate_strategy=ordinary_rates):
    """A customer table whose rows have their own amount, growth rate and margin.

    Totals stay below 10¹² so that a cent is still representable in a float.
    """
    years = draw(year_counts)
    n_rows = draw(st.integers(1, 8))
    first = draw(st.lists(amounts, min_size=n_rows, max_size=n_rows))
    rate = draw(st.lists(rate_strategy, min_size=n_rows, max_size=n_rows))
    for a, r in zip(first, rate):
        assume(a * max(1.0, 1 + r) ** (years - 1) * years < 1e12)
    table = pd.DataFrame({
        "first_year": first,
        "rate": rate,
        "margin": draw(st.lists(margins, min_size=n_rows, max_size=n_rows)),
    })
    return table, years


class TestLostRevenueTable:
    def test_docstring_shop(self, shop):
        """Ann is the source example (70k / 14k); Bo is 4k flat for 5 years (20k / 4k)."""
        result = lost_revenue_table(shop, growth_per_year="growth")
        assert result["lost_revenue"].tolist() == [70_000, 20_000]
        assert result["lost_profit"].tolist() == [14_000, 4_000]
        assert list(result.columns) == ["name", "first_year", "growth", "lost_revenue",
                                        "lost_profit"]

    def test_percentage_growth_column(self):
        """A growth_rate column gives each row its geometric-series total."""
        table = pd.DataFrame({"first_year": [25_000, 1_000], "rate": [0.1, 0.0]})
        result = lost_revenue_table(table, growth_rate="rate", years=4, margin=0.5)
        assert result["lost_revenue"].tolist() == pytest.approx([116_025, 4_000])
        assert result["lost_profit"].tolist() == pytest.approx([58_012.5, 2_000])

    def test_numbers_for_every_row(self, shop):
        """Numbers instead of column names apply to every row."""
        result = lost_revenue_table(shop, first_year=1_000, growth_per_year=100, years=2,
                                    margin=0.1)
        assert result["lost_revenue"].tolist() == [2_100, 2_100]
        assert result["lost_profit"].tolist() == [210, 210]

    def test_margin_column(self, shop):
        """A margin column gives each row its own margin."""
        shop["m"] = [0.5, 0.25]
        result = lost_revenue_table(shop, margin="m", years=1)
        assert result["lost_profit"].tolist() == [5_000, 1_000]

    def test_keeps_index(self):
        """The result keeps the customers' index."""
        table = pd.DataFrame({"first_year": [1.0, 2.0]}, index=["x", "y"])
        assert lost_revenue_table(table).index.tolist() == ["x", "y"]

    def test_input_not_changed(self, shop):
        """The input table is left untouched and a new table is returned."""
        before = shop.copy(deep=True)
        result = lost_revenue_table(shop, growth_per_year="growth")
        pd.testing.assert_frame_equal(shop, before)
        assert result is not shop

    # -- bad input ---------------------------------------------------------

    def test_not_a_dataframe(self):
        """A list of dicts is not a table."""
        with raises(TypeError, "customers must be a pandas DataFrame, got [{'first_year': 1}] "
                               "(a list)"):
            lost_revenue_table([{"first_year": 1}])

    def test_missing_column(self, shop):
        """A column name that is not in the table lists the real columns."""
        with raises(ValueError, "customers lacks the columns ['spend']; it needs spend and has "
                                "['name', 'first_year', 'growth']"):
            lost_revenue_table(shop, first_year="spend")

    def test_missing_columns_named_together(self, shop):
        """Every named column that is missing is listed in one message, in argument order."""
        with raises(ValueError, "customers lacks the columns ['spend', 'rate']; it needs spend, "
                                "growth, rate and has ['name', 'first_year', 'growth']"):
            lost_revenue_table(shop, first_year="spend", growth_per_year="growth",
                               growth_rate="rate", margin=0.2)

    def test_non_numeric_column(self, shop):
        """A text column cannot be an amount."""
        with raises(TypeError, f"first_year column 'name' must hold numbers, got dtype "
                               f"{shop['name'].dtype}"):
            lost_revenue_table(shop, first_year="name")

    def test_bool_column(self, shop):
        """A True/False column cannot be an amount."""
        shop["flag"] = [True, False]
        with raises(TypeError, "growth_per_year column 'flag' must hold numbers, got dtype bool"):
            lost_revenue_table(shop, growth_per_year="flag")

    def test_nan_rows_listed(self):
        """Rows with a missing amount are named by their index."""
        table = pd.DataFrame({"first_year": [1.0, np.nan, 3.0, np.nan]},
                             index=["a", "b", "c", "d"])
        with raises(ValueError, "first_year column 'first_year' is empty (NaN) in 2 row(s): "
                                "index ['b', 'd']"):
            lost_revenue_table(table)

    def test_nullable_int_missing_is_nan(self):
        """A pandas <NA> in a nullable integer column counts as missing."""
        table = pd.DataFrame({"first_year": pd.array([1, None], dtype="Int64")})
        with raises(ValueError, "first_year column 'first_year' is empty (NaN) in 1 row(s): "
                                "index [1]"):
            lost_revenue_table(table)

    def test_negative_rows_listed(self):
        """Rows with a negative amount are named by their index."""
        table = pd.DataFrame({"first_year": [5.0, -1.0, 2.0]})
        with raises(ValueError, "first_year column 'first_year' is below 0 in 1 row(s): "
                                "index [1]"):
            lost_revenue_table(table)

    def test_many_bad_rows_truncated(self):
        """At most five bad rows are named, then the count of the rest."""
        table = pd.DataFrame({"first_year": [-1.0] * 7})
        with raises(ValueError, "first_year column 'first_year' is below 0 in 7 row(s): "
                                "index [0, 1, 2, 3, 4] and 2 more"):
            lost_revenue_table(table)

    def test_margin_column_above_one(self):
        """A margin column with a value above 1 names the row."""
        table = pd.DataFrame({"first_year": [1.0, 1.0], "m": [0.2, 20.0]})
        with raises(ValueError, "margin column 'm' is above 1 in 1 row(s): index [1]"):
            lost_revenue_table(table, margin="m")

    def test_margin_number_as_percent(self, shop):
        """margin=20 for all rows gets the same hint as the scalar calculator."""
        with raises(ValueError, "margin must be between 0 and 1, got 20 (did you mean 0.2?)"):
            lost_revenue_table(shop, margin=20)

    def test_growth_rate_number_out_of_range(self, shop):
        """growth_rate for all rows must lie between -1 and 1."""
        with raises(ValueError, "growth_rate must be 1 or less, got 10"):
            lost_revenue_table(shop, growth_rate=10)

    def test_bad_years(self, shop):
        """years is checked as in lost_revenue."""
        with raises(ValueError, "years must be 1 or more, got 0"):
            lost_revenue_table(shop, years=0)

    def test_both_growths_in_a_row(self, shop):
        """A row with both an amount and a share of growth is rejected."""
        with raises(ValueError, "give growth_per_year (an amount) or growth_rate (a share) for "
                                "each row, not both"):
            lost_revenue_table(shop, growth_per_year="growth", growth_rate=0.1)

    def test_decline_going_negative(self):
        """Rows whose decline turns negative within the horizon are named."""
        table = pd.DataFrame({"first_year": [1_000.0, 1_000.0], "g": [-250.0, -300.0]})
        with raises(ValueError, "growth_per_year makes the yearly amount negative by year 5 in "
                                "1 row(s): index [1]"):
            lost_revenue_table(table, growth_per_year="g", years=5)

    @pytest.mark.parametrize("column, values, kwargs, message", [
        ("g", [2_000.0, np.nan], {"growth_per_year": "g"},
         "growth_per_year column 'g' is empty (NaN) in 1 row(s): index ['y']"),
        ("rate", [0.1, np.nan], {"growth_rate": "rate"},
         "growth_rate column 'rate' is empty (NaN) in 1 row(s): index ['y']"),
        ("rate", [-2.0, 0.5], {"growth_rate": "rate"},
         "growth_rate column 'rate' is below -1 in 1 row(s): index ['x']"),
        ("rate", [0.1, 1.5], {"growth_rate": "rate"},
         "growth_rate column 'rate' is above 1 in 1 row(s): index ['y']"),
        ("m", [np.nan, 0.2], {"margin": "m"},
         "margin column 'm' is empty (NaN) in 1 row(s): index ['x']"),
        ("m", [0.2, -0.1], {"margin": "m"},
         "margin column 'm' is below 0 in 1 row(s): index ['y']"),
    ])
    def test_bad_cells_in_every_column_named(self, column, values, kwargs, message):
        """Every column argument names its bad rows and the reason, not only first_year."""
        table = pd.DataFrame({"first_year": [1_000.0, 1_000.0], column: values},
                             index=["x", "y"])
        with raises(ValueError, message):
            lost_revenue_table(table, **kwargs)

    def test_bad_rows_named_in_a_large_table(self):
        """In 300,000 rows the few bad ones are still named, by their index label."""
        count = 300_000
        table = pd.DataFrame({"first_year": np.full(count, 500.0),
                              "g": np.zeros(count)}, index=np.arange(count) * 10 + 7)
        table.iloc[[123_456, 299_999], 0] = -1.0
        with raises(ValueError, "first_year column 'first_year' is below 0 in 2 row(s): "
                                "index [1234567, 2999997]"):
            lost_revenue_table(table)
        table["first_year"] = 500.0
        table.iloc[[5, 250_000], 1] = np.nan
        with raises(ValueError, "growth_per_year column 'g' is empty (NaN) in 2 row(s): "
                                "index [57, 2500007]"):
            lost_revenue_table(table, growth_per_year="g")
        table["g"] = 0.0
        table.iloc[[42], 1] = -200.0  # 500, 300, 100, -100 by year 4
        with raises(ValueError, "growth_per_year makes the yearly amount negative by year 4 in "
                                "1 row(s): index [427]"):
            lost_revenue_table(table, growth_per_year="g", years=4)

    def test_one_decline_for_all_rows_going_negative(self, shop):
        """A single growth_per_year that turns every row negative names them all."""
        table = pd.DataFrame({"first_year": [100.0, 1_000.0, 50.0]})
        with raises(ValueError, "growth_per_year makes the yearly amount negative by year 3 in "
                                "2 row(s): index [0, 2]"):
            lost_revenue_table(table, growth_per_year=-60, years=3)

    def test_single_numbers_only(self):
        """With one number for each argument every row gets the same total: 1000 + 900 + 800."""
        table = pd.DataFrame({"name": ["Ann", "Bo"]})
        result = lost_revenue_table(table, first_year=1_000, growth_per_year=-100, years=3,
                                    margin=0.5)
        assert result["lost_revenue"].tolist() == [2_700, 2_700]
        assert result["lost_profit"].tolist() == [1_350, 1_350]

    def test_amount_and_share_columns_on_different_rows(self):
        """Rows may use growth_per_year or growth_rate, each its own: 40k + 2k·6 and 25k·(1.1⁴−1)/0.1."""
        table = pd.DataFrame({"first_year": [10_000, 25_000], "g": [2_000, 0],
                              "r": [0.0, 0.1]})
        result = lost_revenue_table(table, growth_per_year="g", growth_rate="r", years=4)
        assert result["lost_revenue"].tolist() == pytest.approx([52_000, 116_025])

    def test_growth_rate_at_its_limits(self):
        """-100 % keeps only the first year; +100 % doubles each year: 100 + 200 + 400."""
        table = pd.DataFrame({"first_year": [100.0, 100.0, 100.0], "r": [-1.0, 0.0, 1.0]})
        result = lost_revenue_table(table, growth_rate="r", years=3, margin=0.1)
        assert result["lost_revenue"].tolist() == pytest.approx([100, 300, 700])
        assert result["lost_profit"].tolist() == pytest.approx([10, 30, 70])

    def test_amounts_rounded_to_cents(self):
        """0.111 a year for 3 years is 0.333, shown as 0.33; 40 % of 0.33 is 0.132, shown as 0.13."""
        table = pd.DataFrame({"first_year": [0.111]})
        result = lost_revenue_table(table, years=3, margin=0.4)
        assert result["lost_revenue"].tolist() == [0.33]
        assert result["lost_profit"].tolist() == [0.13]

    def test_empty_table(self):
        """A table with no rows gives no rows, with the two new columns."""
        result = lost_revenue_table(pd.DataFrame({"first_year": pd.Series([], dtype=float)}))
        assert len(result) == 0
        assert list(result.columns) == ["first_year", "lost_revenue", "lost_profit"]

    def test_result_shares_columns_but_writes_stay_apart(self, shop):
        """No full copy: the result reuses the input's columns (copy on write, pandas 3), yet
        changing the result leaves the input as it was."""
        before = shop.copy(deep=True)
        result = lost_revenue_table(shop, growth_per_year="growth")
        shared = np.shares_memory(result["first_year"].to_numpy(), shop["first_year"].to_numpy())
        assert shared == lost_customers_table._COPY_ON_WRITE
        result.loc[0, "first_year"] = -1
        result.loc[1, "name"] = "Zed"
        pd.testing.assert_frame_equal(shop, before)

    # -- properties --------------------------------------------------------

    @PROPERTY
    @given(data=fixed_growth_rows())
    def test_agrees_with_scalar_fixed_growth(self, data):
        """Each row equals lost_revenue for that row (fixed growth), within a cent per year."""
        table, years = data
        result = lost_revenue_table(table, growth_per_year="growth", margin="margin",
                                    years=years)
        for row in result.itertuples():
            one = lost_revenue(row.first_year, growth_per_year=row.growth, years=years,
                               margin=row.margin)
            cents = 0.01 * years + 1e-9  # 0.44 - 0.43 is 0.010000000000000009 in floats
            assert abs(row.lost_revenue - one.revenue) <= cents
            assert abs(row.lost_profit - one.profit) <= cents

    @PROPERTY
    @given(data=rate_rows(rates))
    def test_results_are_whole_cents(self, data):
        """Every amount is already rounded to cents: np.round(x, 2) leaves it unchanged."""
        table, years = data
        result = lost_revenue_table(table, growth_rate="rate", margin="margin", years=years)
        for column in ("lost_revenue", "lost_profit"):
            values = result[column].to_numpy()
            assert np.array_equal(values, np.round(values, 2))

    @PROPERTY
    @given(data=rate_rows())
    def test_agrees_with_scalar_percentage_growth(self, data):
        """Each row equals lost_revenue for that row (growth rate), within a cent per year."""
        table, years = data
        result = lost_revenue_table(table, growth_rate="rate", margin="margin", years=years)
        for row in result.itertuples():
            one = lost_revenue(row.first_year, growth_rate=row.rate, years=years,
                               margin=row.margin)
            cents = 0.01 * years + 1e-9  # 0.44 - 0.43 is 0.010000000000000009 in floats
            assert abs(row.lost_revenue - one.revenue) <= cents
            assert abs(row.lost_profit - one.profit) <= cents

    @pytest.mark.parametrize("rate", [1e-17, -1e-17, 1e-12, 1e-9])
    def test_tiny_growth_rate_agrees_with_scalar(self, rate):
        """A tiny growth rate gives (almost) the flat total, as the scalar calculator does."""
        table = pd.DataFrame({"first_year": [1e6]})
        result = lost_revenue_table(table, growth_rate=rate, years=10)
        one = lost_revenue(1e6, growth_rate=rate, years=10)
        assert one.revenue == pytest.approx(1e7, abs=1)
        assert abs(result["lost_revenue"].iloc[0] - one.revenue) <= 0.01 * 10

    @PROPERTY
    @given(data=rate_rows(rates))
    def test_does_not_mutate_input(self, data):
        """Whatever the rows, the input table is unchanged afterwards."""
        table, years = data
        before = table.copy(deep=True)
        lost_revenue_table(table, growth_rate="rate", margin="margin", years=years)
        pd.testing.assert_frame_equal(table, before)


# --------------------------------------------------------------------------
# lifetime_value
# --------------------------------------------------------------------------

def clv(values, retention, discount_rate):
    """Σ mₜ·rᵗ/(1+i)ᵗ for t = 0 … n-1, written out independently of the code under test."""
    return sum(m * retention ** t / (1 + discount_rate) ** t for t, m in enumerate(values))


class TestLifetimeValue:
    def test_docstring_example(self):
        """1000 a year, 80 % retention, 10 % discount, 3 years: 1000 + 800/1.1 + 640/1.21."""
        result = lifetime_value(1_000, retention=0.8, discount_rate=0.1, years=3)
        assert isinstance(result, LifetimeValue)
        assert result.total == pytest.approx(round(1_000 + 800 / 1.1 + 640 / 1.21, 2))
        assert result.total == pytest.approx(clv([1_000] * 3, 0.8, 0.1), abs=0.005)

    def test_table_columns(self):
        """The table shows the value, the chance of still being a customer and the discount."""
        table = lifetime_value(1_000, retention=0.8, discount_rate=0.1, years=3).table
        assert table["year"].tolist() == [1, 2, 3]
        assert table["value"].tolist() == [1_000] * 3
        assert table["still_customer"].tolist() == pytest.approx([1, 0.8, 0.64])
        assert table["discount"].tolist() == pytest.approx([1, 1 / 1.1, 1 / 1.21])
        assert table["expected_value"].tolist() == pytest.approx([1_000, 800 / 1.1, 640 / 1.21])

    def test_sequence_of_profits(self):
        """A list gives one profit per year and sets the number of years."""
        result = lifetime_value([2_000, 2_400, 2_800], retention=0.9, discount_rate=0.05,
                                years=99)
        assert len(result.table) == 3
        assert result.total == pytest.approx(clv([2_000, 2_400, 2_800], 0.9, 0.05), abs=0.005)

    def test_numpy_and_series_accepted(self):
        """An array or a Series of profits works like a list."""
        expected = lifetime_value([1.0, 2.0], retention=0.5).total
        assert lifetime_value(np.array([1.0, 2.0]), retention=0.5).total == expected
        assert lifetime_value(pd.Series([1.0, 2.0]), retention=0.5).total == expected
        assert expected == pytest.approx(1.0 + 2.0 * 0.5)

    def test_zero_retention_keeps_first_year(self):
        """With no retention only the first year counts (0⁰ = 1)."""
        assert lifetime_value(500, retention=0, years=4).total == 500

    def test_repr(self):
        """The repr names the total and the two rates."""
        assert repr(lifetime_value(100, years=2)) == (
            "LifetimeValue(total=200.0, retention=1.0, discount_rate=0.0)")

    @PROPERTY
    @given(profits=st.lists(amounts, min_size=1, max_size=50))
    def test_full_retention_no_discount_is_plain_sum(self, profits):
        """With retention 1 and no discount the lifetime value is the plain sum (within a cent)."""
        assert lifetime_value(profits, retention=1, discount_rate=0).total == pytest.approx(
            math.fsum(profits), abs=0.01)

    @PROPERTY
    @given(m=amounts, r=margins, i=st.floats(0, 1), years=year_counts)
    def test_matches_formula(self, m, r, i, years):
        """The total is Σ m·rᵗ/(1+i)ᵗ, computed independently (within a cent)."""
        total = lifetime_value(m, retention=r, discount_rate=i, years=years).total
        assert total == pytest.approx(clv([m] * years, r, i), abs=0.01)

    # -- bad input ---------------------------------------------------------

    def test_empty_list(self):
        """An empty list has no years to value."""
        with raises(ValueError, "profit_per_year must hold at least one year, got an empty list"):
            lifetime_value([])

    @pytest.mark.parametrize("value, shown", [("1000", "'1000' (a str)"),
                                              (None, "None (a NoneType)"),
                                              ({"a": 1}, "{'a': 1} (a dict)")])
    def test_not_number_or_list(self, value, shown):
        """Text, None and mappings are rejected with a TypeError."""
        with raises(TypeError, f"profit_per_year must be a number or a list of numbers, got "
                               f"{shown}"):
            lifetime_value(value)

    def test_placeholder_profit(self):
        """A `...` profit gets the same 'is still ...' hint as every other argument."""
        with raises(TypeError, "profit_per_year is still ... : replace the ... with a number"):
            lifetime_value(...)

    def test_placeholder_retention(self):
        """A `...` retention gets the 'is still ...' hint."""
        with raises(TypeError, "retention is still ... : replace the ... with a share such as 0.2"):
            lifetime_value(1_000, retention=...)

    def test_retention_above_one(self):
        """A retention above 1 is not a probability (and 1.5 is too small to be a percentage)."""
        with raises(ValueError, "retention must be between 0 and 1, got 1.5"):
            lifetime_value(1_000, retention=1.5)

    def test_retention_as_percent(self):
        """retention=80 gets the 'did you mean' hint."""
        with raises(ValueError, "retention must be between 0 and 1, got 80 (did you mean 0.8?)"):
            lifetime_value(1_000, retention=80)

    def test_negative_discount_rate(self):
        """A negative discount rate is rejected."""
        with raises(ValueError, "discount_rate must be 0 or more, got -0.1"):
            lifetime_value(1_000, discount_rate=-0.1)

    def test_discount_rate_above_one(self):
        """A discount rate over 100 % is rejected (probably a percentage)."""
        with raises(ValueError, "discount_rate must be 1 or less, got 10"):
            lifetime_value(1_000, discount_rate=10)

    def test_negative_profit_in_list(self):
        """A negative year in the list is named by its position."""
        with raises(ValueError, "profit_per_year[1] must be 0 or more, got -5"):
            lifetime_value([10, -5])

    def test_text_in_list(self):
        """Text in the list is named by its position."""
        with raises(TypeError, "profit_per_year[0] must be a number, got 'x' (a str)"):
            lifetime_value(["x"])

    def test_negative_scalar_profit(self):
        """A negative yearly profit is rejected."""
        with raises(ValueError, "profit_per_year must be 0 or more, got -1"):
            lifetime_value(-1)

    def test_bad_years_for_scalar(self):
        """years is checked when one amount is given for every year."""
        with raises(ValueError, "years must be 1 or more, got 0"):
            lifetime_value(1_000, years=0)


# --------------------------------------------------------------------------
# acquisition_vs_retention
# --------------------------------------------------------------------------

class TestAcquisitionVsRetention:
    def test_totals_ratio_and_extra_cost(self):
        """Ten customers at 500 to win and 100 to keep: 5000 vs 1000, 5 times, 4000 extra."""
        result = acquisition_vs_retention(acquisition_cost=500, retention_cost=100, customers=10)
        assert result == CustomerCostComparison(10, 5_000, 1_000)
        assert result.ratio == 5
        assert result.extra_cost == 4_000

    def test_summary(self):
        """The summary sentence is the docstring's."""
        result = acquisition_vs_retention(acquisition_cost=500, retention_cost=100, customers=10)
        assert result.summary() == ("Replacing 10 customers costs 5,000; keeping them costs "
                                    "1,000, so winning is 5 times dearer.")

    def test_one_customer_default(self):
        """By default the comparison is for one customer, in the singular."""
        result = acquisition_vs_retention(acquisition_cost=300, retention_cost=120)
        assert result.customers == 1
        assert result.ratio == 2.5
        assert result.extra_cost == 180
        assert result.summary().startswith("Replacing 1 customer costs 300;")

    def test_ratio_rounded_to_two_places(self):
        """The ratio is rounded to two decimals."""
        assert acquisition_vs_retention(acquisition_cost=100, retention_cost=30).ratio == 3.33

    def test_free_retention_is_infinitely_cheaper(self):
        """When keeping costs nothing the ratio is infinite, not a ZeroDivisionError."""
        assert acquisition_vs_retention(acquisition_cost=100, retention_cost=0).ratio == math.inf

    @pytest.mark.parametrize("kwargs, kind, message", [
        ({"acquisition_cost": -1}, ValueError, "acquisition_cost must be 0 or more, got -1"),
        ({"retention_cost": "5"}, TypeError, "retention_cost must be a number, got '5' (a str)"),
        ({"customers": 0}, ValueError, "customers must be 1 or more, got 0"),
        ({"customers": 1.5}, ValueError, "customers must be a whole number, got 1.5"),
    ])
    def test_bad_input(self, kwargs, kind, message):
        """Costs must be non-negative numbers and customers a whole number of at least 1."""
        arguments = {"acquisition_cost": 500, "retention_cost": 100, **kwargs}
        with raises(kind, message):
            acquisition_vs_retention(**arguments)


# --------------------------------------------------------------------------
# word_of_mouth
# --------------------------------------------------------------------------

class TestWordOfMouth:
    def test_default_reach_is_9_and_16(self):
        """A pleased customer tells 9 people and a displeased one 16 by default."""
        assert (TELLS_WHEN_PLEASED, TELLS_WHEN_DISPLEASED) == (9, 16)
        assert word_of_mouth(pleased=1, displeased=1) == WordOfMouth(hear_good=9, hear_bad=16)
        assert word_of_mouth(pleased=10, displeased=3) == WordOfMouth(90, 48)

    def test_no_customers_no_reach(self):
        """With no customers nobody hears anything."""
        assert word_of_mouth() == WordOfMouth(0, 0)

    def test_own_figures(self):
        """The reach figures can be replaced with your own."""
        result = word_of_mouth(4, 2, tells_when_pleased=3, tells_when_displeased=20)
        assert result == WordOfMouth(12, 40)

    def test_summary(self):
        """The summary uses thousands separators."""
        assert word_of_mouth(pleased=1_000, displeased=100).summary() == (
            "About 9,000 people hear a good story and 1,600 hear a bad one.")

    @pytest.mark.parametrize("kwargs, message", [
        ({"pleased": -2}, "pleased must be 0 or more, got -2"),
        ({"displeased": -1}, "displeased must be 0 or more, got -1"),
        ({"tells_when_pleased": -1}, "tells_when_pleased must be 0 or more, got -1"),
        ({"tells_when_displeased": -3}, "tells_when_displeased must be 0 or more, got -3"),
        ({"pleased": 1.5}, "pleased must be a whole number, got 1.5"),
    ])
    def test_bad_counts(self, kwargs, message):
        """Counts must be whole numbers, 0 or more."""
        with raises(ValueError, message):
            word_of_mouth(**kwargs)


# --------------------------------------------------------------------------
# cost_by_segment
# --------------------------------------------------------------------------

@pytest.fixture
def segmented():
    """Three customers in two segments: shop 100 + 50, trade 300."""
    return pd.DataFrame({"segment": ["shop", "trade", "shop"],
                         "lost_revenue": [100.0, 300.0, 50.0],
                         "lost_profit": [20.0, 60.0, 10.0]})


class TestCostBySegment:
    def test_sums_and_counts(self, segmented):
        """Each segment gets its customer count and summed losses."""
        result = cost_by_segment(segmented)
        assert result.loc["shop"].tolist() == [2, 150.0, 30.0]
        assert result.loc["trade"].tolist() == [1, 300.0, 60.0]
        assert list(result.columns) == ["customers", "lost_revenue", "lost_profit"]
        assert result.index.name == "segment"

    def test_largest_loss_first(self, segmented):
        """Segments are ordered by lost revenue, largest first."""
        assert cost_by_segment(segmented).index.tolist() == ["trade", "shop"]

    def test_totals_reconcile(self, segmented):
        """The per-segment totals add up to the table's totals."""
        result = cost_by_segment(segmented)
        assert result["lost_revenue"].sum() == segmented["lost_revenue"].sum()
        assert result["customers"].sum() == len(segmented)

    def test_other_segment_column(self, segmented):
        """segment= names another grouping column."""
        segmented = segmented.rename(columns={"segment": "region"})
        assert cost_by_segment(segmented, segment="region").index.tolist() == ["trade", "shop"]

    def test_pipeline_from_lost_revenue_table(self, shop):
        """The result of lost_revenue_table can be passed straight in."""
        shop["segment"] = ["a", "a"]
        result = cost_by_segment(lost_revenue_table(shop, growth_per_year="growth"))
        assert result.loc["a"].tolist() == [2, 90_000, 18_000]

    def test_missing_columns(self, segmented):
        """Missing columns are listed, with a hint on what to pass."""
        with raises(ValueError, "table lacks the columns ['segment', 'lost_profit']; it needs "
                                "segment, lost_revenue, lost_profit (the result of "
                                "lost_revenue_table(...)) and has ['lost_revenue']"):
            cost_by_segment(segmented.drop(columns=["segment", "lost_profit"]))

    def test_not_a_dataframe(self):
        """A dict is not a table."""
        with raises(TypeError, "table must be a pandas DataFrame (the result of "
                               "lost_revenue_table(...)), got {'segment': ['a']} (a dict)"):
            cost_by_segment({"segment": ["a"]})

    def test_missing_segment_not_silently_dropped(self, segmented):
        """A customer with no segment still counts towards the totals."""
        segmented.loc[1, "segment"] = None
        result = cost_by_segment(segmented)
        assert result["lost_revenue"].sum() == segmented["lost_revenue"].sum()
