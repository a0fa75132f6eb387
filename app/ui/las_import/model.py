"""The preview table: one row per student in the file, with a check box to take it."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.core.text_safety import printable
from app.core.validation import format_date
from app.services.las_import.preview import PreviewRow

Index = QModelIndex | QPersistentModelIndex
HEADERS = [
    QT_TRANSLATE_NOOP("las_import.model", "Overnemen"),
    QT_TRANSLATE_NOOP("las_import.model", "Status"),
    QT_TRANSLATE_NOOP("las_import.model", "Leerling"),
    QT_TRANSLATE_NOOP("las_import.model", "Leerlingnummer"),
    QT_TRANSLATE_NOOP("las_import.model", "Groep"),
    QT_TRANSLATE_NOOP("las_import.model", "Uitstroom"),
    QT_TRANSLATE_NOOP("las_import.model", "Details"),
]
CHECK, STATUS, NAME, KEY, GROUP, OUTFLOW, DETAILS = range(7)


# Every shown string goes through `printable`: the file's values are checked on the way in,
# but a control character must never reach the screen even so.


def _details(row: PreviewRow) -> str:
    parts = [*row.errors, row.leaving_note, row.changes_text, *row.warnings]
    return " | ".join(p for p in parts if p)


class PreviewModel(QAbstractTableModel):
    """Rows of the preview; students with nothing to do (same, error) cannot be chosen."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[PreviewRow] = []
        self.chosen: list[bool] = []

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.chosen = [r.status in ("new", "changed") for r in self.rows]
        self.endResetModel()

    def choose(self, predicate) -> None:
        """Checks exactly the choosable rows for which `predicate(row)` is true."""
        self.chosen = [self._choosable(r) and bool(predicate(r)) for r in self.rows]
        if self.rows:
            self.dataChanged.emit(self.index(0, CHECK), self.index(len(self.rows) - 1, CHECK))

    def selected_keys(self) -> set[str]:
        return {r.las_key for r, on in zip(self.rows, self.chosen, strict=True) if on}

    def chosen_count(self) -> int:
        return sum(self.chosen)

    @staticmethod
    def _choosable(row: PreviewRow) -> bool:
        return row.status in ("new", "changed")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHECK and self._choosable(self.rows[index.row()]):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == CHECK:
            if not self._choosable(row):
                return None
            on = self.chosen[index.row()]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                CHECK: "",
                STATUS: row.status_label,
                NAME: row.name,
                KEY: row.las_key,
                GROUP: row.class_name,
                OUTFLOW: format_date(row.planned_outflow),
                DETAILS: _details(row),
            }
            return printable(values[column])
        if role == Qt.ItemDataRole.ToolTipRole and column == DETAILS:
            parts = (*row.errors, row.leaving_note, row.changes_text, *row.warnings)
            return "\n".join(printable(p) for p in parts if p)
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != CHECK:
            return False
        if not self._choosable(self.rows[index.row()]):
            return False
        state = value.value if hasattr(value, "value") else value
        self.chosen[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
