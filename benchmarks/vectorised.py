"""Benchmark: ``cc.lost_revenue_table`` on a million customers, against numpy.

A synthetic table of 1,000,000 customers (``numpy.random.default_rng`` with a
fixed seed) holds ``first_year``, ``growth_per_year`` (amounts, never making
a year negative), ``growth_rate`` (shares, some exactly 0) and ``segment``
(text, like the course's customer list).

* ``lost_revenue_table`` with fixed growth (``growth_per_year=`` a column)
  against a **numpy floor**: the same closed form on the raw arrays,
  ``n*a + g*n*(n-1)/2`` and that times the margin, with no validation, no
  rounding to cents and no DataFrame copy;
* the same with percentage growth (``growth_rate=`` a column) against
  ``a * ((1+r)**n - 1) / r`` (``n*a`` where r is 0);
* ``cost_by_segment`` on the result against a bare pandas
  ``groupby(...).sum()``;
* peak memory (tracemalloc) of each ``lost_revenue_table`` call against the
  nbytes of the input table's arrays (the floor's peak is printed beside).

Results are checked to agree (``np.allclose``) before anything is printed.
Runs are interleaved (ours, floor, ours, floor, ...); medians are shown.
Times are CPU time of the calling thread (``time.thread_time``: numpy and
pandas do this work on one thread), so other jobs on a shared machine do
not land in one measurement and not in its neighbour.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
import pandas as pd

import ccexercise as cc

from ._common import BenchmarkFailed, heading, median, megabytes, ratio, seconds, table

CUSTOMERS = 1_000_000
SEED = 20240501
YEARS = 5
MARGIN = 0.2
SEGMENTS = np.array(["household", "trade", "business"])


def make_customers(count: int = CUSTOMERS, seed: int = SEED) -> pd.DataFrame:
    """A reproducible synthetic customer table."""
    rng = np.random.default_rng(seed)
    first_year = np.round(rng.lognormal(mean=8.0, sigma=1.2, size=count), 2)
    # Growth between -20 % and +30 % of the first year, as an amount: the
    # fifth year is then at least 20 % of the first, never negative.
    growth = np.round(first_year * rng.uniform(-0.2, 0.3, size=count), 2)
    rate = np.round(rng.uniform(-0.1, 0.2, size=count), 2)   # ~1 in 30 exactly 0
    segment = SEGMENTS[rng.choice(len(SEGMENTS), size=count, p=[0.6, 0.3, 0.1])]
    return pd.DataFrame({
        "customer_id": np.arange(1, count + 1),
        "segment": pd.Series(segment, dtype="str"),
        "first_year": first_year,
        "growth_per_year": growth,
        "growth_rate": rate,
    })


# -- ours -------------------------------------------------------------------

def ours_linear(df: pd.DataFrame) -> pd.DataFrame:
    return cc.lost_revenue_table(df, first_year="first_year", growth_per_year="growth_per_year",
                                 years=YEARS, margin=MARGIN)


def ours_rate(df: pd.DataFrame) -> pd.DataFrame:
    return cc.lost_revenue_table(df, first_year="first_year", growth_rate="growth_rate",
                                 years=YEARS, margin=MARGIN)


# -- floors: the same sums on the raw arrays ---------------------------------

def floor_linear(a: np.ndarray, g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = float(YEARS)
    revenue = n * a + g * (n * (n - 1) / 2)
    return revenue, revenue * MARGIN


def floor_rate(a: np.ndarray, r: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = float(YEARS)
    with np.errstate(divide="ignore", invalid="ignore"):
        revenue = np.where(r != 0, a * (((1 + r) ** n - 1) / r), n * a)
    return revenue, revenue * MARGIN


def floor_segments(table: pd.DataFrame) -> pd.DataFrame:
    return table.groupby("segment", sort=False)[["lost_revenue", "lost_profit"]].sum()


# -- measuring ----------------------------------------------------------------

def _timed(fn: Callable[[], object]) -> float:
    start = time.thread_time()
    fn()
    return time.thread_time() - start


def interleaved(pairs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median seconds of each callable, run in turn ``repeats`` times (after one warm-up)."""
    times: dict[str, list[float]] = {name: [] for name in pairs}
    for fn in pairs.values():
        fn()
    for _ in range(repeats):
        for name, fn in pairs.items():
            gc.collect()
            times[name].append(_timed(fn))
    return {name: median(values) for name, values in times.items()}


def peak_memory(fn: Callable[[], object]) -> int:
    """Peak bytes traced while ``fn`` runs (result kept alive until the peak is read)."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = fn()
        peak = tracemalloc.get_traced_memory()[1]
        del result
        return peak - base
    finally:
        tracemalloc.stop()


def _check(name: str, ours: pd.DataFrame, revenue: np.ndarray, profit: np.ndarray) -> None:
    got_revenue = ours["lost_revenue"].to_numpy()
    got_profit = ours["lost_profit"].to_numpy()
    # Ours rounds to cents; the floor does not. Amounts are up to ~10 million.
    if not (np.allclose(got_revenue, revenue, rtol=1e-9, atol=0.01)
            and np.allclose(got_profit, profit, rtol=1e-9, atol=0.01)):
        worst = int(np.argmax(np.abs(got_revenue - revenue)))
        raise BenchmarkFailed(f"{name}: lost_revenue_table and the numpy floor disagree, "
                              f"e.g. row {worst}: {got_revenue[worst]!r} vs {revenue[worst]!r}")


def run(*, quick: bool = False, repeats: int | None = None) -> bool:
    repeats = repeats or (5 if quick else 15)
    # The calculator takes milliseconds: many more runs of it cost little and steady
    # its median on a busy machine. cost_by_segment takes ~100 ms a run.
    table_repeats = repeats * 4
    print(heading("vectorised: lost_revenue_table on a million customers",
                  f"{CUSTOMERS:,} synthetic customers (seed {SEED}), years={YEARS}, "
                  f"margin={MARGIN}; median CPU time of {table_repeats} interleaved runs "
                  f"({repeats} for cost_by_segment) after one warm-up."))
    df = make_customers()
    a = df["first_year"].to_numpy()
    g = df["growth_per_year"].to_numpy()
    r = df["growth_rate"].to_numpy()

    # Correctness first: nothing is printed if the results disagree.
    linear = ours_linear(df)
    _check("fixed growth", linear, *floor_linear(a, g))
    _check("percentage growth", ours_rate(df), *floor_rate(a, r))
    by_segment = cc.cost_by_segment(linear)
    bare = floor_segments(linear).loc[by_segment.index]
    if not (np.allclose(by_segment["lost_revenue"], bare["lost_revenue"])
            and np.allclose(by_segment["lost_profit"], bare["lost_profit"])
            and by_segment["customers"].sum() == len(df)):
        raise BenchmarkFailed("cost_by_segment disagrees with a plain groupby sum")
    if not pd.Series(df.columns).equals(pd.Series(make_customers(10).columns)):
        raise BenchmarkFailed("lost_revenue_table changed its input's columns")

    t = interleaved({
        "ours linear": lambda: ours_linear(df),
        "floor linear": lambda: floor_linear(a, g),
        "ours rate": lambda: ours_rate(df),
        "floor rate": lambda: floor_rate(a, r),
    }, table_repeats)
    t.update(interleaved({
        "ours segments": lambda: cc.cost_by_segment(linear),
        "floor segments": lambda: floor_segments(linear),
    }, repeats))
    mem_linear = peak_memory(lambda: ours_linear(df))
    mem_rate = peak_memory(lambda: ours_rate(df))
    mem_floor = peak_memory(lambda: floor_linear(a, g))
    input_deep = int(df.memory_usage(deep=True).sum())
    input_arrays = int(df.memory_usage(deep=False).sum())

    rows = [
        ["fixed growth (growth_per_year=)", seconds(t["ours linear"]), "numpy closed form",
         seconds(t["floor linear"]), ratio(t["ours linear"] / t["floor linear"])],
        ["percentage growth (growth_rate=)", seconds(t["ours rate"]), "numpy closed form",
         seconds(t["floor rate"]), ratio(t["ours rate"] / t["floor rate"])],
        ["cost_by_segment", seconds(t["ours segments"]), "groupby.sum",
         seconds(t["floor segments"]), ratio(t["ours segments"] / t["floor segments"])],
        ["peak memory, fixed growth", megabytes(mem_linear), "input's arrays",
         megabytes(input_arrays), ratio(mem_linear / input_arrays)],
        ["peak memory, percentage growth", megabytes(mem_rate), "input's arrays",
         megabytes(input_arrays), ratio(mem_rate / input_arrays)],
    ]
    print()
    print(table(["what", "ours", "against", "", "ratio"], rows,
                right=[False, True, False, True, True]))
    print()
    print("  results agree (np.allclose, to the cent) for both growth kinds and per segment.")
    print(f"  per customer: ours {t['ours linear'] / CUSTOMERS * 1e9:.0f} ns "
          f"(fixed), {t['ours rate'] / CUSTOMERS * 1e9:.0f} ns (percentage); "
          f"cost_by_segment takes {ratio(t['ours segments'] / t['ours linear'])} "
          "as long as the fixed-growth table.")
    print(f"  input's arrays: df.memory_usage(deep=False), {len(df.columns)} columns and the "
          f"index ({megabytes(input_deep)} with the segment strings). The two new columns "
          f"alone take {megabytes(2 * CUSTOMERS * 8)}; the fixed-growth floor peaks at "
          f"{megabytes(mem_floor)} (ours is {ratio(mem_linear / mem_floor)} that).")
    return True
