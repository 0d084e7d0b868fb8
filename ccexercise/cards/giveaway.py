"""Does a card's front give its secret away? Key words shared with the hidden reason.

In "Guess what he dislikes" the manager sees the front of the card and
must find the hidden reason on its back. A title such as "The pizza queue"
on a card whose reason is a forty-minute queue defeats the game. This
module finds such hints by a simple, predictable rule, so the kit can warn
about them in every deck, the built-in ones and a trainer's own:

1. the text is split into words: lower case, punctuation dropped,
   endings after an apostrophe too (``"Queue's"`` and ``"queue"`` are one
   word; ``"don't"`` is no key word);
2. short words (fewer than 3 letters) and stop words (``the``, ``she``,
   ``about`` ..., ``customer``, which every card is about, and ``ask`` and
   ``say``, which every customer does) are ignored;
3. each word is cut to a rough stem: a plural ``-s`` / ``-ies``, ``-ing``,
   ``-ed`` and a final ``-e`` come off, and a doubled last letter becomes
   one (``queues``, ``queued`` and ``queue`` are one key word, so are
   ``waiting`` and ``waited``);
4. a front field *gives a hint* when it shares a key word with the secret,
   unless that word is also in the card's context (the setting or the
   customer): a clinic card may well say "clinic".

It is a warning, not a proof: it cannot tell that "cold" and "chilly" mean
the same, and it only points at words. A card it finds nothing on still
deserves a human reading.

>>> sorted(key_words("They queued for forty minutes at the pizza queue!"))
['forty', 'minut', 'pizza', 'queu']
>>> from ccexercise.cards import load_deck
>>> card = load_deck("dislike").by_id("D01")
>>> shared_key_words(card)
{}
"""

from __future__ import annotations

import re

from .model import Card

__all__ = ["STOP_WORDS", "key_words", "shared_key_words", "stem"]

#: Words that never count as a hint: grammar words, "customer" (every card is about one)
#: and "ask" and "say" (what every customer does).
STOP_WORDS = frozenset("""
a about above after again against ago all almost also always am among an and another any
are around as at away back be because been before being below between both but by can
cannot could did do does doing done down during each either else even ever every few for
from get gets got had has have having he her here hers herself him himself his how however
if in into is it its itself just least less let like made make makes many may me might more
most much must my myself near never next no nobody none nor not nothing now of off often on
once one only onto or other others our ours out over own per quite rather really same see
seen she should since so some someone something soon still such than that the their theirs
them themselves then there these they this those though through till to too under until up
upon us very was we well were what whatever when where whether which while who whom whose
why will with within without would yet you your yours yourself
customer customers ask asks asked asking say says said saying
""".split())

MIN_LETTERS = 3  # shorter words are never key words
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def stem(word: str) -> str:
    """A rough stem of one lower-case word, so that plural, -ing and -ed forms meet.

    >>> [stem(w) for w in ("queues", "queued", "queue", "waiting", "waited", "stopped", "fees")]
    ['queu', 'queu', 'queu', 'wait', 'wait', 'stop', 'fee']
    """
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[:-len(ending)]
            break
    if word.endswith("e") and not word.endswith("ee") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    return word


def _words(text: str) -> list[tuple[str, str]]:
    """(stem, word as written) for every key word of ``text``, in order."""
    out = []
    for word in _WORD.findall(str(text).replace("’", "'").lower()):
        word, _apostrophe, ending = word.partition("'")
        if ending == "t" or ending.endswith("'t"):  # don't, won't, isn't: grammar words
            continue
        if len(word) >= MIN_LETTERS and word not in STOP_WORDS:
            out.append((stem(word), word))
    return out


def key_words(text) -> frozenset[str]:
    """The stems of the key words of ``text`` (a list of texts counts as one text).

    >>> sorted(key_words("Paying the new monthly fee"))
    ['fee', 'monthly', 'new', 'pay']
    """
    if isinstance(text, (list, tuple)):
        text = " ".join(str(t) for t in text)
    return frozenset(s for s, _w in _words(text))


def shared_key_words(card: Card) -> dict[str, tuple[str, ...]]:
    """Each front field of ``card`` that shares key words with its secret, and those words.

    The words are given as the front field writes them. Words that are also
    in the card's context fields (for a dislike card: the setting and the
    customer) do not count, and the context fields themselves are not
    checked; nor are fields with a fixed list of values (the difficulty).
    A card type with no secret has nothing to give away: the result is ``{}``.

    >>> from ccexercise.cards import Card
    >>> card = Card("dislike", {"id": "X1", "title": "The long queue", "setting": "clinic",
    ...     "persona": "A father", "arrival": "He asks where the clinic's queue ends",
    ...     "difficulty": "easy", "hidden_reason": "The clinic queue took an hour",
    ...     "category": "waiting", "may_say": (), "signals": (), "debrief": ()})
    >>> shared_key_words(card)
    {'title': ('queue',), 'arrival': ('queue',)}
    """
    if not isinstance(card, Card):
        raise TypeError(f"card must be a Card, got {card!r} (a {type(card).__name__})")
    kind = card.card_kind
    if not kind.secret:
        return {}
    secret = key_words(card.values[kind.secret])
    context = set()
    for name in kind.context:
        context |= key_words(card.values[name])
    found = {}
    for f in kind.front_fields:
        if f.name in kind.context or f.allowed:
            continue
        value = card.values[f.name]
        text = " ".join(value) if isinstance(value, tuple) else str(value)
        shared, seen = [], set()
        for word_stem, word in _words(text):
            if word_stem in secret and word_stem not in context and word_stem not in seen:
                seen.add(word_stem)
                shared.append(word)
        if shared:
            found[f.name] = tuple(shared)
    return found
