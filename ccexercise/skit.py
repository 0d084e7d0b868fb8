"""The service-level skit: scene cards, after-skit ratings and a session file.

In the skit workshop three teams each act a shop visit at one service level
(Low, Standard or WOW). Before each skit the "customer" says where they go,
what they buy and what they expect (a :class:`SceneCard`); afterwards they
say how they felt and how much they want to come back, and the room may
add its own ratings (a :class:`SkitRating`). A :class:`RatingSession` writes
every card and rating to a CSV file the moment it is entered, so a closed
tab or a restarted kernel loses nothing, and :func:`compare_skits` puts the
skits side by side for the debrief.

>>> card = SceneCard("Team 1", "Low", place="a shoe shop", purchase="winter boots",
...                  expectation="help to find my size")
>>> rating = SkitRating("Team 1", emotions=["irritated", "disappointed"], come_back=2,
...                     room=[3, 2, 4])
>>> rating.felt_level, rating.room_mean
('Low', 3.0)
>>> compare_skits([card], [rating])[["level", "come_back", "room_mean", "felt_level"]]
       level  come_back  room_mean felt_level
skit                                         
Team 1   Low          2        3.0        Low
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from ._files import read_text
from ._validate import check_text, check_whole_number

__all__ = ["EMOTIONS", "RatingSession", "RejectedLine", "SKIT_LEVELS", "SceneCard",
           "SkitRating", "compare_skits", "default_session_path", "parse_names",
           "parse_scores"]

#: The three service levels a skit can show, from worst to best.
SKIT_LEVELS = ("Low", "Standard", "WOW")

#: The short list of emotions a customer picks from after a skit, each with
#: its tone: -1 negative (Low service), 0 neutral (Standard), +1 positive (WOW).
EMOTIONS = {
    "angry": -1, "irritated": -1, "disappointed": -1, "ignored": -1,
    "indifferent": 0, "calm": 0,
    "pleased": 1, "pleasantly surprised": 1, "grateful": 1, "delighted": 1,
}

#: The columns of a session file, in order.
COLUMNS = ("recorded_at", "kind", "skit", "level", "place", "purchase", "expectation",
           "emotions", "come_back", "room")
_SEP = ";"


def _text(name: str, value, *, allow_empty: bool = False) -> str:
    """One line of text (it becomes one CSV field), stripped."""
    check_text(name, value, allow_empty=allow_empty)
    if "\n" in value or "\r" in value:
        raise ValueError(f"{name} must be one line, got {value!r}")
    return value.strip()


def _level(value) -> str:
    """``value`` as one of SKIT_LEVELS; a ServiceLevel member (LOW, ...) works too."""
    name = getattr(value, "name", value)  # an Enum member such as cc.ServiceLevel.WOW
    if isinstance(name, str):
        for level in SKIT_LEVELS:
            if name.strip().lower() == level.lower():
                return level
    raise ValueError(f"level must be one of {', '.join(SKIT_LEVELS)}, got {value!r}")


def _ratings_1_to_10(name: str, values) -> tuple[int, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"{name} must be a list of whole numbers from 1 to 10, got {values!r} "
                        f"(a {type(values).__name__})")
    return tuple(check_whole_number(f"{name}[{i}]", v, minimum=1, maximum=10)
                 for i, v in enumerate(values))


def parse_names(text: str) -> list[str]:
    r"""The names in pasted text: one per line, or separated by commas or semicolons.

    Spaces around names and empty entries are dropped; the order is kept.

    >>> parse_names("Ann\n  Bo , Cy;\n\nDi")
    ['Ann', 'Bo', 'Cy', 'Di']
    >>> parse_names(["Ann"])
    Traceback (most recent call last):
        ...
    TypeError: text must be text (a str), got ['Ann'] (a list)
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be text (a str), got {text!r} (a {type(text).__name__})")
    return [name.strip() for name in re.split(r"[\n,;]", text) if name.strip()]


def parse_scores(text: str, *, name: str = "room") -> list[int]:
    """Whole-number ratings from 1 to 10 typed as text, separated by commas or spaces.

    >>> parse_scores("7, 8 9")
    [7, 8, 9]
    >>> parse_scores("")
    []
    >>> parse_scores("7, 8.5")
    Traceback (most recent call last):
        ...
    ValueError: room must be whole numbers from 1 to 10 separated by commas, got '8.5' in '7, 8.5'
    """
    if not isinstance(text, str):
        raise TypeError(f"{name} must be text (a str), got {text!r} (a {type(text).__name__})")
    scores = []
    for part in re.split(r"[\s,;]+", text.strip()):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 10:
            raise ValueError(f"{name} must be whole numbers from 1 to 10 separated by commas, "
                             f"got {part!r} in {text!r}")
        scores.append(int(part))
    return scores


@dataclass(frozen=True)
class SceneCard:
    """What the "customer" tells the room before a skit.

    ``skit`` names the skit (usually the team), ``level`` is the service
    level the team will act (``"Low"``, ``"Standard"`` or ``"WOW"``, any
    case), and ``place``, ``purchase`` and ``expectation`` say where the
    customer goes, what they buy and what they expect.

    >>> SceneCard("Team 3", "wow", place="a café", purchase="a cappuccino",
    ...           expectation="a quick coffee").level
    'WOW'
    >>> SceneCard("Team 3", "great", place="a café", purchase="coffee", expectation="speed")
    Traceback (most recent call last):
        ...
    ValueError: level must be one of Low, Standard, WOW, got 'great'
    """

    skit: str
    level: str
    place: str
    purchase: str
    expectation: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "skit", _text("skit", self.skit))
        object.__setattr__(self, "level", _level(self.level))
        for name in ("place", "purchase", "expectation"):
            object.__setattr__(self, name, _text(name, getattr(self, name)))

    def sentence(self) -> str:
        """The customer's introduction, as one sentence for the room.

        >>> SceneCard("Team 1", "Low", "a bakery", "a birthday cake", "it is ready on time").sentence()
        'I go to a bakery to buy a birthday cake. I expect it is ready on time.'
        """
        return f"I go to {self.place} to buy {self.purchase}. I expect {self.expectation}."


@dataclass(frozen=True)
class SkitRating:
    """How a skit felt: the customer's emotions, wish to come back, the room's ratings.

    ``emotions`` are one or more words from :data:`EMOTIONS`;
    ``come_back`` is the customer's wish to come back, a whole number from
    1 (never again) to 10 (can't wait); ``room`` is an optional list of the
    audience's ratings on the same 1 to 10 scale.

    >>> SkitRating("Team 2", emotions=["calm"], come_back=6).felt_level
    'Standard'
    >>> SkitRating("Team 2", emotions=["calm"], come_back=11)
    Traceback (most recent call last):
        ...
    ValueError: come_back must be 10 or less, got 11
    >>> SkitRating("Team 2", emotions=["happy"], come_back=6)
    Traceback (most recent call last):
        ...
    ValueError: emotions[0] must be one of angry, irritated, disappointed, ignored, indifferent, calm, pleased, pleasantly surprised, grateful, delighted, got 'happy'
    """

    skit: str
    emotions: tuple[str, ...]
    come_back: int
    room: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "skit", _text("skit", self.skit))
        emotions = self.emotions
        if isinstance(emotions, str):
            raise TypeError(f"emotions must be a list of words, got one text {emotions!r} "
                            f"(did you mean [{emotions!r}]?)")
        if not isinstance(emotions, Iterable):
            raise TypeError(f"emotions must be a list of words, got {emotions!r} "
                            f"(a {type(emotions).__name__})")
        emotions = tuple(emotions)
        if not emotions:
            raise ValueError("emotions must hold at least one word, got an empty list")
        for i, word in enumerate(emotions):
            if word not in EMOTIONS:
                raise ValueError(f"emotions[{i}] must be one of {', '.join(EMOTIONS)}, "
                                 f"got {word!r}")
        if len(set(emotions)) != len(emotions):
            raise ValueError(f"emotions must not repeat a word, got {list(emotions)!r}")
        object.__setattr__(self, "emotions", emotions)
        if isinstance(self.come_back, float):
            raise TypeError(f"come_back must be a whole number from 1 to 10, got {self.come_back!r}")
        object.__setattr__(self, "come_back",
                           check_whole_number("come_back", self.come_back, minimum=1, maximum=10))
        object.__setattr__(self, "room", _ratings_1_to_10("room", self.room))

    @property
    def mood(self) -> float:
        """The average tone of the emotions, from -1 (all negative) to +1 (all positive)."""
        return sum(EMOTIONS[word] for word in self.emotions) / len(self.emotions)

    @property
    def felt_level(self) -> str:
        """The level the customer felt: Low if the emotions lean negative, WOW if positive."""
        mood = self.mood
        return "Low" if mood < 0 else "WOW" if mood > 0 else "Standard"

    @property
    def room_mean(self) -> float | None:
        """The room's average rating, or ``None`` when the room did not rate."""
        return sum(self.room) / len(self.room) if self.room else None


@dataclass(frozen=True)
class RejectedLine:
    """A line of a session file that could not be read, and why."""

    line: int
    text: str
    reason: str


#: Environment variable naming the folder for session files (default: the working folder).
SESSION_DIR_VAR = "CCEXERCISE_SESSION_DIR"


def default_session_path(folder=None, *, clock: Callable[[], datetime] = datetime.now) -> Path:
    """Today's session file in ``folder``.

    Without ``folder``: the folder named by ``$CCEXERCISE_SESSION_DIR`` if
    set, else the working folder (where the trainer opened the page).

    >>> default_session_path("/tmp", clock=lambda: datetime(2026, 5, 4, 9, 30)).name
    'skit-ratings-2026-05-04.csv'
    """
    if folder is None:
        folder = os.environ.get(SESSION_DIR_VAR) or Path.cwd()
    return Path(folder) / f"skit-ratings-{clock():%Y-%m-%d}.csv"


@dataclass
class RatingSession:
    """Scene cards and ratings of one workshop, kept in a CSV file as they are entered.

    Opening a session on an existing file reloads everything in it; a new
    file is made with the first card or rating. Each
    :meth:`add_scene` and :meth:`add_rating` appends one line and flushes
    it to disk before returning, so a killed kernel loses nothing that was
    entered. Entering a skit's card or rating again replaces it in
    :meth:`comparison` (the file keeps both lines). Lines that cannot be
    read (say, half a line from a power cut) are listed in ``rejected``
    with the reason, never dropped silently. ``clock`` gives the time
    stamped on each line (tests pass a fixed one).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "ratings.csv"
    >>> session = RatingSession(path)
    >>> session.add_rating(SkitRating("Team 1", ["angry"], 1))
    >>> len(RatingSession(path).ratings)
    1
    """

    path: Path
    clock: Callable[[], datetime] = field(default=datetime.now, repr=False)
    scenes: list[SceneCard] = field(default_factory=list, init=False)
    ratings: list[SkitRating] = field(default_factory=list, init=False)
    rejected: list[RejectedLine] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        if not isinstance(self.path, (str, os.PathLike)):
            raise TypeError(f"path must be a file path, got {self.path!r} "
                            f"(a {type(self.path).__name__})")
        self.path = Path(self.path)
        if self.path.exists():
            self._load()

    # -- writing ------------------------------------------------------------
    def add_scene(self, card: SceneCard) -> None:
        """Record a scene card (written to the file at once)."""
        if not isinstance(card, SceneCard):
            raise TypeError(f"card must be a SceneCard, got {card!r} (a {type(card).__name__})")
        self._write_row("scene", card.skit, card.level, card.place, card.purchase,
                        card.expectation, "", "", "")
        self.scenes.append(card)

    def add_rating(self, rating: SkitRating) -> None:
        """Record a rating (written to the file at once)."""
        if not isinstance(rating, SkitRating):
            raise TypeError(f"rating must be a SkitRating, got {rating!r} "
                            f"(a {type(rating).__name__})")
        self._write_row("rating", rating.skit, "", "", "", "", _SEP.join(rating.emotions),
                        str(rating.come_back), _SEP.join(map(str, rating.room)))
        self.ratings.append(rating)

    def _write_row(self, *values: str) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(
            [self.clock().isoformat(timespec="seconds"), *values])
        self._append(buffer.getvalue())

    def _append(self, text: str) -> None:
        # One write of a whole line, flushed and synced: after a crash the
        # file holds every line entered, at worst plus half of the last one.
        # The file (with its header) is made on the first line entered, so
        # opening a page and entering nothing leaves no empty file behind.
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            text = ",".join(COLUMNS) + "\n" + text
        with open(self.path, "a", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())

    # -- reading ------------------------------------------------------------
    def _load(self) -> None:
        text = read_text(self.path, what="skit session file")[1]
        if text and not text.endswith("\n"):
            self._append("\n")  # a half-written last line must not swallow the next one
        lines = text.splitlines()
        if not lines or lines[0].strip() != ",".join(COLUMNS):
            raise ValueError(f"{self.path} is not a skit session file: its first line must be "
                             f"{','.join(COLUMNS)!r}, got {lines[0] if lines else ''!r}")
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            try:
                self._read_row(next(csv.reader([line])))
            except (TypeError, ValueError, StopIteration) as exc:
                self.rejected.append(RejectedLine(number, line, str(exc)))

    def _read_row(self, row: list[str]) -> None:
        if len(row) != len(COLUMNS):
            raise ValueError(f"expected {len(COLUMNS)} values, got {len(row)}")
        values = dict(zip(COLUMNS, row))
        datetime.fromisoformat(values["recorded_at"])
        if values["kind"] == "scene":
            self.scenes.append(SceneCard(values["skit"], values["level"], values["place"],
                                         values["purchase"], values["expectation"]))
        elif values["kind"] == "rating":
            room = [_whole(v) for v in values["room"].split(_SEP) if v.strip()]
            self.ratings.append(SkitRating(values["skit"], values["emotions"].split(_SEP),
                                           _whole(values["come_back"]), room))
        else:
            raise ValueError(f"kind must be 'scene' or 'rating', got {values['kind']!r}")

    def comparison(self) -> pd.DataFrame:
        """:func:`compare_skits` over this session's cards and ratings."""
        return compare_skits(self.scenes, self.ratings)


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"expected a whole number, got {text!r}") from None


COMPARISON_COLUMNS = ("level", "place", "purchase", "expectation", "emotions", "mood",
                      "felt_level", "come_back", "room_mean", "room_count")


def compare_skits(scenes: Iterable[SceneCard], ratings: Iterable[SkitRating]) -> pd.DataFrame:
    """The skits side by side: one row per skit, the latest card and rating of each.

    Rows are ordered by level (Low, Standard, WOW), then by name; a skit
    with a rating but no card has no level and comes last. Columns:
    ``level``, ``place``, ``purchase``, ``expectation`` (from the card),
    ``emotions`` (joined with ", "), ``mood`` (-1 to +1), ``felt_level``,
    ``come_back``, ``room_mean`` and ``room_count`` (from the rating; empty
    when not rated yet).

    >>> low = SkitRating("A", ["angry"], 1, room=[2, 3])
    >>> wow = SkitRating("B", ["delighted", "grateful"], 10)
    >>> table = compare_skits([SceneCard("B", "WOW", "a", "b", "c"),
    ...                        SceneCard("A", "Low", "a", "b", "c")], [low, wow])
    >>> table[["level", "come_back", "room_mean", "room_count"]]
         level  come_back  room_mean  room_count
    skit                                        
    A      Low          1        2.5           2
    B      WOW         10        NaN           0
    """
    cards: dict[str, SceneCard] = {}
    for card in scenes:
        if not isinstance(card, SceneCard):
            raise TypeError(f"scenes must hold SceneCards, got {card!r} (a {type(card).__name__})")
        cards[card.skit] = card
    rated: dict[str, SkitRating] = {}
    for rating in ratings:
        if not isinstance(rating, SkitRating):
            raise TypeError(f"ratings must hold SkitRatings, got {rating!r} "
                            f"(a {type(rating).__name__})")
        rated[rating.skit] = rating
    names = list(dict.fromkeys([*cards, *rated]))
    rows = []
    for name in names:
        card, rating = cards.get(name), rated.get(name)
        rows.append({
            "skit": name,
            "level": card.level if card else None,
            "place": card.place if card else None,
            "purchase": card.purchase if card else None,
            "expectation": card.expectation if card else None,
            "emotions": ", ".join(rating.emotions) if rating else None,
            "mood": rating.mood if rating else float("nan"),
            "felt_level": rating.felt_level if rating else None,
            "come_back": rating.come_back if rating else pd.NA,
            "room_mean": rating.room_mean if rating and rating.room else float("nan"),
            "room_count": len(rating.room) if rating else 0,
        })
    table = pd.DataFrame(rows, columns=["skit", *COMPARISON_COLUMNS])
    order = {level: i for i, level in enumerate(SKIT_LEVELS)}
    table["_order"] = table["level"].map(lambda lv: order.get(lv, len(order)))
    table = table.sort_values(["_order", "skit"], kind="stable").drop(columns="_order")
    table["come_back"] = table["come_back"].astype("Int64")
    table["mood"] = table["mood"].astype(float)
    table["room_mean"] = table["room_mean"].astype(float)
    table["room_count"] = table["room_count"].astype(int)
    return table.set_index("skit")
