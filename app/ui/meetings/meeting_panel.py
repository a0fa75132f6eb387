"""One meeting: its facts, the composed agenda case by case, and the buttons to submit,
record, add actions and print the papers."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date, today
from app.services.common.file_names import file_name
from app.services.meetings import printing
from app.services.meetings.agenda import Agenda, AgendaCase, compose_agenda
from app.services.meetings.area import Choices, choices
from app.services.meetings.printing import LIST_LABEL
from app.ui.common.save_dialog import ask_save_path
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.meetings.dialogs import ActionDialog, CaseDialog, SubmissionDialog
from app.ui.workspace import Workspace


class AgendaModel(RowTableModel[tuple[str, AgendaCase]]):
    def __init__(self, parent=None) -> None:
        headers = [
            self.tr("Onderdeel"),
            self.tr("Leerling"),
            self.tr("Hulpvraag"),
            self.tr("Regievoerder"),
            self.tr("Lijst"),
            self.tr("Open acties"),
            self.tr("Besproken"),
        ]
        display = {
            0: lambda r: r[0],
            1: lambda r: r[1].student_name,
            2: lambda r: r[1].question,
            3: lambda r: r[1].lead,
            4: lambda r: LIST_LABEL.get(r[1].decided_list or r[1].list_kind, ""),
            5: lambda r: str(len(r[1].open_actions())),
            6: lambda r: self.tr("ja") if r[1].discussed else "",
        }
        super().__init__(headers, display, tooltip=lambda r: r[1].note, parent=parent)


class MeetingPanel(QWidget):
    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.meeting_id: int | None = None
        self.agenda: Agenda | None = None
        self.choices: Choices | None = None
        self.header = QLabel(self.tr("Kies een overleg."))
        self.header.setWordWrap(True)
        self.model = AgendaModel(self)
        self.table = make_table(self.model, resize=QHeaderView.ResizeMode.Interactive, stretch=(2,))
        coordinator = workspace.actor.is_coordinator
        self.submit_button = QPushButton(self.tr("Leerling aanmelden…"))
        self.record_button = QPushButton(self.tr("Casus vastleggen…"))
        self.action_button = QPushButton(self.tr("Actie toevoegen…"))
        self.agenda_button = QPushButton(self.tr("Agenda (PDF)…"))
        self.minutes_button = QPushButton(self.tr("Verslag en actielijst (PDF)…"))
        self.declaration_button = QPushButton(self.tr("Geheimhoudingsverklaring (PDF)…"))
        # Two rows: the work of the meeting, then its papers (one row is wider than a
        # 1024-pixel screen).
        buttons = QVBoxLayout()
        for row in (
            (self.submit_button, self.record_button, self.action_button),
            (self.agenda_button, self.minutes_button, self.declaration_button),
        ):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
                button.setEnabled(False)
            line.addStretch(1)
            buttons.addLayout(line)
        for button in (
            self.record_button,
            self.action_button,
            self.agenda_button,
            self.minutes_button,
            self.declaration_button,
        ):
            button.setVisible(coordinator)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.submit_button.clicked.connect(self.ask_submission)
        self.record_button.clicked.connect(self.ask_record)
        self.action_button.clicked.connect(self.ask_action)
        self.agenda_button.clicked.connect(lambda: self._ask_print("agenda"))
        self.minutes_button.clicked.connect(lambda: self._ask_print("verslag"))
        self.declaration_button.clicked.connect(lambda: self._ask_print("verklaring"))

    # --- loading ----------------------------------------------------------------------
    def load(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        if meeting_id is None:
            self.agenda = None
            self.model.set_rows([])
            self.header.setText(self.tr("Kies een overleg."))
            return
        self.workspace.call(compose_agenda, meeting_id, on_success=self.show_agenda)

    def with_choices(self, then) -> None:
        """Runs `then` once the dialogs' choices (students, contacts) are loaded: only when
        a dialog is first opened, so opening the area stays quick."""
        if self.choices is not None:
            then()
            return

        def loaded(found: Choices) -> None:
            self.choices = found
            then()

        self.workspace.call(choices, on_success=loaded)

    def show_agenda(self, agenda: Agenda) -> None:
        self.agenda = agenda
        view = agenda.meeting
        self.header.setText(
            self.tr(
                "<b>{title}</b> — {place}, {time}<br>Voorzitter: {chair}; notulist: {secretary}. "
                "Aanmelden tot en met {deadline}. Deelnemers: {participants}."
            ).format(
                title=view.row.title,
                place=view.row.place or "—",
                time=view.row.starts_at or "—",
                chair=view.chair or "—",
                secretary=view.secretary or "—",
                deadline=format_date(view.row.deadline),
                participants=", ".join(
                    p.label + ("" if p.declaration_signed_on else self.tr(" (geen verklaring)"))
                    for p in view.participants
                )
                or "—",
            )
        )
        rows = [(self.tr("Nieuwe aanmelding"), c) for c in agenda.submissions]
        rows += [(self.tr("Actieve lijst"), c) for c in agenda.running]
        rows += [(self.tr("Volglijst"), c) for c in agenda.follow_review]
        self.model.set_rows(rows)
        for button in (
            self.submit_button,
            self.agenda_button,
            self.minutes_button,
            self.declaration_button,
        ):
            button.setEnabled(True)
        self.record_button.setEnabled(bool(rows))
        self.action_button.setEnabled(bool(rows))

    def reload(self) -> None:
        self.load(self.meeting_id)
        self.changed.emit()

    def selected_case(self) -> AgendaCase | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = (
            index.model().mapToSource(index) if hasattr(index.model(), "mapToSource") else index
        )
        return self.model.row_at(source.row())[1]

    # --- dialogs ------------------------------------------------------------------------
    def submission_dialog(self) -> SubmissionDialog:
        return SubmissionDialog(self.workspace, self.choices, self.meeting_id, self)

    def case_dialog(self, case: AgendaCase) -> CaseDialog:
        return CaseDialog(
            self.workspace,
            self.choices,
            self.meeting_id,
            case.case_id,
            case.student_name,
            case.lead_contact_id,
            self,
        )

    def action_dialog(self, case: AgendaCase) -> ActionDialog:
        due = (self.agenda.held_on if self.agenda else today()) + timedelta(days=28)
        return ActionDialog(self.workspace, self.choices, self.meeting_id, case.case_id, due, self)

    def ask_submission(self) -> None:
        self.with_choices(lambda: self._run(self.submission_dialog()))

    def ask_record(self) -> None:
        case = self.selected_case()
        if case is not None:
            self.with_choices(lambda: self._run(self.case_dialog(case)))

    def ask_action(self) -> None:
        case = self.selected_case()
        if case is not None:
            self.with_choices(lambda: self._run(self.action_dialog(case)))

    def _run(self, dialog) -> None:
        if self.submission_dialog_exec(dialog):
            self.reload()

    @staticmethod
    def submission_dialog_exec(dialog) -> bool:
        return bool(dialog.exec())

    # --- printing -----------------------------------------------------------------------
    def _ask_print(self, what: str) -> None:
        if self.agenda is None:
            return
        name = file_name(what + "-overleg", self.agenda.meeting.row.title, self.agenda.held_on)
        path = ask_save_path(self, self.tr("PDF opslaan"), name, self.tr("PDF (*.pdf)"))
        if path:
            self.print_paper(what, Path(path))

    def print_paper(self, what: str, path: Path, participant_id: int | None = None) -> None:
        use_case = {
            "agenda": printing.print_agenda,
            "verslag": printing.print_minutes,
            "verklaring": printing.print_declaration,
        }[what]
        args = (self.meeting_id, path) + ((participant_id,) if what == "agenda" else ())
        self.workspace.call(use_case, *args, on_success=lambda _p: None)
