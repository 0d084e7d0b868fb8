"""Net Promoter Score (NPS), with an honest margin of error.

Ask "How likely are you to recommend us to a friend?" on a 0-10 scale.
Promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6. The NPS is
the share of promoters minus the share of detractors, in points from -100
to +100 (not a percentage). Averaging the answers is not the NPS.

>>> nps([10, 9, 6])
33.3
>>> classify(8)
'passive'
>>> counts = NpsCounts(promoters=100, passives=60, detractors=40)
>>> counts.nps, round(counts.standard_error, 1)
(30.0, 5.5)
>>> counts.interval()
(19.2, 40.8)
>>> nps([11])
Traceback (most recent call last):
    ...
ValueError: scores must be whole numbers from 0 to 10; got 11 at position 0

The margin of error uses the per-respondent variance ``p + d - (p - d)**2``
(``p``, ``d``: shares of promoters and detractors), so the standard error
of the NPS is ``sqrt((p + d - (p - d)**2) / n)``, times 100 for points.

This module holds the calculators for one set of scores and imports the
rest, so every NPS calculator can be imported from here: checking scores
is in :mod:`ccexercise.nps_scores`, :class:`NpsCounts` and
:func:`nps_counts` in :mod:`ccexercise.nps_groups`, and comparing two
groups, sample size and what-if in :mod:`ccexercise.nps_compare`.
"""

from __future__ import annotations

import numpy as np

from .nps_compare import NpsDifference, nps_difference, nps_sample_size, nps_what_if
# METHODS and SCALES are imported too, so ccexercise.nps.METHODS and .SCALES still work.
from .nps_groups import METHODS, NpsCounts, nps_counts  # noqa: F401
from .nps_scores import SCALES, _bad_score, _bincount, _scale  # noqa: F401

__all__ = [
    "NpsCounts",
    "NpsDifference",
    "classify",
    "nps",
    "nps_counts",
    "nps_difference",
    "nps_from_counts",
    "nps_interval",
    "nps_interval_from_counts",
    "nps_sample_size",
    "nps_what_if",
]


def classify(score, *, scale: str = "0-10") -> str:
    """The group of one answer: ``'promoter'`` (9-10), ``'passive'`` (7-8) or ``'detractor'``.

    >>> classify(10), classify(7), classify(6), classify(0)
    ('promoter', 'passive', 'detractor', 'detractor')
    >>> classify(0, scale="1-10")
    Traceback (most recent call last):
        ...
    ValueError: scores must be whole numbers from 1 to 10; got 0 at position 0
    """
    low, high = _scale(scale)
    if score is Ellipsis:
        raise TypeError("score is still ... : replace the ... with a score from 0 to 10")
    error = _bad_score(score.item() if isinstance(score, np.generic) else score, 0, low, high)
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
    counts, _ = _bincount(scores, scale)
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

