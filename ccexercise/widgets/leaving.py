"""Widgets for why customers leave: the harmful-advice game and the Pareto explorer.
(The typed answers for the room's questions, used on module 02's page, are the room's:
:class:`ccexercise.widgets.room.TypedAnswers`.)

Each only wires controls to :mod:`ccexercise.leaving` and :mod:`ccexercise.views.leaving`;
tests drive them from Python:

>>> game = harmful_advice_game()
>>> game.harmful_button.click()
>>> game.feedback_text.startswith("Right: this advice is harmful.")
True
>>> explorer = pareto_explorer()
>>> explorer.chart.chart.categories[0]
'rude or unhelpful staff'
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from ..leaving import Advice, AdviceFeedback, advice_cards, advice_score, exit_reason_pareto, \
    judge_advice, vital_few
from ..views.leaving import MEASURES, exit_reason_pareto_live_chart, pareto_table_html, \
    pareto_text
from .charts import ChartImage
from .style import BUTTON_LAYOUT, BUTTON_STYLE, CONTROL_LAYOUT, CONTROL_STYLE, MUTED_COLOUR, \
    TEXT_COLOUR

__all__ = ["HarmfulAdviceGame", "ParetoExplorer", "harmful_advice_game", "pareto_explorer"]

_WHO = {"Everyone": None, "Shop staff": "shop staff", "Managers": "manager",
        "The organisation": "organisation"}
_RIGHT_COLOUR, _WRONG_COLOUR = "#005A32", "#8B0000"


def _button(description: str, tooltip: str, style: str = "", icon: str = "") -> widgets.Button:
    return widgets.Button(description=description, tooltip=tooltip, button_style=style,
                          icon=icon, layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))


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
