"""The two tables of the conversation dialog: participants and agreements."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date, today
from app.models import ParticipantRole
from app.services.common import labels
from app.services.conversations.forms import AgreementInput, ParticipantInput
from app.ui.common.tables import make_table


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def _check_item(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


class _RowsEditor(QWidget):
    changed = Signal()

    def __init__(self, table: QTableWidget, add_label: str) -> None:
        super().__init__()
        self.table = table
        self.add_button = QPushButton(add_label)
        self.remove_button = QPushButton(self.tr("Verwijderen"))
        self.add_button.clicked.connect(self.add_empty)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        self._ids: list[int | None] = []

    def add_empty(self) -> None:
        raise NotImplementedError

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self._ids[row]
            self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        self.table.setEnabled(True)
        if read_only:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


class ParticipantsEditor(_RowsEditor):
    """Name, role (from the fixed list), organisation, and whether the person was there."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ParticipantsEditor", "Naam"),
        QT_TRANSLATE_NOOP("ParticipantsEditor", "Rol"),
        QT_TRANSLATE_NOOP("ParticipantsEditor", "Organisatie"),
        QT_TRANSLATE_NOOP("ParticipantsEditor", "Aanwezig"),
    )

    def __init__(self) -> None:
        super().__init__(
            make_table(
                tuple(self.tr(c) for c in self.COLUMNS),
                editable=True,
                alternating=False,
                widths=[200, 300, 220],
            ),
            self.tr("Deelnemer toe&voegen"),
        )

    def set_participants(self, participants: list[ParticipantInput]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self._ids = []
        for participant in participants:
            self._append(participant)
        self.table.blockSignals(False)

    def add_empty(self) -> None:
        self._append(ParticipantInput())
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.changed.emit()

    def _append(self, p: ParticipantInput) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._ids.append(p.id)
        self.table.setItem(row, 0, QTableWidgetItem(p.name))
        role = QComboBox()
        for value, text in labels.PARTICIPANT_ROLE.items():
            role.addItem(text, value.value)
        index = role.findData(p.role)
        role.setCurrentIndex(index if index >= 0 else role.findData(ParticipantRole.OTHER.value))
        role.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, 1, role)
        self.table.setItem(row, 2, QTableWidgetItem(p.organisation))
        present = _check_item(p.present)
        present.setToolTip(self.tr("Uit: uitgenodigd, maar niet aanwezig"))
        self.table.setItem(row, 3, present)

    def collect(self) -> list[ParticipantInput]:
        result = []
        for row in range(self.table.rowCount()):
            role = self.table.cellWidget(row, 1)
            result.append(
                ParticipantInput(
                    name=_text(self.table, row, 0),
                    role=role.currentData() if isinstance(role, QComboBox) else "anders",
                    organisation=_text(self.table, row, 2),
                    present=self.table.item(row, 3).checkState() == Qt.CheckState.Checked,
                    id=self._ids[row],
                )
            )
        return result


class AgreementsEditor(_RowsEditor):
    """Who does what before when, who follows it up in Koers, and when it was done."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("AgreementsEditor", "Wie"),
        QT_TRANSLATE_NOOP("AgreementsEditor", "Doet wat"),
        QT_TRANSLATE_NOOP("AgreementsEditor", "Uiterlijk"),
        QT_TRANSLATE_NOOP("AgreementsEditor", "Volgt op (Koers)"),
        QT_TRANSLATE_NOOP("AgreementsEditor", "Afgerond op"),
    )
    WHO, WHAT, DUE, OWNER, DONE = range(5)

    def __init__(self) -> None:
        super().__init__(
            make_table(
                tuple(self.tr(c) for c in self.COLUMNS),
                editable=True,
                alternating=False,
                widths=[160, 300, 95, 170],
            ),
            self.tr("Afspraak toe&voegen"),
        )
        self.staff: list[tuple[int, str]] = []
        self.done_button = QPushButton(self.tr("Afgerond (vandaag)"))
        self.done_button.setToolTip(self.tr("Zet de datum van vandaag bij de gekozen afspraak"))
        self.done_button.clicked.connect(self.mark_selected_done)
        self.buttons.insertWidget(2, self.done_button)

    def set_agreements(self, agreements: list[AgreementInput], staff: list[tuple[int, str]]):
        self.staff = staff
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self._ids = []
        for agreement in agreements:
            self._append(agreement)
        self.table.blockSignals(False)

    def add_empty(self) -> None:
        self._append(AgreementInput())
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.changed.emit()

    def _append(self, a: AgreementInput) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._ids.append(a.id)
        for column, value in ((self.WHO, a.who), (self.WHAT, a.what), (self.DUE, a.due_date)):
            self.table.setItem(row, column, QTableWidgetItem(value))
        owner = QComboBox()
        owner.addItem("—", None)
        for user_id, name in self.staff:
            owner.addItem(name, user_id)
        index = owner.findData(a.owner_id)
        owner.setCurrentIndex(index if index >= 0 else 0)
        owner.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, self.OWNER, owner)
        self.table.setItem(row, self.DONE, QTableWidgetItem(a.done_on))

    def mark_selected_done(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.item(row, self.DONE).setText(format_date(today()))

    def collect(self) -> list[AgreementInput]:
        result = []
        for row in range(self.table.rowCount()):
            owner = self.table.cellWidget(row, self.OWNER)
            result.append(
                AgreementInput(
                    what=_text(self.table, row, self.WHAT),
                    who=_text(self.table, row, self.WHO),
                    due_date=_text(self.table, row, self.DUE),
                    owner_id=owner.currentData() if isinstance(owner, QComboBox) else None,
                    done_on=_text(self.table, row, self.DONE),
                    id=self._ids[row],
                )
            )
        return result

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.done_button.setVisible(not read_only)
