"""Tests for ccexercise.datasets and the generator of the bundled customer table."""

import importlib.util
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ccexercise import datasets
from ccexercise.datasets import (
    SCHEMAS,
    Column,
    DataError,
    LoadResult,
    available,
    data_dir,
    describe,
    load,
)

ROOT = Path(__file__).resolve().parents[2]
NAME = "01_lost_customer_cost"
BUNDLED = ROOT / "data" / NAME / "customers.csv"
GENERATOR = ROOT / "data" / NAME / "generate.py"
COLUMNS = ["customer_id", "segment", "region", "joined", "spend_2021", "spend_2022",
           "spend_2023", "spend_2024", "spend_2025", "churned", "left_in", "exit_reason",
           "annual_spend", "growth_per_year"]
SPEND = [f"spend_{year}" for year in range(2021, 2026)]
ROWS = 2_400


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def bundled_lines() -> list[str]:
    """The bundled CSV as a list of lines, header first."""
    return BUNDLED.read_text(encoding="utf-8").splitlines()


def write(tmp_path: Path, lines: list[str], name: str = "my_customers.csv") -> Path:
    """Write ``lines`` as a CSV file in ``tmp_path`` and return its path."""
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def set_cell(line: str, column: str, value: str) -> str:
    """Return a CSV line of the bundled file with one cell replaced."""
    cells = line.split(",")
    cells[COLUMNS.index(column)] = value
    return ",".join(cells)


@pytest.fixture(autouse=True)
def _no_data_override(monkeypatch):
    """Tests see the bundled data, whatever the environment says."""
    monkeypatch.delenv(datasets.ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def generator():
    """The generator script, imported as a module."""
    spec = importlib.util.spec_from_file_location("generate_customers", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------
# The generator and the bundled file
# --------------------------------------------------------------------------

class TestGenerator:
    def test_deterministic(self, generator, tmp_path):
        """Running the generator gives exactly the committed bytes, twice."""
        first = generator.main(tmp_path / "a.csv")
        second = generator.main(tmp_path / "b.csv")
        assert first.read_bytes() == BUNDLED.read_bytes()
        assert second.read_bytes() == BUNDLED.read_bytes()

    def test_command_line_writes_to_given_path(self, tmp_path):
        """The script run as a command writes to the path given after it."""
        out = tmp_path / "out.csv"
        subprocess.run([sys.executable, str(GENERATOR), str(out)], check=True,
                       capture_output=True, cwd=tmp_path)
        assert out.read_bytes() == BUNDLED.read_bytes()

    def test_header_and_size(self):
        """The file has the documented columns in order and 2,400 customers."""
        raw = pd.read_csv(BUNDLED, dtype=str, keep_default_na=False)
        assert list(raw.columns) == COLUMNS
        assert len(raw) == ROWS
        assert raw["customer_id"].is_unique
        assert raw["customer_id"].iloc[0] == "C00001"
        assert raw["churned"].isin(["True", "False"]).all()

    def test_realistic_mix(self):
        """About 15-20 % churned, all segments and regions present, staff the top reason."""
        data = load(NAME)
        assert 0.15 <= data["churned"].mean() <= 0.20
        assert set(data["segment"]) == {"household", "trade", "business"}
        assert set(data["region"]) == {"North", "South", "East", "West", "Centre"}
        assert data["joined"].between(2015, 2023).all()
        reasons = data["exit_reason"].value_counts()
        assert reasons.index[0] == "rude or unhelpful staff"
        assert reasons.iloc[0] > 1.5 * reasons.iloc[1]
        assert len(reasons) == 8
        medians = data.groupby("segment")["annual_spend"].median()
        assert medians["household"] < medians["trade"] < medians["business"]

    def test_spend_follows_joining_and_leaving(self):
        """Spend is zero before joining and from left_in on, and positive in between."""
        data = load(NAME)
        for year in range(2021, 2026):
            spend = data[f"spend_{year}"]
            active = (data["joined"] <= year) & (data["left_in"].isna() | (year < data["left_in"]))
            assert (spend[active.to_numpy()] > 0).all(), year
            assert (spend[~active.to_numpy()] == 0).all(), year
        assert ((data[SPEND] > 0).sum(axis=1) >= 1).all()
        assert data.loc[data["churned"], "left_in"].between(2022, 2025).all()

    def test_annual_spend_and_growth(self):
        """annual_spend is the last year with spend and growth the average yearly change."""
        data = load(NAME)
        spend = data[SPEND].to_numpy()
        for i, row in enumerate(spend):
            bought = row[row > 0]
            assert data.at[i, "annual_spend"] == bought[-1]
            expected = (bought[-1] - bought[0]) / (len(bought) - 1) if len(bought) > 1 else 0
            assert data.at[i, "growth_per_year"] == pytest.approx(expected, abs=0.006)

    def test_projection_never_negative(self):
        """annual_spend + 4 * growth_per_year >= 0 in every row."""
        data = load(NAME)
        assert (data["annual_spend"] > 0).all()
        assert (data["annual_spend"] + 4 * data["growth_per_year"] >= 0).all()

    def test_two_decimals(self):
        """Amounts are written with exactly two decimals."""
        raw = pd.read_csv(BUNDLED, dtype=str, keep_default_na=False)
        for column in SPEND + ["annual_spend", "growth_per_year"]:
            assert raw[column].str.fullmatch(r"-?\d+\.\d\d").all(), column


# --------------------------------------------------------------------------
# data_dir
# --------------------------------------------------------------------------

class TestDataDir:
    def test_source_checkout(self):
        """In a source checkout the data is the repository's data folder."""
        assert data_dir() == ROOT / "data"

    def test_any_working_folder(self, tmp_path, monkeypatch):
        """The folder is found from an unrelated working folder."""
        monkeypatch.chdir(tmp_path)
        assert data_dir() == ROOT / "data"

    def test_environment_variable(self, tmp_path, monkeypatch):
        """CCEXERCISE_DATA points at another folder of data sets."""
        monkeypatch.setenv("CCEXERCISE_DATA", str(tmp_path))
        assert data_dir() == tmp_path

    def test_environment_variable_not_a_folder(self, tmp_path, monkeypatch):
        """A CCEXERCISE_DATA that is not a folder is an error, not silently ignored."""
        monkeypatch.setenv("CCEXERCISE_DATA", str(tmp_path / "nowhere"))
        with raises(FileNotFoundError, f"CCEXERCISE_DATA is set to '{tmp_path / 'nowhere'}', "
                    "which is not a folder; unset it or point it at the folder holding the "
                    "data sets"):
            data_dir()


# --------------------------------------------------------------------------
# available
# --------------------------------------------------------------------------

class TestAvailable:
    def test_bundled(self):
        """The module 01 data set is listed."""
        assert NAME in available()

    def test_only_folders_with_a_csv(self, tmp_path, monkeypatch):
        """Only module folders holding a CSV count, sorted by name."""
        (tmp_path / "02_other").mkdir()
        (tmp_path / "02_other" / "table.csv").write_text("a\n1\n")
        (tmp_path / "03_no_data").mkdir()
        (tmp_path / "03_no_data" / "notes.txt").write_text("none")
        (tmp_path / "README.md").write_text("x")
        monkeypatch.setenv("CCEXERCISE_DATA", str(tmp_path))
        assert available() == ["02_other"]


# --------------------------------------------------------------------------
# describe
# --------------------------------------------------------------------------

class TestDescribe:
    def test_every_column(self):
        """The data dictionary has one row per column, in file order."""
        table = describe(NAME)
        assert list(table.index) == COLUMNS
        assert list(table.columns) == ["type", "allowed", "meaning"]
        assert table.loc["left_in", "type"] == "Int64"
        assert table.loc["segment", "allowed"] == "household, trade, business"

    def test_matches_loaded_dtypes(self):
        """The types it states are the dtypes load gives (text aside)."""
        table = describe(NAME)
        data = load(NAME)
        for column, kind in table["type"].items():
            if kind != "text":
                assert str(data[column].dtype) == kind, column

    def test_unknown_name(self):
        """An unknown name lists the data sets."""
        with raises(ValueError, f"name must be one of the data sets {available()}, "
                    "got 'customers'"):
            describe("customers")


# --------------------------------------------------------------------------
# load: the bundled data
# --------------------------------------------------------------------------

class TestLoad:
    def test_bundled_types(self):
        """The bundled table loads with the schema's dtypes and every row."""
        data = load(NAME)
        assert data.shape == (ROWS, len(COLUMNS))
        assert list(data.columns) == COLUMNS
        assert data["joined"].dtype == "int64"
        assert data["churned"].dtype == bool
        assert data["left_in"].dtype == "Int64"
        for column in SPEND + ["annual_spend", "growth_per_year"]:
            assert data[column].dtype == "float64", column
        for column in ["customer_id", "segment", "region", "exit_reason"]:
            assert pd.api.types.is_string_dtype(data[column]), column
        assert isinstance(data.at[0, "customer_id"], str)
        assert isinstance(data.index, pd.RangeIndex)

    def test_churned_rows_have_reason_and_year(self):
        """Every churned row has an exit reason and a year; no other row has either."""
        data = load(NAME)
        churned = data["churned"]
        assert data.loc[churned, "exit_reason"].notna().all()
        assert data.loc[churned, "left_in"].notna().all()
        assert data.loc[~churned, "exit_reason"].isna().all()
        assert data.loc[~churned, "left_in"].isna().all()

    def test_from_another_working_folder(self, tmp_path, monkeypatch):
        """A notebook copied elsewhere still finds the bundled data."""
        monkeypatch.chdir(tmp_path)
        assert len(load(NAME)) == ROWS

    def test_fresh_copy_each_time(self):
        """Changing a loaded table does not change the next one."""
        first = load(NAME)
        first.loc[0, "annual_spend"] = -1
        assert load(NAME).loc[0, "annual_spend"] > 0

    def test_unknown_name(self):
        """An unknown name lists the available data sets."""
        with raises(ValueError, f"name must be one of the data sets {available()}, "
                    "got '02_nope'"):
            load("02_nope")

    def test_name_not_text(self):
        """A name that is not text is a TypeError."""
        with raises(TypeError, "name must be a data set name such as '01_lost_customer_cost', "
                    "got 1 (a int)"):
            load(1)

    def test_bad_errors_value(self):
        """errors must be 'raise' or 'report'."""
        with raises(ValueError, "errors must be 'raise' or 'report', got 'ignore'"):
            load(NAME, errors="ignore")

    def test_report_with_clean_data(self):
        """errors='report' on clean data rejects nothing."""
        result = load(NAME, errors="report")
        assert isinstance(result, LoadResult)
        assert len(result.data) == ROWS
        assert result.rejected.empty and result.problems.empty
        assert list(result.problems.columns) == ["row", "column", "value", "reason"]
        assert repr(result) == "LoadResult(data=2400 rows, rejected=0 rows, problems=0)"


# --------------------------------------------------------------------------
# load: a trainer's own CSV
# --------------------------------------------------------------------------

class TestLoadTrainerFile:
    def test_same_columns(self, tmp_path):
        """A trainer CSV with the same columns loads just like the bundled one."""
        path = write(tmp_path, bundled_lines()[:11])
        data = load(NAME, path=path)
        pd.testing.assert_frame_equal(data, load(NAME).head(10))

    def test_string_path_columns_reordered_and_extra(self, tmp_path):
        """Columns may come in any order; extra columns are kept as text at the end."""
        raw = pd.read_csv(BUNDLED, dtype=str, keep_default_na=False).head(5)
        raw = raw[COLUMNS[::-1]].assign(notes="vip")
        raw.to_csv(tmp_path / "mine.csv", index=False)
        data = load(NAME, path=str(tmp_path / "mine.csv"))
        assert list(data.columns) == COLUMNS + ["notes"]
        assert data["notes"].tolist() == ["vip"] * 5
        pd.testing.assert_frame_equal(data[COLUMNS], load(NAME).head(5))

    def test_open_file_and_spreadsheet_quirks(self):
        """An open file works; a byte-order mark, padded cells and Excel words are fine."""
        lines = bundled_lines()[:3]
        lines[1] = set_cell(lines[1], "churned", " TRUE ")
        lines[2] = set_cell(lines[2], "joined", "2015.0")
        text = "\ufeff" + "\r\n".join(lines) + "\r\n\r\n"
        data = load(NAME, path=io.BytesIO(text.encode("utf-8")))
        assert data["churned"].tolist() == [True, False]
        assert data["joined"].tolist() == [2015, 2015]

    def test_missing_column(self, tmp_path):
        """A missing column is named, together with unexpected ones."""
        lines = bundled_lines()[:3]
        lines[0] = lines[0].replace("region", "Region")
        path = write(tmp_path, lines)
        with raises(DataError, f"1 problem in the data file {path}:\n  line 1: the header row "
                    "is missing the columns ['region'] and has unexpected columns ['Region']; the "
                    "columns must be " + ", ".join(COLUMNS)) as info:
            load(NAME, path=path, errors="report")
        assert info.value.table.to_dict("records") == [
            {"row": 1, "column": "region", "value": "", "reason": "is missing"}]

    def test_bad_values_raise(self, tmp_path):
        """Bad values in several rows raise one DataError that lists every bad row."""
        lines = bundled_lines()[:21]
        lines[3] = set_cell(lines[3], "spend_2023", "abc")       # row 4
        lines[5] = set_cell(lines[5], "churned", "maybe")        # row 6
        lines[8] = set_cell(lines[8], "segment", "shop")         # row 9
        lines[12] = set_cell(lines[12], "spend_2021", "-5")      # row 13
        lines[16] = set_cell(lines[16], "left_in", "2024")       # row 17: not churned
        lines[16] = set_cell(lines[16], "exit_reason", "price")
        lines[18] = set_cell(lines[18], "joined", "20x9")        # row 19
        path = write(tmp_path, lines)
        with raises(DataError, f"7 problems in the data file {path}:\n"
                    "  line 4, field 'spend_2023': is not a number (got 'abc')\n"
                    "  line 6, field 'churned': must be True or False (got 'maybe')\n"
                    "  line 9, field 'segment': must be one of 'household', 'trade', 'business' "
                    "(got 'shop')\n"
                    "  line 13, field 'spend_2021': must be 0 or more (got '-5')\n"
                    "  line 17, field 'left_in': must be empty when churned is False (got '2024')\n"
                    "  ... and 2 more (see .problems)\n"
                    "6 rows are bad. Fix them, or pass errors=\"report\" to keep the good rows "
                    "and see every problem.") as info:
            load(NAME, path=path)
        assert [(p.line, p.field) for p in info.value.problems][-2:] == [(17, "exit_reason"),
                                                                         (19, "joined")]
        problems = info.value.table
        assert isinstance(info.value, ValueError)
        assert problems["row"].tolist() == [4, 6, 9, 13, 17, 17, 19]
        assert problems.iloc[-1].tolist() == [19, "joined", "20x9", "is not a whole number"]

    def test_bad_values_report(self, tmp_path):
        """errors='report' keeps the good rows and returns the bad ones with reasons."""
        lines = bundled_lines()[:21]
        lines[3] = set_cell(lines[3], "spend_2023", "abc")
        lines[5] = set_cell(lines[5], "churned", "maybe")
        lines[7] = set_cell(set_cell(lines[7], "churned", "True"), "exit_reason", "price")
        path = write(tmp_path, lines)
        result = load(NAME, path=path, errors="report")
        assert len(result.data) + len(result.rejected) == len(lines) - 1
        assert result.rejected.index.tolist() == [4, 6, 8]
        assert result.rejected.index.name == "row"
        assert result.rejected.loc[4, "spend_2023"] == "abc"
        assert result.problems.to_dict("records") == [
            {"row": 4, "column": "spend_2023", "value": "abc", "reason": "is not a number"},
            {"row": 6, "column": "churned", "value": "maybe", "reason": "must be True or False"},
            {"row": 8, "column": "left_in", "value": "", "reason": "is empty, but churned is True"},
        ]
        good = load(NAME).head(20).drop(index=[2, 4, 6]).reset_index(drop=True)
        pd.testing.assert_frame_equal(result.data, good)

    def test_every_bad_row_reported(self, tmp_path):
        """With many bad rows, .problems holds all of them, not just the ones shown."""
        lines = bundled_lines()
        for i in range(1, len(lines), 100):
            lines[i] = set_cell(lines[i], "region", "Middle")
        path = write(tmp_path, lines)
        with pytest.raises(DataError, match=r"^24 problems in the data file .*:\n(.*\n){5}  \.\.\. and 19 more "
                                            r"\(see \.problems\)\n24 rows are bad") as info:
            load(NAME, path=path)
        assert [p.line for p in info.value.problems] == list(range(2, len(lines) + 1, 100))
        assert info.value.table["row"].tolist() == list(range(2, len(lines) + 1, 100))
        result = load(NAME, path=path, errors="report")
        assert (len(result.data), len(result.rejected)) == (ROWS - 24, 24)

    def test_misshapen_empty_and_repeated_rows(self, tmp_path):
        """Rows with the wrong cell count, empty rows and repeated ids are reported, not lost."""
        lines = bundled_lines()[:6]
        lines[2] = lines[2] + ",extra"
        lines[3] = ",,,"
        lines[4] = lines[1]
        path = write(tmp_path, lines + ["", ""])
        result = load(NAME, path=path, errors="report")
        assert result.problems[["row", "column", "reason"]].values.tolist() == [
            [3, "*", "has 15 cells but the header has 14"],
            [4, "*", "the row is empty"],
            [5, "customer_id", "repeats row 2"],
        ]
        assert result.problems.loc[0, "value"] == lines[2]
        assert len(result.data) + len(result.rejected) == 5

    def test_rows_follow_spreadsheet_numbering(self, tmp_path):
        """A quoted cell over two lines does not shift the row numbers."""
        lines = bundled_lines()[:4]
        lines[1] = set_cell(lines[1], "customer_id", '"C00001\nsecond line"')
        lines[3] = set_cell(lines[3], "region", "Nowhere")
        result = load(NAME, path=write(tmp_path, lines), errors="report")
        assert result.problems["row"].tolist() == [4]

    def test_empty_file(self, tmp_path):
        """An empty file says it is empty and which columns it needs."""
        path = tmp_path / "empty.csv"
        path.write_text("")
        with raises(DataError, f"1 problem in the data file {path}:\n  the whole file: is "
                    "empty; it needs a header row with the columns " + ", ".join(COLUMNS)):
            load(NAME, path=path)

    def test_header_only(self, tmp_path):
        """A header without rows gives an empty table with the right columns."""
        data = load(NAME, path=write(tmp_path, bundled_lines()[:1]))
        assert list(data.columns) == COLUMNS and data.empty
        assert data["left_in"].dtype == "Int64"

    def test_not_a_csv(self, tmp_path):
        """A binary file (say a spreadsheet) is not taken for a CSV."""
        path = tmp_path / "customers.xlsx"
        path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe\x80")
        with raises(DataError, f"1 problem in the data file {path}:\n  the whole file: is not "
                    "UTF-8 text (byte 14); save it from the spreadsheet as 'CSV UTF-8'"):
            load(NAME, path=path)

    def test_semicolons(self, tmp_path):
        """A semicolon-separated export gets a hint."""
        path = write(tmp_path, [line.replace(",", ";") for line in bundled_lines()[:3]])
        with raises(DataError, f"1 problem in the data file {path}:\n  line 1: the header "
                    "row seems to use ';' between values; save it as comma-separated CSV"):
            load(NAME, path=path)

    def test_repeated_column(self, tmp_path):
        """A column that appears twice is named."""
        lines = [line + "," + line.split(",")[1] for line in bundled_lines()[:3]]
        path = write(tmp_path, lines)
        with raises(DataError, f"1 problem in the data file {path}:\n  line 1: the header "
                    "row has the columns ['segment'] more than once"):
            load(NAME, path=path)

    def test_missing_file(self, tmp_path, monkeypatch):
        """A path that does not exist says where relative paths start."""
        monkeypatch.chdir(tmp_path)
        with raises(FileNotFoundError, f"path 'nope.csv' does not exist (relative paths start "
                    f"at {Path.cwd()})"):
            load(NAME, path="nope.csv")

    def test_folder(self, tmp_path):
        """A folder is not a file."""
        with raises(ValueError, f"path '{tmp_path}' is a folder; give the CSV file inside it"):
            load(NAME, path=tmp_path)

    def test_path_wrong_type(self):
        """A path that is neither a name, a path nor a file is a TypeError."""
        with raises(TypeError, "path must be a file name, a path or an open file, got 3 "
                    "(a int)"):
            load(NAME, path=3)


# --------------------------------------------------------------------------
# The declarations
# --------------------------------------------------------------------------

class TestSchema:
    def test_declares_bundled_columns(self):
        """The declared columns are exactly the bundled file's header."""
        assert SCHEMAS[NAME].names == COLUMNS
        assert bundled_lines()[0].split(",") == COLUMNS

    def test_read_only(self):
        """SCHEMAS cannot be changed by a notebook."""
        with pytest.raises(TypeError):
            SCHEMAS["x"] = SCHEMAS[NAME]

    def test_bad_kind(self):
        """A column kind that does not exist is refused."""
        with raises(ValueError, "kind of column 'spend' must be one of text, choice, int, "
                    "float, bool, date, got 'money'"):
            Column("spend", "money", "spend in a year")

    def test_choice_needs_values(self):
        """A choice column must say which values it allows."""
        with raises(ValueError, "column 'segment': allowed values go with kind 'choice' and "
                    "only with it, got kind 'choice' and allowed=()"):
            Column("segment", "choice", "customer group")


# --------------------------------------------------------------------------
# A non-editable install
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def wheel_site(tmp_path_factory):
    """A wheel of the kit built from this checkout and installed into a bare folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(tmp / "dist"), str(ROOT)],
                   check=True, capture_output=True, text=True)
    (wheel,) = (tmp / "dist").glob("ccexercise-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(tmp / "site"), str(wheel)],
                   check=True, capture_output=True, text=True)
    return tmp / "site"


class TestInstalledWheel:
    def test_wheel_holds_the_data(self, wheel_site):
        """The wheel carries the bundled CSV inside the package."""
        assert (wheel_site / "ccexercise" / "_data" / NAME / "customers.csv").read_bytes() \
            == BUNDLED.read_bytes()

    def test_load_from_wheel(self, wheel_site, tmp_path):
        """An installed (non-editable) kit loads its bundled data from any folder."""
        code = ("import ccexercise, ccexercise.datasets as d; "
                "print(ccexercise.__file__); print(d.data_dir()); "
                "print(len(d.load('01_lost_customer_cost')))")
        env = {key: value for key, value in os.environ.items()
               if key not in ("PYTHONPATH", datasets.ENV_VAR)}
        env["PYTHONPATH"] = str(wheel_site)
        done = subprocess.run([sys.executable, "-s", "-c", code], cwd=tmp_path, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        package_file, folder, rows = done.stdout.split("\n")[:3]
        assert Path(package_file).is_relative_to(wheel_site)
        assert Path(folder) == (wheel_site / "ccexercise" / "_data").resolve()
        assert int(rows) == ROWS
