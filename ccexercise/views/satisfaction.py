"""Charts for the satisfaction formula: gaps by dimension, service levels, segments.

Static charts (matplotlib ``Figure``) for lessons, and fast
:class:`~ccexercise.views.svg.SvgChart` builders (names ending in
``_live_chart``) that the widgets redraw on every change.

>>> import ccexercise as cc
>>> survey = cc.datasets.load("04_satisfaction_formula", errors="report").data
>>> gap_chart(cc.gap_analysis(survey)).axes[0].get_title()
'Expected and perceived service, by dimension (weakest: reliability)'
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .._validate import check_columns
from ..expectations import PromiseOutcome
from ..satisfaction import DIMENSIONS, GapAnalysis
from ..service_levels import ServiceLevel
from ._figures import COLOURS, FONT_SIZES, new_figure, style_axes
from .svg import SvgChart

__all__ = ["gap_chart", "gap_live_chart", "level_chart", "promise_live_chart",
           "rating_live_chart", "segment_gap_chart", "segment_live_chart"]

#: Okabe-Ito colours for expected and perceived ratings.
EXPECTED_COLOUR = "#2B8CC4"   # sky blue, darkened to 3.7:1 on white
PERCEIVED_COLOUR = "#C17A00"  # orange, darkened to 3.5:1 on white
#: One colour per segment (Okabe-Ito), in order of the rows.
SEGMENT_COLOURS = ("#0072B2", "#C17A00", "#009E73", "#CC79A7", "#2B8CC4", "#D55E00")


def _check_analysis(analysis) -> GapAnalysis:
    if not isinstance(analysis, GapAnalysis):
        raise TypeError("analysis must be the result of gap_analysis(...), got "
                        f"{analysis!r} (a {type(analysis).__name__})")
    return analysis


def _check_levels(counts) -> pd.DataFrame:
    check_columns("counts", counts, ["count"], what="the result of level_counts(...)")
    levels = [level.label for level in ServiceLevel]
    if list(counts.index) != levels:
        raise ValueError(f"counts must have the rows {levels} (the result of level_counts(...)), "
                         f"got {list(counts.index)!r}")
    return counts


def _check_segments(by_segment) -> pd.DataFrame:
    check_columns("by_segment", by_segment, DIMENSIONS,
                  what="the result of weakest_dimension(...)")
    if by_segment.empty:
        raise ValueError("by_segment has no rows; there is no segment to draw")
    return by_segment


def _dimension_names() -> list[str]:
    return [d.capitalize() for d in DIMENSIONS]


# --------------------------------------------------------------------------
# Static charts (matplotlib)
# --------------------------------------------------------------------------

def gap_chart(analysis: GapAnalysis, *, title: str | None = None) -> Figure:
    """Bars of the mean expected and perceived rating per dimension, gap written above.

    ``analysis`` is the result of :func:`~ccexercise.gap_analysis`.
    ``fig.axes[0].containers`` holds the expected and the perceived bars.

    >>> import ccexercise as cc
    >>> survey = cc.datasets.load("04_satisfaction_formula", errors="report").data
    >>> fig = gap_chart(cc.gap_analysis(survey))
    >>> [round(float(b.get_height()), 2) for b in fig.axes[0].containers[1]][:2]
    [5.08, 5.16]
    >>> gap_chart("survey")
    Traceback (most recent call last):
        ...
    TypeError: analysis must be the result of gap_analysis(...), got 'survey' (a str)
    """
    analysis = _check_analysis(analysis)
    table = analysis.dimensions
    fig = new_figure()
    ax = fig.add_subplot()
    x = np.arange(len(table))
    width = 0.38
    ax.bar(x - width / 2, table["expected"], width, color=EXPECTED_COLOUR, label="Expected")
    ax.bar(x + width / 2, table["perceived"], width, color=PERCEIVED_COLOUR, label="Perceived")
    for i, gap in enumerate(table["gap"]):
        top = max(table["expected"].iloc[i], table["perceived"].iloc[i])
        colour = (ServiceLevel.LOW if gap < 0 else ServiceLevel.WOW).colour
        ax.annotate(f"gap {gap:+.2f}", (x[i], top), xytext=(0, 6), textcoords="offset points",
                    ha="center", fontsize=FONT_SIZES["annotation"] + 2, color=colour,
                    fontweight="bold")
    style_axes(ax, title=title or ("Expected and perceived service, by dimension "
                                   f"(weakest: {analysis.weakest})"),
               xlabel="", ylabel="Mean rating (1-7)")
    ax.set_xticks(x, _dimension_names())
    ax.set_ylim(1, 7.6)
    ax.legend(fontsize=FONT_SIZES["legend"], frameon=False, loc="upper right", ncols=2)
    return fig


def level_chart(counts: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Bars of how many respondents are at each service level, in the level colours.

    ``counts`` is the result of :func:`~ccexercise.level_counts`.

    >>> import ccexercise as cc
    >>> fig = level_chart(cc.level_counts(cc.service_level([-2, 0, 0, 3])))
    >>> [float(b.get_height()) for b in fig.axes[0].containers[0]]
    [1.0, 2.0, 1.0]
    """
    counts = _check_levels(counts)
    fig = new_figure()
    ax = fig.add_subplot()
    colours = [level.colour for level in ServiceLevel]
    bars = ax.bar(counts.index.tolist(), counts["count"], color=colours, width=0.6)
    total = int(counts["count"].sum())
    labels = [f"{c} ({c / total:.0%})" if total else "0" for c in counts["count"]]
    ax.bar_label(bars, labels=labels, padding=4, fontsize=FONT_SIZES["annotation"] + 2)
    style_axes(ax, title=title or f"Where {total} respondents fall among the three levels",
               xlabel="", ylabel="Respondents")
    ax.margins(y=0.15)
    return fig


def segment_gap_chart(by_segment: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Grouped bars: the gap of each dimension, one colour per segment, zero line marked.

    ``by_segment`` is the result of :func:`~ccexercise.weakest_dimension`.

    >>> import ccexercise as cc
    >>> survey = cc.datasets.load("04_satisfaction_formula", errors="report").data
    >>> fig = segment_gap_chart(cc.weakest_dimension(survey))
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['end user', 'wholesaler', 'retail shop']
    """
    by_segment = _check_segments(by_segment)
    fig = new_figure()
    ax = fig.add_subplot()
    n = len(by_segment)
    x = np.arange(len(DIMENSIONS))
    width = 0.8 / n
    for k, (name, row) in enumerate(by_segment.iterrows()):
        ax.bar(x - 0.4 + width * (k + 0.5), [row[d] for d in DIMENSIONS], width,
               color=SEGMENT_COLOURS[k % len(SEGMENT_COLOURS)], label=str(name))
    ax.axhline(0, color=COLOURS["neutral"], linewidth=1.5)
    style_axes(ax, title=title or "Gap (perceived - expected) by dimension and segment",
               xlabel="", ylabel="Mean gap (points)")
    ax.set_xticks(x, _dimension_names())
    ax.legend(fontsize=FONT_SIZES["legend"], frameon=False)
    return fig


# --------------------------------------------------------------------------
# Live charts (SVG) for widgets
# --------------------------------------------------------------------------

def rating_live_chart(expected: float, perceived: float, level: ServiceLevel, *,
                      top: float = 7) -> SvgChart:
    """Two bars, expected and perceived, titled with the level (for the two-slider widget).

    ``top`` is the highest rating on the scale: the value axis runs from 0 to it.

    >>> chart = rating_live_chart(5, 6, ServiceLevel.WOW)
    >>> chart.title, chart.series[0].values
    ('Gap +1: WOW (expectations exceeded)', (5.0, 6.0))
    """
    gap = perceived - expected
    chart = SvgChart(title=f"Gap {gap:+g}: {level} ({level.meaning})",
                     categories=["Expected", "Perceived"], value_label="Rating")
    chart.bars([expected, perceived], label="Rating", colour=level.colour, value_labels=True)
    chart.set_limits(0, top)
    return chart


def promise_live_chart(outcome: PromiseOutcome) -> SvgChart:
    """Bars of the promised and the actual days, titled with what the customer feels.

    >>> from ccexercise.expectations import promise_vs_delivery
    >>> chart = promise_live_chart(promise_vs_delivery(promised=5, delivered=3))
    >>> chart.title, chart.series[0].values
    ('2 days early: WOW', (5.0, 3.0))
    """
    if not isinstance(outcome, PromiseOutcome):
        raise TypeError("outcome must be the result of promise_vs_delivery(...), got "
                        f"{outcome!r} (a {type(outcome).__name__})")
    size = abs(outcome.gap)
    unit = outcome.unit if size != 1 else outcome.unit.rstrip("s")
    if outcome.gap == 0:
        how = "on the day promised"
    else:
        how = f"{size:g} {unit} {'early' if outcome.gap > 0 else 'late'}"
    text = f"{how}: {outcome.level}"
    chart = SvgChart(title=text[0].upper() + text[1:],
                     categories=["Promised", "Delivered"],
                     value_label=outcome.unit.capitalize())
    chart.bars([outcome.promised, outcome.delivered], label=outcome.unit.capitalize(),
               colour=outcome.level.colour, value_labels=True)
    chart.set_limits(0, max(10, outcome.promised, outcome.delivered))
    return chart


def gap_live_chart(analysis: GapAnalysis, *, title: str | None = None) -> SvgChart:
    """Expected and perceived bars per dimension with the gap as a line (right axis).

    >>> import ccexercise as cc
    >>> survey = cc.datasets.load("04_satisfaction_formula", errors="report").data
    >>> chart = gap_live_chart(cc.gap_analysis(survey))
    >>> [s.label for s in chart.series]
    ['Expected', 'Perceived', 'Gap (right axis)']
    """
    analysis = _check_analysis(analysis)
    table = analysis.dimensions
    chart = SvgChart(title=title or f"{analysis.respondents} respondents: weakest is "
                                    f"{analysis.weakest}",
                     categories=_dimension_names(), value_label="Mean rating (1-7)",
                     right_label="Gap (points)")
    chart.bars(table["expected"].tolist(), label="Expected", colour=EXPECTED_COLOUR, group=0,
               groups=2, value_labels=True)
    chart.bars(table["perceived"].tolist(), label="Perceived", colour=PERCEIVED_COLOUR,
               group=1, groups=2, value_labels=True)
    chart.line(table["gap"].tolist(), label="Gap (right axis)", colour=COLOURS["cumulative"],
               axis="right")
    chart.set_limits(0, 7)
    chart.set_limits(-3, 3, axis="right")
    return chart


def segment_live_chart(by_segment: pd.DataFrame, *, title: str | None = None) -> SvgChart:
    """Gap per dimension, one group of bars per segment, zero marked (SVG).

    >>> import ccexercise as cc
    >>> survey = cc.datasets.load("04_satisfaction_formula", errors="report").data
    >>> [s.label for s in segment_live_chart(cc.weakest_dimension(survey)).series]
    ['end user', 'wholesaler', 'retail shop', 'expectations met']
    """
    by_segment = _check_segments(by_segment)
    chart = SvgChart(title=title or "Gap by dimension and segment",
                     categories=_dimension_names(), value_label="Mean gap (points)")
    n = len(by_segment)
    for k, (name, row) in enumerate(by_segment.iterrows()):
        chart.bars([float(row[d]) for d in DIMENSIONS], label=str(name),
                   colour=SEGMENT_COLOURS[k % len(SEGMENT_COLOURS)], group=k, groups=n)
    chart.reference(0, label="expectations met")
    chart.set_limits(-3, 2)
    return chart
