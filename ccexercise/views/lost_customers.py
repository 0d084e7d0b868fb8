"""Charts for the cost of a lost customer.

Each function takes a result of :mod:`ccexercise.lost_customers` and
returns a new :class:`~matplotlib.figure.Figure`; it never shows it. In a
notebook, make it the last expression of a cell (after ``%matplotlib
inline``) or turn it into an image with :func:`figure_to_png`.

>>> from ccexercise.lost_customers import lost_revenue
>>> fig = lost_revenue_chart(lost_revenue(10_000, growth_per_year=2_000, years=5, margin=0.2))
>>> fig.axes[0].get_title()
'Lost revenue over 5 years: 70,000'
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .._validate import check_columns
from ..lost_customers import LostCustomerCost
from ._figures import (
    COLOURS,
    _tick_money,
    FIGSIZE,
    FONT_SIZES,
    format_money,
    money_formatter,
    new_figure,
    style_axes,
)
from .svg import SvgChart

__all__ = ["lost_revenue_chart", "lost_revenue_live_chart", "segment_chart"]

#: Up to this many bars, each bar carries its amount as a label.
_MAX_LABELLED_BARS = 8
_SEGMENT_COLUMNS = ("lost_revenue", "lost_profit")


def _check_title(title) -> None:
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be text (a str) or None, got {title!r} "
                        f"(a {type(title).__name__})")


def _legend(fig: Figure, axes, *, loc: str = "outside lower center") -> None:
    """One legend for all ``axes``, below the plot, so it never hides a bar."""
    handles, labels = [], []
    for ax in axes:
        h, lab = ax.get_legend_handles_labels()
        handles += h
        labels += lab
    fig.legend(handles, labels, loc=loc, ncols=len(handles), frameon=False,
               fontsize=FONT_SIZES["legend"])


def _default_title(cost: LostCustomerCost) -> str:
    span = "1 year" if cost.years == 1 else f"{cost.years} years"
    return f"Lost revenue over {span}: {format_money(cost.revenue)}"


def lost_revenue_chart(cost: LostCustomerCost, *, title: str | None = None) -> Figure:
    """Bars of the revenue (and profit) lost each year, and a line of the running total.

    ``cost`` is the result of :func:`~ccexercise.lost_revenue`. The bars use
    the left axis ("Amount"); the cumulative line uses the right one. The
    default title states the total, and the legend sits under the chart.
    ``fig.axes[0]`` holds the bars, ``fig.axes[1]`` the cumulative line.

    >>> from ccexercise.lost_customers import lost_revenue
    >>> fig = lost_revenue_chart(lost_revenue(10_000, years=3))
    >>> [float(bar.get_height()) for bar in fig.axes[0].containers[0]]
    [10000.0, 10000.0, 10000.0]
    >>> fig.axes[0].get_title()
    'Lost revenue over 3 years: 30,000'
    >>> lost_revenue_chart(70_000)
    Traceback (most recent call last):
        ...
    TypeError: cost must be the result of lost_revenue(...), got 70000 (a int)
    """
    if not isinstance(cost, LostCustomerCost):
        raise TypeError("cost must be the result of lost_revenue(...), got "
                        f"{cost!r} (a {type(cost).__name__})")
    _check_title(title)
    table = cost.table
    years = table["year"].to_numpy()
    revenue = table["revenue"].to_numpy(dtype=float)
    has_profit = cost.profit is not None and "profit" in table.columns
    if title is None:
        title = _default_title(cost)

    # Fixed margins instead of a layout engine: this chart is redrawn on every
    # slider move, and the constrained layout doubles the drawing time. The
    # margins leave room for 9-character amounts ("6,000,000") on both axes.
    fig = new_figure(layout=None)
    fig.subplots_adjust(left=0.11, right=0.87, top=0.9, bottom=0.2)
    ax = fig.add_subplot()
    width = 0.4 if has_profit else 0.6
    offset = width / 2 if has_profit else 0.0
    revenue_bars = ax.bar(years - offset, revenue, width, color=COLOURS["revenue"],
                          label="Lost revenue per year")
    bar_groups = [revenue_bars]
    if has_profit:
        profit = table["profit"].to_numpy(dtype=float)
        bar_groups.append(ax.bar(years + offset, profit, width, color=COLOURS["profit"],
                                 label="Lost profit per year"))
    if len(years) <= _MAX_LABELLED_BARS:
        for bars in bar_groups:
            ax.bar_label(bars, labels=[format_money(b.get_height()) for b in bars],
                         padding=3, fontsize=FONT_SIZES["annotation"], color=COLOURS["text"])

    style_axes(ax, title=title, xlabel="Year", ylabel="Amount")
    ax.yaxis.set_major_formatter(money_formatter())
    if len(years) <= 20:
        ax.set_xticks(years)
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(y=0.12)
    ax.set_ylim(bottom=0, top=None if revenue.max() > 0 else 1)

    running = ax.twinx()
    running.plot(years, table["cumulative_revenue"].to_numpy(dtype=float),
                 color=COLOURS["cumulative"], marker="o", linewidth=3, markersize=7,
                 label="Lost revenue so far (right axis)")
    running.set_ylabel("Amount so far", fontsize=FONT_SIZES["label"],
                       color=COLOURS["cumulative"])
    running.tick_params(labelsize=FONT_SIZES["ticks"], colors=COLOURS["cumulative"])
    running.yaxis.set_major_formatter(money_formatter())
    running.spines["top"].set_visible(False)
    running.set_ylim(bottom=0, top=None if cost.revenue > 0 else 1)
    _legend(fig, [ax, running], loc="lower center")
    return fig


def segment_chart(by_segment: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Horizontal bars of the revenue and profit lost in each segment, largest on top.

    ``by_segment`` is the result of :func:`~ccexercise.cost_by_segment`:
    one row per segment (the index), with the columns ``lost_revenue`` and
    ``lost_profit``. Segments are shown in the order of the rows.

    >>> t = pd.DataFrame({"lost_revenue": [300.0, 150.0], "lost_profit": [60.0, 30.0]},
    ...                  index=pd.Index(["trade", "shop"], name="segment"))
    >>> fig = segment_chart(t)
    >>> fig.axes[0].get_title()
    'Lost revenue by segment: 450 in total'
    >>> [label.get_text() for label in fig.axes[0].get_yticklabels()]
    ['trade', 'shop']
    >>> segment_chart(t[["lost_revenue"]])
    Traceback (most recent call last):
        ...
    ValueError: by_segment lacks the columns ['lost_profit']; it needs lost_revenue, lost_profit (the result of cost_by_segment(...)) and has ['lost_revenue']
    """
    check_columns("by_segment", by_segment, _SEGMENT_COLUMNS,
                  what="the result of cost_by_segment(...)")
    _check_title(title)
    for column in _SEGMENT_COLUMNS:
        dtype = by_segment[column].dtype
        if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
            raise TypeError(f"by_segment column {column!r} must hold numbers, got dtype {dtype}")
    if by_segment.empty:
        raise ValueError("by_segment has no rows; there is no segment to draw")
    revenue = by_segment["lost_revenue"].to_numpy(dtype=float)
    profit = by_segment["lost_profit"].to_numpy(dtype=float)
    if np.isnan(revenue).any() or np.isnan(profit).any():
        raise ValueError("by_segment has empty (NaN) amounts; fill or drop those rows first")
    if title is None:
        title = f"Lost revenue by segment: {format_money(revenue.sum())} in total"

    n = len(by_segment)
    fig = new_figure(figsize=(FIGSIZE[0], min(12.0, max(FIGSIZE[1], 2.0 + 0.8 * n))))
    ax = fig.add_subplot()
    rows = np.arange(n)
    height = 0.38
    revenue_bars = ax.barh(rows - height / 2, revenue, height, color=COLOURS["revenue"],
                           label="Lost revenue")
    profit_bars = ax.barh(rows + height / 2, profit, height, color=COLOURS["profit"],
                          label="Lost profit")
    if n <= _MAX_LABELLED_BARS:
        for bars in (revenue_bars, profit_bars):
            ax.bar_label(bars, labels=[format_money(b.get_width()) for b in bars], padding=4,
                         fontsize=FONT_SIZES["annotation"], color=COLOURS["text"])
    ylabel = str(by_segment.index.name).replace("_", " ").capitalize() \
        if by_segment.index.name is not None else "Segment"
    style_axes(ax, title=title, xlabel="Amount", ylabel=ylabel, grid_axis="x")
    ax.set_yticks(rows, [str(name) for name in by_segment.index])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(money_formatter())
    ax.margins(x=0.15)
    if min(revenue.min(), profit.min()) >= 0:
        ax.set_xlim(left=0, right=None if max(revenue.max(), profit.max()) > 0 else 1)
    _legend(fig, [ax])
    return fig


def lost_revenue_live_chart(cost: LostCustomerCost, *, title: str | None = None) -> SvgChart:
    """The same picture as :func:`lost_revenue_chart`, as a fast :class:`SvgChart`.

    The calculator widget redraws its chart on every slider move with this
    one: bars of the revenue (and profit) lost each year, and the running
    total on the right axis.

    >>> from ccexercise.lost_customers import lost_revenue
    >>> chart = lost_revenue_live_chart(lost_revenue(10_000, growth_per_year=2_000, margin=0.2))
    >>> chart.title
    'Lost revenue over 5 years: 70,000'
    >>> [(s.kind, s.label) for s in chart.series]   # doctest: +NORMALIZE_WHITESPACE
    [('bars', 'Lost revenue per year'), ('bars', 'Lost profit per year'),
     ('line', 'Lost revenue so far (right axis)')]
    >>> chart.series[0].values
    (10000.0, 12000.0, 14000.0, 16000.0, 18000.0)
    """
    if not isinstance(cost, LostCustomerCost):
        raise TypeError("cost must be the result of lost_revenue(...), got "
                        f"{cost!r} (a {type(cost).__name__})")
    _check_title(title)
    table = cost.table
    has_profit = cost.profit is not None and "profit" in table.columns
    chart = SvgChart(title=title or _default_title(cost), categories=table["year"].tolist(),
                     value_label="Amount", category_label="Year", right_label="Amount so far",
                     value_format=_tick_money)
    groups = 2 if has_profit else 1
    labelled = len(table) <= _MAX_LABELLED_BARS
    chart.bars(table["revenue"].tolist(), label="Lost revenue per year",
               colour=COLOURS["revenue"], group=0, groups=groups, value_labels=labelled)
    if has_profit:
        chart.bars(table["profit"].tolist(), label="Lost profit per year",
                   colour=COLOURS["profit"], group=1, groups=groups, value_labels=labelled)
    chart.line(table["cumulative_revenue"].tolist(), label="Lost revenue so far (right axis)",
               colour=COLOURS["cumulative"], axis="right")
    return chart
