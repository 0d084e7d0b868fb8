"""Interactive widgets (ipywidgets) for lessons and facilitator dashboards.

Each widget only wires controls to the calculators in :mod:`ccexercise`
and the charts in :mod:`ccexercise.views`, so it can be driven from
Python: set a control's ``.value`` or call a button's ``.click()`` and
read the outputs.

>>> from ccexercise.widgets import lost_customer_calculator
>>> lost_customer_calculator().chart.chart.title
'Lost revenue over 5 years: 70,000'
"""

from .cards import CaseCardDealer
from .customer_focus import (
    PrinciplesSelfCheck,
    SortVotes,
    StatementSorter,
    principles_self_check,
    sort_votes,
    statement_sorter,
)
from .facilitator import FacilitatorPage
from .games import ExplainRunner, SmallTalkRunner, VocabularyRunner, YesAndRunner
from .leaving import HarmfulAdviceGame, ParetoExplorer, harmful_advice_game, pareto_explorer
from .listening import (
    ChecklistBuilder,
    ExitSurveyPlanner,
    VisitEntry,
    checklist_builder,
    exit_survey_planner,
    visit_entry,
)
from .lost_customers import LostCustomerCalculator, lost_customer_calculator
from .maturity import MaturitySelfAssessment
from .nps import (
    NpsExplorer,
    NpsWhatIf,
    RoomPoll,
    nps_explorer,
    nps_what_if_widget,
    room_poll,
)
from .satisfaction import (
    DimensionExplorer,
    PromiseSimulator,
    RoomGap,
    SatisfactionSliders,
    dimension_explorer,
    promise_simulator,
    satisfaction_sliders,
)
from .skit import (RatingForm, SceneCardForm, SkitComparison, TeamSplitter, skit_workshop,
                   team_names)
from .room import PollControls, RoomFeed, RoomResults, TypedAnswers, typed_answers
from .soco import SocoRoomEntry, SocoSelfAssessment, SocoTeamProfile
from .workshop import StepDeck, Timer
from .accessibility import ensure_front_end as _ensure_front_end

_ensure_front_end()  # slider names and reachable scroll boxes in JupyterLab (issue 20)

__all__ = [
    "CaseCardDealer",
    "ChecklistBuilder",
    "DimensionExplorer",
    "ExitSurveyPlanner",
    "ExplainRunner",
    "FacilitatorPage",
    "HarmfulAdviceGame",
    "LostCustomerCalculator",
    "MaturitySelfAssessment",
    "NpsExplorer",
    "NpsWhatIf",
    "ParetoExplorer",
    "PollControls",
    "PrinciplesSelfCheck",
    "PromiseSimulator",
    "RatingForm",
    "RoomFeed",
    "RoomGap",
    "RoomPoll",
    "RoomResults",
    "SatisfactionSliders",
    "SceneCardForm",
    "SkitComparison",
    "SmallTalkRunner",
    "SocoRoomEntry",
    "SocoSelfAssessment",
    "SocoTeamProfile",
    "SortVotes",
    "StatementSorter",
    "StepDeck",
    "TeamSplitter",
    "Timer",
    "TypedAnswers",
    "VisitEntry",
    "VocabularyRunner",
    "YesAndRunner",
    "checklist_builder",
    "dimension_explorer",
    "exit_survey_planner",
    "harmful_advice_game",
    "lost_customer_calculator",
    "nps_explorer",
    "nps_what_if_widget",
    "pareto_explorer",
    "principles_self_check",
    "promise_simulator",
    "room_poll",
    "satisfaction_sliders",
    "skit_workshop",
    "sort_votes",
    "statement_sorter",
    "team_names",
    "typed_answers",
    "visit_entry",
]
