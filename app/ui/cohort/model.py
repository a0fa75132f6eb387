"""The cohort table: rows held once, filtered and sorted inside the model."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.students.cohort import CohortRow
from app.services.students.cohort_filter import CohortFilter, CohortIndex
from app.ui.common.table_model import ROW_ROLE, SORT_ROLE

NAME, CLASS, MENTOR, PROFILE, OUTFLOW, PHASE, DESTINATION, SIGNALS = range(8)
HEADERS = [
    QT_TRANSLATE_NOOP("cohort.model", "Naam"),
    QT_TRANSLATE_NOOP("cohort.model", "Klas"),
    QT_TRANSLATE_NOOP("cohort.model", "Mentor"),
    QT_TRANSLATE_NOOP("cohort.model", "Uitstroomprofiel"),
    QT_TRANSLATE_NOOP("cohort.model", "Geplande uitstroom"),
    QT_TRANSLATE_NOOP("cohort.model", "Fase"),
    QT_TRANSLATE_NOOP("cohort.model", "Bestemming"),
    QT_TRANSLATE_NOOP("cohort.model", "Aandacht"),
]


# The columns read from the row; the Aandacht column reads the signals the model keeps.
_DISPLAY = {
    NAME: lambda r: r.name,
    CLASS: lambda r: r.class_name,
    MENTOR: lambda r: r.mentor,
    PROFILE: lambda r: r.profile,
    OUTFLOW: lambda r: r.planned_outflow_text,
    PHASE: lambda r: r.phase,
    DESTINATION: lambda r: r.destination,
}
_SORT_KEY = {
    **_DISPLAY,
    NAME: lambda r: r.sort_name,
    OUTFLOW: lambda r: r.planned_outflow or date.max,
}

Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE, ROW_ROLE})


class CohortModel(QAbstractTableModel):
    """Filtering inside the model keeps a keystroke on 150,000 rows far below 50 ms."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[CohortRow] = []
        self._index = CohortIndex([])
        self._visible: list[int] = []
        self._filter = CohortFilter()
        self._sort: tuple[int, Qt.SortOrder] = (NAME, Qt.SortOrder.AscendingOrder)

    # --- data -------------------------------------------------------------------------
    def set_rows(self, rows: list[CohortRow]) -> None:
        """The rows, with the signals they carry (none, when those follow later)."""
        self._set_rows(rows, {row.id: row.signals for row in rows if row.signals})

    def _set_rows(self, rows: list[CohortRow], raised: Mapping[int, tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows, raised)
        self._index = CohortIndex(self._rows, raised)
        self._visible = self._index.filter(self._filter)
        self.endResetModel()

    def set_signals(self, raised: Mapping[int, tuple[str, ...]]) -> None:
        """Fills the Aandacht column once the signals have arrived after the rows: they
        are kept by student id beside the rows (a new row per student took seconds at
        150,000 students, on the window's thread)."""
        self._index.raised = raised
        if self._sort[0] == SIGNALS:
            self._set_rows(self._rows, raised)
            return
        if self._filter.signal:
            self.beginResetModel()
            self._visible = self._index.filter(self._filter)
            self.endResetModel()
        elif self._visible:
            last = self.index(len(self._visible) - 1, SIGNALS)
            self.dataChanged.emit(self.index(0, SIGNALS), last)

    def update_rows(self, asked: Collection[int], rows: Sequence[CohortRow]) -> None:
        """The students in `asked` as they are now: `rows` holds those the user still sees,
        with their signals (after a save: one student). A row whose place in the order
        stays is swapped where it stands; otherwise the list is put in order again."""
        asked = set(asked)
        fresh = {row.id: row for row in rows}
        raised = {k: v for k, v in self._index.raised.items() if k not in asked}
        raised.update({row.id: row.signals for row in rows if row.signals})
        places = self._places_kept(fresh, raised) if asked == fresh.keys() else None
        if places is None:
            kept = [row for row in self._rows if row.id not in asked]
            self._set_rows([*kept, *rows], raised)
            return
        self._index.raised = raised
        for k, row in places.items():
            self._rows[k] = row
            self._index.put(k, row)
        if not self._filter.is_empty():
            self.beginResetModel()
            self._visible = self._index.filter(self._filter)
            self.endResetModel()
            return
        for k in places:  # unfiltered: row k is shown at place k
            self.dataChanged.emit(self.index(k, 0), self.index(k, len(HEADERS) - 1))

    def _places_kept(
        self, fresh: Mapping[int, CohortRow], raised: Mapping[int, tuple[str, ...]]
    ) -> dict[int, CohortRow] | None:
        """Where each fresh row stands, when none of them moves in the order; else None."""
        column = self._sort[0]
        old_raised = self._index.raised
        places: dict[int, CohortRow] = {}
        for student_id, row in fresh.items():
            k = self._position(student_id)
            if k is None:
                return None
            old = self._rows[k]
            if column == SIGNALS:
                moved = old_raised.get(student_id, ()) != raised.get(student_id, ())
            else:
                moved = _SORT_KEY[column](old) != _SORT_KEY[column](row)
            if moved:
                return None
            places[k] = row
        return places

    def _position(self, student_id: int) -> int | None:
        """Where the student stands in the whole (unfiltered) list."""
        try:
            return self._index.ids.index(student_id)
        except ValueError:
            return None

    def row_of(self, student_id: int) -> int | None:
        """The student's row as shown, or None when filtered out or not in the list."""
        k = self._position(student_id)
        if k is None:
            return None
        try:
            return self._visible.index(k)
        except ValueError:
            return None

    def choices(self, attr: str) -> list[str]:
        """The distinct non-empty values of a filter column over the whole list, sorted."""
        return sorted(set(self._index.columns[attr]) - {""})

    def raised(self) -> Mapping[int, tuple[str, ...]]:
        """The signals of the students in the list, by student id (only those with one)."""
        return self._index.raised

    def clear(self) -> None:
        """Drops every student from memory (used when the window locks)."""
        self.set_rows([])

    @property
    def total(self) -> int:
        return len(self._rows)

    def set_filter(self, wanted: CohortFilter) -> None:
        if wanted == self._filter:
            return
        self.beginResetModel()
        self._filter = wanted
        self._visible = self._index.filter(wanted)
        self.endResetModel()

    def _sorted(
        self, rows: list[CohortRow], raised: Mapping[int, tuple[str, ...]]
    ) -> list[CohortRow]:
        # The rows themselves are kept in sort order, so filtering (in index order) needs
        # no sort per keystroke; a click on a header pays for one sort.
        column, order = self._sort

        def by_signals(row: CohortRow) -> str:
            return ", ".join(raised.get(row.id, ()))

        key = by_signals if column == SIGNALS else _SORT_KEY[column]
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def rows(self) -> list[CohortRow]:
        """Every row in the list's order, with its current signals."""
        return [self._with_signals(row) for row in self._rows]

    def row_at(self, row: int) -> CohortRow:
        """The row shown at `row`, with its current signals."""
        return self._with_signals(self._rows[self._visible[row]])

    def _with_signals(self, row: CohortRow) -> CohortRow:
        raised = self._index.raised.get(row.id, ())
        return row if row.signals == raised else replace(row, signals=raised)

    # --- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # The view asks about ten roles per cell on every repaint: the ones this model
        # does not answer return before any work (keystroke-to-repaint, issue 19).
        if role not in _ROLES or not index.isValid():
            return None
        row = self._rows[self._visible[index.row()]]
        column = index.column()
        if role == ROW_ROLE:
            return self._with_signals(row)
        if column == SIGNALS and role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return ", ".join(self._index.raised.get(row.id, ()))
        if role == Qt.ItemDataRole.DisplayRole:
            return _DISPLAY[column](row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, self._index.raised.get(row.id, ()), column)
        if role == SORT_ROLE:
            return _SORT_KEY[column](row)
        return None

    @staticmethod
    def _tooltip(row: CohortRow, signals: tuple[str, ...], column: int) -> str | None:
        # The reason a path was closed shows wherever the user looks at its phase or flag.
        reason = (
            QCoreApplication.translate("cohort.model", "Reden afsluiten: {reason}").format(
                reason=row.closing_reason
            )
            if row.closing_reason
            else ""
        )
        if column == SIGNALS and (signals or reason):
            return "\n".join([*signals, reason] if reason else signals)
        if column == PHASE and reason:
            return reason
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("cohort.model", HEADERS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == self._sort:
            return
        self._sort = (column, order)
        self._set_rows(self._rows, self._index.raised)
