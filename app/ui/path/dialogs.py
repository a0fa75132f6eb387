"""Dialogs of the Path tab: a phase, a warm hand-over, the destination, a fall-back, an
instrument and the outflow plan. Each saves through one use case and shows Dutch messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.core.validation import format_date, today
from app.models import Destination, Phase
from app.services.common import labels
from app.services.path import instruments, outflow_plan, phases, timeline
from app.services.path.instruments import InstrumentInput
from app.services.path.overview import InstrumentView, PathView, PhaseView
from app.services.path.phases import PhaseInput
from app.ui.profile.form import UseCaseDialog, date_edit, enum_combo, select_data
from app.ui.workspace import Workspace


def _note(value: str = "", height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


class _PhaseFields:
    """The fields of one phase, shared by the phase and the hand-over dialogs."""

    def _phase_fields(self, dialog: UseCaseDialog, data: PhaseInput, prefix: str = "") -> None:
        self.phase = dialog.add_field(
            "phase",
            QCoreApplication.translate("_PhaseFields", "{prefix}Fase").format(prefix=prefix),
            enum_combo(labels.PHASE),
        )
        select_data(self.phase, data.phase)
        self.start = dialog.add_field(
            "start_date",
            QCoreApplication.translate("_PhaseFields", "{prefix}Begindatum").format(prefix=prefix),
            date_edit(data.start_date),
        )
        self.lead_name = dialog.add_field(
            "lead_name",
            QCoreApplication.translate("_PhaseFields", "Regievoerder"),
            QLineEdit(data.lead_name),
        )
        self.lead_name.setPlaceholderText(
            QCoreApplication.translate("_PhaseFields", "Naam van wie de regie heeft")
        )
        self.lead_org = dialog.add_field(
            "lead_organisation",
            QCoreApplication.translate("_PhaseFields", "Organisatie"),
            QLineEdit(data.lead_organisation),
        )
        self.lead_org.setPlaceholderText(
            QCoreApplication.translate("_PhaseFields", "Bijv. school, gemeente, UWV, werkbedrijf")
        )
        self.lead_contact = dialog.add_field(
            "lead_contact",
            QCoreApplication.translate("_PhaseFields", "Telefoon of e-mail"),
            QLineEdit(data.lead_contact),
        )
        # Only a closed phase has a reason; the service requires it when there is no place.
        self.closing_reason = dialog.add_field(
            "closing_reason",
            QCoreApplication.translate("_PhaseFields", "Reden afsluiten"),
            _note(data.closing_reason),
        )
        self.closing_reason.setPlaceholderText(
            QCoreApplication.translate(
                "_PhaseFields", "Verplicht als de leerling geen plek heeft, bijv. verhuisd"
            )
        )
        self._phase_form = dialog.form
        self.phase.currentIndexChanged.connect(lambda *_: self._show_closing_reason())
        self._show_closing_reason()

    def _show_closing_reason(self) -> None:
        closing = self.phase.currentData() == Phase.CLOSED.value
        self._phase_form.setRowVisible(self.closing_reason, closing)

    def _phase_input(self, **extra) -> PhaseInput:
        values = {
            "phase": self.phase.currentData(),
            "start_date": self.start.text(),
            "lead_name": self.lead_name.text(),
            "lead_organisation": self.lead_org.text(),
            "lead_contact": self.lead_contact.text(),
            "closing_reason": self.closing_reason.toPlainText(),
        }
        values.update(extra)
        return PhaseInput(**values)


class PhaseDialog(UseCaseDialog, _PhaseFields):
    """A new phase, or a correction of one (dates, case lead, hand-over)."""

    def __init__(
        self,
        workspace: Workspace,
        student_id: int,
        phase: PhaseView | None = None,
        suggested: Phase = Phase.ORIENTATION,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            workspace, self.tr("Fase wijzigen") if phase else self.tr("Nieuwe fase"), parent
        )
        self.student_id, self.existing = student_id, phase
        data = phase.to_input() if phase else PhaseInput(suggested.value, format_date(today()))
        self._phase_fields(self, data)
        self.end = self.add_field("end_date", self.tr("Einddatum"), date_edit(data.end_date))
        self.handover_date = self.add_field(
            "handover_date", self.tr("Datum overdracht"), date_edit(data.handover_date)
        )
        self.handover_note = self.add_field(
            "handover_note", self.tr("Notitie overdracht"), _note(data.handover_note)
        )
        if phase is None:
            hint = QLabel(self.tr("De vorige fase eindigt automatisch de dag vóór de begindatum."))
            hint.setWordWrap(True)
            self.form.addRow("", hint)
        self.finish_layout()
        self.resize(560, 420)

    def use_case(self):
        data = self._phase_input(
            end_date=self.end.text(),
            handover_date=self.handover_date.text(),
            handover_note=self.handover_note.toPlainText(),
        )
        if self.existing is None:
            return phases.add_phase, (self.student_id, data)
        return phases.update_phase, (self.existing.id, self.existing.version, data)


class HandOverDialog(UseCaseDialog, _PhaseFields):
    """A warm hand-over: the current lead hands the student to the next phase's lead."""

    def __init__(
        self,
        workspace: Workspace,
        student_id: int,
        view: PathView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, self.tr("Warme overdracht"), parent)
        self.student_id = student_id
        current = view.current
        who = (
            current.lead_text
            if current and current.lead_text
            else self.tr("(nog geen regievoerder)")
        )
        intro = QLabel(
            self.tr("Huidige fase: <b>{current_phase}</b>, regie bij {who}.").format(
                current_phase=labels.PHASE[view.current_phase], who=who
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.date = self.add_field(
            "handover_date", self.tr("Datum overdracht"), date_edit(format_date(today()))
        )
        self.note = self.add_field("handover_note", self.tr("Wat is overgedragen"), _note())
        order = list(Phase)
        following = order[min(order.index(view.current_phase) + 1, len(order) - 1)]
        self.form.addRow(QLabel(self.tr("<b>De volgende fase</b>")))
        self._phase_fields(self, PhaseInput(following.value, format_date(today())))
        self.finish_layout()
        self.resize(560, 460)

    def use_case(self):
        return phases.hand_over, (
            self.student_id,
            self.date.text(),
            self.note.toPlainText(),
            self._phase_input(),
        )


class DestinationDialog(UseCaseDialog):
    def __init__(
        self, workspace: Workspace, student_id: int, view: PathView, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, self.tr("Bestemming vastleggen"), parent)
        self.student_id = student_id
        self.destination = self.add_field(
            "destination",
            self.tr("Bestemming"),
            enum_combo(labels.DESTINATION, self.tr("— kies —")),
        )
        if view.destination is not None and view.destination is not Destination.NOTHING:
            select_data(self.destination, view.destination.value)
        # The PrO monitor counts "no work or study" by its reason, so the form asks it.
        self.no_work_reason = self.add_field(
            "no_work_reason",
            self.tr("Reden geen werk of studie"),
            enum_combo(labels.NO_WORK_REASON, self.tr("— kies —")),
        )
        self.destination.currentIndexChanged.connect(self._show_no_work_reason)
        self._show_no_work_reason()
        self.place = self.add_field(
            "destination_place",
            self.tr("Werkgever of opleiding"),
            QLineEdit(view.destination_place),
        )
        default_day = view.planned_outflow or today()
        self.date = self.add_field(
            "destination_date", self.tr("Datum"), date_edit(format_date(default_day))
        )
        self.reason = self.add_field("reason", self.tr("Toelichting"), _note())
        hint = QLabel(self.tr("De vorige bestemming blijft in de tijdlijn staan."))
        self.form.addRow("", hint)
        self.finish_layout()
        self.resize(540, 320)

    def _show_no_work_reason(self) -> None:
        asked = self.destination.currentData() in {d.value for d in timeline.NO_WORK_DESTINATIONS}
        self.no_work_reason.setEnabled(asked)

    def use_case(self):
        asked = self.no_work_reason.isEnabled()
        return timeline.record_destination, (
            self.student_id,
            self.destination.currentData(),
            self.place.text(),
            self.date.text(),
            self.reason.toPlainText(),
            self.no_work_reason.currentData() if asked else None,
        )


class FallBackDialog(UseCaseDialog):
    def __init__(
        self, workspace: Workspace, student_id: int, view: PathView, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, self.tr("Terugval vastleggen"), parent)
        self.student_id = student_id
        now = labels.label(labels.DESTINATION, view.destination) or self.tr("geen bestemming")
        intro = QLabel(
            self.tr(
                "Huidige bestemming: <b>{now}</b>. Een terugval (stage "
                "afgebroken, contract gestopt, opleiding gestopt) komt als "
                "nieuwe regel in de tijdlijn; niets wordt overschreven."
            ).format(now=now)
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.date = self.add_field(
            "fall_back_date", self.tr("Datum"), date_edit(format_date(today()))
        )
        self.reason = self.add_field("reason", self.tr("Reden"), _note())
        self.finish_layout()
        self.resize(520, 280)

    def use_case(self):
        return timeline.record_fall_back_from_form, (
            self.student_id,
            self.date.text(),
            self.reason.toPlainText(),
        )


class InstrumentDialog(UseCaseDialog):
    def __init__(
        self,
        workspace: Workspace,
        student_id: int,
        instrument: InstrumentView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Instrument wijzigen") if instrument else self.tr("Instrument toevoegen")
        super().__init__(workspace, title, parent)
        self.student_id, self.existing = student_id, instrument
        data = instrument.to_input() if instrument else InstrumentInput()
        self.kind = self.add_field(
            "kind", self.tr("Instrument"), enum_combo(labels.INSTRUMENT_KIND)
        )
        select_data(self.kind, data.kind)
        self.status = self.add_field(
            "status", self.tr("Status"), enum_combo(labels.INSTRUMENT_STATUS)
        )
        select_data(self.status, data.status)
        self.start = self.add_field(
            "start_date", self.tr("Ingangsdatum"), date_edit(data.start_date)
        )
        self.end = self.add_field("end_date", self.tr("Einddatum"), date_edit(data.end_date))
        self.note = self.add_field("note", self.tr("Notitie"), QLineEdit(data.note))
        self.finish_layout()
        self.resize(500, 260)

    def use_case(self):
        data = InstrumentInput(
            self.kind.currentData(),
            self.status.currentData(),
            self.start.text(),
            self.end.text(),
            self.note.text(),
        )
        if self.existing is None:
            return instruments.add_instrument, (self.student_id, data)
        return instruments.update_instrument, (self.existing.id, self.existing.version, data)


class OutflowPlanDialog(UseCaseDialog):
    def __init__(
        self, workspace: Workspace, student_id: int, view: PathView, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, self.tr("Uitstroomprofiel en geplande uitstroom"), parent)
        self.student_id = student_id
        self.profile = self.add_field(
            "outflow_profile",
            self.tr("Uitstroomprofiel"),
            enum_combo(labels.OUTFLOW_PROFILE, self.tr("— onbekend —")),
        )
        select_data(self.profile, view.outflow_profile.value if view.outflow_profile else None)
        self.planned = self.add_field(
            "planned_outflow_date",
            self.tr("Geplande uitstroom"),
            date_edit(format_date(view.planned_outflow)),
        )
        if view.enrolment_date:
            self.form.addRow(
                "",
                QLabel(
                    self.tr("Ingeschreven op {enrolment_date}.").format(
                        enrolment_date=format_date(view.enrolment_date)
                    )
                ),
            )
        self.finish_layout()
        self.resize(480, 200)

    def use_case(self):
        return outflow_plan.set_outflow_plan, (
            self.student_id,
            self.profile.currentData(),
            self.planned.text(),
        )
