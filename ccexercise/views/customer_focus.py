"""Charts for module 00: the principles self-check profile and the room's sorter votes.

Both are live SVG charts (widgets redraw them on every change); every bar
carries its number, and every category its words, so colour is never the
only cue.

>>> import ccexercise as cc
>>> chart = principles_live_chart(cc.principles_profile([4, 4, 5, 2, 3, 4, 5, 3, 2]))
>>> chart.title, list(chart.series[0].values)[:4]
('Your profile: average 3.6 of 5', [4.0, 4.0, 5.0, 2.0])
>>> principles_live_chart([4, 4])
Traceback (most recent call last):
    ...
TypeError: profile must be a PrinciplesProfile (from cc.principles_profile), got [4, 4] (a list)
"""

from __future__ import annotations

from collections.abc import Mapping

from ..customer_focus import PRINCIPLES, PrinciplesProfile, Verdict
from .svg import SvgChart

__all__ = ["principles_live_chart", "sort_votes_live_chart"]

#: Okabe-Ito blue for the profile's bars.
PROFILE_COLOUR = "#0072B2"


def principles_live_chart(profile: PrinciplesProfile) -> SvgChart:
    """One horizontal bar per principle, 1 (not at all) to 5 (fully), with the average."""
    if not isinstance(profile, PrinciplesProfile):
        raise TypeError("profile must be a PrinciplesProfile (from cc.principles_profile), got "
                        f"{profile!r} (a {type(profile).__name__})")
    chart = SvgChart(title=f"Your profile: average {profile.average:.1f} of 5",
                     categories=[p.name for p in PRINCIPLES],
                     value_label="How true of your workplace (1 = not at all, 5 = fully)",
                     horizontal=True, height=620)
    chart.set_limits(0, 5)
    chart.bars([profile.ratings[p.key] for p in PRINCIPLES], label="Your rating",
               colour=PROFILE_COLOUR, value_labels=True)
    chart.reference(profile.average, label=f"Average {profile.average:.1f}")
    return chart


def sort_votes_live_chart(counts: Mapping, *, answer: Verdict | None = None,
                          title: str = "The room's votes") -> SvgChart:
    """Bars of how many voted for each verdict; with ``answer``, the title names it.

    ``counts`` maps each :class:`~ccexercise.Verdict` to a whole number of votes.

    >>> chart = sort_votes_live_chart({Verdict.LEVEL_1: 2, Verdict.LEVEL_2: 5, Verdict.NOT: 1},
    ...                               answer=Verdict.LEVEL_2)
    >>> chart.title, chart.categories[1], list(chart.series[0].values)
    ("The room's votes · answer: Customer focus (level 2)", 'Customer focus (level 2)', [2.0, 5.0, 1.0])
    >>> sort_votes_live_chart({Verdict.LEVEL_1: -1})
    Traceback (most recent call last):
        ...
    ValueError: counts[Verdict.LEVEL_1] must be a whole number of votes, 0 or more, got -1
    """
    if not isinstance(counts, Mapping):
        raise TypeError(f"counts must map each Verdict to a number of votes, got {counts!r}")
    values = []
    for verdict in Verdict:
        n = counts.get(verdict, 0)
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"counts[{verdict!r}] must be a whole number of votes, 0 or more, "
                             f"got {n!r}")
        values.append(n)
    if answer is not None:
        title = f"{title} · answer: {Verdict.from_text(answer).label}"
    chart = SvgChart(title=title, categories=[v.label for v in Verdict], value_label="Votes")
    chart.set_limits(0, max(4, *values))
    chart.bars(values, label="Votes", colour=PROFILE_COLOUR, value_labels=True)
    return chart
