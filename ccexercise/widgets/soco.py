"""The SOCO-style self-assessment: a form for one person, and a team's profile.

:class:`SocoSelfAssessment` asks the course's 24 statements (1 = never to
9 = always) and gives the person's score as soon as all are answered.
:class:`SocoTeamProfile` shows a team's spread of scores and its weakest
theme, with no names, and only once at least five people have answered; it
can compare two teams or before and after. :class:`SocoRoomEntry` joins
the two for a room without phones: each person fills the form on the
trainer's laptop, presses "Add my answers", and the form clears. All the
scoring is in :mod:`ccexercise.soco`.

>>> w = SocoSelfAssessment()
>>> for box in w.boxes:
...     box.value = 5
>>> w.result.score
120
>>> w.boxes[0].value = None
>>> w.result is None, "1 statement still to answer" in w.summary.value
(True, True)
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..soco import (SOCO_MIN_TEAM, SOCO_STATEMENTS, SocoScore, SocoTeam, soco_codes_for,
                    soco_difference, soco_people, soco_score, soco_team)
from ..views.soco import soco_team_live_chart, soco_team_text, soco_themes_live_chart
from .charts import ChartImage
from .room import question_state, room_parts
from .style import BUTTON_LAYOUT, BUTTON_STYLE, MUTED_COLOUR

__all__ = ["SocoRoomEntry", "SocoSelfAssessment", "SocoTeamProfile"]

#: The dropdown's choices: nothing yet, then 1 (never) to 9 (always).
CHOICES = [("choose", None)] + [
    (f"{k} {word}".strip(), k) for k, word in
    ((1, "never"), (2, ""), (3, "rarely"), (4, ""), (5, "sometimes"), (6, ""), (7, "often"),
     (8, ""), (9, "always"))]


def _choose(box: widgets.Dropdown, rating) -> None:
    """Show ``rating`` in ``box``; no rating shows the word "choose", not an empty box."""
    if rating is None:
        box.index = 0
    else:
        box.value = rating


_ALERT = ('<div role="alert" style="font-size: 1.2em; color: #8B0000; background: #FFF4E5; '
          'border-left: 6px solid #D55E00; padding: 0.5em 1em">{}</div>')


def _sentence(text: str, size: str = "1.3em") -> str:
    return f'<p style="font-size: {size}; line-height: 1.4">{html.escape(text)}</p>'


class SocoSelfAssessment(widgets.VBox):
    """One dropdown (1-9) per statement, in the form's order, and the score.

    ``boxes`` are the dropdowns (``None`` until answered), in the order of
    :data:`~ccexercise.SOCO_STATEMENTS`; ``answers`` maps each code to its
    rating; ``summary`` (HTML) gives the score or what is still to answer;
    ``chart`` shows the person's points per theme; ``result`` is the last
    :class:`~ccexercise.SocoScore` or ``None``.
    """

    def __init__(self, answers=None, **kwargs) -> None:
        answers = dict(answers or {})
        self.boxes = []
        rows = []
        for k, statement in enumerate(SOCO_STATEMENTS, start=1):
            box = widgets.Dropdown(options=CHOICES, description=f"Statement {k}",
                                   tooltip=statement.text,
                                   style={"description_width": "7em"},
                                   layout={"width": "17em", "flex": "0 0 auto"})
            _choose(box, answers.get(statement.code))
            self.boxes.append(box)
            text = widgets.HTML(f'<span style="font-size: 1.1em">{k}. '
                                f"{html.escape(statement.text)}</span>",
                                layout={"flex": "1 1 24em"})
            rows.append(widgets.HBox([text, box], layout={"width": "100%",
                                                          "max_width": "56em",
                                                          "flex_flow": "row wrap",
                                                          "align_items": "center"}))
        intro = widgets.HTML(_sentence("How often do you do this? 1 = never, 9 = always. "
                                       "There are no right answers: answer for what you do, "
                                       "not what you should do.", "1.15em"))
        self.summary = widgets.HTML()
        self.chart = ChartImage(layout={"width": "100%", "max_width": "760px", "height": "auto"})
        self.result: SocoScore | None = None
        self._quiet = False
        for box in self.boxes:
            box.observe(self._on_change, names="value")
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[intro, *rows, self.summary, self.chart], **kwargs)
        self.update()

    @property
    def answers(self) -> dict:
        """Statement code -> rating (``None`` while not answered)."""
        return {s.code: box.value for s, box in zip(SOCO_STATEMENTS, self.boxes)}

    def set_answers(self, answers) -> None:
        """Set every dropdown from ``answers`` (code -> rating; a code left out is emptied),
        redrawing once at the end."""
        answers = dict(answers or {})
        self._quiet = True
        try:
            for statement, box in zip(SOCO_STATEMENTS, self.boxes):
                _choose(box, answers.get(statement.code))
        finally:
            self._quiet = False
        self.update()

    def clear(self) -> None:
        """Empty every answer (for the next person)."""
        self.set_answers({})

    def _on_change(self, _change) -> None:
        if not self._quiet:
            self.update()

    def update(self) -> SocoScore | None:
        """Score the answers and redraw (``None`` while some are missing)."""
        missing = [k for k, box in enumerate(self.boxes, start=1) if box.value is None]
        if missing:
            self.result = None
            self.chart.clear()
            left = len(missing)
            self.summary.value = _sentence(
                f"{left} statement{'s' if left != 1 else ''} still to answer "
                f"(number{'s' if left != 1 else ''} {', '.join(map(str, missing[:8]))}"
                f"{', ...' if left > 8 else ''}).", "1.15em")
            return None
        result = soco_score(self.answers)
        self.result = result
        self.summary.value = _sentence(result.summary())
        mine = soco_team([self.answers])
        self.chart.show(soco_themes_live_chart(
            mine, title=f"Your points per theme; lowest: {mine.weakest_theme}"))
        return result


class SocoTeamProfile(widgets.VBox):
    """A team's profile with no names: the spread of scores or the themes, a second
    team (or "before") beside it if given, and whether the difference is noise.

    ``view`` (a toggle) picks the chart; ``summary`` (HTML) says it in
    words, ``text`` holds every number drawn (a text alternative);
    ``team``/``compare`` are the last :class:`~ccexercise.SocoTeam` (or
    ``None`` while fewer than ``min_people`` have answered).
    """

    VIEWS = ("Spread of scores", "Themes")

    def __init__(self, answers=(), *, compare=None,
                 labels: tuple[str, str] = ("This team", "Compared with"),
                 min_people: int = SOCO_MIN_TEAM, **kwargs) -> None:
        self.labels = tuple(labels)
        self.min_people = min_people
        self.view = widgets.ToggleButtons(options=self.VIEWS, value=self.VIEWS[0],
                                          description="Show",
                                          style={"button_width": "12em"})
        self.summary = widgets.HTML()
        self.chart = ChartImage()
        self.text = widgets.HTML()
        self.team: SocoTeam | None = None
        self.compare: SocoTeam | None = None
        self._answered: int | None = None
        self._hidden = False
        self._answers, self._compare_answers = list(_rows(answers)), (
            None if compare is None else list(_rows(compare)))
        self.view.observe(lambda _change: self._draw(), names="value")
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.view, self.summary, self.chart, self.text], **kwargs)
        self.update()

    def set_answers(self, answers, *, compare=None, answered: int | None = None,
                    hidden: bool = False) -> None:
        """Show these answers (and, if given, these to compare with) instead.

        ``answered`` is how many have answered when the answers themselves are held back
        (a room keeps an anonymous form's answers until enough people have answered);
        ``hidden`` shows only the count, until the trainer shows the results."""
        self._answers = list(_rows(answers))
        if compare is not None:
            self._compare_answers = list(_rows(compare))
        self._answered = answered
        self._hidden = hidden
        self.update()

    def update(self) -> SocoTeam | None:
        """Recount and redraw; ``None`` while too few have answered."""
        n = len(self._answers) if self._answered is None else self._answered
        if n >= self.min_people and self._hidden:
            self.team = self.compare = None
            self.chart.clear()
            self.text.value = ""
            self.summary.value = _sentence(f"{n} people have answered. The team's picture "
                                           f"appears when the trainer shows the results.")
            return None
        if n < self.min_people or len(self._answers) < self.min_people:
            self.team = self.compare = None
            self.chart.clear()
            self.text.value = ""
            self.summary.value = _sentence(
                f"{n} of at least {self.min_people} people have answered. The team's picture "
                f"shows once {self.min_people} have, so that no one's answers can be picked out.")
            return None
        team = soco_team(self._answers)
        compare = (soco_team(self._compare_answers)
                   if self._compare_answers and len(self._compare_answers) >= 2 else None)
        self.team, self.compare = team, compare
        words = [team.summary()]
        if compare is not None:
            words.append(soco_difference(team, compare).summary())
        self.summary.value = "".join(_sentence(w) for w in words)
        texts = [soco_team_text(team, label=self.labels[0])]
        if compare is not None:
            texts.append(soco_team_text(compare, label=self.labels[1]))
        self.text.value = (f'<details><summary>The numbers in words</summary>'
                           f'{"".join(_sentence(t, "1em") for t in texts)}</details>')
        self._draw()
        return team

    def _draw(self) -> None:
        """Draw the chart the toggle asks for (nothing while too few have answered)."""
        if self.team is None:
            return
        if self.view.value == self.VIEWS[0]:
            chart = soco_team_live_chart(self.team, compare=self.compare, labels=self.labels)
        else:
            chart = soco_themes_live_chart(self.team)
        self.chart.show(chart)


def _rows(answers):
    """A DataFrame's rows or a list's items, as answer dicts (no other columns)."""
    return soco_people(answers)


class SocoRoomEntry(widgets.VBox):
    """The self-assessment for a room, anonymous: each person fills ``form`` and presses
    ``add_button``; their answers join the team with no name and the form clears.

    Without a room (``feed`` None) it all happens here: ``people`` holds the answers added
    and ``profile`` (a :class:`SocoTeamProfile`) shows the team once five have answered.
    With a room (``feed``, a :class:`~ccexercise.widgets.room.RoomFeed`, and ``question``,
    the run sheet's ``Poll anonymous statements`` form) the typed forms are sent to the
    room and the profile counts them with the phones' forms; the projector's part shows
    it once the trainer reveals the results. ``parts``: "entry" (the form, for the
    presenter) and/or "result" (the team's picture). ``status`` says what happened.
    """

    def __init__(self, *, feed=None, question: str | None = None,
                 parts=("entry", "result"), min_people: int = SOCO_MIN_TEAM, **kwargs) -> None:
        self.feed, self.parts = room_parts(feed, question, parts, poll="statements poll")
        self.question = question
        self.people: list[dict] = []
        self.form = SocoSelfAssessment()
        self.add_button = widgets.Button(description="Add my answers (no name)",
                                         button_style="primary", layout=dict(BUTTON_LAYOUT),
                                         style=dict(BUTTON_STYLE))
        self.status = widgets.HTML()
        self.profile = SocoTeamProfile(min_people=min_people)
        self._codes: list[str] | None = None
        self.add_button.on_click(lambda _button: self.add())
        children = []
        if "entry" in self.parts:
            children += [self.form, self.add_button, self.status]
        if "result" in self.parts:
            children.append(self.profile)
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=children, **kwargs)
        if self.feed is not None:
            self.feed.on_change(self._from_room)

    def add(self) -> bool:
        """Add the form's answers if complete, clear the form; False (and why) if not."""
        if self.form.result is None:
            left = sum(box.value is None for box in self.form.boxes)
            self.status.value = _ALERT.format(f"Not added: {left} statement(s) still to "
                                              f"answer. Nothing was lost.")
            return False
        answers = self.form.answers
        if self.feed is not None:
            if self._codes is None:
                self.status.value = _ALERT.format(
                    f"Not added: the room has no statements poll [{self.question}] with the "
                    f"course's statements. The answers stay in the form.")
                return False
            typed = [[person[code] for code in self._codes] for person in [*self.people,
                                                                           answers]]
            error = self.feed.act("set_typed", self.question, typed)
            if error:
                self.status.value = _ALERT.format(f"Not added: the room did not take the "
                                                  f"answers ({error}). They stay in the form.")
                return False
        self.people.append(answers)
        self.form.clear()
        self.status.value = (f'<p style="color: {MUTED_COLOUR}; font-size: 1.1em">Added. '
                             f"{len(self.people)} typed in so far; the form is clear for the "
                             f"next person.</p>")
        if self.feed is None:
            self.profile.set_answers(self.people)
        return True

    def _from_room(self, state: dict) -> None:
        entry = question_state(state, self.question)
        if entry is None or entry["question"]["kind"] != "statements":
            self._codes = None
            self.status.value = _ALERT.format(f"The run sheet has no statements poll "
                                              f"[{self.question}]: the room cannot answer it.")
            return
        try:
            self._codes = soco_codes_for(entry["question"]["options"])
        except ValueError as error:
            self._codes = None
            self.status.value = _ALERT.format(f"The poll [{self.question}] cannot be scored: "
                                              f"{error}.")
            return
        people = [dict(zip(self._codes, form)) for form in entry.get("forms", [])]
        revealed = entry["revealed"] or "entry" in self.parts  # the trainer sees it
        self.profile.set_answers(people, answered=entry["results"]["count"],
                                 hidden=not revealed)
