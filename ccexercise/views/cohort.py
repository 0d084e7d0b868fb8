"""Charts for the cohort report: how a group of learners scored on an exercise.

Like every view, each function returns a new
:class:`matplotlib.figure.Figure` built without ``pyplot``; the report turns
them into PNGs with :func:`~ccexercise.views.figure_to_png`.

>>> fig = score_histogram([12, 15, 20, 20], max_score=20, title="01_lost_customer_cost")
>>> fig.axes[0].get_title()
'01_lost_customer_cost: scores of 4 learners'
>>> fig = task_share_chart(["margin", "tomas"], full=[3, 1], partial=[0, 1], none=[1, 2],
...                        title="01_lost_customer_cost")
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
['margin', 'tomas']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from ._figures import COLOURS, FONT_SIZES, new_figure, style_axes

__all__ = ["OUTCOME_COLOURS", "score_histogram", "task_share_chart"]

#: Okabe-Ito colours for a task's outcome: full points, some points, none.
OUTCOME_COLOURS = {"full": "#009E73", "partial": "#CC79A7", "none": "#D55E00"}


def _check_numbers(name: str, values: Sequence[float]) -> np.ndarray:
    array = np.asarray(list(values), dtype=float)
    if array.ndim != 1 or not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be a list of finite numbers, got {list(values)!r}")
    return array


def score_histogram(scores: Sequence[float], *, max_score: float, title: str) -> Figure:
    """How many learners got each total score, from 0 to ``max_score``, with the mean marked.

    >>> score_histogram([1, 30], max_score=20, title="m")
    Traceback (most recent call last):
        ...
    ValueError: scores must lie between 0 and max_score (20), got 30
    """
    values = _check_numbers("scores", scores)
    if not max_score > 0:
        raise ValueError(f"max_score must be more than 0, got {max_score!r}")
    outside = values[(values < 0) | (values > max_score)]
    if outside.size:
        raise ValueError(f"scores must lie between 0 and max_score ({max_score:g}), "
                         f"got {outside[0]:g}")
    fig = new_figure(figsize=(10, 4.2))
    ax = fig.add_subplot()
    if max_score <= 40 and float(max_score).is_integer():
        edges = np.arange(-0.5, max_score + 1.5, 1.0)
    else:
        edges = np.linspace(0, max_score, 11)
    ax.hist(values, bins=edges, color=COLOURS["revenue"], edgecolor="white", linewidth=1)
    style_axes(ax, title=f"{title}: scores of {len(values)} learner{'s' * (len(values) != 1)}",
               xlabel=f"Score (out of {max_score:g})", ylabel="Learners")
    ax.set_xlim(edges[0], edges[-1])
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if values.size:
        mean = float(values.mean())
        ax.axvline(mean, color=COLOURS["cumulative"], linewidth=2, linestyle="--")
        ax.annotate(f"mean {mean:.1f}", xy=(mean, 1), xycoords=("data", "axes fraction"),
                    xytext=(4, -4), textcoords="offset points", va="top",
                    fontsize=FONT_SIZES["annotation"], color=COLOURS["cumulative"])
    else:
        ax.text(0.5, 0.5, "No graded submissions yet", transform=ax.transAxes, ha="center",
                fontsize=FONT_SIZES["label"], color=COLOURS["neutral"])
    return fig


def task_share_chart(tasks: Sequence[str], *, full: Sequence[int], partial: Sequence[int],
                     none: Sequence[int], title: str) -> Figure:
    """Per task, the share of learners who got full points, some points, or none (stacked bars).

    Tasks are listed top to bottom in the given (notebook) order.
    """
    names = [str(t) for t in tasks]
    counts = {k: _check_numbers(k, v) for k, v in (("full", full), ("partial", partial),
                                                   ("none", none))}
    if any(len(c) != len(names) for c in counts.values()):
        raise ValueError("tasks, full, partial and none must have the same length, got "
                         + ", ".join(str(len(x)) for x in (names, *counts.values())))
    totals = sum(counts.values())
    safe = np.where(totals > 0, totals, 1)
    fig = new_figure(figsize=(10, max(2.6, 0.55 * len(names) + 1.6)))
    ax = fig.add_subplot()
    positions = np.arange(len(names))
    left = np.zeros(len(names))
    labels = {"full": "full points", "partial": "some points", "none": "no points"}
    for key in ("full", "partial", "none"):
        share = counts[key] / safe * 100
        ax.barh(positions, share, left=left, color=OUTCOME_COLOURS[key], label=labels[key],
                edgecolor="white", height=0.7)
        left += share
    style_axes(ax, title=f"{title}: share of learners by task", xlabel="Learners (%)",
               ylabel="", grid_axis="x")
    ax.set_yticks(positions, names)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=3, frameon=False,
              fontsize=FONT_SIZES["legend"])
    return fig
