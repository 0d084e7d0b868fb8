"""Input checks shared by every calculator.

Each check names the argument, echoes the value it got and says what is
allowed, so a learner can fix the call without reading the source.
Checks raise ``TypeError`` for a wrong type and ``ValueError`` for a wrong
value; they never use ``assert`` (which ``python -O`` removes).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_columns", "check_fraction", "check_number", "check_text", "check_texts",
           "check_whole_number"]


def _is_real(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def check_number(name: str, value, *, minimum: float | None = None,
                 maximum: float | None = None) -> float:
    """Return ``value`` as a float after checking that it is a finite number in range.

    >>> check_number("first_year", 10_000, minimum=0)
    10000.0
    >>> check_number("first_year", -5, minimum=0)
    Traceback (most recent call last):
        ...
    ValueError: first_year must be 0 or more, got -5
    >>> check_number("first_year", "10000")
    Traceback (most recent call last):
        ...
    TypeError: first_year must be a number, got '10000' (a str)
    """
    if value is Ellipsis:
        raise TypeError(f"{name} is still ... : replace the ... with a number")
    if not _is_real(value):
        raise TypeError(f"{name} must be a number, got {value!r} (a {type(value).__name__})")
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be {_fmt(minimum)} or more, got {value!r}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be {_fmt(maximum)} or less, got {value!r}")
    return float(value)


def check_whole_number(name: str, value, *, minimum: int | None = None,
                       maximum: int | None = None) -> int:
    """Return ``value`` as an int after checking that it is a whole number in range.

    A float with no fractional part (``5.0``) is accepted, since that is what
    a slider or a spreadsheet often gives.

    >>> check_whole_number("years", 5, minimum=1)
    5
    >>> check_whole_number("years", 2.5, minimum=1)
    Traceback (most recent call last):
        ...
    ValueError: years must be a whole number, got 2.5
    """
    if value is Ellipsis:
        raise TypeError(f"{name} is still ... : replace the ... with a whole number")
    if not _is_real(value):
        raise TypeError(f"{name} must be a whole number, got {value!r} (a {type(value).__name__})")
    if not isinstance(value, numbers.Integral):
        if math.isnan(value) or math.isinf(value) or value != math.floor(value):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
    value_int = int(value)
    if minimum is not None and value_int < minimum:
        raise ValueError(f"{name} must be {minimum} or more, got {value!r}")
    if maximum is not None and value_int > maximum:
        raise ValueError(f"{name} must be {maximum} or less, got {value!r}")
    return value_int


def check_fraction(name: str, value) -> float:
    """Return ``value`` as a float after checking it is a share between 0 and 1.

    People often type 20 for 20 %, so the message suggests the fraction.

    >>> check_fraction("margin", 0.2)
    0.2
    >>> check_fraction("margin", 20)
    Traceback (most recent call last):
        ...
    ValueError: margin must be between 0 and 1, got 20 (did you mean 0.2?)
    """
    if value is Ellipsis:
        raise TypeError(f"{name} is still ... : replace the ... with a share such as 0.2")
    if not _is_real(value):
        raise TypeError(f"{name} must be a number between 0 and 1, got {value!r} "
                        f"(a {type(value).__name__})")
    if math.isnan(value) or not 0 <= value <= 1:
        hint = ""
        if 2 <= value <= 100:  # someone typed a percentage
            hint = f" (did you mean {value / 100:g}?)"
        raise ValueError(f"{name} must be between 0 and 1, got {value!r}{hint}")
    return float(value)


def _fmt(number: float) -> str:
    return f"{number:g}"


def check_text(name: str, value, *, allow_empty: bool = False) -> str:
    """``value`` if it is text (and, unless ``allow_empty``, not blank).

    >>> check_text("title", "Warm-up")
    'Warm-up'
    >>> check_text("title", 5)
    Traceback (most recent call last):
        ...
    TypeError: title must be text (a str), got 5 (a int)
    >>> check_text("title", "  ")
    Traceback (most recent call last):
        ...
    ValueError: title must not be empty, got '  '
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be text (a str), got {value!r} (a {type(value).__name__})")
    if not allow_empty and not value.strip():
        raise ValueError(f"{name} must not be empty, got {value!r}")
    return value


def check_texts(name: str, value, what: str) -> tuple[str, ...]:
    """``value`` (a list of texts, none blank) as a tuple; ``what`` names the items.

    >>> check_texts("prompts", ["Why?"], "questions")
    ('Why?',)
    >>> check_texts("prompts", "Why?", "questions")
    Traceback (most recent call last):
        ...
    TypeError: prompts must be a list of questions, got one text 'Why?' (did you mean ['Why?']?)
    """
    if isinstance(value, str):
        raise TypeError(f"{name} must be a list of {what}, got one text {value!r} "
                        f"(did you mean [{value!r}]?)")
    if not isinstance(value, Iterable):
        raise TypeError(f"{name} must be a list of {what}, got {value!r} "
                        f"(a {type(value).__name__})")
    value = tuple(value)
    for i, text in enumerate(value):
        check_text(f"{name}[{i}]", text)
    return value


def check_columns(name: str, table, columns, *, what: str = "") -> pd.DataFrame:
    """``table`` after checking that it is a pandas DataFrame with every one of ``columns``.

    ``columns`` are the column names the caller needs (one name or a list);
    ``what`` says where such a table comes from and is shown in brackets.
    Every missing column is listed at once, with the columns the table has,
    so a misspelt name is easy to spot. Extra columns are fine.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"nps": [10.0], "low": [2.0]})
    >>> check_columns("table", t, ["nps", "low"]) is t
    True
    >>> check_columns("table", t, ["nps", "low", "high", "answers"],
    ...               what="the result of cc.nps_by(...)")
    Traceback (most recent call last):
        ...
    ValueError: table lacks the columns ['high', 'answers']; it needs nps, low, high, answers (the result of cc.nps_by(...)) and has ['nps', 'low']
    >>> check_columns("table", [10, 2], ["nps"])
    Traceback (most recent call last):
        ...
    TypeError: table must be a pandas DataFrame, got [10, 2] (a list)
    """
    import pandas as pd  # not at import time: this module does not need pandas otherwise

    about = f" ({what})" if what else ""
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame{about}, got {table!r} "
                        f"(a {type(table).__name__})")
    needed = [columns] if isinstance(columns, str) else list(dict.fromkeys(columns))
    missing = [column for column in needed if column not in table.columns]
    if missing:
        raise ValueError(f"{name} lacks the columns {missing!r}; it needs "
                         f"{', '.join(map(str, needed))}{about} and has {list(table.columns)!r}")
    return table
