"""Widgets for why customers leave: the harmful-advice game, the Pareto explorer, and
typed answers for the room's questions when there are no phones.

Each only wires controls to :mod:`ccexercise.leaving`, :mod:`ccexercise.views.leaving`
and the room's own tallies (:mod:`ccexercise.room.results`); tests drive them from Python:

>>> game = harmful_advice_game()
>>> game.harmful_button.click()
>>> game.feedback_text.startswith("Right: this advice is harmful.")
True
>>> explorer = pareto_explorer()
>>> explorer.chart.chart.categories[0]
'rude or unhelpful staff'
>>> board = typed_answers(question="reasons", kind="text", text="Rude staff\\nslow till\\nrude staff")
>>> board.result["items"]
[['Rude staff', 2], ['slow till', 1]]
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
import pandas as pd

from ..leaving import Advice, AdviceFeedback, advice_cards, advice_score, exit_reason_pareto, \
    judge_advice, vital_few
from ..room.questions import KINDS, Question
from ..room.results import summarize
from ..views.leaving import MEASURES, exit_reason_pareto_live_chart, pareto_table_html, \
    pareto_text
from ..views.room import results_chart, results_html, results_text
from .charts import ChartImage
from .style import BUTTON_LAYOUT, BUTTON_STYLE, CONTROL_LAYOUT, CONTROL_STYLE, MUTED_COLOUR, \
    TEXT_COLOUR

__all__ = ["HarmfulAdviceGame", "ParetoExplorer", "TypedAnswers", "harmful_advice_game",
           "pareto_explorer", "typed_answers"]

_WHO = {"Everyone": None, "Shop staff": "shop staff", "Managers": "manager",
        "The organisation": "organisation"}
_RIGHT_COLOUR, _WRONG_COLOUR = "#005A32", "#8B0000"


def _button(description: str, tooltip: str, style: str = "", icon: str = "") -> widgets.Button:
    return widgets.Button(description=description, tooltip=tooltip, button_style=style,
                          icon=icon, layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))


def _alert(text: str) -> str:
    return ('<div role="alert" style="font-size: 1.3em; color: #8B0000; background: #FFF4E5; '
            f'border-left: 6px solid #D55E00; padding: 0.5em 1em">{html.escape(text)}</div>')


# --------------------------------------------------------------------------
# The harmful-advice game
# --------------------------------------------------------------------------

class HarmfulAdviceGame(widgets.VBox):
    """One statement at a time: is this advice harmful or helpful? Then what is wrong with
    it and what to do instead, in words (a tick or a cross and "Right"/"Not quite", never
    colour alone).

    Controls: ``who`` (whose advice: everyone, shop staff, managers, the organisation),
    ``harmful_button``, ``helpful_button``, ``instead`` (the learner's own "what would
    you do instead?", kept per statement), ``previous_button``, ``next_button``. Outputs:
    ``statement``, ``feedback``, ``score`` (HTML). ``answers`` maps each statement's id
    to its :class:`~ccexercise.AdviceFeedback`; ``ideas`` to what the learner typed.

    >>> game = HarmfulAdviceGame(who="manager")
    >>> [c.advice_id for c in game.cards]
    ['H06', 'H07', 'H08', 'G01']
    >>> game.helpful_button.click()
    >>> game.answers["H06"].right, game.score_text
    (False, 'You judged 0 of 1 statement right.')
    """

    def __init__(self, *, who: str | None = None, cards=None, **kwargs) -> None:
        labels = {v: k for k, v in _WHO.items()}
        if who not in labels:
            raise ValueError(f"who must be one of 'shop staff', 'manager', 'organisation' or "
                             f"None, got {who!r}")
        self._all = tuple(cards) if cards is not None else advice_cards()
        for i, card in enumerate(self._all):
            if not isinstance(card, Advice):
                raise TypeError(f"cards[{i}] must be an Advice (see cc.advice_cards()), got "
                                f"{card!r} (a {type(card).__name__})")
        if not self._all:
            raise ValueError("cards must hold at least one statement, got none")
        self.answers: dict[str, AdviceFeedback] = {}
        self.ideas: dict[str, str] = {}
        self._showing = False
        self.index = 0
        self.who = widgets.ToggleButtons(options=list(_WHO), value=labels[who],
                                         description="Advice for",
                                         tooltip="Whose advice to play with",
                                         style={**CONTROL_STYLE, "button_width": "auto"})
        self.progress = widgets.HTML()
        self.statement = widgets.HTML()
        self.harmful_button = _button("Harmful", "This advice drives customers away", "",
                                      "times")
        self.helpful_button = _button("Helpful", "This advice keeps customers", "", "check")
        self.instead = widgets.Textarea(
            placeholder="Before you answer, write what you would do instead (optional)",
            description="What would you do instead?", continuous_update=True,
            style=CONTROL_STYLE, layout={"width": "100%", "max_width": "46em", "height": "5em"})
        self.feedback = widgets.HTML()
        self.feedback_text = ""
        self.previous_button = _button("Previous", "Go back one statement", "", "arrow-left")
        self.next_button = _button("Next", "The next statement", "primary", "arrow-right")
        self.score = widgets.HTML()
        self.score_text = ""
        self.harmful_button.on_click(lambda _b: self.answer("harmful"))
        self.helpful_button.on_click(lambda _b: self.answer("helpful"))
        self.previous_button.on_click(lambda _b: self.show(self.index - 1))
        self.next_button.on_click(lambda _b: self.show(self.index + 1))
        self.instead.observe(self._keep_idea, names="value")
        self.who.observe(lambda _c: self._filter(), names="value")
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[
            self.who, self.progress, self.statement,
            widgets.HBox([self.harmful_button, self.helpful_button],
                         layout={"flex_flow": "row wrap"}),
            self.instead, self.feedback,
            widgets.HBox([self.previous_button, self.next_button],
                         layout={"flex_flow": "row wrap"}),
            self.score], **kwargs)
        self._filter()

    @property
    def card(self) -> Advice:
        """The statement on show."""
        return self.cards[self.index]

    def _filter(self) -> None:
        who = _WHO[self.who.value]
        self.cards = tuple(c for c in self._all if who is None or c.who == who) or self._all
        self.show(0)

    def _keep_idea(self, change) -> None:
        if self._showing:
            return
        self.ideas[self.card.advice_id] = change["new"]

    def show(self, index: int) -> None:
        """Show statement ``index`` (wrapping round), with its answer if it has one."""
        self.index = index % len(self.cards)
        card = self.card
        self._showing = True
        try:
            self.instead.value = self.ideas.get(card.advice_id, "")
        finally:
            self._showing = False
        self.progress.value = (f'<div style="font-size: 1.1em; color: {MUTED_COLOUR}">Statement '
                               f"{self.index + 1} of {len(self.cards)} · advice for "
                               f"{html.escape(card.who)}</div>")
        self.statement.value = (f'<blockquote style="font-size: 1.8em; line-height: 1.35; '
                                f'color: {TEXT_COLOUR}; border-left: 6px solid #999999; '
                                f'margin: 0.3em 0; padding: 0.2em 0.8em">'
                                f"“{html.escape(card.statement)}”</blockquote>")
        self._show_feedback(self.answers.get(card.advice_id))

    def answer(self, verdict: str) -> AdviceFeedback:
        """Judge the statement on show as ``verdict`` ("harmful" or "helpful")."""
        result = judge_advice(self.card, verdict)
        self.answers[self.card.advice_id] = result
        self._show_feedback(result)
        return result

    def _show_feedback(self, result: AdviceFeedback | None) -> None:
        if result is None:
            self.feedback_text = ""
            self.feedback.value = (f'<div style="font-size: 1.2em; color: {MUTED_COLOUR}">'
                                   "Harmful or helpful? Choose one.</div>")
        else:
            mark, colour = ("✔", _RIGHT_COLOUR) if result.right else ("✘", _WRONG_COLOUR)
            own = self.ideas.get(result.advice_id, "").strip()
            mine = (f'<div style="margin-top: 0.4em">You wrote: <i>{html.escape(own)}</i></div>'
                    if own else "")
            self.feedback_text = result.text
            head, _, rest = result.text.partition(": ")
            self.feedback.value = (
                f'<div role="status" style="font-size: 1.35em; line-height: 1.4; '
                f'border-left: 6px solid {colour}; padding: 0.3em 0.8em">'
                f'<b style="color: {colour}">{mark} {html.escape(head)}:</b> '
                f"{html.escape(rest)}{mine}</div>")
        answered = [self.answers[c.advice_id] for c in self.cards if c.advice_id in self.answers]
        self.score_text = advice_score(answered) if answered else ""
        self.score.value = (f'<div style="font-size: 1.2em">{html.escape(self.score_text)}</div>'
                            if answered else "")


def harmful_advice_game(who: str | None = None) -> HarmfulAdviceGame:
    """A :class:`HarmfulAdviceGame` with the course's statements (``who`` keeps one group's).

    >>> harmful_advice_game("boss")
    Traceback (most recent call last):
        ...
    ValueError: who must be one of 'shop staff', 'manager', 'organisation' or None, got 'boss'
    """
    return HarmfulAdviceGame(who=who)


# --------------------------------------------------------------------------
# The Pareto explorer
# --------------------------------------------------------------------------

class ParetoExplorer(widgets.VBox):
    """The Pareto chart of exit reasons, for the whole list or one segment, counting
    customers, lost revenue or lost profit.

    Controls: ``segment`` (a dropdown), ``measure`` (toggle buttons). Outputs:
    ``summary`` (HTML: the vital few), ``chart`` (ChartImage), ``table`` (HTML, the
    numbers). ``result`` is the Pareto table on show. The tables are worked out once,
    when the widget is made, so a change only redraws.

    >>> explorer = ParetoExplorer()
    >>> explorer.measure.value = "lost_revenue"
    >>> explorer.segment.value = "business"
    >>> explorer.chart.chart.title
    '6 of 8 reasons make up 80% of lost revenue'
    """

    def __init__(self, customers: pd.DataFrame | None = None, *, years: int = 5,
                 margin: float = 0.2, **kwargs) -> None:
        if customers is None:
            from ..datasets import load

            customers = load("01_lost_customer_cost")
        self.tables = {"All customers": exit_reason_pareto(customers, years=years,
                                                           margin=margin)}
        if "segment" in customers.columns:
            for name in sorted(customers["segment"].dropna().unique().tolist()):
                try:
                    self.tables[name] = exit_reason_pareto(customers, segment=name, years=years,
                                                           margin=margin)
                except ValueError:  # nobody in this segment left
                    continue
        self.segment = widgets.Dropdown(options=list(self.tables), value="All customers",
                                        description="Customers", style=CONTROL_STYLE,
                                        layout=dict(CONTROL_LAYOUT))
        self.measure = widgets.ToggleButtons(
            options=[(label, key) for key, (label, _w) in MEASURES.items()], value="customers",
            description="Bars show", style={**CONTROL_STYLE, "button_width": "auto"})
        self.summary = widgets.HTML()
        self.chart = ChartImage()
        self.table = widgets.HTML()
        self.result: pd.DataFrame | None = None
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.segment, self.measure, self.summary, self.chart,
                                   self.table], **kwargs)
        for control in (self.segment, self.measure):
            control.observe(lambda _c: self.update(), names="value")
        self.update()

    def update(self) -> pd.DataFrame:
        """Redraw for the chosen segment and measure; return the Pareto table."""
        table = self.tables[self.segment.value]
        measure = self.measure.value
        ordered = table.sort_values(measure, ascending=False, kind="mergesort")
        ordered = ordered.assign(cumulative_share=ordered[measure].cumsum()
                                 / ordered[measure].sum())
        few = vital_few(ordered)
        what = "of those who left" if measure == "customers" else MEASURES[measure][1]
        self.result = table
        self.summary.value = (
            f'<p style="font-size: 1.4em; line-height: 1.4">{len(few)} of {len(table)} reasons '
            f"make up 80% {html.escape(what)}: <b>{html.escape(', '.join(few))}</b>.</p>")
        self.chart.show(exit_reason_pareto_live_chart(table, measure=measure))
        self.table.value = (f'<p style="color: {MUTED_COLOUR}">{html.escape(pareto_text(table, measure=measure))}</p>'
                            + pareto_table_html(table, measure=measure))
        return table


def pareto_explorer(customers: pd.DataFrame | None = None) -> ParetoExplorer:
    """A :class:`ParetoExplorer` on module 01's (invented) customer list, or on ``customers``."""
    return ParetoExplorer(customers)


# --------------------------------------------------------------------------
# Typed answers for a room question (no phones, or answers on paper)
# --------------------------------------------------------------------------

_VOTES = re.compile(r"\s*\+(\d{1,4})\s*$")


def _parse_lines(question: Question, text: str) -> tuple[list, list[tuple[int, str, str]]]:
    """The usable answers (one per line) and the rejected lines ``(line, text, why)``."""
    values, bad = [], []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        votes = 0
        body = line
        if question.kind == "ideas":
            found = _VOTES.search(line)
            if found:
                votes, body = int(found.group(1)), line[:found.start()]
        try:
            checked = question.check_answer(body.strip() if question.kind != "choices"
                                            else [p for p in body.split(",") if p.strip()])
        except (TypeError, ValueError) as error:
            bad.append((n, line.strip(), str(error)))
            continue
        values.append({"id": n, "text": checked, "votes": votes}
                      if question.kind == "ideas" else checked)
    return values, bad


class TypedAnswers(widgets.VBox):
    """The room's answers to one run-sheet question, typed in by the trainer: one answer
    per line (paper, a show of hands, a room without phones). With a room running they
    are sent to it and counted with the phones' answers; without one they are tallied
    here, as the room would tally them.

    ``question`` is the poll's ``[name]``; ``kind`` its kind (as in the run sheet);
    ``sheet`` (a run sheet) gives the kind, text and options when ``kind`` is not given.
    For an ideas question, ``+7`` at the end of a line gives the hands raised for it.
    Lines that cannot be used are listed, never dropped silently. Parts: ``entry`` (the
    box, for the trainer) and ``result`` (the tally, for the projector). ``title`` is a
    heading above both. ``steps`` (step numbers, 1 for the first) keeps the result
    part off the projector while the room is on another step, so the room sees only
    what the step is about; without a room everything stays on show.
    """

    def __init__(self, text: str = "", *, question: str, kind: str | None = None,
                 sheet=None, options=(), label: str = "", feed=None,
                 parts=("entry", "result"), title: str = "", steps=None, **kwargs) -> None:
        if not isinstance(question, str) or not question.strip():
            raise ValueError(f"question must name the run sheet's poll (its [name]), "
                             f"got {question!r}")
        unknown = set(parts) - {"entry", "result"}
        if unknown or not parts:
            raise ValueError(f"parts must hold 'entry' and/or 'result', got {list(parts)!r}")
        if sheet is not None:
            found = sheet.questions.get(question)
            if found is None:
                raise ValueError(f"the run sheet has no poll [{question}]; its polls are "
                                 f"{sorted(sheet.questions)}")
            self.question = found[1]
        else:
            if kind not in KINDS or kind == "nps":
                raise ValueError(f"kind must be one of {', '.join(k for k in KINDS if k != 'nps')}"
                                 f" (NPS has its own poll, cc.widgets.room_poll), got {kind!r}")
            self.question = Question(question, kind, label or question, options=tuple(options))
        self.feed = feed if feed is not None and feed.client is not None else None
        self.parts = tuple(parts)
        self.steps = None if steps is None else {int(n) for n in steps}
        self._step: int | None = None
        self.title = widgets.HTML(
            f'<h2 style="font-size: 1.8em; color: {TEXT_COLOUR}; margin: 1em 0 0.3em 0">'
            f"{html.escape(title)}</h2>" if title else "")
        hint = {"ideas": "one idea per line; +7 at the end for 7 hands raised",
                "choice": "one answer per line: an option's words",
                "choices": "one person per line: their options, with commas between",
                "rating": f"one score per line, {self.question.low} to {self.question.high}"}
        self.entries = widgets.Textarea(
            value=text, placeholder=hint.get(self.question.kind, "one answer per line"),
            description="Typed answers", continuous_update=False, style=CONTROL_STYLE,
            layout={"width": "100%", "max_width": "46em", "height": "8em"})
        self.rejected = widgets.HTML()
        self.sent = widgets.HTML()
        self.head = widgets.HTML()
        self.chart = ChartImage()
        self.list = widgets.HTML()
        self.words = widgets.HTML()
        self.result: dict | None = None
        self.rejected_entries: list[tuple[int, str, str]] = []
        self._typed: list = []
        self._room: dict | None = None
        children = [self.title]
        if "entry" in parts:
            children += [self.entries, self.rejected, self.sent]
        if "result" in parts:
            children += [self.head, self.chart, self.list, self.words]
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=children, **kwargs)
        self.entries.observe(lambda _c: self.update(), names="value")
        self.update()
        if self.feed is not None:
            self.feed.on_change(self._from_room)

    def _from_room(self, state: dict) -> None:
        from .room import question_state

        step = state.get("step")
        self._step = step if isinstance(step, int) else None
        entry = question_state(state, self.question.id)
        if entry is None:
            self.head.value = _alert(f"The run sheet has no poll [{self.question.id}]: the room "
                                     "cannot answer this question.")
            return
        self._room = entry
        self._show()

    def update(self) -> dict | None:
        """Read the typed lines again, send them to the room (if any) and redraw."""
        values, bad = _parse_lines(self.question, self.entries.value)
        self.rejected_entries = bad
        self.rejected.value = "" if not bad else (
            '<div style="font-size: 1.2em; color: #8B0000; overflow-wrap: anywhere">Not counted '
            "(please check): "
            + "; ".join(f"line {n} <b>{html.escape(t if len(t) <= 40 else t[:39] + '…')}</b>: "
                        f"{html.escape(r)}" for n, t, r in bad)
            + "</div>")
        if self.feed is not None and values != self._typed:
            sent = [v["text"] if self.question.kind == "ideas" else v for v in values]
            error = self.feed.act("set_typed", self.question.id, sent)
            self.sent.value = (_alert(f"The typed answers did not reach the room: {error}")
                               if error else
                               f'<div style="font-size: 1.1em">{len(sent)} typed '
                               f"answer{'' if len(sent) == 1 else 's'} sent to the room, "
                               "counted with the phones' answers.</div>")
        self._typed = values
        return self._show()

    @property
    def on_show(self) -> bool:
        """Whether the result part is shown now (always, but for a projector following a
        room on a step outside ``steps``)."""
        return (self.feed is None or self.steps is None or "entry" in self.parts
                or (self._step is not None and self._step + 1 in self.steps))

    def _show(self) -> dict | None:
        self.layout.display = None if self.on_show else "none"
        question = self.question.to_dict()
        if self.feed is not None:
            if self._room is None:
                return None
            results, revealed = self._room["results"], (self._room["revealed"]
                                                        or "entry" in self.parts)
        else:
            results, revealed = summarize(self.question, self._typed), True
        self.result = results
        count = results.get("count", 0)
        self.head.value = (f'<div style="color: {TEXT_COLOUR}"><div style="font-size: 1.7em; '
                           f'font-weight: bold">{html.escape(self.question.text)}</div>'
                           f'<div style="font-size: 1.2em; color: {MUTED_COLOUR}">{count} '
                           f'answer{"" if count == 1 else "s"}</div></div>')
        if not revealed:
            self.chart.clear()
            self.list.value = ""
            self.words.value = (f'<div style="font-size: 1.3em; color: {MUTED_COLOUR}">Results '
                                "appear when the trainer shows them.</div>")
            return results
        drawn = results_chart(question, results) if count else None
        if drawn is not None:
            self.chart.show(drawn)
        else:
            self.chart.clear()
        self.list.value = results_html(question, results)
        self.words.value = (f'<p style="font-size: 1.1em; color: {MUTED_COLOUR}">'
                            f"{html.escape(results_text(question, results))}</p>")
        return results


def typed_answers(text: str = "", *, question: str, kind: str | None = None, sheet=None,
                  options=(), label: str = "", feed=None, parts=("entry", "result"),
                  title: str = "", steps=None) -> TypedAnswers:
    """A :class:`TypedAnswers` box for the run sheet's poll ``question``."""
    return TypedAnswers(text, question=question, kind=kind, sheet=sheet, options=options,
                        label=label, feed=feed, parts=parts, title=title, steps=steps)
