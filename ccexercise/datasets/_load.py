"""Loading a data set: reading the CSV, parsing and checking every cell against
its :class:`~ccexercise.datasets.Dataset`, and the results and errors
(:class:`DataError`, :class:`LoadResult`); also :func:`describe`, the data
dictionary.

Each check returns the problems it finds as ``(row, column, value, reason)``
tuples, so :func:`load` can report every bad row (or raise) and never drops
one silently.

>>> values, reasons = _parse(pd.Series(["3", "x", ""]), Column("n", "int", "a count"))
>>> reasons.tolist()
['', 'is not a whole number', 'is empty']
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .._files import FileProblem, TrainerFileError, read_text
from ._bundled import SCHEMAS, available, data_dir
from ._schema import Column, Dataset

__all__ = ["FALSE_WORDS", "PROBLEM_COLUMNS", "SHOWN", "TRUE_WORDS", "DataError", "LoadResult",
           "describe", "load"]

#: How many problems a DataError message shows; ``.problems`` has them all.
SHOWN = 5


# --------------------------------------------------------------------------
# Parsing and checking the cells
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# Results and errors
# --------------------------------------------------------------------------

PROBLEM_COLUMNS = ["row", "column", "value", "reason"]


class DataError(TrainerFileError):
    """A data file has bad rows or columns. ``.problems`` lists every problem.

    Each problem has the ``file``, the ``line`` (the row number a
    spreadsheet shows: the header is row 1 and the first data row is row 2;
    for a plain CSV this is the line number; None for the whole file), the
    ``field`` (the column; "" for the whole row) and the ``reason`` with
    the value found. ``table`` has the same problems as a DataFrame with
    the columns ``row``, ``column`` (``"*"`` for the whole row), ``value``
    and ``reason``, like :attr:`LoadResult.problems`. The message shows the
    first :data:`SHOWN` problems.
    """

    what = "data file"

    def __init__(self, problems, *, table: pd.DataFrame | None = None) -> None:
        super().__init__(problems, limit=SHOWN)
        self.table = table if table is not None else pd.DataFrame(
            [(p.line or 1, p.field or "*", "", p.reason) for p in self.problems],
            columns=PROBLEM_COLUMNS)

    @classmethod
    def from_table(cls, source: str, table: pd.DataFrame) -> DataError:
        """The error for ``table`` (rows ``row``, ``column``, ``value``, ``reason``)."""
        problems = [FileProblem(source, int(r.row), "" if r.column == "*" else str(r.column),
                                f"{r.reason} (got {r.value!r})") for r in table.itertuples()]
        error = cls(problems, table=table)
        rows = table["row"].nunique()
        error.args = (f"{error.args[0]}\n{'1 row is' if rows == 1 else f'{rows} rows are'} bad. "
                      f"Fix them, or pass errors=\"report\" to keep the good rows and see "
                      f"every problem.",)
        return error


@dataclass(frozen=True, eq=False)
class LoadResult:
    """What ``load(..., errors="report")`` returns: nothing is dropped silently.

    ``data`` holds the good rows, typed; ``rejected`` holds the bad rows as
    read (text, indexed by spreadsheet row number ``row``); ``problems``
    says what is wrong with each, one line per problem, so
    ``len(data) + len(rejected)`` is the number of rows in the file.
    """

    data: pd.DataFrame
    rejected: pd.DataFrame
    problems: pd.DataFrame

    def __repr__(self) -> str:
        return (f"LoadResult(data={len(self.data)} rows, rejected={len(self.rejected)} rows, "
                f"problems={len(self.problems)})")


# --------------------------------------------------------------------------
# The data dictionary
# --------------------------------------------------------------------------

def describe(name: str) -> pd.DataFrame:
    """The data dictionary of data set ``name``: one row per column.

    >>> describe("01_lost_customer_cost").loc["churned"].tolist()
    ['bool', 'True or False', 'True if the customer stopped buying']
    >>> describe("customers")
    Traceback (most recent call last):
        ...
    ValueError: name must be one of the data sets ['00_what_is_customer_focus', '01_lost_customer_cost'...], got 'customers'
    """
    dataset = _schema(name)
    return pd.DataFrame([(c.name, c.dtype, _allowed_text(c), c.meaning) for c in dataset.columns],
                        columns=["column", "type", "allowed", "meaning"]).set_index("column")


def _schema(name) -> Dataset:
    if not isinstance(name, str):
        raise TypeError(f"name must be a data set name such as '01_lost_customer_cost', "
                        f"got {name!r} (a {type(name).__name__})")
    if name not in SCHEMAS:
        if name in available():
            raise ValueError(f"data set {name!r} has no declared columns; add a Dataset for it "
                             "to SCHEMAS in ccexercise/datasets/_bundled.py")
        names = sorted(set(available()) | set(SCHEMAS))
        raise ValueError(f"name must be one of the data sets {names}, got {name!r}")
    return SCHEMAS[name]


def _allowed_text(column: Column) -> str:
    if column.kind == "choice":
        text = ", ".join(column.allowed)
    elif column.kind == "bool":
        text = "True or False"
    elif column.kind == "date":
        text = "a date written YYYY-MM-DD"
    elif column.kind == "text":
        text = "any text" + (", each different" if column.unique else "")
    else:
        low = "" if column.minimum is None else f"{column.minimum:g}"
        high = "" if column.maximum is None else f"{column.maximum:g}"
        text = f"{low} to {high}" if low and high else f"{low} or more" if low else "any number"
    return text + ("" if column.required else "; may be empty")


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------

def load(name: str, *, path=None, errors: str = "raise") -> pd.DataFrame | LoadResult:
    """Load data set ``name`` as a typed DataFrame, checking every row.

    ``path`` reads a trainer's own CSV (a file name, a path or an open text
    file) instead of the bundled one; it must have the same columns (extra
    columns are kept as text). Blank lines at the end of the file are
    ignored; every other row is either loaded or reported.

    With ``errors="raise"`` any bad row raises :class:`DataError`, whose
    message shows the first problems and whose ``.problems`` lists them
    all. With ``errors="report"`` the result is a :class:`LoadResult`
    holding the good rows, the rejected rows and the problems: no row is
    dropped silently. A file without the needed columns, or not a CSV,
    raises :class:`DataError` either way.

    >>> customers = load("01_lost_customer_cost")
    >>> customers.dtypes[["joined", "spend_2025", "churned", "left_in"]].tolist()
    [dtype('int64'), dtype('float64'), dtype('bool'), Int64Dtype()]
    >>> trainer_csv = io.StringIO("customer_id,segment,region\\nC1,household,North\\n")
    >>> load("01_lost_customer_cost", path=trainer_csv)
    Traceback (most recent call last):
        ...
    ccexercise.datasets.DataError: 1 problem in the given file:
      line 1: the header row is missing the columns ['joined', ...]; the columns must be customer_id, segment, ...
    >>> load("01_lost_customer_cost", errors="skip")
    Traceback (most recent call last):
        ...
    ValueError: errors must be 'raise' or 'report', got 'skip'
    """
    if errors not in ("raise", "report"):
        raise ValueError(f"errors must be 'raise' or 'report', got {errors!r}")
    dataset = _schema(name)
    if path is None:
        path = data_dir() / dataset.name / dataset.file
    source, text = _read_text(path)
    header, rows, numbers, problems = _split_rows(source, text, dataset)
    raw = pd.DataFrame([r + [""] * (len(header) - len(r)) if len(r) < len(header)
                        else r[:len(header)] for r in rows],
                       columns=header, index=pd.Index(numbers, name="row"), dtype=object)
    whole_row = raw.index.isin([row for row, *_ in problems])  # empty or misshapen
    typed = {}
    for column in dataset.columns:
        typed[column.name], reasons = _parse(raw[column.name].str.strip(), column)
        if not column.spaces:
            padded = (raw[column.name] != raw[column.name].str.strip()) & (reasons == "")
            reasons[padded] = "has spaces around the value"
        problems += _problems(raw, column.name, reasons.where(~whole_row, ""))
    problems += _check_unique(raw, typed, dataset)
    problems += _check_rules(raw, dataset, problems)

    problems = pd.DataFrame(problems, columns=PROBLEM_COLUMNS).astype({"row": "int64"})
    order = {n: i for i, n in enumerate(dataset.names)}
    problems = (problems.assign(_order=problems["column"].map(order).fillna(-1))
                .sort_values(["row", "_order"], kind="stable").drop(columns="_order")
                .reset_index(drop=True))
    bad = raw.index.isin(problems["row"])
    data = pd.DataFrame({c.name: _finish(typed[c.name][~bad], c) for c in dataset.columns})
    for extra in header:
        if extra not in order:
            data[extra] = raw.loc[~bad, extra].to_numpy()
    data = data.reset_index(drop=True)
    if errors == "report":
        return LoadResult(data, raw[bad], problems)
    if len(problems):
        raise DataError.from_table(source, problems)
    return data


def _read_text(path) -> tuple[str, str]:
    """Return a label for ``path`` and its text."""
    try:
        return read_text(path, what="path", error=DataError)
    except IsADirectoryError:
        raise ValueError(f"path {str(path)!r} is a folder; give the CSV file inside it") from None


def _file_error(source: str, reason: str, column: str = "*") -> DataError:
    return DataError([FileProblem(source, None, "" if column == "*" else column, reason)])


def _split_rows(source: str, text: str, dataset: Dataset):
    """Return the header, the data rows, their row numbers and the row-shape problems."""
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise _file_error(source, f"is not a CSV text file ({error})") from None
    while records and not any(cell.strip() for cell in records[-1]):
        records.pop()  # blank lines at the end
    if not records:
        raise _file_error(source, "is empty; it needs a header row with the columns "
                          + ", ".join(dataset.names))
    header = [cell.strip() for cell in records[0]]
    repeated = sorted({h for h in header if header.count(h) > 1})
    missing = [n for n in dataset.names if n not in header]
    if repeated or missing:
        unexpected = [h for h in header if h not in dataset.names]
        if repeated:
            reason = f"has the columns {repeated} more than once"
        elif len(header) == 1 and ";" in header[0]:
            reason = "seems to use ';' between values; save it as comma-separated CSV"
        else:
            reason = (f"is missing the columns {missing}"
                      + (f" and has unexpected columns {unexpected}" if unexpected else "")
                      + "; the columns must be " + ", ".join(dataset.names))
        problems = pd.DataFrame([(1, m, "", "is missing") for m in missing]
                                or [(1, r, r, "is repeated") for r in repeated],
                                columns=PROBLEM_COLUMNS)
        raise DataError([FileProblem(source, 1, "", f"the header row {reason}")], table=problems)
    rows, problems = records[1:], []
    numbers = list(range(2, len(rows) + 2))
    for number, row in zip(numbers, rows):
        if not any(cell.strip() for cell in row):
            problems.append((number, "*", ",".join(row), "the row is empty"))
        elif len(row) != len(header):
            problems.append((number, "*", ",".join(row),
                             f"has {len(row)} cells but the header has {len(header)}"))
    return header, rows, numbers, problems
