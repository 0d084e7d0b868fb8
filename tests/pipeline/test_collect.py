"""``ccexercise collect``: every file of an LMS download is placed, or listed with the reason.

The zip is built here, the way Moodle and e-mail batches look: Moodle file
and folder names, plain ``name-notebook`` names, browser ``(3)`` and Jupyter
``-Copy1`` suffixes, accents and aliases, macOS clutter, a readme, a
stranger, a notebook of no exercise, a broken notebook, and one learner who
sent the same notebook twice on different dates. No nbgrader runs here.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import nbformat
import pytest

from ccexercise import cli
from ccexercise.pipeline.collect import (Learner, RosterError, collect, load_roster,
                                         match_learner, read_collect_report)

REPO = Path(__file__).resolve().parents[2]
MODULE = "01_lost_customer_cost"
NOTEBOOK = "lost_customer_cost"

ROSTER = """learner_id,name,email,aliases
asilva,Ana Silva,ana.silva@example.org,
bli,Bo Li,bo.li@example.org,
cmuller,Chloé Müller,c.mueller@example.org,Chloe Mueller;Chloe M
jgoncalves,João Gonçalves,joao@example.org,
dnguyen,Duc Nguyen,duc.nguyen@example.org,
"""


def notebook(marker: str) -> bytes:
    """A small valid notebook whose only cell says ``marker`` (to tell copies apart)."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(marker)])
    return nbformat.writes(nb).encode()


OLD, NEW = (2024, 5, 1, 9, 0, 0), (2024, 5, 2, 18, 30, 0)
D = (2024, 5, 3, 12, 0, 0)
# (name in the zip, content, zip entry date)
ENTRIES = [
    ("Module 1/Ana Silva_1234_assignsubmission_file_/lost_customer_cost.ipynb", notebook("ana old"), OLD),
    ("Module 1/Ana Silva_1234_assignsubmission_file_lost_customer_cost.ipynb", notebook("ana new"), NEW),
    ("Module 1/Bo Li_2345_assignsubmission_file_/lost_customer_cost (3).ipynb", notebook("bo"), D),
    ("Module 1/chloe.mueller-lost_customer_cost.ipynb", notebook("chloe"), D),
    ("Module 1/Joao Goncalves/lost_customer_cost-Copy1.ipynb", notebook("joao"), D),
    ("Module 1/Zoe Unknown_9999_assignsubmission_file_lost_customer_cost.ipynb", notebook("zoe"), D),
    ("Module 1/Bo Li_2345_assignsubmission_file_/my_notes.ipynb", notebook("notes"), D),
    ("Module 1/Bo Li_2345_assignsubmission_file_/readme.txt", b"I did my best", D),
    ("Module 1/jgoncalves-lost_customer_cost.ipynb.ipynb", b"{not json", D),
    ("Module 1/.DS_Store", b"\0\0\0\1Bud1", D),
    ("__MACOSX/Module 1/._chloe.mueller-lost_customer_cost.ipynb", b"\0\5\26\7", D),
]


def make_zip(path: Path, entries=ENTRIES) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data, when in entries:
            archive.writestr(zipfile.ZipInfo(name, date_time=when), data)
    return path


def make_collect_course(root: Path) -> Path:
    """A course with module 01 and a second module whose notebook is 'survey'."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", root)
    shutil.copytree(REPO / "solutions" / MODULE, root / "solutions" / MODULE)
    (root / "solutions" / "02_listening").mkdir(parents=True)
    (root / "solutions" / "02_listening" / "survey.ipynb").write_bytes(notebook("survey"))
    return root


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """The batch zip collected once with the roster: (course root, result, rows by file)."""
    base = tmp_path_factory.mktemp("collect")
    root = make_collect_course(base / "course")
    (base / "roster.csv").write_text(ROSTER, encoding="utf-8")
    batch = make_zip(base / "batch.zip")
    result = collect(root, batch, roster=load_roster(base / "roster.csv"))
    return root, result, {r.file: r for r in result.rows}


def placed_marker(root: Path, learner: str) -> str:
    nb = nbformat.read(root / "submitted" / learner / MODULE / f"{NOTEBOOK}.ipynb", as_version=4)
    return nb.cells[0].source


def test_each_naming_style_is_placed_under_the_roster_learner(collected):
    root, _, _ = collected
    assert sorted(p.name for p in (root / "submitted").iterdir()) == [
        "asilva", "bli", "cmuller", "jgoncalves"]
    assert placed_marker(root, "bli") == "bo"
    assert placed_marker(root, "cmuller") == "chloe"          # alias, accents folded
    assert placed_marker(root, "jgoncalves") == "joao"        # folder name, no accents in it
    for learner in ("asilva", "bli", "cmuller", "jgoncalves"):
        assert [p.name for p in (root / "submitted" / learner / MODULE).iterdir()] == [
            f"{NOTEBOOK}.ipynb"]


def test_every_file_of_the_zip_has_exactly_one_report_row(collected):
    root, result, rows = collected
    names = [f"batch.zip:{name}" for name, _, _ in ENTRIES]
    assert sorted(rows) == sorted(names)
    on_disk = read_collect_report(root)
    assert [r.as_dict() for r in on_disk] == [r.as_dict() for r in result.rows]
    for row in result.rows:
        assert row.action, row
        assert row.action.startswith(("placed at ", "set aside at ", "ignored")), row


def test_duplicate_keeps_the_newest_and_sets_the_older_aside(collected):
    root, _, rows = collected
    assert placed_marker(root, "asilva") == "ana new"
    old = rows[f"batch.zip:{ENTRIES[0][0]}"]
    new = rows[f"batch.zip:{ENTRIES[1][0]}"]
    assert old.problem == "duplicate" and new.problem == ""
    assert "2024-05-02 18:30:00" in old.detail and "2024-05-01 09:00:00" in old.detail
    assert ENTRIES[1][0] in old.detail  # says which one was kept
    assert "older ones set aside" in new.detail
    kept_aside = root / old.action.removeprefix("set aside at ")
    assert nbformat.reads(kept_aside.read_text(), as_version=4).cells[0].source == "ana old"
    placed = root / "submitted" / "asilva" / MODULE / f"{NOTEBOOK}.ipynb"
    assert datetime.fromtimestamp(placed.stat().st_mtime) == datetime(*NEW)


def test_unknown_learner_is_set_aside_with_the_name_found(collected):
    root, _, rows = collected
    row = rows[f"batch.zip:{ENTRIES[5][0]}"]
    assert row.problem == "unknown learner"
    assert "'zoe unknown'" in row.detail and "roster" in row.detail
    assert row.module == MODULE
    assert (root / row.action.removeprefix("set aside at ")).read_bytes() == ENTRIES[5][1]


def test_notebook_of_no_exercise_and_broken_notebook_are_set_aside(collected):
    root, _, rows = collected
    notes = rows[f"batch.zip:{ENTRIES[6][0]}"]
    assert notes.problem == "unknown module" and "lost_customer_cost.ipynb" in notes.detail
    assert notes.learner_id == "bli"
    broken = rows[f"batch.zip:{ENTRIES[8][0]}"]
    assert broken.problem == "unreadable notebook" and "JSON" in broken.detail
    for row in (notes, broken):
        assert (root / row.action.removeprefix("set aside at ")).is_file()


def test_stray_files_are_listed_as_ignored_with_the_reason(collected):
    root, _, rows = collected
    readme = rows[f"batch.zip:{ENTRIES[7][0]}"]
    assert readme.problem == "not a notebook" and ".txt" in readme.detail
    assert (root / readme.action.split("copy kept at ")[1]).read_bytes() == b"I did my best"
    ds_store = rows[f"batch.zip:{ENTRIES[9][0]}"]
    macosx = rows[f"batch.zip:{ENTRIES[10][0]}"]
    assert ds_store.problem == macosx.problem == "not a notebook"
    assert "Finder" in ds_store.detail and "__MACOSX" in macosx.detail
    assert ds_store.action == macosx.action == "ignored (not copied)"


def test_the_command_prints_the_problems_as_a_table(tmp_path, monkeypatch, capsys):
    root = make_collect_course(tmp_path / "course")
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    batch = make_zip(tmp_path / "batch.zip")
    monkeypatch.chdir(root)
    assert cli.main(["collect", str(batch), "--roster", str(tmp_path / "roster.csv")]) == 0
    out = capsys.readouterr().out
    assert "Placed 4 notebook(s) of 4 learner(s)" in out
    header = next(line for line in out.splitlines() if line.startswith("file "))
    assert header.split() == ["file", "problem", "detail", "action"]
    for problem in ("duplicate", "unknown learner", "unknown module", "unreadable notebook",
                    "not a notebook"):
        assert problem in out
    assert ".ccexercise/collect-report.csv" in out
    with (root / ".ccexercise" / "collect-report.csv").open() as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["file", "problem", "detail", "action", "learner_id", "module"]
        assert len(list(reader)) == len(ENTRIES)


def test_without_roster_the_learner_id_comes_from_the_name(tmp_path):
    root = make_collect_course(tmp_path / "course")
    batch = make_zip(tmp_path / "b.zip", [
        ("Ana Silva_1234_assignsubmission_file_lost_customer_cost.ipynb", notebook("a"), D),
        ("ana.silva-lost_customer_cost (2).ipynb", notebook("a2"), NEW),
        ("Bo Li/lost_customer_cost.ipynb", notebook("b"), D),
        ("lost_customer_cost.ipynb", notebook("?"), D),
    ])
    result = collect(root, batch)
    assert sorted(p.name for p in (root / "submitted").iterdir()) == ["ana_silva", "bo_li"]
    assert placed_marker(root, "ana_silva") == "a"  # the newer of two spellings of one name
    problems = {r.file.split(":")[1]: r.problem for r in result.problems}
    assert problems == {"ana.silva-lost_customer_cost (2).ipynb": "duplicate",
                        "lost_customer_cost.ipynb": "unknown learner"}


def test_a_folder_works_like_a_zip_and_file_dates_pick_the_newest(tmp_path):
    root = make_collect_course(tmp_path / "course")
    inbox = tmp_path / "inbox"
    for folder, marker, when in (("Ana Silva", "old", OLD), ("ana.silva", "new", NEW)):
        path = inbox / folder / f"{NOTEBOOK}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_bytes(notebook(marker))
        stamp = datetime(*when).timestamp()
        os.utime(path, (stamp, stamp))
    (inbox / "Thumbs.db").write_bytes(b"x")
    result = collect(root, inbox, roster=[Learner("asilva", "Ana Silva", "ana.silva@example.org")])
    assert placed_marker(root, "asilva") == "new"
    assert {r.file: r.problem for r in result.rows} == {
        "inbox/Ana Silva/lost_customer_cost.ipynb": "duplicate",
        "inbox/ana.silva/lost_customer_cost.ipynb": "",
        "inbox/Thumbs.db": "not a notebook"}


def test_collecting_again_keeps_identical_files_and_replaces_older_ones(tmp_path):
    root = make_collect_course(tmp_path / "course")
    roster = [Learner("asilva", "Ana Silva")]
    first = make_zip(tmp_path / "first.zip", [("Ana Silva/lost_customer_cost.ipynb", notebook("v1"), OLD)])
    collect(root, first, roster=roster)
    again = collect(root, first, roster=roster)
    assert again.rows[0].action.startswith("already collected")
    late = make_zip(tmp_path / "late.zip", [("Ana Silva/lost_customer_cost.ipynb", notebook("v2"), NEW)])
    result = collect(root, late, roster=roster)
    assert placed_marker(root, "asilva") == "v2"
    replaced = [r for r in result.rows if r.problem == "duplicate"]
    assert len(replaced) == 1 and replaced[0].file == f"submitted/asilva/{MODULE}/{NOTEBOOK}.ipynb"
    moved = root / replaced[0].action.removeprefix("set aside at ")
    assert nbformat.reads(moved.read_text(), as_version=4).cells[0].source == "v1"
    # an older copy arriving later does not replace the newer one
    stale = collect(root, first, roster=roster)
    assert stale.rows[0].problem == "duplicate" and placed_marker(root, "asilva") == "v2"


def test_module_option_and_folders_settle_the_module(tmp_path):
    root = make_collect_course(tmp_path / "course")
    batch = make_zip(tmp_path / "b.zip", [
        ("ana/02_listening/survey.ipynb", notebook("s"), D),
        ("ana/lost_customer_cost.ipynb", notebook("l"), D),
    ])
    result = collect(root, batch, module="02_listening")
    assert (root / "submitted" / "ana" / "02_listening" / "survey.ipynb").is_file()
    other = [r for r in result.rows if r.problem]
    assert [(r.problem, r.file) for r in other] == [("other module", "b.zip:ana/lost_customer_cost.ipynb")]
    assert "--module 02_listening" in other[0].detail
    with pytest.raises(ValueError, match="unknown module 'nope'; the modules are: 01_lost"):
        collect(root, batch, module="nope")


def test_nested_zip_per_learner(tmp_path):
    root = make_collect_course(tmp_path / "course")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr(zipfile.ZipInfo(f"{NOTEBOOK}.ipynb", date_time=D), notebook("inner"))
    batch = make_zip(tmp_path / "b.zip", [("Bo Li.zip", inner.getvalue(), D)])
    result = collect(root, batch, roster=[Learner("bli", "Bo Li")])
    assert placed_marker(root, "bli") == "inner"
    assert result.rows[0].file == f"b.zip:Bo Li.zip:{NOTEBOOK}.ipynb"


def test_same_name_twice_in_the_roster_is_ambiguous(tmp_path):
    root = make_collect_course(tmp_path / "course")
    batch = make_zip(tmp_path / "b.zip", [("Ana Silva/lost_customer_cost.ipynb", notebook("a"), D)])
    result = collect(root, batch, roster=[Learner("asilva", "Ana Silva"),
                                          Learner("asilva2", "Ana Silva")])
    assert result.rows[0].problem == "ambiguous learner"
    assert "asilva, asilva2" in result.rows[0].detail
    assert not (root / "submitted").exists()


def test_roster_matching_ignores_case_accents_punctuation_and_order():
    from ccexercise.pipeline.roster import roster_index

    index = roster_index([Learner("jgoncalves", "João Gonçalves", "jg@example.org"),
                           Learner("12345", "Li Bo")])
    assert match_learner("JOAO_GONCALVES", index)[0] == {"jgoncalves"}
    assert match_learner("goncalvesjoao_1_2_x", index)[0] == {"jgoncalves"}   # Canvas order
    assert match_learner("jg", index)[0] == {"jgoncalves"}                    # e-mail name
    assert match_learner("12345", index)[0] == {"12345"}
    assert match_learner("someone else", index)[0] == set()


@pytest.mark.parametrize("text,message", [
    ("name,email\nAna,a@x.org\n", "there is no learner_id column"),
    ("learner_id;name\nana;Ana\n", "seems to use ';'"),
    ("learner_id,name\n,Ana\nbo,Bo\nbo,Bob\n", "roster.csv:\n"
                                                "  line 2, field 'learner_id': is empty\n"
                                                "  line 4, field 'learner_id': 'bo' repeats row 3"),
    ("learner_id,email\nana,not-an-address\n", "line 2, field 'email': 'not-an-address' is not"),
    (b"learner_id,name\nana,Jo\xe3o\n", "is not UTF-8 text \\(byte 22\\); save it from the "
                                        "spreadsheet as 'CSV UTF-8'"),
    ("learner_id\nana silva\n", "may only hold letters"),
])
def test_roster_problems_name_row_column_and_reason(tmp_path, text, message):
    path = tmp_path / "roster.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(RosterError, match=message if isinstance(text, bytes)
                       else message.replace("(", r"\(")):
        load_roster(path)


def test_roster_reads_excel_csv_with_bom_extra_columns_and_aliases(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes("\ufeffLearner_ID,Name,Email,Aliases,Group\nana,Ana Silva,a@x.org,Ani; A. Silva,G1\n"
                     ",,,,\n".encode())
    assert load_roster(path) == [Learner("ana", "Ana Silva", "a@x.org", ("Ani", "A. Silva"))]


def test_bad_input_paths_say_what_is_allowed(tmp_path):
    root = make_collect_course(tmp_path / "course")
    with pytest.raises(FileNotFoundError, match="no folder or .zip file at"):
        collect(root, tmp_path / "missing")
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ValueError, match="neither a folder nor a .zip file"):
        collect(root, tmp_path / "notes.txt")
