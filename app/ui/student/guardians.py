"""The guardians and contacts table of the student file."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import GuardianRelation
from app.services.common import labels
from app.services.students.student_file import GuardianInput
from app.ui.common.tables import make_table

COLUMNS = [
    QT_TRANSLATE_NOOP("student.guardians", "Naam"),
    QT_TRANSLATE_NOOP("student.guardians", "Relatie"),
    QT_TRANSLATE_NOOP("student.guardians", "Gezag"),
    QT_TRANSLATE_NOOP("student.guardians", "Telefoon"),
    QT_TRANSLATE_NOOP("student.guardians", "E-mail"),
    QT_TRANSLATE_NOOP("student.guardians", "Adres"),
    QT_TRANSLATE_NOOP("student.guardians", "Tolk nodig"),
    QT_TRANSLATE_NOOP("student.guardians", "Taal"),
]
NAME, RELATION, AUTHORITY, PHONE, EMAIL, ADDRESS, INTERPRETER, LANGUAGE = range(8)


class GuardiansEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = make_table(
            [QCoreApplication.translate("student.guardians", c) for c in COLUMNS],
            widths=[190, 150, 60, 110, 190, 180, 80],
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            editable=True,
            alternating=False,
        )
        self.table.setAccessibleName(self.tr("Ouders en verzorgers"))
        self.add_button = QPushButton(self.tr("Contact toevoegen"))
        self.remove_button = QPushButton(self.tr("Verwijderen"))
        self.add_button.clicked.connect(self.add_empty)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._ids: list[int | None] = []

    def set_guardians(self, guardians: list[GuardianInput]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self._ids = []
        for guardian in guardians:
            self._append(guardian)
        self.table.blockSignals(False)

    def _append(self, g: GuardianInput) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._ids.append(g.id)
        texts = (
            (NAME, g.name),
            (PHONE, g.phone),
            (EMAIL, g.email),
            (ADDRESS, g.address),
            (LANGUAGE, g.language),
        )
        for column, value in texts:
            self.table.setItem(row, column, QTableWidgetItem(value))
        for column, checked in ((AUTHORITY, g.has_authority), (INTERPRETER, g.needs_interpreter)):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.table.setItem(row, column, item)
        relation = QComboBox()
        for value, text in labels.GUARDIAN_RELATION.items():
            relation.addItem(text, value.value)
        relation.setCurrentIndex(max(0, relation.findData(g.relation)))
        relation.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, RELATION, relation)

    def add_empty(self) -> None:
        self._append(GuardianInput(relation=GuardianRelation.PARENT.value))
        self.table.setCurrentCell(self.table.rowCount() - 1, NAME)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, NAME))
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self._ids[row]
            self.changed.emit()

    def guardians(self) -> list[GuardianInput]:
        result = []
        for row in range(self.table.rowCount()):
            relation = self.table.cellWidget(row, RELATION)
            result.append(
                GuardianInput(
                    id=self._ids[row],
                    name=self._text(row, NAME),
                    relation=relation.currentData() if relation else "",
                    has_authority=self._checked(row, AUTHORITY),
                    phone=self._text(row, PHONE),
                    email=self._text(row, EMAIL),
                    address=self._text(row, ADDRESS),
                    needs_interpreter=self._checked(row, INTERPRETER),
                    language=self._text(row, LANGUAGE),
                )
            )
        return result

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _checked(self, row: int, column: int) -> bool:
        item = self.table.item(row, column)
        return bool(item and item.checkState() == Qt.CheckState.Checked)

    def set_read_only(self, read_only: bool) -> None:
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.table.setEditTriggers(triggers)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
