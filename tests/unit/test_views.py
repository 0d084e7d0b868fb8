"""Tests for ccexercise.views: the lost-customer charts and the figure helpers.

The charts are checked by reading the drawn artists back (bar heights,
line data, titles, tick texts) and comparing them with the model's own
table, so the tests need no image comparison and no display.
"""

import re
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.container import BarContainer
from matplotlib.figure import Figure

from ccexercise import views
from ccexercise.lost_customers import cost_by_segment, lost_revenue, lost_revenue_table
from ccexercise.views import (
    figure_to_png,
    format_money,
    lost_revenue_chart,
    money_formatter,
    segment_chart,
)
from ccexercise.views._figures import COLOURS, new_figure

ROOT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def bars(ax, label):
    """The BarContainer of ``ax`` whose legend label is ``label``."""
    found = [c for c in ax.containers if isinstance(c, BarContainer) and c.get_label() == label]
    assert len(found) == 1, [c.get_label() for c in ax.containers]
    return found[0]


def png_size(data):
    """(width, height) in pixels from a PNG's IHDR chunk."""
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def classroom():
    """The course's example: 10,000 growing by 2,000 a year for 5 years at a 20% margin."""
    return lost_revenue(10_000, growth_per_year=2_000, years=5, margin=0.2)


def test_dunder_all_sorted_and_defined():
    """views.__all__ is sorted and every name in it exists."""
    assert list(views.__all__) == sorted(views.__all__)
    assert all(hasattr(views, name) for name in views.__all__)


def test_views_use_neither_pyplot_nor_ipywidgets():
    """Making and saving a chart never imports pyplot (global state) or ipywidgets."""
    probe = (
        "import sys\n"
        "import ccexercise as cc\n"
        "from ccexercise.views import lost_revenue_chart, figure_to_png\n"
        "figure_to_png(lost_revenue_chart(cc.lost_revenue(10_000, margin=0.2)))\n"
        "print(sorted(m for m in ('matplotlib.pyplot', 'ipywidgets') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


class TestLostRevenueChart:
    def test_returns_unmanaged_figure(self, classroom):
        """The result is a Figure that pyplot does not track."""
        fig = lost_revenue_chart(classroom)
        assert isinstance(fig, Figure)
        assert fig.canvas.manager is None

    def test_default_title_states_total(self, classroom):
        """The title states the years and the total: 10+12+14+16+18 thousand = 70,000."""
        assert lost_revenue_chart(classroom).axes[0].get_title() == \
            "Lost revenue over 5 years: 70,000"

    def test_default_title_one_year(self):
        """One year is written in the singular."""
        assert lost_revenue_chart(lost_revenue(2_500, years=1)).axes[0].get_title() == \
            "Lost revenue over 1 year: 2,500"

    def test_default_title_with_cents(self):
        """A whole total shows no cents (2 × 1,000.50 = 2,001); a total with cents shows them."""
        cost = lost_revenue(1_000.5, years=2)
        assert lost_revenue_chart(cost).axes[0].get_title() == \
            "Lost revenue over 2 years: 2,001"
        cost = lost_revenue(1_000.25, years=1)
        assert lost_revenue_chart(cost).axes[0].get_title() == \
            "Lost revenue over 1 year: 1,000.25"

    def test_custom_title(self, classroom):
        """A given title replaces the default."""
        assert lost_revenue_chart(classroom, title="Ann's shop").axes[0].get_title() == \
            "Ann's shop"

    def test_title_is_deterministic(self, classroom):
        """The same cost gives the same title every time."""
        titles = {lost_revenue_chart(classroom).axes[0].get_title() for _ in range(3)}
        assert len(titles) == 1

    def test_revenue_bar_heights(self, classroom):
        """One bar per year, as high as the model's yearly revenue."""
        heights = [b.get_height() for b in bars(lost_revenue_chart(classroom).axes[0],
                                                "Lost revenue per year")]
        assert heights == pytest.approx(classroom.table["revenue"].tolist())
        assert heights == pytest.approx([10_000, 12_000, 14_000, 16_000, 18_000])

    def test_profit_bar_heights(self, classroom):
        """Profit bars are the model's yearly profit: 20% of each year's revenue."""
        heights = [b.get_height() for b in bars(lost_revenue_chart(classroom).axes[0],
                                                "Lost profit per year")]
        assert heights == pytest.approx(classroom.table["profit"].tolist())
        assert heights == pytest.approx([2_000, 2_400, 2_800, 3_200, 3_600])

    def test_profit_beside_revenue(self, classroom):
        """Each year's profit bar stands right of its revenue bar, without overlapping."""
        ax = lost_revenue_chart(classroom).axes[0]
        for rev, pro in zip(bars(ax, "Lost revenue per year"), bars(ax, "Lost profit per year")):
            assert rev.get_x() + rev.get_width() <= pro.get_x() + 1e-9

    def test_no_profit_bars_without_margin(self):
        """Without a margin only revenue bars are drawn."""
        ax = lost_revenue_chart(lost_revenue(10_000, years=3)).axes[0]
        labels = [c.get_label() for c in ax.containers if isinstance(c, BarContainer)]
        assert labels == ["Lost revenue per year"]

    def test_bars_centred_on_years(self):
        """Without profit bars each revenue bar is centred on its year."""
        ax = lost_revenue_chart(lost_revenue(10_000, years=3)).axes[0]
        centres = [b.get_x() + b.get_width() / 2 for b in bars(ax, "Lost revenue per year")]
        assert centres == pytest.approx([1, 2, 3])

    def test_cumulative_line(self, classroom):
        """The second axes holds the running total, ending at the total revenue."""
        fig = lost_revenue_chart(classroom)
        assert len(fig.axes) == 2
        (line,) = fig.axes[1].get_lines()
        assert list(line.get_xdata()) == [1, 2, 3, 4, 5]
        assert list(line.get_ydata()) == pytest.approx(
            classroom.table["cumulative_revenue"].tolist())
        assert line.get_ydata()[-1] == pytest.approx(classroom.revenue)

    def test_axis_labels(self, classroom):
        """The axes are labelled Year and Amount."""
        ax = lost_revenue_chart(classroom).axes[0]
        assert (ax.get_xlabel(), ax.get_ylabel()) == ("Year", "Amount")

    def test_money_ticks(self, classroom):
        """Both amount axes write 12,000 with a separator and no currency sign."""
        fig = lost_revenue_chart(classroom)
        for ax in fig.axes:
            assert ax.yaxis.get_major_formatter()(12_000) == "12,000"

    def test_one_tick_per_year(self, classroom):
        """Up to 20 years, every year has a tick."""
        ax = lost_revenue_chart(classroom).axes[0]
        assert list(ax.get_xticks()) == [1, 2, 3, 4, 5]

    def test_many_years_integer_ticks(self):
        """Beyond 20 years the ticks are still whole years."""
        ax = lost_revenue_chart(lost_revenue(1_000, years=60)).axes[0]
        ticks = ax.get_xticks()
        assert np.allclose(ticks, np.round(ticks))

    def test_bar_labels_show_amounts(self, classroom):
        """With few years, each bar carries its amount as text."""
        texts = {t.get_text() for t in lost_revenue_chart(classroom).axes[0].texts}
        assert {"10,000", "18,000", "2,000", "3,600"} <= texts

    def test_legend_names_every_series(self, classroom):
        """One legend names the revenue bars, the profit bars and the running total."""
        fig = lost_revenue_chart(classroom)
        (legend,) = fig.legends
        assert [t.get_text() for t in legend.get_texts()] == [
            "Lost revenue per year", "Lost profit per year", "Lost revenue so far (right axis)"]

    def test_colour_blind_safe_colours(self, classroom):
        """Revenue and profit bars use the Okabe-Ito blue and orange."""
        ax = lost_revenue_chart(classroom).axes[0]
        from matplotlib.colors import to_hex
        assert to_hex(bars(ax, "Lost revenue per year")[0].get_facecolor()) == \
            COLOURS["revenue"].lower()
        assert to_hex(bars(ax, "Lost profit per year")[0].get_facecolor()) == \
            COLOURS["profit"].lower()

    def test_zero_revenue_draws(self):
        """A customer who buys nothing still gives a chart with a sensible axis."""
        fig = lost_revenue_chart(lost_revenue(0, years=3))
        assert fig.axes[0].get_ylim() == (0, 1)
        assert figure_to_png(fig).startswith(PNG_SIGNATURE)

    def test_declining_customer(self):
        """A shrinking customer's bars follow the model: 10,000 falling by 2,500 a year."""
        cost = lost_revenue(10_000, growth_per_year=-2_500, years=5)
        heights = [b.get_height() for b in bars(lost_revenue_chart(cost).axes[0],
                                                "Lost revenue per year")]
        assert heights == pytest.approx([10_000, 7_500, 5_000, 2_500, 0])

    def test_not_a_cost(self):
        """A number instead of a LostCustomerCost is a TypeError."""
        with raises(TypeError, "cost must be the result of lost_revenue(...), got 70000 (a int)"):
            lost_revenue_chart(70000)

    def test_title_not_text(self, classroom):
        """A title that is not text is a TypeError."""
        with raises(TypeError, "title must be text (a str) or None, got 5 (a int)"):
            lost_revenue_chart(classroom, title=5)


@pytest.fixture
def by_segment():
    """cost_by_segment of three small customers in two segments."""
    customers = pd.DataFrame({"segment": ["shop", "trade", "shop"],
                              "first_year": [1_000, 3_000, 500]})
    return cost_by_segment(lost_revenue_table(customers, years=1, margin=0.2))


class TestSegmentChart:
    def test_returns_figure(self, by_segment):
        """The result is a Figure that pyplot does not track."""
        fig = segment_chart(by_segment)
        assert isinstance(fig, Figure) and fig.canvas.manager is None

    def test_bar_widths_are_the_table(self, by_segment):
        """Revenue and profit bar lengths are the table's columns, row by row."""
        ax = segment_chart(by_segment).axes[0]
        widths = [b.get_width() for b in bars(ax, "Lost revenue")]
        assert widths == pytest.approx(by_segment["lost_revenue"].tolist())
        assert widths == pytest.approx([3_000, 1_500])
        widths = [b.get_width() for b in bars(ax, "Lost profit")]
        assert widths == pytest.approx(by_segment["lost_profit"].tolist())
        assert widths == pytest.approx([600, 300])

    def test_segments_labelled_largest_on_top(self, by_segment):
        """The y labels are the segments in table order, the first at the top."""
        ax = segment_chart(by_segment).axes[0]
        assert [t.get_text() for t in ax.get_yticklabels()] == ["trade", "shop"]
        bottom, top = ax.get_ylim()
        assert bottom > top  # inverted: row 0 is drawn at the top

    def test_default_title_states_total(self, by_segment):
        """The title states the total lost revenue: 1,000 + 3,000 + 500 = 4,500."""
        assert segment_chart(by_segment).axes[0].get_title() == \
            "Lost revenue by segment: 4,500 in total"

    def test_custom_title(self, by_segment):
        """A given title replaces the default."""
        assert segment_chart(by_segment, title="Q3").axes[0].get_title() == "Q3"

    def test_axis_labels(self, by_segment):
        """x is Amount; y is the index name, tidied."""
        ax = segment_chart(by_segment).axes[0]
        assert (ax.get_xlabel(), ax.get_ylabel()) == ("Amount", "Segment")
        renamed = by_segment.rename_axis("customer_type")
        assert segment_chart(renamed).axes[0].get_ylabel() == "Customer type"

    def test_money_ticks(self, by_segment):
        """The amount axis writes thousands with a separator."""
        ax = segment_chart(by_segment).axes[0]
        assert ax.xaxis.get_major_formatter()(1_500) == "1,500"

    def test_not_a_dataframe(self):
        """A list is a TypeError."""
        with raises(TypeError, "by_segment must be a pandas DataFrame (the result of "
                               "cost_by_segment(...)), got [1, 2] (a list)"):
            segment_chart([1, 2])

    def test_missing_columns_named(self, by_segment):
        """Missing columns are named in the error."""
        with raises(ValueError, "by_segment lacks the columns ['lost_revenue', 'lost_profit']; "
                                "it needs lost_revenue, lost_profit (the result of "
                                "cost_by_segment(...)) and has ['customers']"):
            segment_chart(by_segment[["customers"]])

    def test_one_missing_column(self, by_segment):
        """Only the missing column is named."""
        with raises(ValueError, "by_segment lacks the columns ['lost_profit']; it needs "
                                "lost_revenue, lost_profit (the result of cost_by_segment(...)) "
                                "and has ['customers', 'lost_revenue']"):
            segment_chart(by_segment.drop(columns="lost_profit"))

    def test_text_column(self, by_segment):
        """A column of text is a TypeError naming the column."""
        bad = by_segment.assign(lost_profit=["a", "b"])
        with raises(TypeError, "by_segment column 'lost_profit' must hold numbers, "
                               "got dtype " + str(bad["lost_profit"].dtype)):
            segment_chart(bad)

    def test_empty(self, by_segment):
        """A table with no rows is refused."""
        with raises(ValueError, "by_segment has no rows; there is no segment to draw"):
            segment_chart(by_segment.iloc[:0])

    def test_nan(self, by_segment):
        """Missing amounts are refused."""
        bad = by_segment.assign(lost_profit=[np.nan, 1.0])
        with raises(ValueError, "by_segment has empty (NaN) amounts; fill or drop those rows "
                                "first"):
            segment_chart(bad)

    def test_input_not_changed(self, by_segment):
        """The caller's table is not changed."""
        before = by_segment.copy()
        segment_chart(by_segment)
        pd.testing.assert_frame_equal(by_segment, before)


class TestFigureToPng:
    def test_png_bytes(self, classroom):
        """The result is PNG data."""
        data = figure_to_png(lost_revenue_chart(classroom))
        assert isinstance(data, bytes) and data.startswith(PNG_SIGNATURE)

    def test_size_follows_dpi(self, classroom):
        """The image is the figure size in inches times dpi: 10 x 5.6 in."""
        fig = lost_revenue_chart(classroom)
        assert png_size(figure_to_png(fig)) == (1000, 560)
        assert png_size(figure_to_png(fig, dpi=50)) == (500, 280)

    def test_same_input_same_bytes(self, classroom):
        """Two charts of the same cost give byte-identical PNGs."""
        assert figure_to_png(lost_revenue_chart(classroom)) == \
            figure_to_png(lost_revenue_chart(lost_revenue(10_000, growth_per_year=2_000,
                                                          years=5, margin=0.2)))

    def test_different_input_different_bytes(self, classroom):
        """A different cost gives a different picture."""
        other = lost_revenue(10_000, growth_per_year=2_000, years=4, margin=0.2)
        assert figure_to_png(lost_revenue_chart(classroom)) != \
            figure_to_png(lost_revenue_chart(other))

    def test_not_a_figure(self):
        """Anything but a Figure is a TypeError."""
        with raises(TypeError, "fig must be a matplotlib Figure, got 'chart' (a str)"):
            figure_to_png("chart")

    @pytest.mark.parametrize("dpi", [0, -10])
    def test_bad_dpi(self, dpi):
        """dpi must be positive."""
        with raises(ValueError, f"dpi must be more than 0, got {dpi}"):
            figure_to_png(new_figure(), dpi=dpi)

    def test_dpi_not_a_number(self):
        """dpi as text is a TypeError."""
        with raises(TypeError, "dpi must be a number, got '100' (a str)"):
            figure_to_png(new_figure(), dpi="100")


class TestFormatMoney:
    @pytest.mark.parametrize(("amount", "text"), [
        (70_000, "70,000"), (70_000.0, "70,000"), (1_234.5, "1,234.50"), (0, "0"),
        (-2_500, "-2,500"), (1_431_874.99, "1,431,874.99")])
    def test_examples(self, amount, text):
        """Thousands separators, cents only when there are some, no currency sign."""
        assert format_money(amount) == text


class TestMoneyFormatter:
    @pytest.mark.parametrize(("value", "text"), [
        (0, "0"), (2_500, "2,500"), (1_000_000, "1,000,000"), (1e-12, "0"), (0.5, "0.50")])
    def test_ticks(self, value, text):
        """Tick labels use thousands separators and show a clean zero."""
        assert money_formatter()(value) == text
