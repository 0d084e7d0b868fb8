"""Tests for ccexercise.listening: the mystery-shop checklist, a visit's results, the
conversation log and its tally, and the exit-survey planner.

Hand-worked values: the texts' shop (50 chocolates for 7,500, 30-50
improvements) gives 7,500 / 50 = 150 and 7,500 / 30 = 250 per improvement;
module 01's classroom customer (10 + 12 + 14 + 16 + 18 thousand at 20 %) loses
14,000 of profit, so the survey needs 7,500 / 14,000 = 0.54 customers kept.
"""

import io
import math
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ccexercise as cc
from ccexercise.datasets import DataError
from ccexercise.listening import (
    CHECKLIST_STAGES,
    DEFAULT_STAGES,
    THEMES,
    Checklist,
    Stage,
    exit_survey_payback,
    exit_survey_plan,
    load_conversations,
    mystery_shop_checklist,
    score_visit,
    tally_themes,
)

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def raises(kind, message):
    return pytest.raises(kind, match="^" + re.escape(message) + "$")


class TestChecklist:
    def test_default_is_the_wholesale_walk_through(self):
        """Nine stages in the texts' order, from the website to calling accounting."""
        checklist = mystery_shop_checklist()
        assert [s.key for s in checklist.stages] == list(DEFAULT_STAGES) == [
            "website", "phone_call", "finding_us", "parking", "sales_floor", "paying",
            "warehouse", "incomplete_order", "accounting"]
        assert checklist.points == 3 + 3 + 1 + 2 + 2 + 2 + 3 + 2 + 2
        assert "reserved" in " ".join(checklist.stage("parking").points)
        assert "Do not enter" in " ".join(checklist.stage("warehouse").points)

    def test_fruit_stall_and_service_points_are_optional_stages(self):
        """The stall's and the service companies' points are there, but not by default."""
        extra = set(CHECKLIST_STAGES) - set(DEFAULT_STAGES)
        assert extra == {"stall_approach", "stall_display", "stall_paying", "service_call",
                         "service_updates", "service_visit"}
        text = " ".join(p for k in extra for p in CHECKLIST_STAGES[k].points)
        for word in ("sun and rain", "bags", "scale", "cash, by card and by phone",
                     "one call", "message", "any time today", "tidy"):
            assert word in text

    def test_order_and_own_points(self):
        """Stages come in the order given; own points follow the stage's points."""
        checklist = mystery_shop_checklist(["paying", "website"],
                                           add={"paying": ["Was the receipt right?"]})
        assert [s.key for s in checklist.stages] == ["paying", "website"]
        assert checklist.stage("paying").points[-1] == "Was the receipt right?"
        assert len(checklist.stage("paying").points) == 3
        assert CHECKLIST_STAGES["paying"].points[-1] != "Was the receipt right?"  # unchanged
        assert checklist.table.shape == (6, 4)

    def test_own_stage(self):
        """A Stage of your own goes on the checklist like a built-in one."""
        own = Stage("delivery", "Delivery", ("Did it arrive on the day promised?",))
        checklist = mystery_shop_checklist(["website", own])
        assert checklist.stages[1] is own and checklist.points == 4

    def test_text(self):
        assert mystery_shop_checklist(["finding_us"], title="Visit").text() == (
            "Visit\n\nFinding the place\n  [ ] Could you find it with only what we publish "
            "(address, map, signs)?")

    def test_unknown_stage(self):
        with raises(ValueError, "stages[0] must be one of the stage keys "
                    + ", ".join(CHECKLIST_STAGES) + ", or a Stage, got 'lobby'"):
            mystery_shop_checklist(["lobby"])

    def test_one_key_not_a_list(self):
        with raises(TypeError, "stages must be a list of stage keys, got one 'website' "
                    "(did you mean ['website']?)"):
            mystery_shop_checklist("website")

    def test_empty_and_repeated(self):
        with raises(ValueError, "stages must name at least one stage, got none"):
            mystery_shop_checklist([])
        with raises(ValueError, "stages must each appear once, got website twice"):
            mystery_shop_checklist(["website", "paying", "website"])

    def test_add_to_a_stage_not_chosen(self):
        with raises(ValueError, "add names the stage 'parking', which is not on this "
                    "checklist; its stages are website"):
            mystery_shop_checklist(["website"], add={"parking": ["Free?"]})

    def test_add_must_be_a_mapping_of_lists(self):
        with raises(TypeError, "add must map a stage key to a list of points, such as "
                    "{'parking': ['Is it free?']}, got ['Free?'] (a list)"):
            mystery_shop_checklist(add=["Free?"])
        with raises(TypeError, "add['parking'] must be a list of points to check, got one "
                    "text 'Free?' (did you mean ['Free?']?)"):
            mystery_shop_checklist(add={"parking": "Free?"})
        with raises(ValueError, "add['parking'][0] must not be empty, got ' '"):
            mystery_shop_checklist(add={"parking": [" "]})

    def test_point_too_long(self):
        with raises(ValueError, "add['website'][1] must be at most 160 characters, got 161 ('"
                    + "x" * 30 + "'...)"):
            mystery_shop_checklist(["website"], add={"website": ["ok", "x" * 161]})

    def test_stage_checks(self):
        with raises(ValueError, "key must be lower-case letters, digits and _ (such as "
                    "'delivery'), got 'Car park'"):
            Stage("Car park", "Car park", ("Free?",))
        with raises(ValueError, "points of stage 'x' must hold at least one point, got none"):
            Stage("x", "X", ())
        with raises(ValueError, "title must be at most 60 characters, got 61 ('"
                    + "T" * 30 + "'...)"):
            Stage("x", "T" * 61, ("a",))


class TestScoreVisit:
    CHECKLIST = mystery_shop_checklist(["website", "parking", "warehouse"])

    def test_by_hand(self):
        """website 1 of 3 fine, parking 1 of 2, warehouse 3 of 3 (8 points): weakest website, parking."""
        visit = score_visit(self.CHECKLIST, {"website": ["fine", "problem", "no"],
                                             "parking": ["yes", False],
                                             "warehouse": [True, "OK", " fine "]})
        assert visit.table["stage"].tolist() == ["website", "parking", "warehouse"]
        assert visit.table["problems"].tolist() == [2, 1, 0]
        assert visit.table["share_fine"].tolist() == pytest.approx([1 / 3, 1 / 2, 1.0])
        assert visit.weakest() == ["Website", "Parking"]
        assert visit.summary() == ("3 of 8 points checked were a problem. Start with: "
                                   "Website; Parking.")

    def test_ties_by_problems_then_order(self):
        """At the same share fine, more problems first; then the checklist's order."""
        visit = score_visit(self.CHECKLIST, {"website": ["problem", "fine", "skip"],
                                             "parking": ["problem", "fine"],
                                             "warehouse": ["problem", "problem", "fine"]})
        # warehouse 1/3 fine; website 1/2, parking 1/2 (same problems: checklist order)
        assert visit.table["stage"].tolist() == ["warehouse", "website", "parking"]

    def test_nothing_checked(self):
        """A stage left out is not checked: it goes last, and nothing is weakest."""
        visit = score_visit(self.CHECKLIST, {})
        assert visit.table["checked"].tolist() == [0, 0, 0]
        assert visit.weakest() == [] and visit.summary() == "Nothing was checked yet."
        visit = score_visit(self.CHECKLIST, {"parking": ["fine", "fine"]})
        assert visit.table["stage"].tolist()[0] == "parking"
        assert visit.summary() == "All 2 points checked were fine."

    def test_every_bad_mark_reported(self):
        with raises(ValueError, "3 problems with marks: marks['website'] must have one mark "
                    "per point (3), got 1; marks['parking'][1] must be 'fine', 'problem' or "
                    "'skip' (or True, False, None), got 2; marks names the stage 'lobby', "
                    "which is not on this checklist (its stages are website, parking, "
                    "warehouse)"):
            score_visit(self.CHECKLIST, {"website": ["fine"], "parking": ["fine", 2],
                                         "lobby": ["fine"]})

    def test_wrong_types(self):
        with raises(TypeError, "checklist must be a Checklist (from mystery_shop_checklist"
                    "(...)), got 'website' (a str)"):
            score_visit("website", {})
        with raises(TypeError, "marks must map a stage key to a list of marks, such as "
                    "{'website': ['fine', 'problem']}, got ['fine'] (a list)"):
            score_visit(self.CHECKLIST, ["fine"])
        with raises(ValueError, "1 problem with marks: marks['parking'] must be a list of "
                    "marks, one per point, got 'fine'"):
            score_visit(self.CHECKLIST, {"parking": "fine"})

    @PROPERTY
    @given(st.lists(st.sampled_from(["fine", "problem", "skip"]), min_size=8, max_size=8))
    def test_counts_add_up_and_order_is_by_share(self, marks):
        """checked = fine + problems per stage, totals match the marks, shares never rise."""
        visit = score_visit(self.CHECKLIST, {"website": marks[:3], "parking": marks[3:5],
                                             "warehouse": marks[5:]})
        table = visit.table
        assert (table["checked"] == table["fine"] + table["problems"]).all()
        assert table["problems"].sum() == marks.count("problem")
        assert table["fine"].sum() == marks.count("fine")
        shares = table["share_fine"].dropna().tolist()
        assert shares == sorted(shares)
        assert len(visit.weakest(3)) == int((table["problems"] > 0).sum())


BAD_LOG = ("date,customer,improve,theme\n"
           "2025-03-03,Anna,Faster tills,waiting and speed\n"
           "2025-02-30,Boris,More staff,waiting and speed\n"
           "2025-03-04,,Card payment,prices\n"
           "2025-03-04,Dana,,other\n")


class TestConversationLog:
    def test_bundled_example(self):
        """25 conversations, five a day on five working days, every theme allowed."""
        log = load_conversations()
        assert len(log) == 25 and log["date"].nunique() == 5
        assert log.groupby("date").size().tolist() == [5] * 5
        assert set(log["theme"]) <= set(THEMES)
        assert list(log.columns) == ["date", "customer", "improve", "theme"]

    def test_tally_of_the_example(self):
        """Waiting 7, stock 5, accounting 4, staff 3, then the rest; shares of 25."""
        tally = tally_themes(load_conversations())
        assert tally.table["conversations"].tolist() == [7, 5, 4, 3, 2, 2, 1, 1]
        assert tally.table["theme"].tolist()[:4] == ["waiting and speed", "stock and orders",
                                                     "invoices and accounting",
                                                     "staff and manners"]
        assert tally.table["share"].iloc[0] == pytest.approx(7 / 25)
        assert tally.top(3) == ["waiting and speed", "stock and orders",
                                "invoices and accounting"]
        assert tally.summary() == (
            "25 conversations over 5 days. Most mentioned: waiting and speed (7 of 25). "
            "Fix first: waiting and speed, stock and orders, invoices and accounting.")

    def test_every_bad_row_reported(self):
        """Four problems in three rows, each with its spreadsheet row number."""
        result = load_conversations(io.StringIO(BAD_LOG), errors="report")
        assert len(result.data) == 1 and len(result.rejected) == 3
        assert result.problems[["row", "column"]].values.tolist() == [
            [3, "date"], [4, "customer"], [4, "theme"], [5, "improve"]]
        with pytest.raises(DataError) as caught:
            load_conversations(io.StringIO(BAD_LOG))
        assert len(caught.value.problems) == 4
        assert "3 rows are bad" in str(caught.value)

    def test_short_week(self):
        """A log short of 25 says how many conversations are missing; 'other' is never top."""
        log = pd.DataFrame({"date": ["2025-03-03"] * 2, "customer": ["A", "B"],
                            "improve": ["tea", "chairs"], "theme": ["other", "other"]})
        tally = tally_themes(log)
        assert tally.top() == []
        assert tally.summary().startswith("2 conversations over 1 day (23 short of the "
                                          "five-by-five week's 25). Most mentioned: other")

    def test_bad_tables(self):
        log = load_conversations()
        with raises(ValueError, "log's theme column must hold only " + ", ".join(THEMES)
                    + "; got ['speed']"):
            tally_themes(log.assign(theme="speed"))
        with raises(TypeError, "log must be a pandas DataFrame (a conversation log like "
                    "cc.load_conversations()), got [] (a list)"):
            tally_themes([])

    @PROPERTY
    @given(st.lists(st.sampled_from(THEMES), min_size=1, max_size=40))
    def test_tally_adds_up(self, themes):
        """Counts add up to the rows, shares to 1, and run from most to fewest."""
        log = pd.DataFrame({"date": ["2025-03-03"] * len(themes),
                            "customer": [f"C{i}" for i in range(len(themes))],
                            "improve": ["x"] * len(themes), "theme": themes})
        table = tally_themes(log).table
        assert table["conversations"].sum() == len(themes)
        assert table["share"].sum() == pytest.approx(1.0)
        assert table["conversations"].tolist() == sorted(table["conversations"], reverse=True)


class TestExitSurvey:
    def test_the_texts_shop(self):
        """50 x 150 = 7,500; 7,500/50 = 150 and 7,500/30 = 250 per improvement."""
        plan = exit_survey_plan()
        assert plan.cost == 7500.0 and plan.cost_per_improvement == (150.0, 250.0)
        assert plan.assumptions["from"].tolist() == ["the texts' shop"] * 3 + [
            "yours (the texts do not count it)", "the texts' shop"]

    def test_own_figures(self):
        """30 x 200 + 2 x 1,000 = 8,000; over 20-40 improvements: 200 to 400."""
        plan = exit_survey_plan(answers=30, gift_cost=200, day_cost=1000, improvements=(20, 40))
        assert plan.cost == 8000.0 and plan.cost_per_improvement == (200.0, 400.0)
        assert set(plan.assumptions["from"]) == {"yours"}
        assert plan.summary() == ("30 answers at 200 each cost 8,000 over 2 days and should "
                                  "give 20 to 40 improvements: 200 to 400 per improvement.")

    def test_payback_uses_module_01(self):
        """Module 01's classroom customer: 14,000 of profit; 7,500 / 14,000 = 0.54."""
        payback = exit_survey_payback(exit_survey_plan())
        assert payback.lost.profit == 14000.0 == cc.lost_revenue(
            10_000, growth_per_year=2_000, years=5, margin=0.2).profit
        assert payback.customers_to_break_even == 0.54
        assert payback.pays_for_itself(1) and not payback.pays_for_itself(0)
        small = exit_survey_payback(exit_survey_plan(), cc.lost_revenue(1_000, margin=0.1))
        assert small.customers_to_break_even == 15.0  # 7,500 / 500
        assert not small.pays_for_itself(14) and small.pays_for_itself(15)
        assert small.summary() == ("The survey costs 7,500; one lost customer costs 500 of "
                                   "profit over 5 years, so it must keep 15 customers to pay "
                                   "for itself.")

    def test_bad_inputs(self):
        with raises(ValueError, "improvements must be (fewest, most) with the fewest first "
                    "and at least 1, got (50, 30)"):
            exit_survey_plan(improvements=(50, 30))
        with raises(TypeError, "improvements must be two whole numbers (fewest, most), such "
                    "as (30, 50), got 40"):
            exit_survey_plan(improvements=40)
        with raises(ValueError, "answers must be 1 or more, got 0"):
            exit_survey_plan(answers=0)
        with raises(ValueError, "gift_cost must be 0 or more, got -1"):
            exit_survey_plan(gift_cost=-1)
        with raises(TypeError, "plan must be the result of exit_survey_plan(...), got 7500 "
                    "(a int)"):
            exit_survey_payback(7500)
        with raises(ValueError, "lost must include a profit: call lost_revenue(...) with a "
                    "margin, such as margin=0.2"):
            exit_survey_payback(exit_survey_plan(), cc.lost_revenue(10_000))
        with raises(ValueError, "margin must be between 0 and 1, got 20 (did you mean 0.2?)"):
            exit_survey_payback(exit_survey_plan(), margin=20)

    @PROPERTY
    @given(answers=st.integers(1, 500), gift=st.integers(0, 1000), days=st.integers(1, 10),
           day_cost=st.integers(0, 5000), low=st.integers(1, 100), extra=st.integers(0, 100))
    def test_cost_per_improvement_brackets(self, answers, gift, days, day_cost, low, extra):
        """cost = answers x gift + days x day cost; per improvement from cost/most to cost/fewest."""
        plan = exit_survey_plan(answers=answers, gift_cost=gift, days=days, day_cost=day_cost,
                                improvements=(low, low + extra))
        assert plan.cost == answers * gift + days * day_cost
        cheap, dear = plan.cost_per_improvement
        assert cheap <= dear
        assert math.isclose(cheap, round(plan.cost / (low + extra), 2))
