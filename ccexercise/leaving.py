"""Why customers leave: which few reasons cause most of the losses, what they cost,
and the harmful advice that drives customers away.

The reasons come from a customer list like module 01's (``exit_reason``,
``annual_spend``, ``growth_per_year``); what each reason costs is worked out
with module 01's calculators (:func:`ccexercise.lost_customers.cost_by_reason`),
not a second copy of them.

>>> shop = pd.DataFrame({"churned": [True, True, True, False],
...                      "exit_reason": ["slow service", "price", "slow service", None],
...                      "annual_spend": [1_000.0, 3_000.0, 2_000.0, 9_000.0],
...                      "growth_per_year": [0.0, 0.0, 0.0, 0.0]})
>>> exit_reason_pareto(shop)[["customers", "share", "cumulative_share", "lost_profit"]]
              customers     share  cumulative_share  lost_profit
exit_reason
slow service          2  0.666667          0.666667       3000.0
price                 1  0.333333          1.000000       3000.0
>>> judge_advice(advice_cards()[0], "helpful").right
False
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from ._validate import check_columns, check_fraction, check_text, check_whole_number
from .lost_customers import (
    TELLS_WHEN_DISPLEASED,
    TELLS_WHEN_PLEASED,
    cost_by_reason,
    word_of_mouth,
)

__all__ = [
    "ADVICE_VERDICTS",
    "ANTI_EXAMPLE_CARDS",
    "Advice",
    "AdviceFeedback",
    "REASON_CATEGORIES",
    "RetentionAction",
    "ToldComparison",
    "advice_cards",
    "advice_score",
    "compare_told",
    "exit_reason_pareto",
    "judge_advice",
    "reason_category",
    "retention_savings",
    "vital_few",
]

#: The exit reasons of module 01's customer list, by what a manager would have to change.
REASON_CATEGORIES = {
    "rude or unhelpful staff": "how staff treat customers",
    "slow service": "how the work is organised",
    "billing problem": "how the work is organised",
    "price": "price and offer",
    "better offer elsewhere": "price and offer",
    "product quality": "the product",
    "moved away": "outside our control",
    "no reason given": "not known",
}

#: The anti-examples of the texts (B) that are already cards of module 06's "dislike" deck:
#: the bank's new fee for online banking, the courier who never calls ahead, the
#: hotline that is an answering machine.
ANTI_EXAMPLE_CARDS = ("D02", "D03", "D15")

#: The two answers of the harmful-advice game.
ADVICE_VERDICTS = ("harmful", "helpful")

_PARETO_WHAT = "a customer list like cc.datasets.load('01_lost_customer_cost')"


def reason_category(reason: str) -> str:
    """What a manager would have to change to act on an exit ``reason``.

    >>> reason_category("slow service")
    'how the work is organised'
    >>> reason_category("weather")
    Traceback (most recent call last):
        ...
    ValueError: reason must be one of the exit reasons of module 01's customer list ('rude or unhelpful staff', 'slow service', 'billing problem', 'price', 'better offer elsewhere', 'product quality', 'moved away', 'no reason given'), got 'weather'
    """
    check_text("reason", reason)
    if reason not in REASON_CATEGORIES:
        allowed = ", ".join(repr(r) for r in REASON_CATEGORIES)
        raise ValueError(f"reason must be one of the exit reasons of module 01's customer list "
                         f"({allowed}), got {reason!r}")
    return REASON_CATEGORIES[reason]


# --------------------------------------------------------------------------
# The Pareto of exit reasons
# --------------------------------------------------------------------------

def exit_reason_pareto(customers: pd.DataFrame, *, reason: str = "exit_reason",
                       segment: str | None = None, years: int = 5,
                       margin: float = 0.2) -> pd.DataFrame:
    """How many customers left for each reason, most first, and what they cost.

    ``customers`` is a customer list like module 01's data set (the columns
    ``churned``, ``reason``, ``annual_spend``, ``growth_per_year``, and
    ``segment`` when one is chosen). ``segment`` keeps only that segment's
    customers. One row per reason (the index), sorted by ``customers``, most
    first (ties by name), with:

    * ``customers``: how many left for it; ``share``: their share of all who
      left; ``cumulative_share``: the running total of ``share``;
    * ``lost_revenue``, ``lost_profit``: what they would have bought over
      ``years`` (and the profit at ``margin``), from module 01's
      :func:`~ccexercise.lost_customers.cost_by_reason`; ``revenue_share``:
      the share of all lost revenue.

    >>> shop = pd.DataFrame({"churned": [True, True], "exit_reason": ["price", "price"],
    ...                      "annual_spend": [10.0, 30.0], "growth_per_year": [0.0, 0.0]})
    >>> exit_reason_pareto(shop, years=1)["lost_revenue"].tolist()
    [40.0]
    >>> exit_reason_pareto(shop, segment="trade")
    Traceback (most recent call last):
        ...
    ValueError: customers lacks the columns ['segment']; it needs churned, exit_reason, annual_spend, growth_per_year, segment (a customer list like cc.datasets.load('01_lost_customer_cost')) and has ['churned', 'exit_reason', 'annual_spend', 'growth_per_year']
    """
    needed = ["churned", reason, "annual_spend", "growth_per_year"]
    if segment is not None:
        check_text("segment", segment)
        needed.append("segment")
    check_columns("customers", customers, needed, what=_PARETO_WHAT)
    years = check_whole_number("years", years, minimum=1, maximum=100)
    margin = check_fraction("margin", margin)
    if segment is not None:
        known = sorted(customers["segment"].dropna().unique().tolist())
        if segment not in known:
            raise ValueError(f"segment must be one of the list's segments {known}, "
                             f"got {segment!r}")
        customers = customers[customers["segment"] == segment]
    left = customers["churned"].fillna(False).astype(bool)
    if not left.any():
        where = f" in segment {segment!r}" if segment is not None else ""
        raise ValueError(f"customers has nobody who left (churned True){where}; there are no "
                         "reasons to count")
    missing = left & customers[reason].isna()
    if missing.any():
        rows = customers.index[missing][:5].tolist()
        raise ValueError(f"customers column {reason!r} is empty for {int(missing.sum())} "
                         f"customer(s) who left: index {rows}; write 'no reason given' there")
    table = cost_by_reason(customers, reason=reason, years=years, margin=margin)
    table = table.reset_index()
    table = table.sort_values(["customers", reason], ascending=[False, True],
                              kind="mergesort").set_index(reason)
    total = table["customers"].sum()
    table.insert(1, "share", table["customers"] / total)
    table.insert(2, "cumulative_share", table["share"].cumsum())
    revenue = table["lost_revenue"].sum()
    table["revenue_share"] = table["lost_revenue"] / revenue if revenue else 0.0
    table["customers"] = table["customers"].astype("int64")
    return table


def vital_few(pareto: pd.DataFrame, *, cutoff: float = 0.8) -> list[str]:
    """The first reasons of ``pareto`` that together reach ``cutoff`` of those who left.

    ``pareto`` is the result of :func:`exit_reason_pareto`; the "vital few"
    are the reasons to work on first.

    >>> t = pd.DataFrame({"cumulative_share": [0.5, 0.75, 0.9, 1.0]},
    ...                  index=["staff", "slow", "price", "moved"])
    >>> vital_few(t)
    ['staff', 'slow', 'price']
    >>> vital_few(t, cutoff=80)
    Traceback (most recent call last):
        ...
    ValueError: cutoff must be between 0 and 1, got 80 (did you mean 0.8?)
    """
    check_columns("pareto", pareto, ["cumulative_share"],
                  what="the result of cc.exit_reason_pareto(...)")
    cutoff = check_fraction("cutoff", cutoff)
    if pareto.empty:
        raise ValueError("pareto has no rows; there are no reasons to choose from")
    shares = pareto["cumulative_share"].tolist()
    count = next((i + 1 for i, s in enumerate(shares) if s >= cutoff - 1e-9), len(shares))
    return [str(r) for r in pareto.index[:count]]


@dataclass(frozen=True)
class RetentionAction:
    """A step a shop could take against one exit reason, and what it might keep.

    ``keeps`` is the share of the customers lost for ``reason`` that the step
    would keep (0.5: half of them)."""

    name: str
    reason: str
    keeps: float


def retention_savings(pareto: pd.DataFrame, actions: Sequence[RetentionAction]) -> pd.DataFrame:
    """What each action would save, largest first: the lost profit of its reason times
    the share it keeps.

    ``pareto`` is the result of :func:`exit_reason_pareto`. Columns of the result
    (one row per action, in the order of ``saved_profit``, largest first): ``reason``,
    ``keeps``, ``customers_kept`` (rounded to whole customers), ``saved_revenue``,
    ``saved_profit``.

    >>> t = pd.DataFrame({"customers": [10, 4], "lost_revenue": [5_000.0, 8_000.0],
    ...                   "lost_profit": [1_000.0, 1_600.0]}, index=["staff", "price"])
    >>> acts = [RetentionAction("Train staff", "staff", 0.5),
    ...         RetentionAction("Cut prices", "price", 0.25)]
    >>> retention_savings(t, acts)[["reason", "customers_kept", "saved_profit"]]
                reason  customers_kept  saved_profit
    action
    Train staff  staff               5         500.0
    Cut prices   price               1         400.0
    >>> retention_savings(t, [RetentionAction("Move shop", "weather", 0.5)])
    Traceback (most recent call last):
        ...
    ValueError: actions[0].reason must be one of the reasons in pareto (['staff', 'price']), got 'weather'
    """
    check_columns("pareto", pareto, ["customers", "lost_revenue", "lost_profit"],
                  what="the result of cc.exit_reason_pareto(...)")
    if isinstance(actions, (str, RetentionAction)) or not isinstance(actions, Sequence):
        raise TypeError(f"actions must be a list of RetentionAction, got {actions!r}")
    if not actions:
        raise ValueError("actions must hold at least one RetentionAction, got an empty list")
    rows = []
    reasons = [str(r) for r in pareto.index]
    for i, action in enumerate(actions):
        if not isinstance(action, RetentionAction):
            raise TypeError(f"actions[{i}] must be a RetentionAction, got {action!r} "
                            f"(a {type(action).__name__})")
        check_text(f"actions[{i}].name", action.name)
        if action.reason not in reasons:
            raise ValueError(f"actions[{i}].reason must be one of the reasons in pareto "
                             f"({reasons}), got {action.reason!r}")
        keeps = check_fraction(f"actions[{i}].keeps", action.keeps)
        row = pareto.loc[action.reason]
        rows.append({"action": action.name, "reason": action.reason, "keeps": keeps,
                     "customers_kept": int(math.floor(row["customers"] * keeps + 0.5)),
                     "saved_revenue": round(float(row["lost_revenue"]) * keeps, 2),
                     "saved_profit": round(float(row["lost_profit"]) * keeps, 2)})
    names = [r["action"] for r in rows]
    if len(set(names)) != len(names):
        twice = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"each action needs its own name; listed more than once: {twice}")
    table = pd.DataFrame(rows).set_index("action")
    return table.sort_values("saved_profit", ascending=False, kind="mergesort")


# --------------------------------------------------------------------------
# Word of mouth from the learner's own story (question 7)
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class ToldComparison:
    """How many people the room told about a bad visit, against the survey's figures."""

    stories: int
    told: int
    average: float
    survey_reach: int
    survey_displeased: int
    survey_pleased: int

    def summary(self) -> str:
        """One plain-English sentence comparing the room with the survey."""
        who = "1 story" if self.stories == 1 else f"{self.stories} stories"
        return (f"{who} reached {self.told:,} people, {self.average:g} each on average. "
                f"At the often-quoted {self.survey_displeased} people per outraged customer "
                f"(American Express, 2011; {self.survey_pleased} for a pleased one) they would "
                f"reach {self.survey_reach:,}.")


def compare_told(told) -> ToldComparison:
    """Set the room's answers to question 7 ("how many people did you tell?") against
    the 16 and 9 of American Express's 2011 survey, which module 01 quotes.

    ``told`` is one whole number per story (0 or more).

    >>> compare_told([3, 5, 0, 12]).summary()
    '4 stories reached 20 people, 5 each on average. At the often-quoted 16 people per outraged customer (American Express, 2011; 9 for a pleased one) they would reach 64.'
    >>> compare_told([3, -1])
    Traceback (most recent call last):
        ...
    ValueError: told[1] must be 0 or more, got -1
    """
    if isinstance(told, (str, bytes)) or not isinstance(told, (Sequence, pd.Series)):
        raise TypeError(f"told must be a list of whole numbers, got {told!r} "
                        f"(a {type(told).__name__})")
    counts = [check_whole_number(f"told[{i}]", n, minimum=0) for i, n in enumerate(list(told))]
    if not counts:
        raise ValueError("told must hold at least one answer, got an empty list")
    total = sum(counts)
    # Module 01's calculator: as many outraged customers, each telling the survey's 16.
    survey_reach = word_of_mouth(displeased=len(counts)).hear_bad
    return ToldComparison(len(counts), total, round(total / len(counts), 1), survey_reach,
                          TELLS_WHEN_DISPLEASED, TELLS_WHEN_PLEASED)


# --------------------------------------------------------------------------
# The harmful-advice game
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Advice:
    """One statement of the harmful-advice game (a row of the module's data set)."""

    advice_id: str
    who: str
    statement: str
    harmful: bool
    what_is_wrong: str
    do_instead: str
    source: str


@dataclass(frozen=True)
class AdviceFeedback:
    """The verdict on one answer: ``right`` and the words to show (never colour only)."""

    advice_id: str
    verdict: str
    right: bool
    text: str


def advice_cards(who: str | None = None) -> tuple[Advice, ...]:
    """The game's statements from the bundled data set, in file order; ``who`` keeps
    only those for "shop staff", "manager" or "organisation".

    >>> len(advice_cards()), len(advice_cards("organisation"))
    (16, 6)
    >>> advice_cards("boss")
    Traceback (most recent call last):
        ...
    ValueError: who must be one of 'shop staff', 'manager', 'organisation' or None, got 'boss'
    """
    from .datasets import load

    allowed = ("shop staff", "manager", "organisation")
    if who is not None and who not in allowed:
        raise ValueError(f"who must be one of {', '.join(repr(a) for a in allowed)} or None, "
                         f"got {who!r}")
    table = load("02_why_customers_leave")
    if who is not None:
        table = table[table["who"] == who]
    return tuple(Advice(r.advice_id, r.who, r.statement, bool(r.harmful), r.what_is_wrong,
                        r.do_instead, r.source) for r in table.itertuples(index=False))


def judge_advice(advice: Advice, verdict: str) -> AdviceFeedback:
    """Whether ``verdict`` ("harmful" or "helpful") is right for ``advice``, and why.

    >>> card = Advice("X1", "manager", "Say you'll be fined if they don't buy.", True,
    ...               "It guilt-trips the customer.", "Sell on what it does for them.", "R")
    >>> print(judge_advice(card, "harmful").text)
    Right: this advice is harmful. What is wrong: It guilt-trips the customer. Do instead: Sell on what it does for them.
    >>> judge_advice(card, "bad")
    Traceback (most recent call last):
        ...
    ValueError: verdict must be 'harmful' or 'helpful', got 'bad'
    """
    if not isinstance(advice, Advice):
        raise TypeError(f"advice must be one of cc.advice_cards(), got {advice!r} "
                        f"(a {type(advice).__name__})")
    if not isinstance(verdict, str) or verdict.strip().lower() not in ADVICE_VERDICTS:
        raise ValueError(f"verdict must be 'harmful' or 'helpful', got {verdict!r}")
    verdict = verdict.strip().lower()
    right = (verdict == "harmful") == advice.harmful
    truth = "harmful" if advice.harmful else "helpful"
    if advice.harmful:
        text = (f"What is wrong: {advice.what_is_wrong} Do instead: {advice.do_instead}")
    else:
        text = f"{advice.what_is_wrong} {advice.do_instead}"
    head = "Right" if right else "Not quite"
    return AdviceFeedback(advice.advice_id, verdict, right,
                          f"{head}: this advice is {truth}. {text}")


def advice_score(feedback: Mapping[str, AdviceFeedback] | Sequence[AdviceFeedback]) -> str:
    """One sentence with how many statements were judged right.

    >>> card = advice_cards()[0]
    >>> advice_score([judge_advice(card, "harmful")])
    'You judged 1 of 1 statement right.'
    """
    items = list(feedback.values()) if isinstance(feedback, Mapping) else list(feedback)
    right = sum(f.right for f in items)
    noun = "statement" if len(items) == 1 else "statements"
    return f"You judged {right} of {len(items)} {noun} right."
