"""The bundled NPS survey export (05_nps): generator, defects reported by the loader, a
trainer's own export."""

import importlib.util
import io
from pathlib import Path

import pandas as pd
import pytest

import ccexercise as cc
from ccexercise import datasets
from ccexercise.datasets import Column, DataError, describe, load

ROOT = Path(__file__).resolve().parents[2]
NAME = "05_nps"
BUNDLED = ROOT / "data" / NAME / "survey.csv"
GENERATOR = ROOT / "data" / NAME / "generate.py"
COLUMNS = ["respondent_id", "branch", "channel", "date", "score", "comment"]


@pytest.fixture(autouse=True)
def _no_data_override(monkeypatch):
    monkeypatch.delenv(datasets.ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("generate_survey", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report():
    return load(NAME, errors="report")


class TestGenerator:
    def test_deterministic(self, generator, tmp_path):
        """The generator writes exactly the committed bytes."""
        assert generator.main(tmp_path / "a.csv").read_bytes() == BUNDLED.read_bytes()

    def test_header_size_and_columns(self):
        raw = pd.read_csv(BUNDLED, dtype=str, keep_default_na=False)
        assert list(raw.columns) == COLUMNS == datasets.SCHEMAS[NAME].names
        assert len(raw) > 3000
        assert raw["date"].str.fullmatch(r"2025-\d\d-\d\d").all()
        assert set(raw["channel"]) == {"in store", "phone", "web"}
        assert set(raw["branch"]) == {"Central", "Market", "Riverside", "Harbour", "Station"}

    def test_story(self, report):
        """Riverside's rise is beyond noise, Harbour's rise is not, Station has no complaints."""
        data = report.data
        late = data["date"] >= "2025-07-01"
        def change(branch):
            mine = data["branch"] == branch
            return cc.nps_difference(data.loc[mine & late, "score"],
                                     data.loc[mine & ~late, "score"])
        assert change("Riverside").difference > 15 and change("Riverside").distinguishable
        assert change("Harbour").difference > 5 and not change("Harbour").distinguishable
        station = data[data["branch"] == "Station"]
        assert len(station) < 200 and cc.nps(station["score"]) > 50
        assert station.loc[station["score"] <= 8, "comment"].isna().all()


class TestDefects:
    def test_each_defect_is_reported_with_row_column_and_reason(self, report):
        """The blank score, the 11, the '9 ' and the repeated respondent, each named."""
        problems = report.problems
        assert problems[["row", "column", "value", "reason"]].values.tolist() == [
            [118, "score", "", "is empty"],
            [861, "score", "11", "must be 10 or less"],
            [2004, "score", "9 ", "has spaces around the value"],
            [3012, "respondent_id", "R03010", "repeats row 3011"],
        ]

    def test_nothing_is_dropped_silently(self, report):
        lines = BUNDLED.read_text(encoding="utf-8").splitlines()
        assert len(report.data) + len(report.rejected) == len(lines) - 1
        assert report.rejected.index.tolist() == [118, 861, 2004, 3012]
        assert report.data["score"].dtype == "int64"
        assert report.data["score"].between(0, 10).all()
        assert str(report.data["date"].dtype) == "datetime64[ns]"

    def test_plain_load_raises_with_every_problem(self):
        with pytest.raises(DataError) as info:
            load(NAME)
        assert str(info.value).startswith("4 problems in the data file ")
        assert "\n4 rows are bad." in str(info.value)
        assert "line 2004, field 'score': has spaces around the value (got '9 ')" in str(info.value)
        assert len(info.value.problems) == 4

    def test_spaces_rule_only_where_declared(self):
        """Other columns still forgive spaces; describe() shows the score rule."""
        assert Column("x", "int", "x").spaces is True
        assert describe(NAME).loc["score", "allowed"] == "0 to 10"


class TestTrainerExport:
    def test_own_export_loads_the_same_way(self):
        """A trainer's file with the same columns, in another order, with other branches."""
        text = ("score,respondent_id,date,branch,channel,comment\n"
                "10,A1,2025-03-01,Hilltop,phone,\n"
                "6,A2,2025-03-02,Hilltop,web,\"Slow, and nobody called\"\n"
                "12,A3,2025-03-02,Hilltop,web,\n"
                "7.5,A4,2025-03-02,Hilltop,web,\n"
                "9,A5,2025-02-30,Hilltop,web,\n")
        result = load(NAME, path=io.StringIO(text), errors="report")
        assert result.data["respondent_id"].tolist() == ["A1", "A2"]
        assert result.data.loc[1, "comment"] == "Slow, and nobody called"
        assert result.problems["reason"].tolist() == ["must be 10 or less",
                                                      "is not a whole number",
                                                      "is not a real date written YYYY-MM-DD"]
        assert cc.nps(result.data["score"]) == 0.0

    def test_missing_column_is_named(self):
        with pytest.raises(DataError, match=r"is missing the columns \['score'\]"):
            load(NAME, path=io.StringIO("respondent_id,branch,channel,date,comment\n"))
