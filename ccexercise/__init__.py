"""ccexercise: calculators, data and widgets for a customer-focus course.

Notebooks write ``import ccexercise as cc`` and then, for example,
``cc.lost_revenue(10_000, growth_per_year=2_000, years=5, margin=0.2)``.
The calculators (this top level) import neither matplotlib nor ipywidgets;
charts live in :mod:`ccexercise.views` and widgets in
:mod:`ccexercise.widgets`.
"""

from . import cards, checks, datasets, soco
from .cards import Dealer, RoundLog, RoundResult, debrief_summary, load_deck
from .checks import check
from .grading import exactly
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
from .soco import (
    SOCO_CODES,
    SOCO_STATEMENTS,
    SOCO_THEMES,
    SocoAnswerError,
    SocoDifference,
    SocoScore,
    SocoTeam,
    soco_difference,
    soco_score,
    soco_statements_table,
    soco_team,
)

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
    "CustomerCostComparison",
    "DEADLINE_EXAMPLE",
    "DIMENSIONS",
    "Dealer",
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
    "PromiseOutcome",
    "RatingSession",
    "RoundLog",
    "RoundResult",
    "SOCO_CODES",
    "SOCO_STATEMENTS",
    "SOCO_THEMES",
    "SURVEY_ITEMS",
    "SceneCard",
    "ServiceLevel",
    "SkitRating",
    "SocoAnswerError",
    "SocoDifference",
    "SocoScore",
    "SocoTeam",
    "SurveyItem",
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
    "expectation_response",
    "gap_analysis",
    "item_gaps",
    "level_counts",
    "lifetime_value",
    "load_deck",
    "lost_revenue",
    "lost_revenue_table",
    "maturity_stage",
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
    "promise_vs_delivery",
    "respondent_gaps",
    "satisfaction",
    "scores_from_text",
    "service_level",
    "soco",
    "soco_difference",
    "soco_score",
    "soco_statements_table",
    "soco_team",
    "weakest_dimension",
    "word_of_mouth",
]
