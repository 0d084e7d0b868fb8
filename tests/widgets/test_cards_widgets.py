"""Tests for the card dealer and the game runners, driven from Python.

The key promise: in the manager view no widget on the page holds the
hidden reason. It is checked on every rendered value of every widget in
the tree, for every built-in card.
"""

import csv
import html
import re
from datetime import datetime

import ipywidgets as widgets
import pytest

from ccexercise.cards import Dealer, key_words, load_deck
from ccexercise.widgets import (
    CaseCardDealer,
    ExplainRunner,
    SmallTalkRunner,
    VocabularyRunner,
    YesAndRunner,
)
from ccexercise.workshop import split_into_teams

DECK = load_deck("dislike")


def rendered_text(widget) -> str:
    """Every text a widget tree shows: values, descriptions, options, placeholders, images."""
    parts = []
    stack = [widget]
    while stack:
        w = stack.pop()
        for name in ("value", "description", "placeholder", "tooltip"):
            value = getattr(w, name, None)
            if isinstance(value, bytes):
                parts.append(value.decode("utf-8", "replace"))
            elif isinstance(value, str):
                parts.append(value)
        for option in getattr(w, "options", ()) or ():
            parts.append(str(option))
        stack.extend(getattr(w, "children", ()) or ())
    return html.unescape("\n".join(parts))  # compare with the card's own text


def shown(widget) -> str:
    """What an HTML widget shows, entities turned back into characters."""
    return html.unescape(widget.value)


@pytest.fixture
def dealer(tmp_path):
    return CaseCardDealer(seed=5, log_path=tmp_path / "rounds.csv")


def play_round(w, outcome, tick=()):
    w.deal_button.click()
    w.guess.value = f"guess for {w.card.id}"
    w.outcome.value = outcome
    w.reveal_button.click()
    for box in w.signals.children:
        box.value = box.description in tick
    card = w.card
    w.save_button.click()
    return card


class TestRoundFile:
    def test_clock_names_the_file_and_stamps_rounds(self, tmp_path, monkeypatch):
        """Without a log path, the clock given names the day's file and stamps each round."""
        monkeypatch.chdir(tmp_path)
        w = CaseCardDealer(seed=1, clock=lambda: datetime(2031, 1, 2, 9, 15))
        assert w.round_log.path == tmp_path / "case_card_rounds_2031-01-02.csv"
        play_round(w, "found")
        assert w.round_log.results[0].time == "2031-01-02T09:15:00"


class TestManagerViewHidesTheReason:
    def test_every_builtin_card(self, tmp_path):
        """Dealt one by one, no card's hidden reason appears anywhere on the page."""
        w = CaseCardDealer(seed=0, log_path=tmp_path / "r.csv")
        seen = []
        for _ in range(len(DECK)):
            w.deal_button.click()
            text = rendered_text(w)
            assert w.card.title in shown(w.card_view)
            assert w.card.hidden_reason not in text, w.card.id
            for signal in w.card.signals:
                assert signal not in text, (w.card.id, signal)
            seen.append(w.card.id)
        assert sorted(seen) == sorted(c.id for c in DECK)

    def test_no_key_word_of_the_reason_in_the_manager_view(self, tmp_path):
        """Dealt one by one, no manager view holds a key word of its card's reason.

        The rule is the deck check's (:mod:`ccexercise.cards.giveaway`): words
        also in the setting or the customer are context and may appear.
        """
        w = CaseCardDealer(seed=0, log_path=tmp_path / "r.csv")
        for _ in range(len(DECK)):
            w.deal_button.click()
            view = re.sub(r"<[^>]+>", " ", shown(w.card_view))
            context = key_words(w.card.setting) | key_words(w.card.persona)
            leaked = (key_words(view) & key_words(w.card.hidden_reason)) - context
            assert not leaked, (w.card.id, sorted(leaked))
            assert w.card.arrival in view

    def test_one_click_does_not_show_it(self, dealer):
        """Customer's card asks first; only the confirm click shows the reason."""
        dealer.deal_button.click()
        dealer.customer_button.click()
        assert dealer.confirm_box.layout.display == "flex"
        assert dealer.card.hidden_reason not in rendered_text(dealer)
        dealer.confirm_button.click()
        assert dealer.card.hidden_reason in shown(dealer.card_view)

    def test_cancel_and_hide(self, dealer):
        """Cancel keeps it hidden; Hide goes back to the manager view."""
        dealer.deal_button.click()
        dealer.customer_button.click()
        dealer.cancel_button.click()
        assert dealer.card.hidden_reason not in rendered_text(dealer)
        dealer.customer_button.click()
        dealer.confirm_button.click()
        dealer.hide_button.click()
        assert dealer.card.hidden_reason not in rendered_text(dealer)

    def test_next_deal_returns_to_manager_view(self, dealer):
        """A new deal never starts in the customer view."""
        dealer.deal_button.click()
        dealer.customer_button.click()
        dealer.confirm_button.click()
        dealer.deal_button.click()
        assert not dealer.showing_customer
        assert dealer.card.hidden_reason not in rendered_text(dealer)


class TestRound:
    def test_deal_order_is_the_dealers(self, dealer):
        """Cards come in the order of a Dealer with the same seed."""
        expected = Dealer(DECK, seed=5)
        for _ in range(3):
            dealer.deal_button.click()
            assert dealer.card.id == expected.deal().id

    def test_reveal_needs_a_verdict(self, dealer):
        """Reveal stays off until found / partly / missed is chosen."""
        dealer.deal_button.click()
        assert dealer.reveal_button.disabled
        dealer.outcome.value = "partly"
        assert not dealer.reveal_button.disabled

    def test_reveal_shows_reason_and_signal_boxes(self, dealer):
        """Reveal shows the reason and one tick box per signal; the timer stops."""
        dealer.deal_button.click()
        dealer.timer.start_button.click()
        dealer.outcome.value = "missed"
        dealer.reveal_button.click()
        assert dealer.card.hidden_reason in shown(dealer.card_view)
        assert [b.description for b in dealer.signals.children] == list(dealer.card.signals)
        assert not dealer.timer.play.playing
        assert dealer.deal_button.disabled and not dealer.save_button.disabled

    def test_round_saved_to_disk_at_once(self, dealer, tmp_path):
        """Save writes the round to the CSV straight away, with the ticked signals."""
        card = play_round(dealer, "partly")
        rows = list(csv.DictReader((tmp_path / "rounds.csv").open(encoding="utf-8")))
        assert len(rows) == 1
        assert (rows[0]["card_id"], rows[0]["outcome"], rows[0]["category"]) == (
            card.id, "partly", card.category)
        assert rows[0]["guess"] == f"guess for {card.id}"

    def test_score_and_debrief_by_hand(self, dealer):
        """found + partly + missed = 1.5 points; missed signals listed in the debrief."""
        first = play_round(dealer, "found", tick=set(DECK.cards[0].signals))
        first_ticked = [s for s in first.signals if s in DECK.cards[0].signals]
        second = play_round(dealer, "partly")
        third = play_round(dealer, "missed")
        assert "Score: 1.5</b> out of 3 rounds" in dealer.score.value
        for signal in second.signals + third.signals:
            assert signal in shown(dealer.summary)
        assert dealer.round_log.results[0].signals_noticed == tuple(first_ticked)
        expected = {}
        for card, points in ((first, 1.0), (second, 0.5), (third, 0.0)):
            expected.setdefault(card.category, []).append(points)
        chart = dealer.chart.chart
        assert list(chart.categories) == list(expected)
        assert list(chart.series[0].values) == [
            round(100 * sum(p) / len(p), 1) for p in expected.values()]

    def test_restart_loses_nothing(self, tmp_path):
        """A new dealer on the same log keeps the score and never deals those cards again."""
        path = tmp_path / "rounds.csv"
        w = CaseCardDealer(seed=1, log_path=path)
        played = {play_round(w, "found").id, play_round(w, "missed").id}
        again = CaseCardDealer(seed=1, log_path=path)
        assert "Score: 1</b> out of 2 rounds" in again.score.value
        dealt = []
        while again.dealer.remaining:
            again.deal_button.click()
            dealt.append(again.card.id)
        assert played.isdisjoint(dealt)
        assert len(dealt) == len(DECK) - 2

    def test_wrong_deck_kind(self, tmp_path):
        """The dealer takes only 'Guess what he dislikes' decks."""
        with pytest.raises(ValueError, match="^deck must hold 'Guess what he dislikes' cards, "
                                             "got a deck of 'yes_and' cards$"):
            CaseCardDealer("yes_and", log_path=tmp_path / "r.csv")


class TestRunners:
    def test_yes_and(self):
        """Each draw is a new situation; the timer follows the 3-5 minute slider."""
        w = YesAndRunner(seed=3)
        expected = Dealer(load_deck("yes_and"), seed=3)
        ids = []
        for _ in range(5):
            w.draw_button.click()
            assert w.card.id == expected.deal().id
            assert w.card.situation in shown(w.card_view)
            ids.append(w.card.id)
        assert len(set(ids)) == 5
        assert (w.minutes.min, w.minutes.max) == (3, 5)
        w.minutes.value = 5
        assert w.timer.clock_text == "05:00"

    def test_explain_pairs_never_repeat(self):
        """Persona x product pairs never repeat and cover every combination."""
        w = ExplainRunner(seed=1)
        size = len(load_deck("explain_personas")) * len(load_deck("explain_products"))
        pairs = set()
        for _ in range(size):
            w.draw_button.click()
            assert w.persona.title in shown(w.card_view) and w.product.title in \
                shown(w.card_view)
            pairs.add((w.persona.id, w.product.id))
        assert len(pairs) == size
        w.draw_button.click()
        assert "Every pair has been used" in shown(w.status)

    def test_vocabulary_teams_get_professions(self):
        """Seven names in three teams (3, 2, 2), each team a different profession."""
        names = ["Ann", "Bo", "Cy", "Di", "Ed", "Fay", "Gus"]
        w = VocabularyRunner(names=names, teams=3, seed=4)
        w.draw_button.click()
        teams = [team for team, _card in w.groups]
        assert teams == split_into_teams(names, 3, seed=4)
        assert [len(t) for t in teams] == [3, 2, 2]
        assert len({card.id for _t, card in w.groups}) == 3
        assert (w.minutes.min, w.minutes.max) == (5, 10)

    def test_small_talk_pairs(self):
        """Five people make two groups (a pair and a three), each with a technique card."""
        w = SmallTalkRunner(names=["Ann", "Bo", "Cy", "Di", "Ed"], seed=2)
        w.draw_button.click()
        assert sorted(len(team) for team, _c in w.groups) == [2, 3]
        for _team, card in w.groups:
            assert card.technique in shown(w.card_view)

    def test_small_talk_with_old_technique_names(self, tmp_path):
        """A trainer's deck with the earlier technique names runs, showing the new names."""
        path = tmp_path / "talk.csv"
        path.write_text("id,title,technique,situation,example\n"
                        "S1,By the lift,quote the partner,By the lift,You said you run\n"
                        "S2,At the till,positive affirmation,At the till,Nice day for it\n",
                        encoding="utf-8")
        w = SmallTalkRunner(path, names=["Ann", "Bo", "Cy", "Di"], seed=1)
        w.draw_button.click()
        text = shown(w.card_view)
        assert "recall their words" in text and "a positive remark" in text
        assert "quote the partner" not in text

    def test_no_names(self):
        """Without names the runner asks for them."""
        w = SmallTalkRunner()
        w.draw_button.click()
        assert "Type the names first" in shown(w.status)
        assert w.groups == []

    def test_names_with_commas(self):
        """Names may be typed with commas too."""
        w = VocabularyRunner(teams=2, seed=1)
        w.names.value = "Ann, Bo\nCy"
        w.draw_button.click()
        assert sorted(n for team, _c in w.groups for n in team) == ["Ann", "Bo", "Cy"]

    def test_runner_is_a_vbox(self):
        """Every runner is a VBox a notebook can display."""
        for runner in (YesAndRunner(), ExplainRunner(), VocabularyRunner(), SmallTalkRunner()):
            assert isinstance(runner, widgets.VBox)

    def test_start_again(self):
        """Start again reshuffles with the next seed and clears the table."""
        w = YesAndRunner(seed=3)
        for _ in range(len(load_deck("yes_and"))):
            w.draw_button.click()
        assert w.dealer.remaining == 0
        w.again_button.click()
        assert w.dealer.remaining == len(load_deck("yes_and"))
        assert "Click New situation to start" in shown(w.card_view)
        w.draw_button.click()
        assert w.card.id == Dealer(load_deck("yes_and"), seed=4).deal().id
