"""The NPS calculators: the score and margin of error of one group of answers,
and comparing two groups.

:class:`NpsCounts` holds the three groups (promoters, passives, detractors)
with its score and interval; :func:`nps_counts` counts them among the
scores; :func:`classify`, :func:`nps` and :func:`nps_interval` work on one
set of scores; :func:`nps_difference` compares two groups,
:func:`nps_sample_size` gives the answers a survey needs and
:func:`nps_what_if` shows what moving people between groups does to the
score. Scores are checked by :mod:`ccexercise.nps._scores`.

>>> counts = nps_counts([10, 9, 9, 8, 3])
>>> counts
NpsCounts(promoters=3, passives=1, detractors=1)
>>> counts.nps
40.0
>>> nps_difference([10, 10, 9, 3], [10, 3, 3, 8]).difference
75.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._intervals import GroupDifference
from .._intervals import z_for_level as _z
from .._validate import check_number, check_whole_number
from ._scores import bad_score, count_scores, scale_range

__all__ = ["METHODS", "NpsCounts", "NpsDifference", "classify", "nps", "nps_counts",
           "nps_difference", "nps_from_counts", "nps_interval", "nps_interval_from_counts",
           "nps_sample_size", "nps_what_if"]

#: The ways :meth:`NpsCounts.interval` can build an interval.
METHODS = ("wald", "adjusted_wald")


def _method(method) -> str:
    if method not in METHODS:
        raise ValueError(f"method must be 'wald' or 'adjusted_wald', got {method!r}")
    return method


@dataclass(frozen=True)
class NpsCounts:
    """How many promoters, passives and detractors answered.

    ``nps`` is rounded to one decimal; ``standard_error`` is in points and
    not rounded. ``interval()`` gives the margin of error.

    >>> c = NpsCounts(promoters=3, passives=1, detractors=1)
    >>> c.n, c.shares
    (5, {'promoters': 0.6, 'passives': 0.2, 'detractors': 0.2})
    >>> c.summary()
    'NPS +40.0 from 5 answers: 3 promoters, 1 passive, 1 detractor (95% interval -30.1 to +100.0).'
    >>> NpsCounts(promoters=-1, passives=0, detractors=0)
    Traceback (most recent call last):
        ...
    ValueError: promoters must be 0 or more, got -1
    """

    promoters: int
    passives: int
    detractors: int

    def __post_init__(self):
        for name in ("promoters", "passives", "detractors"):
            object.__setattr__(self, name, check_whole_number(name, getattr(self, name),
                                                              minimum=0))
        if self.n == 0:
            raise ValueError("promoters, passives and detractors are all 0: "
                             "an NPS needs at least one answer")

    @property
    def n(self) -> int:
        """Number of answers."""
        return self.promoters + self.passives + self.detractors

    @property
    def shares(self) -> dict[str, float]:
        """Each group's share of the answers (0 to 1)."""
        return {"promoters": self.promoters / self.n, "passives": self.passives / self.n,
                "detractors": self.detractors / self.n}

    @property
    def nps(self) -> float:
        """Promoters' share minus detractors' share, in points (-100..+100), one decimal."""
        return round(100 * (self.promoters - self.detractors) / self.n, 1)

    @property
    def standard_error(self) -> float:
        """Standard error of the NPS in points: ``100 * sqrt((p + d - (p - d)**2) / n)``."""
        return 100 * _se(self.promoters, self.detractors, self.n)

    def interval(self, *, level: float = 0.95, method: str = "wald") -> tuple[float, float]:
        """The ``level`` interval for the NPS, in points, each end rounded to one decimal."""
        centre, se = _centre_and_se(self, _method(method))
        z = _z(level)
        return (round(max(-100.0, 100 * (centre - z * se)), 1),
                round(min(100.0, 100 * (centre + z * se)), 1))

    def summary(self, *, level: float = 0.95, method: str = "wald") -> str:
        """One plain-English sentence: the NPS, the groups and the interval."""
        low, high = self.interval(level=level, method=method)
        words = [f"{count} {word if count == 1 else word + 's'}" for count, word in
                 ((self.promoters, "promoter"), (self.passives, "passive"),
                  (self.detractors, "detractor"))]
        return (f"NPS {self.nps:+.1f} from {self.n} answers: {', '.join(words)} "
                f"({level * 100:g}% interval {low:+.1f} to {high:+.1f}).")

    def _repr_html_(self) -> str:
        return f"<p>{self.summary()}</p>"


def _se(promoters: float, detractors: float, n: float) -> float:
    p, d = promoters / n, detractors / n
    return math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)


def _centre_and_se(counts: NpsCounts, method: str) -> tuple[float, float]:
    """The interval's centre (a share, -1..1) and standard error (share units)."""
    if method == "adjusted_wald":  # add 3/4 to promoters and detractors, 3 to n
        p, d, n = counts.promoters + 0.75, counts.detractors + 0.75, counts.n + 3
    else:
        p, d, n = counts.promoters, counts.detractors, counts.n
    return (p - d) / n, _se(p, d, n)

def nps_counts(scores, *, scale: str = "0-10") -> NpsCounts:
    """Count the promoters, passives and detractors among ``scores``.

    ``scores`` is a list, NumPy array or pandas Series of whole numbers on
    the ``scale`` (``"0-10"``, or ``"1-10"`` for surveys that start at 1).

    >>> nps_counts([10, 9, 9, 8, 3])
    NpsCounts(promoters=3, passives=1, detractors=1)
    >>> nps_counts([10, 7.5])
    Traceback (most recent call last):
        ...
    ValueError: scores must be whole numbers from 0 to 10; got 7.5 at position 1
    """
    counts, _ = count_scores(scores, scale)
    return NpsCounts(int(counts[9:].sum()), int(counts[7:9].sum()), int(counts[:7].sum()))


# --------------------------------------------------------------------------
# One set of scores
# --------------------------------------------------------------------------

def classify(score, *, scale: str = "0-10") -> str:
    """The group of one answer: ``'promoter'`` (9-10), ``'passive'`` (7-8) or ``'detractor'``.

    >>> classify(10), classify(7), classify(6), classify(0)
    ('promoter', 'passive', 'detractor', 'detractor')
    >>> classify(0, scale="1-10")
    Traceback (most recent call last):
        ...
    ValueError: scores must be whole numbers from 1 to 10; got 0 at position 0
    """
    low, high = scale_range(scale)
    if score is Ellipsis:
        raise TypeError("score is still ... : replace the ... with a score from 0 to 10")
    error = bad_score(score.item() if isinstance(score, np.generic) else score, 0, low, high)
    if error is not None:
        raise error
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"



def nps(scores, *, scale: str = "0-10") -> float:
    """The Net Promoter Score of ``scores``: % promoters minus % detractors, one decimal.

    >>> nps([10, 10, 7, 6])
    25.0
    >>> nps([1, 10], scale="1-10")
    0.0
    >>> nps([])
    Traceback (most recent call last):
        ...
    ValueError: scores must hold at least one score, got none
    >>> nps(["9 "])
    Traceback (most recent call last):
        ...
    TypeError: scores must be whole numbers from 0 to 10; got '9 ' (text) at position 0; remove the quotes and spaces: 9
    """
    counts, _ = count_scores(scores, scale)
    n = counts.sum()
    return round(100 * float(counts[9:].sum() - counts[:7].sum()) / float(n), 1)


def nps_from_counts(promoters: int, passives: int, detractors: int) -> float:
    """The NPS from the three totals.

    >>> nps_from_counts(100, 60, 40)
    30.0
    """
    return NpsCounts(promoters, passives, detractors).nps


def nps_interval(scores, *, level: float = 0.95, method: str = "wald",
                 scale: str = "0-10") -> tuple[float, float]:
    """The ``level`` confidence interval of the NPS of ``scores``, as ``(low, high)`` in points.

    ``method="wald"`` is NPS ± z·SE. ``method="adjusted_wald"`` first adds
    3/4 to the promoters and to the detractors and 3 to the number of
    answers, which behaves better for small groups and extreme scores (it
    pulls the centre a little towards 0).

    >>> nps_interval([10] * 100 + [8] * 60 + [2] * 40)
    (19.2, 40.8)
    >>> nps_interval([10, 10, 10])
    (100.0, 100.0)
    >>> nps_interval([10, 10, 10], method="adjusted_wald")
    (-6.6, 100.0)
    >>> nps_interval([10], level=95)
    Traceback (most recent call last):
        ...
    ValueError: level must be between 0 and 1, got 95 (did you mean 0.95?)
    """
    return nps_counts(scores, scale=scale).interval(level=level, method=method)


def nps_interval_from_counts(promoters: int, passives: int, detractors: int, *,
                             level: float = 0.95, method: str = "wald") -> tuple[float, float]:
    """The interval from the three totals, for a trainer who only has those.

    >>> nps_interval_from_counts(100, 60, 40, method="adjusted_wald")
    (18.8, 40.3)
    """
    return NpsCounts(promoters, passives, detractors).interval(level=level, method=method)


# --------------------------------------------------------------------------
# Two groups, sample size and what-if
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class NpsDifference(GroupDifference):
    """How far apart two NPS are: ``difference`` = first - second, with its interval."""

    def summary(self) -> str:
        """One plain-English sentence."""
        verdict = ("more than chance would explain" if self.distinguishable
                   else "not distinguishable from no difference")
        return (f"The difference is {self.difference:+.1f} points ({self.level * 100:g}% "
                f"interval {self.low:+.1f} to {self.high:+.1f}): {verdict}.")


def _to_counts(name: str, group, scale) -> NpsCounts:
    return group if isinstance(group, NpsCounts) else nps_counts(group, scale=scale) \
        if not isinstance(group, (str, bytes)) else _reject(name, group)


def _reject(name, group):
    raise TypeError(f"{name} must be scores or NpsCounts, got {group!r} (a {type(group).__name__})")


def nps_difference(first, second, *, level: float = 0.95, method: str = "wald",
                   scale: str = "0-10") -> NpsDifference:
    """Compare two groups: NPS of ``first`` minus NPS of ``second``, with its interval.

    Each group is a list of scores or an :class:`NpsCounts`. The groups are
    independent samples, so the standard errors add as squares. With
    ``method="adjusted_wald"`` the interval is built around the adjusted
    estimates (see :func:`nps_interval`); ``difference`` stays the plain one.

    >>> d = nps_difference(NpsCounts(100, 60, 40), NpsCounts(90, 60, 50))
    >>> d.difference, d.low, d.high, d.distinguishable
    (10.0, -5.6, 25.6, False)
    """
    a, b = _to_counts("first", first, scale), _to_counts("second", second, scale)
    method, z = _method(method), _z(level)
    (ca, sa), (cb, sb) = _centre_and_se(a, method), _centre_and_se(b, method)
    centre, se = ca - cb, math.hypot(sa, sb)
    return NpsDifference(a.nps, b.nps, round(a.nps - b.nps, 1),
                         round(max(-200.0, 100 * (centre - z * se)), 1),
                         round(min(200.0, 100 * (centre + z * se)), 1), float(level))


def nps_sample_size(margin: float, *, level: float = 0.95, expected_promoters: float = 0.5,
                    expected_detractors: float = 0.5) -> int:
    """Answers needed for an interval of ± ``margin`` points.

    ``n = z² · (p + d - (p - d)²) / (margin / 100)²``, rounded up. The
    defaults (half promoters, half detractors) give the worst case, which
    is safe when you know nothing yet; give the shares you expect to need
    fewer answers.

    >>> nps_sample_size(5)
    1537
    >>> nps_sample_size(5, expected_promoters=0.5, expected_detractors=0.2)
    938
    """
    points = check_number("margin", margin)
    if not 0 < points <= 200:
        raise ValueError(f"margin must be more than 0 and at most 200 points, got {margin!r}")
    z = _z(level)
    p = check_number("expected_promoters", expected_promoters, minimum=0, maximum=1)
    d = check_number("expected_detractors", expected_detractors, minimum=0, maximum=1)
    if p + d > 1:
        raise ValueError(f"expected_promoters + expected_detractors must be at most 1, got "
                         f"{p:g} + {d:g}")
    variance = p + d - (p - d) ** 2
    return max(1, math.ceil(z * z * variance / (points / 100) ** 2 - 1e-9))


def nps_what_if(promoters: int, passives: int, detractors: int, *, moved: int) -> pd.DataFrame:
    """What the NPS becomes when ``moved`` people change group, three ways.

    Moving a passive up to promoter and a detractor up to passive each add
    the same ``100 / n`` points: the NPS counts passives as zero. Moving a
    detractor all the way to promoter adds twice that. A move is capped at
    the people available in the group.

    >>> nps_what_if(100, 60, 40, moved=10)[["moved", "nps", "gain"]]
                               moved   nps  gain
    change
    no change                      0  30.0   0.0
    passives -> promoters         10  35.0   5.0
    detractors -> passives        10  35.0   5.0
    detractors -> promoters       10  40.0  10.0
    """
    base = NpsCounts(promoters, passives, detractors)
    moved = check_whole_number("moved", moved, minimum=0)
    up = min(moved, base.passives)
    out = min(moved, base.detractors)
    rows = [("no change", 0, base),
            ("passives -> promoters", up, NpsCounts(base.promoters + up, base.passives - up,
                                                    base.detractors)),
            ("detractors -> passives", out, NpsCounts(base.promoters, base.passives + out,
                                                      base.detractors - out)),
            ("detractors -> promoters", out, NpsCounts(base.promoters + out, base.passives,
                                                       base.detractors - out))]
    table = pd.DataFrame([(name, m, c.promoters, c.passives, c.detractors, c.nps,
                           round(c.nps - base.nps, 1)) for name, m, c in rows],
                         columns=["change", "moved", "promoters", "passives", "detractors",
                                  "nps", "gain"])
    return table.set_index("change")
