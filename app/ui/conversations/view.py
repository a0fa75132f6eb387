"""The "Gesprekken" work area: my agreements (overdue ones marked) and what is planned."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common import labels
from app.services.conversations import agreements
from app.services.conversations import planning as conversation_planning
from app.services.conversations.agreements import AgreementRow
from app.services.conversations.planning import UpcomingConversation, Week
from app.ui.common.tables import make_table
from app.ui.conversations.models import OVERDUE_COLOUR, AgreementModel
from app.ui.workspace import Workspace

WEEKS_AHEAD = 8
WEEKDAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]


def _count(n: int, adjective: str = "") -> str:
    if n == 0:
        return QCoreApplication.translate(
            "conversations.view", "geen {adjective}gesprekken"
        ).format(adjective=adjective)
    return f"{n} {adjective}gesprek" if n == 1 else f"{n} {adjective}gesprekken"


class MyAgreementsTab(QWidget):
    open_student_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = AgreementModel(with_student=True, parent=self)
        self.table = make_table(self.model, sortable=True)
        self.table.setAccessibleName(self.tr("Mijn afspraken"))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate([90, 120, 160, 110, 340]):
            self.table.setColumnWidth(column, width)
        self.include_done = QCheckBox(self.tr("Ook afgeronde afspraken tonen"))
        self.done_button = QPushButton(self.tr("Afgerond"))
        self.done_button.setVisible(workspace.actor.may_edit)
        self.open_button = QPushButton(self.tr("Dossier openen"))
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.include_done)
        top.addWidget(self.open_button)
        top.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.include_done.toggled.connect(lambda _on: self.refresh())
        self.done_button.clicked.connect(self.mark_selected_done)
        self.open_button.clicked.connect(self._open_student)
        self.table.activated.connect(lambda _index: self._open_student())

    def refresh(self) -> None:
        self.workspace.call(
            agreements.mine,
            self.include_done.isChecked(),
            on_success=self._show,
        )

    def _show(self, rows: list[AgreementRow]) -> None:
        self.model.set_rows(rows)
        still_open = [r for r in rows if not r.done]
        late = sum(1 for r in still_open if r.overdue)
        count = len(still_open)
        text = self.tr("{count} open {value} die u opvolgt").format(
            count=count, value="afspraak" if count == 1 else "afspraken"
        )
        if late:
            text += self.tr(", waarvan {late} te laat").format(late=late)
        self.summary.setText(text + ".")

    def _selected(self) -> AgreementRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _open_student(self) -> None:
        row = self._selected()
        if row is not None:
            self.open_student_requested.emit(row.student_id)

    def mark_selected_done(self) -> None:
        row = self._selected()
        if row is None or row.done:
            return
        self.workspace.call(
            agreements.mark_done,
            row.id,
            row.version,
            on_success=lambda _v: self.refresh(),
        )


class PlannedTab(QWidget):
    """Planned conversations per week, from this week on; empty weeks say so."""

    open_student_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Geplande gesprekken per week"))
        self.tree.setHeaderLabels(
            [
                self.tr("Week / datum"),
                self.tr("Leerling"),
                self.tr("Soort gesprek"),
                self.tr("Plaats"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        for column, width in enumerate([260, 200, 260]):
            self.tree.setColumnWidth(column, width)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.tree.itemDoubleClicked.connect(self._open)

    def refresh(self) -> None:
        self._past: list[UpcomingConversation] = []
        self.workspace.call(
            conversation_planning.past_still_planned,
            on_success=lambda past: setattr(self, "_past", past),
        )
        self.workspace.call(
            conversation_planning.upcoming_by_week,
            WEEKS_AHEAD,
            on_success=self._show,
        )

    def _show(self, weeks: list[Week]) -> None:
        self.tree.clear()
        total = 0
        if self._past:
            head = QTreeWidgetItem(
                [self.tr("Datum voorbij, nog geen verslag"), "", _count(len(self._past)), ""]
            )
            head.setForeground(0, OVERDUE_COLOUR)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for c in self._past:
                head.addChild(self._item(c, with_year=True))
            head.setExpanded(True)
        for week in weeks:
            title = self.tr("Week {number}  ({monday:%d-%m} t/m {sunday:%d-%m-%Y})").format(
                number=week.number, monday=week.monday, sunday=week.sunday
            )
            head = QTreeWidgetItem([title, "", _count(len(week.conversations)), ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for c in week.conversations:
                head.addChild(self._item(c))
                total += 1
            head.setExpanded(True)
        self.summary.setText(
            self.tr(
                "{total} in de komende {weeks} weken (dubbelklik om het dossier te openen)."
            ).format(total=_count(total, "geplande "), weeks=len(weeks))
        )

    def _item(self, c: UpcomingConversation, *, with_year: bool = False) -> QTreeWidgetItem:
        when = f"{WEEKDAYS[c.held_at.weekday()]} {c.held_at:%d-%m}"
        if with_year:
            when += f"-{c.held_at:%Y}"
        if (c.held_at.hour, c.held_at.minute) != (0, 0):
            when += f"  {c.held_at:%H:%M}"
        item = QTreeWidgetItem(
            [when, c.student_name, labels.label(labels.CONVERSATION_TYPE, c.kind), c.place]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, c.student_id)
        return item

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        student_id = item.data(0, Qt.ItemDataRole.UserRole)
        if student_id is not None:
            self.open_student_requested.emit(int(student_id))


class ConversationsArea(QWidget):
    """Built as ConversationsArea(workspace) the first time the area opens."""

    open_student_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.mine = MyAgreementsTab(workspace)
        self.planned = PlannedTab(workspace)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.mine, self.tr("Mijn afspraken"))
        self.tabs.addTab(self.planned, self.tr("Gepland"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for tab in (self.mine, self.planned):
            tab.open_student_requested.connect(self.open_student_requested)
        self.refresh()

    def refresh(self) -> None:
        self.mine.refresh()
        self.planned.refresh()
