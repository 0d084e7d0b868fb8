"""Running a workshop session: its steps, the clock and the teams.

The pieces a facilitator dashboard is built from, as plain Python: a
:class:`WorkshopStep` (title, minutes, what to say, what to ask), a clock
text for a countdown, and a fair split of the room into teams. The widgets
in :mod:`ccexercise.widgets.workshop` only display these.

>>> step = WorkshopStep("Why customers leave", 10, "Read the seven questions.",
...                     prompts=["Which reason surprised you?"])
>>> step.seconds
600
>>> format_clock(step.seconds)
'10:00'
>>> split_into_teams(["Ann", "Bo", "Cy", "Di", "Ed"], 2, seed=1)
[['Cy', 'Ed', 'Bo'], ['Di', 'Ann']]
"""

from __future__ import annotations

import html
import math
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .._validate import check_number, check_text, check_texts, check_whole_number
from ..room.questions import Question

__all__ = ["MAX_STEP_MINUTES", "WorkshopStep", "format_clock", "progress_text",
           "split_into_teams"]

#: The longest step a facilitator can plan: a whole working day.
MAX_STEP_MINUTES = 8 * 60


@dataclass(frozen=True)
class WorkshopStep:
    """One step of a workshop session, as projected for the room.

    ``title`` is the heading, ``minutes`` the time the step gets (a whole
    or a fractional number, more than 0), ``body`` what to tell or show the
    room (plain text or simple HTML), ``prompts`` the discussion
    questions, in order, ``materials`` what the trainer prepares (flip
    chart, printed cards), ``polls`` the questions the room answers on their
    phones (:class:`~ccexercise.room.questions.Question`, each with its own
    id) and ``notes`` what only the trainer reads (the presenter view and the
    printed sheet; never the projector). Each may be given as a list; they
    are stored as tuples so a step cannot change once made.

    >>> WorkshopStep("Warm-up", 5, "Introduce yourself.", prompts=["Who is your customer?"])
    WorkshopStep(title='Warm-up', minutes=5, body='Introduce yourself.', prompts=('Who is your customer?',), materials=(), polls=(), notes=())
    >>> step = WorkshopStep("Ratings", 3, "How did it feel?",
    ...                     polls=[Question("felt", "words", "One word: how did it feel?")],
    ...                     notes=["Clear the poll before the next skit."])
    >>> [q.id for q in step.polls], step.notes
    (['felt'], ('Clear the poll before the next skit.',))
    >>> WorkshopStep("Skit", 5, "Act it out.", materials=["Flip chart"]).materials
    ('Flip chart',)
    >>> WorkshopStep("Skit", 2.5, "Act out a Low service visit.").seconds
    150
    >>> WorkshopStep("Warm-up", 0, "Introduce yourself.")
    Traceback (most recent call last):
        ...
    ValueError: minutes must be more than 0, got 0
    >>> WorkshopStep("Warm-up", 5, "Hi", prompts="Who is your customer?")
    Traceback (most recent call last):
        ...
    TypeError: prompts must be a list of questions, got one text 'Who is your customer?' (did you mean ['Who is your customer?']?)
    >>> WorkshopStep("Warm-up", 5, "Hi", polls=["How are you?"])
    Traceback (most recent call last):
        ...
    TypeError: polls[0] must be a Question (from ccexercise.room.questions), got 'How are you?' (a str)
    """

    title: str
    minutes: int | float
    body: str
    prompts: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    polls: tuple[Question, ...] = ()
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_text("title", self.title)
        minutes = check_number("minutes", self.minutes, maximum=MAX_STEP_MINUTES)
        if minutes <= 0:
            raise ValueError(f"minutes must be more than 0, got {self.minutes!r}")
        check_text("body", self.body, allow_empty=True)
        object.__setattr__(self, "prompts", check_texts("prompts", self.prompts, "questions"))
        object.__setattr__(self, "materials", check_texts("materials", self.materials, "things"))
        object.__setattr__(self, "polls", _check_polls(self.polls))
        object.__setattr__(self, "notes", check_texts("notes", self.notes, "notes"))

    @property
    def seconds(self) -> int:
        """The step's time in whole seconds (what a countdown starts from)."""
        return round(self.minutes * 60)

    def body_html(self) -> str:
        """``body`` as HTML for a slide.

        A body that already holds HTML tags is used as written. Plain text
        is escaped; a blank line starts a new paragraph, lines starting
        with ``- `` or ``1. `` make a list, and ``**words**`` are bold.

        >>> WorkshopStep("Skit", 5, "Play a **Low** visit.\\n\\n- one buyer\\n- one seller").body_html()
        '<p>Play a <strong>Low</strong> visit.</p>\\n<ul><li>one buyer</li><li>one seller</li></ul>'
        >>> WorkshopStep("Skit", 5, "<p>Ready?</p>").body_html()
        '<p>Ready?</p>'
        """
        return _text_to_html(self.body)


def _check_polls(polls) -> tuple[Question, ...]:
    """``polls`` as a tuple of Questions whose ids differ; else a TypeError/ValueError."""
    if isinstance(polls, (str, bytes, Question)) or not isinstance(polls, Iterable):
        raise TypeError(f"polls must be a list of Question, got {polls!r} "
                        f"(a {type(polls).__name__})")
    polls = tuple(polls)
    seen = set()
    for i, poll in enumerate(polls):
        if not isinstance(poll, Question):
            raise TypeError(f"polls[{i}] must be a Question (from ccexercise.room.questions), "
                            f"got {poll!r} (a {type(poll).__name__})")
        if poll.id in seen:
            raise ValueError(f"polls[{i}] has the id {poll.id!r} of an earlier poll of the "
                             f"step; each poll needs its own id")
        seen.add(poll.id)
    return polls


_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BULLET = re.compile(r"^\s*[-*\u2022]\s+")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+")


def _inline(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text, quote=False))


def _text_to_html(text: str) -> str:
    if _HTML_TAG.search(text):
        return text
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        if not lines:
            continue
        for pattern, tag in ((_BULLET, "ul"), (_NUMBERED, "ol")):
            if all(pattern.match(line) for line in lines):
                items = "".join(f"<li>{_inline(pattern.sub('', line))}</li>" for line in lines)
                blocks.append(f"<{tag}>{items}</{tag}>")
                break
        else:
            blocks.append("<p>" + "<br>".join(_inline(line.strip()) for line in lines) + "</p>")
    return "\n".join(blocks)


def progress_text(steps, index: int, *, session_minutes: float | None = None) -> str:
    """Where the room is: ``"Step 3 of 6 · 13 of 30 minutes used"``.

    The minutes used are those of the steps before step ``index`` (counting
    from 0), out of ``session_minutes``, or of all the steps when the
    session length is not known.

    >>> steps = [WorkshopStep("A", 5, "a"), WorkshopStep("B", 8, "b"), WorkshopStep("C", 2.5, "c")]
    >>> progress_text(steps, 2, session_minutes=30)
    'Step 3 of 3 · 13 of 30 minutes used'
    >>> progress_text(steps, 0)
    'Step 1 of 3 · 0 of 15.5 minutes used'
    """
    steps = tuple(steps)
    used = sum(step.minutes for step in steps[:index])
    planned = session_minutes if session_minutes is not None else \
        sum(step.minutes for step in steps)
    unit = "minute" if planned == 1 else "minutes"
    return f"Step {index + 1} of {len(steps)} · {used:g} of {planned:g} {unit} used"


def format_clock(seconds) -> str:
    """A countdown's text, ``"mm:ss"``, for a number of seconds.

    Minutes are not wrapped into hours (a 90-minute session shows
    ``"90:00"``). A fraction of a second is rounded up, so the clock shows
    ``"00:00"`` only when the time is really up.

    >>> format_clock(605)
    '10:05'
    >>> format_clock(0)
    '00:00'
    >>> format_clock(59.2)
    '01:00'
    >>> format_clock(-1)
    Traceback (most recent call last):
        ...
    ValueError: seconds must be 0 or more, got -1
    """
    seconds = math.ceil(check_number("seconds", seconds, minimum=0))
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes:02d}:{seconds:02d}"


def split_into_teams(names, teams: int, *, seed: int | None = None) -> list[list[str]]:
    """Deal ``names`` into ``teams`` teams of nearly equal size, in random order.

    Team sizes differ by at most one; the larger teams come first. Without
    ``seed`` every call gives a fresh random split; with the same ``seed``
    the split is the same every time (useful to print it or to test it).
    ``names`` is not changed.

    >>> split_into_teams(["Ann", "Bo", "Cy", "Di"], 2, seed=7)
    [['Di', 'Ann'], ['Bo', 'Cy']]
    >>> [len(team) for team in split_into_teams(list("ABCDEFG"), 3)]
    [3, 2, 2]
    >>> split_into_teams(["Ann", "Bo"], 3)
    Traceback (most recent call last):
        ...
    ValueError: teams must be between 1 and 2 (the number of names), got 3
    """
    people = list(check_texts("names", names, "names"))
    if not people:
        raise ValueError("names must hold at least one name, got an empty list")
    teams_value = teams
    teams = check_whole_number("teams", teams)
    if not 1 <= teams <= len(people):
        raise ValueError(f"teams must be between 1 and {len(people)} (the number of names), "
                         f"got {teams_value!r}")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
        raise TypeError(f"seed must be a whole number or None, got {seed!r} "
                        f"(a {type(seed).__name__})")
    random.Random(seed).shuffle(people)
    return [people[i::teams] for i in range(teams)]
