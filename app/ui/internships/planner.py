"""The planner tab: one school year at a glance, with filters, and planning from the list
of students who have no internship yet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import today
from app.models import InternshipType
from app.services.common import labels
from app.services.internships import employer_lists, planner, planning, sectors
from app.services.internships.planner import PlannerQuery, PlannerView, school_year_of
from app.ui.common.fields import combo_value, fill_combo, set_combo_value
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.internships.dialogs import InternshipDialog
from app.ui.internships.student_tab import (
    INTERNSHIP_WIDTHS,
    STUDENT_WIDTHS,
    internship_model,
)
from app.ui.workspace import Workspace


def _without_model(parent) -> RowTableModel:
    return RowTableModel(
        [
            QCoreApplication.translate("internships.planner", "Leerling"),
            QCoreApplication.translate("internships.planner", "Klas"),
            QCoreApplication.translate("internships.planner", "Mentor"),
        ],
        {0: lambda r: r.name, 1: lambda r: r.class_name, 2: lambda r: r.mentor},
        {0: lambda r: r.sort_name, 1: lambda r: r.class_name, 2: lambda r: r.mentor},
        parent=parent,
    )


def _free_model(parent) -> RowTableModel:
    return RowTableModel(
        [
            QCoreApplication.translate("internships.planner", "Werkgever"),
            QCoreApplication.translate("internships.planner", "Plaats"),
            QCoreApplication.translate("internships.planner", "Sector"),
            QCoreApplication.translate("internships.planner", "Soort"),
            QCoreApplication.translate("internships.planner", "Vrij"),
            QCoreApplication.translate("internships.planner", "Plaatsen"),
        ],
        {
            0: lambda r: r.employer_name,
            1: lambda r: r.city,
            2: lambda r: r.sector,
            3: lambda r: labels.INTERNSHIP_TYPE[r.kind],
            4: lambda r: str(r.free),
            5: lambda r: str(r.places),
        },
        {
            0: lambda r: r.employer_name.lower(),
            1: lambda r: r.city,
            2: lambda r: r.sector,
            3: lambda r: r.kind.value,
            4: lambda r: r.free,
            5: lambda r: r.places,
        },
        parent=parent,
    )


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


class PlannerTab(QWidget):
    open_student_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.view: PlannerView | None = None
        self.dialog: InternshipDialog | None = None
        this_year = school_year_of(today())
        self.year = QComboBox()
        fill_combo(
            self.year,
            [(f"{y}-{y + 1}", y) for y in range(this_year + 1, this_year - 10, -1)],
            empty=None,
        )
        set_combo_value(self.year, this_year)
        self.sector = QComboBox()
        self.kind = QComboBox()
        fill_combo(
            self.kind,
            [(labels.INTERNSHIP_TYPE[k], k.value) for k in InternshipType],
            empty=self.tr("Alle soorten"),
        )
        self.class_name = QComboBox()
        fill_combo(self.class_name, [], empty=self.tr("Alle klassen"))
        self.plan_button = QPushButton(self.tr("Stage plannen…"))
        self.plan_button.clicked.connect(self.plan_for_selected)
        self.plan_button.setVisible(workspace.actor.may_edit)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("Schooljaar"), self.year),
            (self.tr("Sector"), self.sector),
            (self.tr("Soort"), self.kind),
            (self.tr("Klas"), self.class_name),
        ):
            filters.addWidget(QLabel(text))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.plan_button)
        self.internships = internship_model(self, with_student=True)
        self.without = _without_model(self)
        self.free = _free_model(self)
        self.transitions = RowTableModel(
            [
                self.tr("Leerling"),
                self.tr("Werkgever"),
                self.tr("Intentie werkgever"),
                self.tr("Status"),
                self.tr("Periode"),
                self.tr("Klas"),
            ],
            {
                0: lambda r: r.student_name,
                1: lambda r: r.employer_name,
                2: lambda r: labels.outcome_label(r.outcome) or self.tr("nog niet uitgesproken"),
                3: lambda r: labels.INTERNSHIP_STATUS[r.status],
                4: lambda r: r.period_text,
                5: lambda r: r.class_name,
            },
            {
                0: lambda r: r.sort_name,
                1: lambda r: r.employer_name.lower(),
                2: lambda r: r.outcome or "",
                3: lambda r: r.status.value,
                4: lambda r: r.start_date,
                5: lambda r: r.class_name,
            },
            parent=self,
        )
        self.internship_table = make_table(
            self.internships,
            widths=STUDENT_WIDTHS + INTERNSHIP_WIDTHS,
            sort_by=0,
            word_wrap=False,
        )
        self.internship_table.setAccessibleName(self.tr("Stages in deze periode"))
        self.without_table = make_table(self.without, widths=[200, 55], sort_by=0, word_wrap=False)
        self.without_table.setAccessibleName(self.tr("Leerlingen zonder stage"))
        self.free_table = make_table(
            self.free, widths=[220, 95, 140, 110, 45], sort_by=0, word_wrap=False
        )
        self.free_table.setAccessibleName(self.tr("Vrije stageplaatsen"))
        self.transition_table = make_table(
            self.transitions, widths=[170, 210, 170, 80, 175], sort_by=0, word_wrap=False
        )
        self.transition_table.setAccessibleName(self.tr("Transitiestages"))
        self.internship_table.activated.connect(
            lambda index: self.open_student_requested.emit(
                self.internships.row_at(index.row()).student_id
            )
        )
        self.without_table.activated.connect(
            lambda index: self.open_student_requested.emit(self.without.row_at(index.row()).id)
        )
        self.summary = QLabel()
        grid = QGridLayout()
        grid.addWidget(_titled(self.tr("Stages in deze periode"), self.internship_table), 0, 0)
        grid.addWidget(_titled(self.tr("Leerlingen zonder stage"), self.without_table), 0, 1)
        grid.addWidget(_titled(self.tr("Werkgevers met vrije plaatsen"), self.free_table), 1, 0)
        grid.addWidget(
            _titled(self.tr("Transitiestages eindexamenjaar"), self.transition_table), 1, 1
        )
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)
        for combo in (self.year, self.sector, self.kind, self.class_name):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda *_: self.load())
        self._filling = False

    def load(self) -> None:
        if self._filling:
            return
        year = combo_value(self.year)
        query = PlannerQuery.school_year(
            year,
            sector=combo_value(self.sector),
            kind=InternshipType(combo_value(self.kind)) if combo_value(self.kind) else None,
            class_name=combo_value(self.class_name),
        )
        self.workspace.call(
            _planner_and_sectors,
            query,
            on_success=self._loaded,
        )

    def _loaded(self, found) -> None:
        view, sectors = found
        self.view = view
        self._filling = True
        for combo, options, empty in (
            (self.sector, sectors, self.tr("Alle sectoren")),
            (self.class_name, view.classes, self.tr("Alle klassen")),
        ):
            current = combo_value(combo)
            fill_combo(combo, [(o, o) for o in options], empty=empty)
            set_combo_value(combo, current)
        self._filling = False
        self.internships.set_rows(view.internships)
        self.without.set_rows(view.without)
        self.free.set_rows(view.free_places)
        self.transitions.set_rows(view.transitions)
        places = sum(f.free for f in view.free_places)
        self.summary.setText(
            self.tr(
                "{internships} stages, {without} leerlingen zonder stage, "
                "{places} vrije plaatsen bij {value} werkgevers."
            ).format(
                internships=len(view.internships),
                without=len(view.without),
                places=places,
                value=len({f.employer_id for f in view.free_places}),
            )
        )

    def refresh(self) -> None:
        self.load()

    def plan_for_selected(self) -> InternshipDialog | None:
        """Plans an internship for the chosen student without one (or picks one in the dialog)."""
        indexes = self.without_table.selectionModel().selectedRows()
        chosen = self.without.row_at(indexes[0].row()).id if indexes else None
        students = [(b.id, f"{b.name} ({b.class_name})") for b in self.without.rows()]
        self.dialog = None

        def build(choices) -> None:
            dialog = InternshipDialog(choices, students=students, parent=self)
            set_combo_value(dialog.student, chosen)
            start, _end = planner.school_year_bounds(combo_value(self.year))
            if self.view is not None:
                dialog.start.setText(self.view.query.start.strftime("%d-%m-%Y"))
            elif start:
                dialog.start.setText(start.strftime("%d-%m-%Y"))

            def submitted(data) -> None:
                self.workspace.call(
                    planning.plan_internship,
                    dialog.student_id(),
                    data,
                    on_success=lambda _id: (dialog.accept(), self.load()),
                    on_error=dialog.show_error,
                )

            dialog.submitted.connect(submitted)
            dialog.open()
            self.dialog = dialog

        self.workspace.call(
            employer_lists.employer_choices,
            on_success=build,
        )
        return self.dialog


def _planner_and_sectors(session, actor, query: PlannerQuery):
    return planner.open_planner(session, actor, query), sectors.sectors(session, actor)
