"""The live room on a facilitator page: the join code, the results, the poll controls,
and typed answers for a room without phones.

A :class:`RoomFeed` follows the room server (:mod:`ccexercise.room.server`)
from a background thread and hands each new state to the widgets that
listen: a :class:`JoinPanel` (the QR code and join code, for the
projector), :class:`RoomResults` (the live results, for the projector) and
:class:`PollControls` (open, close, reveal, hide, clear, export: for the
presenter only). All three only display the state; every rule lives in
:mod:`ccexercise.room`.

>>> feed = RoomFeed(None)  # no room server: the widgets say so and wait
>>> feed.connected
False
>>> "no room" in RoomResults(feed).children[0].value.lower()
True

:class:`TypedAnswers` takes a question's answers typed in, one per line, and
tallies them as the room would (and sends them to the room when one runs):

>>> board = typed_answers(question="reasons", kind="text", text="Rude staff\\nslow till\\nrude staff")
>>> board.result["items"]
[['Rude staff', 2], ['slow till', 1]]
"""

from __future__ import annotations

import base64
import html
import re
import threading
import time
from collections.abc import Callable

import ipywidgets as widgets

from ..room.questions import KINDS, Question
from ..room.results import summarize
from ..views.room import results_chart, results_html, results_text
from .charts import ChartImage
from .style import BUTTON_LAYOUT, BUTTON_STYLE, CONTROL_STYLE, MUTED_COLOUR, TEXT_COLOUR, \
    TIME_UP_COLOUR

__all__ = ["JoinPanel", "PollControls", "RoomFeed", "RoomResults", "TypedAnswers", "typed_answers"]

_KIND_WORDS = {"rating": "rating", "nps": "NPS 0-10", "choice": "one choice",
               "choices": "several choices", "words": "word cloud", "text": "short text",
               "ideas": "ideas with votes", "statements": "a form of ratings"}


class RoomFeed:
    """The room's state, kept up to date from a background thread.

    ``client`` is a :class:`ccexercise.room.client.RoomClient` (None: no
    room; the page works with typed entry alone). :meth:`on_change` registers
    a callback that gets every new state (a dict, see ``docs/design.md``);
    it is called at once with the state known now. :meth:`act` runs a
    control (open a question...) and shows its effect at once.
    ``follow=False`` makes no thread (tests call :meth:`refresh`).
    """

    def __init__(self, client, *, follow: bool = True, wait_seconds: float = 20.0) -> None:
        self.client = client
        self.state: dict | None = None
        self.error: str | None = None
        self._listeners: list[Callable[[dict], None]] = []
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._wait = wait_seconds
        self._thread = None
        if client is not None:
            self.refresh()
            if follow:
                self._thread = threading.Thread(target=self._run, name="ccexercise-room-feed",
                                                daemon=True)
                self._thread.start()

    @property
    def connected(self) -> bool:
        """Whether the room server answered the last request."""
        return self.client is not None and self.state is not None and self.error is None

    def on_change(self, callback: Callable[[dict], None]) -> None:
        """Call ``callback(state)`` now (if the state is known) and on every change."""
        with self._lock:
            self._listeners.append(callback)
            if self.state is not None:
                callback(self.state)

    def _publish(self, state: dict) -> None:
        with self._lock:
            if self.state is not None and state.get("version", 0) < self.state.get("version", 0):
                return  # an older answer that arrived late
            self.state, self.error = state, None
            for callback in list(self._listeners):
                try:
                    callback(state)
                except Exception as error:  # one broken widget must not stop the feed
                    self.error = f"{type(error).__name__}: {error}"

    def refresh(self) -> dict | None:
        """Ask the room for its state now (no waiting) and tell the listeners."""
        if self.client is None:
            return None
        try:
            state = self.client.state(timeout=0)
        except Exception as error:
            self.error = str(error)
            return None
        self._publish(state)
        return state

    def act(self, method: str, *args, **kwargs):
        """Call ``client.<method>(*args, **kwargs)``, then refresh; the client's error
        message is kept in ``error`` and returned (None when it worked)."""
        try:
            getattr(self.client, method)(*args, **kwargs)
        except Exception as error:
            self.error = str(error)
            return self.error
        self.refresh()
        return None

    def _run(self) -> None:
        while not self._stop.is_set():
            version = (self.state or {}).get("version")
            try:
                state = self.client.state(since=version, timeout=self._wait)
            except Exception as error:
                self.error = str(error)
                self._stop.wait(1.0)
                continue
            self._publish(state)

    def stop(self) -> None:
        """Stop following the room (the thread ends after its current request)."""
        self._stop.set()


def current_questions(state: dict | None) -> list[dict]:
    """The questions that matter now: those of the step the room is on, then any other
    question still open (phones can answer it whatever the step).

    >>> current_questions({"step": 1, "questions": [
    ...     {"step": 0, "open": False, "question": {"id": "a"}},
    ...     {"step": 0, "open": True, "question": {"id": "b"}},
    ...     {"step": 1, "open": False, "question": {"id": "c"}}]})
    [{'step': 1, 'open': False, 'question': {'id': 'c'}}, {'step': 0, 'open': True, 'question': {'id': 'b'}}]
    """
    if not state:
        return []
    entries = state.get("questions", [])
    here = [q for q in entries if q.get("step") == state.get("step")]
    return here + [q for q in entries if q.get("step") != state.get("step") and q.get("open")]


def room_parts(feed, question: str | None, parts, *, poll: str):
    """``(feed, parts)`` for a tool that follows a room poll: the feed (None without a
    room) and the parts it shows ("entry" and/or "result"), checked.

    >>> room_parts(None, None, ["result"], poll="NPS poll")
    (None, ('result',))
    >>> room_parts(None, None, ["chart"], poll="NPS poll")
    Traceback (most recent call last):
        ...
    ValueError: parts must hold 'entry' and/or 'result', got ['chart']
    """
    if feed is not None and feed.client is not None and not question:
        raise ValueError(f"question must name the run sheet's {poll} (its [key]) when "
                         "the poll follows a room, got None")
    unknown = set(parts) - {"entry", "result"}
    if unknown or not parts:
        raise ValueError(f"parts must hold 'entry' and/or 'result', got {list(parts)!r}")
    return (feed if feed is not None and feed.client is not None else None), tuple(parts)


def question_state(state: dict | None, question_id: str) -> dict | None:
    """The entry of question ``question_id`` in the room's state (None if it is not there)."""
    for entry in (state or {}).get("questions", []):
        if entry["question"]["id"] == question_id:
            return entry
    return None


def qr_image_html(url: str, *, size: str = "16em") -> str:
    """An ``<img>`` of the QR code of ``url`` (segno; a PNG, which the notebook's HTML
    sanitiser lets through where it strips SVG), with the address as its alt text.

    >>> html_text = qr_image_html("http://192.168.1.20:8765/?code=ABCD")
    >>> html_text.startswith('<img alt="QR code to join: http://192.168.1.20:8765/?code=ABCD" '
    ...                      'src="data:image/png;base64,')
    True
    """
    import segno

    data = segno.make(url, error="m").png_data_uri(scale=10, border=2, dark="#000000",
                                                    light="#FFFFFF")
    return (f'<img alt="QR code to join: {html.escape(url)}" src="{data}" '
            f'style="width: {size}; height: {size}; image-rendering: pixelated">')


class JoinPanel(widgets.VBox):
    """How the room joins: the QR code, the address and the join code, large."""

    def __init__(self, feed: RoomFeed, **kwargs) -> None:
        self.feed = feed
        self.body = widgets.HTML()
        self._shown = None
        kwargs.setdefault("layout", {"align_items": "center", "padding": "0.5em"})
        super().__init__(children=[self.body], **kwargs)
        feed.on_change(self._render)
        if feed.state is None:
            self._render(None)

    def _render(self, state: dict | None) -> None:
        if state is None:
            self.body.value = ""
            return
        shown = (state.get("join_url"), state.get("join_code"), state.get("qr_url"))
        if shown == self._shown:
            return
        self._shown = shown
        url, code, scan = shown
        self.body.value = (
            f'<div style="text-align: center; color: {TEXT_COLOUR}">'
            f'<div style="font-size: 1.6em; font-weight: bold">Join from your phone</div>'
            f"{qr_image_html(scan or url)}"
            f'<div style="font-size: 1.3em; word-break: break-all">{html.escape(url)}</div>'
            f'<div style="font-size: 1.3em">Code <b style="font-size: 1.8em; letter-spacing: '
            f'0.1em" class="cc-join-code">{html.escape(code)}</b></div></div>')


class RoomResults(widgets.VBox):
    """The live results of the questions of the room's current step (or of ``questions``,
    a list of question ids, whatever step the room is on).

    A question's results show once the facilitator reveals them; until then
    the room sees how many have answered. Each chart has its numbers in a
    sentence beneath it.
    """

    def __init__(self, feed: RoomFeed, *, questions: list[str] | None = None, **kwargs) -> None:
        self.feed = feed
        self.question_ids = list(questions) if questions else None
        #: Ids of questions a module's own tool shows on the projector (not repeated here).
        self.skip: set[str] = set()
        self.status = widgets.HTML()
        self.panels: dict[str, tuple[widgets.HTML, ChartImage, widgets.HTML]] = {}
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.status], **kwargs)
        if feed.client is None:
            self.status.value = (f'<div style="color: {MUTED_COLOUR}; font-size: 1.2em">No room '
                                 "is running: phones cannot answer. Start the page with "
                                 "'ccexercise workshop' to let the room vote.</div>")
        feed.on_change(self._render)

    def entries(self, state: dict | None) -> list[dict]:
        """The question entries this widget shows."""
        if self.question_ids is None:
            return [e for e in current_questions(state) if e["question"]["id"] not in self.skip]
        return [e for e in (question_state(state, q) for q in self.question_ids) if e]

    def _panel(self, question_id: str):
        if question_id not in self.panels:
            self.panels[question_id] = (widgets.HTML(), ChartImage(), widgets.HTML())
        return self.panels[question_id]

    def _render(self, state: dict) -> None:
        children = [self.status]
        self.status.value = ""
        for entry in self.entries(state):
            question, results = entry["question"], entry["results"]
            head, chart, words = self._panel(question["id"])
            count = results.get("count", 0)
            status = "open: answer now" if entry["open"] else "closed"
            head.value = (f'<div style="color: {TEXT_COLOUR}"><div style="font-size: 1.9em; '
                          f'font-weight: bold">{html.escape(question["text"])}</div>'
                          f'<div style="font-size: 1.3em; color: {MUTED_COLOUR}">'
                          f'{count} answer{"" if count == 1 else "s"} · {status}</div></div>')
            if entry["revealed"]:
                drawn = results_chart(question, results)
                if drawn is not None:
                    chart.show(drawn)
                else:
                    chart.clear()
                text = results_html(question, results)
                words.value = (text + f'<p style="font-size: 1.1em; color: {MUTED_COLOUR}">'
                               f"{html.escape(results_text(question, results))}</p>")
            else:
                chart.clear()
                words.value = (f'<div style="font-size: 1.3em; color: {MUTED_COLOUR}">Results '
                               "appear when the trainer shows them.</div>")
            children += [head, chart, words]
        self.children = children


def _button(description: str, tooltip: str, style: str = "", **kwargs) -> widgets.Button:
    return widgets.Button(description=description, tooltip=tooltip, button_style=style,
                          layout=dict(BUTTON_LAYOUT), style=dict(BUTTON_STYLE), **kwargs)


class _QuestionControls(widgets.VBox):
    """The controls of one question (presenter view)."""

    def __init__(self, feed: RoomFeed, question_id: str) -> None:
        self.feed, self.question_id = feed, question_id
        self.head = widgets.HTML()
        self.open_button = _button("Open", "Let phones answer this question", "success")
        self.reveal_button = _button("Show results", "Show the results on the projector")
        self.clear_button = _button("Clear", "Set this question's answers aside (kept in the "
                                             "export) and start again")
        self.answers = widgets.VBox()
        self._confirm_clear = False
        self._entry: dict | None = None
        self.open_button.on_click(lambda _b: self._toggle("open", "close", "open"))
        self.reveal_button.on_click(lambda _b: self._toggle("revealed", "conceal", "reveal"))
        self.clear_button.on_click(lambda _b: self._clear())
        buttons = widgets.HBox([self.open_button, self.reveal_button, self.clear_button],
                               layout={"flex_flow": "row wrap"})
        super().__init__(children=[self.head, buttons, self.answers],
                         layout={"border": "1px solid #BBBBBB", "padding": "0.5em",
                                 "margin": "0 0 0.6em 0"})

    def _toggle(self, key: str, off: str, on: str) -> None:
        if self._entry is not None:
            self.feed.act("question", self.question_id, off if self._entry[key] else on)

    def _clear(self) -> None:
        if not self._confirm_clear:
            self._confirm_clear = True
            self.clear_button.description = "Clear: sure?"
            self.clear_button.button_style = "danger"
            return
        self._confirm_clear = False
        self.clear_button.description, self.clear_button.button_style = "Clear", ""
        self.feed.act("question", self.question_id, "clear")

    def render(self, entry: dict) -> None:
        self._entry = entry
        question, results = entry["question"], entry["results"]
        count = results.get("count", 0)
        self.head.value = (
            f'<div style="font-size: 1.2em"><b>{html.escape(question["text"])}</b> '
            f'<span style="color: {MUTED_COLOUR}">({_KIND_WORDS[question["kind"]]}, '
            f'id {html.escape(question["id"])})</span><br>'
            f'{count} answer{"" if count == 1 else "s"} · '
            f'{"<b>open</b>" if entry["open"] else "closed"} · results '
            f'{"<b>shown</b>" if entry["revealed"] else "hidden"}<br>'
            f'<span style="color: {MUTED_COLOUR}">{html.escape(results_text(question, results))}'
            f"</span></div>")
        self.open_button.description = "Close" if entry["open"] else "Open"
        self.open_button.button_style = "warning" if entry["open"] else "success"
        self.reveal_button.description = "Hide results" if entry["revealed"] else "Show results"
        rows = []
        for answer in entry.get("answers", [])[-30:]:
            hidden = answer.get("hidden", False)
            button = widgets.ToggleButton(
                value=hidden, description="Hidden" if hidden else "Hide",
                tooltip="Hide this answer from the projector" if not hidden
                else "Show this answer again", layout={"width": "7em"})
            button.observe(lambda change, a=answer["id"]: self.feed.act(
                "hide", a, change["new"]), names="value")
            text = widgets.HTML(f'<span style="font-size: 1.1em; '
                                f'{"text-decoration: line-through; " if hidden else ""}">'
                                f"{html.escape(str(answer['value']))}</span>")
            rows.append(widgets.HBox([button, text], layout={"align_items": "center"}))
        self.answers.children = rows


class PollControls(widgets.VBox):
    """The facilitator's controls for the room (presenter view only).

    For each question of the current step: Open/Close, Show/Hide results,
    Clear, and a Hide button beside each text answer. Below: the join
    address, what to try when phones cannot connect, Export (every answer
    as CSV, to download) and Delete (all of the session's answers, after a
    second click).
    """

    def __init__(self, feed: RoomFeed, *, help_text: str = "", **kwargs) -> None:
        self.feed = feed
        self.status = widgets.HTML()
        self.questions = widgets.VBox()
        self.controls: dict[str, _QuestionControls] = {}
        self.export_button = _button("Export CSV", "Every answer of this session as a CSV file")
        self.download = widgets.HTML()
        self.delete_button = _button("Delete answers", "Delete every answer of this session "
                                                       "(at the end of the workshop)")
        self._confirm_delete = False
        self.export_button.on_click(lambda _b: self.export())
        self.delete_button.on_click(lambda _b: self.delete())
        self.help = widgets.HTML(
            f'<details style="font-size: 1.05em; color: {MUTED_COLOUR}"><summary>Phones cannot '
            f"connect?</summary><pre style=\"white-space: pre-wrap\">{html.escape(help_text)}"
            "</pre></details>" if help_text else "")
        self.error = widgets.HTML()
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.status, self.questions, self.error,
                                   widgets.HBox([self.export_button, self.delete_button],
                                                layout={"flex_flow": "row wrap"}),
                                   self.download, self.help], **kwargs)
        if feed.client is None:
            self.status.value = (f'<div style="font-size: 1.1em; color: {MUTED_COLOUR}">No room '
                                 "is running, so phones cannot answer; type the room's answers "
                                 "in the tools below. 'ccexercise workshop MODULE' starts the "
                                 "room.</div>")
            self.export_button.disabled = self.delete_button.disabled = True
        feed.on_change(self._render)

    def _render(self, state: dict) -> None:
        entries = current_questions(state)
        self.status.value = (
            f'<div style="font-size: 1.1em">Phones join at <b>{html.escape(state["join_url"])}'
            f'</b> with code <b>{html.escape(state["join_code"])}</b>.'
            + ("" if entries else " No question for the room in this step.") + "</div>")
        shown = []
        for entry in entries:
            question_id = entry["question"]["id"]
            if question_id not in self.controls:
                self.controls[question_id] = _QuestionControls(self.feed, question_id)
            self.controls[question_id].render(entry)
            shown.append(self.controls[question_id])
        self.questions.children = shown
        self.error.value = (f'<div style="color: {TIME_UP_COLOUR}">The room server said: '
                            f"{html.escape(self.feed.error)}</div>" if self.feed.error else "")

    def export(self) -> str | None:
        """Offer every answer as a CSV download; returns the CSV text (None on error)."""
        try:
            text = self.feed.client.export_csv()
        except Exception as error:
            self.error.value = f'<div style="color: {TIME_UP_COLOUR}">{html.escape(str(error))}</div>'
            return None
        data = base64.b64encode(text.encode("utf-8")).decode("ascii")
        name = f"room-answers-{time.strftime('%Y%m%d-%H%M')}.csv"
        rows = max(0, text.count("\n") - 1)
        self.download.value = (f'<a download="{name}" href="data:text/csv;base64,{data}" '
                               f'style="font-size: 1.2em">Download {name} ({rows} answers)</a>')
        return text

    def delete(self) -> None:
        """Ask once; on the second click delete every answer of the session."""
        if not self._confirm_delete:
            self._confirm_delete = True
            self.delete_button.description = "Delete: sure?"
            self.delete_button.button_style = "danger"
            return
        self._confirm_delete = False
        self.delete_button.description, self.delete_button.button_style = "Delete answers", ""
        self.feed.act("delete_answers")


def _alert(text: str) -> str:
    return ('<div role="alert" style="font-size: 1.3em; color: #8B0000; background: #FFF4E5; '
            f'border-left: 6px solid #D55E00; padding: 0.5em 1em">{html.escape(text)}</div>')


# --------------------------------------------------------------------------
# Typed answers for a room question (no phones, or answers on paper)
# --------------------------------------------------------------------------

_VOTES = re.compile(r"\s*\+(\d{1,4})\s*$")


def _parse_lines(question: Question, text: str) -> tuple[list, list[tuple[int, str, str]]]:
    """The usable answers (one per line) and the rejected lines ``(line, text, why)``."""
    values, bad = [], []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        votes = 0
        body = line
        if question.kind == "ideas":
            found = _VOTES.search(line)
            if found:
                votes, body = int(found.group(1)), line[:found.start()]
        try:
            checked = question.check_answer(body.strip() if question.kind != "choices"
                                            else [p for p in body.split(",") if p.strip()])
        except (TypeError, ValueError) as error:
            bad.append((n, line.strip(), str(error)))
            continue
        values.append({"id": n, "text": checked, "votes": votes}
                      if question.kind == "ideas" else checked)
    return values, bad


class TypedAnswers(widgets.VBox):
    """The room's answers to one run-sheet question, typed in by the trainer: one answer
    per line (paper, a show of hands, a room without phones). With a room running they
    are sent to it and counted with the phones' answers; without one they are tallied
    here, as the room would tally them.

    ``question`` is the poll's ``[name]``; ``kind`` its kind (as in the run sheet);
    ``sheet`` (a run sheet) gives the kind, text and options when ``kind`` is not given.
    For an ideas question, ``+7`` at the end of a line gives the hands raised for it.
    Lines that cannot be used are listed, never dropped silently. Parts: ``entry`` (the
    box, for the trainer) and ``result`` (the tally, for the projector). ``title`` is a
    heading above both. ``steps`` (step numbers, 1 for the first) keeps the result
    part off the projector while the room is on another step, so the room sees only
    what the step is about; without a room everything stays on show.
    """

    def __init__(self, text: str = "", *, question: str, kind: str | None = None,
                 sheet=None, options=(), label: str = "", feed=None,
                 parts=("entry", "result"), title: str = "", steps=None, **kwargs) -> None:
        if not isinstance(question, str) or not question.strip():
            raise ValueError(f"question must name the run sheet's poll (its [name]), "
                             f"got {question!r}")
        unknown = set(parts) - {"entry", "result"}
        if unknown or not parts:
            raise ValueError(f"parts must hold 'entry' and/or 'result', got {list(parts)!r}")
        if sheet is not None:
            found = sheet.questions.get(question)
            if found is None:
                raise ValueError(f"the run sheet has no poll [{question}]; its polls are "
                                 f"{sorted(sheet.questions)}")
            self.question = found[1]
        else:
            if kind not in KINDS or kind == "nps":
                raise ValueError(f"kind must be one of {', '.join(k for k in KINDS if k != 'nps')}"
                                 f" (NPS has its own poll, cc.widgets.room_poll), got {kind!r}")
            self.question = Question(question, kind, label or question, options=tuple(options))
        self.feed = feed if feed is not None and feed.client is not None else None
        self.parts = tuple(parts)
        self.steps = None if steps is None else {int(n) for n in steps}
        self._step: int | None = None
        self.title = widgets.HTML(
            f'<h2 style="font-size: 1.8em; color: {TEXT_COLOUR}; margin: 1em 0 0.3em 0">'
            f"{html.escape(title)}</h2>" if title else "")
        hint = {"ideas": "one idea per line; +7 at the end for 7 hands raised",
                "choice": "one answer per line: an option's words",
                "choices": "one person per line: their options, with commas between",
                "rating": f"one score per line, {self.question.low} to {self.question.high}"}
        self.entries = widgets.Textarea(
            value=text, placeholder=hint.get(self.question.kind, "one answer per line"),
            description="Typed answers", continuous_update=False, style=CONTROL_STYLE,
            layout={"width": "100%", "max_width": "46em", "height": "8em"})
        self.rejected = widgets.HTML()
        self.sent = widgets.HTML()
        self.head = widgets.HTML()
        self.chart = ChartImage()
        self.list = widgets.HTML()
        self.words = widgets.HTML()
        self.result: dict | None = None
        self.rejected_entries: list[tuple[int, str, str]] = []
        self._typed: list = []
        self._room: dict | None = None
        children = [self.title]
        if "entry" in parts:
            children += [self.entries, self.rejected, self.sent]
        if "result" in parts:
            children += [self.head, self.chart, self.list, self.words]
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=children, **kwargs)
        self.entries.observe(lambda _c: self.update(), names="value")
        self.update()
        if self.feed is not None:
            self.feed.on_change(self._from_room)

    def _from_room(self, state: dict) -> None:
        from .room import question_state

        step = state.get("step")
        self._step = step if isinstance(step, int) else None
        entry = question_state(state, self.question.id)
        if entry is None:
            self.head.value = _alert(f"The run sheet has no poll [{self.question.id}]: the room "
                                     "cannot answer this question.")
            return
        self._room = entry
        self._show()

    def update(self) -> dict | None:
        """Read the typed lines again, send them to the room (if any) and redraw."""
        values, bad = _parse_lines(self.question, self.entries.value)
        self.rejected_entries = bad
        self.rejected.value = "" if not bad else (
            '<div style="font-size: 1.2em; color: #8B0000; overflow-wrap: anywhere">Not counted '
            "(please check): "
            + "; ".join(f"line {n} <b>{html.escape(t if len(t) <= 40 else t[:39] + '…')}</b>: "
                        f"{html.escape(r)}" for n, t, r in bad)
            + "</div>")
        if self.feed is not None and values != self._typed:
            sent = [v["text"] if self.question.kind == "ideas" else v for v in values]
            error = self.feed.act("set_typed", self.question.id, sent)
            self.sent.value = (_alert(f"The typed answers did not reach the room: {error}")
                               if error else
                               f'<div style="font-size: 1.1em">{len(sent)} typed '
                               f"answer{'' if len(sent) == 1 else 's'} sent to the room, "
                               "counted with the phones' answers.</div>")
        self._typed = values
        return self._show()

    @property
    def on_show(self) -> bool:
        """Whether the result part is shown now (always, but for a projector following a
        room on a step outside ``steps``)."""
        return (self.feed is None or self.steps is None or "entry" in self.parts
                or (self._step is not None and self._step + 1 in self.steps))

    def _show(self) -> dict | None:
        self.layout.display = None if self.on_show else "none"
        question = self.question.to_dict()
        if self.feed is not None:
            if self._room is None:
                return None
            results, revealed = self._room["results"], (self._room["revealed"]
                                                        or "entry" in self.parts)
        else:
            results, revealed = summarize(self.question, self._typed), True
        self.result = results
        count = results.get("count", 0)
        self.head.value = (f'<div style="color: {TEXT_COLOUR}"><div style="font-size: 1.7em; '
                           f'font-weight: bold">{html.escape(self.question.text)}</div>'
                           f'<div style="font-size: 1.2em; color: {MUTED_COLOUR}">{count} '
                           f'answer{"" if count == 1 else "s"}</div></div>')
        if not revealed:
            self.chart.clear()
            self.list.value = ""
            self.words.value = (f'<div style="font-size: 1.3em; color: {MUTED_COLOUR}">Results '
                                "appear when the trainer shows them.</div>")
            return results
        drawn = results_chart(question, results) if count else None
        if drawn is not None:
            self.chart.show(drawn)
        else:
            self.chart.clear()
        self.list.value = results_html(question, results)
        self.words.value = (f'<p style="font-size: 1.1em; color: {MUTED_COLOUR}">'
                            f"{html.escape(results_text(question, results))}</p>")
        return results


def typed_answers(text: str = "", *, question: str, kind: str | None = None, sheet=None,
                  options=(), label: str = "", feed=None, parts=("entry", "result"),
                  title: str = "", steps=None) -> TypedAnswers:
    """A :class:`TypedAnswers` box for the run sheet's poll ``question``."""
    return TypedAnswers(text, question=question, kind=kind, sheet=sheet, options=options,
                        label=label, feed=feed, parts=parts, title=title, steps=steps)
