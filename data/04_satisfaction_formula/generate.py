"""Make ``survey.csv``, the invented service survey for module 04.

Everything in it is made up. It is modelled on a real case from the source
texts: a steel supplier whose survey of its business customers found that
end users (the plants that work the steel) were *less* satisfied than
wholesalers with product quality, product development and claims handling,
and *more* satisfied with pre- and after-sales service; end users ranked
quality, technical support, payment terms and price first, wholesalers
delivery, communication and pre- and after-sales service.

This survey asks about service only: ten plain statements (two per
dimension: tangibles, reliability, responsiveness, assurance, empathy),
each rated twice on a 1-7 scale: what the customer expects from a good
supplier, and what they get from this one. Five statements stand in for
the case's factors:

* ``reliability_2`` (what arrives is exactly what was ordered): product quality;
* ``responsiveness_2`` (a complaint is dealt with without delay): claims handling;
* ``empathy_1`` (staff take the time to understand my business's needs):
  pre- and after-sales service;
* ``assurance_1`` (staff can answer technical questions): technical support;
* ``reliability_1`` (orders arrive on the promised day): delivery, and
  ``responsiveness_1`` (calls and messages get a quick answer): communication.

The case's direction, as the generator is given it: end users get less than
they expect on quality and on claims handling, and more than they expect on
pre- and after-sales service; wholesalers are the other way round on those
three. What a segment ranks first it also expects most of: end users expect
most of quality and technical support, wholesalers of delivery, communication
and pre- and after-sales service. This supplier answers wholesalers' calls
slowly. Product development, price and payment terms are not service
statements, so this survey does not ask about them. Retail shops, the third
segment, are the course's own addition. The East branch delivers a little
worse than the others.

Like any real survey export, the file has a few bad rows, which the loader
reports with row, column and reason: ratings typed off the scale (8, 0) or
as 6.5, skipped questions, a segment spelled differently, impossible or
foreign-format dates, a form submitted twice and a row cut short.

It is made from a fixed random seed, so running the script again gives a
byte-identical file::

    .venv/bin/python data/04_satisfaction_formula/generate.py            # rewrite survey.csv
    .venv/bin/python data/04_satisfaction_formula/generate.py other.csv  # write elsewhere
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

import numpy as np

SEED = 404
RESPONDENTS = 480
OUT = Path(__file__).with_name("survey.csv")

DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
ITEMS = [f"{d}_{n}" for d in DIMENSIONS for n in (1, 2)]
COLUMNS = (["respondent_id", "date", "branch", "segment"]
           + [f"{item}_{side}" for item in ITEMS for side in ("expected", "perceived")])

SEGMENTS = {"end user": 0.45, "wholesaler": 0.40, "retail shop": 0.15}
BRANCHES = {"North": 0.30, "South": 0.25, "East": 0.25, "West": 0.20}
# Mean expectation and perception per segment and statement (1-7), in ITEMS order:
# tangibles_1, tangibles_2, reliability_1 (delivery), reliability_2 (quality),
# responsiveness_1 (communication), responsiveness_2 (claims handling),
# assurance_1 (technical support), assurance_2, empathy_1 (pre- and after-sales
# service), empathy_2.
EXPECTED = {
    "end user":    (4.6, 5.0, 5.8, 6.6, 5.2, 6.0, 6.5, 6.0, 5.2, 4.8),
    "wholesaler":  (4.4, 4.8, 6.6, 6.0, 6.6, 5.4, 5.0, 5.6, 6.3, 5.6),
    "retail shop": (5.2, 5.4, 5.8, 5.6, 6.0, 5.6, 5.0, 5.3, 5.8, 6.0),
}
PERCEIVED = {
    "end user":    (5.25, 5.35, 5.15, 4.45, 5.2, 4.7, 6.0, 5.8, 5.6, 4.8),
    "wholesaler":  (5.0, 5.0, 5.9, 5.8, 4.8, 5.3, 5.4, 5.6, 5.6, 5.3),
    "retail shop": (4.8, 4.9, 5.1, 5.1, 5.2, 5.0, 5.0, 5.2, 4.8, 4.8),
}
EAST_RELIABILITY = -0.5   # the East branch's deliveries are a little worse
FIRST_DAY = dt.date(2025, 3, 3)
WORKING_DAYS = 64         # about three months of weekdays


def _pick(rng: np.random.Generator, table: dict, size: int) -> np.ndarray:
    keys = list(table)
    weights = np.array(list(table.values()), float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=size, p=weights / weights.sum())]


def _weekdays(start: dt.date, count: int) -> list[dt.date]:
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _rating(value: float) -> int:
    return int(min(7, max(1, np.floor(value + 0.5))))


def make_rows(seed: int = SEED, respondents: int = RESPONDENTS) -> list[list[str]]:
    """Return the survey as rows of strings, header first, defects included."""
    rng = np.random.default_rng(seed)
    segment = _pick(rng, SEGMENTS, respondents)
    branch = _pick(rng, BRANCHES, respondents)
    days = _weekdays(FIRST_DAY, WORKING_DAYS)
    date = np.array(days, dtype=object)[np.sort(rng.integers(0, len(days), respondents))]
    expect_shift = rng.normal(0, 0.3, respondents)     # some people expect more of everyone
    perceive_shift = rng.normal(0, 0.5, respondents)   # some people rate everything kindly
    expect_noise = rng.normal(0, 0.6, (respondents, len(ITEMS)))
    perceive_noise = rng.normal(0, 0.8, (respondents, len(ITEMS)))

    rows = [list(COLUMNS)]
    for i in range(respondents):
        cells = [f"R{i + 1:04d}", date[i].isoformat(), branch[i], segment[i]]
        for k, item in enumerate(ITEMS):
            e = EXPECTED[segment[i]][k] + expect_shift[i] + expect_noise[i, k]
            p = PERCEIVED[segment[i]][k] + perceive_shift[i] + perceive_noise[i, k]
            if branch[i] == "East" and item.startswith("reliability"):
                p += EAST_RELIABILITY
            cells += [str(_rating(e)), str(_rating(p))]
        rows.append(cells)
    return _add_defects(rows, rng)


def _add_defects(rows: list[list[str]], rng: np.random.Generator) -> list[list[str]]:
    """Spoil a few rows the way real survey exports are spoilt (see the module docstring)."""
    header = rows[0]
    col = header.index
    victims = [int(v) for v in rng.choice(np.arange(1, len(rows)), size=11, replace=False)]
    spoil = [
        ("reliability_1_perceived", "8"),      # typed 8 on a 1-7 scale
        ("empathy_2_perceived", "8"),
        ("assurance_1_expected", "0"),          # 0 is not on the scale
        ("responsiveness_2_perceived", ""),     # skipped question
        ("tangibles_1_perceived", ""),
        ("empathy_1_expected", ""),
        ("reliability_2_expected", "6.5"),      # half points are not allowed
        ("segment", "Wholesaler"),              # spelled differently
        ("segment", "end-user"),
        ("date", "2025-04-31"),                 # April has 30 days
        ("date", "15/04/2025"),                 # day/month/year from a spreadsheet
    ]
    for row_index, (column, value) in zip(victims, spoil):
        rows[row_index][col(column)] = value
    # A form submitted twice: the same respondent id again, a day later, at the end.
    clean = [i for i in range(1, len(rows)) if i not in victims]
    twice = list(rows[clean[int(rng.integers(0, len(clean) // 2))]])
    twice[col("date")] = (dt.date.fromisoformat(twice[col("date")])
                          + dt.timedelta(days=1)).isoformat()
    rows.append(twice)
    # A row cut short by a broken export: the last four ratings are missing.
    short = list(rows[clean[int(rng.integers(len(clean) // 2, len(clean)))]])
    short[0] = f"R{len(rows) - 1:04d}"  # a new respondent
    rows.append(short[:-4])
    return rows


def main(out_path: str | Path | None = None) -> Path:
    """Write the survey to ``out_path`` (default: survey.csv beside this script)."""
    out = Path(out_path) if out_path is not None else OUT
    with open(out, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(make_rows())
    return out


if __name__ == "__main__":
    written = main(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"wrote {written}")
