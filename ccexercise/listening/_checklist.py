"""The mystery-shop checklist: the stages a customer goes through, picked and extended
for one business, and the results of a visit (which stages did worst).

The stages follow the texts' wholesale walk-through (website, phone call,
finding the place, parking, sales floor, paying, warehouse, the incomplete
order, calling accounting); the fruit stall's and the service companies'
points are there as optional stages a trainer adds for those businesses.

>>> checklist = mystery_shop_checklist(["website", "parking"],
...                                    add={"parking": ["Is there a spot near the door?"]})
>>> [stage.title for stage in checklist.stages]
['Website', 'Parking']
>>> checklist.stages[1].points[-1]
'Is there a spot near the door?'
>>> mystery_shop_checklist(["website", "car park"])
Traceback (most recent call last):
    ...
ValueError: stages[1] must be one of the stage keys website, phone_call, finding_us, parking, sales_floor, paying, warehouse, incomplete_order, accounting, stall_approach, stall_display, stall_paying, service_call, service_updates, service_visit, or a Stage, got 'car park'
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from .._validate import check_text, check_texts

__all__ = ["CHECKLIST_STAGES", "Checklist", "DEFAULT_STAGES", "Stage", "VisitResult",
           "mystery_shop_checklist", "score_visit"]

#: Longest point, in characters: one or two printed lines.
MAX_POINT = 160
#: Longest stage title, in characters: one printed line.
MAX_TITLE = 60


@dataclass(frozen=True)
class Stage:
    """One stage of the customer's path: a short ``key``, a ``title``, the ``points`` a
    mystery shopper checks there, and where the points come from (``source``).

    >>> Stage("delivery", "Delivery", ("Did it come on the day promised?",)).key
    'delivery'
    >>> Stage("Delivery!", "Delivery", ("On time?",))
    Traceback (most recent call last):
        ...
    ValueError: key must be lower-case letters, digits and _ (such as 'delivery'), got 'Delivery!'
    """

    key: str
    title: str
    points: tuple[str, ...]
    source: str = "your own"

    def __post_init__(self):
        check_text("key", self.key)
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.key):
            raise ValueError("key must be lower-case letters, digits and _ (such as "
                             f"'delivery'), got {self.key!r}")
        check_text("title", self.title)
        if len(self.title) > MAX_TITLE:
            raise ValueError(f"title must be at most {MAX_TITLE} characters, got "
                             f"{len(self.title)} ({self.title[:30]!r}...)")
        points = check_texts("points", self.points, "points to check")
        if not points:
            raise ValueError(f"points of stage {self.key!r} must hold at least one point, got none")
        for i, point in enumerate(points):
            if len(point) > MAX_POINT:
                raise ValueError(f"points[{i}] must be at most {MAX_POINT} characters, got "
                                 f"{len(point)} ({point[:30]!r}...)")
        object.__setattr__(self, "points", points)


_WHOLESALE = "the texts' wholesale walk-through"
_STALL = "the texts' fruit stall"
_SERVICE = "the texts' service companies"

#: Every built-in stage, by key, in the order a customer meets them. Read-only.
CHECKLIST_STAGES = types.MappingProxyType({stage.key: stage for stage in (
    Stage("website", "Website", (
        "Pick something to buy first. Is the site pleasant to look at?",
        "Do the pictures load quickly?",
        "Can you find what you want, and its price, easily?"), _WHOLESALE),
    Stage("phone_call", "The phone call", (
        "Who answered, and how quickly?",
        "Was the person pleasant and did they know the answer?",
        "After the call, did you want to buy more or less?"), _WHOLESALE),
    Stage("finding_us", "Finding the place", (
        "Could you find it with only what we publish (address, map, signs)?",), _WHOLESALE),
    Stage("parking", "Parking", (
        "Is there a free spot for a customer near the door?",
        "How many spots are reserved for the director, the accountant and staff?"), _WHOLESALE),
    Stage("sales_floor", "Sales floor and price tags", (
        "Is it easy to see where things are?",
        "Is every item priced, and do the tags match the website?"), _WHOLESALE),
    Stage("paying", "Paying", (
        "Was paying quick and easy?",
        "Could you pay by card (and the way you wanted)?"), _WHOLESALE),
    Stage("warehouse", "Warehouse and waiting", (
        "Is the way to collect the goods signposted?",
        "Does a 'Do not enter' sign send you away?",
        "How long did you wait, and did anyone tell you why?"), _WHOLESALE),
    Stage("incomplete_order", "The incomplete order", (
        "Was anything missing or wrong?",
        "When you called your manager, was it put right without you chasing?"), _WHOLESALE),
    Stage("accounting", "Calling accounting", (
        "Did someone answer, even at the end of a quarter?",
        "Did they sort out the invoice question in one call?"), _WHOLESALE),
    Stage("stall_approach", "Fruit stall: getting there", (
        "Is the way up to the stall safe and easy?",
        "Is the queue sheltered from sun and rain?",
        "Is there a place to put your bags down?"), _STALL),
    Stage("stall_display", "Fruit stall: display and scale", (
        "Is the display tidy, logical and well lit?",
        "Are the price tags all the same kind and easy to read?",
        "Does the scale stand level, with weight and price in view?"), _STALL),
    Stage("stall_paying", "Fruit stall: paying", (
        "Can you pay in cash, by card and by phone?",), _STALL),
    Stage("service_call", "Service: the first call", (
        "Did one call reach the right person, with no transfers or hold music?",
        "Was everything written down, so you need not call again?"), _SERVICE),
    Stage("service_updates", "Service: keeping you informed", (
        "Did a message (text or app) tell you each step of the fix?",
        "Could you rate the work by replying?"), _SERVICE),
    Stage("service_visit", "Service: the visit", (
        "Was the visit window narrow (not 'any time today')?",
        "Were the technicians clean and tidy, and the place left clean?",
        "Were their questions sorted without you making calls?"), _SERVICE),
)})

#: The stages of the texts' wholesale walk-through: the default checklist.
DEFAULT_STAGES = ("website", "phone_call", "finding_us", "parking", "sales_floor", "paying",
                  "warehouse", "incomplete_order", "accounting")


@dataclass(frozen=True)
class Checklist:
    """A mystery-shop checklist: a ``title`` and its ``stages`` (each with its points).

    ``table`` lists every point: ``stage`` (key), ``stage_title``, ``number``
    (1, 2, ... within the stage) and ``point``.
    """

    title: str
    stages: tuple[Stage, ...]

    def __repr__(self) -> str:
        return (f"Checklist(title={self.title!r}, stages={len(self.stages)}, "
                f"points={self.points})")

    @property
    def points(self) -> int:
        """How many points there are to check, all stages together."""
        return sum(len(stage.points) for stage in self.stages)

    def stage(self, key: str) -> Stage:
        """The stage with this key (``KeyError`` naming the keys there are)."""
        for stage in self.stages:
            if stage.key == key:
                return stage
        raise KeyError(f"this checklist has no stage {key!r}; it has "
                       f"{', '.join(s.key for s in self.stages)}")

    @property
    def table(self) -> pd.DataFrame:
        return pd.DataFrame([(s.key, s.title, n, p) for s in self.stages
                             for n, p in enumerate(s.points, start=1)],
                            columns=["stage", "stage_title", "number", "point"])

    def text(self) -> str:
        """The checklist as plain text, one ``[ ]`` box per point."""
        out = [self.title]
        for stage in self.stages:
            out += ["", stage.title] + [f"  [ ] {point}" for point in stage.points]
        return "\n".join(out)


def _stage_from(name: str, item) -> Stage:
    if isinstance(item, Stage):
        return item
    if isinstance(item, str) and item in CHECKLIST_STAGES:
        return CHECKLIST_STAGES[item]
    raise ValueError(f"{name} must be one of the stage keys {', '.join(CHECKLIST_STAGES)}, "
                     f"or a Stage, got {item!r}")


def mystery_shop_checklist(stages=DEFAULT_STAGES, *, add: Mapping | None = None,
                           title: str = "Mystery-shop checklist") -> Checklist:
    """A checklist with the chosen ``stages``, in the order given, and your own points.

    ``stages`` holds stage keys from :data:`CHECKLIST_STAGES` (the default is
    the wholesale walk-through, :data:`DEFAULT_STAGES`) or your own
    :class:`Stage` objects. ``add`` maps a stage key to a list of your own
    points, added after that stage's points. Nothing is changed in place.

    >>> mystery_shop_checklist().points
    20
    >>> mystery_shop_checklist(["stall_paying"], add={"stall_paying": ["Is change counted?"]}).text()
    'Mystery-shop checklist\\n\\nFruit stall: paying\\n  [ ] Can you pay in cash, by card and by phone?\\n  [ ] Is change counted?'
    >>> mystery_shop_checklist(["website"], add={"parking": ["Free?"]})
    Traceback (most recent call last):
        ...
    ValueError: add names the stage 'parking', which is not on this checklist; its stages are website
    """
    check_text("title", title)
    if isinstance(stages, (str, Stage)):
        raise TypeError(f"stages must be a list of stage keys, got one {stages!r} "
                        f"(did you mean [{stages!r}]?)")
    try:
        stages = list(stages)
    except TypeError:
        raise TypeError(f"stages must be a list of stage keys, got {stages!r} "
                        f"(a {type(stages).__name__})") from None
    if not stages:
        raise ValueError("stages must name at least one stage, got none")
    chosen = [_stage_from(f"stages[{i}]", item) for i, item in enumerate(stages)]
    keys = [stage.key for stage in chosen]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"stages must each appear once, got {', '.join(repeated)} twice")
    add = {} if add is None else add
    if not isinstance(add, Mapping):
        raise TypeError(f"add must map a stage key to a list of points, such as "
                        f"{{'parking': ['Is it free?']}}, got {add!r} (a {type(add).__name__})")
    for key, points in add.items():
        if key not in keys:
            raise ValueError(f"add names the stage {key!r}, which is not on this checklist; "
                             f"its stages are {', '.join(keys)}")
        for i, point in enumerate(check_texts(f"add[{key!r}]", points, "points to check")):
            if len(point) > MAX_POINT:
                raise ValueError(f"add[{key!r}][{i}] must be at most {MAX_POINT} characters, "
                                 f"got {len(point)} ({point[:30]!r}...)")
    final = []
    for stage in chosen:
        extra = tuple(add.get(stage.key, ()))
        final.append(Stage(stage.key, stage.title, stage.points + extra, stage.source)
                     if extra else stage)
    return Checklist(title, tuple(final))


# --------------------------------------------------------------------------
# A visit's results
# --------------------------------------------------------------------------

#: How a point's result may be given: fine, a problem, or not checked.
FINE = frozenset({"fine", "yes", "ok", True})
PROBLEM = frozenset({"problem", "no", False})
SKIPPED = frozenset({"skip", "not checked", "", None})


@dataclass(frozen=True, eq=False)
class VisitResult:
    """What a mystery-shop visit found, stage by stage, the weakest stage first.

    ``table`` has one row per stage: ``stage`` (key), ``title``, ``checked``
    (points checked), ``fine``, ``problems`` and ``share_fine`` (fine / checked;
    NaN for a stage not checked at all). Weakest means the lowest share fine,
    then the most problems, then the checklist's order.
    """

    checklist: Checklist
    table: pd.DataFrame

    def __repr__(self) -> str:
        return (f"VisitResult(checked={int(self.table['checked'].sum())}, "
                f"problems={int(self.table['problems'].sum())}, "
                f"weakest={self.weakest(1)!r})")

    def weakest(self, n: int = 3) -> list[str]:
        """The titles of the ``n`` weakest checked stages that had a problem."""
        bad = self.table[self.table["problems"] > 0]
        return bad["title"].head(n).tolist()

    def summary(self) -> str:
        """One plain-English sentence: how many problems, and where first."""
        problems = int(self.table["problems"].sum())
        checked = int(self.table["checked"].sum())
        if not checked:
            return "Nothing was checked yet."
        if not problems:
            return f"All {checked} points checked were fine."
        worst = self.weakest(3)
        return (f"{problems} of {checked} points checked were a problem. Start with: "
                f"{'; '.join(worst)}.")


def _mark(name: str, value) -> str | None:
    if isinstance(value, str):
        value = value.strip().lower()
    try:
        if value in FINE:
            return "fine"
        if value in PROBLEM:
            return "problem"
        if value in SKIPPED:
            return None
    except TypeError:  # unhashable
        pass
    return f"{name} must be 'fine', 'problem' or 'skip' (or True, False, None), got {value!r}"


def score_visit(checklist: Checklist, marks: Mapping) -> VisitResult:
    """Score a visit: ``marks`` maps a stage key to one mark per point, in order.

    A mark is ``"fine"`` (or True), ``"problem"`` (or False) or ``"skip"``
    (or None, not checked). A stage left out counts as not checked. Every
    bad mark is reported at once.

    >>> checklist = mystery_shop_checklist(["website", "parking", "paying"])
    >>> visit = score_visit(checklist, {"website": ["fine", "problem", "problem"],
    ...                                 "parking": [False, "fine"], "paying": [True, True]})
    >>> visit.table[["stage", "checked", "problems", "share_fine"]]
         stage  checked  problems  share_fine
    0  website        3         2    0.333333
    1  parking        2         1    0.500000
    2   paying        2         0    1.000000
    >>> visit.weakest()
    ['Website', 'Parking']
    >>> score_visit(checklist, {"website": ["fine", "maybe"], "warehouse": ["fine"]})
    Traceback (most recent call last):
        ...
    ValueError: 3 problems with marks: marks['website'] must have one mark per point (3), got 2; marks['website'][1] must be 'fine', 'problem' or 'skip' (or True, False, None), got 'maybe'; marks names the stage 'warehouse', which is not on this checklist (its stages are website, parking, paying)
    """
    if not isinstance(checklist, Checklist):
        raise TypeError(f"checklist must be a Checklist (from mystery_shop_checklist(...)), "
                        f"got {checklist!r} (a {type(checklist).__name__})")
    if not isinstance(marks, Mapping):
        raise TypeError("marks must map a stage key to a list of marks, such as "
                        f"{{'website': ['fine', 'problem']}}, got {marks!r} "
                        f"(a {type(marks).__name__})")
    keys = [stage.key for stage in checklist.stages]
    problems, rows = [], []
    for stage in checklist.stages:
        given = marks.get(stage.key, [None] * len(stage.points))
        if isinstance(given, (str, bytes)) or not hasattr(given, "__iter__"):
            problems.append(f"marks[{stage.key!r}] must be a list of marks, one per point, "
                            f"got {given!r}")
            continue
        given = list(given)
        if len(given) != len(stage.points):
            problems.append(f"marks[{stage.key!r}] must have one mark per point "
                            f"({len(stage.points)}), got {len(given)}")
        found = [_mark(f"marks[{stage.key!r}][{i}]", v) for i, v in enumerate(given)]
        bad = [f for f in found if f not in ("fine", "problem", None)]
        problems += bad
        fine = found.count("fine")
        trouble = found.count("problem")
        checked = fine + trouble
        rows.append((stage.key, stage.title, checked, fine, trouble,
                     fine / checked if checked else float("nan")))
    problems += [f"marks names the stage {key!r}, which is not on this checklist "
                 f"(its stages are {', '.join(keys)})" for key in marks if key not in keys]
    if problems:
        count = len(problems)
        raise ValueError(f"{count} problem{'s' if count != 1 else ''} with marks: "
                         + "; ".join(problems))
    table = pd.DataFrame(rows, columns=["stage", "title", "checked", "fine", "problems",
                                        "share_fine"])
    table["_order"] = range(len(table))
    table = (table.sort_values(["share_fine", "problems", "_order"],
                               ascending=[True, False, True], na_position="last", kind="stable")
             .drop(columns="_order").reset_index(drop=True))
    return VisitResult(checklist, table)
