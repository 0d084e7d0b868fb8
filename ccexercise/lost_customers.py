"""The cost of losing one customer: lost revenue and profit, lifetime value,
word of mouth, and the same figures for a whole customer table.

The classroom example: a customer buys 10,000 a year and buys 2,000 more each
year. If they leave, the next five years lose 10 + 12 + 14 + 16 + 18 = 70
thousand of revenue; at a 20 % net margin that is 14 thousand of profit.

>>> cost = lost_revenue(first_year=10_000, growth_per_year=2_000, years=5, margin=0.2)
>>> cost
LostCustomerCost(revenue=70000.0, profit=14000.0, years=5)
>>> print(cost.summary())
Losing this customer costs 70,000 of revenue over 5 years, which is 14,000 of profit at a 20% margin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._validate import check_fraction, check_number, check_whole_number

__all__ = [
    "CustomerCostComparison",
    "LifetimeValue",
    "LostCustomerCost",
    "WordOfMouth",
    "acquisition_vs_retention",
    "cost_by_segment",
    "lifetime_value",
    "lost_revenue",
    "lost_revenue_table",
    "word_of_mouth",
]

#: How many people a pleased / an outraged customer tells. Often quoted in
#: customer-service writing (and in this course's source texts); no primary
#: study behind the two figures is known, so treat them as a starting guess.
TELLS_WHEN_PLEASED = 9
TELLS_WHEN_DISPLEASED = 16


def _money(amount: float) -> str:
    """Format an amount with thousands separators and no currency sign."""
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"


def _pct(share: float) -> str:
    return f"{share * 100:g}%"


# --------------------------------------------------------------------------
# One customer
# --------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class LostCustomerCost:
    """What one lost customer would have bought, year by year.

    ``table`` has one row per year with the columns ``year``, ``revenue``
    and ``cumulative_revenue`` (plus ``profit`` and ``cumulative_profit``
    when a margin was given). ``revenue`` and ``profit`` are the totals,
    rounded to cents; ``profit`` is ``None`` without a margin.
    """

    first_year: float
    growth_per_year: float
    growth_rate: float
    years: int
    margin: float | None
    table: pd.DataFrame
    revenue: float
    profit: float | None

    def __repr__(self) -> str:
        return (f"LostCustomerCost(revenue={self.revenue!r}, profit={self.profit!r}, "
                f"years={self.years!r})")

    def summary(self) -> str:
        """One plain-English sentence stating the loss."""
        years = "1 year" if self.years == 1 else f"{self.years} years"
        text = f"Losing this customer costs {_money(self.revenue)} of revenue over {years}"
        if self.profit is not None:
            text += (f", which is {_money(self.profit)} of profit at a "
                     f"{_pct(self.margin)} margin")
        return text + "."

    def _repr_html_(self) -> str:
        return f"<p>{self.summary()}</p>" + self.table.to_html(index=False, float_format=_money)


def _check_growth(growth_per_year, growth_rate) -> tuple[float, float]:
    growth_per_year = check_number("growth_per_year", growth_per_year)
    if growth_rate is Ellipsis:
        check_number("growth_rate", growth_rate)  # raises the "is still ..." hint
    if not isinstance(growth_rate, (int, float, np.floating, np.integer)) or isinstance(growth_rate, bool):
        raise TypeError(f"growth_rate must be a number such as 0.1 for 10% a year, got "
                        f"{growth_rate!r} (a {type(growth_rate).__name__})")
    typed = growth_rate
    growth_rate = check_number("growth_rate", growth_rate, minimum=-1)
    if growth_rate > 1:
        raise ValueError(f"growth_rate must be a share per year between -1 and 1, got "
                         f"{typed!r} (did you mean {growth_rate / 100:g}?)")
    if growth_per_year and growth_rate:
        raise ValueError("give growth_per_year (an amount) or growth_rate (a share), not both; "
                         f"got growth_per_year={growth_per_year:g} and growth_rate={growth_rate:g}")
    return growth_per_year, growth_rate


def lost_revenue(first_year: float, *, growth_per_year: float = 0, growth_rate: float = 0,
                 years: int = 5, margin: float | None = None) -> LostCustomerCost:
    """Revenue (and profit) lost over ``years`` when a customer stops buying.

    ``first_year`` is what the customer would buy in the first lost year.
    Growth is either a fixed amount added each year (``growth_per_year``) or
    a share of the previous year (``growth_rate=0.1`` for 10 %). ``margin``
    is the net margin as a share of revenue (0.2 for 20 %).

    >>> lost_revenue(10_000, growth_per_year=2_000).table
       year  revenue  cumulative_revenue
    0     1  10000.0             10000.0
    1     2  12000.0             22000.0
    2     3  14000.0             36000.0
    3     4  16000.0             52000.0
    4     5  18000.0             70000.0
    >>> lost_revenue(25_000, growth_rate=0.1, years=4).revenue
    116025.0
    >>> lost_revenue(10_000, growth_per_year=2_000, margin=20)
    Traceback (most recent call last):
        ...
    ValueError: margin must be between 0 and 1, got 20 (did you mean 0.2?)
    """
    first_year = check_number("first_year", first_year, minimum=0)
    growth_per_year, growth_rate = _check_growth(growth_per_year, growth_rate)
    years = check_whole_number("years", years, minimum=1, maximum=100)
    if margin is not None:
        margin = check_fraction("margin", margin)
    last = first_year + growth_per_year * (years - 1)
    if last < 0:
        raise ValueError(
            f"growth_per_year={growth_per_year:g} makes the yearly amount negative by year "
            f"{years} ({last:g}); use a smaller decline or fewer years")

    t = np.arange(years)
    if growth_rate:
        amounts = first_year * (1 + growth_rate) ** t
    else:
        amounts = first_year + growth_per_year * t
    table = pd.DataFrame({"year": t + 1, "revenue": amounts.astype(float)})
    table["cumulative_revenue"] = table["revenue"].cumsum()
    revenue = round(float(amounts.sum()), 2)
    profit = None
    if margin is not None:
        table["profit"] = table["revenue"] * margin
        table["cumulative_profit"] = table["profit"].cumsum()
        profit = round(revenue * margin, 2)
    return LostCustomerCost(first_year, growth_per_year, growth_rate, years, margin,
                            table, revenue, profit)


@dataclass(frozen=True, eq=False)
class LifetimeValue:
    """Expected, discounted value of a customer over their lifetime.

    ``table`` has per year: ``value`` (profit that year if still a customer),
    ``still_customer`` (chance they are, ``retention ** t``), ``discount``
    (``1 / (1 + discount_rate) ** t``) and ``expected_value``.
    """

    retention: float
    discount_rate: float
    table: pd.DataFrame
    total: float

    def __repr__(self) -> str:
        return (f"LifetimeValue(total={self.total!r}, retention={self.retention!r}, "
                f"discount_rate={self.discount_rate!r})")


def lifetime_value(profit_per_year, *, retention: float = 1.0, discount_rate: float = 0.0,
                   years: int = 5) -> LifetimeValue:
    """Customer lifetime value: ``Σ m·rᵗ / (1+i)ᵗ`` for t = 0 … years-1.

    ``profit_per_year`` (m) is one amount for every year, or a sequence with
    one amount per year (then ``years`` is its length). ``retention`` (r) is
    the chance a customer stays from one year to the next; ``discount_rate``
    (i) turns future money into today's money. The first year counts in
    full.

    >>> lifetime_value(1_000, retention=0.8, discount_rate=0.1, years=3).total
    2256.2
    >>> lifetime_value([2_000, 2_400, 2_800], retention=1.0).total
    7200.0
    >>> lifetime_value(1_000, retention=1.5)
    Traceback (most recent call last):
        ...
    ValueError: retention must be between 0 and 1, got 1.5
    """
    retention = check_fraction("retention", retention)
    discount_rate = check_number("discount_rate", discount_rate, minimum=0, maximum=1)
    if profit_per_year is Ellipsis:
        check_number("profit_per_year", profit_per_year)  # raises the "is still ..." hint
    if isinstance(profit_per_year, (str, bytes)) or not (
            isinstance(profit_per_year, (Sequence, np.ndarray, pd.Series))
            or np.isscalar(profit_per_year)):
        raise TypeError("profit_per_year must be a number or a list of numbers, got "
                        f"{profit_per_year!r} (a {type(profit_per_year).__name__})")
    if np.isscalar(profit_per_year):
        years = check_whole_number("years", years, minimum=1, maximum=100)
        values = [check_number("profit_per_year", profit_per_year, minimum=0)] * years
    else:
        values = [check_number(f"profit_per_year[{i}]", v, minimum=0)
                  for i, v in enumerate(profit_per_year)]
        if not values:
            raise ValueError("profit_per_year must hold at least one year, got an empty list")
    t = np.arange(len(values))
    table = pd.DataFrame({"year": t + 1, "value": np.asarray(values, dtype=float)})
    table["still_customer"] = retention ** t
    table["discount"] = 1 / (1 + discount_rate) ** t
    table["expected_value"] = table["value"] * table["still_customer"] * table["discount"]
    return LifetimeValue(retention, discount_rate, table,
                         round(float(table["expected_value"].sum()), 2))


@dataclass(frozen=True)
class CustomerCostComparison:
    """Winning new customers against keeping the ones you have."""

    customers: int
    cost_to_win: float
    cost_to_keep: float

    @property
    def ratio(self) -> float:
        """How many times dearer winning is than keeping."""
        return round(self.cost_to_win / self.cost_to_keep, 2) if self.cost_to_keep else float("inf")

    @property
    def extra_cost(self) -> float:
        """What replacing the customers costs beyond keeping them."""
        return round(self.cost_to_win - self.cost_to_keep, 2)

    def summary(self) -> str:
        """One plain-English sentence comparing the two."""
        who = "1 customer" if self.customers == 1 else f"{self.customers} customers"
        if not self.cost_to_keep:
            return (f"Replacing {who} costs {_money(self.cost_to_win)}; keeping them costs "
                    "nothing extra.")
        return (f"Replacing {who} costs {_money(self.cost_to_win)}; keeping them costs "
                f"{_money(self.cost_to_keep)}, so winning is {self.ratio:g} times dearer.")


def acquisition_vs_retention(*, acquisition_cost: float, retention_cost: float,
                             customers: int = 1) -> CustomerCostComparison:
    """Compare winning ``customers`` new customers with keeping as many.

    ``acquisition_cost`` and ``retention_cost`` are per customer: what your
    marketing spends to win one, and what a goodwill gesture, a call-back or
    a loyalty offer costs to keep one. Use your own company's figures.

    >>> acquisition_vs_retention(acquisition_cost=500, retention_cost=100, customers=10).summary()
    'Replacing 10 customers costs 5,000; keeping them costs 1,000, so winning is 5 times dearer.'
    """
    acquisition_cost = check_number("acquisition_cost", acquisition_cost, minimum=0)
    retention_cost = check_number("retention_cost", retention_cost, minimum=0)
    customers = check_whole_number("customers", customers, minimum=1)
    return CustomerCostComparison(customers, round(acquisition_cost * customers, 2),
                                  round(retention_cost * customers, 2))


@dataclass(frozen=True)
class WordOfMouth:
    """How many people hear about good and bad experiences."""

    hear_good: int
    hear_bad: int

    def summary(self) -> str:
        """One plain-English sentence with both reaches."""
        return (f"About {self.hear_good:,} people hear a good story and "
                f"{self.hear_bad:,} hear a bad one.")


def word_of_mouth(pleased: int = 0, displeased: int = 0, *,
                  tells_when_pleased: int = TELLS_WHEN_PLEASED,
                  tells_when_displeased: int = TELLS_WHEN_DISPLEASED) -> WordOfMouth:
    """How many people hear about ``pleased`` and ``displeased`` customers.

    The defaults, 9 and 16 people, are the figures often quoted in
    customer-service writing; no primary study is known for them, so
    replace them with your own when you have better numbers.

    >>> word_of_mouth(pleased=10, displeased=3)
    WordOfMouth(hear_good=90, hear_bad=48)
    >>> word_of_mouth(displeased=-1)
    Traceback (most recent call last):
        ...
    ValueError: displeased must be 0 or more, got -1
    """
    pleased = check_whole_number("pleased", pleased, minimum=0)
    displeased = check_whole_number("displeased", displeased, minimum=0)
    tells_when_pleased = check_whole_number("tells_when_pleased", tells_when_pleased, minimum=0)
    tells_when_displeased = check_whole_number("tells_when_displeased", tells_when_displeased,
                                               minimum=0)
    return WordOfMouth(pleased * tells_when_pleased, displeased * tells_when_displeased)


# --------------------------------------------------------------------------
# A whole customer table (vectorised)
# --------------------------------------------------------------------------

#: pandas 3 always copies on write; pandas 2 only when switched on. With copy on
#: write a shallow copy of the customers is as safe as a deep one, and free.
_COPY_ON_WRITE = (int(pd.__version__.split(".")[0]) >= 3
                  or getattr(pd.options.mode, "copy_on_write", False) is True)


def _rows(index: pd.Index, bad: np.ndarray) -> str:
    """Name the rows where ``bad`` is true: at most five, then how many more.

    >>> _rows(pd.Index(["a", "b", "c"]), np.array([False, True, True]))
    "in 2 row(s): index ['b', 'c']"
    """
    count = int(np.count_nonzero(bad))
    named = index[np.flatnonzero(bad)[:5]].tolist()
    more = f" and {count - 5} more" if count > 5 else ""
    return f"in {count} row(s): index {named}{more}"


def _column_or_value(customers: pd.DataFrame, name: str, spec, *, minimum=None,
                     maximum=None, fraction=False, check_column=True) -> np.ndarray | float:
    """Return ``spec`` as a float array (a column of ``customers``) or a float (one number for all).

    A float64 column is returned without a copy (read-only) and checked with
    :func:`_check_column`, unless ``check_column=False`` says the caller
    will do that itself.
    """
    if isinstance(spec, str):
        if spec not in customers.columns:
            raise ValueError(f"{name}={spec!r} is not a column of customers; "
                             f"the columns are {list(customers.columns)}")
        column = customers[spec]
        if (not pd.api.types.is_numeric_dtype(column.dtype)
                or pd.api.types.is_bool_dtype(column.dtype)):
            raise TypeError(f"{name} column {spec!r} must hold numbers, got dtype {column.dtype}")
        values = column.to_numpy(dtype=float, na_value=np.nan)
        if check_column:
            _check_column(customers.index, name, spec, values, minimum, maximum)
        return values
    if fraction:
        return check_fraction(name, spec)
    return check_number(name, spec, minimum=minimum, maximum=maximum)


def _check_column(index: pd.Index, name: str, spec: str, values: np.ndarray,
                  minimum=None, maximum=None) -> None:
    """Raise a ValueError naming the rows (by ``index``) of an empty or out-of-range value.

    The check costs one ``min`` over the column (and one ``max`` when there
    is an upper limit): an empty cell (NaN) makes either NaN, so it fails
    them too. Only then are the rows looked for, to name them with the
    first kind of problem found.

    >>> _check_column(pd.RangeIndex(3), "margin", "m", np.array([0.2, 1.5, np.nan]), 0, 1)
    Traceback (most recent call last):
        ...
    ValueError: margin column 'm' is empty (NaN) in 1 row(s): index [2]
    """
    fine = values.min(initial=np.inf) >= (-np.inf if minimum is None else minimum)
    if fine and maximum is not None:
        fine = values.max(initial=-np.inf) <= maximum
    if fine:
        return
    problems = [("is empty (NaN)", np.isnan)]
    if minimum is not None:
        problems.append((f"is below {minimum:g}", lambda v: v < minimum))
    if maximum is not None:
        problems.append((f"is above {maximum:g}", lambda v: v > maximum))
    for reason, test in problems:
        bad = test(values)
        if bad.any():
            raise ValueError(f"{name} column {spec!r} {reason} {_rows(index, bad)}")


def _is_zero(value) -> bool:
    """True for the single number 0 (not for a column, even one of zeros)."""
    return np.ndim(value) == 0 and value == 0


def _compound(r, n: float):
    """``((1 + r)**n - 1) / r``, the sum of ``(1 + r)**t`` for t = 0 … n-1; ``n`` where r is 0.

    Computed as ``expm1(n * log1p(r)) / r``: no cancellation for tiny rates.
    In place on one new array (or a float for a single rate).

    >>> _compound(np.array([0.1, 0.0, -1.0]), 2.0).round(12).tolist()
    [2.1, 2.0, 1.0]
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        if np.ndim(r) == 0:
            return n if r == 0 else float(np.expm1(n * np.log1p(r)) / r)
        total = np.log1p(r)
        np.multiply(total, n, out=total)
        np.expm1(total, out=total)
        np.divide(total, r, out=total)  # 0 / 0 where r is 0, set just below
    zero = r == 0
    if zero.any():
        np.copyto(total, n, where=zero)
    return total


def lost_revenue_table(customers: pd.DataFrame, *, first_year="first_year",
                       growth_per_year=0, growth_rate=0, years: int = 5,
                       margin=0.2) -> pd.DataFrame:
    """Lost revenue and profit for every customer of a table, in one go.

    Each of ``first_year``, ``growth_per_year``, ``growth_rate`` and
    ``margin`` is either a column name of ``customers`` or one number for
    every row. Returns a copy of ``customers`` with two new columns,
    ``lost_revenue`` and ``lost_profit``; the input is not changed. Rows
    with a missing or out-of-range value raise an error that names them
    and the reason.

    >>> shop = pd.DataFrame({"name": ["Ann", "Bo"], "first_year": [10_000, 4_000],
    ...                      "growth": [2_000, 0]})
    >>> lost_revenue_table(shop, growth_per_year="growth")
      name  first_year  growth  lost_revenue  lost_profit
    0  Ann       10000    2000       70000.0      14000.0
    1   Bo        4000       0       20000.0       4000.0
    >>> lost_revenue_table(shop, first_year="spend")
    Traceback (most recent call last):
        ...
    ValueError: first_year='spend' is not a column of customers; the columns are ['name', 'first_year', 'growth']
    """
    if not isinstance(customers, pd.DataFrame):
        raise TypeError(f"customers must be a pandas DataFrame, got a {type(customers).__name__}")
    years = check_whole_number("years", years, minimum=1, maximum=100)
    a = _column_or_value(customers, "first_year", first_year, minimum=0)
    # growth_per_year has no limits: its check for empty cells is part of the
    # check of the last year's amount below, which reads the same values.
    g = _column_or_value(customers, "growth_per_year", growth_per_year, check_column=False)
    r = _column_or_value(customers, "growth_rate", growth_rate, minimum=-1, maximum=1)
    m = _column_or_value(customers, "margin", margin, minimum=0, maximum=1, fraction=True)
    n = float(years)
    last = None
    if not _is_zero(g):
        last = a + g * (n - 1)  # the last year's amount: a decline must not take it below 0
        if not np.min(last, initial=0) >= 0:  # NaN when growth_per_year has an empty cell
            if isinstance(growth_per_year, str):
                _check_column(customers.index, "growth_per_year", growth_per_year, g)
            raise ValueError(f"growth_per_year makes the yearly amount negative by year {years} "
                             f"{_rows(customers.index, np.broadcast_to(last < 0, len(customers)))}")
    if not (_is_zero(g) or _is_zero(r)) and np.any((g != 0) & (r != 0)):
        raise ValueError("give growth_per_year (an amount) or growth_rate (a share) for each "
                         "row, not both")
    # Revenue in cents, built in place in one new array (the last year's, when there is one).
    if _is_zero(r):
        if last is None:
            cents = a * (100 * n)
        else:  # n·a + g·n(n−1)/2 is n·(first + last)/2: reuse the last year's array
            last += a
            last *= 50 * n
            cents = last
    else:  # a·((1+r)ⁿ−1)/r, which is n·a where r is 0 (the only rows where g may not be 0)
        cents = _compound(r, n) * a
        if last is not None:
            cents += g * (n * (n - 1) / 2)
        cents *= 100
    if np.ndim(cents) == 0:
        cents = np.full(len(customers), cents)
    # Round to cents as np.round(x, 2) does (x·100, rint, ÷100), without its slower path.
    np.rint(cents, out=cents)
    profit = cents * m
    np.rint(profit, out=profit)
    profit /= 100
    revenue = cents
    revenue /= 100
    result = customers.copy(deep=not _COPY_ON_WRITE)
    result["lost_revenue"] = pd.Series(revenue, index=result.index, copy=False)
    result["lost_profit"] = pd.Series(profit, index=result.index, copy=False)
    return result


def cost_by_segment(table: pd.DataFrame, *, segment: str = "segment") -> pd.DataFrame:
    """Total lost revenue and profit per segment, largest loss first.

    ``table`` is the result of :func:`lost_revenue_table`.

    >>> t = pd.DataFrame({"segment": ["shop", "trade", "shop"],
    ...                   "lost_revenue": [100.0, 300.0, 50.0], "lost_profit": [20.0, 60.0, 10.0]})
    >>> cost_by_segment(t)
             customers  lost_revenue  lost_profit
    segment
    trade            1         300.0         60.0
    shop             2         150.0         30.0
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a pandas DataFrame, got a {type(table).__name__}")
    missing = [c for c in (segment, "lost_revenue", "lost_profit") if c not in table.columns]
    if missing:
        raise ValueError(f"table is missing the column(s) {missing}; pass the result of "
                         "lost_revenue_table, and segment= the name of the segment column")
    grouped = table.groupby(segment, observed=True, sort=False, dropna=False).agg(
        customers=("lost_revenue", "size"), lost_revenue=("lost_revenue", "sum"),
        lost_profit=("lost_profit", "sum"))
    return grouped.sort_values("lost_revenue", ascending=False)
