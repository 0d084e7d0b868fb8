"""The service-maturity self-assessment as a live SVG chart.

>>> import ccexercise as cc
>>> result = cc.maturity_stage([True, True, False, True, False, False, False, False, False])
>>> chart = maturity_chart(result)
>>> chart.title, list(chart.series[0].values)
('You reached Stage 1: Courtesy and individual service', [2.0, 1.0, 0.0])
"""

from __future__ import annotations

from ..service_levels import MATURITY_STAGES, MATURITY_STATEMENTS, MaturityResult
from .svg import SvgChart

__all__ = ["maturity_chart"]

#: Okabe-Ito bluish green for a stage reached, grey for one not reached.
REACHED_COLOUR = "#009E73"
NEEDED = 2  # statements of a stage that must hold (see cc.maturity_stage)


def maturity_chart(result: MaturityResult) -> SvgChart:
    """Bars of "yes" answers per stage, with the line a stage must reach."""
    if not isinstance(result, MaturityResult):
        raise TypeError(f"result must be a MaturityResult (from cc.maturity_stage), got "
                        f"{result!r} (a {type(result).__name__})")
    title = ("No stage reached yet" if result.stage is None
             else f"You reached {result.stage}")
    per_stage = max(sum(1 for number, _ in MATURITY_STATEMENTS if number == stage.number)
                    for stage in MATURITY_STAGES)
    chart = SvgChart(title=title,
                     categories=[f"{stage.number}. {stage.name}" for stage in MATURITY_STAGES],
                     value_label="Statements that hold", category_label="", horizontal=False)
    chart.set_limits(0, per_stage)
    chart.bars(list(result.yes_per_stage), label="Yes answers", colour=REACHED_COLOUR,
               value_labels=True)
    chart.reference(NEEDED, label=f"{NEEDED} needed to reach a stage")
    return chart
