"""Lost revenue and profit for every customer of a table at once, and the totals per segment.

The table version of :func:`ccexercise.lost_customers.lost_revenue`: each
input is a column of the customer table or one number for every row, the
work is done on whole NumPy arrays (fast on thousands of rows), and a bad
cell raises an error naming its rows.

>>> shop = pd.DataFrame({"segment": ["trade", "shop"], "first_year": [10_000, 4_000]})
>>> cost_by_segment(lost_revenue_table(shop))["lost_revenue"].tolist()
[50000.0, 20000.0]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._validate import check_columns, check_fraction, check_number, check_whole_number

__all__ = ["cost_by_segment", "lost_revenue_table"]


#: pandas 3 always copies on write; pandas 2 only when switched on. With copy on
#: write a shallow copy of the customers is as safe as a deep one, and free.
_COPY_ON_WRITE = (int(pd.__version__.split(".")[0]) >= 3
                  or getattr(pd.options.mode, "copy_on_write", False) is True)


def _rows(index: pd.Index, bad: np.ndarray) -> str:
    """Name the rows where ``bad`` is true: at most five, then how many more.

    >>> _rows(pd.Index(["a", "b", "c"]), np.array([False, True, True]))
    "in 2 row(s): index ['b', 'c']"
    """
    count = int(np.count_nonzero(bad))
    named = index[np.flatnonzero(bad)[:5]].tolist()
    more = f" and {count - 5} more" if count > 5 else ""
    return f"in {count} row(s): index {named}{more}"


def _column_or_value(customers: pd.DataFrame, name: str, spec, *, minimum=None,
                     maximum=None, fraction=False, check_column=True) -> np.ndarray | float:
    """Return ``spec`` as a float array (a column of ``customers``) or a float (one number for all).

    A float64 column is returned without a copy (read-only) and checked with
    :func:`_check_column`, unless ``check_column=False`` says the caller
    will do that itself. The caller has checked that a named column exists.
    """
    if isinstance(spec, str):
        column = customers[spec]
        if (not pd.api.types.is_numeric_dtype(column.dtype)
                or pd.api.types.is_bool_dtype(column.dtype)):
            raise TypeError(f"{name} column {spec!r} must hold numbers, got dtype {column.dtype}")
        values = column.to_numpy(dtype=float, na_value=np.nan)
        if check_column:
            _check_column(customers.index, name, spec, values, minimum, maximum)
        return values
    if fraction:
        return check_fraction(name, spec)
    return check_number(name, spec, minimum=minimum, maximum=maximum)


def _check_column(index: pd.Index, name: str, spec: str, values: np.ndarray,
                  minimum=None, maximum=None) -> None:
    """Raise a ValueError naming the rows (by ``index``) of an empty or out-of-range value.

    The check costs one ``min`` over the column (and one ``max`` when there
    is an upper limit): an empty cell (NaN) makes either NaN, so it fails
    them too. Only then are the rows looked for, to name them with the
    first kind of problem found.

    >>> _check_column(pd.RangeIndex(3), "margin", "m", np.array([0.2, 1.5, np.nan]), 0, 1)
    Traceback (most recent call last):
        ...
    ValueError: margin column 'm' is empty (NaN) in 1 row(s): index [2]
    """
    fine = values.min(initial=np.inf) >= (-np.inf if minimum is None else minimum)
    if fine and maximum is not None:
        fine = values.max(initial=-np.inf) <= maximum
    if fine:
        return
    problems = [("is empty (NaN)", np.isnan)]
    if minimum is not None:
        problems.append((f"is below {minimum:g}", lambda v: v < minimum))
    if maximum is not None:
        problems.append((f"is above {maximum:g}", lambda v: v > maximum))
    for reason, test in problems:
        bad = test(values)
        if bad.any():
            raise ValueError(f"{name} column {spec!r} {reason} {_rows(index, bad)}")


def _is_zero(value) -> bool:
    """True for the single number 0 (not for a column, even one of zeros)."""
    return np.ndim(value) == 0 and value == 0


def _compound(r, n: float):
    """``((1 + r)**n - 1) / r``, the sum of ``(1 + r)**t`` for t = 0 … n-1; ``n`` where r is 0.

    Computed as ``expm1(n * log1p(r)) / r``: no cancellation for tiny rates.
    In place on one new array (or a float for a single rate).

    >>> _compound(np.array([0.1, 0.0, -1.0]), 2.0).round(12).tolist()
    [2.1, 2.0, 1.0]
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        if np.ndim(r) == 0:
            return n if r == 0 else float(np.expm1(n * np.log1p(r)) / r)
        total = np.log1p(r)
        np.multiply(total, n, out=total)
        np.expm1(total, out=total)
        np.divide(total, r, out=total)  # 0 / 0 where r is 0, set just below
    zero = r == 0
    if zero.any():
        np.copyto(total, n, where=zero)
    return total


def lost_revenue_table(customers: pd.DataFrame, *, first_year="first_year",
                       growth_per_year=0, growth_rate=0, years: int = 5,
                       margin=0.2) -> pd.DataFrame:
    """Lost revenue and profit for every customer of a table, in one go.

    Each of ``first_year``, ``growth_per_year``, ``growth_rate`` and
    ``margin`` is either a column name of ``customers`` or one number for
    every row. Returns a copy of ``customers`` with two new columns,
    ``lost_revenue`` and ``lost_profit``; the input is not changed. Rows
    with a missing or out-of-range value raise an error that names them
    and the reason.

    >>> shop = pd.DataFrame({"name": ["Ann", "Bo"], "first_year": [10_000, 4_000],
    ...                      "growth": [2_000, 0]})
    >>> lost_revenue_table(shop, growth_per_year="growth")
      name  first_year  growth  lost_revenue  lost_profit
    0  Ann       10000    2000       70000.0      14000.0
    1   Bo        4000       0       20000.0       4000.0
    >>> lost_revenue_table(shop, first_year="spend")
    Traceback (most recent call last):
        ...
    ValueError: customers lacks the columns ['spend']; it needs spend and has ['name', 'first_year', 'growth']
    """
    check_columns("customers", customers,
                  [spec for spec in (first_year, growth_per_year, growth_rate, margin)
                   if isinstance(spec, str)])
    years = check_whole_number("years", years, minimum=1, maximum=100)
    a = _column_or_value(customers, "first_year", first_year, minimum=0)
    # growth_per_year has no limits: its check for empty cells is part of the
    # check of the last year's amount below, which reads the same values.
    g = _column_or_value(customers, "growth_per_year", growth_per_year, check_column=False)
    r = _column_or_value(customers, "growth_rate", growth_rate, minimum=-1, maximum=1)
    m = _column_or_value(customers, "margin", margin, minimum=0, maximum=1, fraction=True)
    n = float(years)
    last = None
    if not _is_zero(g):
        last = a + g * (n - 1)  # the last year's amount: a decline must not take it below 0
        if not np.min(last, initial=0) >= 0:  # NaN when growth_per_year has an empty cell
            if isinstance(growth_per_year, str):
                _check_column(customers.index, "growth_per_year", growth_per_year, g)
            raise ValueError(f"growth_per_year makes the yearly amount negative by year {years} "
                             f"{_rows(customers.index, np.broadcast_to(last < 0, len(customers)))}")
    if not (_is_zero(g) or _is_zero(r)) and np.any((g != 0) & (r != 0)):
        raise ValueError("give growth_per_year (an amount) or growth_rate (a share) for each "
                         "row, not both")
    # Revenue in cents, built in place in one new array (the last year's, when there is one).
    if _is_zero(r):
        if last is None:
            cents = a * (100 * n)
        else:  # n·a + g·n(n−1)/2 is n·(first + last)/2: reuse the last year's array
            last += a
            last *= 50 * n
            cents = last
    else:  # a·((1+r)ⁿ−1)/r, which is n·a where r is 0 (the only rows where g may not be 0)
        cents = _compound(r, n) * a
        if last is not None:
            cents += g * (n * (n - 1) / 2)
        cents *= 100
    if np.ndim(cents) == 0:
        cents = np.full(len(customers), cents)
    # Round to cents as np.round(x, 2) does (x·100, rint, ÷100), without its slower path.
    np.rint(cents, out=cents)
    profit = cents * m
    np.rint(profit, out=profit)
    profit /= 100
    revenue = cents
    revenue /= 100
    result = customers.copy(deep=not _COPY_ON_WRITE)
    result["lost_revenue"] = pd.Series(revenue, index=result.index, copy=False)
    result["lost_profit"] = pd.Series(profit, index=result.index, copy=False)
    return result


def cost_by_segment(table: pd.DataFrame, *, segment: str = "segment") -> pd.DataFrame:
    """Total lost revenue and profit per segment, largest loss first.

    ``table`` is the result of :func:`lost_revenue_table`.

    >>> t = pd.DataFrame({"segment": ["shop", "trade", "shop"],
    ...                   "lost_revenue": [100.0, 300.0, 50.0], "lost_profit": [20.0, 60.0, 10.0]})
    >>> cost_by_segment(t)
             customers  lost_revenue  lost_profit
    segment
    trade            1         300.0         60.0
    shop             2         150.0         30.0
    """
    check_columns("table", table, (segment, "lost_revenue", "lost_profit"),
                  what="the result of lost_revenue_table(...)")
    grouped = table.groupby(segment, observed=True, sort=False, dropna=False).agg(
        customers=("lost_revenue", "size"), lost_revenue=("lost_revenue", "sum"),
        lost_profit=("lost_profit", "sum"))
    return grouped.sort_values("lost_revenue", ascending=False)
