"""The cost of losing one customer: lost revenue and profit, lifetime value,
word of mouth, and the same figures for a whole customer table.

The table versions, :func:`lost_revenue_table` and :func:`cost_by_segment`,
live in :mod:`ccexercise.lost_customers_table` and are imported here too.

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

from ._validate import check_columns, check_fraction, check_number, check_whole_number
from .lost_customers_table import cost_by_segment, lost_revenue_table

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

#: How many people a pleased / an outraged customer tells: the American Express
#: Global Customer Service Barometer, 2011, a survey of US consumers (the 2012
#: edition gave 15 and 24). One survey of one country: treat them as a starting guess.
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

    The defaults, 9 and 16 people, come from the American Express Global
    Customer Service Barometer (2011, US consumers; the 2012 edition gave 15
    and 24): replace them with your own when you have better numbers.

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
# A whole customer list
# --------------------------------------------------------------------------

def cost_by_reason(customers: pd.DataFrame, *, reason: str = "exit_reason", years: int = 5,
                   margin: float = 0.2) -> pd.DataFrame:
    """What the customers who left cost over ``years``, added up by why they left.

    ``customers`` is a customer list like module 01's data set: a ``churned``
    column (True for those who left), the exit ``reason``, ``annual_spend``
    and ``growth_per_year``. The biggest lost profit comes first. It keeps
    the selection and grouping out of the exercise, where a learner only
    needs to read the table. (Not in ``__all__`` yet: every name there is
    re-exported as ``ccexercise.<name>``; until then call it as
    ``cc.lost_customers.cost_by_reason``.)

    >>> shop = pd.DataFrame({"churned": [True, True, False], "exit_reason": ["price", "staff", None],
    ...                      "annual_spend": [1_000.0, 3_000.0, 9_000.0],
    ...                      "growth_per_year": [0.0, 0.0, 0.0]})
    >>> cost_by_reason(shop)
                 customers  lost_revenue  lost_profit
    exit_reason
    staff                1       15000.0       3000.0
    price                1        5000.0       1000.0
    """
    check_columns("customers", customers, ("churned", reason, "annual_spend", "growth_per_year"),
                  what="a customer list like cc.datasets.load('01_lost_customer_cost')")
    left = customers[customers["churned"].fillna(False).astype(bool)]
    lost = lost_revenue_table(left, first_year="annual_spend", growth_per_year="growth_per_year",
                              years=years, margin=margin)
    return cost_by_segment(lost, segment=reason).sort_values("lost_profit", ascending=False)
