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
    "Dealer",
    "LifetimeValue",
    "LostCustomerCost",
    "RoundLog",
    "RoundResult",
    "WordOfMouth",
    "acquisition_vs_retention",
    "cards",
    "check",
    "checks",
    "cost_by_segment",
    "datasets",
    "debrief_summary",
    "exactly",
    "lifetime_value",
    "load_deck",
    "lost_revenue",
    "lost_revenue_table",
    "word_of_mouth",
]
