"""Charts (matplotlib) for the course's calculators.

Every function takes a model result and returns a new
:class:`matplotlib.figure.Figure` (or, for the ``*_live_chart`` functions
that widgets redraw on every change, a fast :class:`~ccexercise.views.svg.SvgChart`); none uses ``pyplot``, shows a window or
changes matplotlib's global settings. This layer imports the calculators
but never ipywidgets.

>>> import ccexercise as cc
>>> from ccexercise.views import lost_revenue_chart
>>> lost_revenue_chart(cc.lost_revenue(10_000, growth_per_year=2_000)).axes[0].get_title()
'Lost revenue over 5 years: 70,000'
"""

from ._figures import figure_to_png, format_money, money_formatter
from .cards import card_html, debrief_chart
from .cohort import score_histogram, task_share_chart
from .customer_focus import principles_live_chart, sort_votes_live_chart
from .leaving import (
    cards_html,
    exit_reason_pareto_chart,
    exit_reason_pareto_live_chart,
    pareto_table_html,
    pareto_text,
)
from .listening import (
    themes_chart,
    themes_live_chart,
    themes_text,
    visit_chart,
    visit_live_chart,
    visit_text,
)
from .lost_customers import lost_revenue_chart, lost_revenue_live_chart, segment_chart
from .maturity import maturity_chart
from .nps import (
    nps_groups_chart,
    nps_groups_live_chart,
    nps_interval_live_chart,
    nps_segment_chart,
    nps_segment_live_chart,
    nps_trend_chart,
    nps_what_if_live_chart,
)
from .satisfaction import (
    gap_chart,
    gap_live_chart,
    level_chart,
    promise_live_chart,
    rating_live_chart,
    segment_gap_chart,
    segment_live_chart,
)
from .skit import skit_comparison_chart
from .soco import (
    soco_team_chart,
    soco_team_live_chart,
    soco_team_text,
    soco_themes_live_chart,
)
from .svg import SvgChart

__all__ = [
    "SvgChart",
    "card_html",
    "cards_html",
    "debrief_chart",
    "exit_reason_pareto_chart",
    "exit_reason_pareto_live_chart",
    "figure_to_png",
    "format_money",
    "gap_chart",
    "gap_live_chart",
    "level_chart",
    "lost_revenue_chart",
    "lost_revenue_live_chart",
    "maturity_chart",
    "money_formatter",
    "nps_groups_chart",
    "nps_groups_live_chart",
    "nps_interval_live_chart",
    "nps_segment_chart",
    "nps_segment_live_chart",
    "nps_trend_chart",
    "nps_what_if_live_chart",
    "pareto_table_html",
    "pareto_text",
    "principles_live_chart",
    "promise_live_chart",
    "rating_live_chart",
    "score_histogram",
    "segment_chart",
    "segment_gap_chart",
    "segment_live_chart",
    "skit_comparison_chart",
    "soco_team_chart",
    "soco_team_live_chart",
    "soco_team_text",
    "soco_themes_live_chart",
    "sort_votes_live_chart",
    "task_share_chart",
    "themes_chart",
    "themes_live_chart",
    "themes_text",
    "visit_chart",
    "visit_live_chart",
    "visit_text",
]
