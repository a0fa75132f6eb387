"""The "Bestuur" area: per school the students in the cohort, the leavers, where they went
and how many were still in place after 6, 12 and 24 months. Counts only: the board never
sees a name (the services refuse every list and file that names students to this role)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from app.core.validation import today
from app.services.trends.board import BoardView, SchoolCounts, board_overview
from app.services.trends.honest import share_text
from app.services.trends.measures import HORIZONS
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace

EXPLANATION = QT_TRANSLATE_NOOP(
    "board",
    "Aantallen per school, zonder namen. ‘Plek na … mnd’ telt de oud-leerlingen die bij "
    "het verlaten van school een plek hadden en bij het nazorgcontact nog ergens zaten; het "
    "percentage telt alleen wie bekend is (n), onder de 5 staat er geen percentage. In de "
    "tabel met bestemmingen staan aantallen onder de 5 als ‘<5’ en zijn zo nodig meer "
    "cellen verborgen (‘x’), zodat niemand is terug te rekenen.",
)


class SchoolsModel(RowTableModel[SchoolCounts]):
    def __init__(self, parent=None) -> None:
        headers = [self.tr("School"), self.tr("Leerlingen nu"), self.tr("Vertrokken")]
        headers += [self.tr("Plek na {m} mnd").format(m=m) for m in HORIZONS]
        display = {
            0: lambda r: r.name,
            1: lambda r: str(r.cohort),
            2: lambda r: str(r.leavers),
        }
        for n, months in enumerate(HORIZONS):
            display[3 + n] = lambda r, m=months: share_text(r.retention[m])
        super().__init__(headers, display, parent=parent)


class BoardArea(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.on: date | None = None  # None: the real date (tests fix one)
        self.years = QLabel()
        self.years.setObjectName("boardYears")
        explanation = QLabel(QCoreApplication.translate("board", EXPLANATION))
        explanation.setWordWrap(True)
        self.model = SchoolsModel(self)
        self.schools = make_table(self.model, resize=QHeaderView.ResizeMode.ResizeToContents)
        self.schools.setAccessibleName(self.tr("Scholen"))
        self.destinations = make_table([self.tr("School")])
        self.destinations.setAccessibleName(self.tr("Bestemmingen per school"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.years)
        layout.addWidget(explanation)
        layout.addWidget(self.schools, 1)
        layout.addWidget(QLabel(self.tr("Bestemmingen bij het verlaten van school")))
        layout.addWidget(self.destinations, 1)

    def refresh(self) -> None:
        self.workspace.call(board_overview, self.on or today(), on_success=self.show_view)

    def show_view(self, view: BoardView) -> None:
        self.years.setText(
            self.tr("Vertrokken in de schooljaren {years}").format(years=view.years_label)
        )
        self.model.set_rows(view.schools)
        table = view.destinations
        self.destinations.clear()
        self.destinations.setColumnCount(len(table.column_labels) + 1)
        self.destinations.setHorizontalHeaderLabels([self.tr("School"), *table.column_labels])
        self.destinations.setRowCount(len(table.row_labels))
        for r, (label, cells) in enumerate(zip(table.row_labels, table.cells, strict=True)):
            self.destinations.setItem(r, 0, QTableWidgetItem(label))
            for c, value in enumerate(cells, start=1):
                self.destinations.setItem(r, c, QTableWidgetItem(value))
        self.destinations.resizeColumnsToContents()
