"""ccexercise: calculators, data and widgets for a customer-focus course.

Notebooks write ``import ccexercise as cc`` and then, for example,
``cc.lost_revenue(10_000, growth_per_year=2_000, years=5, margin=0.2)``.
The calculators (this top level) import neither matplotlib nor ipywidgets;
charts live in :mod:`ccexercise.views` and widgets in
:mod:`ccexercise.widgets`.
"""

from . import cards, checks, datasets
from .cards import Dealer, RoundLog, RoundResult, debrief_summary, load_deck
from .checks import check
from .customer_focus import (
    PRINCIPLE_SCALE,
    PRINCIPLES,
    Principle,
    PrinciplesProfile,
    SortResult,
    Statement,
    Verdict,
    principles_profile,
    sort_statement,
    sorter_statements,
)
from .grading import exactly
from .listening import (
    CHECKLIST_STAGES,
    DEFAULT_STAGES,
    EXIT_QUESTIONS,
    THEMES,
    Checklist,
    ConversationTally,
    ExitSurveyPayback,
    ExitSurveyPlan,
    Stage,
    VisitResult,
    exit_survey_payback,
    exit_survey_plan,
    load_conversations,
    mystery_shop_checklist,
    score_visit,
    tally_themes,
)
from .lost_customers import (
    CustomerCostComparison,
    LifetimeValue,
    LostCustomerCost,
    WordOfMouth,
    acquisition_vs_retention,
    cost_by_segment,
    lifetime_value,
    lost_revenue,
    lost_revenue_table,
    word_of_mouth,
)
from .expectations import (
    DEADLINE_EXAMPLE,
    ExpectationResponse,
    PromiseOutcome,
    compare_promises,
    expectation_response,
    promise_vs_delivery,
)
from .nps import (
    NpsCounts,
    NpsDifference,
    classify,
    nps,
    nps_by,
    nps_by_period,
    nps_counts,
    nps_difference,
    nps_from_counts,
    nps_interval,
    nps_interval_from_counts,
    nps_sample_size,
    nps_what_if,
    scores_from_text,
)
from .satisfaction import (
    DIMENSIONS,
    SURVEY_ITEMS,
    GapAnalysis,
    SurveyItem,
    gap_analysis,
    item_gaps,
    normalise_weights,
    respondent_gaps,
    satisfaction,
    weakest_dimension,
)
from .service_levels import (
    MATURITY_STAGES,
    MATURITY_STATEMENTS,
    MaturityResult,
    MaturityStage,
    ServiceLevel,
    level_counts,
    maturity_stage,
    service_level,
)
from .skit import RatingSession, SceneCard, SkitRating, compare_skits

__version__ = "0.1.0"

# Charts, widgets and workshop helpers load on first use (``cc.views``,
# ``cc.widgets``, ``cc.workshop``), so the calculators stay light.
_LAZY = ("views", "widgets", "workshop")


def __getattr__(name):
    if name in _LAZY:
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'ccexercise' has no attribute {name!r}")

__all__ = [
    "CHECKLIST_STAGES",
    "Checklist",
    "ConversationTally",
    "CustomerCostComparison",
    "DEADLINE_EXAMPLE",
    "DEFAULT_STAGES",
    "DIMENSIONS",
    "Dealer",
    "EXIT_QUESTIONS",
    "ExitSurveyPayback",
    "ExitSurveyPlan",
    "ExpectationResponse",
    "GapAnalysis",
    "LifetimeValue",
    "LostCustomerCost",
    "MATURITY_STAGES",
    "MATURITY_STATEMENTS",
    "MaturityResult",
    "MaturityStage",
    "NpsCounts",
    "NpsDifference",
    "PRINCIPLES",
    "PRINCIPLE_SCALE",
    "Principle",
    "PrinciplesProfile",
    "PromiseOutcome",
    "RatingSession",
    "RoundLog",
    "RoundResult",
    "SURVEY_ITEMS",
    "SceneCard",
    "ServiceLevel",
    "SkitRating",
    "SortResult",
    "Stage",
    "Statement",
    "SurveyItem",
    "THEMES",
    "Verdict",
    "VisitResult",
    "WordOfMouth",
    "acquisition_vs_retention",
    "cards",
    "check",
    "checks",
    "classify",
    "compare_promises",
    "compare_skits",
    "cost_by_segment",
    "datasets",
    "debrief_summary",
    "exactly",
    "exit_survey_payback",
    "exit_survey_plan",
    "expectation_response",
    "gap_analysis",
    "item_gaps",
    "level_counts",
    "lifetime_value",
    "load_conversations",
    "load_deck",
    "lost_revenue",
    "lost_revenue_table",
    "maturity_stage",
    "mystery_shop_checklist",
    "normalise_weights",
    "nps",
    "nps_by",
    "nps_by_period",
    "nps_counts",
    "nps_difference",
    "nps_from_counts",
    "nps_interval",
    "nps_interval_from_counts",
    "nps_sample_size",
    "nps_what_if",
    "principles_profile",
    "promise_vs_delivery",
    "respondent_gaps",
    "satisfaction",
    "score_visit",
    "scores_from_text",
    "service_level",
    "sort_statement",
    "sorter_statements",
    "tally_themes",
    "weakest_dimension",
    "word_of_mouth",
]
