"""Reading card decks from CSV (or YAML) and checking every card.

A trainer writes cards in a spreadsheet and saves them as CSV, one card a
row; the columns name the card type (see :data:`ccexercise.cards.KINDS`
and ``docs/cards.md``). :func:`load_deck` checks every card and reports
every problem at once, each with the file, line, field and reason, so a
trainer fixes the whole file in one go. A bad card never silently drops
out of a deck: either the whole deck loads, or :class:`CardError` says
what to fix (``errors="report"`` returns the good cards and the problems).

A card can also load with a *warning*: its front (what the manager sees)
shares a key word with its hidden reason, so it may give the game away
(the rule is in :mod:`ccexercise.cards.giveaway`). A deck with warnings
still loads; they are in ``deck.warnings`` and ``ccexercise cards check``
lists them.

>>> deck = load_deck("dislike")
>>> deck.kind, len(deck) >= 30
('dislike', True)
>>> import io
>>> bad = io.StringIO("id,title,situation,first_line\\nY1,Lift,,Yes and\\n")
>>> load_deck(bad)
Traceback (most recent call last):
    ...
ccexercise.cards.loading.CardError: 1 problem in the given file:
  line 2, card 'Y1', field 'situation': is empty; write what the pair imagine together
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .._files import TrainerFileError, read_text, where
from .giveaway import shared_key_words
from .model import KINDS, Card, CardKind, Field

__all__ = ["BUILTIN_DECKS", "CardError", "CardProblem", "Deck", "DeckLoad", "builtin_path",
           "card_warnings", "check_card", "deck_folder", "load_deck"]

#: The module folder under ``data/`` that holds the built-in decks.
FOLDER = "06_guess_what_he_dislikes"

#: Built-in deck names and their files.
BUILTIN_DECKS = {
    "dislike": "dislike.csv",
    "yes_and": "yes_and.csv",
    "explain_personas": "explain_personas.csv",
    "explain_products": "explain_products.csv",
    "professions": "professions.csv",
    "small_talk": "small_talk.csv",
}

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_SPLIT = re.compile(r"\s*(?:\||\r?\n)\s*")


@dataclass(frozen=True)
class CardProblem:
    """One thing wrong with a deck file: where (``file``, ``line``, ``card``, ``field``) and why.

    It reads like every trainer-file problem (:class:`ccexercise._files.FileProblem`),
    with the card's id after the line.

    Its text leaves out the file, which the error's header names (and
    :func:`check_card`'s problems have no file).

    >>> str(CardProblem("mine.csv", 3, "D1", "title", "is empty"))
    "line 3, card 'D1', field 'title': is empty"
    """

    file: str
    line: int
    card: str
    field: str
    reason: str

    def where(self, *, with_file: bool = True) -> str:
        """Where the problem is: file, line, card and field, as far as known."""
        return where(self.file, self.line, with_file=with_file, card=self.card, field=self.field)

    def __str__(self) -> str:
        return f"{self.where(with_file=False) or 'the card'}: {self.reason}"


class CardError(TrainerFileError):
    """A deck has problems; ``.problems`` lists every :class:`CardProblem`."""

    what = "deck"


@dataclass(frozen=True)
class Deck:
    """A checked deck: its ``name``, card ``kind`` and ``cards`` in file order.

    ``warnings`` lists what loads but deserves a look: a front that shares
    a key word with the hidden reason (see :func:`card_warnings`).
    """

    name: str
    kind: str
    cards: tuple[Card, ...]
    warnings: tuple[CardProblem, ...] = field(default=(), compare=False)

    def __len__(self) -> int:
        return len(self.cards)

    def __iter__(self) -> Iterator[Card]:
        return iter(self.cards)

    def __getitem__(self, index):
        return self.cards[index]

    def __repr__(self) -> str:
        return f"Deck({self.name!r}, kind={self.kind!r}, {len(self.cards)} cards)"

    def by_id(self, card_id: str) -> Card:
        """The card with this id."""
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(f"deck {self.name!r} has no card with id {card_id!r}")


@dataclass(frozen=True)
class DeckLoad:
    """What ``load_deck(..., errors="report")`` returns: good cards, every problem and warning."""

    deck: Deck
    problems: tuple[CardProblem, ...]
    warnings: tuple[CardProblem, ...] = ()


def deck_folder() -> Path:
    """The folder that holds the built-in decks."""
    from ..datasets import data_dir

    return data_dir() / FOLDER / "decks"


def builtin_path(name: str) -> Path:
    """The file of the built-in deck ``name``.

    >>> builtin_path("yes_and").name
    'yes_and.csv'
    >>> builtin_path("jokes")
    Traceback (most recent call last):
        ...
    ValueError: deck must be a built-in deck (dislike, yes_and, explain_personas, explain_products, professions, small_talk) or a CSV/YAML file, got 'jokes'
    """
    if name not in BUILTIN_DECKS:
        raise ValueError(f"deck must be a built-in deck ({', '.join(BUILTIN_DECKS)}) "
                         f"or a CSV/YAML file, got {name!r}")
    return deck_folder() / BUILTIN_DECKS[name]


def load_deck(deck, *, errors: str = "raise") -> Deck | DeckLoad:
    """Load and check a deck: a built-in name, a CSV or YAML file, or an open file.

    With ``errors="raise"`` (the default) any problem raises
    :class:`CardError` listing them all; ``errors="report"`` returns a
    :class:`DeckLoad` with the good cards and the problems instead.
    """
    if errors not in ("raise", "report"):
        raise ValueError(f"errors must be 'raise' or 'report', got {errors!r}")
    if isinstance(deck, str) and deck in BUILTIN_DECKS:
        name, path = deck, builtin_path(deck)
    elif isinstance(deck, str) and not re.search(r"[./\\]", deck):
        builtin_path(deck)  # raises the "must be a built-in deck" error
    else:
        path = deck
        name = Path(str(getattr(deck, "name", "deck") if hasattr(deck, "read") else deck)).stem
    source, text = _read(path)
    suffix = Path(source).suffix.lower()
    records = _yaml_records(source, text) if suffix in (".yaml", ".yml") else \
        _csv_records(source, text)
    kind, records, problems = records
    cards, seen, warnings = [], {}, []
    for line, record in records:
        card, card_problems = _check_record(kind, record, line, source, seen)
        problems.extend(card_problems)
        if card is not None:
            cards.append(card)
            warnings.extend(card_warnings(card, file=source, line=line))
    problems.sort(key=lambda p: p.line)
    if problems and errors == "raise":
        raise CardError(problems)
    result = Deck(name, kind.name, tuple(cards), tuple(warnings))
    return DeckLoad(result, tuple(problems), tuple(warnings)) if errors == "report" else result


def card_warnings(card: Card, *, file: str = "", line: int = 0) -> list[CardProblem]:
    """A warning for each front field of ``card`` that shares key words with its hidden reason.

    The manager sees the front, so a word of the reason there gives the
    game away. Words also in the setting or the customer do not count (a
    clinic card may say "clinic"); the rule is in
    :mod:`ccexercise.cards.giveaway`. ``file`` and ``line`` say where the
    card is, for the message.

    >>> card = Card("dislike", {"id": "X1", "title": "The pizza queue", "setting": "pizza place",
    ...     "persona": "A couple", "difficulty": "easy", "category": "waiting",
    ...     "hidden_reason": "They queued for forty minutes at the door",
    ...     "may_say": (), "signals": (), "debrief": ()})
    >>> for warning in card_warnings(card, file="mine.csv", line=7):
    ...     print(warning)
    line 7, card 'X1', field 'title': shares the word 'queue' with the hidden reason; the manager sees this side, so say what a manager would see (where, who, what they do), not what went wrong
    """
    warnings = []
    for name, words in shared_key_words(card).items():
        listed = ", ".join(repr(w) for w in words)
        warnings.append(CardProblem(
            file, line, card.id, name,
            f"shares the word{'s' if len(words) > 1 else ''} {listed} with the hidden reason; "
            "the manager sees this side, so say what a manager would see (where, who, what "
            "they do), not what went wrong"))
    return warnings


def check_card(values, *, kind: str = "dislike") -> list[CardProblem]:
    """Every problem with one card written as a dict (an empty list: the card is good).

    The same checks as :func:`load_deck`, for a card written in Python:
    each value is text in quotes, or for a list field a list of texts.

    >>> check_card({"id": "Y9", "title": "Lift", "situation": "Stuck", "first_line": 5},
    ...            kind="yes_and")
    [CardProblem(file='your card', line=0, card='Y9', field='first_line', reason='must be text in quotes, got 5 (a int)')]
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if not isinstance(values, dict):
        raise TypeError(f"values must be a dict of column name: text, got {values!r} "
                        f"(a {type(values).__name__})")
    card_kind = KINDS[kind]
    card_id = values.get("id") if isinstance(values.get("id"), str) else ""
    problems, record = [], {}
    for name, value in values.items():
        many = name in card_kind.columns and name != "id" and card_kind.field(name).many
        if name not in card_kind.columns:
            reason = (f"is not a field of a {kind!r} card; the fields are "
                      + ", ".join(card_kind.columns))
        elif value is Ellipsis or (isinstance(value, (list, tuple)) and Ellipsis in value):
            reason = "is still ... : replace it with text in quotes"
        elif isinstance(value, str):
            record[name] = value
            continue
        elif many and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            record[name] = list(value)
            continue
        else:
            wanted = "text in quotes, or a list of texts" if many else "text in quotes"
            reason = f"must be {wanted}, got {value!r} (a {type(value).__name__})"
        problems.append(CardProblem("your card", 0, card_id, str(name), reason))
    reported = {p.field for p in problems}
    for name in card_kind.required_columns:
        if name not in values:
            problems.append(CardProblem("your card", 0, card_id, name, "is missing"))
            reported.add(name)
    _card, found = _check_record(card_kind, {c: record.get(c, "") for c in card_kind.columns},
                                 0, "your card", {})
    return problems + [p for p in found if p.field not in reported]


# -- reading ------------------------------------------------------------------

def _read(path) -> tuple[str, str]:
    if not hasattr(path, "read") and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"deck must be a deck name, a file name, a path or an open file, "
                        f"got {path!r} (a {type(path).__name__})")
    return read_text(path, what="deck file", error=_encoding_error)


def _encoding_error(problems) -> CardError:
    return CardError([CardProblem(p.file, p.line or 0, "", p.field, p.reason) for p in problems])


def _kind_for(source: str, columns: list[str], line: int = 1) -> CardKind:
    """The card kind whose columns these are, or a CardError saying what is missing."""
    present = set(columns)
    for kind in KINDS.values():
        if set(kind.required_columns) <= present:
            unknown = [c for c in columns if c not in kind.columns]
            if unknown:
                raise CardError([CardProblem(source, line, "", c, "is not a column of a "
                                             f"{kind.name!r} card; the columns are "
                                             + ", ".join(kind.columns)) for c in unknown])
            return kind
    best = max(KINDS.values(), key=lambda k: (len(set(k.columns) & present), -len(k.columns)))
    missing = [c for c in best.required_columns if c not in present]
    raise CardError([CardProblem(
        source, line, "", "", f"the columns {columns} match no card type; closest is "
        f"{best.name!r} ({best.game}), which also needs {missing}")])


def _csv_records(source: str, text: str):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise CardError([CardProblem(source, 1, "", "", "is empty; the first row must name "
                                     "the columns (copy docs/cards-template.csv)")])
    header = [cell.strip() for cell in rows[0]]
    if len(header) == 1 and ";" in header[0]:
        raise CardError([CardProblem(source, 1, "", "", "uses ';' between values; save it as "
                                     "comma-separated CSV")])
    kind = _kind_for(source, header)
    records, problems = [], []
    line = 1
    for row in rows[1:]:
        line += 1
        start = line
        line += sum(cell.count("\n") for cell in row)  # a cell with line breaks spans lines
        if not any(cell.strip() for cell in row):
            continue  # a blank line between cards holds no card
        if len(row) != len(header):
            problems.append(CardProblem(source, start, row[0].strip() if row else "", "",
                                        f"has {len(row)} cells but the header has "
                                        f"{len(header)}; is a comma inside a cell not quoted?"))
            continue
        records.append((start, dict(zip(header, row))))
    return kind, records, problems


def _yaml_records(source: str, text: str):
    import yaml

    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise CardError([CardProblem(source, mark.line + 1 if mark else 1, "", "",
                                     f"is not valid YAML ({getattr(error, 'problem', error)})")])
    if not isinstance(root, yaml.SequenceNode):
        raise CardError([CardProblem(source, 1, "", "", "must be a YAML list of cards, "
                                     "each starting with '- id: ...'")])
    records, problems, kind = [], [], None
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            problems.append(CardProblem(source, line, "", "", "is not a card (a card is a "
                                        "set of 'field: value' lines)"))
            continue
        record = {}
        for key, value in node.value:
            if isinstance(value, yaml.SequenceNode):
                record[key.value] = [str(item.value) for item in value.value]
            else:
                record[key.value] = "" if value.tag.endswith(":null") else str(value.value)
        if kind is None:
            kind = _kind_for(source, list(record), line)
        else:
            unknown = [c for c in record if c not in kind.columns]
            missing = [c for c in kind.columns if c not in record]  # optional ones are empty
            for c in unknown:
                problems.append(CardProblem(source, line, record.get("id", ""), c,
                                            f"is not a field of a {kind.name!r} card"))
            record.update({c: "" for c in missing})
        records.append((line, record))
    if kind is None:
        raise CardError([CardProblem(source, 1, "", "", "holds no cards")])
    return kind, records, problems


# -- checking -------------------------------------------------------------------

def _items(raw) -> tuple[str, ...]:
    if isinstance(raw, list):
        return tuple(item.strip() for item in raw if item.strip())
    return tuple(item for item in _SPLIT.split(raw.strip()) if item)


def _check_field(f: Field, raw) -> tuple[object, str | None]:
    """The field's value and the reason it is wrong (None when it is right)."""
    if f.many:
        value = _items(raw)
        if not value and f.required:
            return value, f"is empty; write {f.meaning}, separated by '|'"
        if len(value) > f.max_items:
            return value, (f"has {len(value)} items; a printed card has room for "
                           f"{f.max_items}")
        length = sum(len(item) for item in value)
    else:
        value = " ".join(str(raw).split()) if not isinstance(raw, list) else " | ".join(raw)
        if not value and f.required:
            return value, f"is empty; write {f.meaning}"
        length = len(value)
    renamed = dict(f.aliases).get(str(value).lower()) if f.aliases else None
    if renamed:
        value = renamed  # an earlier name of an allowed value
    if f.allowed and value not in f.allowed:
        close = difflib.get_close_matches(str(value).lower(), f.allowed, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return value, f"must be one of {', '.join(f.allowed)}; got {value!r}{hint}"
    if length > f.max_chars:
        return value, (f"is {length} characters long; a printed card has room for "
                       f"{f.max_chars}")
    return value, None


def _check_record(kind: CardKind, record: dict, line: int, source: str, seen: dict):
    card_id = str(record.get("id", "")).strip()
    problems = []
    if not card_id:
        problems.append(CardProblem(source, line, "", "id", "is empty; every card needs an id "
                                    "such as D01"))
    elif not _ID.match(card_id):
        problems.append(CardProblem(source, line, card_id, "id", "may hold only letters, digits, "
                                    f"'-' and '_', got {card_id!r}"))
    elif card_id in seen:
        problems.append(CardProblem(source, line, card_id, "id", f"is used again (first on "
                                    f"line {seen[card_id]}); every card needs its own id"))
    else:
        seen[card_id] = line
    values = {"id": card_id}
    for f in kind.fields:
        value, reason = _check_field(f, record.get(f.name, ""))
        values[f.name] = value
        if reason:
            if f.name == "hidden_reason" and reason.startswith("is empty"):
                reason = ("is empty; the hidden reason is the whole point of the card: "
                          "write what the customer is really unhappy with")
            problems.append(CardProblem(source, line, card_id, f.name, reason))
    if problems:
        return None, problems
    return Card(kind.name, values, source=f"{source}, line {line}"), []
