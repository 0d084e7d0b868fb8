"""Module 00's widgets: the customer-focus sorter, the principles self-check, and the
room's sorter votes typed in by the trainer.

>>> sorter = StatementSorter()
>>> sorter.buttons[2].click()          # "Not customer focus" for the first statement
>>> sorter.feedback.value[:60]
'<p style="font-size: 1.3em"><b style="color: #1b7837">Right.'
>>> check = PrinciplesSelfCheck()
>>> check.sliders[3].value = 1
>>> check.chart.chart.title
'Your profile: average 2.8 of 5'
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..customer_focus import (
    PRINCIPLE_SCALE,
    PRINCIPLES,
    PrinciplesProfile,
    SortResult,
    Verdict,
    principles_profile,
    sort_statement,
    sorter_statements,
)
from ..views.customer_focus import principles_live_chart, sort_votes_live_chart
from .charts import ChartImage
from .style import BUTTON_LAYOUT, BUTTON_STYLE, CONTROL_LAYOUT, CONTROL_STYLE, MUTED_COLOUR

__all__ = ["PrinciplesSelfCheck", "SortVotes", "StatementSorter", "principles_self_check",
           "sort_votes", "statement_sorter"]

RIGHT_COLOUR, WRONG_COLOUR = "#1b7837", "#b2182b"


class StatementSorter(widgets.VBox):
    """Sort the texts' statements one at a time: customer focus level 1, level 2, or not.

    ``buttons`` are the three verdicts (in :class:`~ccexercise.Verdict`
    order); clicking one records the answer for the statement shown and
    shows ``feedback``, which starts with the word "Right." or "Not quite"
    and says why. ``previous``/``next`` move between statements;
    ``answers`` keeps every answer given (statement id -> Verdict), so going
    back shows the earlier verdict again. ``score`` (HTML) counts the right
    answers. ``statements`` defaults to :func:`~ccexercise.sorter_statements`.
    """

    def __init__(self, statements=None, **kwargs) -> None:
        self.statements = tuple(sorter_statements() if statements is None else statements)
        if not self.statements:
            raise ValueError("statements must hold at least one Statement, got none")
        self.index = 0
        self.answers: dict[str, Verdict] = {}
        self.results: dict[str, SortResult] = {}
        self.progress = widgets.HTML()
        self.text = widgets.HTML()
        self.buttons = [widgets.Button(description=v.label, tooltip=v.meaning,
                                       layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))
                        for v in Verdict]
        for button, verdict in zip(self.buttons, Verdict):
            button.on_click(lambda _b, v=verdict: self.choose(v))
        self.feedback = widgets.HTML()
        self.previous = widgets.Button(description="◀ Previous statement",
                                       layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))
        self.next = widgets.Button(description="Next statement ▶", layout=dict(BUTTON_LAYOUT),
                                   style=dict(BUTTON_STYLE))
        self.previous.on_click(lambda _b: self.show(self.index - 1))
        self.next.on_click(lambda _b: self.show(self.index + 1))
        self.score = widgets.HTML()
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.progress, self.text,
                                   widgets.HBox(self.buttons, layout={"flex_flow": "row wrap"}),
                                   self.feedback,
                                   widgets.HBox([self.previous, self.next],
                                                layout={"flex_flow": "row wrap"}),
                                   self.score], **kwargs)
        self.show(0)

    @property
    def statement(self):
        """The statement shown now."""
        return self.statements[self.index]

    def show(self, index: int) -> None:
        """Show statement number ``index`` (from 0), with its answer if it has one."""
        self.index = max(0, min(len(self.statements) - 1, index))
        statement = self.statement
        self.progress.value = (f'<div style="font-size: 1.1em; color: {MUTED_COLOUR}">Statement '
                               f"{self.index + 1} of {len(self.statements)}</div>")
        self.text.value = (f'<blockquote style="font-size: 1.6em; line-height: 1.35; '
                           f'margin: 0.4em 0">{html.escape(statement.text)}</blockquote>'
                           '<div style="font-size: 1.1em">Is this customer focus?</div>')
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.statements) - 1
        result = self.results.get(statement.id)
        self.feedback.value = "" if result is None else _feedback_html(result)
        self._score()

    def choose(self, verdict) -> SortResult:
        """Record ``verdict`` for the statement shown and say whether it is right, and why."""
        result = sort_statement(self.statement, verdict)
        self.answers[self.statement.id] = result.answer
        self.results[self.statement.id] = result
        self.feedback.value = _feedback_html(result)
        self._score()
        return result

    def _score(self) -> None:
        right = sum(r.right for r in self.results.values())
        self.score.value = (f'<div style="font-size: 1.2em">{len(self.results)} of '
                            f"{len(self.statements)} sorted · {right} right</div>")


def _feedback_html(result: SortResult) -> str:
    word = "Right." if result.right else f"Not quite: you chose {result.answer.label}."
    colour = RIGHT_COLOUR if result.right else WRONG_COLOUR
    return (f'<p style="font-size: 1.3em"><b style="color: {colour}">{html.escape(word)}</b> '
            f"{html.escape(result.explanation)}</p>")


class PrinciplesSelfCheck(widgets.VBox):
    """Rate your workplace on each of the nine principles; see the profile.

    ``sliders`` (one per principle of :data:`~ccexercise.PRINCIPLES`, 1 to 5)
    drive ``summary`` (HTML: the average and what to work on first) and
    ``chart`` (the profile); ``result`` is the last
    :class:`~ccexercise.PrinciplesProfile`.
    """

    def __init__(self, ratings=None, **kwargs) -> None:
        ratings = [3] * len(PRINCIPLES) if ratings is None else ratings
        first = principles_profile(ratings)  # the calculator's checks: 9 ratings from 1 to 5
        self.sliders = [widgets.IntSlider(value=first.ratings[p.key], min=1, max=5,
                                          description=p.name, continuous_update=False,
                                          style={"description_width": "14em"},
                                          layout=dict(CONTROL_LAYOUT))
                        for p in PRINCIPLES]
        self.readouts = [widgets.HTML() for _ in PRINCIPLES]
        rows = []
        for principle, slider, readout in zip(PRINCIPLES, self.sliders, self.readouts):
            rows.append(widgets.VBox([
                widgets.HTML(f'<div style="font-size: 1.05em">{html.escape(principle.question)}'
                             "</div>"),
                widgets.HBox([slider, readout], layout={"align_items": "center"})],
                layout={"margin": "0 0 0.4em 0"}))
        self.summary = widgets.HTML()
        self.chart = ChartImage(layout={"width": "100%", "max_width": "760px", "height": "auto"})
        self.result: PrinciplesProfile | None = None
        for slider in self.sliders:
            slider.observe(lambda _change: self.update(), names="value")
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[
            widgets.HTML('<div style="font-size: 1.1em">How true is each sentence of your '
                         "workplace? 1 = not at all, 2 = a little, 3 = partly, 4 = mostly, "
                         "5 = fully.</div>"),
            *rows, self.summary, self.chart], **kwargs)
        self.update()

    def update(self) -> PrinciplesProfile:
        """Score the sliders and redraw."""
        result = principles_profile([s.value for s in self.sliders])
        self.result = result
        for slider, readout in zip(self.sliders, self.readouts):
            readout.value = f"<span>{html.escape(PRINCIPLE_SCALE[slider.value])}</span>"
        self.summary.value = (f'<p style="font-size: 1.3em">{html.escape(result.summary())}</p>')
        self.chart.show(principles_live_chart(result))
        return result


class SortVotes(widgets.VBox):
    """The room's votes on the sorter's statements, counted by hand and typed in.

    Pick the statement (``statement``), type how many hands went up for each
    verdict (``counts``, one box per :class:`~ccexercise.Verdict`), and tick
    ``reveal`` to put the answer in the chart's title. Counts typed for one
    statement are kept when you move to another (``votes``: statement id ->
    {Verdict: count}). With a room (``feed``), the typed votes are sent to the
    statement's poll (its run-sheet name, e.g. ``[s01]``), so they count with
    the phones' answers in the room's results. ``parts``: "entry" (the
    boxes) and/or "result" (the chart and who leads).
    """

    def __init__(self, statements=None, *, feed=None, parts=("entry", "result"),
                 **kwargs) -> None:
        unknown = set(parts) - {"entry", "result"}
        if unknown or not parts:
            raise ValueError(f"parts must hold 'entry' and/or 'result', got {list(parts)!r}")
        self.statements = tuple(sorter_statements() if statements is None else statements)
        self.feed = feed if feed is not None and feed.client is not None else None
        self.votes: dict[str, dict[Verdict, int]] = {}
        self.statement = widgets.Dropdown(
            options=[(f"{s.id}: {_short(s.text)}", i) for i, s in enumerate(self.statements)],
            value=0, description="Statement", style=CONTROL_STYLE, layout=dict(CONTROL_LAYOUT))
        self.counts = [widgets.BoundedIntText(value=0, min=0, max=10_000, description=v.label,
                                              style=CONTROL_STYLE,
                                              layout={"width": "22em"}) for v in Verdict]
        self.reveal = widgets.Checkbox(value=False, description="Show the answer", indent=False)
        self.sent = widgets.HTML()
        self.leader = widgets.HTML()
        self.chart = ChartImage(layout={"width": "100%", "max_width": "760px", "height": "auto"})
        children = [self.statement]
        if "entry" in parts:
            children += [*self.counts, self.reveal, self.sent]
        if "result" in parts:
            children += [self.leader, self.chart]
        self._loading = False
        self.statement.observe(lambda _c: self._load(), names="value")
        for box in self.counts:
            box.observe(lambda _c: self.update(), names="value")
        self.reveal.observe(lambda _c: self.update(), names="value")
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=children, **kwargs)
        self.update()

    def _load(self) -> None:
        saved = self.votes.get(self.statements[self.statement.value].id, {})
        self._loading = True
        try:
            for box, verdict in zip(self.counts, Verdict):
                box.value = saved.get(verdict, 0)
            self.reveal.value = False
        finally:
            self._loading = False
        self.update()

    def update(self) -> dict:
        """Keep the typed counts, send them to the room (if any) and redraw."""
        if self._loading:
            return {}
        statement = self.statements[self.statement.value]
        counts = {verdict: box.value for verdict, box in zip(Verdict, self.counts)}
        changed = self.votes.get(statement.id) != counts
        self.votes[statement.id] = counts
        if self.feed is not None and changed:
            typed = [v.label for v in Verdict for _ in range(counts[v])]
            error = self.feed.act("set_typed", statement.poll_name, typed)
            self.sent.value = (f'<div style="color: {WRONG_COLOUR}">The typed votes did not '
                               f"reach the room: {html.escape(str(error))}</div>" if error else
                               f"<div>{len(typed)} typed vote{'' if len(typed) == 1 else 's'} "
                               f"sent to the room's poll [{statement.poll_name}], counted with "
                               "the phones.</div>")
        total = sum(counts.values())
        if total:
            top = max(counts.values())
            leaders = " and ".join(v.label for v in Verdict if counts[v] == top)
            self.leader.value = (f'<div style="font-size: 1.4em">Most votes: {html.escape(leaders)}'
                                 f" ({top} of {total})</div>")
        else:
            self.leader.value = ('<div style="font-size: 1.4em">No votes typed yet for this '
                                 "statement.</div>")
        if self.reveal.value:
            self.leader.value += (f'<div style="font-size: 1.2em">Answer: '
                                  f"<b>{html.escape(statement.verdict.label)}</b>. "
                                  f"{html.escape(statement.reason)}</div>")
        self.chart.show(sort_votes_live_chart(
            counts, answer=statement.verdict if self.reveal.value else None,
            title=f"{statement.id}: the room's votes"))
        return counts


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _follow_steps(deck, statements, show) -> None:
    """Call ``show(n)`` whenever ``deck`` (a :class:`StepDeck`) moves to a step with a
    poll on ``statements[n]`` (``[s01]`` asks about statement S01), and once now.

    >>> from ccexercise.widgets import FacilitatorPage
    >>> page = FacilitatorPage("00_what_is_customer_focus", view="both", room=None)
    >>> sorter = statement_sorter(follow=page.deck)
    >>> page.deck.index = next(i for i, step in enumerate(page.sheet.steps)
    ...                        if any(q.id == "s03" for q in step.polls))
    >>> sorter.statement.id
    'S03'
    """
    numbers = {statement.id: n for n, statement in enumerate(statements)}

    def moved(index: int) -> None:
        for question in deck.steps[index].polls:
            if question.id.upper() in numbers:
                show(numbers[question.id.upper()])

    deck.on_move(moved)
    moved(deck.index)


def statement_sorter(statements=None, *, follow=None) -> StatementSorter:
    """A :class:`StatementSorter` over the texts' statements (or your own). With ``follow``
    (a facilitator page's step deck) it shows the statement the current step asks about."""
    sorter = StatementSorter(statements)
    if follow is not None:
        _follow_steps(follow, sorter.statements, sorter.show)
    return sorter


def principles_self_check(ratings=None) -> PrinciplesSelfCheck:
    """A :class:`PrinciplesSelfCheck`, every principle at 3 (or at ``ratings``)."""
    return PrinciplesSelfCheck(ratings)


def sort_votes(statements=None, *, feed=None, parts=("entry", "result"),
               follow=None) -> SortVotes:
    """A :class:`SortVotes` for typing the room's hands in (and sending them to the room).
    With ``follow`` (a step deck) it picks the statement the current step asks about."""
    votes = SortVotes(statements, feed=feed, parts=parts)
    if follow is not None:
        _follow_steps(follow, votes.statements,
                      lambda n: setattr(votes.statement, "value", n))
    return votes
