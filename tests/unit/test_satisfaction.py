"""Tests for ccexercise.satisfaction and ccexercise.expectations.

Gaps are worked out by hand (perceived minus expected) on tiny surveys.
"""

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ccexercise
from ccexercise.expectations import (
    DEADLINE_EXAMPLE,
    ExpectationResponse,
    PromiseOutcome,
    compare_promises,
    expectation_response,
    promise_vs_delivery,
)
from ccexercise.satisfaction import (
    DIMENSIONS,
    SURVEY_ITEMS,
    GapAnalysis,
    gap_analysis,
    item_gaps,
    normalise_weights,
    respondent_gaps,
    satisfaction,
    weakest_dimension,
)
from ccexercise.service_levels import ServiceLevel, level_counts, service_level

PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
ratings = st.integers(min_value=1, max_value=7)
real_ratings = st.floats(min_value=1, max_value=7, allow_nan=False)
EQUAL_POINTS = {d: 20 for d in DIMENSIONS}
#: The 20 rating columns a survey needs, in the order the check lists them.
ITEM_COLUMNS = [f"{dimension}_{n}_{side}" for side in ("expected", "perceived")
                for dimension in ("tangibles", "reliability", "responsiveness", "assurance",
                                  "empathy") for n in (1, 2)]


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def survey_row(expected=5, perceived=5, **changes):
    """One respondent with every item rated ``expected``/``perceived``, then ``changes``."""
    row = {}
    for item in SURVEY_ITEMS:
        row[f"{item.code}_expected"] = expected
        row[f"{item.code}_perceived"] = perceived
    row.update(changes)
    return row


# --------------------------------------------------------------------------
# satisfaction
# --------------------------------------------------------------------------

class TestSatisfaction:
    def test_scalar_gap(self):
        """P - E on single ratings, signs as the formula says."""
        assert satisfaction(4, 6) == -2
        assert satisfaction(6, 6) == 0
        assert satisfaction(7, 5) == 2

    def test_whole_ratings_stay_whole(self):
        """Two whole ratings give a whole number; a decimal gives a decimal."""
        assert type(satisfaction(4, 6)) is int
        assert type(satisfaction(4.5, 6)) is float
        assert satisfaction(4.5, 6) == -1.5
        assert type(satisfaction(np.int64(4), 6)) is int

    def test_other_scale(self):
        """A 1-10 scale allows ratings up to 10."""
        assert satisfaction(10, 3, scale=(1, 10)) == 7
        assert satisfaction(0, 0, scale=(0, 10)) == 0

    def test_scale_edges_are_allowed(self):
        """The lowest and highest ratings are on the scale."""
        assert satisfaction(1, 7) == -6
        assert satisfaction(7, 1) == 6

    def test_series(self):
        """Series minus Series, index kept, named gap."""
        p = pd.Series([7, 3, 5], index=["a", "b", "c"])
        e = pd.Series([5, 5, 5], index=["a", "b", "c"])
        gap = satisfaction(p, e)
        assert gap.tolist() == [2, -2, 0]
        assert gap.index.tolist() == ["a", "b", "c"]
        assert gap.name == "gap"

    def test_series_and_scalar(self):
        """One expectation for everyone, either way round."""
        assert satisfaction(pd.Series([7, 3]), 5).tolist() == [2, -2]
        assert satisfaction(5, pd.Series([7, 3])).tolist() == [-2, 2]

    def test_dataframes(self):
        """DataFrame minus DataFrame, cell by cell."""
        p = pd.DataFrame({"x": [7, 1], "y": [4, 4]})
        e = pd.DataFrame({"x": [6, 2], "y": [4, 7]})
        assert satisfaction(p, e).to_numpy().tolist() == [[1, 0], [-1, -3]]

    def test_inputs_unchanged(self):
        """The caller's data is not changed."""
        p, e = pd.Series([7, 3]), pd.Series([5, 5])
        satisfaction(p, e)
        assert p.tolist() == [7, 3] and e.tolist() == [5, 5] and p.name is None

    @pytest.mark.parametrize("p, e, kind, message", [
        (8, 5, ValueError, "perception must be on the scale 1 to 7, got 8"),
        (5, 0, ValueError, "expectation must be on the scale 1 to 7, got 0"),
        ("5", 5, TypeError, "perception must be a number, got '5' (a str)"),
        (5, None, TypeError, "expectation must be a number, got None (a NoneType)"),
        (True, 5, TypeError, "perception must be a number, got True (a bool)"),
        (float("nan"), 5, ValueError, "perception must be a finite number, got nan"),
        (..., 5, TypeError, "perception is still ... : replace the ... with a number"),
        ([5, 6], 5, TypeError, "perception must be a number, a pandas Series or a DataFrame, "
                               "got [5, 6] (a list); wrap a list in pd.Series"),
    ])
    def test_bad_scalars(self, p, e, kind, message):
        """Every bad single rating names the argument, the value and the rule."""
        with raises(kind, message):
            satisfaction(p, e)

    def test_off_scale_series(self):
        """Off-scale ratings in a Series are listed by index."""
        with raises(ValueError, "perception is off the scale 1 to 7 in 2 row(s): index [1, 2]"):
            satisfaction(pd.Series([7, 8, 0]), 5)

    def test_empty_cell_in_series(self):
        """An empty rating is reported before range."""
        with raises(ValueError, "expectation is empty (NaN) in 1 row(s): index ['b']"):
            satisfaction(5, pd.Series([5.0, np.nan], index=["a", "b"]))

    def test_text_series(self):
        """Ratings typed as text are refused."""
        with raises(TypeError, "perception must hold numbers, got dtype object"):
            satisfaction(pd.Series(["5"], dtype=object), 5)

    def test_off_scale_dataframe_names_column(self):
        """In a DataFrame the bad column is named."""
        with raises(ValueError, "expectation column 'y' is off the scale 1 to 7 in 1 row(s): "
                                "index [0]"):
            satisfaction(pd.DataFrame({"x": [5], "y": [5]}),
                         pd.DataFrame({"x": [5], "y": [9]}))

    def test_mismatched_index(self):
        """Two Series must describe the same respondents."""
        with raises(ValueError, "perception and expectation must have the same rows (index); "
                                "they differ"):
            satisfaction(pd.Series([5], index=[0]), pd.Series([5], index=[1]))

    def test_mismatched_columns(self):
        """Two DataFrames must have the same columns."""
        with raises(ValueError, "perception and expectation must have the same columns, got "
                                "['x'] and ['y']"):
            satisfaction(pd.DataFrame({"x": [5]}), pd.DataFrame({"y": [5]}))

    def test_series_with_dataframe(self):
        """A Series and a DataFrame do not combine."""
        with raises(TypeError, "perception and expectation must both be Series or both be "
                               "DataFrames, got a Series and a DataFrame"):
            satisfaction(pd.Series([5]), pd.DataFrame({"x": [5]}))

    @pytest.mark.parametrize("scale, kind, message", [
        ((7, 1), ValueError, "scale must go from a lower to a higher number, got (7, 1)"),
        ((1,), TypeError, "scale must be a pair of numbers (lowest, highest) such as (1, 7), "
                          "got (1,)"),
        ("1-7", TypeError, "scale must be a pair of numbers (lowest, highest) such as (1, 7), "
                           "got '1-7'"),
        ((1, float("inf")), ValueError, "scale must be a finite number, got inf"),
    ])
    def test_bad_scale(self, scale, kind, message):
        """The scale must be two finite numbers, low to high."""
        with raises(kind, message):
            satisfaction(5, 5, scale=scale)

    @PROPERTY
    @given(p=real_ratings, e=real_ratings)
    def test_antisymmetric(self, p, e):
        """Swapping perception and expectation flips the sign of the gap."""
        assert satisfaction(p, e) == -satisfaction(e, p)

    @PROPERTY
    @given(p=ratings, e=ratings)
    def test_zero_exactly_when_equal(self, p, e):
        """The gap is zero exactly when the two ratings are equal."""
        assert (satisfaction(p, e) == 0) == (p == e)

    @PROPERTY
    @given(p1=ratings, p2=ratings, e=ratings)
    def test_level_monotonic_in_perception(self, p1, p2, e):
        """For the same expectation, perceiving more never gives a lower level."""
        low, high = sorted((p1, p2))
        assert service_level(satisfaction(low, e)) <= service_level(satisfaction(high, e))

    @PROPERTY
    @given(pairs=st.lists(st.tuples(ratings, ratings), min_size=1, max_size=30))
    def test_series_matches_scalars(self, pairs):
        """The vectorised gap equals the gap of each pair alone."""
        p = pd.Series([a for a, _ in pairs])
        e = pd.Series([b for _, b in pairs])
        assert satisfaction(p, e).tolist() == [satisfaction(a, b) for a, b in pairs]


# --------------------------------------------------------------------------
# Survey items and weights
# --------------------------------------------------------------------------

class TestSurveyItems:
    def test_two_items_per_dimension(self):
        """Every dimension has two items, in chart order."""
        assert [item.dimension for item in SURVEY_ITEMS] == [
            d for d in DIMENSIONS for _ in range(2)]
        assert len({item.code for item in SURVEY_ITEMS}) == 10

    def test_plain_wording(self):
        """Statements are short plain sentences."""
        for item in SURVEY_ITEMS:
            assert item.text.endswith(".") and len(item.text) < 80


class TestNormaliseWeights:
    def test_points_out_of_100(self):
        """Points out of 100 become shares."""
        weights = normalise_weights({"tangibles": 10, "reliability": 40, "responsiveness": 20,
                                     "assurance": 20, "empathy": 10})
        assert weights.index.tolist() == list(DIMENSIONS)
        assert weights.tolist() == pytest.approx([0.1, 0.4, 0.2, 0.2, 0.1])

    def test_other_totals_scaled(self):
        """Points that do not add up to 100 are scaled to shares all the same."""
        assert normalise_weights({d: 1 for d in DIMENSIONS}).tolist() == pytest.approx([0.2] * 5)

    def test_series_accepted(self):
        """A Series of points works like a dict."""
        assert normalise_weights(pd.Series(EQUAL_POINTS)).sum() == pytest.approx(1)

    @pytest.mark.parametrize("points, kind, message", [
        ([20] * 5, TypeError, "points must be a dict of dimension -> points, such as "
                              "{'reliability': 30, ...}, got a list"),
        ({**EQUAL_POINTS, "price": 5}, ValueError,
         "points has unknown dimensions ['price']; the dimensions are ['tangibles', "
         "'reliability', 'responsiveness', 'assurance', 'empathy']"),
        ({"tangibles": 50, "empathy": 50}, ValueError,
         "points is missing the dimensions ['reliability', 'responsiveness', 'assurance']; "
         "give points for all five"),
        ({**EQUAL_POINTS, "empathy": -5}, ValueError, "points['empathy'] must be 0 or more, "
                                                      "got -5"),
        ({**EQUAL_POINTS, "empathy": "x"}, TypeError, "points['empathy'] must be a number, "
                                                      "got 'x' (a str)"),
        ({d: 0 for d in DIMENSIONS}, ValueError,
         "points must not all be 0; share 100 points among the dimensions"),
    ])
    def test_bad_points(self, points, kind, message):
        """Bad weights name what is wrong."""
        with raises(kind, message):
            normalise_weights(points)


# --------------------------------------------------------------------------
# Gap analysis
# --------------------------------------------------------------------------

class TestItemGaps:
    def test_one_column_per_item(self):
        """Gaps per respondent and item, by item code."""
        survey = pd.DataFrame([survey_row(5, 4, reliability_1_perceived=7)])
        gaps = item_gaps(survey)
        assert gaps.columns.tolist() == [item.code for item in SURVEY_ITEMS]
        assert gaps.loc[0, "reliability_1"] == 2
        assert gaps.loc[0, "tangibles_1"] == -1

    def test_off_scale_rating_reported(self):
        """An 8 in the survey is reported with its column."""
        survey = pd.DataFrame([survey_row(empathy_2_perceived=8)])
        with raises(ValueError, "perception column 'empathy_2' is off the scale 1 to 7 in "
                                "1 row(s): index [0]"):
            item_gaps(survey)

    def test_missing_columns(self):
        """A table without the survey columns is refused, with the fix."""
        with raises(ValueError, f"survey lacks the columns {ITEM_COLUMNS!r}; it needs "
                                f"{', '.join(ITEM_COLUMNS)} (a survey such as "
                                "cc.datasets.load('04_satisfaction_formula')) and has ['x']"):
            item_gaps(pd.DataFrame({"x": [1]}))
        partial = pd.DataFrame([survey_row()]).drop(columns=["empathy_2_expected",
                                                             "tangibles_1_perceived"])
        with raises(ValueError, "survey lacks the columns ['empathy_2_expected', "
                                f"'tangibles_1_perceived']; it needs {', '.join(ITEM_COLUMNS)} "
                                "(a survey such as cc.datasets.load('04_satisfaction_formula')) "
                                f"and has {list(partial.columns)!r}"):
            item_gaps(partial)

    def test_not_a_table(self):
        """A list is not a survey."""
        with raises(TypeError, "survey must be a pandas DataFrame (a survey such as "
                               "cc.datasets.load('04_satisfaction_formula')), got [1, 2] (a list)"):
            item_gaps([1, 2])

    def test_empty_survey(self):
        """An empty survey has nothing to analyse."""
        with raises(ValueError, "survey has no rows"):
            item_gaps(pd.DataFrame(columns=list(survey_row())))


class TestGapAnalysis:
    def survey(self):
        """Two respondents; reliability is the sore point, empathy a little below."""
        return pd.DataFrame([
            survey_row(6, 6, reliability_1_perceived=2, reliability_2_perceived=4,
                       empathy_1_perceived=5),
            survey_row(6, 6, reliability_1_perceived=4, reliability_2_perceived=4,
                       empathy_1_perceived=5),
        ])

    def test_by_item_dimension_and_overall(self):
        """Means worked by hand: reliability items -3 and -2, empathy item -1."""
        result = gap_analysis(self.survey())
        assert isinstance(result, GapAnalysis)
        assert result.items.loc["reliability_1", "gap"] == -3
        assert result.items.loc["reliability_2", "gap"] == -2
        assert result.items.loc["reliability_1", "perceived"] == 3
        assert result.items.loc["empathy_1", "gap"] == -1
        assert result.dimensions["gap"].tolist() == [0, -2.5, 0, 0, -0.5]
        assert result.dimensions.index.tolist() == list(DIMENSIONS)
        # overall: mean of the five dimension gaps = -3 / 5
        assert result.overall == -0.6
        assert result.weakest == "reliability"
        assert result.respondents == 2
        assert not result.weighted

    def test_weighted(self):
        """With weights, overall is the sum of weight x gap and the weakest may change."""
        points = {"tangibles": 10, "reliability": 5, "responsiveness": 10, "assurance": 5,
                  "empathy": 70}
        result = gap_analysis(self.survey(), weights=points)
        # reliability: 0.05 * -2.5 = -0.125; empathy: 0.70 * -0.5 = -0.35
        assert result.dimensions.loc["reliability", "weighted_gap"] == -0.125
        assert result.dimensions.loc["empathy", "weighted_gap"] == -0.35
        assert result.overall == -0.475
        assert result.weakest == "empathy"
        assert result.weighted

    def test_summary_and_html(self):
        """The result reads as a sentence and shows a table in a notebook."""
        result = gap_analysis(self.survey())
        assert result.summary() == ("2 respondents: the overall gap is -0.60 points; the "
                                    "weakest dimension is reliability.")
        assert "<table" in result._repr_html_()
        assert repr(result) == "GapAnalysis(overall=-0.6, weakest='reliability', respondents=2)"

    def test_tie_goes_to_first_dimension(self):
        """With equal gaps, the first dimension in chart order is named."""
        assert gap_analysis(pd.DataFrame([survey_row(5, 4)])).weakest == "tangibles"

    @PROPERTY
    @given(e=ratings, p=ratings)
    def test_uniform_survey(self, e, p):
        """When every item has the same gap, every dimension and the overall have it too."""
        result = gap_analysis(pd.DataFrame([survey_row(e, p)] * 3))
        assert result.dimensions["gap"].tolist() == [p - e] * 5
        assert result.overall == p - e


class TestWeakestDimension:
    def survey(self):
        """End users suffer on reliability, wholesalers on responsiveness (by hand)."""
        rows = [survey_row(segment="end user", reliability_1_perceived=2),
                survey_row(segment="end user", reliability_2_perceived=3),
                survey_row(segment="wholesaler", responsiveness_2_perceived=1)]
        return pd.DataFrame(rows)

    def test_per_segment(self):
        """Each segment gets its weakest dimension and its gap."""
        table = weakest_dimension(self.survey())
        assert table.index.tolist() == ["end user", "wholesaler"]
        assert table["weakest"].tolist() == ["reliability", "responsiveness"]
        # end user reliability: item 1 gaps -3 and 0 (mean -1.5), item 2 gaps 0 and -2
        # (mean -1): dimension gap (-1.5 + -1) / 2 = -1.25
        assert table.loc["end user", "reliability"] == -1.25
        assert table.loc["wholesaler", "gap"] == -2
        assert table["respondents"].tolist() == [2, 1]

    def test_other_column(self):
        """Any column can group, for example a branch."""
        survey = self.survey().assign(branch=["North", "North", "South"])
        assert weakest_dimension(survey, by="branch").index.tolist() == ["North", "South"]

    def test_unknown_column(self):
        """A grouping column that is not there is named with the columns that are."""
        columns = [f"{item.code}_{side}" for item in SURVEY_ITEMS
                   for side in ("expected", "perceived")] + ["segment"]
        with raises(ValueError, f"survey lacks the columns ['region']; it needs region and has "
                                f"{columns!r}"):
            weakest_dimension(self.survey(), by="region")

    def test_empty_segment(self):
        """Rows without a segment are reported, not dropped."""
        survey = self.survey()
        survey.loc[1, "segment"] = None
        with raises(ValueError, "survey column 'segment' is empty in some rows: index [1]"):
            weakest_dimension(survey)

    def test_by_not_text(self):
        """by is a column name."""
        with raises(TypeError, "by must be a column name, got 3 (a int)"):
            weakest_dimension(self.survey(), by=3)


# --------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------

class TestPromiseVsDelivery:
    def test_deadline_example(self):
        """Promise 5, deliver 3: pleased. Expect 3, get 5: let down. Same work."""
        early = promise_vs_delivery(promised=5, delivered=3)
        late = promise_vs_delivery(promised=3, delivered=5)
        assert isinstance(early, PromiseOutcome)
        assert (early.gap, early.level) == (2, ServiceLevel.WOW)
        assert (late.gap, late.level) == (-2, ServiceLevel.LOW)
        assert early.delivered == 3 and late.delivered == 5
        assert DEADLINE_EXAMPLE == ((5, 3), (3, 5))

    def test_summaries(self):
        """Each outcome reads as a sentence, singular for one day."""
        assert promise_vs_delivery(promised=5, delivered=3).summary() == (
            "Promised 5 days, delivered in 3: 2 days early, so the customer is pleased (WOW).")
        assert promise_vs_delivery(promised=4, delivered=5).summary() == (
            "Promised 4 days, delivered in 5: 1 day late, so the customer is let down (Low).")
        assert promise_vs_delivery(promised=4, delivered=4).summary() == (
            "Promised 4 days, delivered in 4: as promised, so the customer is calm (Standard).")
        assert promise_vs_delivery(promised=4, delivered=5, tolerance=1).summary() == (
            "Promised 4 days, delivered in 5: 1 day late, close enough to the promise: the "
            "customer is calm (Standard).")

    def test_decimals(self):
        """Half days work and stay decimals."""
        outcome = promise_vs_delivery(promised=2.5, delivered=3)
        assert outcome.gap == -0.5 and type(outcome.gap) is float

    @pytest.mark.parametrize("kwargs, kind, message", [
        ({"promised": -1, "delivered": 3}, ValueError, "promised must be 0 or more, got -1"),
        ({"promised": 3, "delivered": "5"}, TypeError, "delivered must be a number, got '5' "
                                                       "(a str)"),
        ({"promised": 3, "delivered": 5, "tolerance": -1}, ValueError,
         "tolerance must be 0 or more, got -1"),
        ({"promised": 3, "delivered": 5, "unit": ""}, TypeError,
         "unit must be a word such as 'days', got ''"),
    ])
    def test_bad_input(self, kwargs, kind, message):
        """Bad numbers are named."""
        with raises(kind, message):
            promise_vs_delivery(**kwargs)

    @PROPERTY
    @given(promised=st.integers(0, 60), delivered=st.integers(0, 60))
    def test_same_work_opposite_feeling(self, promised, delivered):
        """Swapping promise and delivery flips the gap and swaps WOW and Low."""
        a = promise_vs_delivery(promised=promised, delivered=delivered)
        b = promise_vs_delivery(promised=delivered, delivered=promised)
        assert a.gap == -b.gap
        assert {a.level, b.level} in ({ServiceLevel.WOW, ServiceLevel.LOW},
                                      {ServiceLevel.STANDARD})


class TestComparePromises:
    def test_default_is_the_deadline_example(self):
        """The table lists both scenarios of the example."""
        table = compare_promises()
        assert table[["promised", "delivered", "gap", "level"]].values.tolist() == [
            [5, 3, 2, "WOW"], [3, 5, -2, "Low"]]

    def test_bad_pair(self):
        """A scenario that is not a pair is named by position."""
        with raises(TypeError, "scenarios[1] must be a (promised, delivered) pair, got 7"):
            compare_promises([(1, 2), 7])

    def test_not_a_list(self):
        """A number is not a list of scenarios."""
        with raises(TypeError, "scenarios must be a list of (promised, delivered) pairs, got 5"):
            compare_promises(5)


class TestExpectationResponse:
    def test_no_gap(self):
        """When you can deliver, there is nothing to manage."""
        assert expectation_response(expected=5, can_deliver=5) is None
        assert expectation_response(expected=5, can_deliver=3, lower_is_better=True) is None

    def test_lower(self):
        """You cannot close the gap: set the expectation honestly."""
        assert expectation_response(expected=9, can_deliver=6) is ExpectationResponse.LOWER
        assert expectation_response(expected=9, can_deliver=6, could_deliver=8) is (
            ExpectationResponse.LOWER)

    def test_raise(self):
        """You can close the gap with effort: raise capability."""
        assert expectation_response(expected=9, can_deliver=6, could_deliver=9) is (
            ExpectationResponse.RAISE)
        assert expectation_response(expected=2, can_deliver=5, could_deliver=2,
                                    lower_is_better=True) is ExpectationResponse.RAISE

    def test_refer(self):
        """Not a customer you serve: recommend someone else, even if you could improve."""
        assert expectation_response(expected=9, can_deliver=6, could_deliver=9,
                                    our_customer=False) is ExpectationResponse.REFER

    def test_words(self):
        """The answers print as the words an exercise asks for."""
        assert [str(r) for r in ExpectationResponse] == ["lower", "raise", "refer"]
        assert repr(ExpectationResponse.RAISE) == "ExpectationResponse.RAISE"
        assert ExpectationResponse.LOWER.advice.startswith("Lower the expectation")

    @pytest.mark.parametrize("kwargs, kind, message", [
        ({"expected": "9", "can_deliver": 6}, TypeError, "expected must be a number, got '9' "
                                                         "(a str)"),
        ({"expected": 9, "can_deliver": None}, TypeError, "can_deliver must be a number, got "
                                                          "None (a NoneType)"),
        ({"expected": 9, "can_deliver": 6, "could_deliver": "x"}, TypeError,
         "could_deliver must be a number, got 'x' (a str)"),
        ({"expected": 9, "can_deliver": 6, "our_customer": "no"}, TypeError,
         "our_customer must be True or False, got 'no'"),
        ({"expected": 9, "can_deliver": 6, "lower_is_better": 1}, TypeError,
         "lower_is_better must be True or False, got 1"),
    ])
    def test_bad_input(self, kwargs, kind, message):
        """Bad arguments are named."""
        with raises(kind, message):
            expectation_response(**kwargs)


def test_public_names_sorted_and_reexported():
    """__all__ of both modules is sorted and every name is available as cc.<name>."""
    import importlib

    expectations = importlib.import_module("ccexercise.expectations")
    module = importlib.import_module("ccexercise.satisfaction")

    for source in (expectations, module):
        assert list(source.__all__) == sorted(source.__all__)
        for name in source.__all__:
            assert getattr(ccexercise, name) is getattr(source, name)


class TestRespondentGaps:
    def test_per_dimension_and_overall(self):
        """Dimension gap = mean of its two items; overall = mean of the five (by hand)."""
        survey = pd.DataFrame([
            survey_row(5, 5, reliability_1_perceived=1, reliability_2_perceived=3),
            survey_row(4, 6),
        ], index=["a", "b"])
        gaps = respondent_gaps(survey)
        assert gaps.columns.tolist() == [*DIMENSIONS, "overall"]
        assert gaps.loc["a"].tolist() == [0, -3, 0, 0, 0, -0.6]
        assert gaps.loc["b"].tolist() == [2, 2, 2, 2, 2, 2]

    def test_weighted_overall(self):
        """With weights the overall is the weighted sum: 0.5 x -3 = -1.5."""
        survey = pd.DataFrame([survey_row(5, 5, reliability_1_perceived=1,
                                          reliability_2_perceived=3)])
        points = {"tangibles": 10, "reliability": 50, "responsiveness": 10, "assurance": 10,
                  "empathy": 20}
        assert respondent_gaps(survey, weights=points).loc[0, "overall"] == -1.5

    def test_levels_of_respondents(self):
        """The overall gaps classify into levels: one Low, one WOW."""
        survey = pd.DataFrame([survey_row(6, 3), survey_row(3, 6)])
        counts = level_counts(service_level(respondent_gaps(survey)["overall"]))
        assert counts["count"].tolist() == [1, 0, 1]


def test_summary_of_one_respondent_is_singular():
    """One respondent reads '1 respondent', not '1 respondents'."""
    result = gap_analysis(pd.DataFrame([survey_row(5, 6)]))
    assert result.summary().startswith("1 respondent: the overall gap is +1.00 points")
