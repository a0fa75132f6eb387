"""The one way Koers sets up a table: a list to read and pick a row from, unless told otherwise.

A table over a model (`QTableView`) or a table of its own cells from column headers
(`QTableWidget`), both with the same house defaults: whole rows selected one at a time, no
editing, alternating row colours, no row numbers, columns the user can widen and the last
one filling the width. Every argument names a way a table departs from that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QWidget

Resize = QHeaderView.ResizeMode
Selection = QAbstractItemView.SelectionMode


# Room beside a header's text: the margins and the sort arrow.
HEADER_PADDING = 28


def header_width(table: QTableView, column: int) -> int:
    """The width a column needs to show its header text whole (never a clipped caption)."""
    text = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
    header = table.horizontalHeader()
    return header.fontMetrics().horizontalAdvance(text) + HEADER_PADDING


# The kind of table follows from the source; the options are the implementation's below.
@overload
def make_table(source: QAbstractItemModel, **options: Any) -> QTableView: ...
@overload
def make_table(source: Sequence[str], **options: Any) -> QTableWidget: ...


def make_table(
    source: QAbstractItemModel | Sequence[str],
    *,
    widths: Sequence[int] = (),
    resize: Resize = Resize.Interactive,
    stretch: Sequence[int] = (),
    sortable: bool = False,
    sort_by: int | None = None,
    selection: Selection = Selection.SingleSelection,
    select_rows: bool = True,
    editable: bool = False,
    alternating: bool = True,
    word_wrap: bool = True,
    row_numbers: bool = False,
    parent: QWidget | None = None,
) -> QTableView | QTableWidget:
    """A table over `source` (a model), or with these column headers (its own cells).

    `widths` are starting widths from the first column on (fixed widths, because measuring
    thousands of rows would cost more than the list itself); `resize` is every column's mode,
    except the `stretch` columns, which share the spare width (without them the last
    column takes it). `sort_by` sorts on that column, ascending, and implies `sortable`.
    """
    if isinstance(source, QAbstractItemModel):
        table: QTableView = QTableView(parent)
        table.setModel(source)
    else:
        table = QTableWidget(0, len(source), parent)
        table.setHorizontalHeaderLabels(list(source))
    if select_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating)
    table.setWordWrap(word_wrap)
    table.verticalHeader().setVisible(row_numbers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(resize)
    for column in stretch:
        header.setSectionResizeMode(column, Resize.Stretch)
    header.setStretchLastSection(not stretch)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, max(width, header_width(table, column)))
    if sortable or sort_by is not None:
        table.setSortingEnabled(True)
    if sort_by is not None:
        table.sortByColumn(sort_by, Qt.SortOrder.AscendingOrder)
    return table
