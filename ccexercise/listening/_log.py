"""The five-by-five conversation log: five customers a day for five days, each asked
"what should we improve?", written in a spreadsheet and tallied into themes.

The log is a CSV with the columns ``date``, ``customer``, ``improve`` (what
the customer said, in their words) and ``theme`` (one of :data:`THEMES`).
:func:`load_conversations` reads it with the course's validating loader,
so every bad row is reported with its row number; :func:`tally_themes`
counts the themes so the top improvements stand out.

>>> log = load_conversations()
>>> len(log), log["date"].nunique()
(25, 5)
>>> tally_themes(log).table.head(2)[["theme", "conversations"]]
               theme  conversations
0  waiting and speed              7
1  stock and orders               5
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .._validate import check_columns
from ..datasets import SCHEMAS, load

__all__ = ["ConversationTally", "DATASET", "THEMES", "load_conversations", "tally_themes"]

#: The name of the bundled example log (and of the schema a manager's own log follows).
DATASET = "08_listening_to_customers"

#: What a customer's improvement is about, for the tally (the ``theme`` column, as the
#: data set declares it).
THEMES = next(c for c in SCHEMAS[DATASET].columns if c.name == "theme").allowed

#: Five customers a day for five days.
DAYS = 5
PER_DAY = 5


def load_conversations(path=None, *, errors: str = "raise"):
    """The conversation log: the invented example, or a manager's own CSV (``path``).

    Every row is checked (a real date written YYYY-MM-DD, a customer, what to
    improve, a theme from :data:`THEMES`); with ``errors="raise"`` any bad row
    raises :class:`ccexercise.datasets.DataError` listing every problem, with
    ``errors="report"`` you get the good rows and the problems
    (:class:`ccexercise.datasets.LoadResult`). Nothing is dropped silently.

    >>> import io
    >>> bad = io.StringIO("date,customer,improve,theme\\n2025-03-03,Anna,faster tills,speed\\n"
    ...                   "2025-03-32,Boris,,waiting and speed\\n")
    >>> result = load_conversations(bad, errors="report")
    >>> result.problems[["row", "column", "reason"]].to_string(index=False)
    " row  column                                                                                                                                                                                                   reason\\n   2   theme must be one of 'staff and manners', 'waiting and speed', 'stock and orders', 'prices and paying', 'finding us and parking', 'website and phone', 'invoices and accounting', 'premises and display', 'other'\\n   3    date                                                                                                                                                                    is not a real date written YYYY-MM-DD\\n   3 improve                                                                                                                                                                                                 is empty"
    """
    return load(DATASET, path=path, errors=errors)


@dataclass(frozen=True, eq=False)
class ConversationTally:
    """The log counted into themes, the most mentioned first.

    ``table`` has one row per theme that was mentioned: ``theme``,
    ``conversations``, ``share`` (of all conversations) and ``example`` (the
    first thing a customer said on that theme). ``per_day`` counts the
    conversations on each date. ``conversations`` is the total.
    """

    table: pd.DataFrame
    per_day: pd.Series
    conversations: int

    def __repr__(self) -> str:
        top = self.top(1)
        return (f"ConversationTally(conversations={self.conversations}, "
                f"days={len(self.per_day)}, top={top[0] if top else None!r})")

    def top(self, n: int = 3) -> list[str]:
        """The ``n`` most mentioned themes ("other" never counts as a top theme)."""
        named = self.table[self.table["theme"] != "other"]
        return named["theme"].head(n).tolist()

    def summary(self) -> str:
        """Plain English: how many conversations, how complete the week, what comes first."""
        days = len(self.per_day)
        week = (f"{self.conversations} conversations over {days} "
                f"day{'s' if days != 1 else ''}")
        short = DAYS * PER_DAY - self.conversations
        if short > 0:
            week += f" ({short} short of the five-by-five week's {DAYS * PER_DAY})"
        if not self.conversations:
            return week + "."
        first = self.table.iloc[0]
        return (f"{week}. Most mentioned: {first['theme']} ({first['conversations']} of "
                f"{self.conversations}). Fix first: {', '.join(self.top(3)) or 'nothing named'}.")


def tally_themes(log: pd.DataFrame) -> ConversationTally:
    """Count the conversations in ``log`` by theme, most first (ties alphabetical).

    ``log`` is a conversation log as :func:`load_conversations` returns it.

    >>> log = pd.DataFrame({"date": pd.to_datetime(["2025-03-03", "2025-03-03", "2025-03-04"]),
    ...                     "customer": ["A", "B", "C"], "theme": ["other", "waiting and speed",
    ...                     "waiting and speed"], "improve": ["tea", "quicker tills", "more staff"]})
    >>> tally = tally_themes(log)
    >>> tally.table[["theme", "conversations", "share"]]
                   theme  conversations     share
    0  waiting and speed              2  0.666667
    1              other              1  0.333333
    >>> tally.per_day.tolist()
    [2, 1]
    >>> tally_themes(log.drop(columns="theme"))
    Traceback (most recent call last):
        ...
    ValueError: log lacks the columns ['theme']; it needs date, customer, improve, theme (a conversation log like cc.load_conversations()) and has ['date', 'customer', 'improve']
    """
    check_columns("log", log, ["date", "customer", "improve", "theme"],
                  what="a conversation log like cc.load_conversations()")
    unknown = sorted(set(log["theme"].dropna()) - set(THEMES))
    if unknown:
        raise ValueError(f"log's theme column must hold only {', '.join(THEMES)}; "
                         f"got {unknown}")
    if log["theme"].isna().any():
        rows = [int(i) for i in log.index[log["theme"].isna()]]
        raise ValueError(f"log's theme column is empty in rows {rows}; give every "
                         "conversation a theme (or 'other')")
    total = len(log)
    counts = log.groupby("theme", sort=False).agg(conversations=("customer", "size"),
                                                  example=("improve", "first")).reset_index()
    counts["share"] = counts["conversations"] / total if total else 0.0
    counts = (counts.sort_values(["conversations", "theme"], ascending=[False, True])
              [["theme", "conversations", "share", "example"]].reset_index(drop=True))
    counts["conversations"] = counts["conversations"].astype("int64")
    per_day = log.groupby(pd.to_datetime(log["date"]).dt.date).size()
    per_day.index.name = "date"
    return ConversationTally(counts, per_day, total)
