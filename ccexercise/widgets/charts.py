"""A picture that shows an :class:`~ccexercise.views.svg.SvgChart` in a widget, with its
numbers in words for people who cannot see it.

Every widget with a chart uses :class:`ChartImage`. The picture is an
``ipywidgets.Image`` (``.image``), so the chart is a real ``<img>`` in
JupyterLab and in Voila. Its text alternative (:meth:`SvgChart.describe
<ccexercise.views.svg.SvgChart.describe>`: the title and every number drawn)
goes on that ``<img>`` as its ``title`` attribute (the ``tooltip`` of
ipywidgets), which screen readers read as the picture's name in both
JupyterLab and Voila; the ``<title>`` inside an SVG shown through ``<img>``
is never read. A chart with more than a few numbers gets a "Show as table"
toggle under it that shows them as an HTML table. Nothing per chart is
needed: the words and the table are made from the chart's own series, so
they change whenever the picture does. ``.chart`` keeps the last chart shown,
so tests can read the title and the numbers drawn.

>>> from ccexercise.views.svg import SvgChart
>>> chart = SvgChart(title="Three groups", categories=["a", "b", "c"])
>>> chart.bars([1, 2, 3], label="count", colour="#0072B2")
>>> image = ChartImage()
>>> image.show(chart)
>>> image.chart.title, image.format, bytes(image.value[:4])
('Three groups', 'svg+xml', b'<svg')
>>> image.alt
'Three groups. count: a 1; b 2; c 3.'
>>> image.show("chart")
Traceback (most recent call last):
    ...
TypeError: chart must be an SvgChart, got 'chart' (a str)
"""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from ..views.svg import SvgChart

__all__ = ["ChartImage", "Picture", "TABLE_AFTER"]

#: A chart drawing more numbers than this gets a "Show as table" toggle.
TABLE_AFTER = 4
SHOW_TABLE, HIDE_TABLE = "Show as table", "Hide the table"


class Picture(widgets.Image):
    """An ``ipywidgets.Image`` whose ``tooltip`` (the ``<img>``'s ``title``, its name for
    screen readers) works.

    ipywidgets 8.1's front end only sets a tooltip where the model has a
    ``description`` (``model.get("description").length``), and an Image has none:
    with a tooltip the picture fails to draw ("Could not create a view"). An
    empty, synced ``description`` is all it needs.
    """

    description = traitlets.Unicode("").tag(sync=True)


class ChartImage(widgets.VBox):
    """An SVG chart as wide as its column (up to 1000 px), named with its numbers, and
    its table behind a "Show as table" toggle when it draws more than a few numbers.

    Call :meth:`show` with a new chart on every change; :meth:`clear` hides it.
    ``image`` is the picture (``ipywidgets.Image``), ``alt`` its text alternative,
    ``table_toggle`` and ``table`` the toggle and the table. ``value`` and ``format``
    are the picture's (the SVG bytes and ``"svg+xml"``). ``layout`` is the whole
    chart's; the picture fills its width.
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("layout", {"width": "100%", "max_width": "1000px", "height": "auto"})
        self.image = Picture(format="svg+xml", value=b"",
                                   layout={"width": "100%", "height": "auto"})
        self.table_toggle = widgets.ToggleButton(
            value=False, description=SHOW_TABLE, icon="table",
            tooltip="The chart's numbers as a table",
            layout={"width": "auto", "align_self": "flex-start", "display": "none"})
        self.table = widgets.HTML(layout={"display": "none"})
        super().__init__(children=[self.image, self.table_toggle, self.table], **kwargs)
        self.chart: SvgChart | None = None
        self.layout.display = "none"  # no picture, so no unnamed <img>, until show()
        self.table_toggle.observe(self._toggled, names="value")

    @property
    def value(self) -> bytes:
        """The SVG picture shown (``b""`` when cleared)."""
        return self.image.value

    @property
    def format(self) -> str:
        return self.image.format

    @property
    def alt(self) -> str:
        """The picture's text alternative: the chart's title and every number drawn."""
        return self.image.tooltip or ""

    def show(self, chart: SvgChart) -> None:
        """Draw ``chart`` (about 1 ms), name it with its numbers and show it."""
        if not isinstance(chart, SvgChart):
            raise TypeError(f"chart must be an SvgChart, got {chart!r} (a {type(chart).__name__})")
        self.image.value = chart.to_svg()
        self.image.tooltip = chart.describe()
        self.chart = chart
        many = chart.numbers() > TABLE_AFTER
        self.table_toggle.layout.display = None if many else "none"
        if not many:
            self.table_toggle.value = False
        self._fill_table()
        self.layout.display = None

    def clear(self) -> None:
        """Show nothing (for example while the inputs are in error)."""
        self.chart = None
        self.image.value = b""
        self.image.tooltip = None
        self.table.value = ""
        self.layout.display = "none"

    def _fill_table(self) -> None:
        shown = self.table_toggle.value and self.chart is not None
        self.table.value = self.chart.table_html() if shown else ""
        self.table.layout.display = None if shown else "none"

    def _toggled(self, _change=None) -> None:
        self.table_toggle.description = HIDE_TABLE if self.table_toggle.value else SHOW_TABLE
        self._fill_table()
