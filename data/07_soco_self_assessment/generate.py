"""Make ``answers.csv``: an invented sales team's SOCO self-assessment, before and after.

The story (invented): the twelve counter and phone salespeople of a
building-materials wholesaler fill in the course's 24-statement
self-assessment (1 = never, 9 = always) anonymously, once before a
two-day customer-focus training and once six weeks after it. Each row is
one anonymous form; ``respondent`` numbers are given per round, so a
"before" row cannot be matched to an "after" row (nobody can be traced).

What the data is built to show:

* the weakest theme in both rounds is "informing, not pushing" (the
  team hurries customers with "the offer ends today"), then "the right
  amount": the first thing to work on;
* the average rises after the training, but with twelve people on each side
  the difference is within the noise: it may be real, we cannot tell yet.

Everything is made up, from a fixed random seed, so running the script
again gives a byte-identical file::

    .venv/bin/python data/07_soco_self_assessment/generate.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

SEED = 707
OUT = Path(__file__).with_name("answers.csv")
PEOPLE = 12
CODES = [f"c{k:02d}" for k in range(1, 13)] + [f"s{k:02d}" for k in range(1, 13)]
COLUMNS = ["respondent", "round", *CODES]
# Average points (1-9, 9 = most customer-oriented) a person gives, per round,
# and how much each theme (1-12, in the order of cc.SOCO_THEMES) sits above or below it.
ROUNDS = {"before": 5.2, "after": 5.7}
THEME_OFFSET = np.array([0.6, -2.0, -0.4, 0.2, 0.5, -0.3, 0.3, 0.4, -0.2, -1.2, 0.6, 0.8])


def rows(rng: np.random.Generator):
    for round_name, centre in ROUNDS.items():
        for person in range(1, PEOPLE + 1):
            lean = rng.normal(centre, 0.8)
            points = np.clip(np.rint(lean + np.tile(THEME_OFFSET, 2)
                                     + rng.normal(0, 0.9, 24)), 1, 9).astype(int)
            ratings = [int(p) for p in points[:12]] + [10 - int(p) for p in points[12:]]
            yield [f"{round_name[0].upper()}{person:02d}", round_name, *ratings]


def main(out: Path = OUT) -> Path:
    rng = np.random.default_rng(SEED)
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows(rng))
    return out


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
