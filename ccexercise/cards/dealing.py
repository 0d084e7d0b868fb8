"""Dealing cards in a session, recording each round, and the debrief.

A :class:`Dealer` deals a deck in a seeded random order and never deals a
card twice in a session. Each "Guess what he dislikes" round ends in a
:class:`RoundResult` (the manager's guess, found / partly / missed, which
signals the manager noticed); a :class:`RoundLog` appends each result to
a CSV file the moment it is marked, so a kernel restart loses nothing, and
:func:`debrief_summary` turns the rounds into the end-of-session debrief.

>>> dealer = Dealer(["A", "B", "C"], seed=4)
>>> [dealer.deal() for _ in range(3)]
['C', 'B', 'A']
>>> dealer.deal()
Traceback (most recent call last):
    ...
ValueError: all 3 cards have been dealt in this session; start a new session to deal again
"""

from __future__ import annotations

import csv
import io
import os
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path

from .._files import FileProblem, TrainerFileError, read_text

__all__ = [
    "Dealer",
    "DebriefSummary",
    "OUTCOMES",
    "RoundLog",
    "RoundLogError",
    "RoundResult",
    "deal_order",
    "debrief_summary",
    "default_log_path",
]

#: What the facilitator marks at the end of a round, and the points each earns.
OUTCOMES = {"found": 1.0, "partly": 0.5, "missed": 0.0}


def _check_seed(seed) -> None:
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
        raise TypeError(f"seed must be a whole number or None, got {seed!r} "
                        f"(a {type(seed).__name__})")


def deal_order(cards: Sequence, *, seed: int | None = None) -> list:
    """The cards in the order a dealer with this ``seed`` deals them (a new list).

    >>> deal_order(["A", "B", "C", "D"], seed=1)
    ['D', 'A', 'C', 'B']
    """
    _check_seed(seed)
    order = list(cards)
    random.Random(seed).shuffle(order)
    return order


class Dealer:
    """Deals ``cards`` one at a time in a seeded random order, never the same card twice.

    ``skip`` is a collection of card ids (or cards) already played in this
    session, for example read back from a :class:`RoundLog` after a
    restart; they are not dealt again.
    """

    def __init__(self, cards: Sequence, *, seed: int | None = None, skip=()) -> None:
        if isinstance(cards, (str, bytes)) or not hasattr(cards, "__iter__"):
            raise TypeError(f"cards must be a deck or a list of cards, got {cards!r} "
                            f"(a {type(cards).__name__})")
        self.cards = list(cards)
        self.seed = seed
        skipped = set(skip)
        self._order = [c for c in deal_order(self.cards, seed=seed)
                       if c not in skipped and getattr(c, "id", c) not in skipped]
        self._position = 0

    @property
    def remaining(self) -> int:
        """How many cards are still to be dealt."""
        return len(self._order) - self._position

    @property
    def dealt(self) -> list:
        """The cards dealt so far, in order."""
        return self._order[:self._position]

    def deal(self):
        """The next card; ``ValueError`` once every card has been dealt."""
        if not self.remaining:
            raise ValueError(f"all {len(self.cards)} cards have been dealt in this session; "
                             "start a new session to deal again")
        card = self._order[self._position]
        self._position += 1
        return card


@dataclass(frozen=True)
class RoundResult:
    """One played round: which card, the manager's guess, the outcome and the signals.

    ``signals_noticed`` and ``signals_missed`` are the card's signals split
    by what the facilitator ticked.
    """

    round: int
    card_id: str
    title: str
    category: str
    guess: str
    outcome: str
    signals_noticed: tuple[str, ...] = ()
    signals_missed: tuple[str, ...] = ()
    time: str = ""

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}, "
                             f"got {self.outcome!r}")

    @property
    def points(self) -> float:
        """1 for found, 0.5 for partly found, 0 for missed."""
        return OUTCOMES[self.outcome]


_COLUMNS = [f.name for f in fields(RoundResult)]


def default_log_path(folder=None, *, clock: Callable[[], datetime] = datetime.now) -> Path:
    """The day's round log in ``folder`` (default: the working folder).

    ``clock`` gives the day (tests pass a fixed one).

    >>> default_log_path("/tmp", clock=lambda: datetime(2026, 5, 4, 9, 30)).name
    'case_card_rounds_2026-05-04.csv'
    """
    folder = Path.cwd() if folder is None else Path(folder)
    return folder / f"case_card_rounds_{clock():%Y-%m-%d}.csv"


class RoundLogError(TrainerFileError):
    """A round log with rows that cannot be read; ``problems`` lists every one."""

    what = "round log"


class RoundLog:
    """Round results kept in a CSV file, one row per round, written as it happens.

    Each :meth:`add` appends one row and flushes it to disk at once; a new
    ``RoundLog`` on the same file reads the earlier rounds back. ``clock``
    gives the time stamped on a round that has none (tests pass a fixed one).
    """

    def __init__(self, path, *, clock: Callable[[], datetime] = datetime.now) -> None:
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path must be a file name or a path, got {path!r} "
                            f"(a {type(path).__name__})")
        self.path = Path(path)
        self.clock = clock
        self.results: list[RoundResult] = []
        if self.path.exists() and self.path.stat().st_size:
            source, text = read_text(self.path, what="round log", error=RoundLogError)
            reader = csv.DictReader(io.StringIO(text, newline=""))
            problems = []
            for row in reader:
                row = {k: row.get(k) or "" for k in _COLUMNS}
                for name in ("signals_noticed", "signals_missed"):
                    row[name] = tuple(s for s in row[name].split(" | ") if s)
                try:
                    row["round"] = int(row["round"])
                    self.results.append(RoundResult(**row))
                except ValueError as error:  # say where, rather than drop the round
                    problems.append(FileProblem(source, reader.line_num, "",
                                                f"{error}; fix or remove that row"))
            if problems:
                raise RoundLogError(problems)

    def add(self, result: RoundResult) -> RoundResult:
        """Append ``result`` to the file (stamped with the time) and to :attr:`results`."""
        if not isinstance(result, RoundResult):
            raise TypeError(f"result must be a RoundResult, got {result!r}")
        if not result.time:
            result = RoundResult(**{**asdict(result),
                                    "time": self.clock().isoformat(timespec="seconds")})
        new_file = not self.path.exists() or not self.path.stat().st_size
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=_COLUMNS)
            if new_file:
                writer.writeheader()
            row = asdict(result)
            for name in ("signals_noticed", "signals_missed"):
                row[name] = " | ".join(row[name])
            writer.writerow(row)
            file.flush()
            os.fsync(file.fileno())
        self.results.append(result)
        return result


@dataclass(frozen=True)
class DebriefSummary:
    """The end-of-session debrief: score, categories found most and least, signals missed."""

    rounds: int
    score: float
    by_category: dict[str, float]
    found_most: tuple[str, ...]
    found_least: tuple[str, ...]
    signals_missed: tuple[tuple[str, int], ...]

    def __str__(self) -> str:
        if not self.rounds:
            return "No rounds played yet."
        lines = [f"Score: {self.score:g} out of {self.rounds} rounds"]
        if self.found_most:
            lines.append("Found most often: " + ", ".join(self.found_most))
        if self.found_least and self.found_least != self.found_most:
            lines.append("Found least often: " + ", ".join(self.found_least))
        if self.signals_missed:
            lines.append("Signals missed: " + "; ".join(
                signal + (f" ({n} times)" if n > 1 else "") for signal, n in self.signals_missed))
        return "\n".join(lines)


def debrief_summary(results: Sequence[RoundResult]) -> DebriefSummary:
    """Sum up the rounds: the score, the share found per reason category, missed signals.

    ``by_category`` maps each category played to its average points (1 =
    always found). ``signals_missed`` lists each missed signal with how
    often it was missed, most often first.

    >>> r = [RoundResult(1, "D1", "Fitting room", "waiting", "queue", "found"),
    ...      RoundResult(2, "D2", "Bank fee", "price surprise", "", "missed", (), ("Frowns at the bill",)),
    ...      RoundResult(3, "D3", "Pizza", "waiting", "seat", "partly")]
    >>> s = debrief_summary(r)
    >>> s.score, s.by_category
    (1.5, {'waiting': 0.75, 'price surprise': 0.0})
    >>> print(s)
    Score: 1.5 out of 3 rounds
    Found most often: waiting
    Found least often: price surprise
    Signals missed: Frowns at the bill
    """
    results = list(results)
    for i, result in enumerate(results):
        if not isinstance(result, RoundResult):
            raise TypeError(f"results[{i}] must be a RoundResult, got {result!r}")
    points: dict[str, list[float]] = {}
    missed: dict[str, int] = {}
    for result in results:
        points.setdefault(result.category, []).append(result.points)
        for signal in result.signals_missed:
            missed[signal] = missed.get(signal, 0) + 1
    by_category = {c: sum(p) / len(p) for c, p in points.items()}
    best = max(by_category.values(), default=0.0)
    worst = min(by_category.values(), default=0.0)
    return DebriefSummary(
        rounds=len(results),
        score=sum(r.points for r in results),
        by_category=by_category,
        found_most=tuple(c for c, v in by_category.items() if v == best and v > 0),
        found_least=tuple(c for c, v in by_category.items() if v == worst),
        signals_missed=tuple(sorted(missed.items(), key=lambda item: (-item[1], item[0]))),
    )
