"""The skit comparison chart, built as an SVG picture (fast enough to redraw live).

:func:`skit_comparison_chart` takes the table from
:func:`ccexercise.compare_skits` and returns a
:class:`~ccexercise.views.svg.SvgChart`: for each rated skit, the
customer's wish to come back and the room's average, on the 1 to 10 scale.

>>> import ccexercise as cc
>>> table = cc.compare_skits([cc.SceneCard("Team 1", "Low", "a shop", "boots", "help")],
...                          [cc.SkitRating("Team 1", ["angry"], 2, room=[3, 4])])
>>> chart = skit_comparison_chart(table)
>>> chart.title
'Wish to come back, by skit'
>>> [series.label for series in chart.series]
["Customer's wish to come back", "Room's average"]
"""

from __future__ import annotations

import pandas as pd

from .._validate import check_columns
from ..skit import COMPARISON_COLUMNS
from .svg import SvgChart

__all__ = ["CUSTOMER_COLOUR", "ROOM_COLOUR", "skit_comparison_chart", "skit_label"]

#: Okabe-Ito blue and orange (as ccexercise.views._figures.COLOURS).
CUSTOMER_COLOUR = "#0072B2"
ROOM_COLOUR = "#C17A00"  # Okabe-Ito orange, darkened to 3.5:1 on white


def skit_label(name: str, level) -> str:
    """The category label under a skit's bars: its name and level.

    >>> skit_label("Team 2", "WOW"), skit_label("Team 9", None)
    ('Team 2 · WOW', 'Team 9')
    """
    return f"{name} · {level}" if isinstance(level, str) and level else name


def skit_comparison_chart(table: pd.DataFrame) -> SvgChart | None:
    """Grouped bars per rated skit: the customer's wish to come back and the room's average.

    Skits not rated yet are left out (the table beside the chart lists
    them); the room's bars appear when the room rated every skit shown
    (a missing room average must not look like a 0). The value axis is fixed
    at 0 to 10 so charts of different sessions compare at a glance.
    With no skit rated yet there is nothing to draw: the answer is ``None``.

    >>> import ccexercise as cc
    >>> skit_comparison_chart(cc.compare_skits([], [])) is None
    True
    """
    check_columns("table", table, COMPARISON_COLUMNS, what="the result of compare_skits(...)")
    rated = table[table["come_back"].notna()]
    if rated.empty:
        return None
    chart = SvgChart(title="Wish to come back, by skit",
                     categories=[skit_label(name, level)
                                 for name, level in zip(rated.index, rated["level"])],
                     value_label="Wish to come back (1 to 10)", category_label="",
                     horizontal=False)
    chart.set_limits(0, 10)
    has_room = bool((rated["room_count"] > 0).all())
    groups = 2 if has_room else 1
    chart.bars([int(v) for v in rated["come_back"]], label="Customer's wish to come back",
               colour=CUSTOMER_COLOUR, group=0, groups=groups, base=None, value_labels=True)
    if has_room:
        room = [round(float(v), 1) for v in rated["room_mean"]]
        chart.bars(room, label="Room's average", colour=ROOM_COLOUR, group=1, groups=groups,
                   base=None, value_labels=True)
    return chart
