"""How customer-focused are we? A SOCO-style self-assessment: scoring, team, comparison.

The SOCO scale (selling orientation - customer orientation) comes from
Saxe, R. and Weitz, B. A. (1982), "The SOCO Scale: A Measure of the Customer
Orientation of Salespeople", *Journal of Marketing Research* 19(3), 343-351.
Salespeople rate 24 statements from 1 ("never") to 9 ("always"): 12 describe
customer-oriented behaviour, 12 selling-oriented behaviour, which counts
against the score. The ratings add up to a person's score, and the people's
scores to a team's.

**This is a teaching version, not the validated instrument.** The 24
statements in :data:`SOCO_STATEMENTS` are the course's own, written in plain
words in the spirit of the scale from the example pairs the texts quote. Use
them to start a conversation in a team, not to grade or hire anyone; for
research, use the published scale.

A selling-oriented rating is reversed (``10 - rating``), so every statement
gives 1 to 9 *points*, 9 being the most customer-oriented; a person's score
is the sum, from 24 to 216. 120 is what answering 5 ("sometimes") to
everything gives.

>>> answers = {s.code: 7 if s.orientation == "customer" else 3 for s in SOCO_STATEMENTS}
>>> result = soco_score(answers)
>>> result.score, result.customer_points, result.selling_points
(168, 84, 84)
>>> soco_score({"c01": 12})
Traceback (most recent call last):
    ...
ccexercise.soco.SocoAnswerError: answers has 24 problems: c01 is 12, not on the scale 1 (never) to 9 (always); c02 is missing; ...
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._intervals import GroupDifference, normal_interval
from ._validate import check_whole_number

__all__ = [
    "SCORE_BANDS",
    "SOCO_CODES",
    "SOCO_MIN_TEAM",
    "SOCO_SCALE",
    "SOCO_STATEMENTS",
    "SOCO_THEMES",
    "SocoAnswerError",
    "SocoDifference",
    "SocoScore",
    "SocoStatement",
    "SocoTeam",
    "soco_answer_problems",
    "soco_codes_for",
    "soco_difference",
    "soco_people",
    "soco_points",
    "soco_score",
    "soco_statements_table",
    "soco_team",
]

#: The rating scale: 1 ("never") to 9 ("always").
SOCO_SCALE = (1, 9)
_LABELS = {1: "never", 3: "rarely", 5: "sometimes", 7: "often", 9: "always"}
#: The fewest people whose scores a team view shows (fewer could be recognised).
SOCO_MIN_TEAM = 5
_MIDPOINT = 120


@dataclass(frozen=True)
class SocoStatement:
    """One statement: its ``code``, ``orientation`` (``'customer'`` or ``'selling'``),
    the ``theme`` it shares with its opposite number, and its ``text``."""

    code: str
    orientation: str
    theme: str
    text: str


_PAIRS = (
    ("the customer's goals",
     "I try to help customers reach their own goals.",
     "I see satisfying customers mainly as a way to reach my own sales targets."),
    ("informing, not pushing",
     "I try to win a customer over with information rather than pressure.",
     "I tell a customer an offer will not last, to hurry the decision."),
    ("describing honestly",
     "I describe a product as it is, weak points included.",
     "When I describe a product, I make it sound better than it is."),
    ("disagreeing to help",
     "I am willing to disagree with a customer when it helps them decide better.",
     "I agree with whatever a customer says, to keep the sale going."),
    ("needs first",
     "I find out what a customer needs before I suggest anything.",
     "I decide what to offer before I have heard what the customer needs."),
    ("the right product",
     "I offer what solves the customer's problem, even if it earns me less.",
     "I push what earns me the most, whatever the customer needs."),
    ("listening",
     "I let the customer do most of the talking about what they need.",
     "I do most of the talking in a sales conversation."),
    ("a free choice",
     "I explain the differences between options so the customer can choose.",
     "I steer the customer to one option without showing the others."),
    ("promises",
     "I promise only what I know we can deliver.",
     "I promise what the customer wants to hear, even when I am not sure we can deliver it."),
    ("the right amount",
     "I would rather lose a sale than sell something the customer will regret.",
     "I sell as much as I can, even if the customer buys more than they need."),
    ("after the sale",
     "After the sale I check that what they bought works for the customer.",
     "Once the sale is closed, I move on and do not look back."),
    ("complaints",
     "I treat a complaint as a chance to understand the customer better.",
     "I treat a complaining customer as a nuisance to get rid of quickly."),
)

#: The twelve themes, each with one customer-oriented and one selling-oriented statement.
SOCO_THEMES = tuple(theme for theme, _, _ in _PAIRS)
_BY_CODE = {}
for _k, (_theme, _c, _s) in enumerate(_PAIRS, start=1):
    _BY_CODE[f"c{_k:02d}"] = SocoStatement(f"c{_k:02d}", "customer", _theme, _c)
    _BY_CODE[f"s{_k:02d}"] = SocoStatement(f"s{_k:02d}", "selling", _theme, _s)
#: The order of the form: mixed, so that no statement sits next to its opposite number.
_FORM_ORDER = ("c01", "s03", "c05", "s08", "c02", "s11", "c07", "s01", "c04", "s06", "c10",
               "s02", "c03", "s09", "c12", "s05", "c08", "s04", "c06", "s12", "c11", "s07",
               "c09", "s10")
#: The 24 statements, in the order the form asks them (the course's own wording).
SOCO_STATEMENTS = tuple(_BY_CODE[code] for code in _FORM_ORDER)
#: The statement codes: ``c01``-``c12`` customer-oriented, ``s01``-``s12`` selling-oriented.
SOCO_CODES = tuple(sorted(_BY_CODE))
_CODE_LIKE = re.compile(r"^[cs]\d+$")


def soco_statements_table() -> pd.DataFrame:
    """The 24 statements as a table, numbered in the form's order.

    >>> soco_statements_table().loc[1, ["code", "orientation"]].tolist()
    ['c01', 'customer']
    """
    rows = [(k, s.code, s.orientation, s.theme, s.text)
            for k, s in enumerate(SOCO_STATEMENTS, start=1)]
    return pd.DataFrame(rows, columns=["number", "code", "orientation", "theme",
                                       "statement"]).set_index("number")


def soco_codes_for(texts) -> list[str]:
    """The statement code of each of ``texts`` (a form's statements, as a run sheet lists
    them), compared without case or extra spaces; every text that is not one of the 24 is
    named at once.

    >>> soco_codes_for(["I promise only what I know we can deliver.",
    ...                 "i do most of the talking in a sales conversation."])
    ['c09', 's07']
    >>> soco_codes_for(["I smile a lot."])
    Traceback (most recent call last):
        ...
    ValueError: texts has statements that are not among the course's 24: 'I smile a lot.'
    """
    def key(text):
        return " ".join(str(text).split()).casefold()

    by_text = {key(s.text): s.code for s in SOCO_STATEMENTS}
    texts = list(texts)
    unknown = [t for t in texts if key(t) not in by_text]
    if unknown:
        raise ValueError("texts has statements that are not among the course's 24: "
                         + "; ".join(repr(t) for t in unknown))
    return [by_text[key(t)] for t in texts]


class SocoAnswerError(ValueError):
    """Answers that cannot be scored; ``problems`` lists every one of them."""

    def __init__(self, name: str, problems: list[str]):
        self.problems = list(problems)
        count = len(self.problems)
        super().__init__(f"{name} has {count} problem{'s' if count != 1 else ''}: "
                         + "; ".join(self.problems))


def _rating_problem(code: str, value) -> str | None:
    if value is None or value is Ellipsis or (isinstance(value, float) and math.isnan(value)):
        return f"{code} is missing"
    if isinstance(value, np.generic):
        value = value.item()
    if (isinstance(value, bool) or not isinstance(value, numbers.Real)
            or value != math.floor(value) or not SOCO_SCALE[0] <= value <= SOCO_SCALE[1]):
        return f"{code} is {value!r}, not on the scale 1 (never) to 9 (always)"
    return None


def _as_answers(name: str, answers) -> dict:
    if isinstance(answers, pd.Series):
        return answers.to_dict()
    if not isinstance(answers, Mapping):
        raise TypeError(f"{name} must map statement codes to ratings, such as "
                        f"{{'c01': 7, 's01': 3, ...}}, got {answers!r} "
                        f"(a {type(answers).__name__})")
    return dict(answers)


def soco_answer_problems(answers, *, name: str = "answers") -> list[str]:
    """Every reason ``answers`` (statement code -> rating) cannot be scored, in order.

    Missing statements, ratings off the 1-9 scale and codes that are not one of
    the 24 statements are all listed, so a form can show them at once.

    >>> soco_answer_problems({**{c: 5 for c in SOCO_CODES}, "c03": 0, "x9": 4})
    ['c03 is 0, not on the scale 1 (never) to 9 (always)', "'x9' is not one of the 24 statements (c01-c12, s01-s12)"]
    """
    answers = _as_answers(name, answers)
    problems = [problem for code in SOCO_CODES
                if (problem := _rating_problem(code, answers.get(code))) is not None]
    problems += [f"{code!r} is not one of the 24 statements (c01-c12, s01-s12)"
                 for code in answers if code not in _BY_CODE]
    return problems


def soco_points(code: str, rating) -> int:
    """The points one rating gives: the rating for a customer-oriented statement,
    ``10 - rating`` for a selling-oriented one.

    >>> soco_points("c01", 8), soco_points("s01", 8)
    (8, 2)
    >>> soco_points("s13", 8)
    Traceback (most recent call last):
        ...
    ValueError: code must be one of the 24 statements (c01-c12, s01-s12), got 's13'
    """
    if code not in _BY_CODE:
        raise ValueError(f"code must be one of the 24 statements (c01-c12, s01-s12), "
                         f"got {code!r}")
    rating = check_whole_number("rating", rating, minimum=SOCO_SCALE[0], maximum=SOCO_SCALE[1])
    return rating if _BY_CODE[code].orientation == "customer" else 10 - rating


@dataclass(frozen=True)
class SocoScore:
    """One person's score: ``points`` per statement (1-9, selling ones reversed),
    ``score`` (24-216), and the two halves (12-108 each)."""

    points: dict = field(repr=False)
    score: int
    customer_points: int
    selling_points: int

    @property
    def average(self) -> float:
        """Points per statement, 1 to 9, two decimals."""
        return round(self.score / len(SOCO_CODES), 2)

    def summary(self) -> str:
        """One plain-English sentence."""
        lean = ("leans towards the customer" if self.score > _MIDPOINT else
                "leans towards the sale" if self.score < _MIDPOINT else "sits in the middle")
        return (f"Score {self.score} of 216 ({self.average:.2f} points a statement): "
                f"{self.customer_points} from the customer-oriented statements, "
                f"{self.selling_points} from the selling-oriented ones reversed; "
                f"it {lean} (answering 5 to everything gives {_MIDPOINT}).")

    def _repr_html_(self) -> str:
        return f"<p>{self.summary()}</p>"


def soco_score(answers, *, name: str = "answers") -> SocoScore:
    """Score one person's ``answers``: a dict (or Series) from statement code to rating 1-9.

    Every problem is reported at once in a :class:`SocoAnswerError`.

    >>> soco_score({code: 5 for code in SOCO_CODES}).score
    120
    >>> soco_score([5] * 24)
    Traceback (most recent call last):
        ...
    TypeError: answers must map statement codes to ratings, such as {'c01': 7, 's01': 3, ...}, got [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5] (a list)
    """
    answers = _as_answers(name, answers)
    problems = soco_answer_problems(answers, name=name)
    if problems:
        raise SocoAnswerError(name, problems)
    points = {code: soco_points(code, answers[code]) for code in SOCO_CODES}
    customer = sum(v for k, v in points.items() if k.startswith("c"))
    selling = sum(v for k, v in points.items() if k.startswith("s"))
    return SocoScore(points, customer + selling, customer, selling)


#: The score bands a team chart groups people into (each 24 points wide, the last 25).
SCORE_BANDS = tuple((low, low + 23 if low < 192 else 216) for low in range(24, 216, 24))


@dataclass(frozen=True)
class SocoTeam:
    """A team's scores without names: ``scores`` sorted, and the team's average
    points per ``theme`` (1-9; the lowest is the first thing to work on)."""

    scores: tuple
    themes: pd.Series = field(repr=False)

    @property
    def n(self) -> int:
        """How many people answered."""
        return len(self.scores)

    @property
    def mean(self) -> float:
        """The average score, one decimal."""
        return round(float(np.mean(self.scores)), 1)

    @property
    def sd(self) -> float:
        """The spread of the scores (sample standard deviation), one decimal; 0 for one person."""
        return round(float(np.std(self.scores, ddof=1)), 1) if self.n > 1 else 0.0

    @property
    def weakest_theme(self) -> str:
        """The theme with the fewest average points: where to start."""
        return str(self.themes.idxmin())

    @property
    def band_counts(self) -> tuple[int, ...]:
        """How many people scored in each of :data:`SCORE_BANDS`, in order."""
        return tuple(sum(low <= s <= high for s in self.scores) for low, high in SCORE_BANDS)

    def bands(self) -> pd.DataFrame:
        """How many people scored in each band of 24 points (no names), as a table."""
        rows = [(f"{low}-{high}", low, high, count)
                for (low, high), count in zip(SCORE_BANDS, self.band_counts)]
        return pd.DataFrame(rows, columns=["band", "low", "high", "people"]).set_index("band")

    def summary(self) -> str:
        """One plain-English sentence."""
        return (f"{self.n} {'person' if self.n == 1 else 'people'}: average score "
                f"{self.mean:g} of 216 (lowest {min(self.scores)}, highest {max(self.scores)}); "
                f"the weakest theme is {self.weakest_theme!r} "
                f"({self.themes.min():.1f} points of 9).")

    def _repr_html_(self) -> str:
        return f"<p>{self.summary()}</p>"


def soco_people(answers, *, name: str = "answers") -> list[dict]:
    """One answer dict per person: the rows of a table (only its statement columns and
    unknown statement-like ones such as ``c13``; other columns, such as a name, are
    dropped) or the items of a list.

    >>> import pandas as pd
    >>> soco_people(pd.DataFrame({"name": ["Anna"], "c01": [7]}))
    [{'c01': 7}]
    """
    if isinstance(answers, SocoTeam):
        raise TypeError(f"{name} is already a team (SocoTeam); pass the answers instead")
    if isinstance(answers, pd.DataFrame):
        unknown = [c for c in answers.columns if isinstance(c, str) and _CODE_LIKE.match(c)
                   and c not in _BY_CODE]
        known = [c for c in answers.columns if c in _BY_CODE or c in unknown]
        return answers[known].astype(object).where(answers[known].notna(), None) \
            .to_dict("records")
    if isinstance(answers, (str, bytes, Mapping)) or not hasattr(answers, "__iter__"):
        raise TypeError(f"{name} must be a table with one row per person (a DataFrame with "
                        f"columns c01-c12 and s01-s12) or a list of answer dicts, "
                        f"got {answers!r} (a {type(answers).__name__})")
    return [_as_answers(f"{name}[{k}]", a) for k, a in enumerate(answers)]


def soco_team(answers, *, name: str = "answers") -> SocoTeam:
    """A team's distribution: ``answers`` holds one set of answers per person (a
    DataFrame with columns ``c01``-``s12``, other columns ignored, or a list of dicts).

    Names are never kept: the scores come back sorted. Every bad answer of
    every person is reported at once, person 1 being the first row.

    >>> low = {c: 5 for c in SOCO_CODES}
    >>> team = soco_team([low, {**low, "c05": 9}, {**low, "s05": 1}])
    >>> team.scores, team.mean, team.weakest_theme
    ((120, 124, 124), 122.7, "the customer's goals")
    >>> soco_team([low, {**low, "c05": 10, "s02": None}])
    Traceback (most recent call last):
        ...
    ccexercise.soco.SocoAnswerError: answers has 2 problems: person 2: c05 is 10, not on the scale 1 (never) to 9 (always); person 2: s02 is missing
    """
    people = soco_people(answers, name=name)
    if not people:
        raise ValueError(f"{name} must hold at least one person's answers, got none")
    problems = [f"person {k}: {problem}" for k, person in enumerate(people, start=1)
                for problem in soco_answer_problems(person, name=name)]
    if problems:
        raise SocoAnswerError(name, problems)
    grid = np.array([[soco_points(code, person[code]) for code in SOCO_CODES]
                     for person in people], dtype=float)
    customer, selling = grid[:, :12], grid[:, 12:]  # SOCO_CODES: c01-c12, then s01-s12
    themes = pd.Series(np.round((customer.mean(axis=0) + selling.mean(axis=0)) / 2, 2),
                       index=list(SOCO_THEMES), name="points")
    scores = tuple(sorted(int(total) for total in grid.sum(axis=1)))
    return SocoTeam(scores, themes)


@dataclass(frozen=True)
class SocoDifference(GroupDifference):
    """Two teams' (or before and after) average scores; ``difference`` = first - second."""

    def summary(self) -> str:
        """One plain-English sentence."""
        verdict = ("more than chance would explain" if self.distinguishable
                   else "within the noise: it could be chance")
        return (f"Average {self.first:g} against {self.second:g}: a difference of "
                f"{self.difference:+.1f} points ({self.level * 100:g}% interval "
                f"{self.low:+.1f} to {self.high:+.1f}), {verdict}.")


def _to_team(name: str, group) -> SocoTeam:
    return group if isinstance(group, SocoTeam) else soco_team(group, name=name)


def soco_difference(first, second, *, level: float = 0.95) -> SocoDifference:
    """Compare two teams, or a team before and after training: ``first`` - ``second``.

    Each is a :class:`SocoTeam` or the answers :func:`soco_team` takes, with
    at least two people. The interval is the same normal approximation as
    module 05's NPS comparison (``ccexercise._intervals``): difference ±
    z·SE, the two standard errors adding as squares. The answers are
    anonymous, so before and after are treated as two separate groups. With
    a handful of people it is a rough guide: read "within the noise" as "we
    cannot tell yet".

    >>> a = SocoTeam((150, 160, 170, 180), pd.Series(dtype=float))
    >>> b = SocoTeam((120, 130, 140, 150), pd.Series(dtype=float))
    >>> d = soco_difference(a, b)
    >>> d.difference, d.low, d.high, d.distinguishable
    (30.0, 12.1, 47.9, True)
    >>> soco_difference(a, SocoTeam((120,), pd.Series(dtype=float)))
    Traceback (most recent call last):
        ...
    ValueError: second must hold at least 2 people to compare, got 1
    """
    a, b = _to_team("first", first), _to_team("second", second)
    for label, team in (("first", a), ("second", b)):
        if team.n < 2:
            raise ValueError(f"{label} must hold at least 2 people to compare, got {team.n}")
    mean_a, mean_b = float(np.mean(a.scores)), float(np.mean(b.scores))
    se = math.hypot(float(np.std(a.scores, ddof=1)) / math.sqrt(a.n),
                    float(np.std(b.scores, ddof=1)) / math.sqrt(b.n))
    low, high = normal_interval(mean_a - mean_b, se, level=level)
    return SocoDifference(a.mean, b.mean, round(mean_a - mean_b, 1), low, high, float(level))
