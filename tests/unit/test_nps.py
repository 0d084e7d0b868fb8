"""Tests for ccexercise.nps.

Expected values are worked by hand in the tests (share of promoters minus
share of detractors; SE = sqrt((p + d - (p - d)^2) / n); z = 1.959964 for
95 %), never copied from the code's output.
"""

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccexercise.nps import (
    NpsCounts,
    NpsDifference,
    classify,
    nps,
    nps_by,
    nps_by_period,
    nps_counts,
    nps_difference,
    nps_from_counts,
    nps_interval,
    nps_interval_from_counts,
    nps_sample_size,
    nps_what_if,
    scores_from_text,
)

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
Z95 = 1.959963984540054  # the 97.5 % point of the standard normal distribution
scores_0_10 = st.lists(st.integers(0, 10), min_size=1, max_size=300)


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def survey(promoters, passives, detractors):
    """Scores with the given group sizes (10 for promoters, 8 for passives, 3 for detractors)."""
    return [10] * promoters + [8] * passives + [3] * detractors


# --------------------------------------------------------------------------
# Hand-worked values
# --------------------------------------------------------------------------

class TestHandWorked:
    def test_issue_example_nps_and_standard_error(self):
        """n=200, 100 promoters, 40 detractors: NPS +30 and SE about 5.5 points."""
        # p = 0.5, d = 0.2: variance 0.5 + 0.2 - 0.3^2 = 0.61; SE = sqrt(0.61 / 200) = 0.0552
        counts = NpsCounts(100, 60, 40)
        assert counts.nps == 30.0
        assert counts.standard_error == pytest.approx(100 * math.sqrt(0.61 / 200))
        assert round(counts.standard_error, 1) == 5.5
        assert nps(survey(100, 60, 40)) == 30.0

    def test_wald_interval_by_hand(self):
        """30 ± 1.96 × 5.523 = 19.2 to 40.8."""
        half = Z95 * 100 * math.sqrt(0.61 / 200)  # 10.82
        assert nps_interval(survey(100, 60, 40)) == (round(30 - half, 1), round(30 + half, 1))
        assert nps_interval(survey(100, 60, 40)) == (19.2, 40.8)

    def test_adjusted_wald_by_hand(self):
        """Adjusted Wald: p = 100.75/203, d = 40.75/203, n = 203."""
        p, d, n = 100.75 / 203, 40.75 / 203, 203
        centre, se = p - d, math.sqrt((p + d - (p - d) ** 2) / n)
        expected = (round(100 * (centre - Z95 * se), 1), round(100 * (centre + Z95 * se), 1))
        assert expected == (18.8, 40.3)
        assert nps_interval_from_counts(100, 60, 40, method="adjusted_wald") == expected

    def test_90_percent_level_is_narrower(self):
        """At 90 % the multiplier is 1.645 instead of 1.96."""
        half = 1.6448536269514722 * 100 * math.sqrt(0.61 / 200)
        assert nps_interval_from_counts(100, 60, 40, level=0.9) == (round(30 - half, 1),
                                                                    round(30 + half, 1))

    def test_all_promoters_wald_collapses_adjusted_does_not(self):
        """Three 10s: Wald says 100 to 100 (SE 0); adjusted Wald gives a real range."""
        assert nps_interval([10, 10, 10]) == (100.0, 100.0)
        p, d = 3.75 / 6, 0.75 / 6
        low = 100 * ((p - d) - Z95 * math.sqrt((p + d - (p - d) ** 2) / 6))
        assert nps_interval([10, 10, 10], method="adjusted_wald") == (round(low, 1), 100.0)

    def test_difference_by_hand(self):
        """Two branches of 200: SEs add as squares."""
        se = math.sqrt(0.61 / 200 + (0.45 + 0.25 - 0.2 ** 2) / 200)
        d = nps_difference(NpsCounts(100, 60, 40), NpsCounts(90, 60, 50))
        assert isinstance(d, NpsDifference)
        assert (d.first, d.second, d.difference) == (30.0, 20.0, 10.0)
        assert (d.low, d.high) == (round(10 - 100 * Z95 * se, 1), round(10 + 100 * Z95 * se, 1))
        assert d.distinguishable is False
        assert "not distinguishable" in d.summary()

    def test_big_difference_is_distinguishable(self):
        """+30 against -30 on 200 answers each is far more than noise."""
        d = nps_difference(survey(100, 60, 40), survey(40, 60, 100))
        assert d.difference == 60.0 and d.distinguishable and d.low > 0
        assert "more than chance" in d.summary()

    def test_sample_size_by_hand(self):
        """Worst case ±5 points: 1.96² × 1 / 0.05² = 1536.6 -> 1537; with p=.5, d=.2: 938."""
        assert nps_sample_size(5) == math.ceil(Z95 ** 2 / 0.05 ** 2) == 1537
        assert nps_sample_size(5, expected_promoters=0.5, expected_detractors=0.2) == \
            math.ceil(Z95 ** 2 * 0.61 / 0.05 ** 2) == 938
        assert nps_sample_size(10) == math.ceil(Z95 ** 2 / 0.1 ** 2) == 385

    def test_sample_size_gives_the_margin_it_promises(self):
        """An interval from the suggested n (at the expected shares) is at most ± margin."""
        n = nps_sample_size(5, expected_promoters=0.5, expected_detractors=0.2)
        low, high = nps_interval_from_counts(n // 2, n - n // 2 - n // 5, n // 5)
        assert (high - low) / 2 <= 5.05

    def test_groups_and_shares(self):
        """Counts, n and shares of a small list."""
        c = nps_counts([0, 6, 7, 8, 9, 10, 10])
        assert (c.promoters, c.passives, c.detractors, c.n) == (3, 2, 2, 7)
        assert c.shares == {"promoters": 3 / 7, "passives": 2 / 7, "detractors": 2 / 7}
        assert c.nps == round(100 * 1 / 7, 1)

    def test_nps_from_counts(self):
        """50 promoters, 30 passives, 20 detractors: 50 % - 20 % = +30."""
        assert nps_from_counts(50, 30, 20) == 30.0
        assert nps_from_counts(0, 0, 7) == -100.0

    def test_classify_boundaries(self):
        """9 and 10 promote, 7 and 8 are passive, 0 to 6 detract (6 is a detractor)."""
        assert [classify(s) for s in range(11)] == ["detractor"] * 7 + ["passive"] * 2 \
            + ["promoter"] * 2
        assert classify(np.int64(9)) == "promoter"

    def test_one_to_ten_scale(self):
        """On 1-10 the groups are the same; 1 is a detractor and 0 is off the scale."""
        assert nps([1, 10, 10], scale="1-10") == round(100 / 3, 1)
        assert classify(1, scale="1-10") == "detractor"

    def test_averaging_is_not_nps(self):
        """Two surveys with the same average 8.0 can have very different NPS."""
        calm = [8] * 10                 # all passives: NPS 0
        split = [10] * 7 + [4] * 2 + [3] * 1  # average (70 + 8 + 3) / 10 = 8.1
        assert np.mean(calm) == 8.0 and nps(calm) == 0.0
        assert nps(split) == 40.0

    def test_summary_and_repr(self):
        """The sentence names the score, the groups and the interval."""
        assert NpsCounts(100, 60, 40).summary() == (
            "NPS +30.0 from 200 answers: 100 promoters, 60 passives, 40 detractors "
            "(95% interval +19.2 to +40.8).")
        assert repr(NpsCounts(1, 2, 3)) == "NpsCounts(promoters=1, passives=2, detractors=3)"
        assert "<p>NPS" in NpsCounts(1, 2, 3)._repr_html_()


# --------------------------------------------------------------------------
# Input types and fast paths
# --------------------------------------------------------------------------

class TestInputs:
    @pytest.mark.parametrize("scores", [
        [10, 9, 6, 0], (10, 9, 6, 0), np.array([10, 9, 6, 0]),
        np.array([10, 9, 6, 0], dtype=np.int8), np.array([10, 9, 6, 0], dtype=np.uint8),
        np.array([10.0, 9.0, 6.0, 0.0]), pd.Series([10, 9, 6, 0]),
        pd.Series([10, 9, 6, 0], dtype="Int64"), pd.Series([10.0, 9.0, 6.0, 0.0]),
        [np.int64(10), 9, 6.0, 0], range(10, 6, -1),
    ])
    def test_every_container_gives_the_same_answer(self, scores):
        """Lists, tuples, arrays of any number type and Series all work."""
        expected = nps([10, 9, 6, 0]) if not isinstance(scores, range) else nps([10, 9, 8, 7])
        assert nps(scores) == expected

    def test_input_is_not_changed(self):
        """The caller's Series is left as it was."""
        s = pd.Series([10.0, 3.0])
        nps(s)
        assert s.tolist() == [10.0, 3.0] and s.dtype == float


class TestBadInput:
    @pytest.mark.parametrize("scores, kind, message", [
        ([9, 11], ValueError, "scores must be whole numbers from 0 to 10; got 11 at position 1"),
        ([-1], ValueError, "scores must be whole numbers from 0 to 10; got -1 at position 0"),
        (np.array([3, -2]), ValueError,
         "scores must be whole numbers from 0 to 10; got -2 at position 1"),
        (np.array([3, 12]), ValueError,
         "scores must be whole numbers from 0 to 10; got 12 at position 1"),
        (np.array([3, 12], dtype=np.int16), ValueError,
         "scores must be whole numbers from 0 to 10; got 12 at position 1"),
        ([10, 7.5], ValueError, "scores must be whole numbers from 0 to 10; got 7.5 at position 1"),
        (np.array([1.0, 7.5]), ValueError,
         "scores must be whole numbers from 0 to 10; got 7.5 at position 1"),
        ([10, math.nan], ValueError,
         "scores must be whole numbers from 0 to 10; got nan (an empty answer) at position 1"),
        (pd.Series([10, None, 3]), ValueError,
         "scores must be whole numbers from 0 to 10; got nan (an empty answer) at position 1"),
        (pd.Series([10, None], dtype="Int64"), ValueError,
         "scores must be whole numbers from 0 to 10; got nan (an empty answer) at position 1"),
        ([10, math.inf], ValueError,
         "scores must be whole numbers from 0 to 10; got inf at position 1"),
        (["9"], TypeError, "scores must be whole numbers from 0 to 10; got '9' (text) at "
                           "position 0; remove the quotes and spaces: 9"),
        ([10, "9 "], TypeError, "scores must be whole numbers from 0 to 10; got '9 ' (text) at "
                                "position 1; remove the quotes and spaces: 9"),
        (["ten"], TypeError, "scores must be whole numbers from 0 to 10; got 'ten' (text) at "
                             "position 0"),
        (pd.Series(["10", "x"]), TypeError, "scores must be whole numbers from 0 to 10; got "
                                            "'10' (text) at position 0; remove the quotes "
                                            "and spaces: 10"),
        ([True, 9], TypeError, "scores must be whole numbers from 0 to 10; got True (a bool) "
                               "at position 0"),
        (np.array([True, False]), TypeError, "scores must be whole numbers from 0 to 10; got "
                                             "True (a bool) at position 0"),
        (pd.Series([False]), TypeError, "scores must be whole numbers from 0 to 10; got False "
                                        "(a bool) at position 0"),
        ([None], TypeError, "scores must be whole numbers from 0 to 10; got None (a NoneType) "
                            "at position 0"),
        ([], ValueError, "scores must hold at least one score, got none"),
        (np.array([], dtype=int), ValueError, "scores must hold at least one score, got none"),
        ("9, 10", TypeError, "scores must be a list, array or Series of whole numbers, got "
                             "'9, 10' (a str)"),
        (9, TypeError, "scores must be a list, array or Series of whole numbers, got 9 (a int)"),
        (..., TypeError, "scores is still ... : replace the ... with a list of scores such as "
                         "[10, 9, 6]"),
        (np.array([[9, 10]]), ValueError,
         "scores must be a flat list of scores, got an array of shape (1, 2)"),
    ])
    def test_bad_scores(self, scores, kind, message):
        """Every bad score is named with its value, its position and the rule."""
        with raises(kind, message):
            nps(scores)

    def test_zero_on_a_one_to_ten_scale(self):
        """A 0 is off a 1-10 scale, also on the fast NumPy path."""
        message = "scores must be whole numbers from 1 to 10; got 0 at position 2"
        with raises(ValueError, message):
            nps([5, 9, 0], scale="1-10")
        with raises(ValueError, message):
            nps(np.array([5, 9, 0]), scale="1-10")

    def test_bad_scale(self):
        """Only the two scales exist."""
        with raises(ValueError, "scale must be one of '0-10', '1-10', got '0-5'"):
            nps([1], scale="0-5")

    @pytest.mark.parametrize("score, kind, message", [
        (11, ValueError, "scores must be whole numbers from 0 to 10; got 11 at position 0"),
        (8.5, ValueError, "scores must be whole numbers from 0 to 10; got 8.5 at position 0"),
        ("9", TypeError, "scores must be whole numbers from 0 to 10; got '9' (text) at "
                         "position 0; remove the quotes and spaces: 9"),
        (True, TypeError, "scores must be whole numbers from 0 to 10; got True (a bool) at "
                          "position 0"),
        (math.nan, ValueError,
         "scores must be whole numbers from 0 to 10; got nan (an empty answer) at position 0"),
        (..., TypeError, "score is still ... : replace the ... with a score from 0 to 10"),
    ])
    def test_classify_bad(self, score, kind, message):
        """classify checks its one score like nps checks a list."""
        with raises(kind, message):
            classify(score)

    @pytest.mark.parametrize("level, message", [
        (95, "level must be between 0 and 1, got 95 (did you mean 0.95?)"),
        (1.0, "level must be between 0 and 1, got 1.0"),
        (0, "level must be between 0 and 1, got 0"),
    ])
    def test_bad_level(self, level, message):
        """The confidence level is a share such as 0.95."""
        with raises(ValueError, message):
            nps_interval([9, 3], level=level)

    def test_level_must_be_a_number(self):
        with raises(TypeError, "level must be a number, got '95%' (a str)"):
            nps_interval([9, 3], level="95%")

    def test_bad_method(self):
        with raises(ValueError, "method must be 'wald' or 'adjusted_wald', got 'wilson'"):
            nps_interval([9, 3], method="wilson")

    @pytest.mark.parametrize("args, kind, message", [
        ((-1, 0, 0), ValueError, "promoters must be 0 or more, got -1"),
        ((1, 2.5, 0), ValueError, "passives must be a whole number, got 2.5"),
        ((1, 0, "3"), TypeError, "detractors must be a whole number, got '3' (a str)"),
        ((True, 0, 1), TypeError, "promoters must be a whole number, got True (a bool)"),
        ((0, 0, 0), ValueError, "promoters, passives and detractors are all 0: an NPS needs "
                                "at least one answer"),
    ])
    def test_bad_counts(self, args, kind, message):
        """Counts are whole numbers, 0 or more, not all 0."""
        with raises(kind, message):
            nps_from_counts(*args)

    @pytest.mark.parametrize("kwargs, kind, message", [
        ({"margin": 0}, ValueError, "margin must be more than 0 and at most 200 points, got 0"),
        ({"margin": "5"}, TypeError, "margin must be a number, got '5' (a str)"),
        ({"margin": 5, "expected_promoters": 0.7, "expected_detractors": 0.4}, ValueError,
         "expected_promoters + expected_detractors must be at most 1, got 0.7 + 0.4"),
        ({"margin": 5, "expected_promoters": 50}, ValueError,
         "expected_promoters must be 1 or less, got 50"),
        ({"margin": 5, "level": 99}, ValueError,
         "level must be between 0 and 1, got 99 (did you mean 0.99?)"),
    ])
    def test_bad_sample_size(self, kwargs, kind, message):
        with raises(kind, message):
            nps_sample_size(**kwargs)

    def test_difference_rejects_text(self):
        with raises(TypeError, "second must be scores or NpsCounts, got 'B' (a str)"):
            nps_difference([9], "B")

    def test_what_if_bad_moved(self):
        with raises(ValueError, "moved must be 0 or more, got -3"):
            nps_what_if(10, 10, 10, moved=-3)


# --------------------------------------------------------------------------
# What if, by segment, by period
# --------------------------------------------------------------------------

class TestWhatIf:
    def test_both_single_step_moves_pay_the_same(self):
        """10 of 200 moving up one group adds 10/200 = 5 points, whichever group."""
        table = nps_what_if(100, 60, 40, moved=10)
        assert table.loc["passives -> promoters", "gain"] == 5.0
        assert table.loc["detractors -> passives", "gain"] == 5.0
        assert table.loc["detractors -> promoters", "gain"] == 10.0
        assert (table[["promoters", "passives", "detractors"]].sum(axis=1) == 200).all()

    def test_moves_are_capped_at_the_group_size(self):
        """Only 3 detractors exist, so only 3 can move."""
        table = nps_what_if(10, 10, 3, moved=5)
        assert table.loc["detractors -> passives", "moved"] == 3
        assert table.loc["passives -> promoters", "moved"] == 5
        assert table.loc["detractors -> passives", "detractors"] == 0


class TestBySegment:
    table = pd.DataFrame({"branch": ["A"] * 4 + ["B"] * 3,
                          "channel": ["web", "shop"] * 3 + ["web"],
                          "score": [10, 9, 6, 7, 0, 10, 8]})

    def test_counts_and_nps_per_branch(self):
        """A: 2 promoters, 1 passive, 1 detractor = +25; B: 1, 1, 1 = 0."""
        out = nps_by(self.table, "branch")
        assert out.loc["A", ["answers", "promoters", "passives", "detractors"]].tolist() == \
            [4, 2, 1, 1]
        assert out.loc["A", "nps"] == 25.0 and out.loc["B", "nps"] == 0.0
        assert out.loc["B", ["low", "high"]].tolist() == list(nps_interval([0, 10, 8]))

    def test_two_columns(self):
        """Grouping by branch and channel gives one row per pair."""
        out = nps_by(self.table, ["branch", "channel"])
        assert out.loc[("A", "web"), "nps"] == 0.0  # 10 and 6
        assert out["answers"].sum() == 7

    def test_bad_score_in_table(self):
        bad = self.table.assign(score=[10, 9, 6, 7, 0, 11, 8]).set_index(
            pd.Index(list("abcdefg")))
        with raises(ValueError, "scores must be whole numbers from 0 to 10; got 11 at position 5 "
                                "of column 'score' (the row with index 'f')"):
            nps_by(bad, "branch")
        with raises(TypeError, "scores must be whole numbers from 0 to 10; got '9' (text) at "
                               "position 1 of column 'score' (the row with index 1); remove the "
                               "quotes and spaces: 9"):
            nps_by(pd.DataFrame({"b": ["x", "y"], "score": [9, "9"]}), "b")

    @pytest.mark.parametrize("kwargs, kind, message", [
        ({"by": "shop"}, ValueError,
         "table lacks the columns ['shop']; it needs score, shop and has "
         "['branch', 'channel', 'score']"),
        ({"by": "branch", "score": "rating"}, ValueError,
         "table lacks the columns ['rating']; it needs rating, branch and has "
         "['branch', 'channel', 'score']"),
        ({"by": ["shop", "channel"], "score": "rating"}, ValueError,
         "table lacks the columns ['rating', 'shop']; it needs rating, shop, channel and has "
         "['branch', 'channel', 'score']"),
        ({"by": 3}, TypeError, "by must be a column name or a list of them, got 3"),
    ])
    def test_bad_columns(self, kwargs, kind, message):
        with raises(kind, message):
            nps_by(self.table, **kwargs)

    def test_not_a_table(self):
        with raises(TypeError, "table must be a pandas DataFrame, got [1, 2] (a list)"):
            nps_by([1, 2], "branch")

    def test_by_month(self):
        """January: 10 and 3 = 0; February: 9 = +100."""
        t = pd.DataFrame({"date": pd.to_datetime(["2025-01-05", "2025-01-31", "2025-02-01"]),
                          "score": [10, 3, 9]})
        out = nps_by_period(t)
        assert out.index.tolist() == ["2025-01", "2025-02"]
        assert out["nps"].tolist() == [0.0, 100.0]
        assert nps_by_period(t, period="quarter").index.tolist() == ["2025Q1"]

    def test_by_period_and_branch(self):
        t = pd.DataFrame({"date": ["2025-01-05", "2025-02-01"], "branch": ["A", "B"],
                          "score": [10, 3]})
        assert nps_by_period(t, by="branch")["nps"].tolist() == [100.0, -100.0]

    def test_bad_period_and_date(self):
        t = pd.DataFrame({"date": ["2025-01-05", "soon"], "score": [10, 3]})
        with raises(ValueError, "period must be one of 'month', 'quarter', 'year', 'week', "
                                "got 'day'"):
            nps_by_period(t, period="day")
        with raises(ValueError, "date column 'date' holds a value that is not a date at index "
                                "1: 'soon'"):
            nps_by_period(t)

    def test_bad_columns_by_period(self):
        """The date, score and by columns are checked together: every missing one is named."""
        t = pd.DataFrame({"when": ["2025-01-05"], "score": [10]})
        with raises(ValueError, "table lacks the columns ['date', 'branch']; it needs date, "
                                "score, branch and has ['when', 'score']"):
            nps_by_period(t, by="branch")
        with raises(TypeError, "table must be a pandas DataFrame, got None (a NoneType)"):
            nps_by_period(None)


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

class TestProperties:
    @PROPERTY
    @given(scores_0_10)
    def test_within_range_and_matches_definition(self, scores):
        """NPS lies in -100..100 and equals % promoters - % detractors."""
        value = nps(scores)
        assert -100 <= value <= 100
        p = sum(s >= 9 for s in scores) / len(scores)
        d = sum(s <= 6 for s in scores) / len(scores)
        assert value == round(100 * (p - d), 1)

    @PROPERTY
    @given(scores_0_10, st.randoms())
    def test_order_does_not_matter(self, scores, rnd):
        shuffled = list(scores)
        rnd.shuffle(shuffled)
        assert nps(shuffled) == nps(scores)
        assert nps_interval(shuffled) == nps_interval(scores)

    @PROPERTY
    @given(scores_0_10, st.integers(9, 10))
    def test_adding_a_promoter_never_lowers_it(self, scores, promoter):
        assert nps(scores + [promoter]) >= nps(scores)

    @PROPERTY
    @given(scores_0_10, st.sampled_from([0.8, 0.9, 0.95, 0.99]))
    def test_wald_interval_contains_the_estimate(self, scores, level):
        low, high = nps_interval(scores, level=level)
        assert -100 <= low <= nps(scores) <= high <= 100

    @PROPERTY
    @given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50))
    def test_adjusted_interval_contains_its_centre(self, p, pa, d):
        """The adjusted interval holds the adjusted centre (p + 3/4 - d - 3/4) / (n + 3)."""
        if p + pa + d == 0:
            return
        low, high = nps_interval_from_counts(p, pa, d, method="adjusted_wald")
        centre = round(100 * (p - d) / (p + pa + d + 3), 1)
        assert low <= centre <= high

    @PROPERTY
    @given(st.integers(1, 40), st.integers(0, 40), st.integers(1, 40), st.integers(2, 10),
           st.sampled_from(["wald", "adjusted_wald"]))
    def test_interval_narrows_as_n_grows(self, p, pa, d, factor, method):
        """The same shares from `factor` times as many answers give a narrower interval."""
        low1, high1 = nps_interval_from_counts(p, pa, d, method=method)
        low2, high2 = nps_interval_from_counts(p * factor, pa * factor, d * factor,
                                               method=method)
        assert high2 - low2 <= high1 - low1

    @PROPERTY
    @given(scores_0_10)
    def test_array_and_list_agree(self, scores):
        """The NumPy fast path and the list path count alike."""
        assert nps_counts(np.array(scores)) == nps_counts(scores)
        assert nps_counts(pd.Series(scores, dtype=float)) == nps_counts(scores)


class TestScoresFromText:
    def test_separators_and_reasons(self):
        """Spaces, commas, semicolons and new lines separate; every bad entry is kept."""
        good, bad = scores_from_text(" 10,9;8\n\n0  -1 7.5 .5 seven 12 ")
        assert good == [10, 9, 8, 0]
        assert bad == [(5, "-1", "is below 0"), (6, "7.5", "is not a whole number"),
                       (7, ".5", "is not a whole number"), (8, "seven", "is not a number"),
                       (9, "12", "is above 10")]

    def test_empty_and_scale(self):
        assert scores_from_text("   ") == ([], [])
        assert scores_from_text("0 1", scale="1-10") == ([1], [(1, "0", "is below 1")])

    def test_not_text(self):
        with raises(TypeError, "text must be text (a str), got [10] (a list)"):
            scores_from_text([10])


@pytest.mark.parametrize("module_name", ["ccexercise.nps", "ccexercise.views.nps",
                                         "ccexercise.widgets.nps"])
def test_public_names_are_sorted_exported_and_defined(module_name):
    """__all__ is sorted, every name exists, and the calculators are re-exported as cc.<name>."""
    import importlib

    import ccexercise as cc
    module = importlib.import_module(module_name)
    assert list(module.__all__) == sorted(module.__all__)
    assert all(hasattr(module, name) for name in module.__all__)
    if module_name == "ccexercise.nps":
        exported = set(module.__all__) - {"METHODS", "PERIODS", "SCALES"}
        assert exported <= set(cc.__all__)
        assert all(getattr(cc, name) is getattr(module, name) for name in exported)
