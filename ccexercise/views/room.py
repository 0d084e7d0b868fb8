"""The room's answers, drawn for a projector.

Each function takes a question (as :meth:`ccexercise.room.Question.to_dict`
gives it) and its results (as :func:`ccexercise.room.results.summarize`
gives them) and returns a chart (:class:`~ccexercise.views.svg.SvgChart`) or
HTML. Text answers are escaped, so an answer ``<script>`` shows as those
characters. Every picture says its numbers in words as well
(:func:`results_text`), for the room's screen readers and for the back row.

>>> question = {"id": "q", "kind": "rating", "text": "Come back?", "options": [], "low": 1, "high": 5}
>>> results = {"count": 3, "mean": 4.0, "counts": {"1": 0, "2": 0, "3": 1, "4": 1, "5": 1}}
>>> chart = rating_chart(question, results)
>>> chart.title, chart.series[0].values
('Come back? Average 4.0 from 3 answers', (0.0, 0.0, 1.0, 1.0, 1.0))
>>> results_text(question, results)
'Come back? 3 answers, average 4.0. 1: 0, 2: 0, 3: 1, 4: 1, 5: 1.'
"""

from __future__ import annotations

import html

from ..nps import NpsCounts
from ..room.questions import ANONYMOUS_MIN
from ._figures import COLOURS
from .nps import GROUPS, nps_groups_live_chart
from .svg import SvgChart

__all__ = ["choice_chart", "rating_chart", "results_html", "results_text", "word_cloud_html"]


def _answers(count: int) -> str:
    return f"{count:,} answer" + ("" if count == 1 else "s")


def rating_chart(question: dict, results: dict) -> SvgChart:
    """Bars of how many gave each score, with the average in the title."""
    scores = [str(s) for s in range(question["low"], question["high"] + 1)]
    counts = [results["counts"].get(s, results["counts"].get(int(s), 0)) for s in scores]
    mean = results.get("mean")
    average = f"Average {mean:.1f} from {_answers(results['count'])}" if mean is not None \
        else "No answers yet"
    chart = SvgChart(title=f"{question['text']} {average}", categories=scores,
                     value_label="Answers", category_label="Score")
    chart.bars(counts, label="Answers", colour=COLOURS["revenue"], value_labels=True)
    chart.set_limits(0, max(4, max(counts)))  # whole-number ticks for a few answers
    return chart


def choice_chart(question: dict, results: dict) -> SvgChart:
    """Horizontal bars, one per option, in the order the run sheet lists them."""
    options = list(question["options"])
    counts = [results["counts"].get(o, 0) for o in options]
    chart = SvgChart(title=f"{question['text']} ({_answers(results['count'])})",
                     categories=options, value_label="Answers", horizontal=True,
                     height=max(260, 120 + 70 * len(options)))
    chart.bars(counts, label="Answers", colour=COLOURS["revenue"], value_labels=True)
    chart.set_limits(0, max(4, max(counts)))  # whole-number ticks for a few answers
    return chart


def nps_counts(results: dict) -> NpsCounts | None:
    """The NPS groups of an ``nps`` question's results (None with no answers).

    >>> nps_counts({"count": 3, "promoters": 2, "passives": 0, "detractors": 1})
    NpsCounts(promoters=2, passives=0, detractors=1)
    """
    if not results.get("count"):
        return None
    return NpsCounts(results["promoters"], results["passives"], results["detractors"])


def word_cloud_html(words, *, largest: float = 3.2, smallest: float = 1.1) -> str:
    """A word cloud: each word as text, the more often given the larger and the earlier.

    Size is not the only cue: the words come most-given first, and the count
    follows each word in small type.

    >>> word_cloud_html([["polite", 3], ["<b>", 1]])
    '<div class="cc-word-cloud" ...><span ...font-size: 3.20em...>polite<small ...> ×3</small></span> <span ...>&lt;b&gt;<small ...> ×1</small></span></div>'
    """
    words = list(words)
    if not words:
        return '<div class="cc-word-cloud" style="font-size: 1.4em">No words yet</div>'
    top = max(n for _word, n in words)
    spans = []
    for word, n in words:
        size = smallest + (largest - smallest) * (n / top if top else 0)
        spans.append(f'<span style="display: inline-block; margin: 0.1em 0.4em; '
                     f'font-size: {size:.2f}em; font-weight: bold; color: {COLOURS["text"]}">'
                     f'{html.escape(str(word))}<small style="font-size: 0.45em; '
                     f'font-weight: normal"> ×{n}</small></span>')
    return ('<div class="cc-word-cloud" style="line-height: 1.3; text-align: center; '
            'max-width: 40em">' + " ".join(spans) + "</div>")


def _ranked_html(items, what: str) -> str:
    if not items:
        return f'<div style="font-size: 1.4em">No {what} yet</div>'
    rows = "".join(f'<li style="margin: 0.25em 0">{html.escape(str(text))} '
                   f'<b>({label})</b></li>' for text, label in items)
    return f'<ol style="font-size: 1.5em; line-height: 1.35">{rows}</ol>'


def results_text(question: dict, results: dict) -> str:
    """The results in one plain sentence, with every number (a chart's text alternative).

    >>> q = {"id": "q", "kind": "choice", "text": "Which level?", "options": ["Low", "WOW"], "low": None, "high": None}
    >>> results_text(q, {"count": 2, "counts": {"Low": 0, "WOW": 2}})
    'Which level? 2 answers. Low: 0, WOW: 2.'
    >>> results_text({**q, "kind": "words", "text": "Felt?"}, {"count": 0, "words": []})
    'Felt? 0 answers.'
    """
    kind, count = question["kind"], results.get("count", 0)
    head = f"{question['text']} {_answers(count)}"
    if results.get("withheld"):
        return head + f". Anonymous: the results show once {ANONYMOUS_MIN} have answered."
    if kind == "statements":
        means = results.get("means")
        if not means:
            return head + "."
        return head + ". Average per statement: " + "; ".join(
            f"{text} {mean:.1f}" for text, mean in zip(question["options"], means)) + "."
    if kind == "rating":
        parts = [f"{s}: {results['counts'].get(str(s), results['counts'].get(s, 0))}"
                 for s in range(question["low"], question["high"] + 1)]
        mean = results.get("mean")
        return head + (f", average {mean:.1f}" if mean is not None else "") + \
            ". " + ", ".join(parts) + "."
    if kind == "nps":
        counts = nps_counts(results)
        if counts is None:
            return head + "."
        return (head + f", NPS {results['nps']:+.1f} (95% interval {results['low']:+.1f} to "
                f"{results['high']:+.1f}). " + ", ".join(
                    f"{g}: {n}" for g, n in zip(GROUPS, (counts.detractors, counts.passives,
                                                         counts.promoters))) + ".")
    if kind in ("choice", "choices"):
        return head + ". " + ", ".join(f"{o}: {results['counts'].get(o, 0)}"
                                       for o in question["options"]) + "."
    if kind == "words":
        listed = ", ".join(f"{w}: {n}" for w, n in results["words"])
    elif kind == "text":
        listed = "; ".join(f"{t} ({n})" for t, n in results["items"])
    else:
        listed = "; ".join(f"{i['text']} ({i['votes']} votes)" for i in results["items"])
    return head + "." + (f" {listed}." if listed else "")


def results_chart(question: dict, results: dict) -> SvgChart | None:
    """The chart of a rating, NPS or choice question's results; None for text answers
    (see :func:`results_html`) and for an NPS question with no answers yet."""
    kind = question["kind"]
    if results.get("withheld"):
        return None
    if kind == "rating":
        return rating_chart(question, results)
    if kind == "nps":
        counts = nps_counts(results)
        return nps_groups_live_chart(counts) if counts is not None else None
    if kind in ("choice", "choices"):
        return choice_chart(question, results)
    return None


def results_html(question: dict, results: dict) -> str:
    """The results of a text question as HTML: a word cloud (``words``), answers ranked
    by how many gave them (``text``) or ideas ranked by votes (``ideas``). Other kinds
    are charts (:func:`results_chart`) and give ''.

    >>> q = {"id": "g", "kind": "ideas", "text": "Ideas?", "options": [], "low": None, "high": None}
    >>> results_html(q, {"count": 1, "items": [{"id": 4, "text": "<script>x</script>", "votes": 2}]})
    '<ol ...><li ...>&lt;script&gt;x&lt;/script&gt; <b>(2 votes)</b></li></ol>'
    """
    kind = question["kind"]
    if kind == "words":
        return word_cloud_html(results["words"])
    if kind == "text":
        return _ranked_html([(t, f"×{n}") for t, n in results["items"]], "answers")
    if kind == "ideas":
        return _ranked_html([(i["text"], f"{i['votes']} vote" + ("" if i["votes"] == 1
                                                                  else "s"))
                             for i in results["items"]], "ideas")
    return ""
