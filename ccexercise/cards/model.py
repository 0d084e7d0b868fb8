"""What a card holds: the card types of the five role-play games.

Every game has a card type (a :class:`CardKind`): a name, a list of
:class:`Field` s, and which fields go on the card's front (what anyone may
see) and which on its back (what only the player who holds the card may
read). A :class:`Card` is one filled-in card of a kind.

The "Guess what he dislikes" card keeps the customer's reason on the back:
the manager sees only what a manager would see: a neutral title, the
setting, the customer and what they do as they come in. Its ``secret``
is the hidden reason and its ``context`` the setting and the customer,
the words :func:`ccexercise.cards.shared_key_words` allows on the front.

>>> kind = KINDS["dislike"]
>>> [f.name for f in kind.front_fields]
['title', 'setting', 'persona', 'arrival', 'difficulty']
>>> card = Card("dislike", {"id": "D01", "title": "Fitting room", "setting": "clothing shop",
...     "persona": "A woman in her thirties", "may_say": ("Sighs",), "hidden_reason": "No one came",
...     "category": "waiting", "signals": ("Looks at the door",), "debrief": ("What helped?",),
...     "difficulty": "easy"})
>>> card.id, card.hidden_reason, card.signals, card.arrival
('D01', 'No one came', ('Looks at the door',), '')
>>> "No one came" in " ".join(text for _label, text in card.front())
False
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["CATEGORIES", "Card", "CardKind", "DIFFICULTIES", "Field", "KINDS",
           "SMALL_TALK_TECHNIQUES"]

#: Why a customer in "Guess what he dislikes" is unhappy, in broad groups.
CATEGORIES = ("staff attitude", "waiting", "price surprise", "broken promise", "product",
              "environment", "pressure to buy", "poor communication")

#: How hard a card is to play, easiest first.
DIFFICULTIES = ("easy", "medium", "hard")

#: The six small-talk techniques. Decks written with the earlier names
#: "quote the partner" and "positive affirmation" still load: the kit reads
#: them as "recall their words" and "a positive remark".
SMALL_TALK_TECHNIQUES = ("recall their words", "useful information", "an interesting story",
                         "thank", "compliment", "a positive remark")


@dataclass(frozen=True)
class Field:
    """One column of a card type.

    ``many=True`` makes it a list (in a CSV cell, items are separated by
    ``|`` or by line breaks). ``max_chars`` is the most text a printed card
    has room for (for a list: all items together). ``allowed`` restricts
    the value to a few words. ``side`` is ``"front"`` or ``"back"``.
    """

    name: str
    label: str
    meaning: str
    max_chars: int
    many: bool = False
    required: bool = True
    allowed: tuple[str, ...] = ()
    side: str = "front"
    max_items: int = 6
    aliases: tuple[tuple[str, str], ...] = ()  # (old word, its new name) still accepted

    @property
    def empty(self):
        """The value of this field when it is left empty: ``""``, or ``()`` for a list."""
        return () if self.many else ""


@dataclass(frozen=True)
class CardKind:
    """A card type: its name, the game it belongs to, and its fields (after ``id``).

    ``secret`` names the back field the front must not give away (empty:
    the card has no secret); ``context`` the front fields that say where
    and who, whose words the front may share with the secret.
    """

    name: str
    game: str
    fields: tuple[Field, ...]
    secret: str = ""
    context: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        """The CSV columns of this kind, in order: ``id`` then every field."""
        return ["id"] + [f.name for f in self.fields]

    @property
    def required_columns(self) -> list[str]:
        """The columns a deck file must have; an optional field's column may be left out."""
        return ["id"] + [f.name for f in self.fields if f.required]

    @property
    def front_fields(self) -> list[Field]:
        """The fields printed on the front (and shown to everyone)."""
        return [f for f in self.fields if f.side == "front"]

    @property
    def back_fields(self) -> list[Field]:
        """The fields printed on the back (hidden from the other player)."""
        return [f for f in self.fields if f.side == "back"]

    def field(self, name: str) -> Field:
        """The field called ``name``."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


def _title(meaning: str, max_chars: int = 50) -> Field:
    return Field("title", "Title", meaning, max_chars)


KINDS: dict[str, CardKind] = {kind.name: kind for kind in (
    CardKind("dislike", "Guess what he dislikes", (
        _title("a short, neutral name for the case (who the manager sees, never the reason)"),
        Field("setting", "Setting", "where it happens: shop, bank, clinic, taxi, hotel ...", 40),
        Field("persona", "Customer", "who the customer is, in a sentence", 160),
        Field("arrival", "As they come in", "what the customer does or says as they come in: "
              "what the manager sees first", 120, required=False),
        Field("difficulty", "Difficulty", "how hard the reason is to find", 10,
              allowed=DIFFICULTIES),
        Field("hidden_reason", "Hidden reason", "what the customer is really unhappy with; "
              "the customer never says it", 200, side="back"),
        Field("category", "Category", "the kind of reason", 20, allowed=CATEGORIES,
              side="back"),
        Field("may_say", "You may say or show", "remarks and emotions the customer may use",
              200, many=True, side="back", max_items=3),
        Field("signals", "Signals to notice", "signs a sharp manager should pick up", 200,
              many=True, side="back", max_items=3),
        Field("debrief", "Debrief", "questions for the room after the round", 160, many=True,
              side="back", max_items=2),
    ), secret="hidden_reason", context=("setting", "persona")),
    CardKind("yes_and", "Yes, and ...", (
        _title("the odd situation, in a few words"),
        Field("situation", "Situation", "what the pair imagine together", 220),
        Field("first_line", "First line", "an opening line to start the dialogue", 120),
    )),
    CardKind("explain_persona", "Explain to someone who does not understand", (
        _title("who the listener is"),
        Field("description", "Who they are", "what the listener knows and cares about", 200),
        Field("tip", "What helps", "a hint for the explainer", 140),
    )),
    CardKind("explain_product", "Explain to someone who does not understand", (
        _title("the product"),
        Field("description", "What it is", "the product in a sentence", 200),
        Field("tricky_part", "The tricky part", "what is hard to explain", 140),
    )),
    CardKind("profession", "Vocabulary", (
        _title("the profession"),
        Field("terms", "Words of the trade", "terms the team should work into the pitch",
              200, many=True, max_items=8),
        Field("hint", "Hint", "what people in this trade value", 140),
    )),
    CardKind("small_talk", "Small talk", (
        _title("the technique and the place"),
        Field("technique", "Technique", "one of the six small-talk techniques", 40,
              allowed=SMALL_TALK_TECHNIQUES,
              aliases=(("quote the partner", "recall their words"),
                       ("positive affirmation", "a positive remark"))),
        Field("situation", "Situation", "where the chat happens", 120),
        Field("example", "For example", "an opening line that uses the technique", 110),
    )),
)}


@dataclass(frozen=True)
class Card:
    """One card of kind ``kind``; ``values`` maps each column to its text.

    A list field holds a tuple of texts; an optional field left out is
    empty. ``source`` says where the card came from (``"file.csv, line 4"``)
    so a problem can point at it. Fields read as attributes:
    ``card.title``, ``card.hidden_reason``.
    """

    kind: str
    values: Mapping[str, object]
    source: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        kind = KINDS[self.kind]
        values = dict(self.values)
        for f in kind.fields:
            if not f.required:
                values.setdefault(f.name, f.empty)
        missing = [c for c in kind.columns if c not in values]
        if missing:
            raise ValueError(f"values of a {self.kind!r} card lack {missing}")
        object.__setattr__(self, "values", values)

    def __getattr__(self, name: str):
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(f"a {self.__dict__.get('kind')!r} card has no field {name!r}")

    def __hash__(self) -> int:
        return hash((self.kind, self.values["id"]))

    def __repr__(self) -> str:
        return f"Card({self.kind!r}, id={self.id!r}, title={self.title!r})"

    @property
    def card_kind(self) -> CardKind:
        """The :class:`CardKind` of this card."""
        return KINDS[self.kind]

    def _side(self, fields: list[Field]) -> list[tuple[str, object]]:
        return [(f.label, self.values[f.name]) for f in fields
                if self.values[f.name] not in ("", ())]

    def front(self) -> list[tuple[str, object]]:
        """``(label, value)`` pairs for the front, without the title; empty values left out."""
        return self._side([f for f in self.card_kind.front_fields if f.name != "title"])

    def back(self) -> list[tuple[str, object]]:
        """``(label, value)`` pairs for the back; empty values left out."""
        return self._side(self.card_kind.back_fields)
