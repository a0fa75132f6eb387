"""The student file's "Nazorg" tab: the aftercare plan and every call, read-only here
(calls are logged from the worklist)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date
from app.services.aftercare import student_file as aftercare_file
from app.services.aftercare.student_file import CallLine, StudentAftercare
from app.services.common.labels import (
    CALL_ACTION,
    CALL_KIND,
    CHANNEL,
    DESTINATION,
    PROPOSAL_STATUS,
    SIGNAL_KIND,
    STILL,
    label,
)
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace


def contact_text(call: CallLine) -> str:
    if call.made_on is None:
        return ""
    how = label(CHANNEL, call.channel).lower()
    if not call.reached:
        return (
            QCoreApplication.translate("aftercare.student_tab", "Niet bereikt ({how})").format(
                how=how
            )
            if how
            else QCoreApplication.translate("aftercare.student_tab", "Niet bereikt")
        )
    return (
        QCoreApplication.translate("aftercare.student_tab", "Bereikt ({how})").format(how=how)
        if how
        else QCoreApplication.translate("aftercare.student_tab", "Bereikt")
    )


def moment_text(call: CallLine) -> str:
    months = f"{call.months_after_outflow} mnd" if call.months_after_outflow else ""
    kind = "" if call.kind.value == "gepland" else CALL_KIND[call.kind].lower()
    return ", ".join(p for p in (months, kind) if p)


class CallsModel(RowTableModel[CallLine]):
    def __init__(self, parent=None) -> None:
        headers = [
            self.tr("Gepland"),
            self.tr("Moment"),
            self.tr("Mentor"),
            self.tr("Gedaan op"),
            self.tr("Contact"),
            self.tr("Nog op de plek"),
        ]
        headers += [self.tr("Signalen"), self.tr("Actie"), self.tr("Notitie")]
        display = {
            0: lambda c: format_date(c.due_date),
            1: moment_text,
            2: lambda c: c.mentor_name,
            3: lambda c: format_date(c.made_on) if c.made_on else "open",
            4: contact_text,
            5: lambda c: label(STILL, c.still),
            6: lambda c: ", ".join(SIGNAL_KIND[s].lower() for s in c.signals),
            7: lambda c: label(CALL_ACTION, c.action) if c.reached else "",
            8: lambda c: c.note + (self.tr(" (wil geen hulp: waakvlam)") if c.refused_help else ""),
        }
        sort_key = dict(display)
        sort_key[0] = lambda c: (c.due_date, c.call_id)
        sort_key[3] = lambda c: (c.made_on is None, c.made_on or c.due_date)
        super().__init__(headers, display, sort_key, tooltip=lambda c: c.note, parent=parent)


class StudentAftercareTab(QWidget):
    def __init__(self, workspace: Workspace, student_id: int | None) -> None:
        super().__init__()
        self.workspace = workspace
        self.student_id = student_id
        self.data: StudentAftercare | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.signals = QLabel()
        self.signals.setWordWrap(True)
        self.model = CallsModel(self)
        self.table = make_table(
            self.model,
            resize=QHeaderView.ResizeMode.ResizeToContents,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            select_rows=False,
            word_wrap=False,
        )
        self.table.setAccessibleName(self.tr("Nazorgcontacten"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.signals)
        layout.addWidget(self.table, 1)
        if student_id is None:
            self.summary.setText(
                self.tr("Sla de leerling eerst op; de nazorg begint na de uitstroom.")
            )
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.student_id is None:
            return
        self.workspace.call(
            aftercare_file.student_aftercare,
            self.student_id,
            on_success=self.show_aftercare,
        )

    def show_aftercare(self, data: StudentAftercare) -> None:
        self.data = data
        if data.outflow_date is None:
            self.summary.setText(
                self.tr(
                    "Nog geen nazorgplan: dat komt er zodra de uitstroom is vastgelegd "
                    "(datum van vertrek en bestemming)."
                )
            )
        else:
            text = self.tr(
                "Van school op {outflow_date}. Bestemming bij uitstroom: "
                "{destination}. Nazorg tot {ends_on}."
            ).format(
                outflow_date=format_date(data.outflow_date),
                destination=label(DESTINATION, data.destination) or "onbekend",
                ends_on=format_date(data.ends_on),
            )
            if data.waakvlam:
                text += self.tr(
                    "Sinds {waakvlam_since} op een lichte waakvlam (wil nu geen "
                    "hulp; elk half jaar even contact)."
                ).format(waakvlam_since=format_date(data.waakvlam_since))
            self.summary.setText(text)
        parts = []
        if data.open_signals:
            parts.append(
                self.tr("Open signalen: ")
                + ", ".join(
                    f"{SIGNAL_KIND[k].lower()} ({format_date(d)})" for k, d in data.open_signals
                )
                + "."
            )
        for p in data.proposals:
            parts.append(
                self.tr(
                    "Melding uitval aan het vangnet (gemeente {municipality}): "
                    "{status} (voorgesteld op {proposed_on})."
                ).format(
                    municipality=p.municipality or "onbekend",
                    status=PROPOSAL_STATUS[p.status].lower(),
                    proposed_on=format_date(p.proposed_on),
                )
            )
        self.signals.setText(" ".join(parts))
        self.signals.setVisible(bool(parts))
        self.model.set_rows(data.calls)
