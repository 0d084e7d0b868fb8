"""The live room: questions the room answers from their phones.

* :mod:`ccexercise.room.questions`: a :class:`Question` (rating, NPS, choice,
  text, ideas) as a run sheet declares it, and the answers it takes.
"""

from .questions import KINDS, Question, parse_poll

__all__ = ["KINDS", "Question", "parse_poll"]
