"""The "Bestendiging" tab: per outflow year and destination, the share still at a
destination after 6, 12 and 24 months, with the counts behind each figure."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QVBoxLayout, QWidget

from app.core.validation import today
from app.services.aftercare.retention import (
    HORIZONS,
    RetentionFigure,
    RetentionRow,
    retention_figures,
)
from app.services.common.labels import DESTINATION
from app.services.trends.filters import MIN_FOR_A_SHARE
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace

EXPLANATION = QT_TRANSLATE_NOOP(
    "aftercare.retention",
    "Hoeveel oud-leerlingen zitten na 6, 12 en 24 maanden nog op een plek (dezelfde of een "
    "andere), volgens het nazorgcontact op dat moment. Het percentage telt alleen de "
    "oud-leerlingen van wie het bekend is (n); ‘onbekend’ zijn zij die niet bereikt zijn of "
    "van wie het contact nog open staat. Onder de 5 bekende oud-leerlingen staat er geen "
    "percentage. Een moment dat nog niet is aangebroken blijft leeg.",
)


def figure_text(figure: RetentionFigure) -> str:
    """'80 % (n=5, 1 onbekend)'. Unknown is never in n, and under five known students
    there is no percentage: with all unknown, or two of two, it is not '100 %'."""
    if figure.known == 0 and figure.unknown == 0:
        return ""
    shown = figure.share is not None and figure.known >= MIN_FOR_A_SHARE
    share = f"{round(100 * figure.share)} %" if shown else "—"
    text = QCoreApplication.translate("aftercare.retention", "{share} (n={known}").format(
        share=share, known=figure.known
    )
    if figure.unknown:
        text += QCoreApplication.translate("aftercare.retention", ", {unknown} onbekend").format(
            unknown=figure.unknown
        )
    return text + ")"


def destination_text(row: RetentionRow) -> str:
    return (
        QCoreApplication.translate("aftercare.retention", "Alle bestemmingen")
        if row.destination is None
        else DESTINATION[row.destination]
    )


class RetentionModel(RowTableModel[RetentionRow]):
    def __init__(self, parent=None) -> None:
        headers = [self.tr("Uitstroomjaar"), self.tr("Bestemming"), self.tr("Oud-leerlingen")]
        headers += [self.tr("Na {m} maanden").format(m=m) for m in HORIZONS]
        display = {
            0: lambda r: str(r.year),
            1: destination_text,
            2: lambda r: str(r.students),
        }
        for n in range(len(HORIZONS)):
            display[3 + n] = lambda r, n=n: figure_text(r.figures[n])
        super().__init__(headers, display, parent=parent)

    def data(self, index, role=0):
        from PySide6.QtCore import Qt

        if role == Qt.ItemDataRole.FontRole and index.isValid():
            if self.row_at(index.row()).destination is None:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


class RetentionTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.on: date | None = None  # None: the real date (tests fix one)
        self.model = RetentionModel(self)
        self.table = make_table(
            self.model,
            resize=QHeaderView.ResizeMode.ResizeToContents,
            stretch=[1],
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            select_rows=False,
        )
        explanation = QLabel(QCoreApplication.translate("aftercare.retention", EXPLANATION))
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.workspace.call(
            retention_figures,
            self.on or today(),
            on_success=self.model.set_rows,
        )
