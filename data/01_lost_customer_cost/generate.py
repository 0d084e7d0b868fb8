"""Make ``customers.csv``, the synthetic customer table for module 01.

The story: a chain of home-and-garden stores with about 2,400 customers in
three segments (households, trades people, businesses) and five regions.
Each customer has up to five years of spend (2021-2025). Some of them
stopped buying; for those the file records the year they left and the
reason they gave. Rude or unhelpful staff is the most common reason, as
customer-service surveys keep finding.

Everything is made up, from a fixed random seed, so running the script
again gives a byte-identical file::

    .venv/bin/python data/01_lost_customer_cost/generate.py            # rewrite customers.csv
    .venv/bin/python data/01_lost_customer_cost/generate.py other.csv  # write elsewhere

The file is written with the ``csv`` module and fixed number formats, not
with pandas, so its bytes do not depend on the pandas version.
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import numpy as np

SEED = 2024
CUSTOMERS = 2_400
YEARS = (2021, 2022, 2023, 2024, 2025)
OUT = Path(__file__).with_name("customers.csv")

COLUMNS = (["customer_id", "segment", "region", "joined"]
           + [f"spend_{year}" for year in YEARS]
           + ["churned", "left_in", "exit_reason", "annual_spend", "growth_per_year"])

# segment: share of customers, (low, high) typical yearly spend, churn chance
SEGMENTS = {
    "household": (0.68, (500, 5_000), 0.19),
    "trade": (0.22, (5_000, 40_000), 0.15),
    "business": (0.10, (10_000, 120_000), 0.11),
}
# region: share of customers, churn multiplier (East's stores serve worse)
REGIONS = {
    "North": (0.21, 0.85),
    "South": (0.24, 0.95),
    "East": (0.18, 1.55),
    "West": (0.17, 0.90),
    "Centre": (0.20, 0.85),
}
JOINED = {2015: 0.08, 2016: 0.09, 2017: 0.10, 2018: 0.11, 2019: 0.11,
          2020: 0.12, 2021: 0.13, 2022: 0.13, 2023: 0.13}
# Staff and service problems first, as customer-service surveys find.
EXIT_REASONS = {
    "rude or unhelpful staff": 0.34,
    "slow service": 0.17,
    "price": 0.12,
    "better offer elsewhere": 0.10,
    "product quality": 0.09,
    "billing problem": 0.07,
    "moved away": 0.06,
    "no reason given": 0.05,
}
# The whole market: a dip in 2022, then a slow recovery.
MARKET = {2021: 1.00, 2022: 0.96, 2023: 0.99, 2024: 1.02, 2025: 1.04}


def _pick(rng: np.random.Generator, table: dict, size: int) -> np.ndarray:
    keys = list(table)
    weights = np.array([v[0] if isinstance(v, tuple) else v for v in table.values()], float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=size, p=weights / weights.sum())]


def _cents(amount: float) -> float:
    return math.floor(amount * 100 + 0.5) / 100


def make_rows(seed: int = SEED, customers: int = CUSTOMERS) -> list[list[str]]:
    """Return the table as rows of strings, header first."""
    rng = np.random.default_rng(seed)
    segment = _pick(rng, SEGMENTS, customers)
    region = _pick(rng, REGIONS, customers)
    joined = _pick(rng, JOINED, customers).astype(int)
    order = np.lexsort((rng.random(customers), joined))  # ids follow the joining year
    segment, region, joined = segment[order], region[order], joined[order]

    churn_chance = np.array([SEGMENTS[s][2] * REGIONS[r][1] for s, r in zip(segment, region)])
    churned = rng.random(customers) < churn_chance
    reasons = _pick(rng, EXIT_REASONS, customers)
    level_draw = rng.random(customers)
    trend_draw = rng.normal(size=customers)
    noise = rng.normal(0, 0.07, size=(customers, len(YEARS)))
    leave_draw = rng.random(customers)

    rows = [list(COLUMNS)]
    for i in range(customers):
        first = max(int(joined[i]), YEARS[0])
        left_in = None
        if churned[i]:
            choices = [y for y in YEARS[1:] if y > first]  # bought at least one year first
            if choices:
                left_in = choices[int(leave_draw[i] * len(choices))]
        last = (left_in - 1) if left_in else YEARS[-1]
        low, high = SEGMENTS[segment[i]][1]
        level = low * (high / low) ** level_draw[i]  # log-uniform within the range
        # Yearly trend: stayers grow a little; leavers often buy less before they go.
        trend = (-0.06 + 0.07 * trend_draw[i]) if left_in else (0.03 + 0.04 * trend_draw[i])
        spend = {}
        for k, year in enumerate(YEARS):
            if first <= year <= last:
                amount = level * (1 + trend) ** (year - first) * MARKET[year] * math.exp(noise[i, k])
                spend[year] = max(_cents(amount), 1.0)
        active = sorted(spend)
        n = len(active)
        # A 5-year projection from the last year must never go negative:
        # last + 4 * (last - first) / (n - 1) >= 0  <=>  first <= last * (1 + (n - 1) / 4).
        cap = math.floor(spend[active[-1]] * (1 + (n - 1) / 4) * 0.99 * 100) / 100
        spend[active[0]] = min(spend[active[0]], cap) if n > 1 else spend[active[0]]
        annual = spend[active[-1]]
        growth = _cents((annual - spend[active[0]]) / (n - 1)) if n > 1 else 0.0
        if not (annual > 0 and annual + 4 * growth >= 0):
            raise RuntimeError(f"row {i}: annual_spend={annual} growth_per_year={growth} "
                               "would project below zero")
        rows.append([
            f"C{i + 1:05d}", segment[i], region[i], str(joined[i]),
            *[f"{spend.get(year, 0.0):.2f}" for year in YEARS],
            "True" if left_in else "False",
            str(left_in) if left_in else "",
            reasons[i] if left_in else "",
            f"{annual:.2f}", f"{growth:.2f}" if growth else "0.00",
        ])
    return rows


def main(out_path: str | Path | None = None) -> Path:
    """Write the table to ``out_path`` (default: customers.csv beside this script)."""
    out = Path(out_path) if out_path is not None else OUT
    with open(out, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(make_rows())
    return out


if __name__ == "__main__":
    written = main(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"wrote {written}")
