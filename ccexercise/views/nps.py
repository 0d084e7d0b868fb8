"""Charts for the Net Promoter Score: static (matplotlib) for lessons, live (SVG) for widgets.

Groups always carry their name as well as their colour (Okabe-Ito colours,
which people with the common colour-vision deficiencies can tell apart):
detractors vermillion, passives grey, promoters bluish green.

>>> from ccexercise.nps import NpsCounts
>>> nps_groups_chart(NpsCounts(100, 60, 40)).axes[0].get_title()
'NPS +30.0 from 200 answers (95% interval +19.2 to +40.8)'
>>> [(s.label, max(s.values)) for s in nps_groups_live_chart(NpsCounts(100, 60, 40)).series]
[('Detractors', 40.0), ('Passives', 60.0), ('Promoters', 100.0)]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .._validate import check_columns
from ..nps import NpsCounts
from ._figures import COLOURS, FIGSIZE, FONT_SIZES, new_figure, style_axes
from .svg import SvgChart

__all__ = ["GROUPS", "GROUP_COLOURS", "nps_groups_chart", "nps_groups_live_chart",
           "nps_interval_live_chart", "nps_segment_chart", "nps_segment_live_chart",
           "nps_trend_chart", "nps_what_if_live_chart"]

#: The three groups in display order (worst first) and their colours.
GROUPS = ("Detractors", "Passives", "Promoters")
GROUP_COLOURS = {"Detractors": "#D55E00", "Passives": "#6E6E6E", "Promoters": "#009E73"}
_BY_TABLE = ("answers", "promoters", "passives", "detractors", "nps", "low", "high")


def _check_counts(counts) -> NpsCounts:
    if not isinstance(counts, NpsCounts):
        raise TypeError("counts must be an NpsCounts, such as cc.nps_counts(scores), got "
                        f"{counts!r} (a {type(counts).__name__})")
    return counts


def _check_table(table, name: str) -> pd.DataFrame:
    check_columns(name, table, _BY_TABLE,
                  what="the result of cc.nps_by(...) or cc.nps_by_period(...)")
    if table.empty:
        raise ValueError(f"{name} has no rows; there is nothing to draw")
    return table


def _labels(index: pd.Index) -> list[str]:
    return [" / ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in index]


def _title(counts: NpsCounts, level: float, method: str) -> str:
    low, high = counts.interval(level=level, method=method)
    return (f"NPS {counts.nps:+.1f} from {counts.n:,} answers "
            f"({level * 100:g}% interval {low:+.1f} to {high:+.1f})")


# --------------------------------------------------------------------------
# Static charts (matplotlib)
# --------------------------------------------------------------------------

def nps_groups_chart(counts: NpsCounts, *, level: float = 0.95, method: str = "wald") -> Figure:
    """One stacked bar of detractors, passives and promoters, each labelled with its share.

    >>> fig = nps_groups_chart(NpsCounts(1, 1, 2))
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['Detractors\\n50%', 'Passives\\n25%', 'Promoters\\n25%']
    """
    counts = _check_counts(counts)
    fig = new_figure(figsize=(FIGSIZE[0], 3.2))
    ax = fig.add_subplot()
    left = 0.0
    for group in GROUPS:
        share = counts.shares[group.lower()] * 100
        ax.barh([0], [share], left=left, color=GROUP_COLOURS[group], edgecolor="white",
                label=group)
        if share >= 6:
            ax.text(left + share / 2, 0, f"{group}\n{share:.0f}%", ha="center", va="center",
                    fontsize=FONT_SIZES["annotation"] + 2, color="white", fontweight="bold")
        left += share
    style_axes(ax, title=_title(counts, level, method), xlabel="Share of answers (%)",
               ylabel="", grid_axis="x")
    ax.set_xlim(0, 100)
    ax.set_yticks([])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncols=3, frameon=False,
              fontsize=FONT_SIZES["legend"])
    return fig


def nps_segment_chart(by_segment: pd.DataFrame, *, title: str | None = None) -> Figure:
    """NPS per segment as dots with interval bars, on a -100..+100 scale.

    ``by_segment`` is the result of :func:`ccexercise.nps_by`.

    >>> import ccexercise as cc
    >>> t = pd.DataFrame({"branch": ["A", "A", "B"], "score": [10, 6, 9]})
    >>> nps_segment_chart(cc.nps_by(t, "branch")).axes[0].get_title()
    'NPS by branch, with 95% intervals'
    """
    table = _check_table(by_segment, "by_segment")
    names = _labels(table.index)
    name = " and ".join(n for n in table.index.names if n) or "segment"
    n = len(table)
    fig = new_figure(figsize=(FIGSIZE[0], min(10.0, max(4.0, 1.6 + 0.7 * n))))
    ax = fig.add_subplot()
    rows = np.arange(n)
    nps_values = table["nps"].to_numpy(float)
    ax.errorbar(nps_values, rows, xerr=[nps_values - table["low"].to_numpy(float),
                                       table["high"].to_numpy(float) - nps_values],
                fmt="o", color=COLOURS["revenue"], ecolor=COLOURS["revenue"], elinewidth=3,
                capsize=6, markersize=10, label="NPS with its interval")
    for row, (value, answers) in enumerate(zip(nps_values, table["answers"])):
        ax.annotate(f"{value:+.0f}  ({answers:,} answers)", (value, row),
                    textcoords="offset points", xytext=(0, 12), ha="center",
                    fontsize=FONT_SIZES["annotation"], color=COLOURS["text"])
    ax.axvline(0, color=COLOURS["neutral"], linestyle="--", linewidth=1)
    style_axes(ax, title=title or f"NPS by {name}, with 95% intervals", xlabel="NPS (points)",
               ylabel=name.capitalize(), grid_axis="x")
    ax.set_yticks(rows, names)
    ax.set_ylim(n - 0.4, -0.7)
    ax.set_xlim(-100, 100)
    return fig


def nps_trend_chart(by_period: pd.DataFrame, *, title: str | None = None) -> Figure:
    """NPS per period as a line, inside a shaded band of its interval.

    ``by_period`` is the result of :func:`ccexercise.nps_by_period` (one group).

    >>> import ccexercise as cc
    >>> t = pd.DataFrame({"date": ["2025-01-02", "2025-02-03"], "score": [10, 3]})
    >>> nps_trend_chart(cc.nps_by_period(t)).axes[0].get_title()
    'NPS by month, with its 95% interval'
    """
    table = _check_table(by_period, "by_period")
    labels = _labels(table.index)
    name = table.index.names[-1] or "period"
    x = np.arange(len(table))
    fig = new_figure()
    ax = fig.add_subplot()
    ax.fill_between(x, table["low"].to_numpy(float), table["high"].to_numpy(float),
                    color=COLOURS["revenue"], alpha=0.2, label="95% interval")
    ax.plot(x, table["nps"].to_numpy(float), color=COLOURS["revenue"], marker="o",
            linewidth=3, markersize=7, label="NPS")
    ax.axhline(0, color=COLOURS["neutral"], linestyle="--", linewidth=1)
    style_axes(ax, title=title or f"NPS by {name}, with its 95% interval",
               xlabel=name.capitalize(), ylabel="NPS (points)")
    ax.set_xticks(x, labels, rotation=45 if len(x) > 6 else 0)
    ax.legend(loc="best", frameon=False, fontsize=FONT_SIZES["legend"])
    return fig


# --------------------------------------------------------------------------
# Live charts (SVG) for widgets
# --------------------------------------------------------------------------

def nps_groups_live_chart(counts: NpsCounts, *, level: float = 0.95,
                      method: str = "wald") -> SvgChart:
    """Bars of the three groups' sizes, each in its colour, named on the axis.

    >>> chart = nps_groups_live_chart(NpsCounts(3, 1, 1))
    >>> chart.title, chart.categories
    ('NPS +40.0 from 5 answers (95% interval -30.1 to +100.0)', ('Detractors: 1', 'Passives: 1', 'Promoters: 3'))
    """
    counts = _check_counts(counts)
    values = [counts.detractors, counts.passives, counts.promoters]
    chart = SvgChart(title=_title(counts, level, method), value_label="Answers",
                     categories=[f"{g}: {v:,}" for g, v in zip(GROUPS, values)])
    for i, group in enumerate(GROUPS):  # one series per group: its own colour and legend
        only = [v if j == i else 0 for j, v in enumerate(values)]
        chart.bars(only, label=group, colour=GROUP_COLOURS[group])
    return chart


def nps_interval_live_chart(counts: NpsCounts, *, level: float = 0.95,
                        method: str = "wald") -> SvgChart:
    """The NPS as a dot with its interval on the full -100..+100 scale.

    >>> chart = nps_interval_live_chart(NpsCounts(100, 60, 40))
    >>> chart.series[0].low, chart.series[0].high
    ((19.2,), (40.8,))
    """
    counts = _check_counts(counts)
    low, high = counts.interval(level=level, method=method)
    chart = SvgChart(title=f"NPS {counts.nps:+.1f}: somewhere from {low:+.1f} to {high:+.1f}",
                     categories=["NPS"], value_label="Points", horizontal=True, height=260)
    chart.set_limits(-100, 100)
    chart.interval(low=[low], high=[high], centre=[counts.nps],
                   label=f"{level * 100:g}% interval", colour=COLOURS["revenue"])
    chart.reference(0, label="0")
    return chart


def nps_what_if_live_chart(table: pd.DataFrame) -> SvgChart:
    """Bars of the NPS after each change of :func:`ccexercise.nps_what_if`.

    >>> import ccexercise as cc
    >>> nps_what_if_live_chart(cc.nps_what_if(100, 60, 40, moved=10)).series[0].values
    (30.0, 35.0, 35.0, 40.0)
    """
    check_columns("table", table, ["nps"], what="the result of cc.nps_what_if(...)")
    chart = SvgChart(title="NPS after each change", categories=list(table.index),
                     value_label="NPS (points)", horizontal=True)
    chart.bars(table["nps"].tolist(), label="NPS", colour=COLOURS["revenue"], value_labels=True)
    chart.reference(float(table["nps"].iloc[0]), label="today")
    return chart


def nps_segment_live_chart(by_segment: pd.DataFrame) -> SvgChart:
    """NPS per segment with interval bars, as an SvgChart.

    >>> import ccexercise as cc
    >>> t = pd.DataFrame({"branch": ["A", "A", "B"], "score": [10, 6, 9]})
    >>> nps_segment_live_chart(cc.nps_by(t, "branch")).categories
    ('A', 'B')
    """
    table = _check_table(by_segment, "by_segment")
    chart = SvgChart(title="NPS with 95% intervals", categories=_labels(table.index),
                     value_label="NPS (points)", horizontal=True)
    chart.set_limits(-100, 100)
    chart.interval(low=table["low"].tolist(), high=table["high"].tolist(),
                   centre=table["nps"].tolist(), label="NPS and interval",
                   colour=COLOURS["revenue"])
    chart.reference(0, label="0")
    return chart
