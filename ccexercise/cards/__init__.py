"""Card decks for the role-play games: the card types, loading, dealing and printing.

``load_deck("dislike")`` gives the built-in "Guess what he dislikes" deck;
``load_deck("my_cards.csv")`` a trainer's own, checked card by card (and
warned about where a card's front shares a key word with its hidden
reason, see :mod:`ccexercise.cards.giveaway`). A
:class:`Dealer` deals a session without repeats, a :class:`RoundLog` keeps
the results on disk, and :mod:`ccexercise.cards.printing` (loaded on first
use, it needs fpdf2) makes print-ready PDFs.

>>> from ccexercise import cards
>>> deck = cards.load_deck("yes_and")
>>> first = cards.Dealer(deck, seed=1).deal()
>>> first in deck.cards
True
"""

from .dealing import (
    OUTCOMES,
    Dealer,
    DebriefSummary,
    RoundLog,
    RoundResult,
    deal_order,
    debrief_summary,
    default_log_path,
)
from .loading import (
    BUILTIN_DECKS,
    CardError,
    CardProblem,
    Deck,
    DeckLoad,
    builtin_path,
    card_warnings,
    check_card,
    deck_folder,
    load_deck,
)
from .giveaway import key_words, shared_key_words
from .model import CATEGORIES, DIFFICULTIES, KINDS, SMALL_TALK_TECHNIQUES, Card, CardKind, Field

__all__ = [
    "BUILTIN_DECKS",
    "CATEGORIES",
    "Card",
    "CardError",
    "CardKind",
    "CardProblem",
    "DIFFICULTIES",
    "Dealer",
    "DebriefSummary",
    "Deck",
    "DeckLoad",
    "Field",
    "KINDS",
    "OUTCOMES",
    "RoundLog",
    "RoundResult",
    "SMALL_TALK_TECHNIQUES",
    "builtin_path",
    "card_warnings",
    "check_card",
    "deal_order",
    "debrief_summary",
    "deck_folder",
    "default_log_path",
    "key_words",
    "load_deck",
    "shared_key_words",
]
