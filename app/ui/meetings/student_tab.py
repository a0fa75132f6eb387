"""The student file's "Overleg" tab: every submission, decision, case lead and action."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from app.core.validation import format_date, today
from app.services.meetings.planning import KIND_LABEL
from app.services.meetings.printing import LIST_LABEL
from app.services.meetings.student_file import CaseSummary, meeting_section
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace


class StudentMeetingsTab(QWidget):
    def __init__(self, workspace: Workspace, student_id: int | None) -> None:
        super().__init__()
        self.workspace = workspace
        self.student_id = student_id
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = make_table(
            [
                self.tr("Datum"),
                self.tr("Overleg"),
                self.tr("Wat"),
                self.tr("Hulpvraag / actie"),
                self.tr("Bespreking / eigenaar"),
                self.tr("Lijst / uiterlijk"),
            ],
            resize=QHeaderView.ResizeMode.Interactive,
            stretch=(3, 4),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        if student_id is None:
            self.summary.setText(self.tr("Sla de leerling eerst op."))
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.student_id is not None:
            self.workspace.call(
                meeting_section, self.student_id, today(), on_success=self.show_section
            )

    def show_section(self, cases: list[CaseSummary]) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        if not cases:
            self.summary.setText(self.tr("Deze leerling is nog niet besproken in een overleg."))
        else:
            self.summary.setText(
                " ".join(
                    self.tr("{table}: {list}; regievoerder {lead}{since}.").format(
                        table=KIND_LABEL[c.kind],
                        list=LIST_LABEL[c.list_kind].lower(),
                        lead=c.lead or self.tr("nog niet gekozen"),
                        since=self.tr(" sinds {day}").format(day=format_date(c.lead_since))
                        if c.lead_since
                        else "",
                    )
                    for c in cases
                )
            )
        rows = []
        for c in cases:
            for d in c.discussions:
                rows.append(
                    (
                        format_date(d.held_on),
                        KIND_LABEL[d.meeting_kind],
                        self.tr("Aanmelding") if d.submission else self.tr("Besproken"),
                        d.question,
                        d.note,
                        LIST_LABEL.get(d.decided_list, "") if d.decided_list else "",
                    )
                )
            for a in c.actions:
                rows.append(
                    (
                        format_date(a.done_on) if a.done_on else "",
                        KIND_LABEL[c.kind],
                        self.tr("Actie (gedaan)") if a.done_on else self.tr("Actie"),
                        a.what,
                        a.owner_name,
                        format_date(a.due_date),
                    )
                )
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(value))
