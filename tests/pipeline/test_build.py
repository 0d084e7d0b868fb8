"""``ccexercise build``: exercises/ is what nbgrader makes from solutions/, and --check says so.

The nbgrader runs happen in a copy of the course (config, solutions,
exercises); the comparison rules are also tested on plain folders.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from ccexercise import cli
from ccexercise.pipeline.build import compare_trees
from ccexercise.pipeline.course import resolve_db_url, select_modules

pytestmark = pytest.mark.grading

REPO = Path(__file__).resolve().parents[2]
MODULE, NOTEBOOK = "01_lost_customer_cost", "lost_customer_cost"


def copy_course(root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy(REPO / "nbgrader_config.py", root)
    for folder in ("solutions", "exercises"):
        shutil.copytree(REPO / folder, root / folder,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return root


def run(root: Path, monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(root)
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_fresh_copy_of_the_course_is_up_to_date_and_check_changes_nothing(
        tmp_path, monkeypatch, capsys):
    root = copy_course(tmp_path / "course")
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    code, out = run(root, monkeypatch, capsys, "build", "--check")
    assert code == 0, out
    assert f"{MODULE}: up to date" in out
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == before  # not even a gradebook


def test_edited_solution_makes_check_fail_naming_the_module_and_build_fixes_it(
        tmp_path, monkeypatch, capsys):
    root = copy_course(tmp_path / "course")
    path = root / "solutions" / MODULE / f"{NOTEBOOK}.ipynb"
    nb = nbformat.read(path, as_version=4)
    intro = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "intro")
    intro.source += "\n\nA sentence added after the exercises were built."
    nbformat.write(nb, path)

    code, out = run(root, monkeypatch, capsys, "build", "--check")
    assert code == 1, out
    assert f"{MODULE}: STALE" in out
    assert f"exercises/{MODULE}/{NOTEBOOK}.ipynb differs from what nbgrader makes" in out
    assert f"Run `ccexercise build {MODULE}`" in out

    code, out = run(root, monkeypatch, capsys, "build", MODULE)
    assert code == 0, out
    assert f"built exercises/{MODULE}" in out
    built = json.loads((root / "exercises" / MODULE / f"{NOTEBOOK}.ipynb").read_text())
    assert any("A sentence added" in "".join(c["source"]) for c in built["cells"])

    code, out = run(root, monkeypatch, capsys, "build", "--check", MODULE)
    assert code == 0, out


def test_unknown_module_is_an_error_that_lists_the_modules(tmp_path, monkeypatch, capsys):
    root = copy_course(tmp_path / "course")
    code, out = run(root, monkeypatch, capsys, "build", "--check", "02_nope")
    assert code == 2
    assert ("unknown module '02_nope'; the modules are: 00_what_is_customer_focus, "
            "01_lost_customer_cost") in out


def test_select_modules_accepts_folder_paths_and_defaults_to_all():
    assert select_modules(REPO, None) == select_modules(REPO, []) != []
    assert select_modules(REPO, [f"solutions/{MODULE}/", MODULE]) == [MODULE]


def test_compare_trees_names_each_difference(tmp_path):
    fresh, committed = tmp_path / "fresh", tmp_path / "committed"
    for folder in (fresh, committed):
        (folder / "data").mkdir(parents=True)
        (folder / "same.txt").write_text("x")
    (fresh / "nb.ipynb").write_text(json.dumps({"cells": [], "metadata": {"a": 1}}))
    # same JSON, other formatting: equal
    (committed / "nb.ipynb").write_text(json.dumps({"metadata": {"a": 1}, "cells": []}, indent=4))
    assert compare_trees(fresh, committed) == []
    (fresh / "data" / "new.csv").write_text("1")
    (committed / "old.txt").write_text("1")
    (committed / "same.txt").write_text("y")
    (committed / ".ipynb_checkpoints").mkdir()
    (committed / ".ipynb_checkpoints" / "nb-checkpoint.ipynb").write_text("{}")
    assert compare_trees(fresh, committed) == [
        "data/new.csv is missing",
        "old.txt should not be there (nothing in solutions/ makes it)",
        "same.txt differs from what nbgrader makes"]


def test_db_url_relative_sqlite_is_taken_from_the_course_folder(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text(
        'c = get_config()\nc.CourseDirectory.db_url = "sqlite:///grades/gb.db"\n')
    assert resolve_db_url(tmp_path) == f"sqlite:///{tmp_path.resolve() / 'grades' / 'gb.db'}"
    assert resolve_db_url(tmp_path, "sqlite:////abs/gb.db") == "sqlite:////abs/gb.db"
    with pytest.raises(ValueError, match="must be a database URL"):
        resolve_db_url(tmp_path, "gradebook.db")


def test_plain_postgresql_url_uses_the_installed_driver(tmp_path, monkeypatch):
    import ccexercise.pipeline.course as course

    monkeypatch.setattr(course, "_missing", lambda name: name == "psycopg")
    assert resolve_db_url(tmp_path, "postgresql://u@h:5432/gb") == "postgresql+psycopg2://u@h:5432/gb"
    assert resolve_db_url(tmp_path, "postgres://u@h/gb") == "postgresql+psycopg2://u@h/gb"
    monkeypatch.setattr(course, "_missing", lambda name: False)
    assert resolve_db_url(tmp_path, "postgresql://u@h:5432/gb") == "postgresql://u@h:5432/gb"
