"""A short self-assessment of service maturity: tick what holds, see your stage.

>>> w = MaturitySelfAssessment()
>>> for box in w.boxes[:3]:
...     box.value = True
>>> w.result.stage.name
'Courtesy and individual service'
>>> w.chart.chart.title
'You reached Stage 1: Courtesy and individual service'
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..service_levels import MATURITY_STAGES, MATURITY_STATEMENTS, MaturityResult, maturity_stage
from ..views.maturity import maturity_chart
from .charts import ChartImage
from .style import CONTROL_STYLE

__all__ = ["MaturitySelfAssessment"]


class MaturitySelfAssessment(widgets.VBox):
    """One checkbox per statement of :data:`~ccexercise.MATURITY_STATEMENTS`, grouped by stage.

    ``boxes`` are the checkboxes in statement order; ``summary`` (HTML)
    says the stage reached and what to work on next; ``chart`` shows the
    "yes" answers per stage; ``result`` is the last
    :class:`~ccexercise.MaturityResult`.
    """

    def __init__(self, answers=None, **kwargs) -> None:
        answers = [False] * len(MATURITY_STATEMENTS) if answers is None else list(answers)
        maturity_stage(answers)  # the same checks as the calculator: 9 True/False values
        self.boxes = [widgets.Checkbox(value=bool(answer), description=statement, indent=False,
                                       layout={"width": "100%", "max_width": "50em"},
                                       style=CONTROL_STYLE)
                      for answer, (_number, statement) in zip(answers, MATURITY_STATEMENTS)]
        groups = []
        for stage in MATURITY_STAGES:
            heading = widgets.HTML(f"<b>Stage {stage.number}: {html.escape(stage.name)}</b> "
                                   f"({html.escape(stage.description)})")
            boxes = [box for box, (number, _) in zip(self.boxes, MATURITY_STATEMENTS)
                     if number == stage.number]
            groups.append(widgets.VBox([heading, *boxes], layout={"margin": "0 0 0.6em 0"}))
        self.summary = widgets.HTML()
        self.chart = ChartImage(layout={"width": "100%", "max_width": "640px", "height": "auto"})
        self.result: MaturityResult | None = None
        for box in self.boxes:
            box.observe(lambda _change: self.update(), names="value")
        kwargs.setdefault("layout", {"width": "100%"})
        super().__init__(children=[*groups, self.summary, self.chart], **kwargs)
        self.update()

    def update(self) -> MaturityResult:
        """Score the ticked statements and redraw."""
        result = maturity_stage([box.value for box in self.boxes])
        self.result = result
        self.summary.value = (f'<p style="font-size: 1.3em">{html.escape(result.summary())}</p>')
        self.chart.show(maturity_chart(result))
        return result
