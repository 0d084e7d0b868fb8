"""Runners for the other four role-play games: draw cards, split the room, keep time.

Each runner deals from its built-in deck (or a trainer's own) with a
:class:`~ccexercise.cards.Dealer`, so no card comes up twice in a session,
and reuses the workshop :class:`~ccexercise.widgets.Timer` and
:func:`~ccexercise.workshop.split_into_teams`.

- :class:`YesAndRunner`: a random odd situation for the pairs, 3-5 minutes.
- :class:`ExplainRunner`: a listener x product pair to explain.
- :class:`VocabularyRunner`: each team draws a profession; 5-10 minutes.
- :class:`SmallTalkRunner`: the room in pairs, a technique for each pair.

>>> w = YesAndRunner(seed=2)
>>> w.draw_button.click()
>>> w.card.title in w.card_view.value, w.timer.clock_text
(True, '04:00')
>>> w.minutes.value = 3
>>> w.timer.clock_text
'03:00'
"""

from __future__ import annotations

import html
import itertools

import ipywidgets as widgets

from ..cards import Dealer, load_deck
from ..views.cards import card_html
from ..workshop import split_into_teams
from .style import BUTTON_LAYOUT, BUTTON_STYLE, CONTROL_STYLE, MUTED_COLOUR, TEXT_COLOUR
from .workshop import Timer

__all__ = ["ExplainRunner", "SmallTalkRunner", "VocabularyRunner", "YesAndRunner"]


def _deck(deck, kind: str):
    loaded = deck if hasattr(deck, "cards") else load_deck(deck)
    if loaded.kind != kind:
        raise ValueError(f"deck must hold {kind!r} cards, got a deck of {loaded.kind!r} cards")
    return loaded


def _names(text: str) -> list[str]:
    """Names typed one a line or separated by commas; blanks dropped."""
    return [n.strip() for n in text.replace(",", "\n").splitlines() if n.strip()]


class _Runner(widgets.VBox):
    """Heading, how-to, a draw button, the cards, a timer with a minutes slider, debrief."""

    draw_label = "Draw"

    def __init__(self, *, title: str, how: str, minutes: float, minutes_range: tuple,
                 debrief: tuple[str, ...], extra=(), **kwargs) -> None:
        self.heading = widgets.HTML(f'<h2 style="font-size: 2.2em; margin: 0.2em 0; '
                                    f'color: {TEXT_COLOUR}">{html.escape(title)}</h2>')
        self.how = widgets.HTML(f'<div style="font-size: 1.3em; color: {TEXT_COLOUR}">'
                                f'{html.escape(how)}</div>')
        self.status = widgets.HTML()
        self.card_view = widgets.HTML(layout={"width": "100%"})
        self.draw_button = widgets.Button(description=self.draw_label, icon="random",
                                          button_style="primary", layout=dict(BUTTON_LAYOUT),
                                          style=dict(BUTTON_STYLE))
        self.again_button = widgets.Button(description="Start again", icon="refresh",
                                           tooltip="A new session: every card can come again",
                                           layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE))
        low, high = minutes_range
        self.minutes = widgets.IntSlider(value=minutes, min=low, max=high, step=1,
                                         description="Minutes", continuous_update=False,
                                         style=CONTROL_STYLE)
        self.timer = Timer(minutes)
        items = "".join(f"<li>{html.escape(q)}</li>" for q in debrief)
        self.debrief = widgets.HTML(f'<div style="font-size: 1.3em; color: {TEXT_COLOUR}">'
                                    f"<b>Afterwards, discuss</b><ol>{items}</ol></div>")
        self.draw_button.on_click(lambda _b: self.draw())
        self.again_button.on_click(lambda _b: self.start_again())
        self.minutes.observe(lambda change: self.timer.reset(change["new"]), names="value")
        kwargs.setdefault("layout", {"width": "100%", "padding": "0.5em 1em"})
        super().__init__(children=[self.heading, self.how, *extra,
                                   widgets.HBox([self.draw_button, self.again_button],
                                                layout={"flex_flow": "row wrap"}),
                                   self.status, self.card_view, self.minutes, self.timer,
                                   self.debrief], **kwargs)
        self._clear()

    def _clear(self) -> None:
        self.status.value = ""
        self.card_view.value = (f'<div style="font-size: 1.3em; color: {MUTED_COLOUR}">'
                                f"Click {self.draw_label} to start.</div>")

    def start_again(self) -> None:
        """Start a new session: a fresh shuffle (the next seed), nothing on the table."""
        seed = self.dealer.seed
        self.dealer = Dealer(self.dealer.cards, seed=None if seed is None else seed + 1)
        self.timer.reset(self.minutes.value)
        self._clear()

    def _left(self, dealer: Dealer, what: str) -> None:
        self.status.value = (f'<div style="font-size: 1.1em; color: {MUTED_COLOUR}">'
                             f"{dealer.remaining} {what} left in this session</div>")

    def _used_up(self, what: str) -> None:
        self.status.value = (f'<div style="font-size: 1.2em; color: {MUTED_COLOUR}">'
                             f"Every {what} has been used in this session.</div>")

    def draw(self) -> None:  # pragma: no cover - every runner has its own
        raise NotImplementedError


class YesAndRunner(_Runner):
    """"Yes, and ...": a random situation for the pairs and a 3-5 minute timer."""

    draw_label = "New situation"

    def __init__(self, deck="yes_and", *, seed: int | None = None, minutes: int = 4,
                 **kwargs) -> None:
        self.dealer = Dealer(_deck(deck, "yes_and"), seed=seed)
        self.card = None
        super().__init__(
            title="Yes, and ...", minutes=minutes, minutes_range=(3, 5),
            how="In pairs, imagine this situation together and agree what to do. Every "
                "turn starts with \"Yes, ...\" and adds \"... and ...\".",
            debrief=("What did you feel?", "What was hard, and what was easy?",
                     "What happens to a conversation when nobody says \"no, but\"?"), **kwargs)

    def draw(self) -> None:
        """Deal the next situation and reset the timer."""
        if not self.dealer.remaining:
            return self._used_up("situation")
        self.card = self.dealer.deal()
        self.card_view.value = card_html(self.card, "front")
        self._left(self.dealer, "situations")
        self.timer.reset(self.minutes.value)


class ExplainRunner(_Runner):
    """Explain to someone who does not understand: a listener x product pair."""

    draw_label = "New pair"

    def __init__(self, personas="explain_personas", products="explain_products", *,
                 seed: int | None = None, minutes: int = 3, **kwargs) -> None:
        pairs = list(itertools.product(_deck(personas, "explain_persona"),
                                       _deck(products, "explain_product")))
        self.dealer = Dealer(pairs, seed=seed)
        self.persona = self.product = None
        super().__init__(
            title="Explain it to someone who does not understand", minutes=minutes,
            minutes_range=(2, 5),
            how="One player sells the product to the listener on the card; the listener "
                "plays that person honestly.",
            debrief=("What made the product clear to this listener?",
                     "Which words did you have to drop?",
                     "Which of your customers is like this listener?"), **kwargs)

    def draw(self) -> None:
        """Deal the next listener x product pair and reset the timer."""
        if not self.dealer.remaining:
            return self._used_up("pair")
        self.persona, self.product = self.dealer.deal()
        self.card_view.value = (
            '<div style="display: flex; gap: 1em; flex-wrap: wrap">'
            + card_html(self.persona, "front", heading="Your listener")
            + card_html(self.product, "front", heading="Your product") + "</div>")
        self._left(self.dealer, "pairs")
        self.timer.reset(self.minutes.value)


class _TeamRunner(_Runner):
    """A runner that splits the names typed in into groups and gives each group a card."""

    def __init__(self, deck, kind: str, *, seed, names, **kwargs) -> None:
        self.dealer = Dealer(_deck(deck, kind), seed=seed)
        self.seed = seed
        self.names = widgets.Textarea(value="\n".join(names), placeholder="One name a line",
                                      description="Names", layout={"width": "30em",
                                                                   "height": "8em"})
        self.groups: list[tuple[list[str], object]] = []
        super().__init__(extra=self._controls(), **kwargs)

    def _controls(self) -> tuple:
        return (self.names,)

    def _group_count(self, people: int) -> int:
        raise NotImplementedError  # pragma: no cover

    def draw(self) -> None:
        """Split the names into groups and deal each group a card."""
        people = _names(self.names.value)
        if not people:
            self.status.value = (f'<div style="font-size: 1.2em; color: {MUTED_COLOUR}">'
                                 "Type the names first, one a line.</div>")
            return
        seed = None if self.seed is None else self.seed + len(self.dealer.dealt)
        teams = split_into_teams(people, self._group_count(len(people)), seed=seed)
        if self.dealer.remaining < len(teams):
            return self._used_up("card")
        self.groups = [(team, self.dealer.deal()) for team in teams]
        self.card_view.value = ('<div style="display: flex; gap: 1em; flex-wrap: wrap">' + "".join(
            card_html(card, "front", heading=", ".join(team)) for team, card in self.groups)
            + "</div>")
        self._left(self.dealer, "cards")
        self.timer.reset(self.minutes.value)


class VocabularyRunner(_TeamRunner):
    """Vocabulary: teams pitch the company's goods in a profession's words; 5-10 minutes."""

    draw_label = "Split and draw"

    def __init__(self, deck="professions", *, names=(), teams: int = 3,
                 seed: int | None = None, minutes: int = 7, **kwargs) -> None:
        self.teams = widgets.IntSlider(value=teams, min=1, max=8, description="Teams",
                                       continuous_update=False)
        super().__init__(
            deck, "profession", seed=seed, names=names, title="Vocabulary", minutes=minutes,
            minutes_range=(5, 10),
            how="Each team writes a short pitch of our goods for its profession, using the "
                "words of that trade, then presents it.",
            debrief=("Which pitch sounded most like the customer's own language?",
                     "Which words of your own trade do customers not understand?"), **kwargs)

    def _controls(self) -> tuple:
        return (self.names, self.teams)

    def _group_count(self, people: int) -> int:
        return min(self.teams.value, people)


class SmallTalkRunner(_TeamRunner):
    """Small talk: the room in pairs (a three if the number is odd), a technique per pair."""

    draw_label = "Pair up and draw"

    def __init__(self, deck="small_talk", *, names=(), seed: int | None = None,
                 minutes: int = 3, **kwargs) -> None:
        super().__init__(
            deck, "small_talk", seed=seed, names=names, title="Small talk", minutes=minutes,
            minutes_range=(2, 5),
            how="Each pair starts a short friendly chat in the situation on its card, "
                "using the technique on the card.",
            debrief=("Which opening made you want to keep talking?",
                     "Which technique felt natural, and which forced?"), **kwargs)

    def _group_count(self, people: int) -> int:
        return max(1, people // 2)
