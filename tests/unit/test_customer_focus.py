"""Tests for ccexercise.customer_focus and its live charts (module 00).

The sorter's verdicts come from the course texts (R's two levels, R and S on
"the customer is always right", E, S and B on internal customers); the
expected verdicts below are written out by hand from the data file, not
read back from the code under test.
"""

import io
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ccexercise as cc
from ccexercise.customer_focus import (
    PRINCIPLE_SCALE,
    PRINCIPLES,
    PrinciplesProfile,
    Statement,
    Verdict,
    principles_profile,
    sort_statement,
    sorter_statements,
)
from ccexercise.datasets import DataError
from ccexercise.views.customer_focus import principles_live_chart, sort_votes_live_chart

from svg_geometry import check_truthful


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


# Worked by hand from data/00_what_is_customer_focus/statements.csv.
EXPECTED = {"S01": Verdict.NOT, "S02": Verdict.NOT, "S03": Verdict.NOT, "S04": Verdict.NOT,
            "S05": Verdict.LEVEL_1, "S06": Verdict.LEVEL_1, "S07": Verdict.LEVEL_2,
            "S08": Verdict.LEVEL_2, "S09": Verdict.LEVEL_2, "S10": Verdict.NOT}


class TestVerdict:
    @pytest.mark.parametrize("text, verdict", [
        ("level 1", Verdict.LEVEL_1), ("Level 2", Verdict.LEVEL_2),
        ("Customer focus (level 1)", Verdict.LEVEL_1), ("customer focus (level 2)", Verdict.LEVEL_2),
        ("  not customer focus ", Verdict.NOT), ("NOT", Verdict.NOT),
        (Verdict.LEVEL_2, Verdict.LEVEL_2)])
    def test_forms_people_write(self, text, verdict):
        """The key, the poll's label, any case and outer spaces name the same verdict."""
        assert Verdict.from_text(text) is verdict

    def test_labels_match_the_run_sheet_options(self):
        """The labels are the options the room's phones show."""
        assert [v.label for v in Verdict] == ["Customer focus (level 1)",
                                              "Customer focus (level 2)", "Not customer focus"]

    def test_unknown_text(self):
        """Text that names no verdict lists the allowed ones."""
        with raises(ValueError, "verdict must be one of 'level 1', 'level 2', "
                                "'not customer focus' (or a Verdict), got 'level 3'"):
            Verdict.from_text("level 3")

    @pytest.mark.parametrize("value", [1, None, 2.0, True])
    def test_not_text(self, value):
        """A number or None is a TypeError naming what it got."""
        with raises(TypeError, "verdict must be text such as 'level 1' (or a Verdict), got "
                               f"{value!r} (a {type(value).__name__})"):
            Verdict.from_text(value)


class TestSorterStatements:
    def test_bundled_verdicts(self):
        """Every bundled statement has the verdict worked out by hand."""
        statements = sorter_statements()
        assert {s.id: s.verdict for s in statements} == EXPECTED

    def test_every_verdict_is_taught(self):
        """At least two statements of each kind, so the sorter is not a one-answer game."""
        counts = pd.Series([s.verdict for s in sorter_statements()]).value_counts()
        assert set(counts.index) == set(Verdict) and counts.min() >= 2

    def test_poll_names(self):
        """Each statement's room poll is named after it: S01 -> s01."""
        assert [s.poll_name for s in sorter_statements()][:2] == ["s01", "s02"]

    def test_trainers_own_table(self):
        """A trainer's own file, loaded with the validating loader, works the same."""
        own = io.StringIO("statement_id,statement,verdict,reason,source\n"
                          "X1,We greet everyone.,customer focus (level 1),Basic courtesy.,own\n")
        statements = sorter_statements(cc.datasets.load("00_what_is_customer_focus", path=own))
        assert statements == (Statement("X1", "We greet everyone.", Verdict.LEVEL_1,
                                        "Basic courtesy.", "own"),)

    def test_bad_rows_are_all_reported(self):
        """The loader names every bad row of a trainer's file, not just the first."""
        own = io.StringIO("statement_id,statement,verdict,reason,source\n"
                          "X1,A,level one,R,own\nX1,B,not customer focus,R,own\n")
        with pytest.raises(DataError) as error:
            cc.datasets.load("00_what_is_customer_focus", path=own)
        assert len(error.value.problems) == 2

    def test_not_a_table(self):
        """A file name instead of a table is a TypeError."""
        with raises(TypeError, "table must be a pandas DataFrame, got 'x.csv' (a str)"):
            sorter_statements("x.csv")


class TestSortStatement:
    @pytest.mark.parametrize("statement", sorter_statements(), ids=lambda s: s.id)
    def test_right_and_wrong(self, statement):
        """The right verdict says "Right."; each other says "Not quite" and names the answer."""
        right = sort_statement(statement, EXPECTED[statement.id])
        assert right.right and right.feedback.startswith("Right. It is ")
        assert statement.reason in right.feedback
        for other in set(Verdict) - {EXPECTED[statement.id]}:
            wrong = sort_statement(statement, other.key)
            assert not wrong.right
            assert wrong.feedback.startswith(f"Not quite: you chose {other.label}. It is "
                                             f"{EXPECTED[statement.id].label}.")

    def test_html_has_the_word(self):
        """In a notebook the verdict is a word, not only a colour."""
        result = sort_statement(sorter_statements()[0], "level 1")
        assert "Not quite" in result._repr_html_()

    def test_not_a_statement(self):
        """An id instead of a Statement is a TypeError."""
        with raises(TypeError, "statement must be a Statement (from cc.sorter_statements()), "
                               "got 'S01' (a str)"):
            sort_statement("S01", "level 1")

    def test_bad_answer(self):
        """A bad answer is the verdict's own error."""
        with raises(ValueError, "verdict must be one of 'level 1', 'level 2', "
                                "'not customer focus' (or a Verdict), got 'yes'"):
            sort_statement(sorter_statements()[0], "yes")


class TestPrinciplesProfile:
    def test_worked_example(self):
        """32 points over nine principles: average 32 / 9; the two 2s are the weakest."""
        profile = principles_profile([4, 4, 5, 2, 3, 4, 5, 3, 2])
        assert profile.average == pytest.approx(32 / 9)
        assert [p.key for p in profile.weakest] == ["open_leaders", "keeping"]
        assert [p.key for p in profile.strongest] == ["respect", "help"]
        assert profile.summary() == ("Average 3.6 of 5. Work first on: Open leaders, Keeping "
                                     "customers (2, a little).")

    def test_dict_by_key(self):
        """A dict by principle key gives the same profile as the list."""
        ratings = [1, 2, 3, 4, 5, 4, 3, 2, 1]
        by_key = {p.key: r for p, r in zip(PRINCIPLES, ratings)}
        assert principles_profile(by_key) == principles_profile(ratings)

    def test_all_equal(self):
        """When every rating is the same, the summary says so."""
        assert principles_profile([5] * 9).summary() == ("Every principle is rated 5 (fully): "
                                                         "average 5.0 of 5.")

    def test_table(self):
        """The table lists each principle with its rating and the scale's words."""
        table = principles_profile([1, 2, 3, 4, 5, 1, 2, 3, 4]).table()
        assert table["rating"].tolist() == [1, 2, 3, 4, 5, 1, 2, 3, 4]
        assert table["meaning"].iloc[4] == PRINCIPLE_SCALE[5] == "fully"

    @settings(max_examples=100, deadline=None)
    @given(st.lists(st.integers(1, 5), min_size=9, max_size=9))
    def test_properties(self, ratings):
        """The average lies between the weakest and strongest; every principle is rated."""
        profile = principles_profile(ratings)
        assert min(ratings) <= profile.average <= max(ratings)
        assert all(profile.ratings[p.key] == min(ratings) for p in profile.weakest)
        assert all(profile.ratings[p.key] == max(ratings) for p in profile.strongest)
        assert list(profile.ratings) == [p.key for p in PRINCIPLES]

    def test_too_few(self):
        with raises(ValueError, "ratings must hold 9 whole numbers, one per principle in "
                                "PRINCIPLES, got 8"):
            principles_profile([3] * 8)

    def test_out_of_range(self):
        with raises(ValueError, "ratings['needs'] must be a whole number from 1 to 5 "
                                "(1 = not at all, 5 = fully), got 0"):
            principles_profile([0] + [3] * 8)

    @pytest.mark.parametrize("bad, kind, message", [
        (3.5, ValueError, "ratings['respect'] must be a whole number, got 3.5"),
        ("4", TypeError, "ratings['respect'] must be a whole number, got '4' (a str)"),
        (True, TypeError, "ratings['respect'] must be a whole number, got True (a bool)"),
        (..., TypeError, "ratings['respect'] is still ... : replace the ... with a whole number"),
    ])
    def test_wrong_type(self, bad, kind, message):
        """Half points, text, True and a forgotten ... are each named with the principle."""
        with raises(kind, message):
            principles_profile([3, 3, bad] + [3] * 6)

    def test_whole_float_from_a_spreadsheet(self):
        """4.0 (what a spreadsheet gives) counts as 4."""
        assert principles_profile([4.0] * 9).ratings["needs"] == 4

    def test_not_a_list(self):
        with raises(TypeError, "ratings must be a list of 9 whole numbers from 1 to 5 (or a dict "
                               "by principle key), got '333333333' (a str)"):
            principles_profile("333333333")

    def test_unknown_and_missing_keys(self):
        with raises(ValueError, "ratings has unknown principle(s) ['speed']; the principles are "
                                "needs, expectations, respect, open_leaders, flexibility, "
                                "comfort, help, improving, keeping"):
            principles_profile({"speed": 3})
        with raises(ValueError, "ratings is missing the principle(s) keeping: rate every "
                                "principle from 1 to 5"):
            principles_profile({p.key: 3 for p in PRINCIPLES[:-1]})


class TestCharts:
    def test_profile_bars_sit_where_the_ratings_say(self):
        """Each bar ends at its rating; the average line at the average."""
        profile = principles_profile([1, 2, 3, 4, 5, 4, 3, 2, 1])
        chart = principles_live_chart(profile)
        assert list(chart.series[0].values) == [1, 2, 3, 4, 5, 4, 3, 2, 1]
        assert chart.categories == tuple(p.name for p in PRINCIPLES)
        check_truthful(chart)

    def test_votes_bars_and_answer(self):
        """The votes chart names each verdict in words and, revealed, the answer in its title."""
        chart = sort_votes_live_chart({Verdict.LEVEL_1: 3, Verdict.NOT: 12},
                                      answer="not customer focus")
        assert list(chart.series[0].values) == [3, 0, 12]
        assert chart.title.endswith("answer: Not customer focus")
        check_truthful(chart)

    def test_bad_inputs(self):
        with raises(TypeError, "profile must be a PrinciplesProfile (from cc.principles_profile), "
                               "got None (a NoneType)"):
            principles_live_chart(None)
        with raises(ValueError, "counts[Verdict.NOT] must be a whole number of votes, 0 or more, "
                                "got 2.5"):
            sort_votes_live_chart({Verdict.NOT: 2.5})
        assert isinstance(principles_profile([3] * 9), PrinciplesProfile)
