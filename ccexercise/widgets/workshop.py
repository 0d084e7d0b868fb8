"""Facilitator widgets for a workshop in a room: a countdown and a step deck.

Both are built for a projector (dark text on white, large fonts) and for
Voila: the countdown is counted by an ``ipywidgets.Play`` in the browser,
one tick a second, so no Python thread or timer is needed. All the rules
(step validation, clock text) live in :mod:`ccexercise.workshop`.

>>> from ccexercise.workshop import WorkshopStep
>>> deck = StepDeck([WorkshopStep("Welcome", 5, "Hello."), WorkshopStep("Skit", 10, "Act.")])
>>> deck.next_button.click()
>>> deck.index, deck.timer.clock_text
(1, '10:00')
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence

import ipywidgets as widgets

from .._validate import check_number
from ..workshop import RunSheet, WorkshopStep, format_clock, load_run_sheet, progress_text
from .style import (BACKGROUND, BUTTON_LAYOUT, BUTTON_STYLE, MUTED_COLOUR, TEXT_COLOUR,
                    TIME_UP_COLOUR)

__all__ = ["StepDeck", "Timer", "VIEWS"]

#: Where a facilitator page is shown: the room's screen, the trainer's laptop, or both
#: on one screen (JupyterLab, or Voila without a room).
VIEWS = ("projector", "presenter", "both")
#: The pale background that marks the trainer's notes.
NOTES_BACKGROUND = "#F2F2F2"


class Timer(widgets.VBox):
    """A countdown of ``minutes`` with Start, Pause and Reset buttons.

    ``play`` (a hidden ``ipywidgets.Play``, one step a second) counts the
    elapsed seconds in the browser; ``clock`` (HTML) shows the time left in
    large digits and turns red with "Time's up" at the end. Tests can move
    time on by setting ``play.value``.

    >>> timer = Timer(2)
    >>> timer.clock_text
    '02:00'
    >>> timer.start_button.click()
    >>> timer.play.playing
    True
    >>> timer.play.value = 120
    >>> timer.finished, timer.play.playing
    (True, False)
    >>> "Time's up" in timer.clock.value
    True
    >>> Timer(0)
    Traceback (most recent call last):
        ...
    ValueError: minutes must be more than 0, got 0
    """

    def __init__(self, minutes: float = 5, **kwargs) -> None:
        self.play = widgets.Play(value=0, min=0, max=1, step=1, interval=1000, repeat=False,
                                 show_repeat=False, layout={"display": "none"})
        self.clock = widgets.HTML(value="")
        self.start_button = widgets.Button(
            description="Start", icon="play", button_style="success",
            tooltip="Start or carry on the countdown", layout=dict(BUTTON_LAYOUT),
            style=dict(BUTTON_STYLE))
        self.pause_button = widgets.Button(
            description="Pause", icon="pause", tooltip="Stop the countdown for now",
            layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))
        self.reset_button = widgets.Button(
            description="Reset", icon="undo", tooltip="Put the full time back on the clock",
            layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))
        self.minutes: float = 0
        self._pressed: list = []
        self.start_button.on_click(lambda _button: self._press(self.start))
        self.pause_button.on_click(lambda _button: self._press(self.pause))
        self.reset_button.on_click(lambda _button: self._press(self.reset))
        buttons = widgets.HBox([self.start_button, self.pause_button, self.reset_button],
                               layout={"flex_flow": "row wrap"})
        super().__init__(children=[self.clock, buttons, self.play], **kwargs)
        self.reset(minutes)
        self.play.observe(self._on_change, names="value")
        self.play.observe(self._on_change, names="playing")

    # -- state ------------------------------------------------------------
    @property
    def seconds(self) -> int:
        """The full time, in whole seconds."""
        return self.play.max

    @property
    def remaining(self) -> int:
        """Seconds left on the clock."""
        return self.play.max - self.play.value

    @property
    def finished(self) -> bool:
        """Whether the time is up."""
        return self.remaining <= 0

    @property
    def clock_text(self) -> str:
        """The time left as ``"mm:ss"``."""
        return format_clock(self.remaining)

    # -- actions ----------------------------------------------------------
    def on_press(self, callback) -> None:
        """Call ``callback()`` after Start, Pause or Reset is pressed (the facilitator
        page tells the room, so the projector's clock follows)."""
        self._pressed.append(callback)

    def _press(self, action) -> None:
        action()
        for callback in self._pressed:
            callback()

    def start(self) -> None:
        """Start (or carry on) counting down; nothing happens once time is up."""
        if not self.finished:
            self.play.playing = True

    def pause(self) -> None:
        """Stop counting; Start carries on from here."""
        self.play.playing = False

    def reset(self, minutes: float | None = None) -> None:
        """Stop and put the full time back; with ``minutes``, use that new length."""
        if minutes is not None:
            # The same rules as a workshop step's time: more than 0, at most a working day.
            length = WorkshopStep("Timer", minutes, "")
        self.play.playing = False
        self.play.value = 0
        if minutes is not None:
            self.minutes = length.minutes
            self.play.max = max(1, length.seconds)
        self._render()

    # -- display ----------------------------------------------------------
    def _on_change(self, _change) -> None:
        if self.finished and self.play.playing:
            self.play.playing = False  # the browser stops too, but say so at once
        self._render()

    def _render(self) -> None:
        finished = self.finished
        colour = TIME_UP_COLOUR if finished else TEXT_COLOUR
        note = (f'<div style="font-size: 2em; font-weight: bold; color: {TIME_UP_COLOUR}">'
                "Time's up</div>" if finished else "")
        self.clock.value = (
            f'<div role="timer" aria-live="off" style="background: {BACKGROUND}; '
            f'color: {colour}; line-height: 1.1">'
            f'<div style="font-size: 4em; font-weight: bold; '
            f'font-variant-numeric: tabular-nums">{self.clock_text}</div>{note}</div>')
        playing = self.play.playing
        self.start_button.disabled = playing or finished
        self.pause_button.disabled = not playing
        self.reset_button.disabled = self.play.value == 0 and not playing


class StepDeck(widgets.VBox):
    """Workshop steps shown one at a time, with Back/Next and a timer per step.

    Shows the step's ``title`` (large), ``meta`` (where the room is:
    "Step 3 of 6 · 13 of 30 minutes used", the minutes of the steps before
    this one out of ``session_minutes``, or out of all the steps' minutes
    when the session length is not given), ``body``, numbered discussion
    ``prompts`` and the ``materials`` to prepare, with a :class:`Timer`
    (``timer``) set to the step's minutes. ``index`` is the step shown (0
    for the first); setting it moves to that step. Build one from a run
    sheet file with :meth:`from_run_sheet`.

    >>> from ccexercise.workshop import WorkshopStep
    >>> deck = StepDeck([WorkshopStep("Welcome", 5, "Hello."), WorkshopStep("Skit", 10, "Act.")],
    ...                 session_minutes=20)
    >>> deck.meta.value
    '<div ...>Step 1 of 2 · 0 of 20 minutes used</div>'
    >>> deck.next()
    >>> deck.meta.value
    '<div ...>Step 2 of 2 · 5 of 20 minutes used</div>'
    >>> deck.next_button.disabled, deck.back_button.disabled
    (True, False)
    >>> StepDeck([])
    Traceback (most recent call last):
        ...
    ValueError: steps must hold at least one WorkshopStep, got an empty list
    """

    def __init__(self, steps: Sequence[WorkshopStep], *, session_minutes: float | None = None,
                 view: str = "both", **kwargs) -> None:
        if view not in VIEWS:
            raise ValueError(f"view must be one of {', '.join(VIEWS)}, got {view!r}")
        if isinstance(steps, WorkshopStep):
            raise TypeError("steps must be a list of WorkshopStep, got one WorkshopStep "
                            f"{steps.title!r} (did you mean [step]?)")
        if isinstance(steps, (str, bytes)) or not isinstance(steps, Sequence):
            raise TypeError(f"steps must be a list of WorkshopStep, got {steps!r} "
                            f"(a {type(steps).__name__})")
        for i, step in enumerate(steps):
            if not isinstance(step, WorkshopStep):
                raise TypeError(f"steps[{i}] must be a WorkshopStep, got {step!r} "
                                f"(a {type(step).__name__})")
        if not steps:
            raise ValueError("steps must hold at least one WorkshopStep, got an empty list")
        if session_minutes is not None:
            if check_number("session_minutes", session_minutes) <= 0:
                raise ValueError(f"session_minutes must be more than 0, got {session_minutes!r}")
        self.steps: tuple[WorkshopStep, ...] = tuple(steps)
        self.session_minutes = session_minutes
        #: "projector" (what the room sees), "presenter" (the trainer's laptop) or "both".
        self.view = view
        #: The run sheet the steps came from (see :meth:`from_run_sheet`), else None.
        self.sheet: RunSheet | None = None
        self._index = 0
        self._moved: list = []

        self.meta = widgets.HTML()
        self.title = widgets.HTML()
        self.body = widgets.HTML(layout={"width": "100%"})
        self.prompts = widgets.HTML(layout={"width": "100%"})
        self.materials = widgets.HTML(layout={"width": "100%"})
        self.notes = widgets.HTML(layout={"width": "100%"})
        self.coming = widgets.HTML(layout={"width": "100%"})
        self.timer = Timer(self.steps[0].minutes)
        self.back_button = widgets.Button(
            description="Back", icon="arrow-left", tooltip="Go to the previous step",
            layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))
        self.next_button = widgets.Button(
            description="Next", icon="arrow-right", button_style="primary",
            tooltip="Go to the next step", layout=dict(BUTTON_LAYOUT),
            style=dict(BUTTON_STYLE))
        self.back_button.on_click(lambda _button: self.back())
        self.next_button.on_click(lambda _button: self.next())
        # A presentation clicker's PageDown/PageUp and the arrow keys press these
        # (the key handler is in the projector template, ccexercise.launch).
        self.next_button.add_class("cc-step-next")
        self.back_button.add_class("cc-step-back")
        navigation = widgets.HBox([self.back_button, self.next_button],
                                  layout={"flex_flow": "row wrap", "margin": "1em 0 0 0"})
        if view == "projector":  # the room sees no controls; the keys still work
            navigation.layout.display = "none"
            for button in (self.timer.start_button, self.timer.pause_button,
                           self.timer.reset_button):
                button.layout.display = "none"
        kwargs.setdefault("layout", {"width": "100%", "padding": "0.5em 1em"})
        super().__init__(children=[self.meta, self.title, self.body, self.prompts,
                                   self.materials, self.notes, self.timer, navigation,
                                   self.coming], **kwargs)
        self._render()

    @classmethod
    def from_run_sheet(cls, sheet, **kwargs) -> StepDeck:
        """A deck of a run sheet's steps, showing progress against its session length.

        ``sheet`` is a :class:`~ccexercise.workshop.RunSheet` (from
        :func:`~ccexercise.workshop.run_sheet_for` or
        :func:`~ccexercise.workshop.load_run_sheet`) or the name of a run
        sheet file, which is loaded (a :class:`~ccexercise.workshop.RunSheetError`
        lists every mistake in it).

        >>> from ccexercise.workshop import run_sheet_for
        >>> deck = StepDeck.from_run_sheet(run_sheet_for("01_lost_customer_cost"))
        >>> deck.index = 2
        >>> deck.meta.value
        '<div ...>Step 3 of 6 · 8 of 30 minutes used</div>'
        >>> StepDeck.from_run_sheet(42)
        Traceback (most recent call last):
            ...
        TypeError: sheet must be a RunSheet or a run sheet file name, got 42 (a int)
        """
        if isinstance(sheet, (str, os.PathLike)):
            sheet = load_run_sheet(sheet)
        if not isinstance(sheet, RunSheet):
            raise TypeError(f"sheet must be a RunSheet or a run sheet file name, got {sheet!r} "
                            f"(a {type(sheet).__name__})")
        deck = cls(list(sheet.steps), session_minutes=sheet.session_minutes, **kwargs)
        deck.sheet = sheet
        return deck

    @property
    def index(self) -> int:
        """Which step is shown, counting from 0."""
        return self._index

    @index.setter
    def index(self, value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"index must be a whole number, got {value!r} "
                            f"(a {type(value).__name__})")
        if not 0 <= value < len(self.steps):
            raise ValueError(f"index must be between 0 and {len(self.steps) - 1}, got {value!r}")
        self._index = value
        self._render()
        for callback in self._moved:
            callback(value)

    def on_move(self, callback) -> None:
        """Call ``callback(index)`` each time the deck moves to a step."""
        self._moved.append(callback)

    @property
    def step(self) -> WorkshopStep:
        """The step shown now."""
        return self.steps[self._index]

    def next(self) -> None:
        """Show the next step (nothing happens on the last one)."""
        if self._index < len(self.steps) - 1:
            self.index = self._index + 1

    def back(self) -> None:
        """Show the previous step (nothing happens on the first one)."""
        if self._index > 0:
            self.index = self._index - 1

    def _render(self) -> None:
        step, n = self.step, len(self.steps)
        # The clock first: the room never sees a new step's title over the old step's time.
        self.timer.reset(step.minutes)
        progress = progress_text(self.steps, self._index, session_minutes=self.session_minutes)
        self.meta.value = (f'<div style="font-size: 1.4em; color: {MUTED_COLOUR}">'
                           f"{progress}</div>")
        self.title.value = (f'<h2 style="font-size: 2.6em; line-height: 1.15; margin: 0.2em 0; '
                            f'color: {TEXT_COLOUR}">{html.escape(step.title)}</h2>')
        self.body.value = (f'<div style="font-size: 1.5em; line-height: 1.45; '
                           f'color: {TEXT_COLOUR}; background: {BACKGROUND}">'
                           f"{step.body_html()}</div>")
        if step.prompts:
            items = "".join(f'<li style="margin: 0.3em 0">{html.escape(p)}</li>'
                            for p in step.prompts)
            self.prompts.value = (f'<div style="font-size: 1.5em; color: {TEXT_COLOUR}">'
                                  f'<div style="font-weight: bold">Discuss</div>'
                                  f"<ol>{items}</ol></div>")
        else:
            self.prompts.value = ""
        trainer = self.view != "projector"  # materials and notes never reach the projector
        if step.materials and trainer:
            things = ", ".join(html.escape(m) for m in step.materials)
            self.materials.value = (f'<div style="font-size: 1.2em; color: {MUTED_COLOUR}">'
                                    f"<b>You need:</b> {things}</div>")
        else:
            self.materials.value = ""
        if step.notes and trainer:
            items = "".join(f"<li>{html.escape(note)}</li>" for note in step.notes)
            self.notes.value = (f'<div style="font-size: 1.15em; color: {TEXT_COLOUR}; '
                                f'background: {NOTES_BACKGROUND}; padding: 0.3em 0.8em; '
                                f'border-left: 0.3em solid {MUTED_COLOUR}">'
                                f"<b>Notes for you</b> (not on the projector)<ul>{items}</ul></div>")
        else:
            self.notes.value = ""
        if self.view == "presenter":
            after = self.steps[self._index + 1] if self._index + 1 < n else None
            self.coming.value = (f'<div style="font-size: 1.15em; color: {MUTED_COLOUR}">'
                                 + (f"Next: <b>{html.escape(after.title)}</b> "
                                    f"({after.minutes:g} min)" if after else "This is the last step.")
                                 + "</div>")
        self.back_button.disabled = self._index == 0
        self.next_button.disabled = self._index == n - 1
