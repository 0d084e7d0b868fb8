"""Charts of a team's SOCO self-assessment: how the scores spread, and the themes.

A team's profile is the number of people in each band of scores (no names)
and the team's average points per theme, where the lowest theme is the
first thing to work on. Static charts (matplotlib) for the lesson, fast
:class:`~ccexercise.views.svg.SvgChart` builders for the widgets, and
:func:`soco_team_text`, the same numbers in words for anyone who cannot see
the chart.

>>> import ccexercise as cc
>>> middle = {code: 5 for code in cc.SOCO_CODES}
>>> team = cc.soco_team([middle] * 5)
>>> soco_team_live_chart(team).series[0].values
(0.0, 0.0, 0.0, 0.0, 5.0, 0.0, 0.0, 0.0)
"""

from __future__ import annotations

from matplotlib.figure import Figure

from ..soco import SCORE_BANDS, SOCO_THEMES, SocoTeam
from ._figures import COLOURS, FONT_SIZES, new_figure, style_axes
from .svg import SvgChart

__all__ = ["soco_team_chart", "soco_team_live_chart", "soco_team_text",
           "soco_themes_live_chart"]

_BAND_NAMES = [f"{low}-{high}" for low, high in SCORE_BANDS]
#: Okabe-Ito colours: the team (or "after"), and the team it is compared with ("before").
TEAM_COLOUR = "#0072B2"   # blue
OTHER_COLOUR = "#C17A00"  # Okabe-Ito orange darkened to 3.5:1 on white
WEAKEST_COLOUR = "#D55E00"  # vermilion


def _check_team(name: str, team) -> SocoTeam:
    if not isinstance(team, SocoTeam):
        raise TypeError(f"{name} must be the result of soco_team(...), got {team!r} "
                        f"(a {type(team).__name__})")
    return team


def _teams(team, compare) -> list[tuple[str, SocoTeam]]:
    teams = [("team", _check_team("team", team))]
    if compare is not None:
        teams.append(("compare", _check_team("compare", compare)))
    return teams


def soco_team_text(team: SocoTeam, *, label: str = "The team") -> str:
    """The profile in words, with every number the charts draw (a text alternative).

    >>> import ccexercise as cc
    >>> soco_team_text(cc.soco_team([{c: 5 for c in cc.SOCO_CODES}] * 5))[:80]
    'The team: 5 people, average score 120 of 216. People per band of scores: 24-47: '
    """
    team = _check_team("team", team)
    bands = "; ".join(f"{band}: {people}" for band, people in team.bands()["people"].items())
    themes = "; ".join(f"{theme} {points:.1f}" for theme, points in team.themes.items())
    return (f"{label}: {team.n} {'person' if team.n == 1 else 'people'}, average score "
            f"{team.mean:g} of 216. People per band of scores: {bands}. Average points per "
            f"theme (1-9, higher is more customer-oriented): {themes}. Weakest theme: "
            f"{team.weakest_theme}.")


def soco_team_chart(team: SocoTeam, *, compare: SocoTeam | None = None,
                    labels: tuple[str, str] = ("This team", "Compared with"),
                    title: str | None = None) -> Figure:
    """Bars of how many people scored in each band, a second team beside it if given.

    ``fig.axes[0].containers[k]`` holds team ``k``'s bars (heights = people).

    >>> import ccexercise as cc
    >>> team = cc.soco_team([{c: 5 for c in cc.SOCO_CODES}] * 5)
    >>> [float(b.get_height()) for b in soco_team_chart(team).axes[0].containers[0]][3:6]
    [0.0, 5.0, 0.0]
    >>> soco_team_chart([120, 130])
    Traceback (most recent call last):
        ...
    TypeError: team must be the result of soco_team(...), got [120, 130] (a list)
    """
    teams = _teams(team, compare)
    fig = new_figure()
    ax = fig.add_subplot()
    width = 0.8 / len(teams)
    for k, ((_, t), colour, hatch) in enumerate(zip(teams, (TEAM_COLOUR, OTHER_COLOUR),
                                                    ("", "//"))):
        bands = t.bands()
        x = [i - 0.4 + width * (k + 0.5) for i in range(len(bands))]
        ax.bar(x, bands["people"], width, color=colour, hatch=hatch, edgecolor="white",
               label=f"{labels[k]} ({t.n} people, average {t.mean:g})")
    names = list(teams[0][1].bands().index)
    ax.set_xticks(range(len(names)), names)
    style_axes(ax, title=title or f"How the {teams[0][1].n} scores spread (24 = most "
                                  f"selling-oriented, 216 = most customer-oriented)",
               xlabel="Score (24-216)", ylabel="People")
    ax.axvline(3.5, color=COLOURS["neutral"], linestyle="--", linewidth=1.2)
    ax.text(3.55, ax.get_ylim()[1] * 0.95, "120: '5' to everything", va="top",
            fontsize=FONT_SIZES["annotation"], color=COLOURS["neutral"])
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=FONT_SIZES["legend"], frameon=False, loc="upper left")
    return fig


def soco_team_live_chart(team: SocoTeam, *, compare: SocoTeam | None = None,
                         labels: tuple[str, str] = ("This team", "Compared with"),
                         title: str | None = None) -> SvgChart:
    """People per band of scores as bars (SVG), a second team beside it if given.

    >>> import ccexercise as cc
    >>> team = cc.soco_team([{c: 5 for c in cc.SOCO_CODES}] * 5)
    >>> chart = soco_team_live_chart(team, compare=team, labels=("After", "Before"))
    >>> [s.label for s in chart.series]
    ['After (5 people, average 120)', 'Before (5 people, average 120)']
    """
    teams = _teams(team, compare)
    first = teams[0][1]
    chart = SvgChart(title=title or f"{first.n} people, average score {first.mean:g} of 216",
                     categories=_BAND_NAMES, value_label="People",
                     category_label="Score (24 = most selling-, 216 = most customer-oriented)")
    for k, ((_, t), colour) in enumerate(zip(teams, (TEAM_COLOUR, OTHER_COLOUR))):
        chart.bars([float(c) for c in t.band_counts],
                   label=f"{labels[k]} ({t.n} people, average {t.mean:g})", colour=colour,
                   group=k, groups=len(teams), value_labels=True)
    chart.set_limits(0, max(5, *(max(t.band_counts) for _, t in teams)))
    return chart


def soco_themes_live_chart(team: SocoTeam, *, title: str | None = None) -> SvgChart:
    """The team's average points per theme (1-9), the weakest marked in its own colour
    and named in the title; "5" (sometimes) drawn as a dashed line.

    >>> import ccexercise as cc
    >>> middle = {c: 5 for c in cc.SOCO_CODES}
    >>> chart = soco_themes_live_chart(cc.soco_team([middle, {**middle, "s02": 9}]))
    >>> chart.title
    'Weakest theme: informing, not pushing (4.0 of 9)'
    >>> [s.label for s in chart.series]
    ['Average points', 'Weakest (start here)', "5 = 'sometimes'"]
    """
    team = _check_team("team", team)
    values = [float(team.themes[t]) for t in SOCO_THEMES]
    weakest = team.weakest_theme
    chart = SvgChart(title=title or f"Weakest theme: {weakest} ({team.themes.min():.1f} of 9)",
                     categories=list(SOCO_THEMES), value_label="Average points (1-9)",
                     horizontal=True, height=640)
    chart.bars(values, label="Average points", colour=TEAM_COLOUR, value_labels=True)
    # drawn over the weakest theme's bar (the others are 0 wide): its own colour, and the
    # title names it, so colour is not the only cue
    chart.bars([v if t == weakest else 0.0 for t, v in zip(SOCO_THEMES, values)],
               label="Weakest (start here)", colour=WEAKEST_COLOUR)
    chart.reference(5, label="5 = 'sometimes'")
    chart.set_limits(0, 9)
    return chart
