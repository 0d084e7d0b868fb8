"""Benchmark: ``cc.nps`` on 10 million scores, against a NumPy ``bincount`` floor.

Ten million survey answers (``numpy.random.default_rng`` with a fixed seed,
int64, 0-10) are scored three ways:

* ``cc.nps(array)``: checks every score (whole numbers on the 0-10 scale),
  counts the groups and returns the NPS;
* the **floor**: ``np.bincount(array, minlength=11)`` and the sum of the
  promoter and detractor bins, with no checking at all;
* ``cc.nps(series)``: the same scores as a pandas Series, as a notebook
  passes a DataFrame column, against the same floor run on the Series' own
  values (pandas copies the array into the Series, and counting that copy
  is measurably slower here than counting the original, so each row is
  compared with a floor on the same memory).

Results are checked to agree before anything is printed. Runs are
interleaved after one warm-up; medians are shown. The target is
``cc.nps`` within 2x of the floor.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import ccexercise as cc

from ._common import BenchmarkFailed, heading, ratio, seconds, table
from .vectorised import interleaved

SCORES = 10_000_000
SEED = 20250105
#: A realistic spread of answers: many 8-10s, a tail of low scores.
WEIGHTS = np.array([3, 1, 1, 2, 2, 5, 6, 10, 20, 22, 28], dtype=float)


def make_scores(count: int = SCORES, seed: int = SEED) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.choice(11, size=count, p=WEIGHTS / WEIGHTS.sum()).astype(np.int64)


def floor(scores: np.ndarray) -> float:
    counts = np.bincount(scores, minlength=11)
    return 100 * float(counts[9:].sum() - counts[:7].sum()) / scores.size


def run(*, quick: bool = False, repeats: int | None = None) -> bool:
    repeats = repeats or (3 if quick else 9)
    print(heading("nps: cc.nps on 10 million scores against np.bincount",
                  f"{SCORES:,} int64 scores 0-10 (seed {SEED}); median of {repeats} "
                  "interleaved runs after one warm-up."))
    scores = make_scores()
    series = pd.Series(scores)
    expected = round(floor(scores), 1)
    if cc.nps(scores) != expected or cc.nps(series) != expected:
        raise BenchmarkFailed(f"cc.nps gives {cc.nps(scores)!r}, the bincount floor "
                              f"{expected!r}")
    values = series.to_numpy()  # the Series' own memory (pandas copied the array)
    t = interleaved({"array": lambda: cc.nps(scores), "series": lambda: cc.nps(series),
                     "floor": lambda: floor(scores), "floor series": lambda: floor(values)},
                    repeats)
    rows = [["cc.nps(array)", seconds(t["array"]), seconds(t["floor"]),
             ratio(t["array"] / t["floor"])],
            ["cc.nps(Series)", seconds(t["series"]), seconds(t["floor series"]),
             ratio(t["series"] / t["floor series"])]]
    print()
    print(table(["what", "ours", "bincount floor", "nps / bincount"], rows))
    print()
    print(f"  NPS {expected:+.1f}; results agree. Target: nps / bincount within 2 x.")
    return True
