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

This package's public face: every NPS calculator can be imported from
here. Checking scores is in :mod:`ccexercise.nps._scores`; :class:`NpsCounts`,
the calculators for one set of scores, comparing two groups, sample size
and what-if are in :mod:`ccexercise.nps._calculators`; whole survey tables
(by branch, by month) and scores typed by a room in
:mod:`ccexercise.nps._survey`.
"""

from ._calculators import (
    METHODS,
    NpsCounts,
    NpsDifference,
    classify,
    nps,
    nps_counts,
    nps_difference,
    nps_from_counts,
    nps_interval,
    nps_interval_from_counts,
    nps_sample_size,
    nps_what_if,
)
from ._scores import SCALES
from ._survey import PERIODS, nps_by, nps_by_period, scores_from_text

__all__ = [
    "METHODS",
    "NpsCounts",
    "NpsDifference",
    "PERIODS",
    "SCALES",
    "classify",
    "nps",
    "nps_by",
    "nps_by_period",
    "nps_counts",
    "nps_difference",
    "nps_from_counts",
    "nps_interval",
    "nps_interval_from_counts",
    "nps_sample_size",
    "nps_what_if",
    "scores_from_text",
]
