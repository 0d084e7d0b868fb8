"""Managing expectations: promise and delivery, and what to do when you cannot deliver.

The deadline example: promise 5 days and deliver in 3, and the customer is
pleased; let them expect 3 days and deliver in 5, and they are displeased.
The work is the same; only the promise differs.

>>> promise_vs_delivery(promised=5, delivered=3)
PromiseOutcome(promised=5, delivered=3, gap=2, level=ServiceLevel.WOW)
>>> promise_vs_delivery(promised=3, delivered=5).summary()
'Promised 3 days, delivered in 5: 2 days late, so the customer is let down (Low).'
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import pandas as pd

from ._validate import check_number
from .service_levels import ServiceLevel, service_level

__all__ = [
    "DEADLINE_EXAMPLE",
    "ExpectationResponse",
    "PromiseOutcome",
    "compare_promises",
    "expectation_response",
    "promise_vs_delivery",
]

#: The two scenarios of the deadline example: (promised days, delivered days).
DEADLINE_EXAMPLE = ((5, 3), (3, 5))


@dataclass(frozen=True)
class PromiseOutcome:
    """What a customer feels when a promise meets the delivery.

    ``gap`` is how much better the delivery was than the promise, in the
    promise's units (for days: days early is positive, days late negative).
    """

    promised: float
    delivered: float
    gap: float
    level: ServiceLevel
    unit: str = "days"

    def __repr__(self) -> str:
        return (f"PromiseOutcome(promised={self.promised!r}, delivered={self.delivered!r}, "
                f"gap={self.gap!r}, level={self.level!r})")

    def summary(self) -> str:
        """One plain-English sentence for the scenario."""
        size = abs(self.gap)
        amount = f"{size:g} {self.unit if size != 1 else self.unit.rstrip('s')}"
        if self.level is ServiceLevel.WOW:
            how = f"{amount} early, so the customer is pleased"
        elif self.level is ServiceLevel.LOW:
            how = f"{amount} late, so the customer is let down"
        else:
            how = "as promised, so the customer is calm" if self.gap == 0 else (
                f"{amount} {'early' if self.gap > 0 else 'late'}, close enough to the "
                "promise: the customer is calm")
        return (f"Promised {self.promised:g} {self.unit}, delivered in {self.delivered:g}: "
                f"{how} ({self.level}).")


def _plain(value: float, typed):
    """Keep whole numbers as int when the caller typed whole numbers."""
    return int(value) if isinstance(typed, int) and float(value).is_integer() else value


def promise_vs_delivery(*, promised, delivered, tolerance=0, unit: str = "days"
                        ) -> PromiseOutcome:
    """Compare what was promised with what was delivered (less is better, as with days).

    The customer's expectation is the promise, so the gap is
    ``promised - delivered``: delivering sooner than promised is a positive
    gap (WOW), later a negative one (Low). ``tolerance`` is how far off the
    promise still counts as keeping it (0: to the day).

    >>> promise_vs_delivery(promised=5, delivered=5).level
    ServiceLevel.STANDARD
    >>> promise_vs_delivery(promised=3, delivered=4, tolerance=1).level
    ServiceLevel.STANDARD
    >>> promise_vs_delivery(promised=-1, delivered=3)
    Traceback (most recent call last):
        ...
    ValueError: promised must be 0 or more, got -1
    """
    typed_promised, typed_delivered = promised, delivered
    promised = check_number("promised", promised, minimum=0)
    delivered = check_number("delivered", delivered, minimum=0)
    tolerance = check_number("tolerance", tolerance, minimum=0)
    if not isinstance(unit, str) or not unit.strip():
        raise TypeError(f"unit must be a word such as 'days', got {unit!r}")
    gap = promised - delivered
    both_whole = isinstance(typed_promised, int) and isinstance(typed_delivered, int)
    return PromiseOutcome(_plain(promised, typed_promised), _plain(delivered, typed_delivered),
                          int(gap) if both_whole else gap,
                          service_level(gap, tolerance=tolerance), unit)


def compare_promises(scenarios=DEADLINE_EXAMPLE, *, tolerance=0) -> pd.DataFrame:
    """A table of several (promised, delivered) scenarios, one row each.

    >>> compare_promises()[["promised", "delivered", "gap", "level"]]
       promised  delivered  gap level
    0         5          3    2   WOW
    1         3          5   -2   Low
    """
    if isinstance(scenarios, (str, bytes)) or not hasattr(scenarios, "__iter__"):
        raise TypeError("scenarios must be a list of (promised, delivered) pairs, got "
                        f"{scenarios!r}")
    rows = []
    for position, pair in enumerate(scenarios):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise TypeError(f"scenarios[{position}] must be a (promised, delivered) pair, got "
                            f"{pair!r}")
        outcome = promise_vs_delivery(promised=pair[0], delivered=pair[1], tolerance=tolerance)
        rows.append({"promised": outcome.promised, "delivered": outcome.delivered,
                     "gap": outcome.gap, "level": str(outcome.level),
                     "summary": outcome.summary()})
    return pd.DataFrame(rows, columns=["promised", "delivered", "gap", "level", "summary"])


class ExpectationResponse(enum.Enum):
    """The three answers when a customer expects more than the company can deliver."""

    LOWER = "lower"
    RAISE = "raise"
    REFER = "refer"

    @property
    def advice(self) -> str:
        """What the answer means in practice."""
        return _ADVICE[self]

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"ExpectationResponse.{self.name}"


_ADVICE = {
    ExpectationResponse.LOWER: "Lower the expectation to what you can really deliver: say so "
                               "honestly before the customer buys.",
    ExpectationResponse.RAISE: "Raise your capability to meet the expectation: when you can "
                               "close the gap and more customers will want the same.",
    ExpectationResponse.REFER: "Recommend another company that can help: when this customer "
                               "needs something you do not and will not offer.",
}


def expectation_response(*, expected, can_deliver, could_deliver=None,
                         our_customer: bool = True, lower_is_better: bool = False):
    """Which of the three answers fits when ``expected`` exceeds ``can_deliver``.

    ``expected`` and ``can_deliver`` are on the same measure (a rating, or
    days when ``lower_is_better=True``). ``could_deliver`` is what you could
    reach with reasonable effort (None when you cannot improve), and
    ``our_customer`` is False for a customer whose need you do not serve.
    The rule: not our customer -> REFER; the gap can be closed -> RAISE;
    otherwise -> LOWER. Returns None when there is no gap to manage.

    >>> expectation_response(expected=9, can_deliver=6)
    ExpectationResponse.LOWER
    >>> expectation_response(expected=2, can_deliver=5, could_deliver=2, lower_is_better=True)
    ExpectationResponse.RAISE
    >>> expectation_response(expected=9, can_deliver=6, our_customer=False).advice
    'Recommend another company that can help: when this customer needs something you do not and will not offer.'
    >>> expectation_response(expected=5, can_deliver=7) is None
    True
    """
    expected = check_number("expected", expected)
    can_deliver = check_number("can_deliver", can_deliver)
    if could_deliver is not None:
        could_deliver = check_number("could_deliver", could_deliver)
    for name, flag in (("our_customer", our_customer), ("lower_is_better", lower_is_better)):
        if not isinstance(flag, bool):
            raise TypeError(f"{name} must be True or False, got {flag!r}")

    def meets(level):
        return level <= expected if lower_is_better else level >= expected

    if meets(can_deliver):
        return None
    if not our_customer:
        return ExpectationResponse.REFER
    if could_deliver is not None and meets(could_deliver):
        return ExpectationResponse.RAISE
    return ExpectationResponse.LOWER
