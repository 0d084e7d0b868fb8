"""NPS for a whole survey table (by branch, by month) and for scores typed by a room.

>>> import pandas as pd
>>> t = pd.DataFrame({"branch": ["A", "A", "B"], "score": [10, 6, 9]})
>>> nps_by(t, "branch")["nps"].tolist()
[0.0, 100.0]
>>> scores_from_text("10 9 x")
([10, 9], [(3, 'x', 'is not a number')])
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .._validate import check_columns
from ._calculators import NpsCounts
from ._scores import as_array, int_array, scale_range

__all__ = ["PERIODS", "nps_by", "nps_by_period", "scores_from_text"]

#: Calendar periods for :func:`nps_by_period`: name -> pandas period code.
PERIODS = {"month": "M", "quarter": "Q", "year": "Y", "week": "W"}


# --------------------------------------------------------------------------
# A whole survey table
# --------------------------------------------------------------------------

def nps_by(table: pd.DataFrame, by, *, score: str = "score", level: float = 0.95,
           method: str = "wald", scale: str = "0-10") -> pd.DataFrame:
    """NPS per group of ``table`` (e.g. per branch), with counts and interval.

    ``by`` is a column name (or a list of them). Returns one row per group
    with ``answers``, ``promoters``, ``passives``, ``detractors``, ``nps``,
    ``low`` and ``high``. Every score is checked first.

    >>> t = pd.DataFrame({"branch": ["A", "A", "B", "B"], "score": [10, 6, 9, 9]})
    >>> nps_by(t, "branch")[["answers", "nps"]]
            answers    nps
    branch
    A             2    0.0
    B             2  100.0
    >>> nps_by(t, "shop")
    Traceback (most recent call last):
        ...
    ValueError: table lacks the columns ['shop']; it needs score, shop and has ['branch', 'score']
    """
    keys = _keys(by)
    check_columns("table", table, [score, *keys])
    low, high = scale_range(scale)
    try:
        values = as_array(table[score], low, high)
        if values.size and (values.min() < low or values.max() > high):
            int_array(values, low, high)  # raises, naming the first bad score
    except (TypeError, ValueError) as exc:
        found = re.search(r"at position (\d+)", str(exc))
        if found is None:
            raise
        label = table.index[int(found.group(1))]
        where = f"{found.group(0)} of column {score!r} (the row with index {label!r})"
        raise type(exc)(str(exc).replace(found.group(0), where, 1)) from None
    if values.size == 0:
        raise ValueError("table has no rows; there are no scores to count")
    group = np.where(values >= 9, "promoters", np.where(values >= 7, "passives", "detractors"))
    counts = (pd.crosstab([table[k] for k in keys], group)
              .reindex(columns=["promoters", "passives", "detractors"], fill_value=0))
    rows = []
    for label, (p, pa, d) in zip(counts.index, counts.to_numpy()):
        c = NpsCounts(int(p), int(pa), int(d))
        rows.append((c.n, c.promoters, c.passives, c.detractors, c.nps,
                     *c.interval(level=level, method=method)))
    return pd.DataFrame(rows, index=counts.index, columns=[
        "answers", "promoters", "passives", "detractors", "nps", "low", "high"])


def _keys(by) -> list:
    """``by`` (a column name or a list of them) as a list of column names."""
    keys = [by] if isinstance(by, str) else list(by) if isinstance(by, (list, tuple)) else None
    if not keys:
        raise TypeError(f"by must be a column name or a list of them, got {by!r}")
    return keys


def nps_by_period(table: pd.DataFrame, *, date: str = "date", period: str = "month",
                  by=None, score: str = "score", level: float = 0.95, method: str = "wald",
                  scale: str = "0-10") -> pd.DataFrame:
    """NPS per calendar ``period`` (``"week"``, ``"month"``, ``"quarter"`` or ``"year"``).

    The index holds the periods as text (``'2025-01'``); ``by`` adds a
    grouping column (e.g. ``by="branch"``) before the period.

    >>> t = pd.DataFrame({"date": ["2025-01-05", "2025-01-20", "2025-02-03"],
    ...                   "score": [10, 3, 9]})
    >>> nps_by_period(t)[["answers", "nps"]]
             answers    nps
    month
    2025-01        2    0.0
    2025-02        1  100.0
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(map(repr, PERIODS))}, got {period!r}")
    keys = _keys(by) if by else []
    check_columns("table", table, [date, score, *keys])
    when = pd.to_datetime(table[date], errors="coerce")
    if when.isna().any():
        first = table.index[when.isna().to_numpy()][0]
        raise ValueError(f"date column {date!r} holds a value that is not a date at index "
                         f"{first!r}: {table.at[first, date]!r}")
    labelled = table.assign(**{period: when.dt.to_period(PERIODS[period]).astype(str)})
    return nps_by(labelled, keys + [period], score=score, level=level, method=method, scale=scale)


# --------------------------------------------------------------------------
# Scores typed by a room
# --------------------------------------------------------------------------

def scores_from_text(text: str, *, scale: str = "0-10") -> tuple[list[int], list[tuple]]:
    """Read scores typed or pasted by a room: numbers separated by spaces, commas or lines.

    Returns the good scores and, for every entry that is not one, a tuple
    ``(entry number, what was typed, reason)``: nothing typed is lost.

    >>> scores_from_text("10, 9 8\\n11 7.5 x 6")
    ([10, 9, 8, 6], [(4, '11', 'is above 10'), (5, '7.5', 'is not a whole number'), (6, 'x', 'is not a number')])
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be text (a str), got {text!r} (a {type(text).__name__})")
    low, high = scale_range(scale)
    good, bad = [], []
    for entry, token in enumerate(re.split(r"[\s,;]+", text.strip()) if text.strip() else [],
                                  start=1):
        if re.fullmatch(r"[+-]?\d+", token):
            value = int(token)
            if low <= value <= high:
                good.append(value)
            else:
                bad.append((entry, token, f"is {'above' if value > high else 'below'} "
                                          f"{high if value > high else low}"))
        elif re.fullmatch(r"[+-]?(\d+[.]\d*|[.]\d+)", token):
            bad.append((entry, token, "is not a whole number"))
        else:
            bad.append((entry, token, "is not a number"))
    return good, bad
