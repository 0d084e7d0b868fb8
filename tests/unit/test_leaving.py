"""Tests for ccexercise.leaving: the Pareto of exit reasons, retention savings, word of
mouth from question 7 and the harmful-advice game.

Expected values are worked by hand on small lists (the sums are in the comments).
"""

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ccexercise as cc
from ccexercise.leaving import (
    REASON_CATEGORIES,
    Advice,
    RetentionAction,
    advice_cards,
    advice_score,
    compare_told,
    exit_reason_pareto,
    judge_advice,
    reason_category,
    retention_savings,
    vital_few,
)

PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def shop(reasons, spend, churned=None, segment=None):
    n = len(reasons)
    table = pd.DataFrame({"churned": churned if churned is not None else [True] * n,
                          "exit_reason": reasons, "annual_spend": [float(s) for s in spend],
                          "growth_per_year": [0.0] * n})
    if segment is not None:
        table["segment"] = segment
    return table


class TestPareto:
    def test_values_worked_by_hand(self):
        # staff: 3 customers (100 + 200 + 300 a year), price: 1 (1,000), moved: 1 (50).
        table = shop(["staff", "price", "staff", "moved", "staff"], [100, 1_000, 200, 50, 300])
        p = exit_reason_pareto(table, years=2, margin=0.5)
        assert p.index.tolist() == ["staff", "moved", "price"]  # 3, then 1 and 1 by name
        assert p["customers"].tolist() == [3, 1, 1]
        assert p["share"].tolist() == pytest.approx([0.6, 0.2, 0.2])
        assert p["cumulative_share"].tolist() == pytest.approx([0.6, 0.8, 1.0])
        # Two years of spend: staff 2 * 600 = 1,200; moved 100; price 2,000.
        assert p["lost_revenue"].tolist() == [1_200.0, 100.0, 2_000.0]
        assert p["lost_profit"].tolist() == [600.0, 50.0, 1_000.0]
        assert p["revenue_share"].tolist() == pytest.approx([1_200 / 3_300, 100 / 3_300,
                                                             2_000 / 3_300])

    def test_uses_module_01s_calculator(self, monkeypatch):
        calls = []
        original = cc.lost_customers.cost_by_reason

        def spy(*args, **kwargs):
            calls.append(kwargs)
            return original(*args, **kwargs)

        monkeypatch.setattr("ccexercise.leaving.cost_by_reason", spy)
        exit_reason_pareto(shop(["a"], [10]), years=3, margin=0.1)
        assert calls == [{"reason": "exit_reason", "years": 3, "margin": 0.1}]

    def test_stayers_do_not_count(self):
        table = shop(["a", None], [10, 10_000], churned=[True, False])
        assert exit_reason_pareto(table, years=1)["lost_revenue"].tolist() == [10.0]

    def test_segment(self):
        table = shop(["a", "b", "b"], [10, 20, 30], segment=["trade", "shop", "shop"])
        p = exit_reason_pareto(table, segment="shop", years=1)
        assert p.index.tolist() == ["b"] and p["lost_revenue"].tolist() == [50.0]

    def test_bundled_data(self):
        p = exit_reason_pareto(cc.datasets.load("01_lost_customer_cost"))
        assert p["customers"].sum() == 428
        assert p.index[0] == "rude or unhelpful staff"
        assert vital_few(p)[:2] == ["rude or unhelpful staff", "slow service"]

    @pytest.mark.parametrize("kwargs, error, message", [
        ({"segment": "trade"}, ValueError,
         "customers lacks the columns ['segment']; it needs churned, exit_reason, annual_spend, "
         "growth_per_year, segment (a customer list like "
         "cc.datasets.load('01_lost_customer_cost')) and has ['churned', 'exit_reason', "
         "'annual_spend', 'growth_per_year']"),
        ({"years": 0}, ValueError, "years must be 1 or more, got 0"),
        ({"margin": 20}, ValueError, "margin must be between 0 and 1, got 20 (did you mean 0.2?)"),
        ({"segment": 5}, TypeError, "segment must be text (a str), got 5 (a int)"),
    ])
    def test_bad_arguments(self, kwargs, error, message):
        with pytest.raises(error, match=re.escape(message)):
            exit_reason_pareto(shop(["a"], [10]), **kwargs)

    def test_unknown_segment(self):
        with pytest.raises(ValueError, match=re.escape(
                "segment must be one of the list's segments ['shop'], got 'trade'")):
            exit_reason_pareto(shop(["a"], [10], segment=["shop"]), segment="trade")

    def test_nobody_left(self):
        with pytest.raises(ValueError, match=re.escape(
                "customers has nobody who left (churned True); there are no reasons to count")):
            exit_reason_pareto(shop([None], [10], churned=[False]))

    def test_leaver_without_reason(self):
        with pytest.raises(ValueError, match=re.escape(
                "customers column 'exit_reason' is empty for 1 customer(s) who left: index "
                "[1]; write 'no reason given' there")):
            exit_reason_pareto(shop(["a", None], [10, 20]))

    def test_not_a_table(self):
        with pytest.raises(TypeError, match="customers must be a pandas DataFrame"):
            exit_reason_pareto([1, 2])

    @PROPERTY
    @given(st.lists(st.tuples(st.sampled_from("abcde"), st.integers(0, 10_000)),
                    min_size=1, max_size=40))
    def test_properties(self, rows):
        reasons, spend = zip(*rows)
        p = exit_reason_pareto(shop(list(reasons), list(spend)), years=1)
        assert p["customers"].sum() == len(rows)
        assert p["customers"].is_monotonic_decreasing
        assert p["cumulative_share"].iloc[-1] == pytest.approx(1.0)
        assert p["cumulative_share"].is_monotonic_increasing
        assert p["lost_revenue"].sum() == pytest.approx(sum(spend))
        few = vital_few(p)
        assert p.loc[few, "share"].sum() >= 0.8 - 1e-9
        assert len(few) == 1 or p.loc[few[:-1], "share"].sum() < 0.8 - 1e-9


class TestVitalFew:
    def test_cutoff(self):
        t = pd.DataFrame({"cumulative_share": [0.5, 0.8, 1.0]}, index=["a", "b", "c"])
        assert vital_few(t) == ["a", "b"]
        assert vital_few(t, cutoff=0.5) == ["a"]
        assert vital_few(t, cutoff=1) == ["a", "b", "c"]

    def test_errors(self):
        with pytest.raises(ValueError, match=re.escape(
                "cutoff must be between 0 and 1, got 80 (did you mean 0.8?)")):
            vital_few(pd.DataFrame({"cumulative_share": [1.0]}), cutoff=80)
        with pytest.raises(ValueError, match="pareto has no rows"):
            vital_few(pd.DataFrame({"cumulative_share": []}))
        with pytest.raises(ValueError, match=re.escape("pareto lacks the columns "
                                                       "['cumulative_share']")):
            vital_few(pd.DataFrame({"share": [1.0]}))


class TestRetentionSavings:
    table = pd.DataFrame({"customers": [10, 4], "lost_revenue": [5_000.0, 8_000.0],
                          "lost_profit": [1_000.0, 1_600.0]}, index=["staff", "price"])

    def test_worked_by_hand(self):
        # Train staff keeps half of 10 customers: 5, and half of 1,000 profit: 500.
        # Cut prices keeps a quarter of 4: 1, and 1,600 / 4 = 400.
        result = retention_savings(self.table, [RetentionAction("Cut prices", "price", 0.25),
                                                RetentionAction("Train staff", "staff", 0.5)])
        assert result.index.tolist() == ["Train staff", "Cut prices"]
        assert result["customers_kept"].tolist() == [5, 1]
        assert result["saved_revenue"].tolist() == [2_500.0, 2_000.0]
        assert result["saved_profit"].tolist() == [500.0, 400.0]

    @pytest.mark.parametrize("actions, error, message", [
        ("Train", TypeError, "actions must be a list of RetentionAction, got 'Train'"),
        ([], ValueError, "actions must hold at least one RetentionAction, got an empty list"),
        ([("a", "staff", 0.5)], TypeError,
         "actions[0] must be a RetentionAction, got ('a', 'staff', 0.5) (a tuple)"),
        ([RetentionAction("a", "weather", 0.5)], ValueError,
         "actions[0].reason must be one of the reasons in pareto (['staff', 'price']), "
         "got 'weather'"),
        ([RetentionAction("a", "staff", 50)], ValueError,
         "actions[0].keeps must be between 0 and 1, got 50 (did you mean 0.5?)"),
        ([RetentionAction("a", "staff", 0.5), RetentionAction("a", "price", 0.5)], ValueError,
         "each action needs its own name; listed more than once: ['a']"),
        ([RetentionAction("", "staff", 0.5)], ValueError,
         "actions[0].name must not be empty, got ''"),
    ])
    def test_bad_actions(self, actions, error, message):
        with pytest.raises(error, match=re.escape(message)):
            retention_savings(self.table, actions)


class TestTold:
    def test_worked_by_hand(self):
        told = compare_told([3, 5, 0, 12])  # 20 people, 5 each; 4 x 16 = 64
        assert (told.stories, told.told, told.average, told.survey_reach) == (4, 20, 5.0, 64)
        assert "reach 64" in told.summary()
        assert compare_told([1]).summary().startswith("1 story reached 1 people")

    @pytest.mark.parametrize("told, error, message", [
        ("3 5", TypeError, "told must be a list of whole numbers, got '3 5' (a str)"),
        ([], ValueError, "told must hold at least one answer, got an empty list"),
        ([2, -1], ValueError, "told[1] must be 0 or more, got -1"),
        ([2.5], ValueError, "told[0] must be a whole number, got 2.5"),
    ])
    def test_bad(self, told, error, message):
        with pytest.raises(error, match=re.escape(message)):
            compare_told(told)


class TestAdvice:
    def test_cards(self):
        cards = advice_cards()
        assert len(cards) == 16 and sum(c.harmful for c in cards) == 12
        assert {c.who for c in cards} == {"shop staff", "manager", "organisation"}
        assert [c.advice_id for c in advice_cards("manager")] == ["H06", "H07", "H08", "G01"]
        for card in cards:  # every card says what is wrong and what to do
            assert card.what_is_wrong.strip() and card.do_instead.strip()

    def test_feedback_in_words(self):
        harmful = advice_cards()[0]
        right, wrong = judge_advice(harmful, "Harmful "), judge_advice(harmful, "helpful")
        assert right.right and right.text.startswith("Right: this advice is harmful.")
        assert not wrong.right and wrong.text.startswith("Not quite: this advice is harmful.")
        assert harmful.do_instead in wrong.text and harmful.what_is_wrong in wrong.text
        helpful = advice_cards()[-1]
        assert judge_advice(helpful, "helpful").text.startswith("Right: this advice is helpful.")
        assert advice_score([right, wrong]) == "You judged 1 of 2 statements right."
        assert advice_score({"a": right}) == "You judged 1 of 1 statement right."

    def test_errors(self):
        with pytest.raises(ValueError, match=re.escape(
                "verdict must be 'harmful' or 'helpful', got 'bad'")):
            judge_advice(advice_cards()[0], "bad")
        with pytest.raises(TypeError, match=re.escape(
                "advice must be one of cc.advice_cards(), got 'H01' (a str)")):
            judge_advice("H01", "harmful")
        with pytest.raises(ValueError, match=re.escape(
                "who must be one of 'shop staff', 'manager', 'organisation' or None, got 'boss'")):
            advice_cards("boss")


class TestCategories:
    def test_every_exit_reason_has_a_category(self):
        from ccexercise.datasets._bundled import SCHEMAS
        column = next(c for c in SCHEMAS["01_lost_customer_cost"].columns
                      if c.name == "exit_reason")
        assert set(column.allowed) == set(REASON_CATEGORIES)
        assert reason_category("rude or unhelpful staff") == "how staff treat customers"

    def test_unknown(self):
        with pytest.raises(ValueError, match="reason must be one of the exit reasons"):
            reason_category("weather")
        with pytest.raises(TypeError, match=re.escape("reason must be text (a str), got 3")):
            reason_category(3)
