"""Tests for ccexercise.views.nps: what each chart draws, compared with the model's numbers."""

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import ccexercise as cc
from ccexercise.nps import NpsCounts
from ccexercise.views import nps as views

TABLE = pd.DataFrame({"branch": ["A"] * 4 + ["B"] * 3,
                      "date": ["2025-01-03", "2025-01-09", "2025-02-01", "2025-02-11"] * 1
                      + ["2025-01-20", "2025-02-02", "2025-02-27"],
                      "score": [10, 9, 6, 7, 0, 10, 8]})


def raises(kind, message):
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


class TestStatic:
    def test_groups_chart_labels_each_group_by_word_and_share(self):
        """1 detractor, 1 passive, 2 promoters: 25 %, 25 %, 50 %, named in the bar."""
        fig = views.nps_groups_chart(NpsCounts(2, 1, 1))
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.texts] == ["Detractors\n25%", "Passives\n25%",
                                                     "Promoters\n50%"]
        widths = [p.get_width() for p in ax.patches]
        assert widths == pytest.approx([25, 25, 50])
        assert [p.get_facecolor()[:3] for p in ax.patches] == [
            pytest.approx(tuple(int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)))
            for c in views.GROUP_COLOURS.values()]
        assert [t.get_text() for t in ax.get_legend().get_texts()] == list(views.GROUPS)

    def test_segment_chart_draws_each_interval(self):
        """The error bars run from each branch's low to its high."""
        by = cc.nps_by(TABLE, "branch")
        fig = views.nps_segment_chart(by)
        segments = fig.axes[0].collections[-1].get_segments()
        assert [(s[0][0], s[1][0]) for s in segments] == [
            pytest.approx((lo, hi)) for lo, hi in zip(by["low"], by["high"])]
        assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["A", "B"]

    def test_trend_chart_line_and_band(self):
        """The line holds the monthly NPS; the band spans low..high."""
        by = cc.nps_by_period(TABLE)
        ax = views.nps_trend_chart(by).axes[0]
        assert ax.lines[0].get_ydata().tolist() == by["nps"].tolist()
        band = ax.collections[0].get_paths()[0].vertices[:, 1]
        assert band.min() == pytest.approx(by["low"].min())
        assert band.max() == pytest.approx(by["high"].max())

    def test_bad_inputs(self):
        with raises(TypeError, "counts must be an NpsCounts, such as cc.nps_counts(scores), "
                               "got [10, 9] (a list)"):
            views.nps_groups_chart([10, 9])
        with raises(ValueError, "by_segment lacks the columns ['low', 'high']; it needs answers, "
                                "promoters, passives, detractors, nps, low, high (the result of "
                                "cc.nps_by(...) or cc.nps_by_period(...)) and has ['answers', "
                                "'promoters', 'passives', 'detractors', 'nps']"):
            views.nps_segment_chart(cc.nps_by(TABLE, "branch").drop(columns=["low", "high"]))
        with raises(TypeError, "by_period must be a pandas DataFrame (the result of "
                               "cc.nps_by(...) or cc.nps_by_period(...)), got 7 (a int)"):
            views.nps_trend_chart(7)
        with raises(ValueError, "by_period has no rows; there is nothing to draw"):
            views.nps_trend_chart(cc.nps_by_period(TABLE).iloc[:0])


class TestLive:
    def test_groups_live_chart(self):
        """Each group is its own coloured series with its own count."""
        chart = views.nps_groups_live_chart(NpsCounts(100, 60, 40))
        assert chart.title == "NPS +30.0 from 200 answers (95% interval +19.2 to +40.8)"
        assert chart.categories == ("Detractors: 40", "Passives: 60", "Promoters: 100")
        assert [sum(s.values) for s in chart.series] == [40, 60, 100]
        assert [s.colour for s in chart.series] == list(views.GROUP_COLOURS.values())
        assert chart.to_svg().startswith(b"<svg")

    def test_interval_live_chart_matches_the_model(self):
        low, high = cc.nps_interval_from_counts(5, 3, 2, method="adjusted_wald")
        chart = views.nps_interval_live_chart(NpsCounts(5, 3, 2), method="adjusted_wald")
        assert (chart.series[0].low, chart.series[0].high) == ((low,), (high,))

    def test_what_if_and_segment_live_charts(self):
        table = cc.nps_what_if(10, 10, 5, moved=5)
        assert views.nps_what_if_live_chart(table).series[0].values == tuple(table["nps"])
        by = cc.nps_by(TABLE, "branch")
        assert views.nps_segment_live_chart(by).series[0].values == tuple(by["nps"])

    def test_what_if_live_chart_bad_table(self):
        """A table without an nps column, or no table at all, is refused."""
        with raises(ValueError, "table lacks the columns ['nps']; it needs nps (the result of "
                                "cc.nps_what_if(...)) and has ['answers']"):
            views.nps_what_if_live_chart(pd.DataFrame({"answers": [10]}))
        with raises(TypeError, "table must be a pandas DataFrame (the result of "
                               "cc.nps_what_if(...)), got 30 (a int)"):
            views.nps_what_if_live_chart(30)
