"""A calculator for the cost of losing one customer, with sliders.

The widget only wires sliders to :func:`ccexercise.lost_revenue` and
:func:`ccexercise.views.lost_revenue_chart`; all the arithmetic is there.
Tests (and curious learners) drive it from Python:

>>> calc = lost_customer_calculator()
>>> calc.result
LostCustomerCost(revenue=70000.0, profit=14000.0, years=5)
>>> calc.years.value = 3
>>> calc.chart.chart.title          # the title drawn in the chart
'Lost revenue over 3 years: 36,000'
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from .._validate import check_fraction, check_number, check_whole_number
from ..lost_customers import LostCustomerCost, lost_revenue
from ..views import format_money
from ..views.lost_customers import lost_revenue_live_chart
from .charts import ChartImage
from .style import CONTROL_LAYOUT, CONTROL_STYLE

__all__ = ["LostCustomerCalculator", "lost_customer_calculator"]

#: Slider ranges: (min, max, step).
FIRST_YEAR_RANGE = (0, 100_000, 500)
GROWTH_RANGE = (-5_000, 20_000, 500)
YEARS_RANGE = (1, 20, 1)

_TABLE_HEADERS = {
    "year": "Year",
    "revenue": "Lost revenue",
    "cumulative_revenue": "Lost revenue so far",
    "profit": "Lost profit",
    "cumulative_profit": "Lost profit so far",
}


def _in_slider_range(name: str, value, bounds: tuple[int, int, int]) -> None:
    low, high, _step = bounds
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low:,} and {high:,} for the slider, "
                         f"got {value!r}")


def _year_table_html(cost: LostCustomerCost) -> str:
    """The year-by-year table as an HTML table, amounts with thousands separators."""
    table = cost.table.rename(columns=_TABLE_HEADERS)
    money = {name: format_money for name in table.columns if name != "Year"}
    body = table.to_html(index=False, formatters=money, border=0,
                         classes="ccexercise-year-table", justify="right")
    return f'<div style="font-size: 1.2em; overflow-x: auto">{body}</div>'


class LostCustomerCalculator(widgets.VBox):
    """Sliders for one customer's spending, and what losing them costs.

    Controls (ipywidgets sliders): ``first_year``, ``growth_per_year``,
    ``years``, ``margin``. Outputs: ``summary`` (HTML sentence),
    ``table`` (HTML year table), ``chart`` (a :class:`~ccexercise.widgets.charts.ChartImage`
    of :func:`~ccexercise.views.lost_customers.lost_revenue_live_chart`, which draws the title;
    ``chart.chart`` is that chart), ``error`` (HTML, empty unless the
    sliders make an impossible customer). ``result`` is the last
    :class:`~ccexercise.LostCustomerCost`, or ``None`` while the sliders
    are in error.

    >>> calc = LostCustomerCalculator(first_year=5_000, growth_per_year=0, years=2, margin=0.5)
    >>> calc.summary.value
    '<p ...>Losing this customer costs 10,000 of revenue over 2 years, which is 5,000 of profit at a 50% margin.</p>'
    >>> calc.growth_per_year.value = -5_000   # 5,000 then 0 then -5,000: impossible
    >>> calc.years.value = 3
    >>> calc.result is None, calc.error.value != ""
    (True, True)
    """

    def __init__(self, first_year: float = 10_000, growth_per_year: float = 2_000,
                 years: int = 5, margin: float = 0.2, **kwargs) -> None:
        first_year = check_number("first_year", first_year)
        growth_per_year = check_number("growth_per_year", growth_per_year)
        years = check_whole_number("years", years)
        margin = check_fraction("margin", margin)
        _in_slider_range("first_year", first_year, FIRST_YEAR_RANGE)
        _in_slider_range("growth_per_year", growth_per_year, GROWTH_RANGE)
        _in_slider_range("years", years, YEARS_RANGE)

        self.first_year = widgets.IntSlider(
            value=round(first_year), min=FIRST_YEAR_RANGE[0], max=FIRST_YEAR_RANGE[1],
            step=FIRST_YEAR_RANGE[2], description="What they buy in the first year",
            tooltip="How much this customer would spend with you in the first year "
                    "after they leave",
            continuous_update=False, style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.growth_per_year = widgets.IntSlider(
            value=round(growth_per_year), min=GROWTH_RANGE[0], max=GROWTH_RANGE[1],
            step=GROWTH_RANGE[2], description="Extra spending each year",
            tooltip="How much more they would spend every year than the year before "
                    "(below 0 if they would spend less)",
            continuous_update=False, style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.years = widgets.IntSlider(
            value=years, min=YEARS_RANGE[0], max=YEARS_RANGE[1], step=YEARS_RANGE[2],
            description="Years they would have stayed",
            tooltip="How many years this customer would have kept buying from you",
            continuous_update=False, style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.margin = widgets.FloatSlider(
            value=margin, min=0.0, max=1.0, step=0.01, readout_format=".0%",
            description="Profit margin",
            tooltip="The share of each sale you keep as profit after all costs "
                    "(20% means 20 of every 100)",
            continuous_update=False, style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))

        self.error = widgets.HTML(value="")
        self.summary = widgets.HTML(value="")
        self.chart = ChartImage()
        self.table = widgets.HTML(value="")
        self.result: LostCustomerCost | None = None

        controls = widgets.VBox([self.first_year, self.growth_per_year, self.years,
                                 self.margin], layout={"width": "100%"})
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[controls, self.error, self.summary, self.chart,
                                   self.table], **kwargs)
        for control in self.controls:
            control.observe(self._on_change, names="value")
        self.update()

    @property
    def controls(self) -> tuple[widgets.ValueWidget, ...]:
        """The four sliders, in display order."""
        return (self.first_year, self.growth_per_year, self.years, self.margin)

    def _on_change(self, _change) -> None:
        self.update()

    def update(self) -> LostCustomerCost | None:
        """Recalculate from the sliders and redraw; return the result (``None`` on error)."""
        try:
            cost = lost_revenue(self.first_year.value,
                                growth_per_year=self.growth_per_year.value,
                                years=self.years.value, margin=self.margin.value)
        except (TypeError, ValueError) as exc:
            self._show_error(exc)
            return None
        chart = lost_revenue_live_chart(cost)
        self.result = cost
        self.error.value = ""
        self.summary.value = (f'<p style="font-size: 1.4em; line-height: 1.4">'
                              f"{html.escape(cost.summary())}</p>")
        self.table.value = _year_table_html(cost)
        self.chart.show(chart)
        return cost

    def _show_error(self, exc: Exception) -> None:
        """Clear the old result and say, kindly, why these numbers do not work."""
        self.result = None
        self.summary.value = ""
        self.table.value = ""
        self.chart.clear()
        self.error.value = (
            '<div role="alert" style="font-size: 1.3em; color: #8B0000; '
            'background: #FFF4E5; border-left: 6px solid #D55E00; padding: 0.5em 1em">'
            "<b>These numbers do not work together.</b> "
            f"{html.escape(str(exc))}. Move a slider to try again.</div>")


def lost_customer_calculator(first_year: float = 10_000, growth_per_year: float = 2_000,
                             years: int = 5, margin: float = 0.2) -> LostCustomerCalculator:
    """A :class:`LostCustomerCalculator` set to the classroom example (or your numbers).

    >>> lost_customer_calculator(years=2).result.revenue
    22000.0
    >>> lost_customer_calculator(margin=20)
    Traceback (most recent call last):
        ...
    ValueError: margin must be between 0 and 1, got 20 (did you mean 0.2?)
    """
    return LostCustomerCalculator(first_year=first_year, growth_per_year=growth_per_year,
                                  years=years, margin=margin)
