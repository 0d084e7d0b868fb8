"""ccexercise: calculators, data and widgets for a customer-focus course.

Notebooks write ``import ccexercise as cc`` and then, for example,
``cc.lost_revenue(10_000, growth_per_year=2_000, years=5, margin=0.2)``.
The calculators (this top level) import neither matplotlib nor ipywidgets;
charts live in :mod:`ccexercise.views` and widgets in
:mod:`ccexercise.widgets`.
"""

from . import checks, datasets
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

__all__ = [
    "CustomerCostComparison",
    "LifetimeValue",
    "LostCustomerCost",
    "WordOfMouth",
    "acquisition_vs_retention",
    "checks",
    "cost_by_segment",
    "datasets",
    "exactly",
    "lifetime_value",
    "lost_revenue",
    "lost_revenue_table",
    "word_of_mouth",
]
