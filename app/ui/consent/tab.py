"""Student file > Toestemming: the consent register (record, withdraw, print the form) and
the transition report for a recipient. The gate decides; this tab shows its answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.core.validation import format_date, today
from app.models import ConsentForm, ConsentScope
from app.services.common.file_names import file_name
from app.services.common.labels import CONSENT_FORM, CONSENT_SCOPE, CONSENT_SCOPE_SHORT
from app.services.consent import register as consents
from app.services.consent import report_export
from app.services.consent.consent_form import consent_form
from app.services.consent.gate import ConsentRefusedError
from app.services.consent.givers import GiverFacts, giver_facts
from app.services.consent.recipients import RecipientChoice, recipient_choices
from app.services.consent.register import ConsentInput, ConsentRow
from app.services.consent.sending import ExportResult
from app.ui.common.fields import width_not_from_items
from app.ui.common.form_dialog import FormDialog
from app.ui.common.messages import show_error
from app.ui.common.save_dialog import ask_save_path
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace

HEADERS = [
    QT_TRANSLATE_NOOP("consent.tab", "Ontvanger"),
    QT_TRANSLATE_NOOP("consent.tab", "Onderdelen"),
    QT_TRANSLATE_NOOP("consent.tab", "Gegeven op"),
    QT_TRANSLATE_NOOP("consent.tab", "Door"),
    QT_TRANSLATE_NOOP("consent.tab", "Vorm"),
    QT_TRANSLATE_NOOP("consent.tab", "Geldig t/m"),
    QT_TRANSLATE_NOOP("consent.tab", "Status"),
]


def _status(row: ConsentRow) -> str:
    if row.status == "Ingetrokken":
        return QCoreApplication.translate(
            "consent.tab", "Ingetrokken {withdrawn_on} ({withdrawn_by})"
        ).format(withdrawn_on=format_date(row.withdrawn_on), withdrawn_by=row.withdrawn_by)
    return row.status + (f" — {row.problem}" if row.problem else "")


DISPLAY = {
    0: lambda r: r.organisation,
    1: lambda r: ", ".join(CONSENT_SCOPE_SHORT[s] for s in r.scopes),
    2: lambda r: format_date(r.given_on),
    3: lambda r: r.given_by,
    4: lambda r: CONSENT_FORM[r.form],
    5: lambda r: format_date(r.valid_until) or "—",
    6: _status,
}


class ConsentDialog(FormDialog):
    """Records a consent; can be opened with a conversation (id and date) filled in."""

    def __init__(
        self,
        workspace: Workspace,
        student_id: int,
        recipients: list[RecipientChoice],
        default_recipient: int | None = None,
        *,
        conversation_id: int | None = None,
        given_on: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Toestemming vastleggen"), parent)
        self.workspace, self.student_id = workspace, student_id
        self.conversation_id = conversation_id
        self.saved_id: int | None = None
        self.attachment: bytes | None = None
        self.attachment_name = ""
        self.recipient = QComboBox()
        for choice in recipients:
            self.recipient.addItem(choice.label, choice.id)
        if default_recipient is not None:
            self.recipient.setCurrentIndex(self.recipient.findData(default_recipient))
        self.scopes = {s: QCheckBox(CONSENT_SCOPE[s]) for s in ConsentScope}
        for box in self.scopes.values():
            box.setChecked(True)
        self.by_student = QCheckBox(self.tr("De leerling zelf"))
        self.by_student.setChecked(True)
        self.guardian = QComboBox()
        self.guardian.setEditable(True)
        self.guardian.lineEdit().setPlaceholderText(self.tr("naam van de ouder of voogd"))
        self.representative = QComboBox()
        self.representative.setEditable(True)
        self.representative.lineEdit().setPlaceholderText(
            self.tr("naam van curator of mentor (bij curatele/mentorschap)")
        )
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.given_on = QLineEdit(format_date(given_on or today()))
        self.consent_form = QComboBox()
        for value in ConsentForm:
            self.consent_form.addItem(CONSENT_FORM[value], value.value)
        self.witness = QLineEdit()
        self.valid_until = QLineEdit()
        self.valid_until.setPlaceholderText(self.tr("dd-mm-jjjj (leeg: geen einddatum)"))
        self.scan_button = QPushButton(self.tr("Scan kiezen (PDF)…"))
        self.scan_label = QLabel(self.tr("Geen scan gekozen"))
        self.note = QLineEdit()
        form = self.form
        form.addRow(self.hint)
        form.addRow(self.tr("Ontvanger"), self.recipient)
        scope_box = QVBoxLayout()
        for box in self.scopes.values():
            scope_box.addWidget(box)
        form.addRow(self.tr("Wat mag gedeeld worden"), scope_box)
        form.addRow(self.tr("Gegeven door"), self.by_student)
        form.addRow(self.tr("Ouder of voogd"), self.guardian)
        form.addRow(self.tr("Wettelijk vertegenwoordiger"), self.representative)
        form.addRow(self.tr("Datum"), self.given_on)
        form.addRow(self.tr("Vorm"), self.consent_form)
        form.addRow(self.tr("Getuige (bij mondeling)"), self.witness)
        scan = QHBoxLayout()
        scan.addWidget(self.scan_button)
        scan.addWidget(self.scan_label, 1)
        form.addRow(self.tr("Getekend formulier"), scan)
        form.addRow(self.tr("Geldig tot en met"), self.valid_until)
        form.addRow(self.tr("Opmerking"), self.note)
        if conversation_id is not None:
            form.addRow(
                self.tr("Gesprek"),
                QLabel(
                    self.tr("Gegeven in het gesprek van {given_on}").format(
                        given_on=format_date(given_on)
                    )
                ),
            )
        # The fields record_consent names in a ValidationError, marked when they are wrong.
        self.fields = {
            "organisation_id": self.recipient,
            "given_by": self.by_student,
            "given_by_guardian": self.guardian,
            "given_by_representative": self.representative,
            "given_on": self.given_on,
            "form": self.consent_form,
            "witness": self.witness,
            "attachment": self.scan_button,
            "valid_until": self.valid_until,
            "note": self.note,
        }
        self.scan_button.clicked.connect(self._choose_scan)
        workspace.call(giver_facts, student_id, on_success=self._facts, on_error=lambda _e: None)

    def _facts(self, facts: GiverFacts) -> None:
        self.hint.setText(facts.hint)
        for box, names in (
            (self.guardian, facts.guardians),
            (self.representative, facts.representatives),
        ):
            box.addItem("")
            box.addItems(names)
            box.setCurrentIndex(0)
        self.mark_clean()  # the names arrive in the background, possibly after showing

    def _choose_scan(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Scan kiezen"), "", self.tr("PDF (*.pdf)")
        )
        if name:
            self.set_scan(Path(name).name, Path(name).read_bytes())

    def set_scan(self, name: str, data: bytes) -> None:
        self.attachment, self.attachment_name = data, name
        self.scan_label.setText(name)

    def data(self) -> ConsentInput:
        return ConsentInput(
            organisation_id=self.recipient.currentData(),
            scopes=[s.value for s, box in self.scopes.items() if box.isChecked()],
            given_by_student=self.by_student.isChecked(),
            given_by_guardian=self.guardian.currentText(),
            given_by_representative=self.representative.currentText(),
            given_on=self.given_on.text(),
            form=self.consent_form.currentData(),
            witness=self.witness.text(),
            valid_until=self.valid_until.text(),
            conversation_id=self.conversation_id,
            note=self.note.text(),
            attachment=self.attachment,
            attachment_name=self.attachment_name,
        )

    def submit(self) -> None:
        self.save()

    def save(self) -> None:
        def done(consent_id: int) -> None:
            self.saved_id = consent_id
            self.accept()

        self.show_problems({})
        self.workspace.call(
            consents.record_consent,
            self.student_id,
            self.data(),
            on_success=done,
            on_error=self._refused,
        )

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_error(exc)  # in place, what was typed stays
            return
        show_error(self, exc)


class ConsentTab(QWidget):
    """The register of one student, and the report export."""

    changed = Signal()
    # Set by the student file; only used in the names of saved files.
    student_name = ""

    def __init__(self, workspace: Workspace, student_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.student_id = workspace, student_id
        self.model = RowTableModel(
            [QCoreApplication.translate("consent.tab", h) for h in HEADERS],
            DISPLAY,
            tooltip=lambda r: r.problem or r.status,
        )
        self.table = make_table(
            self.model, resize=QHeaderView.ResizeMode.ResizeToContents, alternating=False
        )
        self.record_button = QPushButton(self.tr("Toestemming vastleggen…"))
        self.withdraw_button = QPushButton(self.tr("Intrekken…"))
        self.form_button = QPushButton(self.tr("Toestemmingsformulier afdrukken…"))
        self.scan_button = QPushButton(self.tr("Scan opslaan…"))
        self.recipient = QComboBox()
        width_not_from_items(self.recipient, 30)
        self.export_button = QPushButton(self.tr("Overdrachtsdossier maken…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipients: list[RecipientChoice] = []
        self.default_recipient: int | None = None
        self.dialog: ConsentDialog | None = None
        self._build()
        coordinator = workspace.actor.is_coordinator
        for button in (
            self.record_button,
            self.withdraw_button,
            self.form_button,
            self.export_button,
        ):
            button.setVisible(coordinator)
        self.recipient.setVisible(coordinator)
        self.record_button.clicked.connect(lambda: self.open_consent_dialog())
        self.withdraw_button.clicked.connect(self.withdraw)
        self.form_button.clicked.connect(self.print_form)
        self.scan_button.clicked.connect(self.save_scan)
        self.export_button.clicked.connect(self.export_report)
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Gegevens gaan alleen naar een partner met toestemming (of een wettelijke "
                "grondslag). Een ingetrokken of verlopen toestemming stopt elke volgende uitvoer."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        for button in (
            self.record_button,
            self.withdraw_button,
            self.form_button,
            self.scan_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        export = QHBoxLayout()
        export.addWidget(QLabel(self.tr("Overdrachtsdossier voor")))
        export.addWidget(self.recipient, 1)
        export.addWidget(self.export_button)
        layout.addLayout(export)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.workspace.call(
            consents.register, self.student_id, on_success=self.model.set_rows, on_error=self._error
        )
        if self.workspace.actor.is_coordinator:
            self.workspace.call(
                recipient_choices,
                self.student_id,
                on_success=self._set_recipients,
                on_error=self._error,
            )

    def _set_recipients(self, result) -> None:
        self.recipients, self.default_recipient = result
        current = self.recipient.currentData()
        self.recipient.clear()
        for choice in self.recipients:
            self.recipient.addItem(choice.label, choice.id)
        wanted = current if current is not None else self.default_recipient
        if wanted is not None:
            self.recipient.setCurrentIndex(max(0, self.recipient.findData(wanted)))

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _say(self, text: str, *, refused: bool = False) -> None:
        self.message.setStyleSheet("color: #9b1c1c;" if refused else "")
        self.message.setText(text)

    # --- actions ------------------------------------------------------------------------
    def open_consent_dialog(
        self, conversation_id: int | None = None, given_on: date | None = None
    ) -> ConsentDialog:
        """Also the entry point from a conversation: its id and date come filled in."""
        self.dialog = ConsentDialog(
            self.workspace,
            self.student_id,
            self.recipients,
            self.default_recipient,
            conversation_id=conversation_id,
            given_on=given_on,
            parent=self,
        )
        self.dialog.accepted.connect(self._recorded)
        self.dialog.open()
        return self.dialog

    def _recorded(self) -> None:
        self._say(self.tr("Toestemming vastgelegd."))
        self.refresh()
        self.changed.emit()

    def selected(self) -> ConsentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def withdraw(self) -> None:
        row = self.selected()
        if row is None:
            self._say(self.tr("Kies eerst de toestemming die wordt ingetrokken."))
            return
        by, ok = self.ask_withdrawn_by()
        if not ok:
            return
        self.workspace.call(
            consents.withdraw_consent,
            row.id,
            format_date(today()),
            by,
            row.version,
            on_success=lambda _: (self._say(self.tr("Toestemming ingetrokken.")), self.refresh()),
            on_error=self._error,
        )

    def ask_withdrawn_by(self) -> tuple[str, bool]:
        return QInputDialog.getText(
            self, self.tr("Toestemming intrekken"), self.tr("Ingetrokken door:")
        )

    def ask_save_path(self, title: str, suggestion: str) -> str:
        return ask_save_path(self, title, suggestion, self.tr("PDF (*.pdf)"))

    def save_scan(self) -> None:
        row = self.selected()
        if row is None or not row.has_attachment:
            self._say(self.tr("Kies een toestemming met een scan van het getekende formulier."))
            return
        path = self.ask_save_path(
            self.tr("Scan opslaan"), file_name("toestemming", self.student_name, row.given_on)
        )
        if not path:
            return

        # Written and logged as an export by the service, on the worker.
        self.workspace.call(
            consents.save_consent_attachment,
            row.id,
            path,
            on_success=lambda saved: self._say(
                self.tr("Scan opgeslagen: {path}").format(path=saved)
            ),
            on_error=self._error,
        )

    def print_form(self) -> None:
        path = self.ask_save_path(
            self.tr("Toestemmingsformulier opslaan"),
            file_name("toestemmingsformulier", self.student_name, today()),
        )
        if not path:
            return
        self.workspace.call(
            consent_form,
            self.student_id,
            path,
            on_success=lambda p: self._say(self.tr("Formulier opgeslagen: {p}").format(p=p)),
            on_error=self._error,
        )

    def export_report(self) -> None:
        recipient = self.recipient.currentData()
        if recipient is None:
            self._say(self.tr("Kies eerst een ontvanger."))
            return
        path = self.ask_save_path(
            self.tr("Overdrachtsdossier opslaan"),
            file_name("overdrachtsdossier", self.student_name, today()),
        )
        if not path:
            return
        self.workspace.call(
            report_export.export_report,
            self.student_id,
            recipient,
            path,
            on_success=self._exported,
            on_error=self._export_failed,
        )

    def _exported(self, result: ExportResult) -> None:
        scopes = ", ".join(CONSENT_SCOPE_SHORT[s] for s in ConsentScope if s in result.scopes)
        self._say(
            self.tr("Overdrachtsdossier opgeslagen in {path} (met: {scopes}).").format(
                path=result.path, scopes=scopes
            )
        )

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConsentRefusedError):
            self._say(exc.message, refused=True)
        else:
            show_error(self, exc)
