"""The Pareto chart of exit reasons: bars where the counts say, largest first, the running
share on the right axis, the 80% line at 80%, and the same numbers in words."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from svg_geometry import check_truthful

import ccexercise as cc
from ccexercise.views.leaving import (
    exit_reason_pareto_chart,
    exit_reason_pareto_live_chart,
    pareto_table_html,
    pareto_text,
)

TABLE = pd.DataFrame({"customers": [1, 6, 3], "lost_revenue": [50.0, 600.0, 900.0],
                      "lost_profit": [10.0, 120.0, 180.0]},
                     index=pd.Index(["moved", "staff", "price"], name="exit_reason"))


class TestLessonChart:
    def test_bars_sorted_and_line_cumulative(self):
        fig = exit_reason_pareto_chart(TABLE)
        bars, share = fig.axes
        assert [float(b.get_height()) for b in bars.containers[0]] == [6.0, 3.0, 1.0]
        assert [t.get_text() for t in bars.get_xticklabels()] == ["staff", "price", "moved"]
        line = share.get_lines()[0]
        assert line.get_ydata().tolist() == [60.0, 90.0, 100.0]
        assert list(share.get_lines()[1].get_ydata()) == [80, 80]  # the 80% line
        assert bars.get_title() == "2 of 3 reasons make up 80% of those who left"

    def test_revenue_measure_reorders(self):
        fig = exit_reason_pareto_chart(TABLE, measure="lost_revenue")
        assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["price", "staff",
                                                                         "moved"]
        assert fig.axes[0].get_title() == "2 of 3 reasons make up 80% of lost revenue"

    @pytest.mark.parametrize("pareto, kwargs, error, message", [
        (TABLE, {"measure": "count"}, ValueError,
         "measure must be one of customers, lost_revenue, lost_profit, got 'count'"),
        (TABLE[["lost_revenue"]], {}, ValueError, "pareto lacks the columns ['customers']"),
        (TABLE.iloc[:0], {}, ValueError, "pareto has no rows; there are no reasons to draw"),
        (TABLE.assign(customers=["a", "b", "c"]), {}, TypeError,
         "pareto column 'customers' must hold numbers"),
        (TABLE.assign(customers=[1, -2, 3]), {}, ValueError,
         "pareto column 'customers' must hold amounts of 0 or more, with no empty cells"),
    ])
    def test_bad_input(self, pareto, kwargs, error, message):
        for draw in (exit_reason_pareto_chart, exit_reason_pareto_live_chart, pareto_text):
            with pytest.raises(error, match=re.escape(message)):
                draw(pareto, **kwargs)


class TestLiveChart:
    def test_series(self):
        chart = exit_reason_pareto_live_chart(TABLE)
        assert chart.categories == ("staff", "price", "moved")  # full names, largest on top
        assert chart.horizontal
        assert [s.kind for s in chart.series] == ["bars", "line", "reference"]
        assert chart.series[0].values == (60.0, 30.0, 10.0)  # each reason's share, in %
        assert chart.series[1].values == (60.0, 90.0, 100.0)  # the running share
        assert chart.series[2].values == (80.0,)
        assert chart.value_axis()[:2] == (0.0, 100.0)
        check_truthful(chart)
        revenue = exit_reason_pareto_live_chart(TABLE, measure="lost_revenue")
        assert revenue.categories == ("price", "staff", "moved")
        assert revenue.series[0].values == (58.1, 38.7, 3.2)  # 900, 600, 50 of 1,550

    def test_bundled_data(self):
        pareto = cc.exit_reason_pareto(cc.datasets.load("01_lost_customer_cost"))
        for measure in ("customers", "lost_revenue", "lost_profit"):
            check_truthful(exit_reason_pareto_live_chart(pareto, measure=measure))


class TestWords:
    def test_text_alternative_has_every_number(self):
        assert pareto_text(TABLE) == ("Customers who left, largest first: staff 6 (running "
                                      "share 60%); price 3 (90%); moved 1 (100%).")
        assert pareto_text(TABLE, measure="lost_profit").startswith(
            "Lost profit, largest first: price 180 (running share 58.1%); staff 120 (96.8%)")
        table = pareto_table_html(TABLE)
        assert table.count("<tr>") == 4 and "staff</td><td>6</td><td>60%" in table
