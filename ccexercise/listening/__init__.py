"""Listening to customers: the mystery-shop checklist, the five-by-five conversation
log and the exit-survey planner (module 08).

- :mod:`._checklist`: the stages a customer goes through, a checklist for
  one business (:func:`mystery_shop_checklist`) and a visit's results
  (:func:`score_visit`, the weakest stages first);
- :mod:`._log`: the conversation log (:func:`load_conversations`, checked
  row by row) and its tally into themes (:func:`tally_themes`);
- :mod:`._exit_survey`: the exit survey's cost per improvement
  (:func:`exit_survey_plan`) against one lost customer, worked out with
  module 01's :func:`ccexercise.lost_revenue` (:func:`exit_survey_payback`);
- :mod:`.printing`: the checklist as a one- or two-page A4 PDF (loaded when
  printing).

>>> plan = exit_survey_plan()
>>> exit_survey_payback(plan).pays_for_itself()
True
"""

from ._checklist import (
    CHECKLIST_STAGES,
    DEFAULT_STAGES,
    Checklist,
    Stage,
    VisitResult,
    mystery_shop_checklist,
    score_visit,
)
from ._exit_survey import (
    EXIT_QUESTIONS,
    ExitSurveyPayback,
    ExitSurveyPlan,
    exit_survey_payback,
    exit_survey_plan,
)
from ._log import THEMES, ConversationTally, load_conversations, tally_themes

__all__ = [
    "CHECKLIST_STAGES",
    "Checklist",
    "ConversationTally",
    "DEFAULT_STAGES",
    "EXIT_QUESTIONS",
    "ExitSurveyPayback",
    "ExitSurveyPlan",
    "Stage",
    "THEMES",
    "VisitResult",
    "exit_survey_payback",
    "exit_survey_plan",
    "load_conversations",
    "mystery_shop_checklist",
    "score_visit",
    "tally_themes",
]
