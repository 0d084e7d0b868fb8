"""A module's run sheet as a one- or two-page A4 PDF a facilitator can hold, or as text.

Each step gets its clock times (``0:05-0:10``), minutes, title, what to
say, the room's polls (kind, question, options or scale, id), the
discussion prompts, what to prepare and the trainer's notes. The type gets
smaller until the sheet fits on two pages (one page, if it fits there in
10 pt type or larger); a step is never split across pages.
:func:`run_sheet_text` gives the same as plain text for a terminal
(``ccexercise runsheet show``).

>>> from ccexercise.workshop import run_sheet_for
>>> pdf, pages = run_sheet_pdf(run_sheet_for("01_lost_customer_cost"))
>>> pdf[:5], pages
(b'%PDF-', 1)
"""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

from .._pdf import line_height, new_pdf, text_block, write_pdf

__all__ = ["poll_line", "run_sheet_pdf", "run_sheet_text", "step_lines", "write_run_sheet_pdf"]

MARGIN = 15.0
PAGE_W, PAGE_H = 210.0, 297.0
MAX_PAGES = 2
SIZES = (10.5, 10, 9.5, 9, 8.5, 8, 7.5)  # text sizes tried, largest first
#: A sheet that fits one page in this size or larger is printed on one page (one sheet to
#: hold), even if a larger size would need two.
ONE_PAGE_SIZE = 10
TEXT = (26, 26, 26)
MUTED = (90, 90, 90)
RULE = (190, 190, 190)
POLL = (20, 70, 140)  # the room's polls, apart from the questions the trainer asks aloud


def _plain(text: str) -> str:
    text = re.sub(r"<br\s*/?>|</p>|</li>|</div>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)


def poll_line(question) -> str:
    """A room poll in one line for the trainer: its id, what it takes, the question.

    >>> from ccexercise.room.questions import Question
    >>> poll_line(Question("come-back", "rating", "Come back?", low=1, high=10))
    'Poll [come-back], rating 1–10: Come back?'
    >>> poll_line(Question("3.1", "choice", "Which level?", options=("Low", "WOW")))
    'Poll [3.1], one of Low / WOW: Which level?'
    """
    takes = {
        "rating": f"rating {question.low}–{question.high}",
        "nps": "NPS 0–10",
        "choice": "one of " + " / ".join(question.options),
        "choices": "any of " + " / ".join(question.options),
        "words": "a word or two",
        "text": "a short answer",
        "ideas": "ideas the room upvotes",
        "statements": f"{len(question.options)} statements rated {question.low}–{question.high}",
    }[question.kind]
    if question.anonymous:
        takes = "anonymous, " + takes
    return f"Poll [{question.id}], {takes}: {question.text}"


def step_lines(step) -> list[tuple[str, str]]:
    """What a step prints, as ``(kind, text)`` lines: body, poll, prompt, material or note.

    >>> from ccexercise.workshop import WorkshopStep
    >>> step_lines(WorkshopStep("Skit", 5, "Play a **Low** visit.\\n\\n- one buyer", prompts=["Why?"],
    ...                         notes=["Keep the level secret."]))
    [('body', 'Play a Low visit.'), ('body', '• one buyer'), ('prompt', 'Ask: Why?'), ('note', 'Note: Keep the level secret.')]
    """
    lines = []
    for paragraph in re.split(r"\n\s*\n", _plain(step.body).strip()):
        items = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if items and all(re.match(r"^([-*\u2022]|\d+[.)])\s+", item) for item in items):
            lines += [("body", re.sub(r"^[-*\u2022]\s+", "• ", item)) for item in items]
        elif items:
            lines.append(("body", " ".join(items)))
    lines += [("poll", poll_line(question)) for question in step.polls]
    lines += [("prompt", f"Ask: {prompt}") for prompt in step.prompts]
    lines += [("material", f"Prepare: {item}") for item in step.materials]
    lines += [("note", f"Note: {note}") for note in step.notes]
    return lines


def _clock(minutes: float) -> str:
    whole = round(minutes)
    return f"{whole // 60}:{whole % 60:02d}"


def _layout(pdf, sheet, size: float, *, draw: bool) -> int:
    """Lay the sheet out at text ``size``; returns the number of pages used."""
    width = PAGE_W - 2 * MARGIN
    bottom = PAGE_H - MARGIN
    pages = 1
    if draw:
        pdf.add_page()
    y = MARGIN

    def text(style, pt, colour, value, x, w, y):
        return text_block(pdf, value, x=x, y=y, width=w, size=pt, style=style, colour=colour,
                          draw=draw)

    y = text("B", size * 1.6, TEXT, sheet.title, MARGIN, width, y)
    session = ("" if sheet.session_minutes is None
               else f"Session: {sheet.session_minutes:g} minutes · ")
    y = text("", size, MUTED, f"{session}{len(sheet.steps)} steps, "
             f"{sheet.total_minutes:g} minutes planned", MARGIN, width, y + 1)
    start = 0.0
    for step in sheet.steps:
        clock = f"{_clock(start)}–{_clock(start + step.minutes)}\n{step.minutes:g} min"
        start += step.minutes
        body = step_lines(step)
        # Measure the step first, so it is never split across two pages.
        pdf.set_font("DejaVu", "", size)
        height = line_height(size * 1.15) + 2 * 2.0
        for kind, value in body:
            lines = pdf.multi_cell(width - 28, line_height(size), value, dry_run=True,
                                   output="LINES", align="L")
            height += len(lines) * line_height(size) + (0.8 if kind == "body" else 0.3)
        if y + height > bottom:
            pages += 1
            y = MARGIN
            if draw:
                pdf.add_page()
        y += 2.0
        if draw:
            pdf.set_draw_color(*RULE)
            pdf.set_line_width(0.2)
            pdf.line(MARGIN, y - 1.0, PAGE_W - MARGIN, y - 1.0)
        text("B", size * 0.9, MUTED, clock, MARGIN, 26, y)
        y = text("B", size * 1.15, TEXT, step.title, MARGIN + 28, width - 28, y)
        for kind, value in body:
            y += 0.8 if kind == "body" else 0.3
            y = text("B" if kind in ("prompt", "poll") else "", size,
                     POLL if kind == "poll" else MUTED if kind in ("material", "note") else TEXT,
                     value, MARGIN + 28, width - 28, y)
        y += 2.0
    return pages


def run_sheet_pdf(sheet) -> tuple[bytes, int]:
    """The run sheet as PDF bytes and its page count (1 or 2).

    ``ValueError`` if even the smallest type needs more than two pages.
    """
    for attribute in ("title", "steps", "session_minutes", "total_minutes"):
        if not hasattr(sheet, attribute):
            raise TypeError(f"sheet must be a RunSheet (from cc.workshop.run_sheet_for), "
                            f"got {sheet!r} (a {type(sheet).__name__})")
    probe = new_pdf(sheet.title)
    probe.add_page()
    one_page = [size for size in SIZES if size >= ONE_PAGE_SIZE]
    tries = [(size, 1) for size in one_page] + [(size, MAX_PAGES) for size in SIZES]
    for size, most in tries:
        pages = _layout(probe, sheet, size, draw=False)
        if pages <= most:
            pdf = new_pdf(f"Run sheet: {sheet.title}")
            _layout(pdf, sheet, size, draw=True)
            return bytes(pdf.output()), pages
    raise ValueError(f"the run sheet {sheet.title!r} needs more than {MAX_PAGES} pages even in "
                     f"{SIZES[-1]:g} pt type; shorten its steps")


def write_run_sheet_pdf(sheet, path) -> tuple[Path, int]:
    """Write :func:`run_sheet_pdf` to ``path``; returns the path and the page count."""
    data, pages = run_sheet_pdf(sheet)
    return write_pdf(data, path), pages


def run_sheet_text(sheet, *, width: int = 88) -> str:
    """The run sheet as plain text for a terminal: each step with its clock times, minutes,
    body, polls (with their ids), prompts, materials and notes.

    >>> from pathlib import Path
    >>> from ccexercise.room.questions import Question
    >>> from ccexercise.workshop import RunSheet, WorkshopStep
    >>> step = WorkshopStep("Ratings", 3, "The customer tells us how they felt.",
    ...                     polls=[Question("felt", "words", "How did the customer feel?")],
    ...                     notes=["Clear the poll before the next skit."])
    >>> print(run_sheet_text(RunSheet("Skits", 3, (step,), Path("run_sheet.md"))))
    Skits
    Session: 3 minutes · 1 step, 3 minutes planned
    <BLANKLINE>
    1. Ratings (3 min, 0:00–0:03)
       The customer tells us how they felt.
       Poll [felt], a word or two: How did the customer feel?
       Note: Clear the poll before the next skit.
    """
    session = ("" if sheet.session_minutes is None
               else f"Session: {sheet.session_minutes:g} minutes · ")
    count = len(sheet.steps)
    out = [sheet.title, f"{session}{count} step{'s' if count != 1 else ''}, "
                        f"{sheet.total_minutes:g} minutes planned"]
    start = 0.0
    for number, step in enumerate(sheet.steps, start=1):
        out += ["", f"{number}. {step.title} ({step.minutes:g} min, "
                    f"{_clock(start)}–{_clock(start + step.minutes)})"]
        start += step.minutes
        for _kind, value in step_lines(step):
            out += textwrap.wrap(value, width, initial_indent="   ",
                                 subsequent_indent="     " if value.startswith("•") else "   ",
                                 break_on_hyphens=False)
    return "\n".join(out)
