"""The trend report for the school board and the municipality: charts drawn with
reportlab's own graphics (no screen needed), each with a plain-Dutch caption and its
numbers. Takes plain, already suppressed data; never a session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from app.export import pdf

# Colours that stay apart in greyscale print: each step differs clearly in lightness.
PALETTE = [
    colors.HexColor("#08306b"),
    colors.HexColor("#6baed6"),
    colors.HexColor("#d94801"),
    colors.HexColor("#fdd0a2"),
    colors.HexColor("#252525"),
    colors.HexColor("#bdbdbd"),
    colors.HexColor("#41ab5d"),
    colors.HexColor("#f7f7f7"),
]
SMALL_COUNTS = colors.HexColor("#ffffff")


@dataclass(frozen=True, slots=True)
class StackedBars:
    """Per x label (a school year) the counts per series; suppressed cells already merged
    into the series "kleine aantallen samen"."""

    x_labels: Sequence[str]
    series: Sequence[tuple[str, Sequence[int]]]


@dataclass(frozen=True, slots=True)
class ShareLines:
    """Percentages per x label (None: not shown), with the norm drawn as a dashed line."""

    x_labels: Sequence[str]
    series: Sequence[tuple[str, Sequence[float | None]]]
    norm: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    caption: str
    chart: StackedBars | ShareLines | None
    header: Sequence[str] = ()
    rows: Sequence[Sequence[str]] = ()
    notes: Sequence[str] = field(default_factory=tuple)


def _legend(x: float, y: float, names: Sequence[str], fills) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = pdf.FONT, 7
    legend.alignment = "right"
    legend.columnMaximum = 8
    legend.dx = legend.dy = 7
    legend.strokeColor = colors.black
    legend.colorNamePairs = list(zip(fills, names, strict=True))
    return legend


def bars_drawing(chart: StackedBars, width: float, height: float = 70 * mm) -> Drawing:
    drawing = Drawing(width, height)
    bars = VerticalBarChart()
    bars.x, bars.y = 28, 22
    bars.width, bars.height = width * 0.6, height - 34
    bars.data = [list(values) for _name, values in chart.series] or [[0]]
    bars.categoryAxis.categoryNames = list(chart.x_labels)
    bars.categoryAxis.style = "stacked"
    bars.categoryAxis.labels.fontName = pdf.FONT
    bars.categoryAxis.labels.fontSize = 7
    bars.valueAxis.labels.fontName = pdf.FONT
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    fills = []
    for n, (name, _values) in enumerate(chart.series):
        fill = SMALL_COUNTS if name == SMALL_NAME else PALETTE[n % len(PALETTE)]
        bars.bars[n].fillColor = fill
        bars.bars[n].strokeColor = colors.black
        bars.bars[n].strokeWidth = 0.3
        fills.append(fill)
    drawing.add(bars)
    drawing.add(_legend(bars.x + bars.width + 14, height - 8, [n for n, _v in chart.series], fills))
    drawing.add(String(2, height - 8, "leerlingen", fontName=pdf.FONT, fontSize=7))
    return drawing


SMALL_NAME = "Kleine aantallen samen"


def lines_drawing(chart: ShareLines, width: float, height: float = 62 * mm) -> Drawing:
    """Shares as grouped bars per school year (a missing share leaves a gap), with the
    norm as a dashed line across."""
    drawing = Drawing(width, height)
    plot = VerticalBarChart()
    plot.x, plot.y = 28, 22
    plot.width, plot.height = width * 0.6, height - 34
    plot.data = [list(values) for _n, values in chart.series] or [[None]]
    plot.categoryAxis.categoryNames = list(chart.x_labels)
    plot.categoryAxis.labels.fontName = pdf.FONT
    plot.categoryAxis.labels.fontSize = 7
    plot.valueAxis.valueMin, plot.valueAxis.valueMax, plot.valueAxis.valueStep = 0, 100, 25
    plot.valueAxis.labels.fontName = pdf.FONT
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.labelTextFormat = "%d %%"
    plot.groupSpacing = 6
    fills = []
    for n in range(len(chart.series)):
        colour = PALETTE[(2 * n) % len(PALETTE)]
        plot.bars[n].fillColor = colour
        plot.bars[n].strokeColor = colors.black
        plot.bars[n].strokeWidth = 0.3
        fills.append(colour)
    drawing.add(plot)
    names = [name for name, _v in chart.series]
    if chart.norm is not None:
        y = plot.y + plot.height * chart.norm / 100
        drawing.add(
            Line(plot.x, y, plot.x + plot.width, y, strokeColor=colors.red, strokeDashArray=(3, 2))
        )
        drawing.add(
            String(
                plot.x + plot.width + 2,
                y - 2,
                f"norm {chart.norm} %",
                fontName=pdf.FONT,
                fontSize=7,
            )
        )
    drawing.add(_legend(plot.x + plot.width + 48, height - 8, names, fills))
    return drawing


def render_report(title: str, subtitle: str, school: str, sections: Sequence[Section]) -> bytes:
    """The report as PDF bytes: per section a heading, caption, chart and the numbers."""
    st = pdf.styles()
    story: list[Flowable] = [*pdf.document_title(title, subtitle)]
    for section in sections:
        block: list[Flowable] = [
            pdf.para(section.title, st.heading),
            pdf.para(section.caption, st.body),
        ]
        if isinstance(section.chart, StackedBars):
            block.append(bars_drawing(section.chart, pdf.CONTENT_WIDTH))
        elif isinstance(section.chart, ShareLines):
            block.append(lines_drawing(section.chart, pdf.CONTENT_WIDTH))
        story.append(CondPageBreak(110 * mm))
        story.append(KeepTogether(block))
        if section.rows:
            width = pdf.CONTENT_WIDTH / len(section.header)
            first = min(45 * mm, pdf.CONTENT_WIDTH - width)
            rest = (pdf.CONTENT_WIDTH - first) / max(1, len(section.header) - 1)
            story.append(Spacer(1, 4))
            story.append(
                pdf.table(
                    [list(section.header), *map(list, section.rows)],
                    [first] + [rest] * (len(section.header) - 1),
                )
            )
        for note in section.notes:
            story.append(pdf.para(note, st.small))
        story.append(Spacer(1, 10))
    frame = pdf.PageFrame(
        title=title,
        school=school,
        footer=(
            "Aantallen onder 5 staan er als '<5'; 'x' is verborgen zodat niets terug te rekenen is."
        ),
    )
    return pdf.render(story, frame)
