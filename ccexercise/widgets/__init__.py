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
from .facilitator import FacilitatorPage
from .games import ExplainRunner, SmallTalkRunner, VocabularyRunner, YesAndRunner
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
from .room import PollControls, RoomFeed, RoomResults
from .soco import SocoRoomEntry, SocoSelfAssessment, SocoTeamProfile
from .workshop import StepDeck, Timer

__all__ = [
    "CaseCardDealer",
    "DimensionExplorer",
    "ExplainRunner",
    "FacilitatorPage",
    "LostCustomerCalculator",
    "MaturitySelfAssessment",
    "NpsExplorer",
    "NpsWhatIf",
    "PollControls",
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
    "StepDeck",
    "TeamSplitter",
    "Timer",
    "VocabularyRunner",
    "YesAndRunner",
    "dimension_explorer",
    "lost_customer_calculator",
    "nps_explorer",
    "nps_what_if_widget",
    "promise_simulator",
    "room_poll",
    "satisfaction_sliders",
    "skit_workshop",
    "team_names",
]
