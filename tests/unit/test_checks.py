"""Learner self-checks: right answers pass, wrong ones get a hint, the answer is never shown."""

import re
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

import ccexercise as cc
from ccexercise import checks

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "grading"))
from notebooks import REPO, answers  # noqa: E402

#: Answers picked from a list the question itself shows (module 03's level names).
CHOICES_GIVEN = {"Low", "Standard", "WOW"}

_CHECK_CALL = re.compile(r'cc\.check\("([^"]+)",\s*(.+)\)\s*$')


def _model_checks():
    """(check key, value the model answer gives) for every check cell in solutions/."""
    cases = []
    for path in sorted((REPO / "solutions").glob("*/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        namespace: dict = {}
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        model = answers(nb)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if gid.startswith("test_"):
                continue
            source = model.get(gid, cell.source)
            match = _CHECK_CALL.match(source.strip())
            if match:
                cases.append((path.parent.name, match.group(1), eval(match.group(2), namespace)))
                continue
            exec(compile(source, str(path), "exec"), namespace)
        assert code
    return cases


class TestCheck:
    @pytest.mark.parametrize("module,key,value", _model_checks())
    def test_every_model_answer_passes_its_check(self, module, key, value):
        """The model answer of each task with a self-check is accepted."""
        assert cc.check(key, value).passed

    def test_every_solution_notebook_check_key_is_registered(self):
        """Every check key used in a solution notebook exists in the registry."""
        used = {key for _, key, _ in _model_checks()}
        assert used <= set(checks.keys())

    def test_wrong_answer_fails_with_the_general_hint(self):
        """A wrong answer that is not a known mistake gets the general hint."""
        result = cc.check("01.lost_revenue_5_years", 12345)
        assert not result.passed
        assert result.message == "Not yet. Add up the five yearly amounts: year 1, year 2, ... year 5."

    def test_known_mistake_gets_its_own_hint(self):
        """Typing 20 for a 20% margin is recognised and explained."""
        result = cc.check("01.margin", 20.0)
        assert result.message == ("Not yet. That is the percentage. Divide by 100 to get a share "
                                  "between 0 and 1.")

    def test_ellipsis_asks_for_an_answer(self):
        """An untouched ... is met with an instruction, not an error."""
        assert cc.check("01.margin", ...).message.startswith("Not yet. Replace the ...")

    def test_wrong_type_is_named(self):
        """Text where a number is wanted is explained in plain words."""
        assert "text in quotes" in cc.check("01.spend_in_year_5", "18000").message

    def test_numpy_scalar_of_the_right_kind_passes(self):
        """A NumPy integer from pandas counts as a whole number."""
        assert cc.check("01.people_who_hear", np.int64(48)).passed

    def test_whole_number_accepted_where_decimals_are_allowed(self):
        """An int is fine where a float is expected (the check is about the amount)."""
        assert cc.check("01.tomas_revenue", 116025).passed

    def test_unknown_key_is_a_clear_error(self):
        """A mistyped key names the bad key and gives an example of a good one."""
        with pytest.raises(ValueError, match=re.escape(
                "key must name a known check such as '01.spend_in_year_5', got '01.nope'")):
            cc.check("01.nope", 1)

    @pytest.mark.parametrize("key", checks.keys())
    def test_no_message_or_source_reveals_the_answer(self, key):
        """Neither the registry nor any message holds the plain right answer."""
        files = sorted(Path(checks.__file__).parent.glob("answers_*.py"))
        assert len(files) > 1, "the fingerprints live in ccexercise/checks/answers_*.py"
        source = "\n".join(f.read_text() for f in files)
        for _, k, value in _model_checks():
            if k == key:
                for wrong in (0, -1, 1.5, "x"):
                    # The type's example ("a whole number (like 42)") is no answer.
                    message = re.sub(r"\(like [^)]*\)", "", cc.check(key, wrong).message)
                    assert str(value) not in message
                # Short ones like 0.2 are given in the question, and so are the three
                # service-level names a learner chooses from (other hints name them too).
                if len(str(value)) >= 4 and str(value) not in CHOICES_GIVEN:
                    assert str(value) not in source
                    if isinstance(value, (int, float)):
                        assert f"{value:,}" not in source


class TestFingerprint:
    def test_text_ignores_case_and_outer_spaces(self):
        """' Price ' and 'price' have the same fingerprint."""
        assert checks.fingerprint("k", " Price ") == checks.fingerprint("k", "price")

    def test_key_and_type_matter(self):
        """The same value under another key, or of another type, differs."""
        assert checks.fingerprint("a", 1) != checks.fingerprint("b", 1)
        assert checks.fingerprint("a", 1) != checks.fingerprint("a", 1.0)
