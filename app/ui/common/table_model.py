"""One table model for lists of plain rows: columns described once, sorting in the model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one plain type; `display` and `sort_key` map a column to a function of a row.

    A refresh resets the model; sorting reorders the rows themselves, with real values
    (SORT_ROLE) rather than the displayed text. ROW_ROLE gives the row object.
    """

    def __init__(
        self,
        headers: Sequence[str],
        display: dict[int, Callable[[R], str]],
        sort_key: dict[int, Callable[[R], Any]] | None = None,
        *,
        tooltip: Callable[[R], str] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.display = display
        self.sort_key = sort_key or display
        self.tooltip = tooltip
        self._rows: list[R] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._apply_sort()
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rows(self) -> list[R]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display[index.column()](row)
        if role == SORT_ROLE:
            return self.sort_key[index.column()](row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltip is not None:
            return self.tooltip(row)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = (column, order)
        self._apply_sort()
        self.endResetModel()

    def _apply_sort(self) -> None:
        column, order = self._sort
        self._rows.sort(key=self.sort_key[column], reverse=order == Qt.SortOrder.DescendingOrder)
