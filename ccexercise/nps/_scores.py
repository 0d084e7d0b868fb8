"""Checking NPS answers: every score a whole number on the survey's scale.

Used by the NPS calculators and the survey tables of :mod:`ccexercise.nps`. A bad
answer raises an error naming its position and what is allowed, with a
hint for the usual slips (text in quotes, a decimal, an empty answer).

>>> count_scores([10, 9, 6], "0-10")[0].tolist()
[0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1]
>>> as_array([10, 7.5], 0, 10)
Traceback (most recent call last):
    ...
ValueError: scores must be whole numbers from 0 to 10; got 7.5 at position 1
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["SCALES", "as_array", "bad_score", "count_scores", "int_array", "scale_range"]

#: The scales a survey may use: name -> (lowest, highest) answer. The groups
#: are the same on both (a 1-10 scale simply has no 0).
SCALES = {"0-10": (0, 10), "1-10": (1, 10)}


def scale_range(scale) -> tuple[int, int]:
    if not isinstance(scale, str) or scale not in SCALES:
        raise ValueError(f"scale must be one of {', '.join(map(repr, SCALES))}, got {scale!r}")
    return SCALES[scale]


def bad_score(value, position, low: int, high: int) -> Exception | None:
    """The error for one score, or None when it is fine."""
    rule = f"scores must be whole numbers from {low} to {high}"
    where = f"at position {position}"
    if isinstance(value, (bool, np.bool_)):
        return TypeError(f"{rule}; got {value!r} (a bool) {where}")
    if isinstance(value, str):
        hint = f"; remove the quotes and spaces: {value.strip()}" if value.strip().isdigit() else ""
        return TypeError(f"{rule}; got {value!r} (text) {where}{hint}")
    if not isinstance(value, numbers.Real):
        return TypeError(f"{rule}; got {value!r} (a {type(value).__name__}) {where}")
    if isinstance(value, float) and math.isnan(value):
        return ValueError(f"{rule}; got nan (an empty answer) {where}")
    if not (math.isfinite(value) and value == math.floor(value)):
        return ValueError(f"{rule}; got {value!r} {where}")
    if not low <= value <= high:
        return ValueError(f"{rule}; got {value!r} {where}")
    return None


def _first_bad(values, low: int, high: int) -> Exception:
    for position, value in enumerate(values):
        value = value.item() if isinstance(value, np.generic) else value
        error = bad_score(value, position, low, high)
        if error is not None:
            return error
    raise AssertionError("no bad score found")  # pragma: no cover


def as_array(scores, low: int, high: int) -> np.ndarray:
    """``scores`` as a 1-D int64 array, every value checked; raises on the first bad one."""
    if scores is Ellipsis:
        raise TypeError("scores is still ... : replace the ... with a list of scores "
                        "such as [10, 9, 6]")
    if isinstance(scores, pd.Series):
        if pd.api.types.is_bool_dtype(scores.dtype):
            raise _first_bad(scores.tolist(), low, high)
        if isinstance(scores.dtype, np.dtype) and scores.dtype.kind in "iu":
            scores = scores.to_numpy()  # plain NumPy integers cannot hold NaN: no check needed
        elif pd.api.types.is_integer_dtype(scores.dtype) and not scores.hasnans:
            scores = scores.to_numpy(dtype=np.int64)
        elif pd.api.types.is_numeric_dtype(scores.dtype):
            scores = scores.to_numpy(dtype=float, na_value=np.nan)
        else:
            scores = scores.tolist()
    if isinstance(scores, np.ndarray):
        if scores.ndim != 1:
            raise ValueError(f"scores must be a flat list of scores, got an array of shape "
                             f"{scores.shape}")
        kind = scores.dtype.kind
        if kind in "iu":
            return scores if scores.dtype == np.int64 else int_array(scores, low, high)
        if kind == "f":
            with np.errstate(invalid="ignore"):
                bad = ~(np.isfinite(scores) & (scores == np.floor(scores))
                        & (scores >= low) & (scores <= high))
            if bad.any():
                raise _first_bad(scores[: int(np.argmax(bad)) + 1], low, high)
            return scores.astype(np.int64)
        raise _first_bad(scores.tolist(), low, high)
    if isinstance(scores, (str, bytes)) or not isinstance(scores, (Sequence, range)):
        raise TypeError("scores must be a list, array or Series of whole numbers, got "
                        f"{scores!r} (a {type(scores).__name__})")
    if set(map(type, scores)) <= {int}:
        try:
            return np.array(scores, dtype=np.int64)
        except OverflowError:
            pass
    for position, value in enumerate(scores):
        value = value.item() if isinstance(value, np.generic) else value
        error = bad_score(value, position, low, high)
        if error is not None:
            raise error
    return np.array(scores, dtype=np.int64)


def int_array(scores: np.ndarray, low: int, high: int) -> np.ndarray:
    if scores.size and (scores.min() < low or scores.max() > high):
        bad = (scores < low) | (scores > high)
        raise _first_bad(scores[: int(np.argmax(bad)) + 1], low, high)
    return scores.astype(np.int64)


def count_scores(scores, scale) -> tuple[np.ndarray, int]:
    """How many answers gave each score 0..10, and the scale's lowest answer."""
    low, high = scale_range(scale)
    values = as_array(scores, low, high)
    if values.size == 0:
        raise ValueError("scores must hold at least one score, got none")
    if values.max() > high:  # checked first: bincount would allocate up to the maximum
        raise _first_bad(values[: int(np.argmax(values > high)) + 1], low, high)
    try:
        counts = np.bincount(values, minlength=high + 1)
    except ValueError:  # a negative score
        raise _first_bad(values[: int(np.argmax(values < 0)) + 1], low, high) from None
    if low and counts[:low].any():
        raise _first_bad(values[: int(np.argmax(values < low)) + 1], low, high)
    return counts, low

