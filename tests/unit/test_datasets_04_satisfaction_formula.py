"""The service survey of module 04: its generator, its defects and how the loader reports them.

Expected problems are found here independently, by reading the CSV with the
``csv`` module and applying the data dictionary's rules by hand.
"""

import csv
import datetime as dt
import importlib.util
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from ccexercise import datasets
from ccexercise.datasets import DataError, describe, load

ROOT = Path(__file__).resolve().parents[2]
NAME = "04_satisfaction_formula"
BUNDLED = ROOT / "data" / NAME / "survey.csv"
GENERATOR = ROOT / "data" / NAME / "generate.py"
DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
RATINGS = [f"{d}_{n}_{side}" for d in DIMENSIONS for n in (1, 2)
           for side in ("expected", "perceived")]
COLUMNS = ["respondent_id", "date", "branch", "segment", *RATINGS]


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


@pytest.fixture(autouse=True)
def _no_data_override(monkeypatch):
    """Tests see the bundled data, whatever the environment says."""
    monkeypatch.delenv(datasets.ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def raw_rows():
    """The bundled CSV read with the csv module: (spreadsheet row number, cells)."""
    with BUNDLED.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    assert records[0] == COLUMNS
    return [(number, cells) for number, cells in enumerate(records[1:], start=2)]


def expected_problems(raw_rows):
    """(row, column) of every problem, by the data dictionary's rules, applied by hand."""
    found, seen = set(), {}
    for number, cells in raw_rows:
        if len(cells) != len(COLUMNS):
            found.add((number, "*"))
            continue
        row = dict(zip(COLUMNS, cells))
        try:
            dt.date.fromisoformat(row["date"])
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]):
                raise ValueError
        except ValueError:
            found.add((number, "date"))
        if row["branch"] not in ("North", "South", "East", "West"):
            found.add((number, "branch"))
        if row["segment"] not in ("end user", "wholesaler", "retail shop"):
            found.add((number, "segment"))
        for column in RATINGS:
            if row[column] not in {str(v) for v in range(1, 8)}:
                found.add((number, column))
        if row["respondent_id"] in seen:
            found.add((number, "respondent_id"))
        seen.setdefault(row["respondent_id"], number)
    return found


class TestGenerator:
    def test_byte_identical(self, tmp_path):
        """Running the generator again gives exactly the bundled file."""
        spec = importlib.util.spec_from_file_location("generate_survey", GENERATOR)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out = module.main(tmp_path / "survey.csv")
        assert out.read_bytes() == BUNDLED.read_bytes()

    def test_size(self, raw_rows):
        """480 respondents, plus one form submitted twice and one row cut short."""
        assert len(raw_rows) == 482


class TestBundledDefects:
    def test_loader_reports_every_defect(self, raw_rows):
        """The loader reports exactly the problems the rules find, no more, no fewer."""
        result = load(NAME, errors="report")
        reported = set(zip(result.problems["row"], result.problems["column"]))
        assert reported == expected_problems(raw_rows)
        assert len(reported) == 13

    def test_nothing_dropped_silently(self, raw_rows):
        """Good rows plus rejected rows are all the rows of the file."""
        result = load(NAME, errors="report")
        assert len(result.data) + len(result.rejected) == len(raw_rows)
        assert len(result.data) == 469
        assert sorted(result.rejected.index) == sorted({r for r, _ in
                                                        expected_problems(raw_rows)})

    def test_reasons(self):
        """Each kind of defect gets a reason a person understands."""
        problems = load(NAME, errors="report").problems.set_index(["column", "value"])["reason"]
        assert problems[("reliability_1_perceived", "8")] == "must be 7 or less"
        assert problems[("assurance_1_expected", "0")] == "must be 1 or more"
        assert problems[("reliability_2_expected", "6.5")] == "is not a whole number"
        assert problems[("date", "2025-04-31")] == "is not a real date written YYYY-MM-DD"
        assert problems[("date", "15/04/2025")] == "is not a real date written YYYY-MM-DD"
        assert problems[("segment", "Wholesaler")] == ("must be one of 'end user', "
                                                        "'wholesaler', 'retail shop'")
        assert problems[("respondent_id", "R0223")] == "repeats row 224"

    def test_raise_mode_names_the_file_and_rows(self):
        """By default the bad rows stop the load with a message naming rows and columns."""
        with pytest.raises(DataError) as caught:
            load(NAME)
        message = str(caught.value)
        assert message.startswith(f"13 problems in the data file {BUNDLED}:")
        assert message.endswith("\n13 rows are bad. Fix them, or pass errors=\"report\" to keep "
                                "the good rows and see every problem.")
        assert "line 161, field 'reliability_1_perceived': must be 7 or less (got '8')" in message
        assert len(caught.value.problems) == 13


class TestTypedData:
    def test_types(self):
        """Ratings are whole numbers, the date a date, the rest text."""
        data = load(NAME, errors="report").data
        assert data.columns.tolist() == COLUMNS
        assert str(data["date"].dtype) == "datetime64[ns]"
        assert all(str(data[c].dtype) == "int64" for c in RATINGS)
        assert data["date"].min() == pd.Timestamp("2025-03-03")
        assert data[RATINGS].min().min() >= 1 and data[RATINGS].max().max() == 7

    def test_segment_story(self, raw_rows):
        """End users' weakest dimension is reliability, wholesalers' responsiveness (by hand)."""
        bad = {r for r, _ in expected_problems(raw_rows)}
        sums = {}
        for number, cells in raw_rows:
            if number in bad:
                continue
            row = dict(zip(COLUMNS, cells))
            for d in DIMENSIONS:
                gap = sum(int(row[f"{d}_{n}_perceived"]) - int(row[f"{d}_{n}_expected"])
                          for n in (1, 2)) / 2
                total, count = sums.get((row["segment"], d), (0.0, 0))
                sums[(row["segment"], d)] = (total + gap, count + 1)
        means = {key: total / count for key, (total, count) in sums.items()}
        weakest = {s: min(DIMENSIONS, key=lambda d: means[(s, d)])
                   for s in ("end user", "wholesaler")}
        assert weakest == {"end user": "reliability", "wholesaler": "responsiveness"}

    def good_rows(self, raw_rows):
        bad = {r for r, _ in expected_problems(raw_rows)}
        return [dict(zip(COLUMNS, cells)) for number, cells in raw_rows if number not in bad]

    def item_means(self, raw_rows, segment, side):
        """Mean per statement for one segment: the gap (side=None) or one side's rating."""
        rows = [row for row in self.good_rows(raw_rows) if row["segment"] == segment]
        items = sorted({c.rsplit("_", 1)[0] for c in RATINGS})
        if side is None:
            values = {i: [int(r[f"{i}_perceived"]) - int(r[f"{i}_expected"]) for r in rows]
                      for i in items}
        else:
            values = {i: [int(r[f"{i}_{side}"]) for r in rows] for i in items}
        return {i: sum(v) / len(v) for i, v in values.items()}

    def test_steel_case_direction(self, raw_rows):
        """As in the source's steel case: end users are less satisfied than wholesalers with
        quality and claims handling, more satisfied with pre- and after-sales service."""
        end_user = self.item_means(raw_rows, "end user", None)
        wholesaler = self.item_means(raw_rows, "wholesaler", None)
        assert end_user["reliability_2"] < wholesaler["reliability_2"] - 1    # quality
        assert end_user["responsiveness_2"] < wholesaler["responsiveness_2"] - 1  # claims
        assert end_user["empathy_1"] > wholesaler["empathy_1"] + 1    # pre- and after-sales

    def test_what_each_segment_expects_most(self, raw_rows):
        """End users expect most of quality and technical support; wholesalers of
        communication, delivery and pre- and after-sales service."""
        def top(segment, n):
            means = self.item_means(raw_rows, segment, "expected")
            return set(sorted(means, key=means.get, reverse=True)[:n])
        assert top("end user", 2) == {"reliability_2", "assurance_1"}
        assert top("wholesaler", 3) == {"responsiveness_1", "reliability_1", "empathy_1"}


class TestDateColumns:
    def header(self):
        return ",".join(COLUMNS)

    def line(self, date="2025-03-03", rid="R1"):
        return ",".join([rid, date, "North", "end user"] + ["5"] * len(RATINGS))

    def test_own_file(self):
        """A trainer's own survey with the same columns loads."""
        text = io.StringIO("\n".join([self.header(), self.line(), self.line("2025-12-31", "R2")]))
        data = load(NAME, path=text)
        assert data["date"].tolist() == [pd.Timestamp("2025-03-03"), pd.Timestamp("2025-12-31")]

    def test_empty_date(self):
        """An empty date is reported as empty."""
        text = io.StringIO("\n".join([self.header(), self.line("")]))
        problems = load(NAME, path=text, errors="report").problems
        assert problems[["row", "column", "reason"]].values.tolist() == [[2, "date", "is empty"]]

    def test_text_date(self):
        """A date written in words is not a date."""
        text = io.StringIO("\n".join([self.header(), self.line("3 March")]))
        with raises(DataError, "1 problem in the given file:\n"
                               "  line 2, field 'date': is not a real date written YYYY-MM-DD "
                               "(got '3 March')\n1 row is bad. "
                               "Fix them, or pass errors=\"report\" to keep the good rows and "
                               "see every problem."):
            load(NAME, path=text)

    def test_describe(self):
        """The data dictionary shows the date rule and the rating range."""
        table = describe(NAME)
        assert table.loc["date", "allowed"] == "a date written YYYY-MM-DD"
        assert table.loc["empathy_2_perceived", "allowed"] == "1 to 7"
        assert len(table) == 24
