"""Tests for ccexercise._files: reading a trainer's file, and one shape for every problem."""

import io
import re
from pathlib import Path

import pytest

from ccexercise._files import CSV_HINT, FileProblem, TrainerFileError, problem_lines, read_text
from ccexercise.cards import CardError
from ccexercise.datasets import DataError
from ccexercise.hub.roster import HubRosterError
from ccexercise.pipeline.roster import RosterError
from ccexercise.workshop.run_sheets import RunSheetError


def raises(kind, message):
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


class TestReadText:
    def test_path_string_and_bom(self, tmp_path):
        """A path or its name gives its text; Excel's byte-order mark is dropped."""
        path = tmp_path / "a.csv"
        path.write_bytes("\ufeffid,name\nC1,Zoë\n".encode("utf-8"))
        assert read_text(path) == (str(path), "id,name\nC1,Zoë\n")
        assert read_text(str(path))[1] == "id,name\nC1,Zoë\n"

    def test_open_files_and_bytes(self):
        """An open text or binary file, or bytes, is read too; ``name`` names it in messages."""
        assert read_text(io.StringIO("\ufeffx\n")) == ("the given file", "x\n")
        assert read_text(io.BytesIO(b"x\n"), name="upload.csv") == ("upload.csv", "x\n")
        assert read_text(b"\xef\xbb\xbfx\n") == ("the given file", "x\n")

    def test_not_utf8(self, tmp_path):
        """A file in another encoding is one whole-file problem with the byte and the hint."""
        path = tmp_path / "latin.csv"
        path.write_bytes("name\nJoão\n".encode("latin-1"))
        with raises(TrainerFileError, f"1 problem in the file {path}:\n  the whole file: is not "
                                      f"UTF-8 text (byte 7); {CSV_HINT}") as caught:
            read_text(path)
        assert caught.value.problems == (FileProblem(str(path), None, "", "is not UTF-8 text "
                                                     f"(byte 7); {CSV_HINT}"),)

    def test_own_error_and_hint(self):
        """Each loader gets its own error class and can give its own hint."""
        with raises(RunSheetError, "1 problem in the given file:\n  the whole file: is not UTF-8 "
                                   "text (byte 0); save it as UTF-8 text"):
            read_text(b"\xff", error=RunSheetError, hint="save it as UTF-8 text")

    def test_missing_file(self, tmp_path, monkeypatch):
        """A missing file says where relative paths start."""
        monkeypatch.chdir(tmp_path)
        with raises(FileNotFoundError, f"deck file 'nope.csv' does not exist (relative paths "
                                       f"start at {Path.cwd()})"):
            read_text("nope.csv", what="deck file")

    def test_folder(self, tmp_path):
        """A folder is not a file."""
        with raises(IsADirectoryError, f"roster {str(tmp_path)!r} is a folder; give the file "
                                       "inside it"):
            read_text(tmp_path, what="roster")

    def test_wrong_type(self):
        """Anything else is a TypeError naming what was given."""
        with raises(TypeError, "path must be a file name, a path or an open file, got 3 (a int)"):
            read_text(3, what="path")


class TestProblems:
    def test_one_shape_for_every_loader(self):
        """Every loader's error is a TrainerFileError (so a ValueError) with one header."""
        for error, what in ((DataError, "data file"), (CardError, "deck"),
                            (RunSheetError, "run sheet"), (RosterError, "roster"),
                            (HubRosterError, "roster")):
            caught = error([FileProblem("f.csv", 2, "x", "is empty")])
            assert isinstance(caught, TrainerFileError) and isinstance(caught, ValueError)
            assert str(caught).startswith(f"1 problem in the {what} f.csv:\n  line 2, field 'x'")

    def test_several_files_name_each(self):
        """With problems in two files, each line names its file."""
        text = problem_lines([FileProblem("a.md", 2, "", "x"), FileProblem("b.md", None, "", "y")],
                             what="run sheet")
        assert text == "2 problems in the run sheets:\n  a.md, line 2: x\n  b.md: y"

    def test_limit_says_how_many_more(self):
        """Only the first ``limit`` are shown; the message says how many more there are."""
        problems = [FileProblem("a.csv", n, "", "bad") for n in range(2, 9)]
        error = TrainerFileError(problems, limit=2)
        assert str(error) == ("7 problems in the file a.csv:\n  line 2: bad\n  line 3: bad\n"
                              "  ... and 5 more (see .problems)")
        assert len(error.problems) == 7
