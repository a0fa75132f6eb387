"""One figure of the Trends area: its title, caption, chart (or table, one click away), the
n and unknowns below it, and buttons to save the chart as PNG or PDF."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.export.trend_report import Section
from app.ui.common.tables import make_table
from app.ui.trends.charts import make_chart

CHART_HEIGHT = 300


def table_for(header: Sequence[str], rows: Sequence[Sequence[str]]):
    table = make_table(list(header), resize=QHeaderView.ResizeMode.ResizeToContents)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    return table


class ChartPanel(QWidget):
    """Shows one `Section`; `save_requested(panel, suffix)` asks the area to save it."""

    save_requested = Signal(object, str)

    def __init__(self, section: Section, *, may_save: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        title = QLabel(section.title)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        title.setFont(font)
        title.setWordWrap(True)
        caption = QLabel(section.caption)
        caption.setWordWrap(True)
        self.chart_view: QChartView | None = None
        self.table = table_for(section.header, section.rows)
        self.table.setAccessibleName(section.title)
        self.table.setMinimumHeight(120)
        self.pages = QStackedWidget()
        if section.chart is not None:
            self.chart_view = QChartView(make_chart(section.chart))
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view.setMinimumHeight(CHART_HEIGHT)
            self.pages.addWidget(self.chart_view)
        self.pages.addWidget(self.table)
        self.pages.setMinimumHeight(CHART_HEIGHT if self.chart_view else 160)
        self.notes = QLabel("\n".join(section.notes))
        self.notes.setWordWrap(True)
        self.notes.setObjectName("trendNotes")
        self.toggle = QPushButton(self.tr("Tabel tonen"))
        self.toggle.setCheckable(True)
        self.toggle.setVisible(self.chart_view is not None)
        self.toggle.toggled.connect(self.show_table)
        self.save_png = QPushButton(self.tr("Opslaan als PNG…"))
        self.save_pdf = QPushButton(self.tr("Opslaan als PDF…"))
        for button, suffix in ((self.save_png, ".png"), (self.save_pdf, ".pdf")):
            button.setVisible(may_save and self.chart_view is not None)
            button.clicked.connect(lambda _c=False, s=suffix: self.save_requested.emit(self, s))
        buttons = QHBoxLayout()
        buttons.addWidget(self.notes, 1)
        buttons.addWidget(self.toggle)
        buttons.addWidget(self.save_png)
        buttons.addWidget(self.save_pdf)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 12)
        layout.addWidget(title)
        layout.addWidget(caption)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

    def show_table(self, table: bool) -> None:
        self.pages.setCurrentWidget(
            self.table if table or self.chart_view is None else self.chart_view
        )
        self.toggle.setText(self.tr("Grafiek tonen") if table else self.tr("Tabel tonen"))

    def write(self, path: Path, after: Callable[[], None] | None = None) -> None:
        """Writes the chart as shown to `path`: a PNG, or an A4 PDF with the title."""
        if self.chart_view is None:
            return
        picture = self.chart_view.grab()
        if path.suffix.lower() == ".png":
            picture.save(str(path), "PNG")  # i18n: skip
        else:
            writer = QPdfWriter(str(path))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setPageOrientation(QPageLayout.Orientation.Landscape)
            writer.setPageMargins(QMarginsF(15, 15, 15, 15))
            writer.setTitle(self.section.title)
            writer.setResolution(150)
            painter = QPainter(writer)
            page = writer.pageLayout().paintRectPixels(writer.resolution())
            font = QFont(self.font())
            font.setPointSizeF(14)
            font.setBold(True)
            painter.setFont(font)
            line = painter.fontMetrics().height()
            painter.drawText(0, line, self.section.title)
            room = QSizeF(page.width(), page.height() - 2 * line)
            scaled = QSizeF(picture.size()).scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawPixmap(
                QRectF(0, 2 * line, scaled.width(), scaled.height()).toRect(), picture
            )
            painter.end()
        if after is not None:
            after()
