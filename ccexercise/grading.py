"""Helpers that hidden tests use to compare answers fairly and safely.

A learner's answer only passes when it has exactly the expected builtin
type (or the matching plain NumPy scalar type, which pandas returns) and
equal value. Subclasses are refused: an ``int`` subclass whose ``__eq__``
always says True cannot pass, and a float never stands in for a whole
number. The comparison goes through the builtin type's own methods, so a
learner cannot redefine it.

>>> exactly(70000, 70000)
True
>>> exactly(70000.0, 70000)
False
>>> class Liar(int):
...     def __eq__(self, other):
...         return True
>>> exactly(Liar(1), 70000)
False
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["exactly", "expect_type", "plain_value", "type_name"]

# The plain NumPy scalar types that stand for each builtin (pandas returns
# these from .sum(), .max(), .iloc[...] and so on). Exact types only.
_NUMPY_EQUIVALENTS = {
    int: (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64),
    float: (np.float32, np.float64),
    bool: (np.bool_,),
    str: (np.str_,),
}


def type_name(expected_type: type) -> str:
    """Plain-English name of a type, for learner messages.

    >>> type_name(int)
    'a whole number (like 42)'
    """
    return {
        int: "a whole number (like 42)",
        float: "a decimal number (like 4.2)",
        str: 'a piece of text in quotes (like "price")',
        bool: "True or False",
        list: "a list in square brackets (like [1, 3])",
    }.get(expected_type, expected_type.__name__)


def plain_value(value, expected_type: type):
    """``value`` converted to ``expected_type`` if it has exactly that type or its NumPy twin, else None.

    >>> import numpy as np
    >>> plain_value(np.int64(3), int), plain_value(3.0, int)
    (3, None)
    """
    kind = type(value)
    if kind is expected_type:
        return value
    if kind in _NUMPY_EQUIVALENTS.get(expected_type, ()):
        return expected_type(value.item())
    return None


def exactly(answer, expected, *, tolerance: float = 0.0) -> bool:
    """True when ``answer`` has the same builtin type as ``expected`` and the same value.

    ``tolerance`` (absolute) applies to floats only. ``bool`` is not
    accepted where a number is expected, nor a number where a bool is.
    Lists, tuples and dicts are compared item by item with the same rules.

    >>> exactly(0.2, 0.2)
    True
    >>> exactly(116025.00000001, 116025.0, tolerance=0.01)
    True
    >>> exactly(True, 1)
    False
    >>> exactly(np.int64(48), 48)
    True
    >>> exactly("price", "price")
    True
    >>> exactly([1, 2], [1, 2])
    True
    >>> import enum
    >>> Level = enum.Enum("Level", "LOW WOW")
    >>> exactly(Level.LOW, Level.LOW), exactly(Level.LOW, Level.WOW)
    (True, False)
    """
    expected_type = type(expected)
    if expected_type in (list, tuple):
        if type(answer) is not expected_type or list.__len__(list(answer)) != len(expected):
            return False
        return all(exactly(a, e, tolerance=tolerance) for a, e in zip(answer, expected))
    if expected_type is dict:
        if type(answer) is not dict or set(dict.keys(answer)) != set(expected):
            return False
        return all(exactly(dict.__getitem__(answer, k), v, tolerance=tolerance)
                   for k, v in expected.items())
    plain = plain_value(answer, expected_type)
    if plain is None:
        return False
    if expected_type is float:
        if math.isnan(plain) or math.isnan(expected):
            return False
        return float.__sub__(plain, expected).__abs__() <= tolerance
    # ``is True``: a type that cannot compare answers NotImplemented (Enum members
    # do, for two different members), which ``bool()`` would count as a match.
    return expected_type.__eq__(plain, expected) is True


def expect_type(answer, expected_type: type, *, name: str = "your answer") -> None:
    """Raise ``AssertionError`` with a friendly message unless ``answer`` has ``expected_type``.

    Visible tests in exercises call this first, so a learner sees what kind
    of answer is wanted before anything else. It never mentions the answer.

    >>> expect_type(70000, int, name="lost_revenue")
    >>> expect_type(70000.0, int, name="lost_revenue")
    Traceback (most recent call last):
        ...
    AssertionError: lost_revenue should be a whole number (like 42), but it is a decimal number (70000.0). Write it without a decimal point.
    >>> expect_type(..., int, name="lost_revenue")
    Traceback (most recent call last):
        ...
    AssertionError: lost_revenue is still ... : replace the ... with your answer and run that cell again.
    """
    if answer is Ellipsis:
        raise AssertionError(f"{name} is still ... : replace the ... with your answer and run "
                             "that cell again.")
    if plain_value(answer, expected_type) is not None:
        return
    got = type(answer)
    if got is str:
        fix = " Remove the quotes." if expected_type in (int, float) else ""
        raise AssertionError(f"{name} should be {type_name(expected_type)}, but it is text in "
                             f"quotes ({answer!r}).{fix}")
    if expected_type is int and plain_value(answer, float) is not None:
        raise AssertionError(f"{name} should be {type_name(int)}, but it is a decimal number "
                             f"({answer!r}). Write it without a decimal point.")
    if expected_type is float and plain_value(answer, int) is not None:
        raise AssertionError(f"{name} should be {type_name(float)}, but it is a whole number "
                             f"({answer!r}). Write it with its decimals, e.g. 0.25 or 1234.5.")
    if expected_type is str:
        raise AssertionError(f"{name} should be {type_name(str)}, but it is "
                             f"a {got.__name__} ({answer!r}). Put the text inside quotes.")
    raise AssertionError(f"{name} should be {type_name(expected_type)}, but it is a "
                         f"{got.__name__}.")
