"""Helpers shared by the benchmarks: statistics, formatting, a clean environment."""

from __future__ import annotations

import contextlib
import math
import os
import statistics
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

#: The repository root (the folder holding ``benchmarks/``).
REPO = Path(__file__).resolve().parents[1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], share: float) -> float:
    """Linear-interpolated percentile (``share`` 0..1), like numpy's default."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = share * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def seconds(value: float) -> str:
    """A duration, readable: '4.21 s', '812 ms', '3.4 ms', '57 µs'."""
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 0.1:
        return f"{value * 1e3:.0f} ms"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.0f} µs"


def milliseconds(value: float) -> str:
    return f"{value * 1e3:.1f} ms"


def ratio(value: float) -> str:
    return f"{value:.2f} ×"


def megabytes(value: float) -> str:
    return f"{value / 2**20:.1f} MB"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *,
          right: Sequence[bool] | None = None, indent: str = "  ") -> str:
    """A plain-text table with aligned columns (text left, numbers right)."""
    right = list(right) if right is not None else [False] + [True] * (len(headers) - 1)
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]

    def line(cells):
        parts = [str(c).rjust(w) if r else str(c).ljust(w)
                 for c, w, r in zip(cells, widths, right)]
        return (indent + "  ".join(parts)).rstrip()

    rule = indent + "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def heading(title: str, subtitle: str = "") -> str:
    text = f"\n{title}\n{'=' * len(title)}"
    return text + (f"\n{subtitle}" if subtitle else "")


@contextlib.contextmanager
def isolated_jupyter_env() -> Iterator[Path]:
    """Point Jupyter, IPython and matplotlib at a throw-away folder.

    Sets JUPYTER_CONFIG_DIR, JUPYTER_RUNTIME_DIR, IPYTHONDIR and MPLCONFIGDIR
    to sub-folders of a temporary folder (so the user's home folder is never
    read or written) and puts this interpreter's bin folder first on PATH,
    so the kernelspec's ``python`` is the venv's. Restores everything after.
    """
    names = ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR",
             "PATH", "PYDEVD_DISABLE_FILE_VALIDATION")
    saved = {name: os.environ.get(name) for name in names}
    with tempfile.TemporaryDirectory(prefix="ccexercise-bench-") as tmp:
        root = Path(tmp)
        for name, sub in (("JUPYTER_CONFIG_DIR", "jupyter_config"),
                          ("JUPYTER_RUNTIME_DIR", "jupyter_runtime"),
                          ("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "matplotlib")):
            (root / sub).mkdir()
            os.environ[name] = str(root / sub)
        venv_bin = str(Path(sys.prefix) / "bin")
        rest = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != venv_bin]
        os.environ["PATH"] = os.pathsep.join([venv_bin, *rest])
        # The kernel's debugger warns about frozen modules on every start.
        os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        try:
            yield root
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


class BenchmarkFailed(Exception):
    """A benchmark could not measure (a notebook failed, results disagreed...)."""
