"""The dialogs of the Overleg area: plan a meeting, submit a student, record a case, add an
action. Each hands what was typed to a service through the workspace; a refusal keeps the
dialog open with the Dutch message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from app.models import ListKind, MeetingKind
from app.services.meetings.actions import ActionInput
from app.services.meetings.area import Choices
from app.services.meetings.planning import MeetingInput, ParticipantInput
from app.services.meetings.recording import CaseRecord
from app.services.meetings.submissions import SubmissionInput
from app.ui.common.fields import fill_combo, set_combo_value, width_not_from_items
from app.ui.common.form_dialog import FormDialog
from app.ui.workspace import Workspace


def _combo(options: list[tuple[int, str]], empty: str | None) -> QComboBox:
    combo = QComboBox()
    fill_combo(combo, [(label, value) for value, label in options], empty=empty)
    width_not_from_items(combo, 28)
    return combo


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def _py_date(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class ServiceDialog(FormDialog):
    """Save runs `use_case(*args, data)` through the workspace; on success the dialog closes."""

    def __init__(self, workspace: Workspace, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.workspace = workspace
        self.result_value: Any = None

    def data(self) -> Any:
        raise NotImplementedError

    def call(self) -> tuple[Callable[..., Any], tuple]:
        raise NotImplementedError

    def submit(self) -> None:
        use_case, args = self.call()
        self.workspace.call(use_case, *args, on_success=self._saved, on_error=self.show_error)

    def _saved(self, value: Any) -> None:
        self.result_value = value
        self.mark_clean()
        self.accept()


class MeetingDialog(ServiceDialog):
    def __init__(
        self, workspace: Workspace, choices: Choices, held_on: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, self.tr("Overleg plannen"), parent)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Uitstroomoverleg"), MeetingKind.UITSTROOMOVERLEG)
        self.kind.addItem(self.tr("Actietafel"), MeetingKind.ACTIETAFEL)
        self.held_on = _date_edit(held_on)
        self.starts_at = QLineEdit("14:00")
        self.place = QLineEdit()
        self.host = _combo(choices.organisations, self.tr("(kies)"))
        self.chair = _combo(choices.contacts, self.tr("(nog niet bekend)"))
        self.secretary = _combo(choices.contacts, self.tr("(nog niet bekend)"))
        self.participants = QListWidget()
        for contact_id, label in choices.contacts:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, contact_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.participants.addItem(item)
        for key, label, widget in (
            ("kind", self.tr("Soort"), self.kind),
            ("held_on", self.tr("Datum"), self.held_on),
            ("starts_at", self.tr("Begintijd"), self.starts_at),
            ("place", self.tr("Plaats"), self.place),
            ("host_organisation_id", self.tr("Toestemming geldt voor"), self.host),
            ("chair_contact_id", self.tr("Voorzitter"), self.chair),
            ("secretary_contact_id", self.tr("Notulist"), self.secretary),
            ("participants", self.tr("Deelnemers"), self.participants),
        ):
            self.form.addRow(label, widget)
            self.fields[key] = widget
        self.contact_organisation = choices.contact_organisation

    def data(self) -> MeetingInput:
        participants = []
        for row in range(self.participants.count()):
            item = self.participants.item(row)
            if item.checkState() is Qt.CheckState.Checked:
                contact_id = item.data(Qt.ItemDataRole.UserRole)
                participants.append(
                    ParticipantInput(self.contact_organisation[contact_id], contact_id)
                )
        return MeetingInput(
            kind=self.kind.currentData(),
            held_on=_py_date(self.held_on),
            place=self.place.text(),
            starts_at=self.starts_at.text(),
            host_organisation_id=self.host.currentData(),
            chair_contact_id=self.chair.currentData(),
            secretary_contact_id=self.secretary.currentData(),
            participants=participants,
        )

    def call(self):
        from app.services.meetings.planning import save_meeting

        return save_meeting, (self.data(),)


class SubmissionDialog(ServiceDialog):
    def __init__(
        self, workspace: Workspace, choices: Choices, meeting_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, self.tr("Leerling aanmelden"), parent)
        self.meeting_id = meeting_id
        self.student = _combo(choices.students, self.tr("(kies een leerling)"))
        self.question = QPlainTextEdit()
        self.question.setPlaceholderText(self.tr("De vraag aan de tafel (hulpvraag)"))
        self.by_organisation = _combo(choices.organisations, self.tr("School"))
        self.by_name = QLineEdit(workspace.actor.display_name)
        self.has_plan = QCheckBox(
            self.tr("Er is een plan en geen vraag: rechtstreeks op de volglijst")
        )
        for key, label, widget in (
            ("student_id", self.tr("Leerling"), self.student),
            ("question", self.tr("Hulpvraag"), self.question),
            (
                "submitted_by_organisation_id",
                self.tr("Ingebracht door (organisatie)"),
                self.by_organisation,
            ),
            ("submitted_by_name", self.tr("Ingebracht door (persoon)"), self.by_name),
            ("has_plan", "", self.has_plan),
        ):
            self.form.addRow(label, widget)
            self.fields[key] = widget

    def data(self) -> SubmissionInput:
        return SubmissionInput(
            student_id=self.student.currentData() or 0,
            question=self.question.toPlainText(),
            submitted_by_organisation_id=self.by_organisation.currentData(),
            submitted_by_name=self.by_name.text(),
            has_plan=self.has_plan.isChecked(),
        )

    def call(self):
        from app.services.meetings.submissions import submit

        return submit, (self.meeting_id, self.data())


class CaseDialog(ServiceDialog):
    def __init__(
        self,
        workspace: Workspace,
        choices: Choices,
        meeting_id: int,
        case_id: int,
        student_name: str,
        lead_contact_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            workspace, self.tr("Casus vastleggen: {name}").format(name=student_name), parent
        )
        self.meeting_id, self.case_id = meeting_id, case_id
        self.note = QPlainTextEdit()
        self.lead = _combo(choices.contacts, self.tr("(kies de regievoerder)"))
        set_combo_value(self.lead, lead_contact_id)
        self.list_kind = QComboBox()
        self.list_kind.addItem(
            self.tr("Actieve lijst (nog geen plan, vraag aan de tafel)"), ListKind.ACTIVE
        )
        self.list_kind.addItem(
            self.tr("Volglijst (er is een plan, in beeld houden)"), ListKind.FOLLOW
        )
        for key, label, widget in (
            ("note", self.tr("Bespreking"), self.note),
            ("lead_contact_id", self.tr("Regievoerder"), self.lead),
            ("list_kind", self.tr("Lijst"), self.list_kind),
        ):
            self.form.addRow(label, widget)
            self.fields[key] = widget

    def data(self) -> CaseRecord:
        return CaseRecord(
            self.note.toPlainText(), self.lead.currentData(), self.list_kind.currentData()
        )

    def call(self):
        from app.services.meetings.recording import record_case

        return record_case, (self.meeting_id, self.case_id, self.data())


class ActionDialog(ServiceDialog):
    def __init__(
        self,
        workspace: Workspace,
        choices: Choices,
        meeting_id: int,
        case_id: int,
        due: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, self.tr("Actie toevoegen"), parent)
        self.meeting_id, self.case_id = meeting_id, case_id
        self.what = QLineEdit()
        self.owner = QComboBox()
        self.owner.addItem(self.tr("(kies de eigenaar)"), None)
        for user_id, name in choices.users:
            self.owner.addItem(
                self.tr("{name} (school)").format(name=name),
                "user:" + str(user_id),
            )
        for contact_id, label in choices.contacts:
            self.owner.addItem(label, "contact:" + str(contact_id))
        width_not_from_items(self.owner, 28)
        self.due = _date_edit(due)
        for key, label, widget in (
            ("what", self.tr("Actie"), self.what),
            ("owner", self.tr("Eigenaar"), self.owner),
            ("due_date", self.tr("Uiterlijk"), self.due),
        ):
            self.form.addRow(label, widget)
            self.fields[key] = widget

    def data(self) -> ActionInput:
        kind, _, number = (self.owner.currentData() or "").partition(":")
        user = int(number) if kind == "user" else None
        contact = int(number) if kind == "contact" else None
        return ActionInput(self.what.text(), user, contact, _py_date(self.due))

    def call(self):
        from app.services.meetings.actions import add_action

        return add_action, (self.case_id, self.data(), self.meeting_id)
