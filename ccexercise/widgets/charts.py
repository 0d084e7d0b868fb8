"""A picture that shows an :class:`~ccexercise.views.svg.SvgChart` in a widget.

Every widget with a chart uses :class:`ChartImage`: it is an
``ipywidgets.Image``, so the chart is a real picture in JupyterLab and in
Voila (an ``<img>``), and it keeps the last chart it showed in ``.chart``
so tests can read the title and the numbers drawn.

>>> from ccexercise.views.svg import SvgChart
>>> chart = SvgChart(title="Three groups", categories=["a", "b", "c"])
>>> chart.bars([1, 2, 3], label="count", colour="#0072B2")
>>> image = ChartImage()
>>> image.show(chart)
>>> image.chart.title, image.format, bytes(image.value[:4])
('Three groups', 'svg+xml', b'<svg')
>>> image.show("chart")
Traceback (most recent call last):
    ...
TypeError: chart must be an SvgChart, got 'chart' (a str)
"""

from __future__ import annotations

import ipywidgets as widgets

from ..views.svg import SvgChart

__all__ = ["ChartImage"]


class ChartImage(widgets.Image):
    """An ``ipywidgets.Image`` showing an SVG chart, as wide as its column (up to 1000 px).

    Call :meth:`show` with a new chart on every change; :meth:`clear` hides it.
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("layout", {"width": "100%", "max_width": "1000px", "height": "auto"})
        super().__init__(format="svg+xml", value=b"", **kwargs)
        self.chart: SvgChart | None = None

    def show(self, chart: SvgChart) -> None:
        """Draw ``chart`` (about 1 ms) and show it."""
        if not isinstance(chart, SvgChart):
            raise TypeError(f"chart must be an SvgChart, got {chart!r} (a {type(chart).__name__})")
        self.value = chart.to_svg()
        self.chart = chart
        self.layout.display = None

    def clear(self) -> None:
        """Show nothing (for example while the inputs are in error)."""
        self.chart = None
        self.value = b""
        self.layout.display = "none"
