"""The dialog in which a mentor logs an aftercare call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from app.core.errors import ValidationError
from app.core.validation import format_date, today
from app.models import CallAction, Channel, Destination, SignalKind, Still
from app.services.aftercare import calls as aftercare_calls
from app.services.aftercare.calls import NO_PLACEMENT, CallInput, CallOutcome
from app.services.aftercare.plan import WorklistRow
from app.services.common.labels import CALL_ACTION, CHANNEL, DESTINATION, SIGNAL_KIND, STILL
from app.ui.common.fields import fill_combo
from app.ui.common.form_dialog import FormDialog
from app.ui.common.messages import show_error
from app.ui.workspace import Workspace


class CallDialog(FormDialog):
    """Date, reached or not (and how), still at the destination, signals, action, note."""

    def __init__(
        self,
        workspace: Workspace,
        row: WorklistRow,
        on_logged: Callable[[CallOutcome], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Nazorgcontact — {student_name}").format(student_name=row.student_name),
            parent,
            save_text=self.tr("Vastleggen"),
        )
        self.workspace, self.row, self.on_logged = workspace, row, on_logged
        self.outcome: CallOutcome | None = None
        self.made_on = QLineEdit(format_date(today()))
        self.made_on.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.reached = QRadioButton(self.tr("Bereikt"))
        self.not_reached = QRadioButton(self.tr("Niet bereikt"))
        self.reached.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.reached)
        group.addButton(self.not_reached)
        self.channel = QComboBox()
        fill_combo(self.channel, [(CHANNEL[c], c.value) for c in Channel], empty=None)
        self.still = QComboBox()
        fill_combo(self.still, [(STILL[s], s.value) for s in Still], empty=None)
        self.new_destination = QComboBox()
        fill_combo(
            self.new_destination,
            [(DESTINATION[d], d.value) for d in Destination if d not in NO_PLACEMENT],
            empty=self.tr("— kies de nieuwe plek —"),
        )
        self.new_place = QLineEdit()
        self.new_place.setPlaceholderText(self.tr("Werkgever, opleiding of plek"))
        self.signals = {
            k: QCheckBox(SIGNAL_KIND[k]) for k in SignalKind if k is not SignalKind.UNREACHABLE
        }
        self.action = QComboBox()
        fill_combo(self.action, [(CALL_ACTION[a], a.value) for a in CallAction], empty=None)
        self.refused_help = QCheckBox(self.tr("Wil (nu) geen hulp: verder op een lichte waakvlam"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on to the next field
        self.note.setPlaceholderText(self.tr("Korte notitie: hoe gaat het, wat is afgesproken?"))
        self.note.setMaximumHeight(90)
        # The fields the service names in a ValidationError, marked when they are wrong.
        self.fields = {"made_on": self.made_on, "new_destination": self.new_destination}
        self._build()
        self.reached.toggled.connect(self._update)
        self.still.currentIndexChanged.connect(self._update)
        self._update()

    def _build(self) -> None:
        row = self.row
        intro = QLabel(
            self.tr("<b>{student_name}</b> — telefoon {phone}<br>Bestemming: {destination}").format(
                student_name=row.student_name,
                phone=row.phone or "onbekend",
                destination=DESTINATION.get(row.destination, "onbekend"),
            )
            + (f", {row.place}" if row.place else "")
        )
        intro.setTextFormat(intro.textFormat().RichText)
        reached = QHBoxLayout()
        reached.addWidget(self.reached)
        reached.addWidget(self.not_reached)
        reached.addStretch(1)
        signals = QGridLayout()
        for n, box in enumerate(self.signals.values()):
            signals.addWidget(box, n // 3, n % 3)
        form = self.form
        form.addRow(self.tr("Datum:"), self.made_on)
        form.addRow(self.tr("Contact:"), reached)
        form.addRow(self.tr("Hoe:"), self.channel)
        form.addRow(self.tr("Nog op de plek:"), self.still)
        form.addRow(self.tr("Nieuwe bestemming:"), self.new_destination)
        form.addRow(self.tr("Plek:"), self.new_place)
        form.addRow(self.tr("Signalen:"), signals)
        form.addRow(self.tr("Actie:"), self.action)
        form.addRow("", self.refused_help)
        form.addRow(self.tr("Notitie:"), self.note)
        self.body.insertWidget(0, intro)
        self.resize(520, self.sizeHint().height())

    def _update(self) -> None:
        reached = self.reached.isChecked()
        changed = reached and self.still.currentData() == Still.CHANGED.value
        for widget in (self.still, self.action, self.refused_help, *self.signals.values()):
            widget.setEnabled(reached)
        self.new_destination.setEnabled(changed)
        self.new_place.setEnabled(changed)

    def data(self) -> CallInput:
        reached = self.reached.isChecked()
        return CallInput(
            made_on=self.made_on.text(),
            reached=reached,
            channel=self.channel.currentData() or "",
            still=self.still.currentData() or "",
            new_destination=self.new_destination.currentData() or "",
            new_place=self.new_place.text(),
            signals=[k.value for k, box in self.signals.items() if box.isChecked()],
            action=self.action.currentData() or CallAction.NONE.value,
            refused_help=self.refused_help.isChecked(),
            note=self.note.toPlainText(),
        )

    def submit(self) -> None:
        self.show_problems({})
        self.save_button.setEnabled(False)
        self.workspace.call(
            aftercare_calls.log_call,
            self.row.call_id,
            self.row.call_version,
            self.data(),
            on_success=self._saved,
            on_error=self._failed,
        )

    def _saved(self, outcome: CallOutcome) -> None:
        self.outcome = outcome
        self.on_logged(outcome)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_error(exc)
            return
        show_error(self, exc)
