"""Tools for listening to customers (module 08): build and print a mystery-shop checklist,
enter a visit's results and see the weakest stages, and plan an exit survey.

The widgets only wire controls to :mod:`ccexercise.listening` (the
checklist, the visit's score, the survey's cost) and to the charts in
:mod:`ccexercise.views.listening`; tests drive them from Python:

>>> builder = checklist_builder()
>>> builder.checklist.points
20
>>> builder.point_stage.value = "parking"
>>> builder.point_text.value = "Is there room for a van?"
>>> builder.add_button.click()
>>> builder.checklist.stage("parking").points[-1]
'Is there room for a van?'
>>> visit = visit_entry(builder=builder)
>>> visit.marks["parking"][0].value = "problem"
>>> visit.result.weakest()
['Parking']
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets

from ..listening import (
    CHECKLIST_STAGES,
    DEFAULT_STAGES,
    Checklist,
    Stage,
    VisitResult,
    exit_survey_payback,
    exit_survey_plan,
    mystery_shop_checklist,
    score_visit,
)
from ..views.listening import visit_live_chart, visit_text
from .charts import ChartImage
from .lost_customers import FIRST_YEAR_RANGE, GROWTH_RANGE, YEARS_RANGE
from .style import BUTTON_LAYOUT, BUTTON_STYLE, CONTROL_LAYOUT, CONTROL_STYLE, MUTED_COLOUR

__all__ = ["ChecklistBuilder", "ExitSurveyPlanner", "VisitEntry", "checklist_builder",
           "exit_survey_planner", "visit_entry"]

#: The stage that collects the room's ideas and the ideas typed in for it.
ROOM_STAGE = "room_ideas"
ROOM_TITLE = "Ideas from the room"
#: How many of the room's most upvoted ideas one click adds.
TOP_IDEAS = 5


def _alert(text: str) -> str:
    return ('<div role="alert" style="font-size: 1.2em; color: #8B0000; background: #FFF4E5; '
            f'border-left: 6px solid #D55E00; padding: 0.4em 1em">{html.escape(text)}</div>')


def _button(description: str, tooltip: str) -> widgets.Button:
    return widgets.Button(description=description, tooltip=tooltip,
                          layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))


class ChecklistBuilder(widgets.VBox):
    """Pick the stages that fit the business, add your own points, print the checklist.

    Controls: ``stage_boxes`` (a checkbox per built-in stage, by key; the
    wholesale walk-through is ticked), ``point_stage`` and ``point_text``
    with ``add_button`` (your own point), ``undo_button`` (take the last one
    back), ``ideas`` (ideas typed in, one a line: they become the stage
    "Ideas from the room"), ``title``, ``path`` and ``print_button``. With a
    room (``feed`` and ``question``, the id of the run sheet's ideas poll)
    ``room_button`` adds the room's most upvoted ideas to ``ideas``.

    Outputs: ``preview`` (the checklist as a list), ``error``, ``printed``
    (where the PDF went). ``checklist`` is the current
    :class:`~ccexercise.Checklist` (None while it is in error). Your own
    points stay kept when you untick their stage, and come back with it.
    """

    def __init__(self, stages=DEFAULT_STAGES, *, feed=None, question: str | None = None,
                 path: str = "mystery_shop_checklist.pdf", **kwargs) -> None:
        chosen = mystery_shop_checklist(stages)  # checks the keys
        self.stage_boxes = {
            key: widgets.Checkbox(value=key in [s.key for s in chosen.stages],
                                  description=f"{stage.title} ({stage.source})",
                                  indent=False, layout={"width": "100%"})
            for key, stage in CHECKLIST_STAGES.items()}
        self.title = widgets.Text(value="Mystery-shop checklist", description="Title",
                                  style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.point_stage = widgets.Dropdown(description="Add to the stage", style=CONTROL_STYLE,
                                            layout=dict(CONTROL_LAYOUT))
        self.point_text = widgets.Text(description="Your own point",
                                       placeholder="e.g. Is there room to park a van?",
                                       style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.add_button = _button("Add point", "Add your point to the chosen stage")
        self.undo_button = _button("Take back the last point", "Remove the point added last")
        self.ideas = widgets.Textarea(
            description="Ideas from the room", placeholder="Type the room's ideas, one a line "
            "(or take them from the phones)", continuous_update=False, style=CONTROL_STYLE,
            layout={"width": "100%", "max_width": "46em", "height": "6em"})
        self.feed = feed if feed is not None and getattr(feed, "client", None) is not None \
            else None
        self.question = question
        self.room_button = _button("Add the room's top ideas",
                                   f"Add the {TOP_IDEAS} most upvoted ideas from the phones")
        self.path = widgets.Text(value=path, description="Save the PDF as", style=CONTROL_STYLE,
                                 layout=dict(CONTROL_LAYOUT))
        self.print_button = _button("Print the checklist (PDF)",
                                    "Write the checklist as a one- or two-page A4 PDF")
        self.preview = widgets.HTML()
        self.error = widgets.HTML()
        self.printed = widgets.HTML()
        self.checklist: Checklist | None = None
        self.own_points: list[tuple[str, str]] = []
        self._room_ideas: list[str] = []
        self._listeners = []

        boxes = widgets.VBox(list(self.stage_boxes.values()),
                             layout={"width": "100%", "max_width": "46em"})
        children = [widgets.HTML("<b>Stages that fit the business</b>"), boxes,
                    widgets.HTML("<b>Your own points</b>"), self.point_stage, self.point_text,
                    widgets.HBox([self.add_button, self.undo_button]), self.ideas]
        if self.feed is not None:
            children.append(self.room_button)
        children += [self.error, self.title, self.path, self.print_button, self.printed,
                     self.preview]
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=children, **kwargs)
        for box in self.stage_boxes.values():
            box.observe(lambda _change: self.update(), names="value")
        for control in (self.title, self.ideas):
            control.observe(lambda _change: self.update(), names="value")
        self.add_button.on_click(lambda _b: self.add_point())
        self.undo_button.on_click(lambda _b: self.undo())
        self.print_button.on_click(lambda _b: self.print_pdf())
        self.room_button.on_click(lambda _b: self.add_room_ideas())
        if self.feed is not None:
            self.feed.on_change(self._from_room)
        self.update()

    # -- what the controls say ------------------------------------------------------
    def _chosen_keys(self) -> list[str]:
        return [key for key, box in self.stage_boxes.items() if box.value]

    def _typed_ideas(self) -> list[str]:
        return [line.strip() for line in self.ideas.value.splitlines() if line.strip()]

    def on_change(self, callback) -> None:
        """Call ``callback(checklist)`` whenever the checklist changes."""
        self._listeners.append(callback)

    def update(self) -> Checklist | None:
        """Build the checklist from the controls again, and show it."""
        keys = self._chosen_keys()
        stages: list = list(keys)
        ideas = self._typed_ideas()
        if ideas:
            stages.append(Stage(ROOM_STAGE, ROOM_TITLE, tuple(ideas), "the room"))
        add: dict[str, list[str]] = {}
        for key, text in self.own_points:
            if key in keys:
                add.setdefault(key, []).append(text)
        options = [(CHECKLIST_STAGES[k].title, k) for k in keys]
        if [o[1] for o in self.point_stage.options] != keys:
            current = self.point_stage.value
            self.point_stage.options = options
            self.point_stage.value = current if current in keys else (keys[0] if keys else None)
        try:
            checklist = mystery_shop_checklist(stages, add=add, title=self.title.value)
        except (TypeError, ValueError) as exc:
            self.checklist = None
            self.preview.value = ""
            self.error.value = _alert(f"This checklist does not work yet: {exc}.")
            return None
        self.checklist = checklist
        self.error.value = ""
        kept = len([1 for key, _ in self.own_points if key not in keys])
        note = (f'<p style="color: {MUTED_COLOUR}">{kept} of your points belong to stages '
                "you have not ticked: they are kept and come back when you tick them.</p>"
                if kept else "")
        self.preview.value = _checklist_html(checklist) + note
        for callback in self._listeners:
            callback(checklist)
        return checklist

    # -- buttons ---------------------------------------------------------------------
    def add_point(self) -> None:
        """Add the typed point to the chosen stage (a blank or too long point is refused)."""
        text = self.point_text.value.strip()
        if not self.point_stage.value:
            self.error.value = _alert("Tick a stage first, then add your point to it.")
            return
        if not text:
            self.error.value = _alert("Type your point first, then press Add point.")
            return
        self.own_points.append((self.point_stage.value, text))
        if self.update() is None:
            self.own_points.pop()  # refused: keep the text in the box to fix it
            error = self.error.value
            self.update()
            self.error.value = error
            return
        self.point_text.value = ""

    def undo(self) -> None:
        """Take back the point added last (it goes back into the box)."""
        if self.own_points:
            key, text = self.own_points.pop()
            self.point_text.value = text
            self.update()

    def _from_room(self, state: dict) -> None:
        from .room import question_state

        entry = question_state(state, self.question) if self.question else None
        items = (entry or {}).get("results", {}).get("items", [])
        self._room_ideas = [item["text"] for item in items]

    def add_room_ideas(self) -> None:
        """Add the room's most upvoted ideas (not yet there) to the typed ideas."""
        have = set(self._typed_ideas())
        new = [idea for idea in self._room_ideas if idea not in have][:TOP_IDEAS]
        if new:
            self.ideas.value = "\n".join([*self._typed_ideas(), *new])

    def print_pdf(self) -> Path | None:
        """Write the checklist as a PDF to ``path``; returns where it went."""
        from ..listening.printing import write_checklist_pdf

        if self.checklist is None:
            self.printed.value = _alert("Fix the checklist first (see above).")
            return None
        try:
            path, pages = write_checklist_pdf(self.checklist, self.path.value.strip()
                                              or "mystery_shop_checklist.pdf")
        except (OSError, ValueError) as exc:
            self.printed.value = _alert(f"The PDF was not written: {exc}")
            return None
        self.printed.value = (f'<p style="font-size: 1.2em">Wrote <b>{html.escape(str(path))}'
                              f"</b>: {pages} A4 page{'s' if pages != 1 else ''} "
                              f"({len(self.checklist.stages)} stages, {self.checklist.points} "
                              "points). Open it and print it.</p>")
        return path


def _checklist_html(checklist: Checklist) -> str:
    parts = [f'<div style="font-size: 1.1em"><h3>{html.escape(checklist.title)}</h3>']
    for stage in checklist.stages:
        parts.append(f"<b>{html.escape(stage.title)}</b><ul style='list-style: none'>")
        parts += [f"<li>☐ {html.escape(point)}</li>" for point in stage.points]
        parts.append("</ul>")
    return "".join(parts) + "</div>"


_MARKS = (("Not checked", "skip"), ("Fine", "fine"), ("Problem", "problem"))


class VisitEntry(widgets.VBox):
    """Enter what a mystery-shop visit found, point by point, and see the weakest stages.

    Each point has three buttons, "Not checked", "Fine" and "Problem"
    (``marks[stage_key][i]``). Outputs: ``summary`` (a sentence), ``chart``
    (the stages, weakest on top), ``text`` (every stage's numbers in words).
    ``result`` is the :class:`~ccexercise.VisitResult`. Give ``builder`` to
    follow a :class:`ChecklistBuilder`: when its checklist changes the rows
    change too, and the marks already entered stay.
    """

    def __init__(self, checklist: Checklist | None = None, *, builder=None, **kwargs) -> None:
        if builder is not None and not isinstance(builder, ChecklistBuilder):
            raise TypeError(f"builder must be a ChecklistBuilder, got {builder!r} "
                            f"(a {type(builder).__name__})")
        if checklist is None:
            checklist = builder.checklist if builder is not None and builder.checklist \
                else mystery_shop_checklist()
        if not isinstance(checklist, Checklist):
            raise TypeError(f"checklist must be a Checklist (from cc.mystery_shop_checklist"
                            f"(...)), got {checklist!r} (a {type(checklist).__name__})")
        self.rows = widgets.VBox(layout={"width": "100%"})
        self.summary = widgets.HTML()
        self.chart = ChartImage()
        self.text = widgets.HTML()
        self.result: VisitResult | None = None
        self.marks: dict[str, list[widgets.ToggleButtons]] = {}
        self._kept: dict[tuple[str, str], str] = {}
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.rows, self.summary, self.chart, self.text], **kwargs)
        self.set_checklist(checklist)
        if builder is not None:
            builder.on_change(self.set_checklist)

    def set_checklist(self, checklist: Checklist) -> None:
        """Show the points of ``checklist``; marks already given to the same points stay."""
        for key, buttons in self.marks.items():
            for point, toggle in zip(self.checklist.stage(key).points, buttons):
                self._kept[(key, point)] = toggle.value
        self.checklist = checklist
        self.marks = {}
        children = []
        for stage in checklist.stages:
            children.append(widgets.HTML(f'<div style="font-size: 1.2em; font-weight: bold; '
                                         f'margin-top: 0.6em">{html.escape(stage.title)}</div>'))
            buttons = []
            for n, point in enumerate(stage.points, start=1):
                toggle = widgets.ToggleButtons(
                    options=_MARKS, value=self._kept.get((stage.key, point), "skip"),
                    description=f"Point {n}", tooltips=["not checked on this visit",
                                                        "fine, as a customer would want",
                                                        "a problem: write what happened"],
                    style={**CONTROL_STYLE, "button_width": "7.5em"})
                toggle.observe(lambda _change: self.update(), names="value")
                buttons.append(toggle)
                children += [widgets.HTML(f"{n}. {html.escape(point)}"), toggle]
            self.marks[stage.key] = buttons
        self.rows.children = children
        self.update()

    def update(self) -> VisitResult:
        """Score the visit from the buttons and redraw."""
        result = score_visit(self.checklist, {key: [b.value for b in buttons]
                                              for key, buttons in self.marks.items()})
        self.result = result
        self.summary.value = (f'<p style="font-size: 1.4em; line-height: 1.4">'
                              f"{html.escape(result.summary())}</p>")
        if result.table["checked"].any():
            self.chart.show(visit_live_chart(result))
        else:
            self.chart.clear()
        lines = visit_text(result).splitlines()
        self.text.value = ('<ul style="font-size: 1.1em">'
                           + "".join(f"<li>{html.escape(line)}</li>" for line in lines[1:])
                           + "</ul>")
        return result


class ExitSurveyPlanner(widgets.VBox):
    """What an exit survey costs per improvement, against one lost customer (module 01).

    The defaults are the texts' one clothing shop: 50 answers, a chocolate
    worth 150 each, 2 days, 30-50 improvements. Controls: ``answers``,
    ``gift_cost``, ``days``, ``day_cost``, ``improvements`` (a range), and
    module 01's customer: ``first_year``, ``growth_per_year``, ``years``,
    ``margin``. Outputs: ``summary`` (the plan and the comparison),
    ``assumptions`` (a table: every figure and where it comes from),
    ``error``. ``plan`` and ``payback`` are the last results.
    """

    def __init__(self, *, answers: int = 50, gift_cost: int = 150, days: int = 2,
                 day_cost: int = 0, improvements=(30, 50), first_year: int = 10_000,
                 growth_per_year: int = 2_000, years: int = 5, margin: float = 0.2,
                 **kwargs) -> None:
        exit_survey_plan(answers=answers, gift_cost=gift_cost, days=days, day_cost=day_cost,
                         improvements=improvements)  # checks the arguments

        def slider(kind, value, low, high, step, description, tooltip, **more):
            return kind(value=value, min=low, max=high, step=step, description=description,
                        tooltip=tooltip, continuous_update=False, style=CONTROL_STYLE,
                        layout=dict(CONTROL_LAYOUT), **more)

        self.answers = slider(widgets.IntSlider, answers, 5, 300, 5, "Customers who answer",
                              "How many customers answer the three questions (one gift each)")
        self.gift_cost = slider(widgets.IntSlider, gift_cost, 0, 1_000, 10, "Cost of one gift",
                                "What one good chocolate (or other thank-you) costs")
        self.days = slider(widgets.IntSlider, days, 1, 10, 1, "Days spent asking",
                           "How many days you stand at the door and ask")
        self.day_cost = slider(widgets.IntSlider, day_cost, 0, 5_000, 100,
                               "Cost of a day of your time",
                               "0 leaves your time out, as the texts do")
        self.improvements = slider(widgets.IntRangeSlider, list(improvements), 1, 150, 1,
                                   "Improvements you expect",
                                   "The fewest and the most improvements you expect to hear")
        self.first_year = slider(widgets.IntSlider, first_year, *FIRST_YEAR_RANGE,
                                 "Lost customer: what they buy in the first year",
                                 "Module 01: what one customer would buy the first year")
        self.growth_per_year = slider(widgets.IntSlider, growth_per_year, *GROWTH_RANGE,
                                      "Lost customer: extra spending each year",
                                      "Module 01: how much more they buy every year")
        self.years = slider(widgets.IntSlider, years, *YEARS_RANGE,
                            "Lost customer: years they would have stayed",
                            "Module 01: how many years they would have kept buying")
        self.margin = slider(widgets.FloatSlider, margin, 0.0, 1.0, 0.01, "Profit margin",
                             "Module 01: the share of each sale you keep as profit",
                             readout_format=".0%")
        self.summary = widgets.HTML()
        self.assumptions = widgets.HTML()
        self.error = widgets.HTML()
        self.plan = None
        self.payback = None
        note = widgets.HTML(
            f'<p style="color: {MUTED_COLOUR}">The starting figures come from one clothing '
            "shop's experience as the texts tell it (50 chocolates for 7,500, two days, 30-50 "
            "improvements). They are not a rule: put in your own.</p>")
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[
            note, widgets.HTML("<b>The survey</b>"), self.answers, self.gift_cost, self.days,
            self.day_cost, self.improvements, widgets.HTML("<b>One lost customer (module 01)</b>"),
            self.first_year, self.growth_per_year, self.years, self.margin, self.error,
            self.summary, self.assumptions], **kwargs)
        for control in self.controls:
            control.observe(lambda _change: self.update(), names="value")
        self.update()

    @property
    def controls(self) -> tuple:
        return (self.answers, self.gift_cost, self.days, self.day_cost, self.improvements,
                self.first_year, self.growth_per_year, self.years, self.margin)

    def update(self):
        """Work the plan and the comparison out again and show them."""
        try:
            plan = exit_survey_plan(answers=self.answers.value, gift_cost=self.gift_cost.value,
                                    days=self.days.value, day_cost=self.day_cost.value,
                                    improvements=tuple(self.improvements.value))
            payback = exit_survey_payback(plan, first_year=self.first_year.value,
                                          growth_per_year=self.growth_per_year.value,
                                          years=self.years.value, margin=self.margin.value)
        except (TypeError, ValueError) as exc:
            self.plan = self.payback = None
            self.summary.value = self.assumptions.value = ""
            self.error.value = _alert(f"These numbers do not work together: {exc}. "
                                      "Move a slider to try again.")
            return None
        self.plan, self.payback = plan, payback
        self.error.value = ""
        self.summary.value = (f'<p style="font-size: 1.4em; line-height: 1.4">'
                              f"{html.escape(plan.summary())}<br>"
                              f"{html.escape(payback.summary())}</p>")
        self.assumptions.value = (
            '<div style="font-size: 1.1em"><b>What this assumes</b>'
            + plan.assumptions.to_html(index=False, border=0, escape=True) + "</div>")
        return payback


def checklist_builder(stages=DEFAULT_STAGES, *, feed=None,
                      question: str | None = None) -> ChecklistBuilder:
    """A :class:`ChecklistBuilder` with the wholesale walk-through ticked (or your stages)."""
    return ChecklistBuilder(stages, feed=feed, question=question)


def visit_entry(checklist: Checklist | None = None, *, builder=None) -> VisitEntry:
    """A :class:`VisitEntry` for ``checklist`` (or following ``builder``)."""
    return VisitEntry(checklist, builder=builder)


def exit_survey_planner(**figures) -> ExitSurveyPlanner:
    """An :class:`ExitSurveyPlanner` with the texts' shop (or your figures).

    >>> exit_survey_planner().plan.cost_per_improvement
    (150.0, 250.0)
    >>> exit_survey_planner(improvements=(50, 30))
    Traceback (most recent call last):
        ...
    ValueError: improvements must be (fewest, most) with the fewest first and at least 1, got (50, 30)
    """
    return ExitSurveyPlanner(**figures)
