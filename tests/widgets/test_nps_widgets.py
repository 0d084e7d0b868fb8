"""The NPS widgets, driven from Python as a learner's slider or a trainer's typing would.

Expected numbers are worked by hand (shares of promoters minus detractors)
or come from the model called directly with the same inputs.
"""

import ipywidgets as widgets
import pytest

import ccexercise as cc
from ccexercise.views.nps import nps_groups_live_chart, nps_interval_live_chart
from ccexercise.widgets import NpsExplorer, NpsWhatIf, RoomPoll, nps_explorer, room_poll


class TestExplorer:
    def test_starts_at_the_classroom_example(self):
        w = nps_explorer()
        assert w.result == cc.NpsCounts(100, 60, 40)
        assert "NPS <b>+30.0</b>" in w.summary.value and "+19.2 to +40.8" in w.summary.value
        assert w.chart.value == nps_groups_live_chart(w.result).to_svg()
        assert w.interval_chart.chart.series[0].low == (19.2,)

    def test_moving_a_slider_moves_the_score_and_interval(self):
        """150 promoters, 60 passives, 40 detractors: (150 - 40) / 250 = +44."""
        w = NpsExplorer()
        old_picture = w.chart.value
        w.promoters.value = 150
        assert w.result.nps == 44.0
        assert "NPS <b>+44.0</b>" in w.summary.value
        assert w.chart.value != old_picture
        assert w.interval_chart.chart.series[0].low == (cc.nps_interval_from_counts(150, 60,
                                                                                     40)[0],)

    def test_method_switch_uses_the_adjusted_interval(self):
        w = NpsExplorer(5, 0, 0)
        assert "+100.0 to +100.0" in w.summary.value  # Wald collapses on all promoters
        w.method.value = "Adjusted Wald (small groups)"
        low, high = cc.nps_interval_from_counts(5, 0, 0, method="adjusted_wald")
        assert f"{low:+.1f} to {high:+.1f}" in w.summary.value and low < 100

    def test_all_zero_shows_a_kind_error_and_recovers(self):
        w = NpsExplorer(1, 0, 0)
        w.promoters.value = 0
        assert w.result is None and "at least one answer" in w.error.value
        assert w.chart.layout.display == "none"
        w.detractors.value = 2
        assert w.result.nps == -100.0 and w.error.value == ""


class TestWhatIf:
    def test_both_single_steps_pay_the_same(self):
        """10 of 200 moving up one group: +5 points either way; two groups: +10."""
        w = NpsWhatIf()
        assert "same +5.0 points" in w.verdict.value
        assert "<b>+10.0</b>" in w.verdict.value
        assert w.chart.chart.series[0].values == (30.0, 35.0, 35.0, 40.0)

    def test_a_small_group_caps_the_move(self):
        """Only 4 detractors: moving 10 passives pays more than moving 4 detractors."""
        w = NpsWhatIf(100, 60, 4, moved=10)
        assert w.result.loc["detractors -> passives", "moved"] == 4
        assert "Winning over passives adds more" in w.verdict.value

    def test_slider_change_redraws(self):
        w = NpsWhatIf()
        w.moved.value = 20
        assert w.chart.chart.series[0].values == (30.0, 40.0, 40.0, 50.0)


class TestRoomPoll:
    def test_typed_scores_give_the_big_result(self):
        """10 9 9 6 7: 3 promoters, 1 passive, 1 detractor = +40."""
        w = room_poll()
        assert w.result is None and "Waiting" in w.big.value
        w.entries.value = "10 9, 9\n6;7"
        assert w.result == cc.NpsCounts(3, 1, 1)
        assert "+40.0" in w.big.value and "font-size: 4em" in w.big.value
        assert w.chart.chart.title == nps_groups_live_chart(cc.NpsCounts(3, 1, 1)).title

    def test_nothing_typed_is_lost(self):
        """Bad entries are listed, with the reason, and stay in the box."""
        text = "10 eleven 11 7.5 9"
        w = RoomPoll(text)
        assert w.entries.value == text
        assert w.rejected_entries == [(2, "eleven", "is not a number"), (3, "11", "is above 10"),
                                      (4, "7.5", "is not a whole number")]
        assert "entry 2 <b>eleven</b> is not a number" in w.rejected.value
        assert w.result == cc.NpsCounts(2, 0, 0)

    def test_one_to_ten_scale_rejects_zero(self):
        w = RoomPoll("0 10")
        assert w.result.n == 2
        w.scale.value = "1-10"
        assert w.rejected_entries == [(1, "0", "is below 1")] and w.result.n == 1

    def test_outputs_are_pictures_and_html(self):
        w = RoomPoll("9")
        assert isinstance(w.entries, widgets.Textarea)
        assert w.chart.format == "svg+xml"
        assert w.chart.value == nps_groups_live_chart(w.result).to_svg()


def test_interval_chart_is_the_view():
    w = NpsExplorer(30, 10, 20)
    assert w.interval_chart.value == nps_interval_live_chart(w.result).to_svg()


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_poll_waits(text):
    assert RoomPoll(text).result is None
