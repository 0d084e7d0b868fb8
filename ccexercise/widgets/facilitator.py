"""A module's facilitator page, as a projector view and a presenter view.

``ccexercise workshop MODULE`` serves the page twice: ``?view=projector``
for the room's screen (the step, its timer, the join QR code and the live
results: never the trainer's notes, file names or controls) and
``?view=presenter`` for the trainer's laptop (the step list, prompts,
notes, the next step, the poll controls and the tools the trainer types
into). Both follow the room server (:mod:`ccexercise.room`), which keeps
the step the session is on: moving on in one view moves the other.
Opened in JupyterLab, or without a room, the page shows everything on one
screen (``view="both"``).

A page is one object in the notebook; each tool is placed in the view it
belongs to::

    page = cc.widgets.FacilitatorPage("05_nps")
    page
    page.projector(cc.widgets.nps_explorer)     # the room watches the trainer use it
    page.presenter(cc.widgets.room_poll, ...)   # the trainer types into it

>>> page = FacilitatorPage("05_nps", view="projector", room=None)
>>> page.view, page.deck.view
('projector', 'projector')
>>> page.presenter(lambda: 1 / 0) is None  # not this view's tool: never built
True
"""

from __future__ import annotations

import html
import json
import os
import time
from urllib.parse import parse_qs

import ipywidgets as widgets

from ..workshop import run_sheet_for
from .room import JoinPanel, PollControls, RoomFeed, RoomResults
from .style import MUTED_COLOUR, TEXT_COLOUR
from .workshop import VIEWS, StepDeck

__all__ = ["FacilitatorPage", "view_from_request"]


def view_from_request(query: str | None = None, *, default: str = "both") -> str:
    """The view a page was asked for: ``?view=`` in ``query`` (Voila gives a page's
    query string to its kernel as ``QUERY_STRING``), else ``default``.

    >>> view_from_request("view=projector")
    'projector'
    >>> view_from_request("", default="presenter")
    'presenter'
    >>> view_from_request("view=slides")
    Traceback (most recent call last):
        ...
    ValueError: view must be one of projector, presenter, both (as ?view= in the address), got 'slides'
    """
    if query is None:
        query = os.environ.get("QUERY_STRING", "")
    asked = parse_qs(query).get("view", [default])[-1].strip().lower() or default
    if asked not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)} (as ?view= in the address), "
                         f"got {asked!r}")
    return asked


def _room_from_env(module: str):
    """The room ``ccexercise workshop`` started for this page (its address and secret are
    in the kernel's environment), else the room ``ccexercise room`` opened for this same
    module; None when there is neither."""
    from ..room.client import RoomClient
    from ..room.launch import URL_VAR, runtime_file

    if os.environ.get(URL_VAR):
        return RoomClient.from_env()
    try:
        found = json.loads(runtime_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or found.get("module") != module:
        return None  # a room for another module is not this page's
    client = RoomClient.from_env({})
    try:
        client.state(timeout=0)
    except Exception:
        return None  # the file of a room that has stopped
    return client


class FacilitatorPage(widgets.VBox):
    """A module's facilitator page in one view (see the module docstring).

    ``module`` names the module (its run sheet is read with
    :func:`~ccexercise.workshop.run_sheet_for`; ``sheet`` gives another);
    ``view`` is "projector", "presenter" or "both" (default: the address's
    ``?view=``, else "presenter" when a room is running and "both" when
    not); ``room`` is a :class:`~ccexercise.room.client.RoomClient` (default:
    the room ``ccexercise workshop`` or ``ccexercise room`` started, if any;
    None: no room). The parts: ``deck`` (:class:`StepDeck`), ``feed``
    (:class:`RoomFeed`), and per view ``join``/``results`` (projector) or
    ``controls`` (presenter).
    """

    def __init__(self, module: str, *, view: str | None = None, room="env", sheet=None,
                 intro: str = "", follow: bool = True, **kwargs) -> None:
        self.module = module
        self.intro = intro
        self.sheet = sheet if sheet is not None else run_sheet_for(module)
        self.room = _room_from_env(module) if room == "env" else room
        self.view = view_from_request(default="presenter" if self.room else "both") \
            if view is None else view_from_request(f"view={view}")
        self.feed = RoomFeed(self.room, follow=follow and self.room is not None)
        self.deck = StepDeck.from_run_sheet(self.sheet, view=self.view)
        self._applying = False  # True while the room's state is being shown (no echo back)
        parts: list[widgets.Widget] = []
        self.join = self.results = self.controls = self.step_list = None
        if self.view == "projector":
            self.join = JoinPanel(self.feed, layout={"min_width": "20em", "padding": "0.5em",
                                                     "flex": "0 0 auto"})
            self.results = RoomResults(self.feed)
            self.deck.layout.flex = "1 1 30em"
            self.deck.layout.width = "auto"
            parts = [widgets.HBox([self.deck, self.join],
                                  layout={"width": "100%", "flex_flow": "row wrap",
                                          "align_items": "flex-start"}), self.results]
        else:
            parts = [self._header(), self.deck]
            if self.view == "presenter":
                self.step_list = widgets.Dropdown(
                    options=[(f"{i + 1}. {step.title} ({step.minutes:g} min)", i)
                             for i, step in enumerate(self.sheet.steps)],
                    value=0, description="Go to step", style={"description_width": "initial"},
                    layout={"width": "100%", "max_width": "46em"})
                self.step_list.observe(lambda change: setattr(self.deck, "index", change["new"])
                                       if change["new"] != self.deck.index else None,
                                       names="value")
                self.deck.on_move(lambda index: setattr(self.step_list, "value", index))
                parts.insert(1, self.step_list)
            if self.room is not None:
                self.controls = PollControls(self.feed, help_text=self._help())
                parts += [_heading("The room's answers"), self.controls]
            elif any(step.polls for step in self.sheet.steps):
                parts.append(widgets.HTML(
                    f'<div style="font-size: 1.1em; color: {MUTED_COLOUR}">No room is running, '
                    "so phones cannot answer the run sheet's questions: type the room's "
                    "answers into the tools below. 'ccexercise workshop "
                    f"{html.escape(module)}' starts the page with the room.</div>"))
            if self.view == "both" and self.room is not None:
                self.results = RoomResults(self.feed)
                parts.append(self.results)
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=parts, **kwargs)
        self._wire()

    # -- placing tools ----------------------------------------------------------------
    def _tool(self, views: tuple[str, ...], tool, heading: str | None, note: str | None,
              args, kwargs):
        if self.view not in views:
            return None
        built = tool(*args, **kwargs) if callable(tool) and not isinstance(tool, widgets.Widget) \
            else tool
        if self.results is not None and kwargs.get("question"):
            self.results.skip.add(kwargs["question"])  # the tool shows that question itself
            self.feed.refresh()
        parts = [_heading(heading)] if heading else []
        if note and self.view != "projector":  # how to use it: for the trainer only
            parts.append(widgets.HTML(f'<div style="font-size: 1.1em; color: {MUTED_COLOUR}">'
                                      f"{html.escape(note)}</div>"))
        if parts:
            return widgets.VBox([*parts, built], layout={"width": "100%"})
        return built

    def projector(self, tool, *args, heading: str | None = None, note: str | None = None,
                  **kwargs):
        """``tool`` (a widget, or a function that makes one from ``args``/``kwargs``) where
        the room sees it: in the projector view and on a one-screen page; None elsewhere
        (a function is then never called). ``heading`` is shown above it; ``note`` (how
        to use it) only where the trainer reads it, never on the projector."""
        return self._tool(("projector", "both"), tool, heading, note, args, kwargs)

    def presenter(self, tool, *args, heading: str | None = None, note: str | None = None,
                  **kwargs):
        """``tool`` where only the trainer sees it: the presenter view and a one-screen page."""
        return self._tool(("presenter", "both"), tool, heading, note, args, kwargs)

    def split(self, tool, *args, presenter=(), projector=(), heading: str | None = None,
              **kwargs):
        """A tool whose parts go to different views: ``tool(*args, parts=..., **kwargs)``
        with the ``presenter`` parts in the presenter view, the ``projector`` parts in the
        projector view and both on a one-screen page; None where it has no part.

        >>> page = FacilitatorPage("05_nps", view="both", room=None)
        >>> poll = page.split(lambda parts: parts, presenter=["entry"], projector=["result"])
        >>> poll
        ('entry', 'result')
        """
        parts = {"presenter": tuple(presenter), "projector": tuple(projector),
                 "both": tuple(dict.fromkeys([*presenter, *projector]))}[self.view]
        if not parts:
            return None
        return self._tool((self.view,), tool, heading, None, args, {**kwargs, "parts": parts})

    # -- following the room -------------------------------------------------------------
    def _header(self) -> widgets.HTML:
        where = ""
        if self.view == "presenter":
            where = (" Put the <b>projector view</b> on the room's screen: this address with "
                     "<code>?view=projector</code> at the end. PageDown/PageUp or the arrow "
                     "keys move the steps.")
        minutes = self.sheet.session_minutes or self.sheet.total_minutes
        intro = f" · {html.escape(self.intro)}" if self.intro else ""
        return widgets.HTML(
            f'<div style="font-size: 1.1em; color: {MUTED_COLOUR}">'
            f'<div style="font-size: 1.5em; color: {TEXT_COLOUR}; font-weight: bold">'
            f"{html.escape(self.sheet.title)}</div>"
            f"{'Presenter view' if self.view == 'presenter' else 'Facilitator page'} · about "
            f"{minutes:g} minutes{intro}. The steps, the room's questions and your notes come "
            f"from the run sheet {html.escape(str(self.sheet.path))} (edit it, then reload the "
            f"page; the format is in docs/run-sheets.md).{where}</div>")

    def _help(self) -> str:
        if self.room is None:
            return ""
        from ..room.server import connection_help

        return connection_help(self.feed.state["join_url"]) if self.feed.state else ""

    def _wire(self) -> None:
        if self.room is None:
            return
        def tell(*_args) -> None:
            if not self._applying:
                self._tell_room()

        self.deck.on_move(tell)
        self.deck.timer.on_press(tell)
        self.feed.on_change(self._apply)

    def _timer_state(self) -> dict:
        play = self.deck.timer.play
        return {"running": bool(play.playing), "elapsed": int(play.value),
                "seconds": int(play.max), "at": time.time()}

    def _tell_room(self) -> None:
        """Tell the room which step is shown and how its timer stands."""
        self.feed.act("set_step", self.deck.index, self._timer_state())

    def _apply(self, state: dict) -> None:
        """Show the step and timer the room is on (a move made in the other view)."""
        index = state.get("step")
        if not isinstance(index, int) or not 0 <= index < len(self.deck.steps):
            return
        self._applying = True
        try:
            if index != self.deck.index:
                self.deck.index = index
            timer = state.get("timer") or {}
            if self.view == "projector" and timer.get("seconds"):
                play = self.deck.timer.play
                elapsed = timer.get("elapsed", 0)
                if timer.get("running"):
                    elapsed += max(0.0, time.time() - timer.get("at", time.time()))
                play.value = min(play.max, int(elapsed))
                play.playing = bool(timer.get("running")) and play.value < play.max
        finally:
            self._applying = False


def _heading(text: str) -> widgets.HTML:
    return widgets.HTML(f'<h2 style="font-size: 1.8em; color: {TEXT_COLOUR}; '
                        f'margin: 1em 0 0.3em 0">{html.escape(text)}</h2>')
