"""Make ``survey.csv``, the synthetic NPS survey export for module 05.

The story: a chain of five home-appliance shops asks every customer, a few
days after a purchase or a service call, "How likely are you to recommend
us to a friend or colleague?" (0-10), with an optional comment. One year
of answers (2025) is exported from the survey tool as it is, so it carries
the small defects real exports have: a blank score, an 11, a "9 " typed
with a space, and one customer who answered twice.

What the data is built to show:

* Riverside changed its service in the summer and really improved;
* Harbour also looks better in the second half, but it has few answers and
  the change is within the margin of error;
* Station shows a very high NPS from very few answers and no complaints
  at all: a warning sign about how its feedback is collected.

Everything is made up, from a fixed random seed, so running the script
again gives a byte-identical file::

    .venv/bin/python data/05_nps/generate.py            # rewrite survey.csv
    .venv/bin/python data/05_nps/generate.py other.csv  # write elsewhere
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

import numpy as np

SEED = 2043
OUT = Path(__file__).with_name("survey.csv")
COLUMNS = ["respondent_id", "branch", "channel", "date", "score", "comment"]

# branch: answers in the year, (promoters, detractors) shares in the first
# and in the second half, share of answers with a comment
BRANCHES = {
    "Central": (1400, (0.48, 0.22), (0.48, 0.21), 0.30),
    "Market": (1100, (0.45, 0.24), (0.42, 0.26), 0.30),
    "Riverside": (900, (0.37, 0.33), (0.50, 0.21), 0.30),
    "Harbour": (320, (0.40, 0.30), (0.44, 0.28), 0.30),
    "Station": (120, (0.72, 0.04), (0.72, 0.04), 0.12),
}
CHANNELS = {"in store": 0.55, "phone": 0.20, "web": 0.25}
DETRACTOR_WEIGHTS = np.array([1, 1, 1, 2, 2, 3, 4], dtype=float)
COMMENTS = {
    "promoter": ["Staff were friendly and knew the products.", "Quick delivery, no fuss.",
                 "The technician explained everything, thank you!", "Always a pleasure.",
                 "Found exactly what I needed, great advice.", "Fixed on the first visit."],
    "passive": ["Fine, nothing special.", "OK but the queue was long.",
                "Good product, average service.", "Delivery slot was a whole day.",
                "Price is a bit high."],
    "detractor": ["Waited 40 minutes on the phone.", "Nobody called back as promised.",
                  "Rude staff at the till.", "Delivery came late and nobody told me.",
                  "Had to explain the fault three times.", "The website kept failing at payment."],
}
# The defects of a real export: (row number in the file, what happens).
BLANK_SCORE_ROW, ELEVEN_ROW, SPACE_ROW, DUPLICATE_AFTER_ROW = 118, 861, 2004, 3011


def _group_scores(rng, promoters: float, detractors: float, size: int) -> np.ndarray:
    group = rng.choice(3, size=size, p=[promoters, 1 - promoters - detractors, detractors])
    high = rng.choice([9, 10], size=size, p=[0.45, 0.55])
    middle = rng.choice([7, 8], size=size, p=[0.4, 0.6])
    low = rng.choice(7, size=size, p=DETRACTOR_WEIGHTS / DETRACTOR_WEIGHTS.sum())
    return np.where(group == 0, high, np.where(group == 1, middle, low))


def make_rows(seed: int = SEED) -> list[list[str]]:
    """Return the export as rows of strings, header first."""
    rng = np.random.default_rng(seed)
    start = dt.date(2025, 1, 1)
    records = []
    for branch, (count, first, second, comment_share) in BRANCHES.items():
        days = np.sort(rng.integers(0, 365, size=count))
        late = days >= (dt.date(2025, 7, 1) - start).days
        scores = np.where(late, _group_scores(rng, *second, count),
                          _group_scores(rng, *first, count))
        channels = rng.choice(list(CHANNELS), size=count, p=list(CHANNELS.values()))
        wants_comment = rng.random(count) < comment_share
        picks = rng.random(count)
        for day, score, channel, talk, pick in zip(days, scores, channels, wants_comment, picks):
            kind = "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
            if branch == "Station" and kind != "promoter":
                talk = False  # nobody at Station ever writes a complaint
            comment = COMMENTS[kind][int(pick * len(COMMENTS[kind]))] if talk else ""
            records.append((start + dt.timedelta(days=int(day)), branch, str(channel),
                            int(score), comment))
    order = sorted(range(len(records)), key=lambda i: (records[i][0], records[i][1], i))
    rows = [COLUMNS]
    for number, i in enumerate(order, start=1):
        day, branch, channel, score, comment = records[i]
        rows.append([f"R{number:05d}", branch, channel, day.isoformat(), str(score), comment])

    # Defects, at fixed rows (row 1 is the header, as a spreadsheet counts).
    rows[BLANK_SCORE_ROW - 1][4] = ""
    rows[ELEVEN_ROW - 1][4] = "11"
    rows[SPACE_ROW - 1][4] = "9 "
    again = list(rows[DUPLICATE_AFTER_ROW - 1])
    again[4], again[5] = "10", ""  # the same customer answered twice
    rows.insert(DUPLICATE_AFTER_ROW, again)
    return rows


def main(out_path: str | Path | None = None) -> Path:
    """Write the export to ``out_path`` (default: survey.csv beside this script)."""
    out = Path(out_path) if out_path is not None else OUT
    with open(out, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(make_rows())
    return out


if __name__ == "__main__":
    written = main(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"wrote {written}")
