"""Service levels (Low, Standard, WOW) and the three stages of service maturity.

A service level says how a customer's experience compares with what they
expected. The gap is ``perception - expectation`` (see
:func:`ccexercise.satisfaction`):

* **Low**: expectations not met (the gap is below ``-tolerance``); the
  customer gets less than they expected and feels let down.
* **Standard**: expectations met (the gap is within ``tolerance`` of zero);
  the customer is calm, neither pleased nor displeased.
* **WOW**: expectations exceeded (the gap is above ``tolerance``); the
  customer is pleased and wants to come back.

>>> service_level(2)
ServiceLevel.WOW
>>> print(service_level(-0.3))
Standard
>>> service_level(-1, tolerance=0.5).meaning
'expectations not met'
>>> service_level("high")
Traceback (most recent call last):
    ...
TypeError: gap must be a number, got 'high' (a str)
"""

from __future__ import annotations

import enum
import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._validate import check_number

__all__ = [
    "DEFAULT_TOLERANCE",
    "MATURITY_STAGES",
    "MATURITY_STATEMENTS",
    "MaturityResult",
    "MaturityStage",
    "ServiceLevel",
    "level_counts",
    "maturity_stage",
    "service_level",
]

#: Default width of the "met" band on either side of a zero gap. On a rating
#: scale with whole points, 0.5 means "the same rating" counts as met and one
#: point either way does not.
DEFAULT_TOLERANCE = 0.5


class _HtmlBadge:
    """Notebook display for :class:`ServiceLevel` (Enum reserves ``_sunder_`` names
    in its own body, so the method lives in this mix-in)."""

    def _repr_html_(self) -> str:
        return (f'<span style="background:{self.colour};color:#FFFFFF;padding:0.15em 0.6em;'
                f'border-radius:0.3em;font-weight:bold">{html.escape(self.label)}</span> '
                f"<span>{html.escape(self.meaning)}: {html.escape(self.emotion)}</span>")


class ServiceLevel(_HtmlBadge, enum.Enum):
    """The three service levels, from worst to best.

    Members compare by order (``ServiceLevel.LOW < ServiceLevel.WOW``) and
    print as their plain name; in a notebook they show as a coloured badge.

    >>> ServiceLevel.LOW < ServiceLevel.STANDARD < ServiceLevel.WOW
    True
    >>> str(ServiceLevel.WOW), ServiceLevel.WOW.emotion
    ('WOW', 'pleased, wants to come back')
    >>> sorted([ServiceLevel.WOW, ServiceLevel.LOW])
    [ServiceLevel.LOW, ServiceLevel.WOW]
    """

    LOW = 1
    STANDARD = 2
    WOW = 3

    @property
    def label(self) -> str:
        """The name as people say it: 'Low', 'Standard' or 'WOW'."""
        return _LABELS[self][0]

    @property
    def meaning(self) -> str:
        """What the level means for the customer's expectations."""
        return _LABELS[self][1]

    @property
    def emotion(self) -> str:
        """How a customer at this level tends to feel."""
        return _LABELS[self][2]

    @property
    def colour(self) -> str:
        """A colour-blind-safe colour (Okabe-Ito) for charts and badges."""
        return _LABELS[self][3]

    @property
    def text_colour(self) -> str:
        """A darker shade of :attr:`colour` for the level's word in text on white: at
        least 4.5:1, the WCAG AA contrast for text of any size (the chart colours
        reach 3:1, enough for marks and large text only).

        >>> [level.text_colour for level in ServiceLevel]
        ['#B34700', '#0072B2', '#007A58']
        """
        return _TEXT_COLOURS[self]

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"ServiceLevel.{self.name}"

    def __lt__(self, other):
        if isinstance(other, ServiceLevel):
            return self.value < other.value
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, ServiceLevel):
            return self.value <= other.value
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, ServiceLevel):
            return self.value > other.value
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, ServiceLevel):
            return self.value >= other.value
        return NotImplemented



# label, meaning, emotion, colour (Okabe-Ito: vermillion, blue, bluish green;
# the same hex values as ccexercise.views._figures.COLOURS, kept here so the
# model layer does not import matplotlib).
_LABELS = {
    ServiceLevel.LOW: ("Low", "expectations not met", "let down, annoyed", "#D55E00"),
    ServiceLevel.STANDARD: ("Standard", "expectations met", "calm, neither pleased nor annoyed",
                            "#0072B2"),
    ServiceLevel.WOW: ("WOW", "expectations exceeded", "pleased, wants to come back", "#009E73"),
}
_TEXT_COLOURS = {ServiceLevel.LOW: "#B34700", ServiceLevel.STANDARD: "#0072B2",
                 ServiceLevel.WOW: "#007A58"}


def _check_tolerance(tolerance) -> float:
    return check_number("tolerance", tolerance, minimum=0)


def _level_of(gap: float, tolerance: float) -> ServiceLevel:
    if gap < -tolerance:
        return ServiceLevel.LOW
    if gap > tolerance:
        return ServiceLevel.WOW
    return ServiceLevel.STANDARD


def _levels_of_array(gaps: np.ndarray, tolerance: float) -> np.ndarray:
    codes = np.where(gaps < -tolerance, 0, np.where(gaps > tolerance, 2, 1))
    members = np.array(list(ServiceLevel), dtype=object)
    return members[codes]


def _check_series(name: str, series: pd.Series) -> np.ndarray:
    """Float values of a numeric Series, or an error naming the first bad rows."""
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        raise TypeError(f"{name} must hold numbers, got dtype {series.dtype}")
    values = series.to_numpy(dtype=float, na_value=np.nan)
    bad = ~np.isfinite(values)
    if bad.any():
        rows = list(series.index[bad][:5])
        more = f" and {bad.sum() - 5} more" if bad.sum() > 5 else ""
        raise ValueError(f"{name} is empty (NaN) or infinite in {bad.sum()} row(s): "
                         f"index {rows}{more}")
    return values


def service_level(gap, *, tolerance: float = DEFAULT_TOLERANCE):
    """The service level of a gap (perception minus expectation).

    ``gap`` is one number, a list of numbers, a pandas Series or a
    DataFrame of numbers; the answer has the same shape: one
    :class:`ServiceLevel`, a list, a Series (same index, named
    ``service_level``) or a DataFrame of them. A gap within ``tolerance``
    of zero, either way, counts as met (Standard); the band is inclusive.

    >>> service_level(0.5), service_level(0.6)
    (ServiceLevel.STANDARD, ServiceLevel.WOW)
    >>> service_level([-2, 0, 3], tolerance=1)
    [ServiceLevel.LOW, ServiceLevel.STANDARD, ServiceLevel.WOW]
    >>> service_level(pd.Series([-1.5, 2.0], index=["Ann", "Bo"])).to_dict()
    {'Ann': ServiceLevel.LOW, 'Bo': ServiceLevel.WOW}
    >>> service_level(1, tolerance=-1)
    Traceback (most recent call last):
        ...
    ValueError: tolerance must be 0 or more, got -1
    """
    tolerance = _check_tolerance(tolerance)
    if isinstance(gap, pd.DataFrame):
        columns = {column: _levels_of_array(_check_series(f"gap column {column!r}", gap[column]),
                                            tolerance) for column in gap.columns}
        return pd.DataFrame(columns, index=gap.index)
    if isinstance(gap, pd.Series):
        values = _check_series("gap", gap)
        return pd.Series(_levels_of_array(values, tolerance), index=gap.index,
                         name="service_level", dtype=object)
    if isinstance(gap, np.ndarray) and gap.ndim == 0:
        gap = gap.item()
    if isinstance(gap, (Sequence, np.ndarray)) and not isinstance(gap, (str, bytes)):
        return [service_level(_element(f"gap[{i}]", value), tolerance=tolerance)
                for i, value in enumerate(gap)]
    return _level_of(check_number("gap", gap), tolerance)


def _element(name: str, value):
    check_number(name, value)
    return value


def level_counts(levels) -> pd.DataFrame:
    """How many of ``levels`` are Low, Standard and WOW, and what share.

    ``levels`` is what :func:`service_level` returns for many gaps (a list
    or a Series of :class:`ServiceLevel`). Every level gets a row, even
    with a count of 0, in the order Low, Standard, WOW; ``share`` is the
    fraction of all (0 when there are none).

    >>> level_counts(service_level([-2, -1, 0, 3]))
              count  share
    level
    Low           2   0.50
    Standard      1   0.25
    WOW           1   0.25
    >>> level_counts(["WOW"])
    Traceback (most recent call last):
        ...
    TypeError: levels must hold ServiceLevel members (the result of service_level), got 'WOW' at position 0
    """
    if isinstance(levels, ServiceLevel):
        levels = [levels]
    if isinstance(levels, (str, bytes)) or not isinstance(levels, (Sequence, np.ndarray,
                                                                    pd.Series)):
        raise TypeError("levels must be a list or Series of ServiceLevel (the result of "
                        f"service_level), got a {type(levels).__name__}")
    values = list(levels)
    for position, value in enumerate(values):
        if not isinstance(value, ServiceLevel):
            raise TypeError("levels must hold ServiceLevel members (the result of "
                            f"service_level), got {value!r} at position {position}")
    counts = [sum(1 for value in values if value is level) for level in ServiceLevel]
    total = len(values)
    shares = [count / total if total else 0.0 for count in counts]
    index = pd.Index([level.label for level in ServiceLevel], name="level")
    return pd.DataFrame({"count": counts, "share": shares}, index=index)


# --------------------------------------------------------------------------
# Service maturity
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class MaturityStage:
    """One stage on the path from courtesy to a company that takes the initiative."""

    number: int
    name: str
    who_starts: str
    description: str
    examples: tuple[str, ...]

    def __str__(self) -> str:
        return f"Stage {self.number}: {self.name}"


#: The three stages of service maturity, in order (source S): courtesy and
#: individual service; competence with problems and non-standard cases, once
#: the customer raises them; the company taking the initiative. Each builds on
#: the one before. (The same source describes, in a separate passage, how a
#: company's service grows: high service, then professional service, then the
#: company as a customer-care centre. It does not tie those steps to these
#: stages, so they are not paired here.)
MATURITY_STAGES = (
    MaturityStage(
        1, "Courtesy and individual service", "the customer",
        "Staff are polite and attentive and treat each customer as a person.",
        ("a greeting and eye contact", "the customer's name remembered",
         "a thank-you at the end")),
    MaturityStage(
        2, "Solving problems", "the customer",
        "Staff are competent at solving problems and handling situations no script "
        "covers, once the customer raises them.",
        ("a faulty item replaced on the spot", "a clear answer to an unusual request",
         "a complaint settled in one call")),
    MaturityStage(
        3, "The company takes the initiative", "the company",
        "The company acts before the customer asks: it prevents problems, offers help "
        "and tailors what it offers to each customer.",
        ("a call to say a delivery will be late, with a new time",
         "a reminder before a warranty runs out", "an offer built on what this customer buys")),
)

#: Statements for a short self-assessment, three per stage: (stage number, statement).
#: Answer each with True (this is how we usually work) or False.
MATURITY_STATEMENTS = (
    (1, "Our staff greet every customer and are polite even when busy."),
    (1, "Customers are served as people, not as order numbers."),
    (1, "We thank customers and say goodbye, whether or not they bought."),
    (2, "Staff can solve a customer's problem without passing them around."),
    (2, "Staff may handle an unusual request without asking a manager first."),
    (2, "A complaint is usually settled at the first contact."),
    (3, "We tell customers about a problem before they notice it."),
    (3, "We offer help or a better option before the customer asks."),
    (3, "We use what we know about each customer to tailor our offer."),
)


@dataclass(frozen=True)
class MaturityResult:
    """The outcome of the maturity self-assessment.

    ``stage`` is the highest stage reached (``None`` when even the first is
    not), ``yes_per_stage`` the number of True answers for stages 1, 2, 3,
    and ``next_step`` one sentence on what to work on.
    """

    stage: MaturityStage | None
    yes_per_stage: tuple[int, ...]
    next_step: str

    def summary(self) -> str:
        """One plain-English sentence for the result."""
        reached = "no stage yet" if self.stage is None else str(self.stage)
        return f"You reached {reached}. {self.next_step}"


def maturity_stage(answers) -> MaturityResult:
    """Score the self-assessment: the highest stage whose statements mostly hold.

    ``answers`` is a list of True/False, one per statement of
    :data:`MATURITY_STATEMENTS`, in order. A stage is reached when at least
    two of its three statements are True and every earlier stage is reached
    too: a company cannot take the initiative well if it is not yet polite.

    >>> maturity_stage([True, True, False, True, True, True, False, True, False]).summary()
    'You reached Stage 2: Solving problems. Next: act before customers ask (stage 3).'
    >>> maturity_stage([True] * 8)
    Traceback (most recent call last):
        ...
    ValueError: answers must hold 9 True/False values, one per statement in MATURITY_STATEMENTS, got 8
    """
    if isinstance(answers, (str, bytes)) or not isinstance(answers, (Sequence, np.ndarray,
                                                                      pd.Series)):
        raise TypeError("answers must be a list of True/False values, got a "
                        f"{type(answers).__name__}")
    answers = list(answers)
    if len(answers) != len(MATURITY_STATEMENTS):
        raise ValueError(f"answers must hold {len(MATURITY_STATEMENTS)} True/False values, one "
                         f"per statement in MATURITY_STATEMENTS, got {len(answers)}")
    for position, answer in enumerate(answers):
        if not isinstance(answer, (bool, np.bool_)):
            raise TypeError(f"answers must be True or False, got {answer!r} at position "
                            f"{position}")
    yes = tuple(sum(bool(a) for a, (number, _) in zip(answers, MATURITY_STATEMENTS)
                    if number == stage.number) for stage in MATURITY_STAGES)
    reached = None
    for stage, count in zip(MATURITY_STAGES, yes):
        if count < 2:
            break
        reached = stage
    steps = {None: "Next: make courtesy the rule for everyone (stage 1).",
             1: "Next: let staff solve problems themselves (stage 2).",
             2: "Next: act before customers ask (stage 3).",
             3: "Keep it up: ask customers what they would like you to anticipate next."}
    return MaturityResult(reached, yes, steps[None if reached is None else reached.number])

