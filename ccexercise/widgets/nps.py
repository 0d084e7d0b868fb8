"""Widgets for the Net Promoter Score: an explorer, a "what if", and a room poll.

Each only wires controls to :mod:`ccexercise.nps` and the live charts of
:mod:`ccexercise.views.nps`; tests drive them from Python:

>>> w = nps_explorer()
>>> w.result.nps, w.chart.chart.title
(30.0, 'NPS +30.0 from 200 answers (95% interval +19.2 to +40.8)')
>>> w.detractors.value = 100
>>> w.result.nps
0.0
>>> poll = room_poll()
>>> poll.entries.value = "10 9 9 6 11"
>>> poll.result.nps, poll.rejected_entries
(50.0, [(5, '11', 'is above 10')])
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..nps import NpsCounts, nps_what_if, scores_from_text
from ..views.nps import (
    GROUP_COLOURS,
    nps_groups_live_chart,
    nps_interval_live_chart,
    nps_what_if_live_chart,
)
from ..views.room import nps_counts
from .charts import ChartImage
from .style import CONTROL_LAYOUT, CONTROL_STYLE

__all__ = ["NpsExplorer", "NpsWhatIf", "RoomPoll", "nps_explorer", "nps_what_if_widget",
           "room_poll"]

MAX_COUNT = 2_000
_METHODS = {"Wald (standard)": "wald", "Adjusted Wald (small groups)": "adjusted_wald"}


def _slider(description: str, value: int, tooltip: str, maximum: int = MAX_COUNT):
    return widgets.IntSlider(value=value, min=0, max=maximum, step=1, description=description,
                             tooltip=tooltip, continuous_update=False, style=CONTROL_STYLE,
                             layout=dict(CONTROL_LAYOUT))


def _alert(text: str) -> str:
    return ('<div role="alert" style="font-size: 1.3em; color: #8B0000; background: #FFF4E5; '
            f'border-left: 6px solid #D55E00; padding: 0.5em 1em">{html.escape(text)}</div>')


def _big(counts: NpsCounts, low: float, high: float, level: float, size: str = "1.6em") -> str:
    return (f'<div style="font-size: {size}; line-height: 1.3">NPS <b>{counts.nps:+.1f}</b>'
            f'<span style="font-size: 0.6em; display: inline-block"> &nbsp; {level * 100:g}% '
            f"interval {low:+.1f} to {high:+.1f} &nbsp;·&nbsp; {counts.n:,} "
            f"{'answer' if counts.n == 1 else 'answers'}</span></div>")


class _Counts(widgets.VBox):
    """Three count sliders and a method choice; subclasses redraw in :meth:`update`."""

    level = 0.95

    def _make_counts(self, promoters: int, passives: int, detractors: int) -> None:
        self.promoters = _slider("Promoters (9-10)", promoters,
                                 "How many answered 9 or 10", MAX_COUNT)
        self.passives = _slider("Passives (7-8)", passives, "How many answered 7 or 8",
                                MAX_COUNT)
        self.detractors = _slider("Detractors (0-6)", detractors,
                                  "How many answered 0 to 6", MAX_COUNT)
        self.method = widgets.ToggleButtons(options=list(_METHODS), description="Interval",
                                            style={**CONTROL_STYLE, "button_width": "auto"})

    def _counts(self) -> NpsCounts:
        return NpsCounts(self.promoters.value, self.passives.value, self.detractors.value)

    def _wire(self, controls) -> None:
        for control in controls:
            control.observe(lambda _change: self.update(), names="value")
        self.update()


class NpsExplorer(_Counts):
    """Set the three group sizes; see the NPS, its interval and both charts move.

    Outputs: ``summary`` (HTML), ``chart`` (groups, a ChartImage),
    ``interval_chart`` (ChartImage), ``error`` (HTML). ``result`` is the
    last :class:`~ccexercise.NpsCounts`, ``None`` while all counts are 0.
    """

    def __init__(self, promoters: int = 100, passives: int = 60, detractors: int = 40,
                 **kwargs) -> None:
        self._make_counts(promoters, passives, detractors)
        self.error = widgets.HTML()
        self.summary = widgets.HTML()
        self.chart = ChartImage()
        self.interval_chart = ChartImage()
        self.result: NpsCounts | None = None
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.promoters, self.passives, self.detractors, self.method,
                                   self.error, self.summary, self.chart, self.interval_chart],
                         **kwargs)
        self._wire([self.promoters, self.passives, self.detractors, self.method])

    def update(self) -> NpsCounts | None:
        """Recalculate and redraw; return the counts (``None`` when all are 0)."""
        try:
            counts = self._counts()
        except ValueError as exc:
            self.result = None
            self.summary.value = ""
            self.chart.clear()
            self.interval_chart.clear()
            self.error.value = _alert(f"{exc}. Move a slider above 0.")
            return None
        method = _METHODS[self.method.value]
        low, high = counts.interval(level=self.level, method=method)
        self.result = counts
        self.error.value = ""
        self.summary.value = _big(counts, low, high, self.level)
        self.chart.show(nps_groups_live_chart(counts, level=self.level, method=method))
        self.interval_chart.show(nps_interval_live_chart(counts, level=self.level,
                                                         method=method))
        return counts


class NpsWhatIf(_Counts):
    """Move ``moved`` people up one group, or two, and compare what each change adds.

    Outputs: ``verdict`` (HTML), ``table`` (HTML), ``chart`` (ChartImage).
    ``result`` is the :func:`~ccexercise.nps_what_if` table (``None`` in error).
    """

    def __init__(self, promoters: int = 100, passives: int = 60, detractors: int = 40,
                 moved: int = 10, **kwargs) -> None:
        self._make_counts(promoters, passives, detractors)
        self.moved = _slider("People who change their answer", moved,
                             "How many people you win over", 200)
        self.error = widgets.HTML()
        self.verdict = widgets.HTML()
        self.table = widgets.HTML()
        self.chart = ChartImage()
        self.result = None
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[self.promoters, self.passives, self.detractors, self.moved,
                                   self.error, self.verdict, self.chart, self.table], **kwargs)
        self._wire([self.promoters, self.passives, self.detractors, self.moved])

    def update(self):
        """Recalculate and redraw; return the table (``None`` when all counts are 0)."""
        try:
            table = nps_what_if(self.promoters.value, self.passives.value,
                                self.detractors.value, moved=self.moved.value)
        except ValueError as exc:
            self.result = None
            self.verdict.value = self.table.value = ""
            self.chart.clear()
            self.error.value = _alert(f"{exc}. Move a slider above 0.")
            return None
        self.result = table
        self.error.value = ""
        up, down = table.loc["passives -> promoters"], table.loc["detractors -> passives"]
        if up["gain"] == down["gain"]:
            text = (f"Winning over {up['moved']} passives or {down['moved']} detractors adds the "
                    f"<b>same {up['gain']:+.1f} points</b>: the NPS counts a passive as zero, so "
                    "one step up is worth the same from either side.")
        else:
            best = "passives" if up["gain"] > down["gain"] else "detractors"
            text = (f"Winning over {best} adds more here (<b>{max(up['gain'], down['gain']):+.1f}"
                    "</b> points): the other group has fewer people to move.")
        text += (" Turning a detractor into a promoter adds twice as much: "
                 f"<b>{table.loc['detractors -> promoters', 'gain']:+.1f}</b>. Detractors also "
                 "talk: in one US survey (American Express, 2011) an unhappy customer told 16 "
                 "people.")
        self.verdict.value = f'<p style="font-size: 1.3em; line-height: 1.4">{text}</p>'
        self.table.value = table.to_html(border=0, float_format=lambda v: f"{v:+.1f}")
        self.chart.show(nps_what_if_live_chart(table))
        return table


class RoomPoll(widgets.VBox):
    """The room's NPS, large enough for a projector: typed sticky notes and phones' answers.

    Type or paste the scores from sticky notes into ``entries``; entries that
    are not scores are listed with the reason (``rejected``), never dropped.
    With a room (``feed``, a :class:`~ccexercise.widgets.room.RoomFeed`, and
    ``question``, the id of the run sheet's NPS poll) the typed scores are
    sent to the room as well, and the NPS counts the phones' answers and the
    typed ones together; the projector shows it once the trainer reveals the
    results. ``parts`` chooses what shows: "entry" (the box, for the
    presenter), "result" (the NPS, its interval and the three groups).
    Outputs: ``big`` (HTML), ``chart`` (ChartImage), ``rejected`` (HTML);
    ``result`` is the :class:`~ccexercise.NpsCounts` (``None`` with no
    valid score) and ``rejected_entries`` the list of bad entries.
    """

    level = 0.95

    def __init__(self, text: str = "", *, scale: str = "0-10", feed=None,
                 question: str | None = None, parts=("entry", "result"), **kwargs) -> None:
        from .room import room_parts

        self.feed, self.parts = room_parts(feed, question, parts, poll="NPS poll")
        self.question = question
        self.entries = widgets.Textarea(
            value=text, placeholder="Type or paste the scores, e.g. 10 9 7 6 10 8",
            description="Scores", continuous_update=False, style=CONTROL_STYLE,
            layout={"width": "100%", "max_width": "46em", "height": "7em"})
        self.scale = widgets.ToggleButtons(options=["0-10", "1-10"], value=scale,
                                           description="Scale",
                                           style={**CONTROL_STYLE, "button_width": "auto"})
        self.big = widgets.HTML()
        self.rejected = widgets.HTML()
        self.sent = widgets.HTML()
        self.chart = ChartImage()
        self.result: NpsCounts | None = None
        self.rejected_entries: list[tuple] = []
        self._typed: list[int] = []
        self._room_counts: NpsCounts | None = None
        self._revealed = True
        children = []
        if "entry" in parts:
            children += [self.entries, self.scale, self.rejected, self.sent]
        if "result" in parts:
            children += [self.big, self.chart]
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=children, **kwargs)
        for control in (self.entries, self.scale):
            control.observe(lambda _change: self.update(), names="value")
        self.update()
        if self.feed is not None:
            self.feed.on_change(self._from_room)

    def _from_room(self, state: dict) -> None:
        from .room import question_state

        entry = question_state(state, self.question)
        if entry is None:
            self.big.value = _alert(f"The run sheet has no poll [{self.question}]: the room "
                                    "cannot answer this question.")
            return
        results = entry["results"]
        self._revealed = entry["revealed"] or "entry" in self.parts  # the trainer sees it
        self._room_counts = nps_counts(results)
        self._show()

    def update(self) -> NpsCounts | None:
        """Read the typed entries again, send them to the room (if any) and redraw."""
        scores, bad = scores_from_text(self.entries.value, scale=self.scale.value)
        self.rejected_entries = bad
        self.rejected.value = "" if not bad else (
            '<div style="font-size: 1.4em; color: #8B0000">Not counted (please check): '
            + "; ".join(f"entry {n} <b>{html.escape(t)}</b> {html.escape(r)}" for n, t, r in bad)
            + "</div>")
        if self.feed is not None and scores != self._typed:
            error = self.feed.act("set_typed", self.question, list(scores))
            self.sent.value = (_alert(f"The typed scores did not reach the room: {error}")
                               if error else
                               f'<div style="font-size: 1.1em">{len(scores)} typed '
                               f"score{'' if len(scores) == 1 else 's'} sent to the room, "
                               "counted with the phones' answers.</div>")
        self._typed = list(scores)
        return self._show()

    def _show(self) -> NpsCounts | None:
        if self.feed is not None:
            counts = self._room_counts
        else:
            scores = self._typed
            counts = NpsCounts(sum(s >= 9 for s in scores), sum(7 <= s <= 8 for s in scores),
                               sum(s <= 6 for s in scores)) if scores else None
        self.result = counts
        if counts is None:
            self.big.value = ('<div style="font-size: 2.5em; line-height: 1.3">Waiting for '
                              "the room's scores…</div>")
            self.chart.clear()
            return None
        if not self._revealed:
            self.big.value = (f'<div style="font-size: 2.5em; line-height: 1.3">{counts.n} '
                              f"{'answer' if counts.n == 1 else 'answers'} so far</div>"
                              '<div style="font-size: 1.4em">The NPS appears when the trainer '
                              "shows the results.</div>")
            self.chart.clear()
            return counts
        low, high = counts.interval(level=self.level)
        words = " · ".join(
            f'<span style="color: {GROUP_COLOURS[g]}">{n} {g.lower() if n != 1 else g[:-1].lower()}'
            "</span>" for g, n in (("Promoters", counts.promoters), ("Passives", counts.passives),
                                    ("Detractors", counts.detractors)))
        self.big.value = (_big(counts, low, high, self.level, size="4em")
                          + f'<div style="font-size: 2em">{words}</div>')
        self.chart.show(nps_groups_live_chart(counts, level=self.level))
        return counts


def nps_explorer(promoters: int = 100, passives: int = 60, detractors: int = 40) -> NpsExplorer:
    """An :class:`NpsExplorer` set to the classroom example (NPS +30 from 200 answers)."""
    return NpsExplorer(promoters, passives, detractors)


def nps_what_if_widget(promoters: int = 100, passives: int = 60, detractors: int = 40,
                       moved: int = 10) -> NpsWhatIf:
    """An :class:`NpsWhatIf` set to the classroom example, moving 10 people."""
    return NpsWhatIf(promoters, passives, detractors, moved)


def room_poll(text: str = "", *, scale: str = "0-10", feed=None, question: str | None = None,
              parts=("entry", "result")) -> RoomPoll:
    """A :class:`RoomPoll`, empty or with the given entries (and the room's answers)."""
    return RoomPoll(text, scale=scale, feed=feed, question=question, parts=parts)
