"""Tests for ccexercise.widgets.lost_customers, driven from Python.

Controls are set through ``.value``, as a learner's slider would; outputs
are read back and compared with the model (``lost_revenue``) and the view
(``lost_revenue_chart``, ``lost_revenue_live_chart``) called directly, or with the arithmetic.
"""

import re

import ipywidgets as widgets
import pytest

from ccexercise.lost_customers import lost_revenue
from ccexercise.views import format_money, lost_revenue_chart
from ccexercise.views.lost_customers import lost_revenue_live_chart
from ccexercise.widgets import LostCustomerCalculator, lost_customer_calculator


def raises(kind, message):
    """pytest.raises matching the whole message literally."""
    return pytest.raises(kind, match=f"^{re.escape(message)}$")


def model_for(calc):
    """What the model says for the calculator's current slider values."""
    return lost_revenue(calc.first_year.value, growth_per_year=calc.growth_per_year.value,
                        years=calc.years.value, margin=calc.margin.value)


@pytest.fixture
def calc():
    """The calculator with the classroom defaults."""
    return lost_customer_calculator()


class TestConstruction:
    def test_factory_returns_calculator(self, calc):
        """The factory returns a LostCustomerCalculator, which is a VBox."""
        assert isinstance(calc, LostCustomerCalculator)
        assert isinstance(calc, widgets.VBox)

    def test_default_values(self, calc):
        """The defaults are the classroom example."""
        assert (calc.first_year.value, calc.growth_per_year.value, calc.years.value,
                calc.margin.value) == (10_000, 2_000, 5, 0.2)

    def test_given_values(self):
        """The factory's arguments become the slider values."""
        calc = lost_customer_calculator(first_year=4_000, growth_per_year=-500, years=3,
                                        margin=0.35)
        assert (calc.first_year.value, calc.growth_per_year.value, calc.years.value,
                calc.margin.value) == (4_000, -500, 3, 0.35)

    @pytest.mark.parametrize(("name", "kind", "low", "high", "step"), [
        ("first_year", widgets.IntSlider, 0, 100_000, 500),
        ("growth_per_year", widgets.IntSlider, -5_000, 20_000, 500),
        ("years", widgets.IntSlider, 1, 20, 1),
        ("margin", widgets.FloatSlider, 0, 1, 0.01),
    ])
    def test_slider_ranges(self, calc, name, kind, low, high, step):
        """Each control is the promised slider type with the promised range and step."""
        slider = getattr(calc, name)
        assert type(slider) is kind
        assert (slider.min, slider.max, slider.step) == (low, high, step)

    def test_margin_reads_as_percentage(self, calc):
        """The margin slider's readout is a whole percentage."""
        assert calc.margin.readout_format == ".0%"

    @pytest.mark.parametrize("name", ["first_year", "growth_per_year", "years", "margin"])
    def test_plain_english_labels(self, calc, name):
        """Each control has a description, a tooltip, and a label wide enough to read."""
        slider = getattr(calc, name)
        assert len(slider.description) > 5 and "_" not in slider.description
        assert len(slider.tooltip) > 10
        assert slider.style.description_width == "initial"

    def test_output_widget_types(self, calc):
        """The outputs are the promised widget types."""
        assert isinstance(calc.summary, widgets.HTML)
        assert isinstance(calc.table, widgets.HTML)
        assert isinstance(calc.chart.image, widgets.Image) and calc.chart.format == "svg+xml"
        assert isinstance(calc.error, widgets.HTML)

    def test_everything_displayed(self, calc):
        """Every control and output is somewhere inside the box."""
        def descendants(widget):
            for child in getattr(widget, "children", ()):
                yield child
                yield from descendants(child)
        shown = set(descendants(calc))
        for name in ("first_year", "growth_per_year", "years", "margin", "summary", "table",
                     "chart", "error"):
            assert getattr(calc, name) in shown, name

    def test_class_takes_the_same_arguments(self):
        """The class can be built directly, like the factory."""
        calc = LostCustomerCalculator(first_year=1_000, growth_per_year=0, years=2, margin=0.5)
        assert calc.result.revenue == 2_000
        assert calc.result.profit == 1_000

    def test_margin_out_of_range(self):
        """A margin given as a percentage is refused with the model's hint."""
        with raises(ValueError, "margin must be between 0 and 1, got 20 (did you mean 0.2?)"):
            lost_customer_calculator(margin=20)

    def test_first_year_beyond_slider(self):
        """A first-year amount the slider cannot show is refused, naming the range."""
        with raises(ValueError, "first_year must be between 0 and 100,000 for the slider, "
                                "got 250000.0"):
            lost_customer_calculator(first_year=250_000)

    def test_years_beyond_slider(self):
        """More years than the slider allows are refused."""
        with raises(ValueError, "years must be between 1 and 20 for the slider, got 30"):
            lost_customer_calculator(years=30)

    def test_years_as_text(self):
        """Years as text are a TypeError."""
        with raises(TypeError, "years must be a whole number, got '5' (a str)"):
            lost_customer_calculator(years="5")


class TestOutputs:
    def test_result_is_model(self, calc):
        """result is the model's answer: 70,000 revenue and 14,000 profit."""
        assert calc.result.revenue == 70_000
        assert calc.result.profit == 14_000
        assert calc.result.table.equals(model_for(calc).table)

    def test_summary_text(self, calc):
        """The summary shows the model's sentence."""
        assert model_for(calc).summary() in calc.summary.value
        assert "70,000" in calc.summary.value and "14,000" in calc.summary.value

    def test_chart_title(self, calc):
        """The chart's title states the total; it is drawn once, in the picture (no
        second copy above it)."""
        assert calc.chart.chart.title == lost_revenue_chart(model_for(calc)).axes[0].get_title()
        assert calc.chart.chart.title == "Lost revenue over 5 years: 70,000"
        assert b"Lost revenue over 5 years: 70,000</text>" in bytes(calc.chart.value)
        texts = [w.value for w in calc.children if isinstance(w, (widgets.Label, widgets.HTML))]
        assert not any("Lost revenue over" in text for text in texts)

    def test_chart_is_the_view(self, calc):
        """The image is exactly the live view's SVG for the same cost."""
        assert bytes(calc.chart.value).startswith(b"<svg")
        assert calc.chart.value == lost_revenue_live_chart(model_for(calc)).to_svg()

    def test_chart_draws_the_years_amounts(self, calc):
        """The bars are the model's yearly amounts: 10, 12, 14, 16, 18 thousand."""
        revenue, profit, running = calc.chart.chart.series
        assert revenue.values == (10_000, 12_000, 14_000, 16_000, 18_000)
        assert profit.values == (2_000, 2_400, 2_800, 3_200, 3_600)
        assert running.values == (10_000, 22_000, 36_000, 52_000, 70_000)
        assert running.axis == "right"

    def test_table_rows(self, calc):
        """The table has a header and one row per year."""
        assert calc.table.value.count("<tr") == 1 + 5

    def test_table_headers(self, calc):
        """The table's headers are plain English."""
        for header in ("Year", "Lost revenue", "Lost revenue so far", "Lost profit",
                       "Lost profit so far"):
            assert f">{header}</th>" in calc.table.value

    def test_table_money_formatted(self, calc):
        """Every amount of the model's table appears with thousands separators."""
        table = model_for(calc).table
        for column in ("revenue", "cumulative_revenue", "profit", "cumulative_profit"):
            for amount in table[column]:
                assert f">{format_money(amount)}</td>" in calc.table.value
        assert ">70,000</td>" in calc.table.value  # 10+12+14+16+18 thousand
        assert "70000.0" not in calc.table.value

    def test_no_error_shown(self, calc):
        """A valid customer shows no error."""
        assert calc.error.value == ""
        assert calc.chart.layout.display != "none"


class TestUpdates:
    @pytest.mark.parametrize(("name", "value"), [
        ("first_year", 20_000), ("growth_per_year", 0), ("years", 8), ("margin", 0.35)])
    def test_each_control_updates_everything(self, calc, name, value):
        """Moving any slider recomputes the result, the summary, the table and the chart."""
        before_picture, before_summary = calc.chart.value, calc.summary.value
        getattr(calc, name).value = value
        expected = model_for(calc)
        assert calc.result.revenue == expected.revenue
        assert calc.result.profit == expected.profit
        assert expected.summary() in calc.summary.value
        assert calc.summary.value != before_summary
        assert calc.table.value.count("<tr") == 1 + calc.years.value
        assert calc.chart.chart.title == lost_revenue_chart(expected).axes[0].get_title()
        assert calc.chart.value != before_picture
        assert calc.chart.chart.series[0].values == tuple(expected.table["revenue"])

    def test_years_changes_title(self, calc):
        """Three years of 10, 12 and 14 thousand make 36,000."""
        calc.years.value = 3
        assert calc.chart.chart.title == "Lost revenue over 3 years: 36,000"

    def test_margin_changes_profit_only(self, calc):
        """A 50% margin halves the revenue into profit: 35,000."""
        calc.margin.value = 0.5
        assert calc.result.revenue == 70_000
        assert calc.result.profit == 35_000
        assert "35,000 of profit at a 50% margin" in calc.summary.value

    def test_same_inputs_same_picture(self, calc):
        """Going back to the same inputs gives byte-identical SVG data."""
        first = calc.chart.value
        calc.years.value = 7
        assert calc.chart.value != first
        calc.years.value = 5
        assert calc.chart.value == first

    def test_update_returns_result(self, calc):
        """update() recomputes from the sliders and returns the result."""
        assert calc.update() is calc.result

    def test_caller_can_observe(self, calc):
        """Outputs are traitlets, so other code can observe them."""
        seen = []
        calc.summary.observe(lambda change: seen.append(change["new"]), names="value")
        calc.first_year.value = 5_000
        assert len(seen) == 1 and model_for(calc).summary() in seen[0]


class TestErrors:
    def make_negative(self, calc):
        """10,000 falling 5,000 a year is negative by year 5: 10,000 - 4 x 5,000 < 0."""
        calc.growth_per_year.value = -5_000

    def test_does_not_raise(self, calc):
        """An impossible customer does not raise out of the slider."""
        self.make_negative(calc)  # would raise here if the observer let it through

    def test_message_shown(self, calc):
        """The error output explains, with the model's own message."""
        self.make_negative(calc)
        assert "These numbers do not work together" in calc.error.value
        assert "makes the yearly amount negative by year 5" in calc.error.value
        assert "Move a slider to try again" in calc.error.value

    def test_previous_result_cleared(self, calc):
        """The old result, summary, table, title and chart are cleared, not left stale."""
        self.make_negative(calc)
        assert calc.result is None
        assert calc.summary.value == ""
        assert calc.table.value == ""
        assert calc.chart.chart is None
        assert bytes(calc.chart.value) == b""
        assert calc.chart.layout.display == "none"

    def test_update_returns_none(self, calc):
        """update() returns None while in error."""
        self.make_negative(calc)
        assert calc.update() is None

    def test_recovers(self, calc):
        """Fixing a slider clears the message and brings the result back."""
        self.make_negative(calc)
        calc.years.value = 3  # 10,000 + 5,000 + 0
        assert calc.error.value == ""
        assert calc.result.revenue == 15_000
        assert calc.chart.chart.title == "Lost revenue over 3 years: 15,000"
        assert bytes(calc.chart.value).startswith(b"<svg")
        assert calc.chart.layout.display != "none"

    def test_message_is_escaped(self, calc):
        """The message is HTML-escaped (no raw angle brackets from the model text)."""
        self.make_negative(calc)
        inner = calc.error.value.split("</b>", 1)[1]
        assert "<" not in inner.replace("</div>", "")

    def test_starting_in_error(self):
        """A calculator created with impossible numbers shows the message, not a crash."""
        calc = lost_customer_calculator(first_year=0, growth_per_year=-500, years=2)
        assert calc.result is None
        assert "negative" in calc.error.value
