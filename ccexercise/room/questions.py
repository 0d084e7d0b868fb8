"""Room questions: what a run sheet asks the room, and which answers each one takes.

A run sheet step declares its questions with ``Poll`` lines (the format is in
``docs/run-sheets.md``)::

    Poll rating 1-10: How much would you want to come back?
    Poll nps: How likely are you to recommend our shop to a friend?
    Poll choice: Which level of service did you see?
    - Low
    - Standard
    - WOW
    Poll words [felt]: One word for how the customer felt
    Poll anonymous statements 1-9 [soco]: How often do you do this?
    - I help customers reach their own goals.
    - I make a product sound better than it is.

:func:`parse_poll` reads the ``Poll`` line itself; the options are the
``- `` lines under it. A :class:`Question` checks each answer a phone sends
(:meth:`Question.check_answer`) and says in plain words what was wrong.

>>> q = Question.from_poll("Poll rating 1-10: How much would you come back?", id="3.1")
>>> q.kind, q.low, q.high, q.text
('rating', 1, 10, 'How much would you come back?')
>>> q.check_answer(7)
7
>>> q.check_answer(11)
Traceback (most recent call last):
    ...
ValueError: the answer must be a whole number from 1 to 10, got 11
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["ANONYMOUS_MIN", "KINDS", "MAX_TEXT", "MAX_WORDS", "Question", "is_anonymous_poll",
           "parse_poll"]

#: The kinds of question, and what each one asks a phone for.
KINDS = {
    "rating": "a score on a scale (default 1-10); the room's average and spread",
    "nps": "0-10, 'how likely are you to recommend'; promoters, passives, detractors",
    "choice": "one of the listed options",
    "choices": "one or more of the listed options",
    "words": "a word or two, shown as a word cloud",
    "text": "a short sentence, shown as a list (the most given first)",
    "ideas": "an idea the others can upvote; the list is ranked by votes",
    "statements": "a rating (default 1-9) for each listed statement, sent as one form",
}
#: An anonymous question's results (and its forms) show only once this many have answered.
ANONYMOUS_MIN = 5
#: The longest answer, in characters, for ``words`` and for ``text``/``ideas``.
MAX_WORDS = 40
MAX_TEXT = 280
#: The most options a choice question may list, and statements a statements question.
MAX_OPTIONS = 12
MAX_STATEMENTS = 40
#: The widest scale a rating may use (0-100 at most).
_SCALE_LIMIT = 100
_DEFAULT_SCALE = {"rating": (1, 10), "nps": (0, 10), "statements": (1, 9)}

_POLL = re.compile(r"^\**\s*poll\b\s*(?:anonymous\b\s*)?(?P<kind>[a-z]*)\s*(?P<scale>[^:\[]*?)\s*"
                   r"(?:\[(?P<key>[^\]]*)\])?\s*:\**\s*(?P<text>.*)$", re.I)
_SCALE = re.compile(r"^(?P<low>-?\d+)\s*(?:-|–|to|\.\.)\s*(?P<high>-?\d+)$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def is_poll_line(line: str) -> bool:
    """Whether ``line`` starts a question (``Poll ...:``), as a run sheet reader asks.

    >>> is_poll_line("Poll nps: Would you recommend us?"), is_poll_line("Polls are fun")
    (True, False)
    """
    return bool(re.match(r"^\**\s*poll\b", line.strip(), re.I))


def is_anonymous_poll(line: str) -> bool:
    """Whether a ``Poll`` line asks anonymously (``Poll anonymous <kind>: ...``): no name,
    the export keeps no phone for it, and its results wait for :data:`ANONYMOUS_MIN` answers.

    >>> is_anonymous_poll("Poll anonymous rating: How much?"), is_anonymous_poll("Poll nps: Why?")
    (True, False)
    """
    return bool(re.match(r"^\**\s*poll\s+anonymous\b", line.strip(), re.I))


def parse_poll(line: str) -> tuple[str, tuple[int, int] | None, str | None, str]:
    """Read a ``Poll`` line into ``(kind, scale, key, question)``; a ValueError says what
    is wrong in words a trainer can act on.

    >>> parse_poll("Poll rating 0-10 [come-back]: How much would you come back?")
    ('rating', (0, 10), 'come-back', 'How much would you come back?')
    >>> parse_poll("Poll nps: Would you recommend us?")
    ('nps', None, None, 'Would you recommend us?')
    >>> parse_poll("Poll vote: Which one?")
    Traceback (most recent call last):
        ...
    ValueError: 'vote' is not a kind of poll; write one of: rating, nps, choice, choices, words, text, ideas, statements (e.g. 'Poll choice: Which level of service was it?')
    """
    found = _POLL.match(line.strip())
    if not found:
        raise ValueError(f"a poll is written 'Poll <kind>: <question>', got {line.strip()!r}")
    kind = found.group("kind").lower()
    if kind not in KINDS:
        got = f"{kind!r} is not a kind of poll" if kind else "the poll has no kind"
        raise ValueError(f"{got}; write one of: {', '.join(KINDS)} "
                         f"(e.g. 'Poll choice: Which level of service was it?')")
    scale_text, scale = found.group("scale").strip(), None
    if scale_text:
        if kind not in ("rating", "statements"):
            raise ValueError(f"only a rating or statements poll takes a scale, got {scale_text!r} after "
                             f"'Poll {kind}'" + (" (NPS is always 0-10)" if kind == "nps" else ""))
        numbers = _SCALE.match(scale_text)
        if not numbers:
            raise ValueError(f"a rating's scale is written like '1-10', got {scale_text!r}")
        low, high = int(numbers.group("low")), int(numbers.group("high"))
        if not (0 <= low < high <= _SCALE_LIMIT):
            raise ValueError(f"a rating's scale must run from a lower to a higher whole number "
                             f"between 0 and {_SCALE_LIMIT}, got {scale_text!r}")
        scale = (low, high)
    key = found.group("key")
    if key is not None:
        key = key.strip().lower()
        if not _KEY.match(key):
            raise ValueError(f"a poll's name in [brackets] uses letters, digits, '-' and '_' "
                             f"(at most 40), got [{found.group('key')}]")
    text = found.group("text").strip()
    if not text:
        raise ValueError(f"the poll has no question: write it after the colon, "
                         f"e.g. 'Poll {kind}: How did the customer feel?'")
    return kind, scale, key, text


def clean_text(value: str) -> str:
    """``value`` with its spaces tidied (runs of white space made one space, control
    characters dropped, Unicode normalised), as a text answer is stored.

    >>> clean_text("  very\\n  polite \\x00 ")
    'very polite'
    """
    value = unicodedata.normalize("NFC", value)
    value = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C" or ch in "\t\n ")
    return " ".join(value.split())


@dataclass(frozen=True)
class Question:
    """One question put to the room.

    ``id`` names it in the store and in the phones' requests (the run sheet's
    ``[key]``, else ``"<step>.<n>"``); ``kind`` is one of :data:`KINDS`;
    ``text`` the question; ``options`` the choices (choice and choices only);
    ``low``/``high`` the scale (rating and nps only).

    >>> Question("2.1", "choice", "Which level?", options=("Low", "Standard", "WOW"))
    Question(id='2.1', kind='choice', text='Which level?', options=('Low', 'Standard', 'WOW'), low=None, high=None)
    >>> Question("2.1", "choice", "Which level?")
    Traceback (most recent call last):
        ...
    ValueError: a choice poll needs at least two options, as '- ' lines under it; got 0
    """

    id: str
    kind: str
    text: str
    options: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    #: No name, no phone in the export, results only from :data:`ANONYMOUS_MIN` answers.
    anonymous: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise ValueError(f"a question's id must be a non-empty text, got {self.id!r}")
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        if not isinstance(self.text, str) or not self.text.strip():
            raise ValueError(f"the question's text must not be empty, got {self.text!r}")
        object.__setattr__(self, "options", tuple(self.options))
        object.__setattr__(self, "anonymous", bool(self.anonymous))
        if self.kind in ("choice", "choices", "statements"):
            what = "statements" if self.kind == "statements" else "options"
            most = MAX_STATEMENTS if self.kind == "statements" else MAX_OPTIONS
            options = [clean_text(str(o)) for o in self.options]
            if len(options) < 2:
                raise ValueError(f"a {self.kind} poll needs at least two {what}, as '- ' "
                                 f"lines under it; got {len(options)}")
            if len(options) > most:
                raise ValueError(f"a {self.kind} poll takes at most {most} {what}, "
                                 f"got {len(options)}")
            seen = set()
            for option in options:
                if not option or len(option) > MAX_TEXT:
                    raise ValueError(f"an option must be 1 to {MAX_TEXT} characters, "
                                     f"got {option!r}")
                if option.casefold() in seen:
                    raise ValueError(f"option {option!r} is listed twice")
                seen.add(option.casefold())
            object.__setattr__(self, "options", tuple(options))
        elif self.options:
            raise ValueError(f"only choice, choices and statements polls take options; a {self.kind} "
                             f"poll got {list(self.options)}")
        if self.kind in _DEFAULT_SCALE:
            low, high = _DEFAULT_SCALE[self.kind]
            if self.kind in ("rating", "statements"):
                low = low if self.low is None else self.low
                high = high if self.high is None else self.high
            elif (self.low, self.high) not in ((None, None), (0, 10)):
                raise ValueError(f"an NPS question is always 0-10, got {self.low}-{self.high}")
            if not (isinstance(low, int) and isinstance(high, int) and 0 <= low < high
                    <= _SCALE_LIMIT):
                raise ValueError(f"a rating's scale must run from a lower to a higher whole "
                                 f"number between 0 and {_SCALE_LIMIT}, got {low}-{high}")
            object.__setattr__(self, "low", low)
            object.__setattr__(self, "high", high)
        elif self.low is not None or self.high is not None:
            raise ValueError(f"only rating, nps and statements polls have a scale; a {self.kind} poll "
                             f"got {self.low}-{self.high}")

    @classmethod
    def from_poll(cls, line: str, options=(), *, id: str) -> Question:
        """The question a run sheet's ``Poll`` line (and its ``options``) declares; its
        ``[key]``, if any, is the id, else ``id``.

        >>> Question.from_poll("Poll choice [level]: Which level?", ["Low", "WOW"], id="1.1").id
        'level'
        """
        kind, scale, key, text = parse_poll(line)
        low, high = scale if scale else (None, None)
        return cls(key or id, kind, text, tuple(options), low, high,
                   anonymous=is_anonymous_poll(line))

    @property
    def scale(self) -> tuple[int, ...]:
        """Every score a rating, NPS or statements question takes, low to high (empty for
        the others).

        >>> Question("q", "rating", "How much?", low=1, high=5).scale
        (1, 2, 3, 4, 5)
        """
        return tuple(range(self.low, self.high + 1)) if self.low is not None else ()

    @property
    def max_length(self) -> int | None:
        """The longest text answer allowed (None: not a text question)."""
        return {"words": MAX_WORDS, "text": MAX_TEXT, "ideas": MAX_TEXT}.get(self.kind)

    def check_answer(self, value):
        """The answer as stored (an int, an option, a list of options, or tidied text), or a
        ValueError/TypeError whose message a phone can show as it is.

        >>> Question("q", "choices", "Which?", options=("A", "B", "C")).check_answer(["C", "A"])
        ['A', 'C']
        >>> Question("q", "choice", "Which?", options=("A", "B")).check_answer("D")
        Traceback (most recent call last):
            ...
        ValueError: 'D' is not one of the options: A, B
        >>> Question("q", "words", "How did it feel?").check_answer("   ")
        Traceback (most recent call last):
            ...
        ValueError: the answer is empty: write a word or two
        """
        if self.kind == "statements":
            return self._statements(value)
        if self.kind in ("rating", "nps"):
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise TypeError(f"the answer must be a whole number from {self.low} to "
                                f"{self.high}, got {value!r}")
            if isinstance(value, str):
                value = value.strip()
                if not re.fullmatch(r"-?\d+", value):
                    raise ValueError(f"the answer must be a whole number from {self.low} to "
                                     f"{self.high}, got {value!r}")
                value = int(value)
            if isinstance(value, float):
                if not value.is_integer():
                    raise ValueError(f"the answer must be a whole number from {self.low} to "
                                     f"{self.high}, got {value!r}")
                value = int(value)
            if not self.low <= value <= self.high:
                raise ValueError(f"the answer must be a whole number from {self.low} to "
                                 f"{self.high}, got {value!r}")
            return value
        if self.kind == "choice":
            return self._option(value)
        if self.kind == "choices":
            if isinstance(value, str) or not isinstance(value, (list, tuple)):
                raise TypeError(f"the answer must be a list of options, got {value!r}")
            chosen = {self._option(v) for v in value}
            if not chosen:
                raise ValueError("choose at least one option")
            return [option for option in self.options if option in chosen]
        if not isinstance(value, str):
            raise TypeError(f"the answer must be text, got {value!r}")
        text = clean_text(value)
        if not text:
            raise ValueError("the answer is empty: write " +
                             ("a word or two" if self.kind == "words" else "a few words"))
        if len(text) > self.max_length:
            raise ValueError(f"the answer is {len(text)} characters long; at most "
                             f"{self.max_length} are allowed")
        return text

    def _statements(self, value) -> list[int]:
        """One whole number on the scale per statement; every problem named at once.

        >>> q = Question("s", "statements", "How often?", options=("A", "B", "C"))
        >>> q.check_answer([9, 1, "5"])
        [9, 1, 5]
        >>> q.check_answer([9, None, 12])
        Traceback (most recent call last):
            ...
        ValueError: statement 2 has no answer; statement 3 must be a whole number from 1 to 9, got 12
        """
        count = len(self.options)
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
            raise TypeError(f"the answer must be a list of {count} ratings, one per "
                            f"statement, got {value!r}")
        if len(value) != count:
            raise ValueError(f"the answer must hold {count} ratings, one per statement, "
                             f"got {len(value)}")
        out, problems = [], []
        for n, rating in enumerate(value, start=1):
            if rating is None or rating == "":
                problems.append(f"statement {n} has no answer")
                continue
            if isinstance(rating, str) and re.fullmatch(r"\s*-?\d+\s*", rating):
                rating = int(rating)
            if isinstance(rating, float) and rating.is_integer():
                rating = int(rating)
            if (isinstance(rating, bool) or not isinstance(rating, int)
                    or not self.low <= rating <= self.high):
                problems.append(f"statement {n} must be a whole number from {self.low} to "
                                f"{self.high}, got {rating!r}")
                continue
            out.append(rating)
        if problems:
            raise ValueError("; ".join(problems))
        return out

    def _option(self, value) -> str:
        if not isinstance(value, str):
            raise TypeError(f"the answer must be one of the options, got {value!r}")
        for option in self.options:
            if clean_text(value).casefold() == option.casefold():
                return option
        raise ValueError(f"{value!r} is not one of the options: {', '.join(self.options)}")

    def to_dict(self) -> dict:
        """The question as JSON-ready data, as the room server sends it to phones.

        >>> Question("q", "nps", "Recommend us?").to_dict()
        {'id': 'q', 'kind': 'nps', 'text': 'Recommend us?', 'options': [], 'low': 0, 'high': 10, 'max_length': None, 'anonymous': False}
        """
        return {"id": self.id, "kind": self.kind, "text": self.text,
                "options": list(self.options), "low": self.low, "high": self.high,
                "max_length": self.max_length, "anonymous": self.anonymous}
