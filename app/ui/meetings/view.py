"""The Overleg work area: the meetings of the school year with the next one, its deadline
and what is still to do; the active list, the follow list, the archive and open actions."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date, today
from app.services.meetings.actions import ActionRow
from app.services.meetings.area import AreaOverview, Choices, choices, overview
from app.services.meetings.lists import CaseRow
from app.services.meetings.planning import KIND_LABEL, MeetingRow
from app.ui.common.table_model import ROW_ROLE, RowTableModel
from app.ui.common.tables import make_table
from app.ui.meetings.dialogs import MeetingDialog
from app.ui.meetings.meeting_panel import MeetingPanel
from app.ui.workspace import Workspace


class MeetingsModel(RowTableModel[MeetingRow]):
    def __init__(self, parent=None) -> None:
        headers = [
            self.tr("Datum"),
            self.tr("Soort"),
            self.tr("Aanmelden t/m"),
            self.tr("Aangemeld"),
        ]
        display = {
            0: lambda m: format_date(m.held_on),
            1: lambda m: KIND_LABEL[m.kind],
            2: lambda m: format_date(m.deadline),
            3: lambda m: str(m.submissions),
        }
        super().__init__(headers, display, parent=parent)


class CasesModel(RowTableModel[CaseRow]):
    def __init__(self, parent=None) -> None:
        headers = [
            self.tr("Leerling"),
            self.tr("Tafel"),
            self.tr("Aangemeld"),
            self.tr("Hulpvraag"),
            self.tr("Regievoerder"),
            self.tr("Volglijst tot"),
        ]
        display = {
            0: lambda c: c.student_name,
            1: lambda c: KIND_LABEL[c.kind],
            2: lambda c: format_date(c.registered_on),
            3: lambda c: c.question,
            4: lambda c: c.lead,
            5: lambda c: format_date(c.follow_until),
        }
        super().__init__(headers, display, parent=parent)


class ActionsModel(RowTableModel[ActionRow]):
    def __init__(self, parent=None) -> None:
        headers = [self.tr("Eigenaar"), self.tr("Leerling"), self.tr("Actie"), self.tr("Uiterlijk")]
        on = today()
        display = {
            0: lambda a: a.owner_name,
            1: lambda a: a.student_name,
            2: lambda a: a.what,
            3: lambda a: (
                format_date(a.due_date) + (self.tr(" (te laat)") if a.overdue_on(on) else "")
            ),
        }
        super().__init__(headers, display, parent=parent)


class MeetingsArea(QWidget):
    open_student_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.data: AreaOverview | None = None
        self.choices: Choices | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.meetings_model = MeetingsModel(self)
        self.meetings = make_table(
            self.meetings_model, resize=QHeaderView.ResizeMode.ResizeToContents
        )
        self.new_button = QPushButton(self.tr("Overleg plannen…"))
        self.new_button.setVisible(workspace.actor.is_coordinator)
        self.new_button.clicked.connect(self.ask_new_meeting)
        self.panel = MeetingPanel(workspace)
        self.panel.changed.connect(self.refresh)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        left_layout.addWidget(self.meetings, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 900])
        self.active_model, self.follow_model, self.archive_model = (
            CasesModel(self),
            CasesModel(self),
            CasesModel(self),
        )
        self.actions_model = ActionsModel(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Overleggen"))
        for model, label in (
            (self.active_model, self.tr("Actieve lijst")),
            (self.follow_model, self.tr("Volglijst")),
            (self.archive_model, self.tr("Archief")),
        ):
            table = make_table(model, resize=QHeaderView.ResizeMode.Interactive, stretch=(3,))
            table.doubleClicked.connect(
                lambda index, t=table: self.open_student_requested.emit(
                    t.model().data(index, ROW_ROLE).student_id
                )
            )
            self.tabs.addTab(table, label)
        self.tabs.addTab(
            make_table(self.actions_model, resize=QHeaderView.ResizeMode.Interactive, stretch=(2,)),
            self.tr("Open acties"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.meetings.selectionModel().currentRowChanged.connect(self._meeting_chosen)
        self.refresh()

    def refresh(self) -> None:
        """Reloads the area (called when the area is shown and on F5)."""
        self.workspace.call(overview, today(), on_success=self.show_overview)

    def show_overview(self, data: AreaOverview) -> None:
        self.data = data
        chosen = self.panel.meeting_id
        self.meetings_model.set_rows(data.meetings)
        following = data.next_meeting
        if following is None:
            text = self.tr("Er is nog geen volgend overleg gepland.")
        else:
            text = self.tr(
                "<b>Volgend overleg:</b> {title}, aanmelden tot en met {deadline}."
            ).format(title=following.title, deadline=format_date(following.deadline))
        if data.to_do:
            text += "<ul>" + "".join(f"<li>{line}</li>" for line in data.to_do) + "</ul>"
        self.summary.setText(text)
        self.active_model.set_rows(data.active)
        self.follow_model.set_rows(data.follow)
        self.archive_model.set_rows(data.archived)
        self.actions_model.set_rows([a for rows in data.open_actions.values() for a in rows])
        target = chosen or (following.id if following else None)
        rows = self.meetings_model.rows()
        for n, row in enumerate(rows):
            if row.id == target:
                self.meetings.selectRow(n)
                break
        else:
            self.panel.load(target)

    def _meeting_chosen(self, current, _previous) -> None:
        if current.isValid():
            row = self.meetings.model().data(current, ROW_ROLE)
            if row is not None and row.id != self.panel.meeting_id:
                self.panel.load(row.id)

    def meeting_dialog(self, found: Choices) -> MeetingDialog:
        return MeetingDialog(self.workspace, found, today() + timedelta(days=21), self)

    def ask_new_meeting(self) -> None:
        self.workspace.call(choices, on_success=self._new_meeting)

    def _new_meeting(self, found: Choices) -> None:
        dialog = self.meeting_dialog(found)
        if dialog.exec():
            self.panel.meeting_id = dialog.result_value
            self.refresh()
