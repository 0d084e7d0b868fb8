"""Parsing and checking the cells of a CSV read against a :class:`Dataset`.

Used by :func:`ccexercise.datasets.load`: each function returns the
problems it finds as ``(row, column, value, reason)`` tuples, so the loader
can report every bad row (or raise) and never drops one silently.

>>> values, reasons = _parse(pd.Series(["3", "x", ""]), Column("n", "int", "a count"))
>>> reasons.tolist()
['', 'is not a whole number', 'is empty']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .dataset_schema import Column, Dataset

__all__ = ["FALSE_WORDS", "TRUE_WORDS"]

#: How a yes/no cell may be written (any case).
TRUE_WORDS = frozenset({"true", "yes", "1"})
FALSE_WORDS = frozenset({"false", "no", "0"})
_TEXT = pd.Series(["text"]).dtype  # pandas' default for text: object (pandas 2) or str (3)


def _parse(values: pd.Series, column: Column) -> tuple[pd.Series, pd.Series]:
    """Return the parsed values and, per row, a reason it is bad ('' when fine)."""
    empty = values == ""
    reasons = pd.Series("", index=values.index, dtype=object)
    if column.kind in ("text", "choice"):
        parsed = values.where(~empty, np.nan)
        if column.kind == "choice":
            allowed = ", ".join(repr(a) for a in column.allowed)
            reasons[~empty & ~values.isin(column.allowed)] = f"must be one of {allowed}"
    elif column.kind == "date":
        parsed = pd.to_datetime(values.where(~empty, None), format="%Y-%m-%d", errors="coerce")
        reasons[~empty & parsed.isna()] = "is not a real date written YYYY-MM-DD"
    elif column.kind == "bool":
        lower = values.str.lower()
        parsed = lower.isin(TRUE_WORDS)
        reasons[~empty & ~lower.isin(TRUE_WORDS | FALSE_WORDS)] = "must be True or False"
    else:
        parsed = pd.to_numeric(values.where(~empty, np.nan), errors="coerce").astype(float)
        finite = np.isfinite(parsed)
        if column.kind == "int":
            reasons[~empty & ~(finite & (parsed % 1 == 0))] = "is not a whole number"
        else:
            reasons[~empty & ~finite] = "is not a number"
        ok = finite & (reasons == "")
        if column.minimum is not None:
            reasons[ok & (parsed < column.minimum)] = f"must be {column.minimum:g} or more"
        if column.maximum is not None:
            reasons[ok & (parsed > column.maximum)] = f"must be {column.maximum:g} or less"
    if column.required:
        reasons[empty] = "is empty"
    return parsed, reasons


def _problems(raw: pd.DataFrame, name: str, reasons: pd.Series) -> list[tuple]:
    hit = reasons != ""
    return list(zip(raw.index[hit], [name] * int(hit.sum()), raw.loc[hit, name], reasons[hit]))


def _check_unique(raw, typed, dataset: Dataset) -> list[tuple]:
    """Repeated values in ``unique`` columns; the first occurrence stays good."""
    found = []
    for column in dataset.columns:
        values = typed[column.name]
        if column.unique:
            repeated = values.notna() & values.duplicated(keep="first")
            first = values.reset_index().drop_duplicates(column.name).set_index(column.name)["row"]
            for row in raw.index[repeated]:
                found.append((row, column.name, raw.at[row, column.name],
                              f"repeats row {first[values[row]]}"))
    return found


def _check_rules(raw: pd.DataFrame, dataset: Dataset, problems) -> list[tuple]:
    """Columns that must be filled exactly when a yes/no flag is True."""
    found = []
    for rule in dataset.rules:
        is_true = raw[rule.flag].str.strip().str.lower().isin(TRUE_WORDS)
        flag_ok = ~raw.index.isin([r for r, c, *_ in problems if c in (rule.flag, "*")])
        for name in rule.columns:
            cell_ok = ~raw.index.isin([r for r, c, *_ in problems if c == name])
            wrong = flag_ok & cell_ok & (is_true != (raw[name].str.strip() != ""))
            for row in raw.index[wrong]:
                reason = (f"is empty, but {rule.flag} is True" if is_true[row]
                          else f"must be empty when {rule.flag} is False")
                found.append((row, name, raw.at[row, name], reason))
    return found


def _finish(values: pd.Series, column: Column) -> pd.Series:
    """Give the good rows of a parsed column their final dtype."""
    if column.dtype == "text":
        return pd.Series(values.tolist(), index=values.index, dtype=_TEXT)
    return values.astype(column.dtype)

