"""Run sheets: a workshop's steps in a Markdown file a trainer can edit.

A facilitator page reads its steps from ``course/<module>/run_sheet.md``.
One ``## Title (N min)`` heading per step; the paragraphs under it are
shown to the room; ``Prompts:`` then a ``- `` list holds the discussion
questions, ``Materials:`` then a ``- `` list what to prepare and
``Notes:`` then a ``- `` list what only the trainer reads. A
``Poll <kind>: <question>`` line (options as ``- `` lines under it) is a
question the room answers on their phones
(:class:`~ccexercise.room.questions.Question`)::

    # Run sheet: What does losing one customer cost?

    Session: 30 minutes

    ## Warm-up (3 min)

    Picture one **regular customer**.

    Poll words [regular]: One or two words: what does your regular customer buy?

    Prompts:
    - What do they buy from us in a year?

    Notes:
    - Read a few of the words aloud.

:func:`load_run_sheet` reads any such file and reports every mistake at
once (:class:`RunSheetError`); :func:`run_sheet_for` finds a module's
sheet, or the trainer's own copy. The format is described in
``docs/run-sheets.md``.

>>> sheet = run_sheet_for("01_lost_customer_cost")
>>> sheet.steps[0].title, sheet.steps[0].minutes
('Warm-up: your regular customers', 3)
>>> sheet.session_minutes, sheet.total_minutes
(30, 30)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from .._files import FileProblem, TrainerFileError, read_text
from .._validate import check_number
from ..room.questions import Question, is_poll_line, parse_poll
from .session import WorkshopStep

__all__ = ["RunSheet", "RunSheetError", "RunSheetProblem", "load_run_sheet", "run_sheet_for"]

#: Set this to a run sheet file to use it instead of the module's own.
ENV_VAR = "CCEXERCISE_RUN_SHEET"
FILE_NAME = "run_sheet.md"
_EXAMPLE_HEADING = "'## Welcome (5 min)'"

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_STEP_MINUTES = re.compile(r"^(?P<title>.*?)\s*\((?P<minutes>[^()]*?)\s*"
                           r"(?:min|mins|minute|minutes)\.?\s*\)\s*$", re.I)
_SESSION = re.compile(r"^session\s*:\s*(?P<value>.*?)\s*$", re.I)
_SESSION_VALUE = re.compile(r"^(?P<number>\S+?)\s*(?:min|mins|minute|minutes)?\.?$", re.I)
_NUMBER = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")
_LABEL = re.compile(r"^\**\s*(?P<name>prompts|materials|notes)\s*:\s*\**\s*(?P<rest>.*)$", re.I)
_ITEM = re.compile(r"^\s*(?:[-*]|\d+[.)])(?:\s+(?P<text>.*))?$")


#: One mistake in a run sheet: ``file``, ``line`` (None: the whole file), ``field``, ``reason``.
RunSheetProblem = FileProblem


class RunSheetError(TrainerFileError):
    """A run sheet that cannot be used; ``problems`` lists every mistake found, in file order.

    >>> print(RunSheetError([RunSheetProblem("run_sheet.md", 7, "", "step 'Skit' is empty")]))
    1 problem in the run sheet run_sheet.md:
      line 7: step 'Skit' is empty
    """

    what = "run sheet"


@dataclass(frozen=True)
class RunSheet:
    """A workshop's plan: its ``title``, the ``session_minutes`` it has (None: not said),
    its ``steps`` (:class:`~ccexercise.workshop.WorkshopStep`) and the file it came from.

    >>> sheet = run_sheet_for("01_lost_customer_cost")
    >>> sheet
    RunSheet('What does losing one customer cost?', 6 steps, 30 of 30 minutes, path='.../run_sheet.md')
    >>> sheet.total_minutes
    30
    """

    title: str
    session_minutes: float | None
    steps: tuple[WorkshopStep, ...]
    path: Path

    @property
    def total_minutes(self) -> float:
        """The minutes of all the steps added up."""
        return sum(step.minutes for step in self.steps)

    @property
    def questions(self) -> dict[str, tuple[int, Question]]:
        """Every poll of the sheet by its id: ``{id: (step index from 0, Question)}``,
        in the order of the sheet.

        >>> {key: index for key, (index, _q) in run_sheet_for("05_nps").questions.items()}
        {'recommend': 0, 'improved': 4}
        """
        return {question.id: (index, question)
                for index, step in enumerate(self.steps) for question in step.polls}

    def __repr__(self) -> str:
        session = "" if self.session_minutes is None else f" of {self.session_minutes:g}"
        return (f"RunSheet({self.title!r}, {len(self.steps)} steps, "
                f"{self.total_minutes:g}{session} minutes, path={str(self.path)!r})")


# -- reading a file ---------------------------------------------------------------------

def _read(path: Path, name: str) -> str:
    """The run sheet's text; a file that cannot be read is a RunSheetError."""
    try:
        return read_text(path, what="run sheet", error=RunSheetError, name=name,
                         hint="save it as UTF-8 text")[1]
    except IsADirectoryError:
        reason = "this is a folder, not a run sheet file"
    except FileNotFoundError:
        reason = "no such file"
    except OSError as error:
        reason = f"cannot be read: {error.strerror or error}"
    raise RunSheetError([RunSheetProblem(name, None, "", reason)])


def _without_comments(text: str) -> tuple[str, int | None]:
    """``text`` with ``<!-- -->`` comments blanked (line numbers kept) and the line of an
    unclosed ``<!--`` (everything after it is dropped), if any."""
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    start = text.find("<!--")
    if start < 0:
        return text, None
    return text[:start], text.count("\n", 0, start) + 1


def _positive_number(text: str) -> float | None:
    if not _NUMBER.match(text):
        return None
    number = float(text)
    if number <= 0:
        return None
    return int(number) if number.is_integer() else number


def _not_a_number(what: str, text: str) -> str:
    hint = ""
    if _positive_number(text.replace(",", ".")) is not None:
        hint = f" (did you mean {text.replace(',', '.')}?)"
    return f"{what} must be a positive number, got {text!r}{hint}"


class _Poll:
    """A ``Poll`` line while its step is read: where it is, the line, its ``- `` options."""

    def __init__(self, line: int, text: str) -> None:
        self.line, self.text = line, text
        self.options: list[str] = []


class _Step:
    """A step while its lines are being read: the body, then its polls and its
    ``Prompts:``/``Materials:``/``Notes:`` lists, in any order."""

    def __init__(self, line: int, heading: str) -> None:
        self.line, self.heading = line, heading
        self.body: list[str] = []
        self.lists: dict[str, list[str]] = {"prompts": [], "materials": [], "notes": []}
        self.labels: dict[str, int] = {}  # "prompts"/"materials"/"notes" -> its label's line
        self.polls: list[_Poll] = []
        self.section: str | None = None  # None: the body; "poll", or a list's name
        self.section_line = 0

    def _after(self) -> str:
        """What the lines being read come after, for a message."""
        if self.section == "poll":
            return f"the poll on line {self.section_line}"
        return f"'{self.section.capitalize()}:' (line {self.section_line})"

    def add(self, number: int, line: str, report) -> None:
        """Read line ``number`` of the step (comments already removed)."""
        stripped = line.strip()
        label = _LABEL.match(stripped)
        if label:
            self.section, self.section_line = label.group("name").lower(), number
            self.labels.setdefault(self.section, number)
            if label.group("rest"):
                report(number, f"write each of the {self.section} on its own '- ' line under "
                               f"'{self.section.capitalize()}:', got {stripped!r}")
            return
        if is_poll_line(stripped):
            self.section, self.section_line = "poll", number
            self.polls.append(_Poll(number, stripped))
            return
        item = _ITEM.match(line)
        if item and _poll_item(item.group("text")):
            report(number, f"a poll is a line of its own, not a '- ' item: write "
                           f"{item.group('text').strip()!r} without the '- ' in front")
            return
        if self.section is None:
            self.body.append(line)
            return
        if not stripped:
            return
        items = self.polls[-1].options if self.section == "poll" else self.lists[self.section]
        what = "option under the poll" if self.section == "poll" else \
            f"item under '{self.section.capitalize()}:'"
        if item and (item.group("text") or "").strip():
            items.append(item.group("text").strip())
        elif item:
            report(number, f"an empty '- ' {what}" + (
                f" on line {self.section_line}" if self.section == "poll" else ""))
        elif line[:1].isspace() and items:
            items[-1] += " " + stripped  # a long item wrapped onto the next line
        else:
            report(number, f"{stripped!r} is not a '- ' item, but it comes after "
                           f"{self._after()}; put the step's text above its polls and its "
                           f"'Prompts:', 'Materials:' and 'Notes:'")


def _poll_item(text: str | None) -> bool:
    """Whether a ``- `` item's text is a whole ``Poll <kind>: ...`` line (a misplaced poll)."""
    if not text or not is_poll_line(text):
        return False
    try:
        parse_poll(text)
    except ValueError:
        return False
    return True


def _session_minutes(number: int, stripped: str, report) -> float | None:
    """The session length if line ``number`` (before the first step) is a ``Session:`` line;
    any other text there is reported, as it would be shown nowhere."""
    session = _SESSION.match(stripped)
    if session:
        value = _SESSION_VALUE.match(session.group("value"))
        minutes = _positive_number(value.group("number")) if value else None
        if minutes is None:
            report(number, _not_a_number("the Session length (minutes)", session.group("value"))
                   + "; write it as 'Session: 45 minutes'")
        return minutes
    if is_poll_line(stripped):
        report(number, f"{stripped!r} comes before the first step: a poll goes under the "
                       f"heading of the step it belongs to, such as {_EXAMPLE_HEADING}")
    elif _ITEM.match(stripped) or _LABEL.match(stripped):
        report(number, f"{stripped!r} comes before the first step: prompts, materials and "
                       f"notes go under a step heading such as {_EXAMPLE_HEADING}")
    else:
        report(number, f"text before the first step is shown nowhere: {stripped!r}; put it "
                       f"under a step heading, or inside <!-- --> to keep it as a note")
    return None


def load_run_sheet(path, *, session_minutes: float | None = None) -> RunSheet:
    """Read the run sheet at ``path`` into a :class:`RunSheet`, checking every line.

    ``session_minutes`` overrides the file's ``Session:`` line. Every mistake
    is collected, with its line, and reported together in one
    :class:`RunSheetError`, so a trainer can fix them all at once; a step
    is never skipped quietly.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> sheet = folder / "run_sheet.md"
    >>> _ = sheet.write_text("# Run sheet: Demo\\n\\nSession: 10 minutes\\n\\n"
    ...                      "## Hello (4 min)\\n\\nSay hello.\\n\\nPrompts:\\n- Who are you?\\n\\n"
    ...                      "## Goodbye (5 min)\\n\\nSay goodbye.\\n")
    >>> load_run_sheet(sheet).steps[0]
    WorkshopStep(title='Hello', minutes=4, body='Say hello.', prompts=('Who are you?',), materials=(), polls=(), notes=())
    >>> _ = sheet.write_text("# Run sheet: Demo\\n\\n## Vote (4 min)\\n\\nWhich one?\\n\\n"
    ...                      "Poll choice [level]: Which level was it?\\n- Low\\n- WOW\\n\\n"
    ...                      "Poll rating 1-5: How sure are you?\\n\\nNotes:\\n- Read the result aloud.\\n")
    >>> step = load_run_sheet(sheet).steps[0]
    >>> [(q.id, q.kind, q.options, q.scale) for q in step.polls], step.notes
    ([('level', 'choice', ('Low', 'WOW'), ()), ('1.2', 'rating', (), (1, 2, 3, 4, 5))], ('Read the result aloud.',))
    >>> _ = sheet.write_text("# Run sheet: Demo\\n\\nSession: 10 minutes\\n\\n"
    ...                      "## Hello\\n\\nSay hello.\\n\\n## Goodbye (0 min)\\n\\n## Skit (12 min)\\n\\nAct.\\n")
    >>> load_run_sheet(sheet)
    Traceback (most recent call last):
        ...
    ccexercise.workshop.run_sheets.RunSheetError: 4 problems in the run sheet .../run_sheet.md:
      line 3: the steps add up to at least 12 minutes, more than the 10-minute session (its Session line); shorten some steps or lengthen the session
      line 5: step heading '## Hello' has no minutes: write it as '## Hello (5 min)'
      line 9: the minutes of step 'Goodbye' must be a positive number, got '0'
      line 9: step 'Goodbye' is empty: write what the room sees under its heading, or its questions under 'Prompts:'
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file name (str or Path), got {path!r} "
                        f"(a {type(path).__name__})")
    if session_minutes is not None:
        if check_number("session_minutes", session_minutes) <= 0:
            raise ValueError(f"session_minutes must be more than 0, got {session_minutes!r}")
    path = Path(path).expanduser()
    name = str(path)
    text = _read(path, name)
    problems: list[RunSheetProblem] = []

    def report(line: int | None, reason: str) -> None:
        problems.append(RunSheetProblem(name, line, "", reason))

    text, unclosed = _without_comments(text)
    title = session_line = file_session = None
    steps: list[_Step] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        if heading:
            level, words = len(heading.group(1)), heading.group(2)
            if level == 2:
                steps.append(_Step(number, words))
            elif level == 1 and title is None and not steps:
                title = re.sub(r"^run sheet\s*:\s*", "", words, flags=re.I)
                if not title:
                    report(number, "the title is empty: write '# Run sheet: <module title>'")
            elif level == 1:
                report(number, f"a second '# ' title {stripped!r}: a run sheet has one title; "
                               f"steps start with '## '")
            else:
                report(number, f"heading {stripped!r} is not understood: a step starts with "
                               f"'## ' and its minutes, e.g. {_EXAMPLE_HEADING}")
        elif steps:
            steps[-1].add(number, line, report)
        elif stripped:  # before the first step: only the title and the session length
            minutes = _session_minutes(number, stripped, report)
            if _SESSION.match(stripped):
                session_line, file_session = number, minutes
    if unclosed:
        report(unclosed, "a comment opened with '<!--' is never closed with '-->'")
    if title is None:
        report(1, "the run sheet has no title: start it with '# Run sheet: <module title>'")

    seen: dict[str, int] = {}  # poll id -> the line of its Poll
    built = [_build_step(step, number, seen, report)
             for number, step in enumerate(steps, start=1)]
    if not steps:
        report(None, f"no steps found: each step starts with a heading such as "
                     f"{_EXAMPLE_HEADING}")
    session = session_minutes if session_minutes is not None else file_session
    total = sum(minutes for _step, minutes in built if minutes is not None)
    if session is not None and total > session:
        where = "its Session line" if session_minutes is None else \
            f"session_minutes={session_minutes:g}"
        at_least = "" if all(minutes for _step, minutes in built) else "at least "
        report(session_line if session_minutes is None else None,
               f"the steps add up to {at_least}{total:g} minutes, more than the {session:g}-"
               f"minute session ({where}); shorten some steps or lengthen the session")
    if problems:
        problems.sort(key=lambda p: (p.line is None, p.line or 0))
        raise RunSheetError(problems)
    return RunSheet(title=title, session_minutes=session, path=path,
                    steps=tuple(step for step, _minutes in built))


def _build_step(step: _Step, number: int, seen: dict[str, int],
                report) -> tuple[WorkshopStep | None, float | None]:
    """The finished step (None after reporting why it cannot be made) and its minutes
    (None if they cannot be read). ``number`` is the step's place among the steps (1 for
    the first), which names its polls without a ``[key]``; ``seen`` holds the poll ids met
    so far in the sheet, with their lines."""
    ok = True
    minutes = None
    parts = _STEP_MINUTES.match(step.heading)
    if not parts:
        report(step.line, f"step heading '## {step.heading}' has no minutes: write it as "
                          f"'## {step.heading} (5 min)'")
        ok = False
    else:
        minutes = _positive_number(parts.group("minutes").strip())
        if minutes is None:
            report(step.line, _not_a_number(f"the minutes of step {parts.group('title')!r}",
                                             parts.group("minutes").strip()))
            ok = False
    title = parts.group("title") if parts else step.heading
    for name, line in step.labels.items():
        if not step.lists[name]:
            report(line, f"'{name.capitalize()}:' in step {title!r} has no '- ' items under it")
            ok = False
    polls = []
    for n, poll in enumerate(step.polls, start=1):
        try:
            question = Question.from_poll(poll.text, poll.options, id=f"{number}.{n}")
        except ValueError as error:
            report(poll.line, f"step {title!r}: {error}")
            ok = False
            continue
        if question.id in seen:
            report(poll.line, f"step {title!r}: the poll [{question.id}] has the same name as "
                              f"the poll on line {seen[question.id]}; give each poll of the "
                              f"run sheet its own name in [brackets]")
            ok = False
            continue
        seen[question.id] = poll.line
        polls.append(question)
    prompts, materials = tuple(step.lists["prompts"]), tuple(step.lists["materials"])
    body = "\n".join(step.body).strip("\n")
    if not body.strip() and not prompts and not step.polls:
        report(step.line, f"step {title!r} is empty: write what the room sees under its "
                          f"heading, or its questions under 'Prompts:'")
        ok = False
    if not ok:
        return None, minutes
    try:
        return WorkshopStep(title, minutes, body, prompts=prompts, materials=materials,
                            polls=polls, notes=step.lists["notes"]), minutes
    except (TypeError, ValueError) as error:
        report(step.line, f"step {title!r}: {error}")
        return None, minutes


# -- finding a module's sheet -------------------------------------------------------------

def _sheet_folders() -> list[Path]:
    """The folders whose module folders may hold a run sheet, in the order they are tried:
    ``course/`` in the course folder at or above the working folder, ``course/`` in the
    source checkout beside the package, and the copy inside an installed package (a wheel)."""
    from .._course import course_root

    folders = []
    try:
        folders.append(course_root() / "course")
    except FileNotFoundError:
        pass
    package = Path(__file__).resolve().parent.parent  # ccexercise/
    folders += [package.parent / "course", package / "_run_sheets"]
    return list(dict.fromkeys(folders))


def run_sheet_for(module: str, path=None) -> RunSheet:
    """The run sheet a module's facilitator page uses.

    In order: the file ``path`` (a trainer's own copy); else the file named
    by the environment variable ``CCEXERCISE_RUN_SHEET`` (set by
    ``ccexercise workshop MODULE --run-sheet FILE``); else the module's
    own ``course/<module>/run_sheet.md``, found from any working folder and
    from an installed package.

    >>> run_sheet_for("01_lost_customer_cost").title
    'What does losing one customer cost?'
    >>> run_sheet_for("99_nothing")
    Traceback (most recent call last):
        ...
    ValueError: module must name a module with a run sheet, got '99_nothing'; modules with one: 00_what_is_customer_focus, 01_lost_customer_cost...
    """
    if path is not None:
        return load_run_sheet(path)
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen:
        return load_run_sheet(chosen)
    if not isinstance(module, str):
        raise TypeError(f"module must be a module folder name (a str), got {module!r} "
                        f"(a {type(module).__name__})")
    module = module.strip().rstrip("/\\")
    folders = _sheet_folders()
    if module and not re.search(r"[/\\]|^\.", module):
        for folder in folders:
            if (folder / module / FILE_NAME).is_file():
                return load_run_sheet(folder / module / FILE_NAME)
    known = sorted({sheet.parent.name for folder in folders
                    for sheet in folder.glob(f"*/{FILE_NAME}")})
    raise ValueError(f"module must name a module with a run sheet, got {module!r}; "
                     f"modules with one: {', '.join(known) or '(none)'}")
