"""The house table: a list to read and pick one row from, unless a caller asks otherwise."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget

from app.ui.common.tables import make_table


def _names_model() -> QStandardItemModel:
    model = QStandardItemModel(0, 2)
    model.setHorizontalHeaderLabels(["Naam", "Klas"])
    for name, class_name in [("Wit", "4B"), ("Bakker", "4A"), ("Berg", "5A")]:
        model.appendRow([QStandardItem(name), QStandardItem(class_name)])
    return model


def _click(qtbot, table: QTableView, row: int, column: int) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_picks_one_whole_row(qtbot) -> None:
    table = make_table(_names_model(), widths=[120, 60])
    qtbot.addWidget(table)
    table.resize(400, 200)
    table.show()
    assert isinstance(table, QTableView) and not isinstance(table, QTableWidget)
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    _click(qtbot, table, 0, 1)
    _click(qtbot, table, 2, 0)
    selected = table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [2]
    assert len(table.selectionModel().selectedIndexes()) == 2  # both cells of that row
    assert table.columnWidth(0) == 120 and table.columnWidth(1) > 60  # the last one fills
    assert not table.verticalHeader().isVisible() and table.alternatingRowColors()
    assert table.horizontalHeader().stretchLastSection()


def test_sort_by_orders_the_rows_on_that_column(qtbot) -> None:
    model = _names_model()
    table = make_table(model, sort_by=0)
    qtbot.addWidget(table)
    assert table.isSortingEnabled()
    assert [model.item(row, 0).text() for row in range(3)] == ["Bakker", "Berg", "Wit"]
    unsorted = _names_model()
    qtbot.addWidget(make_table(unsorted))
    assert unsorted.item(0, 0).text() == "Wit"


def test_headers_give_a_read_only_table_of_cells_unless_editable(qtbot) -> None:
    for editable in (False, True):
        table = make_table(["Naam", "Relatie"], editable=editable)
        qtbot.addWidget(table)
        assert isinstance(table, QTableWidget) and table.columnCount() == 2
        assert table.horizontalHeaderItem(1).text() == "Relatie"
        table.setRowCount(1)
        table.show()
        table.setCurrentCell(0, 0)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editing = table.state() == QAbstractItemView.State.EditingState
        assert editing is editable


def test_stretch_columns_share_the_width_instead_of_the_last(qtbot) -> None:
    table = make_table(
        ["Datum", "Sleutelbeslissing", "Wie deden mee"],
        resize=QHeaderView.ResizeMode.ResizeToContents,
        stretch=[1],
        selection=QAbstractItemView.SelectionMode.ExtendedSelection,
    )
    qtbot.addWidget(table)
    header = table.horizontalHeader()
    assert not header.stretchLastSection()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.ResizeToContents
    table.setRowCount(3)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(table.model().index(0, 0), flags)
    table.selectionModel().select(table.model().index(2, 0), flags)
    assert len(table.selectionModel().selectedRows()) == 2
