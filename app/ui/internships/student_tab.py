"""The Stages tab of the student file: the student's internships, their evaluations, and
the actions of the life-cycle (plan, start, complete, break off, evaluate, print)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date, today
from app.services.common import labels
from app.services.common.file_names import file_name
from app.services.internships import agreement as internship_agreement
from app.services.internships import (
    competencies,
    employer_lists,
    evaluations,
    lifecycle,
    listing,
    planning,
)
from app.services.internships.listing import InternshipRow
from app.ui.common.save_dialog import ask_save_path
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.internships.dialogs import (
    BreakOffDialog,
    CompleteDialog,
    EvaluationDialog,
    InternshipDialog,
)
from app.ui.workspace import Workspace

INTERNSHIP_WIDTHS = [220, 140, 110, 175, 90, 80]
STUDENT_WIDTHS = [180, 55]


def internship_model(parent=None, *, with_student: bool = False) -> RowTableModel:
    columns: list[tuple[str, object, object]] = []
    if with_student:
        columns += [
            (
                QCoreApplication.translate("internships.student_tab", "Leerling"),
                lambda r: r.student_name,
                lambda r: r.sort_name,
            ),
            (
                QCoreApplication.translate("internships.student_tab", "Klas"),
                lambda r: r.class_name,
                lambda r: r.class_name,
            ),
        ]
    columns += [
        (
            QCoreApplication.translate("internships.student_tab", "Werkgever"),
            lambda r: r.employer_name,
            lambda r: r.employer_name.lower(),
        ),
        (
            QCoreApplication.translate("internships.student_tab", "Sector"),
            lambda r: r.sector,
            lambda r: r.sector,
        ),
        (
            QCoreApplication.translate("internships.student_tab", "Soort"),
            lambda r: labels.INTERNSHIP_TYPE[r.kind],
            lambda r: r.kind.value,
        ),
        (
            QCoreApplication.translate("internships.student_tab", "Periode"),
            lambda r: r.period_text,
            lambda r: r.start_date,
        ),
        (
            QCoreApplication.translate("internships.student_tab", "Dagen"),
            lambda r: r.days.replace(",", ", "),
            lambda r: r.days,
        ),
        (
            QCoreApplication.translate("internships.student_tab", "Status"),
            lambda r: labels.INTERNSHIP_STATUS[r.status],
            lambda r: r.status.value,
        ),
        (
            QCoreApplication.translate("internships.student_tab", "Resultaat"),
            lambda r: labels.outcome_label(r.outcome),
            lambda r: r.outcome or "",
        ),
    ]
    return RowTableModel(
        [c[0] for c in columns],
        {n: c[1] for n, c in enumerate(columns)},
        {n: c[2] for n, c in enumerate(columns)},
        tooltip=lambda r: r.broken_off_reason or "",
        parent=parent,
    )


def _choices_and_internship(session, actor, internship_id: int):
    return (
        employer_lists.employer_choices(session, actor),
        listing.open_internship(session, actor, internship_id),
    )


class StudentInternshipsTab(QWidget):
    def __init__(self, workspace: Workspace, student_id: int, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.student_id = student_id
        self.dialog = None
        self.model = internship_model(self)
        self.table = make_table(self.model, widths=INTERNSHIP_WIDTHS, sort_by=0, word_wrap=False)
        self.table.setAccessibleName(self.tr("Stages"))
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # newest period first
        self.table.activated.connect(lambda *_: self.edit_selected())
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setAccessibleName(self.tr("Details van de stage"))
        self.details.setPlaceholderText(
            self.tr("Kies een stage om leerdoelen en evaluaties te zien.")
        )
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("plan", self.tr("Stage plannen…"), self.plan),
            ("edit", self.tr("Wijzigen…"), self.edit_selected),
            ("start", self.tr("Starten"), self.start_selected),
            ("complete", self.tr("Afronden…"), self.complete_selected),
            ("break_off", self.tr("Afbreken…"), self.break_off_selected),
            ("evaluate", self.tr("Evaluatie…"), self.evaluate_selected),
            ("agreement", self.tr("Stageovereenkomst (pdf)…"), self.print_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        may_edit = workspace.actor.may_edit
        for key in ("plan", "edit", "start", "complete", "break_off", "evaluate"):
            self.buttons[key].setVisible(may_edit)
        self.buttons["agreement"].setVisible(workspace.actor.is_coordinator)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([300, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self._loaded_once = False

    def showEvent(self, event: QShowEvent) -> None:
        """Reads the internships when the tab is first shown: opening the file stays quick."""
        super().showEvent(event)
        if not self._loaded_once:
            self.load()

    # --- data --------------------------------------------------------------------------
    def load(self) -> None:
        self.workspace.call(
            listing.list_for_student,
            self.student_id,
            on_success=self._loaded,
        )

    def _loaded(self, rows: list[InternshipRow]) -> None:
        self._loaded_once = True
        self.model.set_rows(rows)
        self.status.setText(self.tr("1 stage") if len(rows) == 1 else f"{len(rows)} stages")
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)  # the newest, with its evaluations below
        self._selection()

    def selected(self) -> InternshipRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def select_row(self, internship_id: int) -> None:
        for n, row in enumerate(self.model.rows()):
            if row.id == internship_id:
                self.table.selectRow(n)

    def _selection(self) -> None:
        row = self.selected()
        for key in ("edit", "start", "complete", "break_off", "evaluate", "agreement"):
            self.buttons[key].setEnabled(row is not None)
        if row is None:
            self.details.clear()
            return
        # The row says what the life-cycle accepts next; the tab keeps no rules of its own.
        self.buttons["start"].setEnabled(row.may_start)
        self.buttons["complete"].setEnabled(row.may_complete)
        self.buttons["break_off"].setEnabled(row.may_break_off)
        self.workspace.call(
            listing.open_internship,
            row.id,
            on_success=self._show_details,
        )

    def _show_details(self, detail) -> None:
        lines = [
            self.tr("Leerdoelen: {learning_goals}").format(
                learning_goals=detail.learning_goals or "—"
            )
        ]
        if detail.row.broken_off_reason:
            lines.append(
                self.tr("Afgebroken: {broken_off_reason}").format(
                    broken_off_reason=detail.row.broken_off_reason
                )
            )
        for e in detail.evaluations:
            kind = self.tr("Eindevaluatie") if e.is_final else self.tr("Evaluatie")
            lines.append("")
            lines.append(f"{kind} {format_date(e.evaluated_on)} ({labels.EVALUATOR[e.evaluator]})")
            if e.scores:
                lines.append("  " + " · ".join(f"{s.label} {s.score}" for s in e.scores))
            if e.supervisor_comment:
                lines.append(
                    self.tr("Praktijkbegeleider: {supervisor_comment}").format(
                        supervisor_comment=e.supervisor_comment
                    )
                )
            if e.school_comment:
                lines.append(
                    self.tr("School: {school_comment}").format(school_comment=e.school_comment)
                )
        self.details.setPlainText("\n".join(lines))

    # --- actions -----------------------------------------------------------------------
    def _submit(self, dialog, use_case, *args, transform=lambda data: (data,)):
        """Saves what the dialog submits; the dialog stays open on a problem."""

        def submitted(data) -> None:
            self.workspace.call(
                use_case,
                *args,
                *transform(data),
                on_success=lambda _result: (dialog.accept(), self.load()),
                on_error=dialog.show_error,
            )

        dialog.submitted.connect(submitted)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _then(self, use_case, *args, build) -> None:
        """Reads what a dialog needs off the GUI thread, then builds and opens it."""
        self.dialog = None
        self.workspace.call(use_case, *args, on_success=build)

    def plan(self) -> InternshipDialog | None:
        self._then(
            employer_lists.employer_choices,
            build=lambda choices: self._submit(
                InternshipDialog(choices, parent=self),
                planning.plan_internship,
                self.student_id,
            ),
        )
        return self.dialog

    def edit_selected(self) -> InternshipDialog | None:
        row = self.selected()
        if row is None or not self.workspace.actor.may_edit:
            return None
        self._then(
            _choices_and_internship,
            row.id,
            build=lambda found: self._submit(
                InternshipDialog(found[0], found[1].input, parent=self),
                planning.save_internship,
                row.id,
                row.version,
            ),
        )
        return self.dialog

    def start_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.workspace.call(
                lifecycle.start_internship,
                row.id,
                row.version,
                on_success=lambda _v: self.load(),
            )

    def complete_selected(self) -> CompleteDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = CompleteDialog(row.may_end_with_contract, parent=self)

        def submitted(data) -> None:
            on, outcome, destination = data
            if destination:
                args = (lifecycle.end_with_contract, row.id, row.version, on, destination)
            else:
                args = (lifecycle.complete_internship, row.id, row.version, outcome, on)
            self.workspace.call(
                *args,
                on_success=lambda _r: (dialog.accept(), self.load()),
                on_error=dialog.show_error,
            )

        dialog.submitted.connect(submitted)
        dialog.open()
        self.dialog = dialog
        return dialog

    def break_off_selected(self) -> BreakOffDialog | None:
        row = self.selected()
        if row is None:
            return None
        return self._submit(
            BreakOffDialog(self),
            lifecycle.break_off,
            row.id,
            row.version,
            transform=lambda data: data,
        )

    def evaluate_selected(self) -> EvaluationDialog | None:
        row = self.selected()
        if row is None:
            return None
        self._then(
            competencies.competencies,
            build=lambda skills: self._submit(
                EvaluationDialog(skills, self), evaluations.record_evaluation, row.id
            ),
        )
        return self.dialog

    def print_selected(self, *_args, target: str | None = None) -> None:
        row = self.selected()
        if row is None:
            return
        if target is None:
            target = ask_save_path(
                self,
                self.tr("Stageovereenkomst opslaan"),
                file_name("stageovereenkomst", row.student_name, today()),
                self.tr("PDF (*.pdf)"),
            )
        if target:
            self.workspace.call(
                internship_agreement.save_agreement,
                row.id,
                target,
                on_success=lambda path: self.status.setText(
                    self.tr("Opgeslagen: {path}").format(path=path)
                ),
            )
