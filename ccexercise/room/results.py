"""What the room answered, summed up for the projector: plain, JSON-ready dictionaries.

:func:`summarize` takes a :class:`~ccexercise.room.Question` and the counted
answers (already checked, as the store keeps them) and returns what a
results chart needs, by kind of question.

>>> from ccexercise.room import Question
>>> summarize(Question("q", "rating", "How much?", low=1, high=5), [4, 5, 5])
{'count': 3, 'mean': 4.67, 'counts': {'1': 0, '2': 0, '3': 0, '4': 1, '5': 2}}
>>> summarize(Question("w", "words", "How did it feel?"), ["Calm", "rushed", "calm"])
{'count': 3, 'words': [['calm', 2], ['rushed', 1]]}
"""

from __future__ import annotations

from collections import Counter

from ..nps import NpsCounts
from .questions import ANONYMOUS_MIN, Question

__all__ = ["summarize"]


def _ranked(counter: Counter, first_form: dict[str, str] | None = None) -> list[list]:
    """``[[text, n], ...]``, most first, ties in alphabetical order."""
    items = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return [[first_form[key] if first_form else key, n] for key, n in items]


def summarize(question: Question, values: list) -> dict:
    """The results of ``question`` from its counted answers ``values``.

    By kind (every summary has ``count``, the number of answers):

    * rating: ``mean`` (two decimals; None without answers) and ``counts`` of every
      score on the scale (keys are the scores as text, as JSON keeps them);
    * nps: ``promoters``, ``passives``, ``detractors``, ``nps`` and its 95% interval
      ``low``-``high`` (None without answers);
    * choice / choices: ``counts`` of every option (choices: ``count`` is the devices
      that answered; each may pick several options);
    * words: ``words``, ``[[word, n], ...]`` case-folded, most first, ties alphabetical;
    * text: ``items``, ``[[text, n], ...]`` (the same text in other case counts together,
      shown as first given), most first, ties alphabetical;
    * ideas: ``values`` are ``{"id", "text", "votes"}`` dictionaries, oldest first;
      ``items`` ranks them by votes, then oldest first;
    * statements: ``means``, the average rating of each statement (two decimals; None
      without answers).

    An anonymous question with fewer than :data:`ANONYMOUS_MIN` answers gives only
    ``count`` and ``withheld: True``, so no one's answer can be picked out.

    >>> summarize(Question("n", "nps", "Recommend us?"), [10, 9, 7, 3])
    {'count': 4, 'promoters': 2, 'passives': 1, 'detractors': 1, 'nps': 25.0, 'low': -56.3, 'high': 100.0}
    >>> summarize(Question("n", "nps", "Recommend us?"), [])["nps"] is None
    True
    >>> summarize(Question("c", "choices", "Which?", options=("A", "B")), [["A", "B"], ["B"]])
    {'count': 2, 'counts': {'A': 1, 'B': 2}}
    >>> summarize(Question("i", "ideas", "Ideas?"), [{"id": 1, "text": "Tea", "votes": 0},
    ...                                              {"id": 2, "text": "Cake", "votes": 2}])
    {'count': 2, 'items': [{'id': 2, 'text': 'Cake', 'votes': 2}, {'id': 1, 'text': 'Tea', 'votes': 0}]}
    >>> form = Question("s", "statements", "How often?", options=("A", "B"), anonymous=True)
    >>> summarize(form, [[9, 1]] * 4)
    {'count': 4, 'withheld': True}
    >>> summarize(form, [[9, 1]] * 4 + [[4, 2]])
    {'count': 5, 'means': [8.0, 1.2]}
    >>> summarize("q", [])
    Traceback (most recent call last):
        ...
    TypeError: question must be a Question, got 'q' (a str)
    """
    if not isinstance(question, Question):
        raise TypeError(f"question must be a Question, got {question!r} "
                        f"(a {type(question).__name__})")
    values = list(values)
    kind = question.kind
    if question.anonymous and len(values) < ANONYMOUS_MIN:
        return {"count": len(values), "withheld": True}
    if kind == "statements":
        means = ([round(sum(v[k] for v in values) / len(values), 2)
                  for k in range(len(question.options))] if values else None)
        return {"count": len(values), "means": means}
    if kind == "rating":
        counts = Counter(values)
        mean = round(sum(values) / len(values), 2) if values else None
        return {"count": len(values), "mean": mean,
                "counts": {str(score): counts.get(score, 0) for score in question.scale}}
    if kind == "nps":
        promoters = sum(1 for v in values if v >= 9)
        detractors = sum(1 for v in values if v <= 6)
        passives = len(values) - promoters - detractors
        summary = {"count": len(values), "promoters": promoters, "passives": passives,
                   "detractors": detractors, "nps": None, "low": None, "high": None}
        if values:
            counts = NpsCounts(promoters, passives, detractors)
            summary["nps"] = counts.nps
            summary["low"], summary["high"] = counts.interval()
        return summary
    if kind in ("choice", "choices"):
        counts = Counter(option for v in values for option in ([v] if kind == "choice" else v))
        return {"count": len(values),
                "counts": {option: counts.get(option, 0) for option in question.options}}
    if kind == "words":
        return {"count": len(values), "words": _ranked(Counter(v.casefold() for v in values))}
    if kind == "text":
        first: dict[str, str] = {}
        for v in values:
            first.setdefault(v.casefold(), v)
        return {"count": len(values),
                "items": _ranked(Counter(v.casefold() for v in values), first)}
    ideas = [{"id": v["id"], "text": v["text"], "votes": int(v["votes"])} for v in values]
    order = {id(idea): n for n, idea in enumerate(ideas)}
    ideas.sort(key=lambda idea: (-idea["votes"], order[id(idea)]))
    return {"count": len(ideas), "items": ideas}
