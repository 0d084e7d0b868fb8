"""Widgets for the satisfaction formula: two rating sliders, the promise simulator,
and an explorer of the service survey by dimension.

Each widget wires controls to :mod:`ccexercise.satisfaction`,
:mod:`ccexercise.expectations` and :mod:`ccexercise.service_levels` and
draws with the ``*_live_chart`` builders of
:mod:`ccexercise.views.satisfaction`. Tests drive them from Python:

>>> w = satisfaction_sliders(expected=6, perceived=4)
>>> w.result
ServiceLevel.LOW
>>> w.perceived.value = 7
>>> w.level_word.value
'WOW'
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from .._validate import check_number, check_whole_number
from ..datasets import load
from ..expectations import DEADLINE_EXAMPLE, PromiseOutcome, promise_vs_delivery
from ..satisfaction import DIMENSIONS, GapAnalysis, gap_analysis, respondent_gaps, satisfaction
from ..service_levels import DEFAULT_TOLERANCE, ServiceLevel, level_counts, service_level
from ..views.satisfaction import gap_live_chart, promise_live_chart, rating_live_chart
from .charts import ChartImage
from .style import CONTROL_LAYOUT, CONTROL_STYLE

__all__ = ["DimensionExplorer", "PromiseSimulator", "RoomGap", "SatisfactionSliders",
           "dimension_explorer", "promise_simulator", "satisfaction_sliders"]

ALL = "All"


def _badge(level: ServiceLevel, text: str) -> str:
    """A level shown in words and colour, large enough for a projector."""
    return (f'<div style="font-size: 1.6em; margin: 0.3em 0">'
            f'<span style="background: {level.colour}; color: #FFFFFF; font-weight: bold; '
            f'padding: 0.1em 0.6em; border-radius: 0.3em">{html.escape(level.label)}</span> '
            f'<span style="font-size: 0.75em">{html.escape(text)}</span></div>')


def _sentence(text: str) -> str:
    return f'<p style="font-size: 1.3em; line-height: 1.4">{html.escape(text)}</p>'


class SatisfactionSliders(widgets.VBox):
    """Two sliders, expected and perceived, and the service level in words and colour.

    Controls: ``expected``, ``perceived`` (``IntSlider`` on ``scale``).
    Outputs: ``level`` (HTML badge), ``level_word`` (``Label``: Low,
    Standard or WOW), ``summary`` (HTML sentence), ``chart``
    (:class:`~ccexercise.widgets.charts.ChartImage`). ``result`` is the
    current :class:`~ccexercise.ServiceLevel`, ``gap`` the current gap.
    """

    def __init__(self, expected: int = 5, perceived: int = 5, *, scale=(1, 7),
                 tolerance: float = DEFAULT_TOLERANCE, **kwargs) -> None:
        satisfaction(perceived, expected, scale=scale)  # checks both ratings and the scale
        expected = check_whole_number("expected", expected)
        perceived = check_whole_number("perceived", perceived)
        low = check_whole_number("scale[0]", scale[0])
        high = check_whole_number("scale[1]", scale[1])
        self.scale = (low, high)
        self.tolerance = check_number("tolerance", tolerance, minimum=0)
        self.expected = widgets.IntSlider(
            value=expected, min=low, max=high, description="What the customer expected",
            tooltip=f"From {low} (very little) to {high} (a great deal)",
            style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.perceived = widgets.IntSlider(
            value=perceived, min=low, max=high, description="What the customer got",
            tooltip=f"From {low} (very little) to {high} (a great deal)",
            style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.level = widgets.HTML()
        self.level_word = widgets.Label(layout={"display": "none"})
        self.summary = widgets.HTML()
        self.chart = ChartImage(layout={"width": "100%", "max_width": "800px", "height": "auto"})
        self.result: ServiceLevel | None = None
        self.gap: int | None = None
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.expected, self.perceived, self.level, self.level_word,
                                   self.summary, self.chart], **kwargs)
        for control in (self.expected, self.perceived):
            control.observe(lambda _change: self.update(), names="value")
        self.update()

    def update(self) -> ServiceLevel:
        """Recalculate from the sliders and redraw; return the level."""
        e, p = self.expected.value, self.perceived.value
        gap = satisfaction(p, e, scale=self.scale)
        level = service_level(gap, tolerance=self.tolerance)
        self.gap, self.result = gap, level
        self.level.value = _badge(level, f"{level.meaning}: the customer feels {level.emotion}")
        self.level_word.value = level.label
        self.summary.value = _sentence(
            f"Satisfaction = perceived - expected = {p} - {e} = {gap:+d}.")
        self.chart.show(rating_live_chart(e, p, level, top=self.scale[1]))
        return level


def satisfaction_sliders(expected: int = 5, perceived: int = 5, *, scale=(1, 7),
                         tolerance: float = DEFAULT_TOLERANCE) -> SatisfactionSliders:
    """A :class:`SatisfactionSliders` widget.

    >>> satisfaction_sliders(5, 5).level_word.value
    'Standard'
    >>> satisfaction_sliders(8, 5)
    Traceback (most recent call last):
        ...
    ValueError: expectation must be on the scale 1 to 7, got 8
    """
    return SatisfactionSliders(expected, perceived, scale=scale, tolerance=tolerance)


class RoomGap(widgets.VBox):
    """The room's own gap for one service scenario: what it expected, what it got.

    Reads the run sheet's two rating polls (``expected`` and ``got``, their
    ids) from the room (``feed``, a :class:`~ccexercise.widgets.room.RoomFeed`)
    and shows the room's average of each, the gap (got minus expected) and
    the service level that gap means. Outputs: ``summary`` (HTML), ``chart``
    (ChartImage); ``gap`` and ``result`` (the level) are None until both
    questions have answers. Without a room it says so: use
    :func:`satisfaction_sliders` to type the room's averages instead.
    """

    def __init__(self, feed, *, expected: str = "expected", got: str = "got",
                 tolerance: float = DEFAULT_TOLERANCE, **kwargs) -> None:
        self.feed = feed
        self.question_ids = (expected, got)
        self.tolerance = check_number("tolerance", tolerance, minimum=0)
        self.summary = widgets.HTML()
        self.chart = ChartImage(layout={"width": "100%", "max_width": "800px", "height": "auto"})
        self.gap: float | None = None
        self.result: ServiceLevel | None = None
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.summary, self.chart], **kwargs)
        if feed is None or feed.client is None:
            self.summary.value = _sentence("No room is running: type the room's averages into "
                                           "the two sliders instead.")
            return
        feed.on_change(self._from_room)

    def _from_room(self, state: dict) -> None:
        from .room import question_state

        entries = [question_state(state, q) for q in self.question_ids]
        missing = [q for q, e in zip(self.question_ids, entries) if e is None]
        if missing:
            self.summary.value = _sentence(f"The run sheet has no poll [{missing[0]}]: the "
                                           "room's gap cannot be shown.")
            return
        means = [e["results"].get("mean") for e in entries]
        counts = [e["results"].get("count", 0) for e in entries]
        if None in means:
            self.gap = self.result = None
            self.chart.clear()
            self.summary.value = _sentence(f"Waiting for the room: {counts[0]} said what they "
                                           f"expected, {counts[1]} what they got.")
            return
        if not all(e["revealed"] for e in entries):
            self.gap = self.result = None
            self.chart.clear()
            self.summary.value = _sentence(f"{counts[0]} said what they expected, {counts[1]} "
                                           "what they got. The gap appears when the trainer "
                                           "shows the results.")
            return
        expected, got = round(means[0], 1), round(means[1], 1)
        self.gap = round(got - expected, 1)
        self.result = level = service_level(self.gap, tolerance=self.tolerance)
        top = max(e["question"]["high"] for e in entries)
        self.summary.value = (
            _badge(level, f"{level.meaning}: the room feels {level.emotion}")
            + _sentence(f"The room expected {expected:g} on average ({counts[0]} answers) and "
                        f"got {got:g} ({counts[1]} answers): a gap of {self.gap:+g}."))
        self.chart.show(rating_live_chart(expected, got, level, top=top))


class PromiseSimulator(widgets.VBox):
    """Promise a delivery time, deliver, and see what the customer feels.

    Controls: ``promised`` and ``delivered`` (days, ``IntSlider`` 0-30),
    ``tolerance`` (days that still count as on time), and two buttons that
    load the deadline example: ``example_early`` (promise 5, deliver 3) and
    ``example_late`` (promise 3, deliver 5). Outputs: ``level`` (HTML
    badge), ``summary`` (HTML), ``chart``; ``result`` is the last
    :class:`~ccexercise.PromiseOutcome`.

    >>> sim = promise_simulator()
    >>> sim.example_late.click()
    >>> sim.result.summary()
    'Promised 3 days, delivered in 5: 2 days late, so the customer is let down (Low).'
    """

    def __init__(self, promised: int = 5, delivered: int = 3, *, tolerance: int = 0,
                 **kwargs) -> None:
        promised = check_whole_number("promised", promised, minimum=0, maximum=30)
        delivered = check_whole_number("delivered", delivered, minimum=0, maximum=30)
        tolerance = check_whole_number("tolerance", tolerance, minimum=0, maximum=5)
        self.promised = widgets.IntSlider(
            value=promised, min=0, max=30, description="Days we promise",
            tooltip="What you tell the customer: this becomes their expectation",
            style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.delivered = widgets.IntSlider(
            value=delivered, min=0, max=30, description="Days it really takes",
            tooltip="When the order actually arrives", style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.tolerance = widgets.IntSlider(
            value=tolerance, min=0, max=5, description="Days late the customer forgives",
            style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        (early_promise, early_delivery), (late_promise, late_delivery) = DEADLINE_EXAMPLE
        self.example_early = widgets.Button(
            description=f"Promise {early_promise}, deliver in {early_delivery}",
            layout={"width": "auto"})
        self.example_late = widgets.Button(
            description=f"Promise {late_promise}, deliver in {late_delivery}",
            layout={"width": "auto"})
        self.example_early.on_click(lambda _b: self.set_scenario(early_promise, early_delivery))
        self.example_late.on_click(lambda _b: self.set_scenario(late_promise, late_delivery))
        self.level = widgets.HTML()
        self.summary = widgets.HTML()
        self.chart = ChartImage(layout={"width": "100%", "max_width": "800px", "height": "auto"})
        self.result: PromiseOutcome | None = None
        self._holding = False
        kwargs.setdefault("layout", {"width": "100%"})
        buttons = widgets.HBox([self.example_early, self.example_late])
        super().__init__(children=[buttons, self.promised, self.delivered, self.tolerance,
                                   self.level, self.summary, self.chart], **kwargs)
        for control in (self.promised, self.delivered, self.tolerance):
            control.observe(self._on_change, names="value")
        self.update()

    def _on_change(self, _change) -> None:
        if not self._holding:
            self.update()

    def set_scenario(self, promised: int, delivered: int) -> PromiseOutcome:
        """Set both sliders at once (one redraw) and return the outcome."""
        self._holding = True
        try:
            self.promised.value, self.delivered.value = promised, delivered
        finally:
            self._holding = False
        return self.update()

    def update(self) -> PromiseOutcome:
        """Recalculate from the sliders and redraw; return the outcome."""
        outcome = promise_vs_delivery(promised=self.promised.value,
                                      delivered=self.delivered.value,
                                      tolerance=self.tolerance.value)
        self.result = outcome
        self.level.value = _badge(outcome.level, outcome.level.emotion)
        self.summary.value = _sentence(outcome.summary())
        self.chart.show(promise_live_chart(outcome))
        return outcome


def promise_simulator(promised: int = 5, delivered: int = 3, *, tolerance: int = 0
                      ) -> PromiseSimulator:
    """A :class:`PromiseSimulator`, starting at the first half of the deadline example.

    >>> promise_simulator(promised=31)
    Traceback (most recent call last):
        ...
    ValueError: promised must be 30 or less, got 31
    """
    return PromiseSimulator(promised, delivered, tolerance=tolerance)


class DimensionExplorer(widgets.VBox):
    """Explore the service survey: gaps by dimension for a segment and a branch.

    Controls: ``segment`` and ``branch`` (``Dropdown``, with "All"),
    ``weighted`` (``Checkbox``) and ``points`` (one ``IntSlider`` of
    importance points, 0-100, per dimension). Outputs: ``summary`` (HTML),
    ``levels`` (HTML table: respondents at each level), ``chart``;
    ``result`` is the last :class:`~ccexercise.GapAnalysis` (``None`` when
    the choice has no respondents or the weights are all 0).
    """

    def __init__(self, survey: pd.DataFrame | None = None, **kwargs) -> None:
        if survey is None:
            survey = load("04_satisfaction_formula", errors="report").data
        respondent_gaps(survey)  # checks the table once, with clear errors
        self.survey = survey
        self.segment = widgets.Dropdown(options=[ALL, *pd.unique(survey["segment"])],
                                        value=ALL, description="Segment", style=CONTROL_STYLE)
        self.branch = widgets.Dropdown(options=[ALL, *sorted(pd.unique(survey["branch"]))],
                                       value=ALL, description="Branch", style=CONTROL_STYLE)
        self.weighted = widgets.Checkbox(value=False, description="Weight by importance",
                                         style=CONTROL_STYLE)
        self.points = {d: widgets.IntSlider(value=20, min=0, max=100, step=5,
                                            description=f"{d.capitalize()} (points)",
                                            style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
                       for d in DIMENSIONS}
        self.summary = widgets.HTML()
        self.levels = widgets.HTML()
        self.chart = ChartImage()
        self.result: GapAnalysis | None = None
        filters = widgets.HBox([self.segment, self.branch, self.weighted])
        weights = widgets.VBox(list(self.points.values()))
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[filters, weights, self.summary, self.levels, self.chart],
                         **kwargs)
        for control in (self.segment, self.branch, self.weighted, *self.points.values()):
            control.observe(lambda _change: self.update(), names="value")
        self.update()

    def selection(self) -> pd.DataFrame:
        """The respondents chosen by the segment and branch menus."""
        chosen = pd.Series(True, index=self.survey.index)
        if self.segment.value != ALL:
            chosen &= self.survey["segment"] == self.segment.value
        if self.branch.value != ALL:
            chosen &= self.survey["branch"] == self.branch.value
        return self.survey[chosen]

    def update(self) -> GapAnalysis | None:
        """Recalculate for the current choice and redraw."""
        part = self.selection()
        points = ({d: slider.value for d, slider in self.points.items()}
                  if self.weighted.value else None)
        if part.empty or (points is not None and not any(points.values())):
            self.result = None
            reason = ("No respondents match this choice." if part.empty
                      else "Give at least one dimension some points.")
            self.summary.value = _sentence(reason)
            self.levels.value = ""
            self.chart.clear()
            return None
        result = gap_analysis(part, weights=points)
        overall = respondent_gaps(part, weights=points)["overall"]
        counts = level_counts(service_level(overall))
        self.result = result
        self.summary.value = _sentence(result.summary())
        self.levels.value = "".join(
            f'<span style="display: inline-block; margin-right: 1.5em; font-size: 1.2em">'
            f'<span style="color: {level.text_colour}; font-weight: bold">{level.label}</span>: '
            f"{count} ({share:.0%})</span>"
            for level, count, share in zip(ServiceLevel, counts["count"], counts["share"]))
        who = "everyone" if self.segment.value == ALL else f"{self.segment.value}s"
        where = "" if self.branch.value == ALL else f", {self.branch.value} branch"
        people = f"{result.respondents} respondent{'s' if result.respondents != 1 else ''}"
        self.chart.show(gap_live_chart(result, title=f"{people} ({who}{where}): weakest is "
                                                     f"{result.weakest}"))
        return result


def dimension_explorer(survey: pd.DataFrame | None = None) -> DimensionExplorer:
    """A :class:`DimensionExplorer` over ``survey`` (default: the bundled survey's good rows).

    >>> explorer = dimension_explorer()
    >>> explorer.segment.value = "wholesaler"
    >>> explorer.result.weakest
    'responsiveness'
    """
    return DimensionExplorer(survey)
