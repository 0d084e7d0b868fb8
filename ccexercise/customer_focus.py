"""What customer focus is: the sorter's verdicts and the principles self-check.

Customer focus, as the course texts define it, is a company's *desire* and
*ability* to *systematically* meet, and sometimes exceed, the expectations
of *its own* customers. It works on two levels:

* **level 1**: tools and actions that find out what customers want and give
  it to them, within what they expect;
* **level 2**: finding needs and problems the customer has not named and
  solving them beyond what they expected, often with extra value that was
  not announced beforehand.

Many things that look like customer focus are not: a one-off promotion,
"we serve everyone", "the customer is always right" at any cost, staff who
are treated badly and told to smile. The sorter asks a learner to place
statements from the texts (:func:`sorter_statements`) and says why
(:func:`sort_statement`).

>>> Verdict.from_text("level 2")
Verdict.LEVEL_2
>>> print(Verdict.NOT)
Not customer focus
>>> Verdict.from_text("maybe")
Traceback (most recent call last):
    ...
ValueError: verdict must be one of 'level 1', 'level 2', 'not customer focus' (or a Verdict), got 'maybe'
"""

from __future__ import annotations

import enum
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ._validate import check_whole_number


__all__ = [
    "PRINCIPLES",
    "PRINCIPLE_SCALE",
    "Principle",
    "PrinciplesProfile",
    "SortResult",
    "Statement",
    "Verdict",
    "principles_profile",
    "sort_statement",
    "sorter_statements",
]

#: The data set the sorter's statements come from (``data/<name>/statements.csv``).
DATASET = "00_what_is_customer_focus"


class Verdict(enum.Enum):
    """Where a statement belongs: customer focus at level 1 or 2, or not customer focus.

    ``label`` is what a room's phones show (``Poll choice`` options in the
    run sheet); ``key`` is the short form used in the data and in answers.

    >>> [v.label for v in Verdict]
    ['Customer focus (level 1)', 'Customer focus (level 2)', 'Not customer focus']
    >>> Verdict.LEVEL_1.key, Verdict.LEVEL_1.meaning
    ('level 1', 'meets what the customer wants, within their expectations')
    """

    LEVEL_1 = "level 1"
    LEVEL_2 = "level 2"
    NOT = "not customer focus"

    @property
    def key(self) -> str:
        """The short form: 'level 1', 'level 2' or 'not customer focus'."""
        return self.value

    @property
    def label(self) -> str:
        """The name as people say it (and as the room's poll lists it)."""
        return _VERDICTS[self][0]

    @property
    def meaning(self) -> str:
        """One line on what the verdict means."""
        return _VERDICTS[self][1]

    @property
    def colour(self) -> str:
        """A colour-blind-safe colour (Okabe-Ito); charts always add the word too."""
        return _VERDICTS[self][2]

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"Verdict.{self.name}"

    @classmethod
    def from_text(cls, value) -> Verdict:
        """The verdict named by ``value``: a :class:`Verdict`, its key or its label.

        Case, spaces and the words "customer focus" around "level N" do not
        matter, so "Level 1", "customer focus (level 1)" and "not" all work.

        >>> Verdict.from_text("Customer focus (level 1)"), Verdict.from_text(" NOT ")
        (Verdict.LEVEL_1, Verdict.NOT)
        >>> Verdict.from_text(2)
        Traceback (most recent call last):
            ...
        TypeError: verdict must be text such as 'level 1' (or a Verdict), got 2 (a int)
        """
        if isinstance(value, Verdict):
            return value
        if not isinstance(value, str):
            raise TypeError("verdict must be text such as 'level 1' (or a Verdict), got "
                            f"{value!r} (a {type(value).__name__})")
        words = " ".join(re.sub(r"[()]", " ", value).lower().split())
        found = _ALIASES.get(words)
        if found is None:
            allowed = ", ".join(repr(v.key) for v in cls)
            raise ValueError(f"verdict must be one of {allowed} (or a Verdict), got {value!r}")
        return found


# label, meaning, colour (Okabe-Ito blue, bluish green, vermillion).
_VERDICTS = {
    Verdict.LEVEL_1: ("Customer focus (level 1)",
                      "meets what the customer wants, within their expectations", "#0072B2"),
    Verdict.LEVEL_2: ("Customer focus (level 2)",
                      "solves needs beyond the customer's expectations, often unannounced",
                      "#009E73"),
    Verdict.NOT: ("Not customer focus", "looks like customer focus, but is not", "#D55E00"),
}
_ALIASES = {
    **{form: Verdict.LEVEL_1 for form in ("level 1", "customer focus level 1", "1")},
    **{form: Verdict.LEVEL_2 for form in ("level 2", "customer focus level 2", "2")},
    **{form: Verdict.NOT for form in ("not customer focus", "not", "not customer-focused")},
}


@dataclass(frozen=True)
class Statement:
    """One statement of the sorter: what happens, where it belongs, and why."""

    id: str
    text: str
    verdict: Verdict
    reason: str
    source: str

    @property
    def poll_name(self) -> str:
        """The name of this statement's poll in the run sheet (``[s01]`` for S01)."""
        return self.id.lower()


def sorter_statements(table=None) -> tuple[Statement, ...]:
    """The sorter's statements, from the bundled data set (or ``table``, a DataFrame
    with the same columns, e.g. a trainer's own file loaded with
    ``cc.datasets.load("00_what_is_customer_focus", path=...)``).

    >>> statements = sorter_statements()
    >>> len(statements), statements[0].id, statements[0].verdict
    (10, 'S01', Verdict.NOT)
    >>> sorter_statements("statements.csv")
    Traceback (most recent call last):
        ...
    TypeError: table must be a pandas DataFrame, got 'statements.csv' (a str)
    """
    from ._validate import check_columns

    if table is None:
        from .datasets import load

        table = load(DATASET)
    columns = ("statement_id", "statement", "verdict", "reason", "source")
    table = check_columns("table", table, columns)
    return tuple(Statement(str(row.statement_id), str(row.statement),
                           Verdict.from_text(row.verdict), str(row.reason), str(row.source))
                 for row in table.itertuples(index=False))


@dataclass(frozen=True)
class SortResult:
    """A learner's verdict on one statement: ``right`` or not, and the feedback.

    ``feedback`` always starts with a word ("Right." or "Not quite."), so
    the verdict never depends on colour alone.
    """

    statement: Statement
    answer: Verdict
    right: bool

    @property
    def explanation(self) -> str:
        """Where the statement belongs, and why."""
        return f"It is {self.statement.verdict.label}. {self.statement.reason}"

    @property
    def feedback(self) -> str:
        """'Right.' or 'Not quite: you chose ...', then the :attr:`explanation`."""
        head = "Right." if self.right else f"Not quite: you chose {self.answer.label}."
        return f"{head} {self.explanation}"

    def _repr_html_(self) -> str:
        word = "Right." if self.right else f"Not quite: you chose {self.answer.label}."
        colour = "#1b7837" if self.right else "#b2182b"
        return (f'<p style="font-size: 1.1em"><b style="color: {colour}">{html.escape(word)}</b> '
                f"{html.escape(self.explanation)}</p>")


def sort_statement(statement: Statement, answer) -> SortResult:
    """Check a learner's verdict on ``statement`` (``answer``: a :class:`Verdict`,
    its key or its label).

    >>> first = sorter_statements()[0]
    >>> sort_statement(first, "not customer focus").feedback[:47]
    'Right. It is Not customer focus. One month is a'
    >>> sort_statement(first, "level 2").right
    False
    >>> sort_statement("S01", "level 1")
    Traceback (most recent call last):
        ...
    TypeError: statement must be a Statement (from cc.sorter_statements()), got 'S01' (a str)
    """
    if not isinstance(statement, Statement):
        raise TypeError("statement must be a Statement (from cc.sorter_statements()), got "
                        f"{statement!r} (a {type(statement).__name__})")
    chosen = Verdict.from_text(answer)
    return SortResult(statement, chosen, chosen is statement.verdict)


# --------------------------------------------------------------------------
# The principles self-check
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Principle:
    """One principle of a customer-focused business, with a question for a self-check."""

    key: str
    name: str
    question: str


#: The nine principles of a customer-focused business (source A), each with a
#: self-check question about one's own workplace.
PRINCIPLES = (
    Principle("needs", "Understanding needs",
              "We really understand what our customers need, and we meet those needs."),
    Principle("expectations", "Meeting expectations",
              "What we sell meets or beats what customers expect of it."),
    Principle("respect", "Mutual respect",
              "We deal with customers as equals, with respect on both sides."),
    Principle("open_leaders", "Open leaders",
              "Managers at every level are willing to talk openly, with staff and customers."),
    Principle("flexibility", "Flexibility",
              "We change the way we work when our customers' needs change."),
    Principle("comfort", "A comfortable atmosphere",
              "Customers feel at ease with us: nobody rushes, pressures or embarrasses them."),
    Principle("help", "Helping with problems",
              "We want to help customers and take part in solving their problems."),
    Principle("improving", "Improving all the time",
              "We keep working to improve the quality of our service."),
    Principle("keeping", "Keeping customers",
              "We plan how to attract customers and how to keep them."),
)

#: The self-check's answer scale: how true each question is of your workplace.
PRINCIPLE_SCALE = {1: "not at all", 2: "a little", 3: "partly", 4: "mostly", 5: "fully"}


@dataclass(frozen=True)
class PrinciplesProfile:
    """The self-check's result: a rating from 1 to 5 per principle.

    ``ratings`` maps each principle's key to its rating, in the order of
    :data:`PRINCIPLES`; ``average`` is their mean; ``weakest`` and
    ``strongest`` are the principles with the lowest and highest rating
    (all of them when tied).
    """

    ratings: dict
    average: float
    weakest: tuple[Principle, ...]
    strongest: tuple[Principle, ...]

    def summary(self) -> str:
        """One or two plain-English sentences on what to work on first."""
        low = min(self.ratings.values())
        if low == max(self.ratings.values()):
            return (f"Every principle is rated {low} ({PRINCIPLE_SCALE[low]}): "
                    f"average {self.average:.1f} of 5.")
        names = ", ".join(p.name for p in self.weakest)
        return (f"Average {self.average:.1f} of 5. Work first on: {names} "
                f"({low}, {PRINCIPLE_SCALE[low]}).")

    def table(self):
        """The profile as a small DataFrame: principle, rating and its meaning."""
        import pandas as pd

        return pd.DataFrame({"principle": [p.name for p in PRINCIPLES],
                             "rating": [self.ratings[p.key] for p in PRINCIPLES],
                             "meaning": [PRINCIPLE_SCALE[self.ratings[p.key]]
                                         for p in PRINCIPLES]})


def _rating(name: str, value) -> int:
    rating = check_whole_number(name, value)
    if not 1 <= rating <= 5:
        raise ValueError(f"{name} must be a whole number from 1 to 5 "
                         f"(1 = {PRINCIPLE_SCALE[1]}, 5 = {PRINCIPLE_SCALE[5]}), got {value!r}")
    return rating


def principles_profile(ratings) -> PrinciplesProfile:
    """Score the self-check: ``ratings`` gives each principle of :data:`PRINCIPLES` a
    whole number from 1 (not at all) to 5 (fully), as a list in that order or as a
    dict by principle key (``"needs"``, ``"expectations"``, ...).

    >>> profile = principles_profile([4, 4, 5, 2, 3, 4, 5, 3, 2])
    >>> profile.average, [p.name for p in profile.weakest]
    (3.5555555555555554, ['Open leaders', 'Keeping customers'])
    >>> profile.summary()
    'Average 3.6 of 5. Work first on: Open leaders, Keeping customers (2, a little).'
    >>> principles_profile([4, 4, 5, 2, 3, 4, 5, 3, 6])
    Traceback (most recent call last):
        ...
    ValueError: ratings['keeping'] must be a whole number from 1 to 5 (1 = not at all, 5 = fully), got 6
    """
    keys = [p.key for p in PRINCIPLES]
    if isinstance(ratings, Mapping):
        unknown = [k for k in ratings if k not in keys]
        if unknown:
            raise ValueError(f"ratings has unknown principle(s) {unknown!r}; the principles "
                             f"are {', '.join(keys)}")
        missing = [k for k in keys if k not in ratings]
        if missing:
            raise ValueError(f"ratings is missing the principle(s) {', '.join(missing)}: "
                             "rate every principle from 1 to 5")
        values = [ratings[k] for k in keys]
    elif isinstance(ratings, Sequence) and not isinstance(ratings, (str, bytes)):
        values = list(ratings)
        if len(values) != len(keys):
            raise ValueError(f"ratings must hold {len(keys)} whole numbers, one per principle "
                             f"in PRINCIPLES, got {len(values)}")
    else:
        raise TypeError("ratings must be a list of 9 whole numbers from 1 to 5 (or a dict by "
                        f"principle key), got {ratings!r} (a {type(ratings).__name__})")
    checked = {k: _rating(f"ratings[{k!r}]", v) for k, v in zip(keys, values)}
    low, high = min(checked.values()), max(checked.values())
    return PrinciplesProfile(
        ratings=checked,
        average=sum(checked.values()) / len(checked),
        weakest=tuple(p for p in PRINCIPLES if checked[p.key] == low),
        strongest=tuple(p for p in PRINCIPLES if checked[p.key] == high),
    )
