"""The bundled SOCO self-assessment (07_soco_self_assessment): generator, story, loader."""

import importlib.util
from pathlib import Path

import pytest

import ccexercise as cc
from ccexercise import datasets
from ccexercise.datasets import DataError, load

ROOT = Path(__file__).resolve().parents[2]
NAME = "07_soco_self_assessment"
BUNDLED = ROOT / "data" / NAME / "answers.csv"
GENERATOR = ROOT / "data" / NAME / "generate.py"


@pytest.fixture(autouse=True)
def _no_data_override(monkeypatch):
    monkeypatch.delenv(datasets.ENV_VAR, raising=False)


def test_generator_writes_the_committed_bytes(tmp_path):
    spec = importlib.util.spec_from_file_location("generate_soco", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(tmp_path / "a.csv").read_bytes() == BUNDLED.read_bytes()


def test_columns_and_rows():
    data = load(NAME)
    assert list(data.columns) == datasets.SCHEMAS[NAME].names
    assert list(data.columns[2:]) == list(cc.SOCO_CODES)
    assert data["round"].value_counts().to_dict() == {"before": 12, "after": 12}


def test_story():
    """The weakest theme is pressure in both rounds; the rise is within the noise."""
    data = load(NAME)
    before = cc.soco_team(data[data["round"] == "before"])
    after = cc.soco_team(data[data["round"] == "after"])
    assert before.weakest_theme == after.weakest_theme == "informing, not pushing"
    assert before.themes.sort_values().index[1] == "the right amount"
    change = cc.soco_difference(after, before)
    assert change.difference > 5 and not change.distinguishable


def test_every_bad_row_is_reported(tmp_path):
    lines = BUNDLED.read_text().splitlines()
    lines[1] = lines[1].replace(",before,3,", ",before,12,", 1)
    lines[3] = lines[3].replace(",before,", ",during,", 1)
    own = tmp_path / "own.csv"
    own.write_text("\n".join(lines) + "\n")
    result = load(NAME, path=own, errors="report")
    assert len(result.data) == 22
    assert set(result.problems["column"]) == {"c01", "round"}
    with pytest.raises(DataError):
        load(NAME, path=own)
