"""Charts for why customers leave: the Pareto chart of exit reasons.

A Pareto chart shows the reasons as bars, largest first, and a line of the
running share: where the line passes 80%, the reasons to its left are the
"vital few" to work on first. :func:`exit_reason_pareto_chart` draws it
with matplotlib for the lesson, :func:`exit_reason_pareto_live_chart` as a
fast :class:`~ccexercise.views.svg.SvgChart` for the explorer widget, and
:func:`pareto_text` gives the same numbers in words (the chart's text
alternative).

>>> import pandas as pd
>>> t = pd.DataFrame({"customers": [6, 3, 1], "lost_revenue": [600.0, 900.0, 50.0]},
...                  index=pd.Index(["staff", "price", "moved"], name="exit_reason"))
>>> exit_reason_pareto_live_chart(t).series[1].values   # the running share, in %
(60.0, 90.0, 100.0)
"""

from __future__ import annotations

import html
import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from .._validate import check_columns
from ._figures import COLOURS, FONT_SIZES, money_formatter, new_figure, style_axes
from .svg import SvgChart

__all__ = ["MEASURES", "cards_html", "exit_reason_pareto_chart", "exit_reason_pareto_live_chart",
           "pareto_table_html", "pareto_text"]

#: What the bars can count: the column of the Pareto table, and its words.
MEASURES = {
    "customers": ("Customers who left", "customers"),
    "lost_revenue": ("Lost revenue", "of lost revenue"),
    "lost_profit": ("Lost profit", "of lost profit"),
}
_WHAT = "the result of cc.exit_reason_pareto(...)"


def _sorted(pareto: pd.DataFrame, measure: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Reasons, bar values and cumulative shares (in %), largest bar first."""
    if not isinstance(measure, str) or measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    check_columns("pareto", pareto, [measure], what=_WHAT)
    if pareto.empty:
        raise ValueError("pareto has no rows; there are no reasons to draw")
    column = pareto[measure]
    if not pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column):
        raise TypeError(f"pareto column {measure!r} must hold numbers, got dtype {column.dtype}")
    values = column.to_numpy(dtype=float)
    if np.isnan(values).any() or (values < 0).any():
        raise ValueError(f"pareto column {measure!r} must hold amounts of 0 or more, "
                         f"with no empty cells")
    order = np.argsort(-values, kind="stable")
    values = values[order]
    reasons = [str(pareto.index[i]) for i in order]
    total = values.sum()
    cumulative = np.cumsum(values) / total * 100 if total else np.zeros_like(values)
    return reasons, values, np.round(cumulative, 1)


def _title(measure: str, reasons: list[str], cumulative: np.ndarray) -> str:
    first = next((i + 1 for i, c in enumerate(cumulative) if c >= 80 - 1e-9), len(reasons))
    noun = "reason" if first == 1 else "reasons"
    what = "of those who left" if measure == "customers" else MEASURES[measure][1]
    return f"{first} of {len(reasons)} {noun} make up 80% {what}"


def exit_reason_pareto_chart(pareto: pd.DataFrame, *, measure: str = "customers",
                             title: str | None = None) -> Figure:
    """A Pareto chart: bars of ``measure`` per reason, largest first, and the running share.

    ``pareto`` is the result of :func:`~ccexercise.exit_reason_pareto`;
    ``measure`` is "customers", "lost_revenue" or "lost_profit". The bars
    use the left axis, the running share (a line with dots) the right one,
    with a dashed line at 80%. Each bar carries its number.

    >>> t = pd.DataFrame({"customers": [6, 3, 1]}, index=["staff", "price", "moved"])
    >>> fig = exit_reason_pareto_chart(t)
    >>> fig.axes[0].get_title()
    '2 of 3 reasons make up 80% of those who left'
    >>> [float(b.get_height()) for b in fig.axes[0].containers[0]]
    [6.0, 3.0, 1.0]
    >>> exit_reason_pareto_chart(t, measure="count")
    Traceback (most recent call last):
        ...
    ValueError: measure must be one of customers, lost_revenue, lost_profit, got 'count'
    """
    reasons, values, cumulative = _sorted(pareto, measure)
    if title is None:
        title = _title(measure, reasons, cumulative)
    fig = new_figure(figsize=(11, 6.6))
    ax = fig.add_subplot()
    x = np.arange(len(reasons))
    bars = ax.bar(x, values, 0.65, color=COLOURS["revenue"], label=MEASURES[measure][0])
    money = measure != "customers"
    ax.bar_label(bars, labels=[f"{v:,.0f}" for v in values],
                 padding=3, fontsize=FONT_SIZES["annotation"], color=COLOURS["text"])
    style_axes(ax, title=title, xlabel="Reason given on leaving",
               ylabel=MEASURES[measure][0])
    ax.set_xticks(x, [textwrap.fill(r, 11) for r in reasons],
                  fontsize=FONT_SIZES["annotation"])
    if money:
        ax.yaxis.set_major_formatter(money_formatter())
    ax.set_ylim(bottom=0, top=max(values.max() * 1.15, 1))
    share = ax.twinx()
    share.plot(x, cumulative, color=COLOURS["cumulative"], marker="o", linewidth=3,
               markersize=7, label="Running share (right axis)")
    share.axhline(80, color=COLOURS["neutral"], linestyle="--", linewidth=1.5,
                  label="80% line")
    share.set_ylim(0, 105)
    share.yaxis.set_major_formatter(PercentFormatter(100, decimals=0))
    share.set_ylabel("Running share", fontsize=FONT_SIZES["label"],
                     color=COLOURS["cumulative"])
    share.tick_params(labelsize=FONT_SIZES["ticks"], colors=COLOURS["cumulative"])
    share.spines["top"].set_visible(False)
    handles, labels = [], []
    for axis in (ax, share):
        h, lab = axis.get_legend_handles_labels()
        handles += h
        labels += lab
    fig.legend(handles, labels, loc="outside lower center", ncols=3, frameon=False,
               fontsize=FONT_SIZES["legend"])
    return fig


def exit_reason_pareto_live_chart(pareto: pd.DataFrame, *, measure: str = "customers",
                                  title: str | None = None) -> SvgChart:
    """The Pareto chart for a widget, as a fast :class:`SvgChart`, lying on its side so
    every reason's full name fits: one bar per reason, largest on top, each the reason's
    share of the total in %, the running share as a line with dots, and a dashed line at
    80%. All three are read on one axis, 0 to 100%. The amounts themselves are in
    :func:`pareto_text`.

    >>> t = pd.DataFrame({"customers": [1, 6, 3]}, index=["moved", "staff", "price"])
    >>> chart = exit_reason_pareto_live_chart(t)
    >>> chart.categories, chart.series[0].values, chart.series[1].values
    (('staff', 'price', 'moved'), (60.0, 30.0, 10.0), (60.0, 90.0, 100.0))
    """
    reasons, values, cumulative = _sorted(pareto, measure)
    total = values.sum()
    shares = np.round(values / total * 100, 1) if total else np.zeros_like(values)
    what = "customers who left" if measure == "customers" else MEASURES[measure][0].lower()
    chart = SvgChart(title=title or _title(measure, reasons, cumulative), categories=reasons,
                     value_label=f"Share of all {what} (%)", horizontal=True,
                     height=max(420, 150 + 44 * len(reasons)))
    chart.bars(shares.tolist(), label=f"Share of {what}", colour=COLOURS["revenue"],
               value_labels=len(reasons) <= 12)
    chart.line(cumulative.tolist(), label="Running share", colour=COLOURS["cumulative"])
    chart.reference(80.0, label="80% line", colour=COLOURS["neutral"])
    chart.set_limits(0, 100)
    return chart


def pareto_text(pareto: pd.DataFrame, *, measure: str = "customers") -> str:
    """The chart's numbers in words: each reason with its amount and the running share.

    >>> t = pd.DataFrame({"customers": [6, 3, 1]}, index=["staff", "price", "moved"])
    >>> pareto_text(t)
    'Customers who left, largest first: staff 6 (running share 60%); price 3 (90%); moved 1 (100%).'
    """
    reasons, values, cumulative = _sorted(pareto, measure)
    parts = [f"{r} {v:,.0f} "
             + (f"(running share {c:g}%)" if i == 0 else f"({c:g}%)")
             for i, (r, v, c) in enumerate(zip(reasons, values, cumulative))]
    return f"{MEASURES[measure][0]}, largest first: " + "; ".join(parts) + "."


def pareto_table_html(pareto: pd.DataFrame, *, measure: str = "customers") -> str:
    """The chart's numbers as a small HTML table (reason, amount, running share)."""
    reasons, values, cumulative = _sorted(pareto, measure)
    rows = "".join(
        f"<tr><td style='text-align: left'>{html.escape(r)}</td>"
        f"<td>{v:,.0f}</td><td>{c:g}%</td></tr>"
        for r, v, c in zip(reasons, values, cumulative))
    return (f"<table style='font-size: 1.1em'><thead><tr><th style='text-align: left'>Reason</th>"
            f"<th>{html.escape(MEASURES[measure][0])}</th><th>Running share</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


class HtmlBlock(str):
    """Text that a notebook shows as HTML (its value is the HTML itself)."""

    def _repr_html_(self) -> str:
        return str(self)


def cards_html(ids, *, deck: str = "dislike", side: str = "both") -> HtmlBlock:
    """Cards of a deck, one under the other, as module 06's dealer shows them.

    >>> shown = cards_html(["D02"])
    >>> "A long-standing account holder" in shown
    True
    >>> cards_html(["D99"])
    Traceback (most recent call last):
        ...
    ValueError: ids must name cards of the 'dislike' deck; no card 'D99'
    """
    from ..cards import load_deck
    from .cards import card_html

    if isinstance(ids, str):
        ids = [ids]
    cards = load_deck(deck)
    known = {card.id for card in cards}
    parts = []
    for card_id in ids:
        if card_id not in known:
            raise ValueError(f"ids must name cards of the {deck!r} deck; no card {card_id!r}")
        parts.append(card_html(cards.by_id(card_id), side, heading=f"Card {card_id}"))
    return HtmlBlock("<div style='display: grid; gap: 0.8em'>" + "".join(parts) + "</div>")
