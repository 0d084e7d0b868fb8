"""The three groups of an NPS survey: :class:`NpsCounts` (promoters, passives,
detractors) with its score and margin of error, and :func:`nps_counts`,
which counts the groups among the scores.

Imported by :mod:`ccexercise.nps`, the public face of the NPS calculators.

>>> counts = nps_counts([10, 9, 9, 8, 3])
>>> counts
NpsCounts(promoters=3, passives=1, detractors=1)
>>> counts.nps
40.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from ._validate import check_number, check_whole_number
from .nps_scores import _bincount

__all__ = ["METHODS", "NpsCounts", "nps_counts"]

#: The ways :meth:`NpsCounts.interval` can build an interval.
METHODS = ("wald", "adjusted_wald")


def _z(level) -> float:
    if isinstance(level, (int, float)) and not isinstance(level, bool) and 1 < level < 100:
        raise ValueError(f"level must be between 0 and 1, got {level!r} "
                         f"(did you mean {level / 100:g}?)")
    share = check_number("level", level)
    if not 0 < share < 1:
        raise ValueError(f"level must be between 0 and 1, got {level!r}")
    return NormalDist().inv_cdf((1 + share) / 2)


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
    counts, _ = _bincount(scores, scale)
    return NpsCounts(int(counts[9:].sum()), int(counts[7:9].sum()), int(counts[:7].sum()))

