"""Recording one conversation: when and where, who, what was said, and what was agreed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.services.common import labels
from app.services.conversations import recording as conversations
from app.services.conversations.forms import ConversationInput
from app.services.conversations.reading import (
    ConversationFile,
    open_conversation,
    school_contact_default,
    staff_choices,
)
from app.ui.common.fields import mark_invalid, set_combo_value
from app.ui.common.form_dialog import GuardedDialog
from app.ui.common.messages import show_error
from app.ui.conversations.editors import AgreementsEditor, ParticipantsEditor
from app.ui.style import styled
from app.ui.workspace import Workspace

CONSENT_QUESTION = QT_TRANSLATE_NOOP(
    "conversations.dialog",
    "Is gevraagd of het verslag gedeeld mag worden met de gemeente en het RMC?",
)


def _combo(mapping: dict, empty: str | None = None) -> QComboBox:
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, "")
    for value, text in mapping.items():
        combo.addItem(text, value.value)
    return combo


def _text_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class ConversationDialog(GuardedDialog):
    """A new conversation (`conversation_id` None, optionally from `preset`) or an existing one."""

    saved = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        student_id: int,
        conversation_id: int | None = None,
        *,
        preset: ConversationInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.student_id = student_id
        self.conversation_id = conversation_id
        self.loaded: ConversationFile | None = None
        self.setWindowTitle(self.tr("Gesprek — Koers"))
        self.kind = _combo(labels.CONVERSATION_TYPE)
        self.status = _combo(labels.CONVERSATION_STATUS)
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.time = QLineEdit()
        self.time.setPlaceholderText(self.tr("uu:mm"))
        self.place = QLineEdit()
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.participants = ParticipantsEditor()
        self.agenda = _text_box(self.tr("De vragen van de ouders en de leerling, en de agenda"))
        self.summary = _text_box(self.tr("Wat is er besproken? Schrijf korte, duidelijke zinnen."))
        self.advice = _text_box(self.tr("Het advies van de school (bij een adviesgesprek)"))
        self.decisions = _text_box(self.tr("Wat is er besloten?"))
        self.agreements = AgreementsEditor()
        self.consent_asked = QCheckBox(
            QCoreApplication.translate("conversations.dialog", CONSENT_QUESTION)
        )
        self.consent_municipality = _combo(labels.CONSENT_ANSWER, self.tr("Nog geen antwoord"))
        self.consent_rmc = _combo(labels.CONSENT_ANSWER, self.tr("Nog geen antwoord"))
        self.consent_answered_by = QLineEdit()
        self.consent_answered_by.setPlaceholderText(self.tr("bijvoorbeeld: moeder en leerling"))
        # A "ja" becomes a consent in the register: recording consent is the coordinator's.
        self.record_consent_button = QPushButton(self.tr("Toestemming vastleggen…"))
        self.record_consent_button.setVisible(workspace.actor.is_coordinator)
        self.record_consent_button.clicked.connect(self.record_consent)
        self.consent_dialog = None
        self.contact_name = QLineEdit()
        self.contact_phone = QLineEdit()
        self.contact_email = QLineEdit()
        self.tabs = QTabWidget()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.consent_asked.toggled.connect(self._consent_enabled)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.activated.connect(self.save)
        self._build()
        self._fields = {
            "kind": self.kind,
            "status": self.status,
            "date": self.date,
            "time": self.time,
            "place": self.place,
            "participants": self.participants.table,
            "agenda": self.agenda,
            "summary": self.summary,
            "advice": self.advice,
            "decisions": self.decisions,
            "consent_asked": self.consent_asked,
            "consent_answered_by": self.consent_answered_by,
            "contact_name": self.contact_name,
            "contact_phone": self.contact_phone,
            "contact_email": self.contact_email,
        }
        self.resize(980, 720)
        if not workspace.actor.may_edit:
            self._set_read_only()
        self._load(preset)

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        top = QGridLayout()
        # Each label is its field's buddy: Alt plus the underlined letter goes to the field,
        # and a screen reader says the label with it.
        for text, field, row, column, span in (
            (self.tr("&Soort gesprek"), self.kind, 0, 0, 1),
            (self.tr("Stat&us"), self.status, 0, 2, 1),
            (self.tr("Da&tum"), self.date, 1, 0, 1),
            (self.tr("T&ijd"), self.time, 1, 2, 1),
            (self.tr("&Plaats"), self.place, 2, 0, 3),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            top.addWidget(label, row, column)
            top.addWidget(field, row, column + 1, 1, span)
        top.setColumnStretch(1, 1)
        top.setColumnStretch(3, 1)

        talk = QWidget()
        talk_form = QFormLayout(talk)
        talk_form.addRow(self.tr("Vragen en agenda"), self.agenda)
        talk_form.addRow(self.tr("Samenvatting"), self.summary)
        talk_form.addRow(self.tr("Advies van de school"), self.advice)
        talk_form.addRow(self.tr("Besluiten"), self.decisions)

        consent_box = styled(QGroupBox(self.tr("Toestemmingsvraag")), "group")
        consent_form = QFormLayout(consent_box)
        consent_form.addRow(self.consent_asked)
        consent_form.addRow(self.tr("Delen met de gemeente"), self.consent_municipality)
        consent_form.addRow(self.tr("Delen met het RMC"), self.consent_rmc)
        consent_form.addRow(self.tr("Antwoord gegeven door"), self.consent_answered_by)
        consent_form.addRow("", self.record_consent_button)
        note = QLabel(
            self.tr(
                "Het antwoord wordt bij de leerling bewaard, zodat een 'ja' als toestemming "
                "kan worden vastgelegd. Het verslag zelf gaat alleen naar de ouders."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        consent_form.addRow(note)
        contact_box = styled(
            QGroupBox(self.tr("Contactpersoon van de school (staat op het verslag)")), "group"
        )
        contact_form = QFormLayout(contact_box)
        contact_form.addRow(self.tr("Naam"), self.contact_name)
        contact_form.addRow(self.tr("Telefoon"), self.contact_phone)
        contact_form.addRow(self.tr("E-mail"), self.contact_email)
        extra = QWidget()
        extra_layout = QVBoxLayout(extra)
        extra_layout.addWidget(consent_box)
        extra_layout.addWidget(contact_box)
        extra_layout.addStretch(1)

        self.tabs.addTab(self.participants, self.tr("&Deelnemers"))
        self.tabs.addTab(talk, self.tr("&Gesprek"))
        self.tabs.addTab(self.agreements, self.tr("&Afspraken"))
        self.tabs.addTab(extra, self.tr("Toestemming en &contact"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.links)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

    def _consent_enabled(self, asked: bool) -> None:
        for widget in (self.consent_municipality, self.consent_rmc, self.consent_answered_by):
            widget.setEnabled(asked)
        self._update_consent_button()

    def _update_consent_button(self) -> None:
        saved = getattr(self, "loaded", None) is not None
        self.record_consent_button.setEnabled(saved)
        self.record_consent_button.setToolTip(
            self.tr("Legt de toestemming vast in het register, met dit gesprek erbij.")
            if saved
            else self.tr("Sla het gesprek eerst op; daarna kan de toestemming worden vastgelegd.")
        )

    def record_consent(self):
        """Opens the consent dialog with this conversation and its date filled in."""
        if self.loaded is None:
            return None
        from app.services.consent.recipients import recipient_choices

        self.workspace.call(
            recipient_choices,
            self.student_id,
            on_success=self._open_consent_dialog,
        )
        return self.consent_dialog

    def _open_consent_dialog(self, result) -> None:
        from app.ui.consent.tab import ConsentDialog

        recipients, default = result
        try:
            held_on = datetime.strptime(self.loaded.input.date, "%d-%m-%Y").date()
        except ValueError:
            held_on = None
        self.consent_dialog = ConsentDialog(
            self.workspace,
            self.student_id,
            recipients,
            default,
            conversation_id=self.loaded.id,
            given_on=held_on,
            parent=self,
        )
        self.consent_dialog.open()

    def _set_read_only(self) -> None:
        for widget in (self.date, self.time, self.place, self.consent_answered_by):
            widget.setReadOnly(True)
        for widget in (self.agenda, self.summary, self.advice, self.decisions):
            widget.setReadOnly(True)
        for widget in (self.kind, self.status, self.consent_municipality, self.consent_rmc):
            widget.setEnabled(False)
        self.consent_asked.setEnabled(False)
        self.participants.set_read_only(True)
        self.agreements.set_read_only(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setVisible(False)

    # --- data -----------------------------------------------------------------------------
    def _load(self, preset: ConversationInput | None) -> None:
        def with_staff(staff: list[tuple[int, str]]) -> None:
            self._staff = staff
            if self.conversation_id is not None:
                self.workspace.call(
                    open_conversation,
                    self.conversation_id,
                    on_success=self._show_file,
                    on_error=self._load_failed,
                )
            elif preset is not None:
                self._show(preset)
            else:
                self.workspace.call(
                    school_contact_default,
                    self.student_id,
                    on_success=self._show,
                    on_error=self._load_failed,
                )

        self._staff: list[tuple[int, str]] = []
        self.workspace.call(staff_choices, on_success=with_staff, on_error=self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.discard()

    def _show_file(self, file: ConversationFile) -> None:
        self.loaded = file
        self.setWindowTitle(
            self.tr("Gesprek met {student_name} — Koers").format(student_name=file.student_name)
        )
        links = []
        if file.previous is not None:
            kind = labels.label(labels.CONVERSATION_TYPE, file.previous.kind)
            links.append(
                self.tr("Vervolg op: {kind} van {held_at:%d-%m-%Y}").format(
                    kind=kind, held_at=file.previous.held_at
                )
            )
        if file.next is not None:
            kind = labels.label(labels.CONVERSATION_TYPE, file.next.kind)
            links.append(
                self.tr("Volgend gesprek: {kind} op {held_at:%d-%m-%Y}").format(
                    kind=kind, held_at=file.next.held_at
                )
            )
        self.links.setText("   ·   ".join(links))
        self._show(file.input)
        self._update_consent_button()

    def _show(self, data: ConversationInput) -> None:
        self._follow_up_of_id = data.follow_up_of_id
        set_combo_value(self.kind, data.kind)
        set_combo_value(self.status, data.status)
        self.date.setText(data.date)
        self.time.setText(data.time)
        self.place.setText(data.place)
        self.participants.set_participants(data.participants)
        self.agenda.setPlainText(data.agenda)
        self.summary.setPlainText(data.summary)
        self.advice.setPlainText(data.advice)
        self.decisions.setPlainText(data.decisions)
        self.agreements.set_agreements(data.agreements, self._staff)
        self.consent_asked.setChecked(data.consent_asked)
        self._consent_enabled(data.consent_asked)
        set_combo_value(self.consent_municipality, data.consent_municipality)
        set_combo_value(self.consent_rmc, data.consent_rmc)
        self.consent_answered_by.setText(data.consent_answered_by)
        self.contact_name.setText(data.contact_name)
        self.contact_phone.setText(data.contact_phone)
        self.contact_email.setText(data.contact_email)
        self.mark_clean()  # loaded in the background, possibly after the dialog showed

    def collect(self) -> ConversationInput:
        return ConversationInput(
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            date=self.date.text(),
            time=self.time.text(),
            place=self.place.text(),
            agenda=self.agenda.toPlainText(),
            summary=self.summary.toPlainText(),
            advice=self.advice.toPlainText(),
            decisions=self.decisions.toPlainText(),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            contact_email=self.contact_email.text(),
            consent_asked=self.consent_asked.isChecked(),
            consent_municipality=self.consent_municipality.currentData() or "",
            consent_rmc=self.consent_rmc.currentData() or "",
            consent_answered_by=self.consent_answered_by.text(),
            follow_up_of_id=getattr(self, "_follow_up_of_id", None),
            participants=self.participants.collect(),
            agreements=self.agreements.collect(),
        )

    def save(self) -> None:
        for widget in self._fields.values():
            mark_invalid(widget, None)
        data = self.collect()
        if self.loaded is None:
            self.workspace.call(
                conversations.create,
                self.student_id,
                data,
                on_success=self._saved,
                on_error=self._save_failed,
            )
        else:
            self.workspace.call(
                conversations.save,
                self.loaded.id,
                self.loaded.version,
                data,
                on_success=lambda _version: self._saved(self.loaded.id),
                on_error=self._save_failed,
            )

    def _saved(self, conversation_id: int) -> None:
        self.conversation_id = conversation_id
        self.saved.emit(conversation_id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            for field, message in exc.problems.items():
                key = field.split(".")[0].rstrip("0123456789")
                if key == "agreement":
                    mark_invalid(self.agreements.table, message)
                elif key == "participant":
                    mark_invalid(self.participants.table, message)
                elif field in self._fields:
                    mark_invalid(self._fields[field], message)
        show_error(self, exc)
