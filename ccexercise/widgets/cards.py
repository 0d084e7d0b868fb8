"""The "Guess what he dislikes" dealer: deal a case, time the round, mark it, debrief.

A round, as the facilitator runs it:

1. **Deal a card.** The screen shows the *manager view*: what a manager
   would see (the title, the setting, the customer and what they do as
   they come in) and the difficulty. The hidden reason is not in any
   widget on the page at this point, so a projector cannot show it, and
   the built-in fronts share no key word with their reasons (a trainer's
   own deck is checked the same way: :func:`~ccexercise.cards.card_warnings`).
2. The player who acts the customer reads the card. To show it on this
   screen, click **Customer's card** and confirm that the projector is off
   or turned away (a deliberate second click); **Hide** goes back, and so
   does every new deal.
3. The round runs on the timer. The manager's guess goes in the text box;
   the facilitator marks it *found*, *partly* or *missed*.
4. **Reveal** shows the reason and the signals; the facilitator ticks the
   signals the manager noticed and clicks **Save round**. The round is
   written to the log file at once (a kernel restart loses nothing; a new
   dealer on the same file carries on and never deals those cards again).
5. The score and the debrief (which kinds of reason were found most and
   least often, which signals were missed) update after every round.

>>> import tempfile, pathlib
>>> log = pathlib.Path(tempfile.mkdtemp()) / "rounds.csv"
>>> w = CaseCardDealer(seed=1, log_path=log)
>>> w.deal_button.click()
>>> w.card.hidden_reason in w.card_view.value
False
>>> w.guess.value = "the queue"
>>> w.outcome.value = "found"
>>> w.reveal_button.click()
>>> w.card.hidden_reason in w.card_view.value
True
>>> w.save_button.click()
>>> w.round_log.results[0].outcome, "Score: 1</b> out of 1 round" in w.score.value
('found', True)
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

import ipywidgets as widgets

from ..cards import Dealer, RoundLog, RoundResult, debrief_summary, default_log_path, load_deck
from ..views.cards import card_html, debrief_chart
from .charts import ChartImage
from .style import BUTTON_LAYOUT, BUTTON_STYLE, CONTROL_STYLE, MUTED_COLOUR, TEXT_COLOUR
from .workshop import Timer

__all__ = ["CaseCardDealer", "default_log_path"]

OUTCOME_LABELS = (("Found", "found"), ("Partly found", "partly"), ("Missed", "missed"))


def _button(description, icon, tooltip, style="", **kwargs):
    return widgets.Button(description=description, icon=icon, tooltip=tooltip,
                          button_style=style, layout=dict(BUTTON_LAYOUT),
                          style=dict(BUTTON_STYLE), **kwargs)


def _text(size: float, text: str, colour: str = TEXT_COLOUR) -> str:
    return f'<div style="font-size: {size}em; color: {colour}">{text}</div>'


class CaseCardDealer(widgets.VBox):
    """The dealer for "Guess what he dislikes" (see the module docstring for a round).

    ``deck`` is a built-in deck name, a trainer's file or a loaded deck;
    ``seed`` fixes the deal order; ``round_minutes`` sets the timer;
    ``log_path`` is the CSV the rounds are saved to (default: today's file
    in the working folder, see :func:`~ccexercise.cards.default_log_path`);
    ``clock`` (default: the computer's) dates that file and stamps each round.
    """

    def __init__(self, deck="dislike", *, seed: int | None = None, round_minutes: float = 5,
                 log_path=None, clock: Callable[[], datetime] = datetime.now,
                 **kwargs) -> None:
        self.deck = deck if hasattr(deck, "cards") else load_deck(deck)
        if self.deck.kind != "dislike":
            raise ValueError(f"deck must hold 'Guess what he dislikes' cards, got a deck of "
                             f"{self.deck.kind!r} cards")
        if log_path is None:
            log_path = default_log_path(clock=clock)
        self.round_log = RoundLog(log_path, clock=clock)
        self.dealer = Dealer(self.deck, seed=seed, skip={r.card_id for r in self.round_log.results})
        self.card = None
        self.revealed = False
        self.showing_customer = False

        self.status = widgets.HTML()
        self.card_view = widgets.HTML(layout={"width": "100%"})
        self.deal_button = _button("Deal a card", "clone", "Deal the next case", "primary")
        self.customer_button = _button("Customer's card", "eye",
                                       "Show the hidden reason to the customer player")
        self.confirm = widgets.HTML()
        self.confirm_button = _button("Yes, show it", "check", "The projector is off", "warning")
        self.cancel_button = _button("Cancel", "times", "Keep the reason hidden")
        self.confirm_box = widgets.HBox([self.confirm, self.confirm_button, self.cancel_button],
                                        layout={"display": "none", "flex_flow": "row wrap"})
        self.hide_button = _button("Hide", "eye-slash", "Back to the manager view", "danger")
        self.timer = Timer(round_minutes)
        self.guess = widgets.Textarea(placeholder="The manager's guess",
                                      layout={"width": "100%", "height": "4em"})
        self.outcome = widgets.ToggleButtons(options=OUTCOME_LABELS, value=None,
                                             description="Verdict:",
                                             style={"button_width": "9em"})
        self.reveal_button = _button("Reveal", "lightbulb-o", "Show the reason and the signals",
                                     "info")
        self.signals = widgets.VBox()
        self.save_button = _button("Save round", "save", "Write this round to the log",
                                   "success")
        self.score = widgets.HTML()
        self.summary = widgets.HTML()
        self.chart = ChartImage()

        self.deal_button.on_click(lambda _b: self.deal())
        self.customer_button.on_click(lambda _b: self._ask_to_show())
        self.confirm_button.on_click(lambda _b: self.show_customer_view())
        self.cancel_button.on_click(lambda _b: self.show_manager_view())
        self.hide_button.on_click(lambda _b: self.show_manager_view())
        self.reveal_button.on_click(lambda _b: self.reveal())
        self.save_button.on_click(lambda _b: self.save())
        self.outcome.observe(lambda _c: self._render_controls(), names="value")

        row = {"flex_flow": "row wrap", "align_items": "center"}
        kwargs.setdefault("layout", {"width": "100%", "padding": "0.5em 1em"})
        super().__init__(children=[
            self.status,
            widgets.HBox([self.deal_button, self.customer_button, self.hide_button], layout=row),
            self.confirm_box, self.card_view, self.timer, self.guess, self.outcome,
            widgets.HBox([self.reveal_button, self.save_button], layout=row),
            self.signals, self.score, self.summary, self.chart], **kwargs)
        self._render()

    # -- actions ------------------------------------------------------------
    def deal(self) -> None:
        """Deal the next card in the manager view; nothing happens once the deck is used up."""
        if self.card is not None and self.revealed:
            return  # save the revealed round first
        if not self.dealer.remaining:
            self.status.value = _text(1.2, "Every card has been played in this session.",
                                      MUTED_COLOUR)
            return
        self.card = self.dealer.deal()
        self.revealed = False
        self.showing_customer = False
        self.guess.value = ""
        self.outcome.value = None
        self.signals.children = ()
        self.timer.reset()
        self._render()

    def _ask_to_show(self) -> None:
        if self.card is None or self.revealed:
            return
        self.confirm.value = _text(1.2, "<b>Is the projector off or turned away?</b>")
        self.confirm_box.layout.display = "flex"

    def show_customer_view(self) -> None:
        """Show the whole card, hidden reason included (for the customer player's eyes)."""
        if self.card is None:
            return
        self.showing_customer = True
        self._render()

    def show_manager_view(self) -> None:
        """Show only what the manager may see."""
        self.showing_customer = False
        self._render()

    def reveal(self) -> None:
        """End the round: show the reason and tick boxes for the signals."""
        if self.card is None or self.outcome.value is None or self.revealed:
            return
        self.revealed = True
        self.showing_customer = False
        self.timer.pause()
        self.signals.children = [widgets.Checkbox(value=False, description=s, indent=False,
                                                  layout={"width": "auto"},
                                                  style=CONTROL_STYLE)
                                 for s in self.card.signals]
        self._render()

    def save(self) -> None:
        """Write the revealed round to the log and update the score and the debrief."""
        if self.card is None or not self.revealed:
            return
        ticks = {box.description: box.value for box in self.signals.children}
        self.round_log.add(RoundResult(
            round=len(self.round_log.results) + 1, card_id=self.card.id, title=self.card.title,
            category=self.card.category, guess=self.guess.value.strip(),
            outcome=self.outcome.value,
            signals_noticed=tuple(s for s in self.card.signals if ticks.get(s)),
            signals_missed=tuple(s for s in self.card.signals if not ticks.get(s))))
        self.card, self.revealed = None, False
        self.signals.children = ()
        self.outcome.value = None
        self.guess.value = ""
        self._render()

    # -- display --------------------------------------------------------------
    def _render(self) -> None:
        played = len(self.round_log.results)
        self.status.value = _text(1.2, f"Round {played + (self.card is not None)} · "
                                       f"{self.dealer.remaining} cards left in the deck",
                                  MUTED_COLOUR)
        if self.card is None:
            self.card_view.value = _text(1.4, "Deal a card to start a round.", MUTED_COLOUR)
        elif self.revealed:
            self.card_view.value = card_html(self.card, "both", heading="Revealed")
        elif self.showing_customer:
            self.card_view.value = card_html(self.card, "both",
                                             heading="Customer's card: keep it off the projector")
        else:
            self.card_view.value = card_html(self.card, "front", heading="Manager view")
        self.confirm_box.layout.display = "none"
        summary = debrief_summary(self.round_log.results)
        rounds = f"{summary.rounds} round{'s' if summary.rounds != 1 else ''}"
        self.score.value = _text(1.6, f"<b>Score: {summary.score:g}</b> out of {rounds}"
                                 if summary.rounds else "Score: no rounds yet")
        self.summary.value = "".join(_text(1.2, html.escape(line))
                                     for line in str(summary).splitlines()[1:])
        if summary.rounds:
            self.chart.show(debrief_chart(summary))
        else:
            self.chart.clear()
        self._render_controls()

    def _render_controls(self) -> None:
        dealt = self.card is not None
        self.deal_button.disabled = dealt and self.revealed or not self.dealer.remaining
        self.customer_button.disabled = not dealt or self.revealed or self.showing_customer
        self.hide_button.layout.display = "inline-flex" if self.showing_customer else "none"
        self.guess.disabled = not dealt or self.revealed
        self.outcome.disabled = not dealt or self.revealed
        self.reveal_button.disabled = not dealt or self.revealed or self.outcome.value is None
        self.save_button.disabled = not self.revealed
