"""The "Gesprekken" tab of the student file: the conversations and the open agreements."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models import ConversationStatus
from app.services.common.file_names import file_name
from app.services.common.parent_language import DUTCH
from app.services.conversations import agreements, parent_reports
from app.services.conversations import planning as conversation_planning
from app.services.conversations import recording as conversations
from app.services.conversations.agreements import AgreementRow
from app.services.conversations.forms import ConversationInput
from app.services.conversations.reading import ConversationRow, list_for_student, open_conversation
from app.ui.common.tables import make_table
from app.ui.conversations.dialog import ConversationDialog
from app.ui.conversations.models import AgreementModel, ConversationModel
from app.ui.conversations.printing import ParentReportPrinting
from app.ui.conversations.report_language import ReportLanguageBox
from app.ui.workspace import Workspace


class ConversationsTab(QWidget):
    """Built as ConversationsTab(workspace, student_id); loads its own data."""

    # Set by the student file; only used in the names of saved files.
    student_name = ""

    def __init__(self, workspace: Workspace, student_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.student_id = student_id
        self.printing = ParentReportPrinting(workspace, self)
        self.dialog: ConversationDialog | None = None
        self.model = ConversationModel(self)
        self.table = make_table(self.model, sortable=True)
        self.table.setAccessibleName(self.tr("Gesprekken"))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        for column, width in enumerate([90, 55, 250, 80, 170, 420]):
            self.table.setColumnWidth(column, width)
        self.agreement_model = AgreementModel(with_student=False, parent=self)
        self.agreement_table = make_table(self.agreement_model, sortable=True)
        self.agreement_table.setAccessibleName(self.tr("Open afspraken van deze leerling"))
        self.agreement_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate([90, 120, 160, 360]):
            self.agreement_table.setColumnWidth(column, width)
        may_edit = workspace.actor.may_edit
        self.new_button = QPushButton(self.tr("&Nieuw gesprek…"))
        self.open_button = QPushButton(self.tr("&Openen…"))
        self.follow_up_button = QPushButton(self.tr("Vervolg&gesprek plannen…"))
        self.preview_button = QPushButton(self.tr("&Voorbeeld…"))
        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.save_pdf_button = QPushButton(self.tr("Opslaan als &pdf…"))
        self.language_box = ReportLanguageBox(self)
        self.language_label = QLabel(self.tr("&Taal:"))
        self.language_label.setBuddy(self.language_box)
        self.done_button = QPushButton(self.tr("Afspraak a&fgerond"))
        self.delete_button = QPushButton(self.tr("Ver&wijderen…"))
        for button in (
            self.new_button,
            self.follow_up_button,
            self.done_button,
            self.delete_button,
        ):
            button.setVisible(may_edit)
        # The report goes to the parents: whoever may edit this student may print it.
        for button in (self.preview_button, self.print_button, self.save_pdf_button):
            button.setVisible(may_edit)
        self.language_box.setVisible(may_edit)
        self.language_label.setVisible(may_edit)
        self.status = QLabel()
        self._build()
        self.new_button.clicked.connect(self.new_conversation)
        self.open_button.clicked.connect(self.open_selected)
        self.follow_up_button.clicked.connect(self.plan_follow_up)
        self.preview_button.clicked.connect(lambda: self._report(preview=True))
        self.print_button.clicked.connect(lambda: self._report(preview=False))
        self.save_pdf_button.clicked.connect(self._save_pdf)
        self.done_button.clicked.connect(self.mark_selected_done)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._load_languages())
        self.agreement_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.refresh()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.open_button,
            self.follow_up_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # The parent report on its own line: its language choice needs the room.
        report = QHBoxLayout()
        self.report_title = QLabel(self.tr("Verslag voor ouders:"))
        report.addWidget(self.report_title)
        report.addWidget(self.language_label)
        report.addWidget(self.language_box, 1)
        for button in (self.preview_button, self.print_button, self.save_pdf_button):
            report.addWidget(button)
        self.report_title.setVisible(self.workspace.actor.may_edit)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addLayout(report)
        top_layout.addWidget(self.table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        title = QLabel(self.tr("Open afspraken van deze leerling"))
        title.setObjectName("sectionTitle")
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.done_button)
        bottom_layout.addLayout(heading)
        bottom_layout.addWidget(self.agreement_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([330, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.workspace.call(
            list_for_student,
            self.student_id,
            on_success=self._show_conversations,
        )
        self.workspace.call(
            agreements.open_for_student,
            self.student_id,
            on_success=self._show_agreements,
        )

    def _show_conversations(self, rows: list[ConversationRow]) -> None:
        self.model.set_rows(rows)
        planned = sum(1 for r in rows if r.status is ConversationStatus.PLANNED)
        total = f"{len(rows)} {'gesprek' if len(rows) == 1 else 'gesprekken'}"
        self.status.setText(
            self.tr("{total}, waarvan {planned} gepland").format(total=total, planned=planned)
            if planned
            else total
        )
        self._update_buttons()

    def _show_agreements(self, rows: list[AgreementRow]) -> None:
        self.agreement_model.set_rows(rows)
        self._update_buttons()

    def selected(self) -> ConversationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_conversation(self, conversation_id: int) -> None:
        for row, item in enumerate(self.model.rows()):
            if item.id == conversation_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        row = self.selected()
        held = row is not None and row.status is ConversationStatus.HELD
        self.open_button.setEnabled(row is not None)
        self.follow_up_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        for button in (self.preview_button, self.print_button, self.save_pdf_button):
            button.setEnabled(held)
            button.setToolTip("" if held else self.tr("Kies een gehouden gesprek"))
        self.done_button.setEnabled(bool(self.agreement_table.selectionModel().selectedRows()))

    def _load_languages(self) -> None:
        """Offers the guardians' languages of the selected conversation for its report."""
        row = self.selected()
        if row is None or not self.workspace.actor.may_edit:
            return
        self.workspace.call(
            parent_reports.parent_languages,
            row.id,
            on_success=self.language_box.set_guardians,
            on_error=lambda _exc: self.language_box.set_guardians([]),
        )

    # --- actions --------------------------------------------------------------------------
    def _open_dialog(self, conversation_id=None, preset: ConversationInput | None = None):
        self.dialog = ConversationDialog(
            self.workspace, self.student_id, conversation_id, preset=preset, parent=self
        )
        self.dialog.saved.connect(self._after_save)
        self.dialog.open()
        return self.dialog

    def new_conversation(self) -> ConversationDialog:
        return self._open_dialog()

    def open_selected(self) -> ConversationDialog | None:
        row = self.selected()
        return self._open_dialog(row.id) if row is not None else None

    def plan_follow_up(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.workspace.call(
            conversation_planning.follow_up_input,
            row.id,
            on_success=lambda preset: self._open_dialog(None, preset),
        )

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.workspace.call(
            open_conversation,
            row.id,
            on_success=self._confirm_delete,
        )

    def _confirm_delete(self, file) -> None:
        answer = self.confirm_delete(
            self.tr(
                "Het gesprek van {date} met alle deelnemers en afspraken "
                "verwijderen? Dit kan niet ongedaan worden gemaakt."
            ).format(date=file.input.date)
        )
        if answer:
            self.workspace.call(
                conversations.delete,
                file.id,
                file.version,
                on_success=lambda _none: self.refresh(),
            )

    def confirm_delete(self, question: str) -> bool:
        choice = QMessageBox.question(
            self,
            self.tr("Gesprek verwijderen"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return choice == QMessageBox.StandardButton.Yes

    def _after_save(self, conversation_id: int) -> None:
        self.refresh()
        self.select_conversation(conversation_id)

    def mark_selected_done(self) -> None:
        rows = self.agreement_table.selectionModel().selectedRows()
        if not rows:
            return
        agreement = self.agreement_model.row_at(rows[0].row())
        self.workspace.call(
            agreements.mark_done,
            agreement.id,
            agreement.version,
            on_success=lambda _v: self.refresh(),
        )

    def _report(self, *, preview: bool) -> None:
        row = self.selected()
        if row is not None:
            self.printing.print_report(
                row.id, preview=preview, language=self.language_box.language()
            )

    def _save_pdf(self) -> None:
        row = self.selected()
        if row is not None:
            language = self.language_box.language()
            suffix = language if language != DUTCH else ""
            self.printing.save_report(
                row.id,
                file_name("gespreksverslag", self.student_name, row.held_at.date(), suffix=suffix),
                language,
            )
