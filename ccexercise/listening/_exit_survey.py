"""The exit survey planner: what asking customers at the door costs, what it brings,
and how that compares with losing one customer (module 01's calculators).

The texts' figures come from one clothing shop's experience: three
questions at the exit, a good chocolate for each answer, 50 chocolates for
7,500 and two days of the owner's time brought 30-50 improvements for the
next year. They are the defaults here, shown as assumptions: change them
to your own.

>>> plan = exit_survey_plan()
>>> plan.cost, plan.cost_per_improvement
(7500.0, (150.0, 250.0))
>>> print(plan.summary())
50 answers at 150 each cost 7,500 over 2 days and should give 30 to 50 improvements: 150 to 250 per improvement.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .._validate import check_number, check_whole_number
from ..lost_customers import LostCustomerCost, lost_revenue

__all__ = ["EXIT_QUESTIONS", "ExitSurveyPayback", "ExitSurveyPlan", "exit_survey_payback",
           "exit_survey_plan"]

#: The three questions asked at the door, and what each one is for.
EXIT_QUESTIONS = (
    ("How often do you come to us?", "opens the conversation"),
    ("Why did you buy, or not buy, today?", "listen from here on"),
    ("Which three things should we improve?", "listen and write it down"),
)

#: Where the defaults come from.
SOURCE = ("one clothing shop's experience, as the texts tell it: 50 chocolates for 7,500, "
          "two days, 30-50 improvements")


def _money(amount: float) -> str:
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"


@dataclass(frozen=True)
class ExitSurveyPlan:
    """An exit survey's cost and expected improvements, with the assumptions behind them.

    ``cost`` is the gifts plus the days' cost; ``cost_per_improvement`` is
    ``(cost / most improvements, cost / fewest improvements)``.
    """

    answers: int
    gift_cost: float
    days: int
    day_cost: float
    improvements: tuple[int, int]

    @property
    def cost(self) -> float:
        return round(self.answers * self.gift_cost + self.days * self.day_cost, 2)

    @property
    def cost_per_improvement(self) -> tuple[float, float]:
        low, high = self.improvements
        return (round(self.cost / high, 2), round(self.cost / low, 2))

    @property
    def assumptions(self) -> pd.DataFrame:
        """What the plan assumes, each with its value and where it comes from."""
        text = "the texts' shop" if (self.answers, self.gift_cost, self.days,
                                     self.improvements) == (50, 150.0, 2, (30, 50)) else "yours"
        return pd.DataFrame([
            ("customers who answer (one gift each)", f"{self.answers}", text),
            ("cost of one gift", _money(self.gift_cost), text),
            ("days spent asking", f"{self.days}", text),
            ("cost of a day of your time", _money(self.day_cost),
             "yours (the texts do not count it)" if not self.day_cost else "yours"),
            ("improvements you expect", f"{self.improvements[0]} to {self.improvements[1]}",
             text),
        ], columns=["assumption", "value", "from"])

    def summary(self) -> str:
        low, high = self.cost_per_improvement
        per = _money(low) if low == high else f"{_money(low)} to {_money(high)}"
        got = (f"{self.improvements[0]}" if self.improvements[0] == self.improvements[1]
               else f"{self.improvements[0]} to {self.improvements[1]}")
        days = "1 day" if self.days == 1 else f"{self.days} days"
        return (f"{self.answers} answers at {_money(self.gift_cost)} each cost "
                f"{_money(self.cost)} over {days} and should give {got} improvements: "
                f"{per} per improvement.")


def exit_survey_plan(*, answers: int = 50, gift_cost: float = 150, days: int = 2,
                     day_cost: float = 0, improvements=(30, 50)) -> ExitSurveyPlan:
    """Plan an exit survey; the defaults are the texts' one shop (see :data:`SOURCE`).

    ``answers`` is how many customers answer (each gets a gift worth
    ``gift_cost``); ``days`` the days spent asking, each costing ``day_cost``
    of your time (0: not counted, as in the texts); ``improvements`` the
    fewest and most improvements you expect, as ``(low, high)``.

    >>> exit_survey_plan(answers=40, gift_cost=100, day_cost=500, improvements=(20, 30)).cost
    5000.0
    >>> exit_survey_plan(improvements=(50, 30))
    Traceback (most recent call last):
        ...
    ValueError: improvements must be (fewest, most) with the fewest first and at least 1, got (50, 30)
    """
    answers = check_whole_number("answers", answers, minimum=1, maximum=100_000)
    gift_cost = check_number("gift_cost", gift_cost, minimum=0)
    days = check_whole_number("days", days, minimum=1, maximum=365)
    day_cost = check_number("day_cost", day_cost, minimum=0)
    if isinstance(improvements, (str, bytes)) or not hasattr(improvements, "__len__") \
            or len(improvements) != 2:
        raise TypeError(f"improvements must be two whole numbers (fewest, most), such as "
                        f"(30, 50), got {improvements!r}")
    low = check_whole_number("improvements[0]", improvements[0], minimum=1)
    high = check_whole_number("improvements[1]", improvements[1], minimum=1)
    if low > high:
        raise ValueError(f"improvements must be (fewest, most) with the fewest first and at "
                         f"least 1, got {tuple(improvements)!r}")
    return ExitSurveyPlan(answers, gift_cost, days, day_cost, (low, high))


@dataclass(frozen=True)
class ExitSurveyPayback:
    """The survey's cost against the profit one lost customer takes away (module 01)."""

    plan: ExitSurveyPlan
    lost: LostCustomerCost

    @property
    def customers_to_break_even(self) -> float:
        """How many customers the survey must keep to pay for itself (cost / lost profit)."""
        return round(self.plan.cost / self.lost.profit, 2)

    def pays_for_itself(self, customers_kept: int = 1) -> bool:
        """True when keeping ``customers_kept`` customers brings at least the survey's cost."""
        customers_kept = check_whole_number("customers_kept", customers_kept, minimum=0)
        return customers_kept * self.lost.profit >= self.plan.cost

    def summary(self) -> str:
        n = self.customers_to_break_even
        keep = ("keeping a single customer pays for it" if n <= 1
                else f"it must keep {n:g} customers to pay for itself")
        return (f"The survey costs {_money(self.plan.cost)}; one lost customer costs "
                f"{_money(self.lost.profit)} of profit over {self.lost.years} years, so {keep}.")


def exit_survey_payback(plan: ExitSurveyPlan, lost: LostCustomerCost | None = None, *,
                        first_year: float = 10_000, growth_per_year: float = 2_000,
                        years: int = 5, margin: float = 0.2) -> ExitSurveyPayback:
    """Compare the survey's cost with one lost customer's lost profit.

    ``lost`` is a result of :func:`ccexercise.lost_revenue` with a margin;
    without it, module 01's calculator works it out from ``first_year``,
    ``growth_per_year``, ``years`` and ``margin`` (module 01's classroom
    customer by default: 14,000 of profit over five years).

    >>> payback = exit_survey_payback(exit_survey_plan())
    >>> payback.customers_to_break_even, payback.pays_for_itself(1)
    (0.54, True)
    >>> print(payback.summary())
    The survey costs 7,500; one lost customer costs 14,000 of profit over 5 years, so keeping a single customer pays for it.
    >>> exit_survey_payback(exit_survey_plan(), lost_revenue(10_000))
    Traceback (most recent call last):
        ...
    ValueError: lost must include a profit: call lost_revenue(...) with a margin, such as margin=0.2
    """
    if not isinstance(plan, ExitSurveyPlan):
        raise TypeError(f"plan must be the result of exit_survey_plan(...), got {plan!r} "
                        f"(a {type(plan).__name__})")
    if lost is None:
        lost = lost_revenue(first_year, growth_per_year=growth_per_year, years=years,
                            margin=margin)
    if not isinstance(lost, LostCustomerCost):
        raise TypeError(f"lost must be the result of lost_revenue(...), got {lost!r} "
                        f"(a {type(lost).__name__})")
    if lost.profit is None:
        raise ValueError("lost must include a profit: call lost_revenue(...) with a margin, "
                         "such as margin=0.2")
    if lost.profit <= 0:
        raise ValueError(f"lost must have a profit above 0 to compare with, got {lost.profit!r}")
    return ExitSurveyPayback(plan, lost)
