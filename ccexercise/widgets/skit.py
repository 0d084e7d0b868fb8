"""Widgets for the service-level skit workshop, built for a projector.

Four pieces, each usable on its own and together on the facilitator page
(:func:`skit_workshop`):

* :class:`TeamSplitter`: paste names, choose how many teams, see the teams
  in large type; a split number (the seed) shows the same split again;
* :class:`SceneCardForm`: the customer's card (where, what, what they expect);
* :class:`RatingForm`: after a skit, the customer's emotions, their wish to
  come back and the room's ratings;
* :class:`SkitComparison`: the skits side by side, as a chart and a table.

The forms write into a :class:`~ccexercise.skit.RatingSession`, which saves
each card and rating to its CSV file before the form says "Saved".

>>> splitter = TeamSplitter("Ann, Bo, Cy, Di, Ed, Flo", teams=3, seed=4)
>>> splitter.result
[['Di', 'Ann'], ['Flo', 'Cy'], ['Ed', 'Bo']]
>>> splitter.teams.value = 2
>>> [len(team) for team in splitter.result]
[3, 3]
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from ..skit import (EMOTIONS, SKIT_LEVELS, RatingSession, SceneCard, SkitRating,
                    default_session_path, parse_names, parse_scores)
from ..service_levels import ServiceLevel
from ..views.skit import skit_comparison_chart
from ..workshop import split_into_teams
from .charts import ChartImage
from .style import BUTTON_LAYOUT, BUTTON_STYLE, CONTROL_LAYOUT, TEXT_COLOUR

__all__ = ["RatingForm", "SceneCardForm", "SkitComparison", "TeamSplitter", "skit_workshop",
           "team_names"]

LEVEL_COLOURS = {level.label: level.colour for level in ServiceLevel}  # marks, large words
LEVEL_TEXT_COLOURS = {level.label: level.text_colour for level in ServiceLevel}  # body text
_STYLE = {"description_width": "12em"}


def team_names(count: int) -> list[str]:
    """The names the page gives the teams: Team 1, Team 2, ...

    >>> team_names(3)
    ['Team 1', 'Team 2', 'Team 3']
    """
    return [f"Team {i}" for i in range(1, count + 1)]


def _message(text: str, *, ok: bool) -> str:
    colour, background, border = (("#1A1A1A", "#E8F5EE", "#009E73") if ok
                                  else ("#8B0000", "#FFF4E5", "#D55E00"))
    role = "status" if ok else "alert"
    return (f'<div role="{role}" style="font-size: 1.2em; color: {colour}; '
            f'background: {background}; border-left: 6px solid {border}; '
            f'padding: 0.4em 1em">{html.escape(text)}</div>')


class TeamSplitter(widgets.VBox):
    """Paste the room's names, choose the number of teams, show the teams large.

    ``names`` (Textarea: one name a line, or commas), ``teams`` (how many),
    ``seed`` (the split number: the same names, teams and number always
    give the same split) and ``new_split_button`` (takes the next split
    number). ``board`` shows the teams; ``result`` is the last split (a
    list of lists of names), ``None`` while the input is in error.
    Observers of ``on_split`` get the new split.
    """

    def __init__(self, names: str = "", *, teams: int = 3, seed: int = 1, **kwargs) -> None:
        self.names = widgets.Textarea(
            value=names, description="Names", placeholder="One name a line, or Ann, Bo, Cy",
            tooltip="Paste the names of everyone taking part",
            layout={"width": "100%", "max_width": "46em", "height": "8em"}, style=_STYLE)
        self.teams = widgets.BoundedIntText(value=teams, min=1, max=12, description="Teams",
                                            layout={"width": "20em"}, style=_STYLE)
        self.seed = widgets.BoundedIntText(
            value=seed, min=0, max=999_999, description="Split number",
            tooltip="Type the same number again to show the same split",
            layout={"width": "20em"}, style=_STYLE)
        self.new_split_button = widgets.Button(
            description="New split", icon="random", button_style="primary",
            tooltip="Shuffle the room again (takes the next split number)",
            layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))
        self.status = widgets.HTML()
        self.board = widgets.HTML(layout={"width": "100%"})
        self.result: list[list[str]] | None = None
        self._listeners: list[Callable[[list[list[str]]], None]] = []
        self.new_split_button.on_click(lambda _b: self.new_split())
        for control in (self.names, self.teams, self.seed):
            control.observe(lambda _change: self.update(), names="value")
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.names, widgets.HBox([self.teams, self.seed],
                                                            layout={"flex_flow": "row wrap"}),
                                   widgets.HBox([self.new_split_button]), self.status,
                                   self.board], **kwargs)
        self.update()

    def on_split(self, callback: Callable[[list[list[str]]], None]) -> None:
        """Call ``callback(teams)`` after every successful split."""
        self._listeners.append(callback)

    def new_split(self) -> None:
        """Shuffle again with the next split number."""
        self.seed.value = (self.seed.value + 1) % (self.seed.max + 1)

    def update(self) -> list[list[str]] | None:
        """Split the names as the controls say and show the teams."""
        people = parse_names(self.names.value)
        if not people:
            self.result = None
            self.board.value = ""
            self.status.value = _message("Paste the names of everyone taking part.", ok=True)
            return None
        try:
            split = split_into_teams(people, self.teams.value, seed=self.seed.value)
        except ValueError as exc:
            self.result = None
            self.board.value = ""
            self.status.value = _message(f"{exc}. Choose fewer teams or add names.", ok=False)
            return None
        self.result = split
        self.status.value = (f'<div style="font-size: 1.1em; color: #4D4D4D">{len(people)} '
                             f"names in {len(split)} teams · split number {self.seed.value} "
                             "(type it again to show this split again)</div>")
        self.board.value = self._board_html(split)
        for callback in self._listeners:
            callback(split)
        return split

    @staticmethod
    def _board_html(split: list[list[str]]) -> str:
        cards = []
        for name, members in zip(team_names(len(split)), split):
            people = "".join(f"<li>{html.escape(person)}</li>" for person in members)
            cards.append(
                f'<div style="flex: 1 1 14em; border: 3px solid {TEXT_COLOUR}; '
                f'border-radius: 0.4em; padding: 0.4em 1em; margin: 0.3em; background: #FFFFFF">'
                f'<div style="font-size: 2em; font-weight: bold">{name}</div>'
                f'<ul style="font-size: 1.8em; line-height: 1.35; list-style: none; '
                f'padding: 0; margin: 0.2em 0">{people}</ul></div>')
        return f'<div style="display: flex; flex-wrap: wrap; color: {TEXT_COLOUR}">{"".join(cards)}</div>'


class _SessionForm(widgets.VBox):
    """What both forms share: a session, a skit chooser and listeners."""

    def __init__(self, session: RatingSession, skits, children, **kwargs) -> None:
        if not isinstance(session, RatingSession):
            raise TypeError(f"session must be a RatingSession, got {session!r} "
                            f"(a {type(session).__name__})")
        self.session = session
        self._listeners: list[Callable[[], None]] = []
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.skit, *children], **kwargs)
        self.set_skits(skits)

    def set_skits(self, skits) -> None:
        """Offer these skit names (for example the teams) in the chooser."""
        skits = list(skits)
        current = self.skit.value
        self.skit.options = skits
        if skits:
            self.skit.value = current if current in skits else skits[0]

    def on_saved(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after each save."""
        self._listeners.append(callback)

    def _saved(self) -> None:
        for callback in self._listeners:
            callback()


class SceneCardForm(_SessionForm):
    """The customer's scene card: which skit, its level, where, what, what they expect.

    ``save_button`` checks the card, writes it to the session file and shows
    it large in ``card`` for the room; ``status`` says what happened.
    """

    def __init__(self, session: RatingSession, skits=("Team 1", "Team 2", "Team 3"), *,
                 feed=None, question: str = "come-back", clear=("come-back", "felt"),
                 **kwargs) -> None:
        #: The room (a RoomFeed with a client) whose phones rate the skit, else None.
        self.feed = feed if feed is not None and feed.client is not None else None
        self.question, self.clear_after = question, tuple(clear)
        self.phone_scores: list[int] = []
        self.phones = widgets.HTML()
        self.skit = widgets.Dropdown(description="Skit", layout={"width": "20em"}, style=_STYLE)
        self.level = widgets.ToggleButtons(options=list(SKIT_LEVELS), value="Low",
                                           description="Level",
                                           style={**_STYLE, "button_width": "8em"})
        self.place = widgets.Text(description="Where I go", placeholder="a shoe shop",
                                  layout=dict(CONTROL_LAYOUT), style=_STYLE)
        self.purchase = widgets.Text(description="What I buy", placeholder="winter boots",
                                     layout=dict(CONTROL_LAYOUT), style=_STYLE)
        self.expectation = widgets.Text(description="What I expect",
                                        placeholder="help to find my size",
                                        layout=dict(CONTROL_LAYOUT), style=_STYLE)
        self.save_button = widgets.Button(description="Show and save the card", icon="save",
                                          button_style="success", layout=dict(BUTTON_LAYOUT),
                                          style=dict(BUTTON_STYLE))
        self.status = widgets.HTML()
        self.card = widgets.HTML(layout={"width": "100%"})
        self.save_button.on_click(lambda _b: self.save())
        super().__init__(session, skits, [self.level, self.place, self.purchase,
                                          self.expectation, widgets.HBox([self.save_button]),
                                          self.status, self.card], **kwargs)

    def save(self) -> SceneCard | None:
        """Save the card (to the session file) and show it; ``None`` if it is incomplete."""
        try:
            card = SceneCard(self.skit.value or "", self.level.value, self.place.value,
                             self.purchase.value, self.expectation.value)
        except (TypeError, ValueError) as exc:
            self.status.value = _message(f"Not saved: {exc}.", ok=False)
            return None
        self.session.add_scene(card)
        self.status.value = _message(f"Saved {card.skit}'s card in {self.session.path.name}.",
                                     ok=True)
        self.card.value = (f'<div style="font-size: 2em; line-height: 1.4; color: {TEXT_COLOUR}; '
                           f'border-left: 10px solid {LEVEL_COLOURS[card.level]}; '
                           f'padding: 0.3em 0.8em">{html.escape(card.sentence())}</div>')
        self._saved()
        return card


class RatingForm(_SessionForm):
    """After a skit: the customer's emotions, wish to come back (1-10) and the room's ratings.

    ``emotion_buttons`` maps each emotion of :data:`~ccexercise.skit.EMOTIONS`
    to a ``ToggleButton``; ``come_back`` is a 1-10 slider; ``room`` takes the
    room's ratings typed as "7, 8, 9". ``felt`` shows live which level the
    chosen emotions point to. ``save_button`` writes the rating to the
    session file, then clears the form for the next skit.
    """

    def __init__(self, session: RatingSession, skits=("Team 1", "Team 2", "Team 3"), *,
                 feed=None, question: str = "come-back", clear=("come-back", "felt"),
                 **kwargs) -> None:
        #: The room (a RoomFeed with a client) whose phones rate the skit, else None.
        self.feed = feed if feed is not None and feed.client is not None else None
        self.question, self.clear_after = question, tuple(clear)
        self.phone_scores: list[int] = []
        self.phones = widgets.HTML()
        self.skit = widgets.Dropdown(description="Skit", layout={"width": "20em"}, style=_STYLE)
        self.emotion_buttons = {
            word: widgets.ToggleButton(value=False, description=word, tooltip=f"The customer felt {word}",
                                       layout={"width": "auto", "min_width": "9em",
                                               "height": "2.6em", "margin": "0 0.4em 0.4em 0"},
                                       style={"font_size": "1.15em"})
            for word in EMOTIONS}
        self.come_back = widgets.IntSlider(value=5, min=1, max=10, step=1,
                                           description="Wish to come back",
                                           layout=dict(CONTROL_LAYOUT), style=_STYLE)
        self.room = widgets.Text(description="Room's ratings", placeholder="for example 7, 8, 6, 9",
                                 layout=dict(CONTROL_LAYOUT), style=_STYLE)
        self.felt = widgets.HTML()
        self.save_button = widgets.Button(description="Save rating", icon="save",
                                          button_style="success", layout=dict(BUTTON_LAYOUT),
                                          style=dict(BUTTON_STYLE))
        self.status = widgets.HTML()
        emotions = widgets.HBox(list(self.emotion_buttons.values()),
                                layout={"flex_flow": "row wrap", "max_width": "60em"})
        self.save_button.on_click(lambda _b: self.save())
        for button in self.emotion_buttons.values():
            button.observe(lambda _change: self._show_felt(), names="value")
        super().__init__(session, skits, [widgets.HTML("<b>How did the customer feel?</b>"),
                                          emotions, self.felt, self.come_back, self.room,
                                          self.phones, widgets.HBox([self.save_button]),
                                          self.status], **kwargs)
        self._show_felt()
        if self.feed is not None:
            self.feed.on_change(self._from_room)

    def _from_room(self, state: dict) -> None:
        """Keep the phones' scores for the skit, to save with the typed ones."""
        from .room import question_state

        entry = question_state(state, self.question)
        if entry is None:
            self.phones.value = _message(f"The run sheet has no poll [{self.question}]: phones "
                                         "cannot rate the skit.", ok=False)
            return
        counts = entry["results"].get("counts", {})
        self.phone_scores = [int(score) for score, n in counts.items() for _ in range(n)]
        count = len(self.phone_scores)
        mean = f", average {sum(self.phone_scores) / count:.1f}" if count else ""
        self.phones.value = (f'<div style="font-size: 1.2em">Phones: <b>{count}</b> '
                             f"rating{'' if count == 1 else 's'}{mean}; saved with the room's "
                             "ratings, then the room's questions are cleared for the next "
                             "skit.</div>")

    @property
    def emotions(self) -> list[str]:
        """The emotions switched on, in the list's order."""
        return [word for word, button in self.emotion_buttons.items() if button.value]

    def _show_felt(self) -> None:
        chosen = self.emotions
        if not chosen:
            self.felt.value = ('<div style="font-size: 1.2em; color: #4D4D4D">'
                               "Pick one or more emotions.</div>")
            return
        felt = SkitRating("preview", chosen, 5).felt_level
        self.felt.value = (f'<div style="font-size: 1.4em">The customer felt: '
                           f'<b style="color: {LEVEL_COLOURS[felt]}">{felt}</b></div>')

    def save(self) -> SkitRating | None:
        """Save the rating (to the session file) and clear the form; ``None`` on bad input."""
        try:
            rating = SkitRating(self.skit.value or "", self.emotions, self.come_back.value,
                                parse_scores(self.room.value) + self.phone_scores)
        except (TypeError, ValueError) as exc:
            self.status.value = _message(f"Not saved: {exc}.", ok=False)
            return None
        self.session.add_rating(rating)
        self.status.value = _message(
            f"Saved {rating.skit}'s rating ({len(self.session.ratings)} saved in "
            f"{self.session.path.name}).", ok=True)
        for button in self.emotion_buttons.values():
            button.value = False
        self.come_back.value = 5
        self.room.value = ""
        if self.feed is not None:  # the phones' answers are kept in the room's file
            for question in self.clear_after:
                self.feed.act("question", question, "clear")
        self._saved()
        return rating


class SkitComparison(widgets.VBox):
    """The skits side by side: a chart (``chart``) and a table (``table``), from a session.

    Call :meth:`update` after a card or rating is saved (the facilitator
    page does this for you).
    """

    def __init__(self, session: RatingSession, **kwargs) -> None:
        if not isinstance(session, RatingSession):
            raise TypeError(f"session must be a RatingSession, got {session!r} "
                            f"(a {type(session).__name__})")
        self.session = session
        self.note = widgets.HTML()
        self.chart = ChartImage()
        self.table = widgets.HTML(layout={"width": "100%"})
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.note, self.chart, self.table], **kwargs)
        self.update()

    def follow(self, feed) -> None:
        """Read the session file again whenever the room moves on (the projector view:
        the presenter view saves the ratings, and clears the room's questions)."""
        if feed is not None and feed.client is not None:
            feed.on_change(lambda _state: self.reload())

    def reload(self) -> None:
        """Read the session file again and redraw."""
        self.session = RatingSession(self.session.path, clock=self.session.clock)
        self.update()

    def update(self) -> None:
        """Redraw from the session's cards and ratings."""
        table = self.session.comparison()
        chart = skit_comparison_chart(table)
        if chart is None:
            self.chart.clear()
            self.note.value = ('<div style="font-size: 1.3em">No skit rated yet: the chart '
                               "appears with the first rating.</div>")
        else:
            self.chart.show(chart)
            self.note.value = ""
        self.table.value = _comparison_html(table)


_WRAP = ("nowrap", "nowrap", "normal", "nowrap", "nowrap", "nowrap")


def _comparison_html(table) -> str:
    if table.empty:
        return ""
    rows = []
    for name, row in table.iterrows():
        level = row["level"] if isinstance(row["level"], str) else "?"
        colour = LEVEL_TEXT_COLOURS.get(level, TEXT_COLOUR)
        rated = row["come_back"] is not None and str(row["come_back"]) != "<NA>"
        room = f"{row['room_mean']:.1f} ({row['room_count']})" if row["room_count"] else "-"
        cells = [html.escape(name), f'<b style="color: {colour}">{html.escape(level)}</b>',
                 html.escape(row["emotions"]) if rated else "not rated yet",
                 html.escape(str(row["felt_level"])) if rated else "-",
                 str(row["come_back"]) if rated else "-", room]
        rows.append("<tr>" + "".join(f'<td style="padding: 0.2em 0.8em; white-space: {wrap}">'
                                     f"{c}</td>" for c, wrap in zip(cells, _WRAP)) + "</tr>")
    head = "".join(f'<th style="text-align: left; padding: 0.2em 0.8em">{h}</th>' for h in (
        "Skit", "Acted", "Customer felt", "Felt level", "Come back", "Room (how many)"))
    return (f'<table style="font-size: 1.3em; color: {TEXT_COLOUR}; border-collapse: collapse">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def skit_workshop(path=None, *, clock=None, feed=None,
                  parts=("split", "scene", "rating", "compare")) -> widgets.VBox:
    """The whole skit round: team splitter, scene card, rating form and comparison.

    All four share one :class:`~ccexercise.skit.RatingSession` kept in
    ``path`` (by default today's ``skit-ratings-<date>.csv`` in the working
    folder): opening the page again reloads what was entered. Splitting the
    room renames the skits in both forms to the teams. The parts are
    attributes of the returned box: ``session``, ``splitter``,
    ``scene_form``, ``rating_form``, ``comparison``, ``file_note``.
    ``clock`` (default: the computer's) dates the file and stamps each line.

    With a room (``feed``, a :class:`~ccexercise.widgets.room.RoomFeed`) the
    phones' come-back scores (the run sheet's ``[come-back]`` poll) are saved
    with each rating. ``parts`` picks what shows: "split", "scene", "rating"
    (the presenter's) and "compare" (the projector's, which reads the file
    again each time the room moves on).
    """
    unknown = set(parts) - {"split", "scene", "rating", "compare"}
    if unknown or not parts:
        raise ValueError(f"parts must be some of 'split', 'scene', 'rating', 'compare', "
                         f"got {list(parts)!r}")
    kwargs = {} if clock is None else {"clock": clock}
    if path is None:
        path = default_session_path(**kwargs)
    session = RatingSession(Path(path), **kwargs)
    splitter = TeamSplitter()
    scene_form = SceneCardForm(session)
    rating_form = RatingForm(session, feed=feed)
    comparison = SkitComparison(session)
    if "rating" not in parts:
        comparison.follow(feed)
    file_note = widgets.HTML()

    def note() -> None:
        problems = (f" {len(session.rejected)} line(s) of the file could not be read: "
                    + "; ".join(f"line {r.line}: {r.reason}" for r in session.rejected)
                    if session.rejected else "")
        file_note.value = _message(
            f"Ratings are saved as you enter them in {session.path} "
            f"({len(session.scenes)} cards and {len(session.ratings)} ratings so far).{problems}",
            ok=not session.rejected)

    def after_save() -> None:
        comparison.update()
        note()

    def after_split(split) -> None:
        names = team_names(len(split))
        known = [r.skit for r in session.ratings] + [c.skit for c in session.scenes]
        skits = names + [s for s in dict.fromkeys(known) if s not in names]
        scene_form.set_skits(skits)
        rating_form.set_skits(skits)

    scene_form.on_saved(after_save)
    rating_form.on_saved(after_save)
    splitter.on_split(after_split)
    note()

    def heading(text: str) -> widgets.HTML:
        return widgets.HTML(f'<h2 style="font-size: 2em; color: {TEXT_COLOUR}; '
                            f'margin: 1em 0 0.3em 0">{html.escape(text)}</h2>')

    shown = {"split": [heading("Split the room"), splitter],
             "scene": [heading("The customer's scene card"), scene_form],
             "rating": [heading("Ratings after the skit"), rating_form],
             "compare": [heading("Compare the skits"), comparison]}
    children = [w for part in ("split", "scene", "rating", "compare") if part in parts
                for w in shown[part]]
    if set(parts) != {"compare"}:
        children.append(file_note)  # a file name: for the trainer, not the room
    box = widgets.VBox(children, layout={"width": "100%"})
    box.session, box.splitter, box.scene_form = session, splitter, scene_form
    box.rating_form, box.comparison, box.file_note = rating_form, comparison, file_note
    return box
