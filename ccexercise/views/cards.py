"""How cards and the debrief look on screen: card HTML and the debrief chart.

Pure functions (no ipywidgets): :func:`card_html` renders one side of a
card for a projector, :func:`debrief_chart` turns a
:class:`~ccexercise.cards.DebriefSummary` into an
:class:`~ccexercise.views.svg.SvgChart` of how often each kind of reason
was found.

>>> from ccexercise.cards import load_deck
>>> card = load_deck("dislike").by_id("D01")
>>> front = card_html(card, "front")
>>> card.title in front, card.hidden_reason in front
(True, False)
>>> card.hidden_reason in card_html(card, "both")
True
"""

from __future__ import annotations

from html import escape

from ..cards import Card, DebriefSummary
from ._figures import COLOURS
from .svg import SvgChart

__all__ = ["card_html", "debrief_chart"]

TEXT = "#1A1A1A"
MUTED = "#4D4D4D"
BACK_COLOUR = "#FFF4E5"  # a warm tint marks the secret side on screen
SIDES = ("front", "back", "both")


def _rows(pairs) -> str:
    out = []
    for label, value in pairs:
        if isinstance(value, tuple):
            body = "<ul style='margin: 0.2em 0 0.4em 1.2em; padding: 0'>" + "".join(
                f"<li>{escape(item)}</li>" for item in value) + "</ul>"
        else:
            body = f"<div>{escape(str(value))}</div>"
        out.append(f"<div style='margin: 0.35em 0'><div style='font-weight: bold; "
                   f"color: {MUTED}; font-size: 0.8em'>{escape(label)}</div>{body}</div>")
    return "".join(out)


def card_html(card: Card, side: str = "front", *, heading: str = "") -> str:
    """One card as HTML: its ``"front"``, its ``"back"`` or ``"both"``.

    The front never holds a back field, so a projector showing it never
    shows the secret; whether its words hint at the secret is what
    :func:`~ccexercise.cards.card_warnings` checks when a deck loads.
    """
    if not isinstance(card, Card):
        raise TypeError(f"card must be a Card, got {card!r} (a {type(card).__name__})")
    if side not in SIDES:
        raise ValueError(f"side must be one of {', '.join(SIDES)}, got {side!r}")
    top = (f"<div style='color: {MUTED}; font-size: 0.8em'>{escape(heading)}</div>"
           if heading else "")
    parts = []
    if side in ("front", "both"):
        parts.append(f"<div class='cc-card-title' style='font-size: 1.5em; font-weight: bold; "
                     f"margin-bottom: 0.2em'>"
                     f"{escape(card.title)}</div>{_rows(card.front())}")
    if side in ("back", "both") and card.back():
        parts.append(f"<div style='background: {BACK_COLOUR}; padding: 0.4em 0.7em; "
                     f"border-radius: 6px; margin-top: 0.4em'>{_rows(card.back())}</div>")
    return (f"<div style='font-size: 1.4em; line-height: 1.35; color: {TEXT}; "
            f"border: 2px solid {MUTED}; border-radius: 10px; padding: 0.6em 1em; "
            f"max-width: 46em'>{top}{''.join(parts)}</div>")


def debrief_chart(summary: DebriefSummary) -> SvgChart:
    """A bar chart of the share of rounds found (found = 100 %, partly = 50 %) per category.

    >>> from ccexercise.cards import RoundResult, debrief_summary
    >>> chart = debrief_chart(debrief_summary([RoundResult(1, "D1", "t", "waiting", "", "partly")]))
    >>> chart.title, chart.series[0].values
    ('Reasons found, by kind (1 round)', (50.0,))
    """
    if not isinstance(summary, DebriefSummary):
        raise TypeError(f"summary must be a DebriefSummary, got {summary!r}")
    rounds = f"{summary.rounds} round{'s' if summary.rounds != 1 else ''}"
    categories = list(summary.by_category) or ["no rounds yet"]
    values = [round(100 * v, 1) for v in summary.by_category.values()] or [0.0]
    # One bar a kind of reason: the picture grows with the kinds played. No value labels:
    # a label past a full bar would run off the picture; the axis reads 0-100 %.
    chart = SvgChart(title=f"Reasons found, by kind ({rounds})", categories=categories,
                     value_label="Found (%)", category_label="", horizontal=True,
                     height=max(280, 160 + 50 * len(categories)))
    chart.bars(values, label="Found (%)", colour=COLOURS["revenue"])
    chart.set_limits(0, 100)
    return chart
