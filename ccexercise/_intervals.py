"""Margins of error shared by the calculators that compare groups.

Module 05 (NPS) and module 07 (the SOCO self-assessment) both say whether a
difference between two groups is more than the noise of who happened to
answer. They share these two pieces: the multiplier for a confidence level,
and the normal-approximation interval ``estimate ± z · standard error``.

>>> round(z_for_level(0.95), 3)
1.96
>>> normal_interval(10.0, 5.0, level=0.95)
(0.2, 19.8)
>>> z_for_level(95)
Traceback (most recent call last):
    ...
ValueError: level must be between 0 and 1, got 95 (did you mean 0.95?)
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

from ._validate import check_number

__all__ = ["GroupDifference", "normal_interval", "z_for_level"]


def z_for_level(level) -> float:
    """The two-sided normal multiplier for a confidence ``level`` (a share, 0 to 1).

    >>> round(z_for_level(0.9), 3)
    1.645
    >>> z_for_level(1)
    Traceback (most recent call last):
        ...
    ValueError: level must be between 0 and 1, got 1
    """
    if isinstance(level, (int, float)) and not isinstance(level, bool) and 1 < level < 100:
        raise ValueError(f"level must be between 0 and 1, got {level!r} "
                         f"(did you mean {level / 100:g}?)")
    share = check_number("level", level)
    if not 0 < share < 1:
        raise ValueError(f"level must be between 0 and 1, got {level!r}")
    return NormalDist().inv_cdf((1 + share) / 2)


def normal_interval(estimate: float, standard_error: float, *, level: float = 0.95,
                    lowest: float | None = None, highest: float | None = None,
                    digits: int = 1) -> tuple[float, float]:
    """``estimate ± z · standard_error``, clipped to ``lowest``/``highest``, rounded.

    >>> normal_interval(95.0, 5.0, highest=100.0)
    (85.2, 100.0)
    """
    z = z_for_level(level)
    low, high = estimate - z * standard_error, estimate + z * standard_error
    if lowest is not None:
        low = max(lowest, low)
    if highest is not None:
        high = min(highest, high)
    return round(low, digits), round(high, digits)


@dataclass(frozen=True)
class GroupDifference:
    """Two groups' figures, ``difference`` = first - second, and its ``level`` interval
    ``low``-``high``; each calculator's subclass words its own ``summary``.

    >>> GroupDifference(30.0, 20.0, 10.0, -5.6, 25.6, 0.95).distinguishable
    False
    """

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
