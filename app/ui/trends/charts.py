"""QtCharts drawings of the trends' chart data (`StackedBars`, `ShareLines`).

The data arrive already counted, shared and suppressed by app.services.trends; this module
only draws. Each series gets a colour of its own lightness and, every other series, a
hatch on top, so the bars stay apart on a greyscale print.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap

from app.export.trend_report import SMALL_NAME, ShareLines, StackedBars

# From dark to light and back, so neighbours differ clearly in lightness (as in the PDF).
PALETTE = (
    "#08306b",
    "#9ecae1",
    "#d94801",
    "#fdd0a2",
    "#252525",
    "#d9d9d9",
    "#238b45",
    "#fff5eb",
    "#6a51a3",
    "#bdbdbd",
)
HATCHES = (
    None,
    Qt.BrushStyle.BDiagPattern,
    None,
    Qt.BrushStyle.CrossPattern,
    None,
    Qt.BrushStyle.FDiagPattern,
    None,
    Qt.BrushStyle.Dense6Pattern,
)
NORM_COLOUR = "#c00000"


def series_brush(index: int, name: str = "") -> QBrush:
    """A filled brush for series `index`: its colour with, for some, a hatch over it."""
    if name == SMALL_NAME:
        return _textured("#ffffff", Qt.BrushStyle.Dense5Pattern)
    return _textured(PALETTE[index % len(PALETTE)], HATCHES[index % len(HATCHES)])


def _textured(colour: str, hatch: Qt.BrushStyle | None) -> QBrush:
    if hatch is None:
        return QBrush(QColor(colour))
    tile = QPixmap(12, 12)
    fill = QColor(colour)
    tile.fill(fill)
    painter = QPainter(tile)
    # Dark lines on a light fill, light lines on a dark one: the hatch shows either way.
    line = QColor("#000000") if fill.lightness() > 128 else QColor("#ffffff")
    painter.fillRect(tile.rect(), QBrush(line, hatch))
    painter.end()
    return QBrush(tile)


def _base_chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    font = QFont(chart.legend().font())
    font.setPointSizeF(max(8.0, font.pointSizeF() - 1))
    chart.legend().setFont(font)
    chart.setBackgroundRoundness(0)
    return chart


def _bar_set(name: str, values, index: int) -> QBarSet:
    bar_set = QBarSet(name)
    for value in values:
        bar_set.append(0.0 if value is None else float(value))
    bar_set.setBrush(series_brush(index, name))
    bar_set.setPen(QPen(QColor("#000000"), 0.6))
    return bar_set


def stacked_chart(data: StackedBars) -> QChart:
    chart = _base_chart()
    series = QStackedBarSeries()
    for index, (name, values) in enumerate(data.series):
        series.append(_bar_set(name, values, index))
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(data.x_labels))
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    axis_y.setTitleText(data.unit)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    columns = zip(*(values for _name, values in data.series), strict=True)
    highest = max((sum(column) for column in columns), default=0)
    axis_y.setRange(0, max(5, highest))
    axis_y.applyNiceNumbers()
    return chart


def share_chart(data: ShareLines) -> QChart:
    """Shares as grouped bars per x label (no share: no bar), the norm a dashed line."""
    chart = _base_chart()
    series = QBarSeries()
    for index, (name, values) in enumerate(data.series):
        series.append(_bar_set(name, values, index))
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(data.x_labels))
    axis_y = QValueAxis()
    axis_y.setRange(0, 100)
    axis_y.setTickCount(5)
    axis_y.setLabelFormat("%d %%")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    if data.norm is not None:
        norm = QLineSeries()
        norm.setName(QCoreApplication.translate("trends", "Norm {norm} %").format(norm=data.norm))
        norm.append(QPointF(-0.5, data.norm))
        norm.append(QPointF(len(data.x_labels) - 0.5, data.norm))
        pen = QPen(QColor(NORM_COLOUR), 2, Qt.PenStyle.DashLine)
        norm.setPen(pen)
        chart.addSeries(norm)
        # A value axis of its own, hidden, spanning exactly the bars' categories.
        axis_norm = QValueAxis()
        axis_norm.setRange(-0.5, len(data.x_labels) - 0.5)
        axis_norm.setVisible(False)
        chart.addAxis(axis_norm, Qt.AlignmentFlag.AlignBottom)
        norm.attachAxis(axis_norm)
        norm.attachAxis(axis_y)
    return chart


def make_chart(data: StackedBars | ShareLines) -> QChart:
    return stacked_chart(data) if isinstance(data, StackedBars) else share_chart(data)
