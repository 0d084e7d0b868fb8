"""The course's bundled data sets, and a trainer's own CSV with the same columns.

Each module that needs data has a folder under ``data/`` named after the
module (``01_lost_customer_cost``) holding one CSV. :func:`load` reads it,
turns every column into the right type and checks every row, so a notebook
can rely on the table. A trainer can swap in their own customers by passing
``path=`` a CSV with the same columns; its rows are checked the same way.

>>> customers = load("01_lost_customer_cost")
>>> customers.shape
(2400, 14)
>>> customers.loc[0, "customer_id"], customers.loc[0, "segment"]
('C00001', 'trade')
>>> print(f"{customers['churned'].mean():.1%} of the customers left")
17.8% of the customers left

To add the next module's data set, put its CSV in ``data/<module>/`` and
declare its columns in :data:`SCHEMAS` below; nothing else changes.
"""

from __future__ import annotations

import csv
import io
import os
import types
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["Column", "DataError", "Dataset", "FilledWhen", "LoadResult", "SCHEMAS",
           "available", "data_dir", "describe", "load"]

#: Environment variable that points at a folder of data sets to use instead.
ENV_VAR = "CCEXERCISE_DATA"

KINDS = ("text", "choice", "int", "float", "bool", "date")
TRUE_WORDS = frozenset({"true", "yes", "1"})
FALSE_WORDS = frozenset({"false", "no", "0"})
_TEXT = pd.Series(["text"]).dtype  # pandas' default for text: object (pandas 2) or str (3)
#: How many problems a DataError message shows; ``.problems`` has them all.
SHOWN = 5


# --------------------------------------------------------------------------
# Declaring a data set
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """One column of a data set: its name, kind, what it means and what it may hold.

    ``kind`` is ``"text"``, ``"choice"`` (text from ``allowed``), ``"int"``,
    ``"float"``, ``"bool"`` or ``"date"`` (written YYYY-MM-DD). ``required=False`` lets a cell be empty (it
    loads as missing). ``unique=True`` forbids repeated values.

    >>> Column("segment", "choice", "customer group", allowed=("household", "trade"))
    Column(name='segment', kind='choice', ...)
    >>> Column("spend", "money", "spend in a year")
    Traceback (most recent call last):
        ...
    ValueError: kind of column 'spend' must be one of text, choice, int, float, bool, date, got 'money'
    """

    name: str
    kind: str
    meaning: str
    allowed: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    required: bool = True
    unique: bool = False
    #: False: a value with spaces around it ("9 ") is reported, not read as 9.
    spaces: bool = True

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind of column {self.name!r} must be one of "
                             f"{', '.join(KINDS)}, got {self.kind!r}")
        if (self.kind == "choice") != bool(self.allowed):
            raise ValueError(f"column {self.name!r}: allowed values go with kind 'choice' "
                             f"and only with it, got kind {self.kind!r} and allowed={self.allowed!r}")

    @property
    def dtype(self) -> str:
        """The pandas dtype of the loaded column (text uses pandas' default)."""
        if self.kind == "int":
            return "int64" if self.required else "Int64"
        if self.kind == "bool":
            return "bool" if self.required else "boolean"
        if self.kind == "date":
            return "datetime64[ns]"
        return "float64" if self.kind == "float" else "text"


@dataclass(frozen=True)
class FilledWhen:
    """The ``columns`` are filled exactly when the yes/no column ``flag`` is True."""

    flag: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Dataset:
    """A bundled data set: its folder name, file name, columns and row rules."""

    name: str
    file: str
    meaning: str
    columns: tuple[Column, ...]
    rules: tuple[FilledWhen, ...] = ()

    @property
    def names(self) -> list[str]:
        """The column names, in file order."""
        return [c.name for c in self.columns]


_SEGMENTS = ("household", "trade", "business")
_REGIONS = ("North", "South", "East", "West", "Centre")
_EXIT_REASONS = ("rude or unhelpful staff", "slow service", "price", "product quality",
                 "moved away", "better offer elsewhere", "billing problem", "no reason given")
_SPEND = tuple(Column(f"spend_{year}", "float", f"amount the customer spent in {year} "
                      "(0 before they joined and after they left)", minimum=0)
               for year in range(2021, 2026))

#: Every data set's declaration, by name. Read-only.
SCHEMAS = types.MappingProxyType({
    "01_lost_customer_cost": Dataset(
        "01_lost_customer_cost", "customers.csv",
        "customers of a chain of home-and-garden stores, with five years of spend",
        (
            Column("customer_id", "text", "customer number, e.g. C00001", unique=True),
            Column("segment", "choice", "customer group", allowed=_SEGMENTS),
            Column("region", "choice", "region of the customer's store", allowed=_REGIONS),
            Column("joined", "int", "year of the first purchase", minimum=1900, maximum=2100),
            *_SPEND,
            Column("churned", "bool", "True if the customer stopped buying"),
            Column("left_in", "int", "first year with no spend after having spent "
                   "(empty if not churned)", minimum=1900, maximum=2100, required=False),
            Column("exit_reason", "choice", "why the customer left (empty if not churned)",
                   allowed=_EXIT_REASONS, required=False),
            Column("annual_spend", "float", "spend in the last year with spend", minimum=0),
            Column("growth_per_year", "float", "average yearly change of spend over "
                   "the years with spend (may be negative)"),
        ),
        rules=(FilledWhen("churned", ("left_in", "exit_reason")),),
    ),
    "04_satisfaction_formula": Dataset(
        "04_satisfaction_formula", "survey.csv",
        "a steel supplier's service survey: each customer rates ten statements twice (1-7), "
        "what they expect and what they get",
        (
            Column("respondent_id", "text", "respondent number, e.g. R0001", unique=True),
            Column("date", "date", "day the survey was answered"),
            Column("branch", "choice", "branch that serves the customer",
                   allowed=("North", "South", "East", "West")),
            Column("segment", "choice", "kind of customer",
                   allowed=("end user", "wholesaler", "retail shop")),
            *(Column(f"{dimension}_{n}_{side}", "int",
                     f"{side} rating of {dimension} statement {n} (1 = very low, 7 = very high)",
                     minimum=1, maximum=7)
              for dimension in ("tangibles", "reliability", "responsiveness", "assurance",
                                "empathy")
              for n in (1, 2) for side in ("expected", "perceived")),
        ),
    ),
    "05_nps": Dataset(
        "05_nps", "survey.csv",
        "one year of answers to 'How likely are you to recommend us?' from five shops",
        (
            Column("respondent_id", "text", "respondent number, e.g. R00001", unique=True),
            Column("branch", "text", "the shop the answer is about"),
            Column("channel", "text", "how the customer dealt with us: in store, phone, web"),
            Column("date", "date", "day the customer answered"),
            Column("score", "int", "answer from 0 (not at all likely) to 10 (extremely "
                   "likely)", minimum=0, maximum=10, spaces=False),
            Column("comment", "text", "the customer's own words (often empty)",
                   required=False),
        ),
    ),
})


# --------------------------------------------------------------------------
# Results and errors
# --------------------------------------------------------------------------

PROBLEM_COLUMNS = ["row", "column", "value", "reason"]


class DataError(ValueError):
    """A data file has bad rows or columns. ``.problems`` lists every problem.

    ``problems`` has the columns ``row``, ``column``, ``value`` and
    ``reason``. ``row`` is the row number a spreadsheet shows: the header is
    row 1 and the first data row is row 2 (for a plain CSV this is the line
    number). ``column`` is ``"*"`` for a problem with the whole row.
    """

    def __init__(self, message: str, problems: pd.DataFrame):
        super().__init__(message)
        self.problems = problems


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
# Where the data lives
# --------------------------------------------------------------------------

def data_dir() -> Path:
    """The folder that holds the bundled data sets, found from any working folder.

    Looks, in order, at the folder named by the environment variable
    ``CCEXERCISE_DATA``, at ``_data`` inside the installed package (a
    wheel), and at ``data`` beside the package (a source checkout).

    >>> (data_dir() / "01_lost_customer_cost" / "customers.csv").is_file()
    True
    """
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        folder = Path(chosen).expanduser()
        if not folder.is_dir():
            raise FileNotFoundError(f"{ENV_VAR} is set to {chosen!r}, which is not a folder; "
                                    f"unset it or point it at the folder holding the data sets")
        return folder
    here = Path(__file__).resolve().parent
    tried = [here / "_data", here.parent / "data"]
    for folder in tried:
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"no bundled data found; looked in {', '.join(map(str, tried))}; "
                            f"set {ENV_VAR} to the folder holding the data sets")


def available() -> list[str]:
    """Names of the bundled data sets: the module folders that hold a CSV.

    >>> "01_lost_customer_cost" in available()
    True
    """
    return sorted(p.name for p in data_dir().iterdir()
                  if p.is_dir() and any(p.glob("*.csv")))


def describe(name: str) -> pd.DataFrame:
    """The data dictionary of data set ``name``: one row per column.

    >>> describe("01_lost_customer_cost").loc["churned"].tolist()
    ['bool', 'True or False', 'True if the customer stopped buying']
    >>> describe("customers")
    Traceback (most recent call last):
        ...
    ValueError: name must be one of the data sets ['01_lost_customer_cost'...], got 'customers'
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
                             "to SCHEMAS in ccexercise/datasets.py")
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
    ccexercise.datasets.DataError: the given file is missing the columns ['joined', ...]; the columns must be customer_id, segment, ...
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
        raise DataError(_message(source, problems, bad.sum()), problems)
    return data


def _read_text(path) -> tuple[str, str]:
    """Return a label for ``path`` and its text."""
    if hasattr(path, "read"):
        source = str(getattr(path, "name", "the given file"))
        text = path.read()
    elif isinstance(path, (str, os.PathLike)):
        source, file = str(path), Path(path)
        if not file.exists():
            raise FileNotFoundError(f"path {source!r} does not exist "
                                    f"(relative paths start at {Path.cwd()})")
        if file.is_dir():
            raise ValueError(f"path {source!r} is a folder; give the CSV file inside it")
        text = file.read_bytes()
    else:
        raise TypeError(f"path must be a file name, a path or an open file, got {path!r} "
                        f"(a {type(path).__name__})")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _file_error(source, "is not a CSV text file (it is not UTF-8 text); "
                              "save it from the spreadsheet as 'CSV UTF-8'") from None
    return source, text.removeprefix("\ufeff")


def _file_error(source: str, reason: str, column: str = "*") -> DataError:
    problems = pd.DataFrame([(1, column, "", reason)], columns=PROBLEM_COLUMNS)
    return DataError(f"{source} {reason}", problems)


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
        raise DataError(f"{source} {reason}", problems)
    rows, problems = records[1:], []
    numbers = list(range(2, len(rows) + 2))
    for number, row in zip(numbers, rows):
        if not any(cell.strip() for cell in row):
            problems.append((number, "*", ",".join(row), "the row is empty"))
        elif len(row) != len(header):
            problems.append((number, "*", ",".join(row),
                             f"has {len(row)} cells but the header has {len(header)}"))
    return header, rows, numbers, problems


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


def _message(source: str, problems: pd.DataFrame, bad_rows: int) -> str:
    rows = "1 bad row" if bad_rows == 1 else f"{bad_rows} bad rows"
    count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
    shown = problems.head(SHOWN)
    lines = [f"row {r.row}, column {r.column}: {r.reason} (got {r.value!r})"
             for r in shown.itertuples()]
    first = "" if len(problems) <= SHOWN else f", the first {SHOWN}"
    return (f"{source} has {rows} ({count}{first}):\n  " + "\n  ".join(lines)
            + "\nFix them, or pass errors=\"report\" to keep the good rows and see every problem.")
