"""Charts for listening to customers (module 08): a mystery-shop visit's stages, weakest
first, and the conversation log's themes, most mentioned first.

Each chart has a text twin with its numbers (:func:`visit_text`,
:func:`themes_text`) for people who cannot see it; the bars carry their
counts as words, so colour is never the only cue.

>>> import ccexercise as cc
>>> tally = cc.tally_themes(cc.load_conversations())
>>> themes_live_chart(tally).categories[:2]
('waiting and speed', 'stock and orders')
>>> themes_text(tally).splitlines()[1]
'waiting and speed: 7 of 25 conversations (28%)'
"""

from __future__ import annotations

from matplotlib.figure import Figure

from ..listening import ConversationTally, VisitResult
from ._figures import COLOURS, FIGSIZE, FONT_SIZES, new_figure, style_axes
from .svg import SvgChart

__all__ = ["themes_chart", "themes_live_chart", "themes_text", "visit_chart",
           "visit_live_chart", "visit_text"]

FINE_COLOUR = COLOURS["revenue"]     # blue
PROBLEM_COLOUR = COLOURS["cumulative"]  # vermillion


def _check(name: str, value, kind, where: str):
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be the result of {where}, got {value!r} "
                        f"(a {type(value).__name__})")


def _checked(visit: VisitResult):
    table = visit.table[visit.table["checked"] > 0]
    if table.empty:
        raise ValueError("visit has no point checked yet; mark some points 'fine' or "
                         "'problem' first")
    return table


def _visit_title(table) -> str:
    problems = int(table["problems"].sum())
    return (f"{problems} problem{'s' if problems != 1 else ''} in {int(table['checked'].sum())} "
            "points: the weakest stage on top")


def visit_text(visit: VisitResult) -> str:
    """The visit's stages, weakest first, as text with every number (the charts' twin).

    >>> import ccexercise as cc
    >>> checklist = cc.mystery_shop_checklist(["website", "parking"])
    >>> print(visit_text(cc.score_visit(checklist, {"website": ["fine", "problem", "fine"]})))
    1 problem in 3 points: the weakest stage on top
    Website: 2 of 3 fine, 1 problem
    Parking: not checked
    """
    _check("visit", visit, VisitResult, "score_visit(...)")
    table = visit.table
    lines = [_visit_title(table)]
    for row in table.itertuples():
        if not row.checked:
            lines.append(f"{row.title}: not checked")
        else:
            lines.append(f"{row.title}: {row.fine} of {row.checked} fine, {row.problems} "
                         f"problem{'s' if row.problems != 1 else ''}")
    return "\n".join(lines)


def visit_live_chart(visit: VisitResult) -> SvgChart:
    """Stacked bars per checked stage, weakest on top: points fine, then problems.

    >>> import ccexercise as cc
    >>> checklist = cc.mystery_shop_checklist(["website", "parking"])
    >>> chart = visit_live_chart(cc.score_visit(checklist, {"website": ["fine", "problem", "no"],
    ...                                                     "parking": ["fine", "fine"]}))
    >>> chart.categories, [(s.label, s.values) for s in chart.series]
    (('Website', 'Parking'), [('Points fine', (1.0, 2.0)), ('Problems', (2.0, 0.0))])
    >>> visit_live_chart(cc.score_visit(checklist, {}))
    Traceback (most recent call last):
        ...
    ValueError: visit has no point checked yet; mark some points 'fine' or 'problem' first
    """
    _check("visit", visit, VisitResult, "score_visit(...)")
    table = _checked(visit)
    chart = SvgChart(title=_visit_title(table), categories=table["title"].tolist(),
                     value_label="Points checked", horizontal=True,
                     height=max(300, 120 + 48 * len(table)))
    fine = table["fine"].astype(float).tolist()
    chart.bars(fine, label="Points fine", colour=FINE_COLOUR, value_labels=True)
    chart.bars(table["problems"].astype(float).tolist(), label="Problems",
               colour=PROBLEM_COLOUR, base=fine, value_labels=True)
    return chart


def visit_chart(visit: VisitResult) -> Figure:
    """The same picture as :func:`visit_live_chart`, with matplotlib, for lessons.

    >>> import ccexercise as cc
    >>> checklist = cc.mystery_shop_checklist(["website", "parking"])
    >>> fig = visit_chart(cc.score_visit(checklist, {"website": ["problem"] * 3,
    ...                                              "parking": ["fine", "problem"]}))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Website', 'Parking']
    """
    _check("visit", visit, VisitResult, "score_visit(...)")
    table = _checked(visit)
    n = len(table)
    fig = new_figure(figsize=(FIGSIZE[0], min(12.0, max(3.5, 1.6 + 0.6 * n))))
    ax = fig.add_subplot()
    rows = list(range(n))
    fine = table["fine"].to_numpy(dtype=float)
    problems = table["problems"].to_numpy(dtype=float)
    fine_bars = ax.barh(rows, fine, color=FINE_COLOUR, label="Points fine")
    problem_bars = ax.barh(rows, problems, left=fine, color=PROBLEM_COLOUR, hatch="//",
                           edgecolor="white", label="Problems")
    for bars, values in ((fine_bars, fine), (problem_bars, problems)):
        ax.bar_label(bars, labels=[f"{v:g}" if v else "" for v in values], label_type="center",
                     color="white", fontsize=FONT_SIZES["annotation"], fontweight="bold")
    style_axes(ax, title=_visit_title(table), xlabel="Points checked", ylabel="",
               grid_axis="x")
    ax.set_yticks(rows, table["title"].tolist())
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.legend(loc="outside lower center", ncols=2, frameon=False,
               fontsize=FONT_SIZES["legend"])
    return fig


def _themes_title(tally: ConversationTally) -> str:
    return f"What {tally.conversations} customers want improved, by theme"


def themes_text(tally: ConversationTally) -> str:
    """The themes, most mentioned first, as text with every number (the charts' twin)."""
    _check("tally", tally, ConversationTally, "tally_themes(...)")
    lines = [_themes_title(tally)]
    for row in tally.table.itertuples():
        lines.append(f"{row.theme}: {row.conversations} of {tally.conversations} conversations "
                     f"({row.share:.0%})")
    return "\n".join(lines)


def themes_live_chart(tally: ConversationTally) -> SvgChart:
    """Horizontal bars of conversations per theme, the most mentioned on top, counts shown.

    >>> import ccexercise as cc
    >>> chart = themes_live_chart(cc.tally_themes(cc.load_conversations()))
    >>> chart.series[0].values[:3]
    (7.0, 5.0, 4.0)
    """
    _check("tally", tally, ConversationTally, "tally_themes(...)")
    if tally.table.empty:
        raise ValueError("tally has no conversations to draw; load a log with at least one row")
    chart = SvgChart(title=_themes_title(tally), categories=tally.table["theme"].tolist(),
                     value_label="Conversations", horizontal=True,
                     height=max(300, 120 + 48 * len(tally.table)))
    chart.bars(tally.table["conversations"].astype(float).tolist(), label="Conversations",
               colour=FINE_COLOUR, value_labels=True)
    return chart


def themes_chart(tally: ConversationTally) -> Figure:
    """The same picture as :func:`themes_live_chart`, with matplotlib, for lessons.

    >>> import ccexercise as cc
    >>> fig = themes_chart(cc.tally_themes(cc.load_conversations()))
    >>> [float(b.get_width()) for b in fig.axes[0].containers[0]][:3]
    [7.0, 5.0, 4.0]
    >>> themes_chart("log")
    Traceback (most recent call last):
        ...
    TypeError: tally must be the result of tally_themes(...), got 'log' (a str)
    """
    _check("tally", tally, ConversationTally, "tally_themes(...)")
    table = tally.table
    if table.empty:
        raise ValueError("tally has no conversations to draw; load a log with at least one row")
    n = len(table)
    fig = new_figure(figsize=(FIGSIZE[0], min(12.0, max(3.5, 1.6 + 0.55 * n))))
    ax = fig.add_subplot()
    rows = list(range(n))
    bars = ax.barh(rows, table["conversations"].to_numpy(dtype=float), color=FINE_COLOUR)
    ax.bar_label(bars, labels=[f"{c} of {tally.conversations}" for c in table["conversations"]],
                 padding=4, fontsize=FONT_SIZES["annotation"], color=COLOURS["text"])
    style_axes(ax, title=_themes_title(tally), xlabel="Conversations", ylabel="",
               grid_axis="x")
    ax.set_yticks(rows, table["theme"].tolist())
    ax.invert_yaxis()
    ax.margins(x=0.18)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig
