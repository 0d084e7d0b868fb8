"""Beyond one score: comparing two groups' NPS (:func:`nps_difference`), the
answers a survey needs (:func:`nps_sample_size`) and what moving people
between groups does to the score (:func:`nps_what_if`).

Imported by :mod:`ccexercise.nps`, the public face of the NPS calculators.

>>> nps_difference([10, 10, 9, 3], [10, 3, 3, 8]).difference
75.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ._validate import check_number, check_whole_number
from .nps_groups import NpsCounts, _centre_and_se, _method, _z, nps_counts

__all__ = ["NpsDifference", "nps_difference", "nps_sample_size", "nps_what_if"]


@dataclass(frozen=True)
class NpsDifference:
    """How far apart two NPS are: ``difference`` = first - second, with its interval."""

    first: float
    second: float
    difference: float
    low: float
    high: float
    level: float

    @property
    def distinguishable(self) -> bool:
        """True when the interval leaves out 0: the gap is more than noise."""
        return self.low > 0 or self.high < 0

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
