"""Learner answers as plain data: taken out of the learner's kernel, rebuilt in the judge.

:func:`dump` runs inside the learner's (sandboxed) kernel and turns the
values a test cell reads into tagged JSON. It checks exact types only
(``type(value) is int``), never calls a method a learner could define, so
an object that "equals everything" leaves the kernel as an ``opaque``
marker, not as a value. :func:`load` runs in the trusted judge process and
rebuilds only what the tags allow: builtin values, the ``...`` stub, NumPy
scalars and arrays, pandas ``Series``/``DataFrame``/``Index``/``Timestamp``
and dataclasses and enums defined in the ``ccexercise`` package. Anything else
becomes an :class:`Unsendable` that no test accepts.

Whatever the learner's kernel sends is only *data*: it can be any answer
the learner could have typed, never code that runs where the verdict is made.

>>> import numpy as np
>>> text = dumps({"a": 18000, "b": 0.2, "c": [True, None, "x"], "d": np.int64(5), "e": ...})
>>> back = loads(text)
>>> back["a"], back["b"], back["c"], type(back["d"]).__name__, back["e"]
(18000, 0.2, [True, None, 'x'], 'int64', Ellipsis)
>>> class Liar(int):
...     def __eq__(self, other): return True
>>> type(loads(dumps({"x": Liar(1)}))["x"]).__name__
'Unsendable'
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import json

__all__ = ["MISSING", "Unsendable", "dump", "dumps", "load", "loads"]

#: Marker for a name the learner's kernel does not define (the test then sees a NameError).
MISSING = ["missing"]
#: Most leaves (numbers, strings ...) one answer may hold; bigger answers are refused.
MAX_ITEMS = 2_000_000
#: Deepest nesting accepted.
MAX_DEPTH = 40

_NUMPY_SCALARS = ("bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                  "uint64", "float16", "float32", "float64", "str_")
_PLAIN_DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                 "uint64", "float16", "float32", "float64", "object", "str", "string", "category",
                 "datetime64[ns]", "boolean", "Int64", "Float64")


class Unsendable:
    """Stands in for a value that cannot travel as plain data (a learner-defined object).

    >>> Unsendable("mymodule.Liar")
    <a mymodule.Liar value, which grading cannot check>
    """

    def __init__(self, kind: str):
        self.kind = kind

    def __repr__(self) -> str:
        return f"<a {self.kind} value, which grading cannot check>"


# --------------------------------------------------------------------------
# In the learner's kernel
# --------------------------------------------------------------------------

def _kind(value) -> str:
    cls = type(value)
    return f"{getattr(cls, '__module__', '?')}.{getattr(cls, '__qualname__', '?')}"


class _Encoder:
    def __init__(self):
        self.items = 0

    def __call__(self, value, depth: int = 0):
        self.items += 1
        if self.items > MAX_ITEMS or depth > MAX_DEPTH:
            raise OverflowError("the answer is too large to check")
        kind = type(value)
        if value is None:
            return ["none"]
        if value is Ellipsis:
            return ["ellipsis"]
        if kind is bool:
            return ["bool", value]
        if kind is int:
            return ["int", str(value)]
        if kind is float:
            return ["float", repr(value)]
        if kind is str:
            return ["str", value]
        if kind in (list, tuple, set, frozenset):
            items = list(value) if kind in (list, tuple) else sorted(
                value, key=lambda v: (type(v).__name__, repr(v)) if type(v) in
                (int, float, str, bool) else ("", ""))
            return [kind.__name__, [self(item, depth + 1) for item in items]]
        if kind is dict:
            return ["dict", [[self(k, depth + 1), self(v, depth + 1)]
                             for k, v in dict.items(value)]]
        module = getattr(kind, "__module__", "") or ""
        if module.startswith("numpy"):
            return self._numpy(value, kind, depth)
        if module.startswith("pandas"):
            return self._pandas(value, kind, depth)
        if module.startswith("ccexercise.") and isinstance(value, enum.Enum):
            return ["enum", f"{module}:{kind.__qualname__}", str(value.name)]
        if module.startswith("ccexercise.") and dataclasses.is_dataclass(kind):
            fields = {f.name: self(object.__getattribute__(value, f.name), depth + 1)
                      for f in dataclasses.fields(kind)}
            return ["dataclass", f"{module}:{kind.__qualname__}", fields]
        return ["opaque", _kind(value)]

    def _numpy(self, value, kind, depth):
        import numpy as np

        if kind.__name__ in _NUMPY_SCALARS and kind is getattr(np, kind.__name__):
            return ["np", kind.__name__, self(value.item(), depth + 1)]
        if kind is np.ndarray and value.dtype.name in _NUMPY_SCALARS[:-1]:
            return ["ndarray", value.dtype.name, list(value.shape),
                    [self(v, depth + 1) for v in value.ravel().tolist()]]
        return ["opaque", _kind(value)]

    def _values(self, values, depth):
        return [self(v, depth + 1) for v in values]

    def _pandas(self, value, kind, depth):
        import pandas as pd

        if value is pd.NA:
            return ["na"]
        if value is pd.NaT:
            return ["nat"]
        if kind is pd.Timestamp:
            return ["timestamp", value.isoformat()]
        if kind in (pd.Index, pd.RangeIndex):
            return ["index", str(value.dtype), self(value.name, depth + 1),
                    self._values(value.astype(object).tolist(), depth)]
        if kind is pd.Series:
            return ["series", str(value.dtype), self(value.name, depth + 1),
                    self(value.index, depth + 1),
                    self._values(value.astype(object).tolist(), depth)]
        if kind is pd.DataFrame:
            columns = [self(value.iloc[:, i], depth + 1) for i in range(value.shape[1])]
            return ["frame", self(value.columns, depth + 1), self(value.index, depth + 1),
                    columns]
        return ["opaque", _kind(value)]


def dump(names, namespace: dict) -> str:
    """JSON text: ``{name: encoded value}`` for each of ``names`` (``MISSING`` if undefined)."""
    out = {}
    for name in names:
        if name not in namespace:
            out[name] = MISSING
            continue
        try:
            out[name] = _Encoder()(dict.__getitem__(namespace, name))
        except Exception as error:  # noqa: BLE001 - an answer that cannot travel
            out[name] = ["opaque", f"too large or broken ({type(error).__name__})"]
    return json.dumps(out)


def dumps(values: dict) -> str:
    """:func:`dump` of a whole dict (for tests and doctests)."""
    return dump(list(values), values)


# --------------------------------------------------------------------------
# In the judge
# --------------------------------------------------------------------------

def _decode(item, depth: int = 0):
    if depth > MAX_DEPTH or not isinstance(item, list) or not item \
            or not isinstance(item[0], str):
        raise ValueError("malformed answer data")
    tag, rest = item[0], item[1:]
    if tag == "none":
        return None
    if tag == "ellipsis":
        return Ellipsis
    if tag == "bool" and type(rest[0]) is bool:
        return rest[0]
    if tag == "int" and type(rest[0]) is str and len(rest[0]) < 5000:
        return int(rest[0])
    if tag == "float" and type(rest[0]) is str:
        return float(rest[0])
    if tag == "str" and type(rest[0]) is str:
        return rest[0]
    if tag in ("list", "tuple", "set", "frozenset") and type(rest[0]) is list:
        values = [_decode(v, depth + 1) for v in rest[0]]
        return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](values)
    if tag == "dict" and type(rest[0]) is list:
        return {_decode(k, depth + 1): _decode(v, depth + 1) for k, v in rest[0]}
    if tag == "np" and rest[0] in _NUMPY_SCALARS:
        import numpy as np

        return getattr(np, rest[0])(_decode(rest[1], depth + 1))
    if tag == "ndarray" and rest[0] in _NUMPY_SCALARS[:-1]:
        import numpy as np

        flat = [_decode(v, depth + 1) for v in rest[2]]
        return np.array(flat, dtype=rest[0]).reshape([int(n) for n in rest[1]])
    if tag in ("na", "nat"):
        import pandas as pd

        return pd.NA if tag == "na" else pd.NaT
    if tag in ("timestamp", "index", "series", "frame"):
        return _decode_pandas(tag, rest, depth)
    if tag == "dataclass":
        return _decode_dataclass(rest, depth)
    if tag == "enum":
        cls = _ccexercise_class(str(rest[0]))
        if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
            raise ValueError("not an enum of the ccexercise package")
        return cls[str(rest[1])]
    if tag == "opaque":
        return Unsendable(str(rest[0])[:200])
    raise ValueError(f"unknown answer tag {tag!r}")


def _dtype(name):
    if name not in _PLAIN_DTYPES:
        return object
    return name


def _decode_pandas(tag, rest, depth):
    import pandas as pd

    if tag == "timestamp":
        return pd.Timestamp(str(rest[0]))
    if tag == "index":
        values = [_decode(v, depth + 1) for v in rest[2]]
        return pd.Index(values, dtype=_dtype(rest[0]), name=_decode(rest[1], depth + 1))
    if tag == "series":
        values = [_decode(v, depth + 1) for v in rest[3]]
        return pd.Series(values, index=_decode(rest[2], depth + 1), dtype=_dtype(rest[0]),
                         name=_decode(rest[1], depth + 1))
    columns = _decode(rest[0], depth + 1)
    series = [_decode(s, depth + 1) for s in rest[2]]
    frame = pd.concat(series, axis=1) if series else pd.DataFrame(index=_decode(rest[1], depth))
    frame.columns = columns
    frame.index = _decode(rest[1], depth + 1)
    return frame


def _ccexercise_class(where: str):
    """The class named ``module:Qualname``, only from the ccexercise package."""
    module_name, _, qualname = where.partition(":")
    if not module_name.startswith("ccexercise."):
        raise ValueError("only ccexercise classes travel")
    cls = importlib.import_module(module_name)
    for part in qualname.split("."):
        cls = getattr(cls, part)
    return cls


def _decode_dataclass(rest, depth):
    if not isinstance(rest[1], dict):
        raise ValueError("malformed dataclass")
    cls = _ccexercise_class(str(rest[0]))
    qualname = str(rest[0]).partition(":")[2]
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise ValueError(f"{qualname} is not a dataclass")
    names = {f.name for f in dataclasses.fields(cls)}
    if set(rest[1]) != names:
        raise ValueError(f"{qualname} fields do not match")
    value = object.__new__(cls)
    for name, encoded in rest[1].items():
        object.__setattr__(value, name, _decode(encoded, depth + 1))
    return value


def load(data: dict) -> dict:
    """``{name: value}`` from :func:`dump`'s decoded JSON; ``MISSING`` names are left out."""
    values = {}
    for name, item in data.items():
        if not isinstance(name, str) or not name.isidentifier():
            continue
        if item == MISSING:
            continue
        try:
            values[name] = _decode(item)
        except Exception:  # noqa: BLE001 - malformed data is an unusable answer
            values[name] = Unsendable("malformed answer")
    return values


def loads(text: str) -> dict:
    """:func:`load` of JSON text."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("answer data must be a JSON object")
    return load(data)

