"""The cohort model keeps the signals beside the rows: they arrive after the rows (the
whole list first, its signals a moment later, again after every save), and filling them in
must not rebuild the list, lose the selection or leave a stale Aandacht column, filter or
sort behind."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QSignalSpy

from app.services.common.names import sort_name
from app.services.students.cohort import CohortRow
from app.services.students.cohort_filter import CohortFilter
from app.ui.cohort.model import NAME, SIGNALS, CohortModel
from app.ui.common.table_model import ROW_ROLE, SORT_ROLE

UNREACHABLE = "Onbereikbaar"
NO_PLACE = "Geen plek"


def _row(student_id: int, first: str, surname: str, signals: tuple[str, ...] = ()) -> CohortRow:
    name = f"{first} {surname}"
    return CohortRow(
        id=student_id,
        name=name,
        sort_name=sort_name(first, None, surname),
        class_name="V6A",
        mentor="Jeroen Bosman",
        profile="Arbeid",
        planned_outflow=date(2027, 7, 16),
        school_year="2026-2027",
        phase="Oriëntatie",
        destination="",
        search_key=name.lower(),
        signals=signals,
    )


ROWS = [_row(1, "Anna", "Berg"), _row(2, "Daan", "Jansen"), _row(3, "Zoë", "Öztürk")]


@pytest.fixture
def model(qapp) -> CohortModel:
    model = CohortModel()
    model.set_rows(ROWS)
    return model


def _shown(model: CohortModel, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.data(model.index(r, column), role) for r in range(model.rowCount())]


def test_signals_fill_the_aandacht_column_its_tooltip_and_the_rows_handed_out(model) -> None:
    model.set_signals({2: (UNREACHABLE,), 3: (NO_PLACE, UNREACHABLE)})
    assert _shown(model, SIGNALS) == ["", UNREACHABLE, f"{NO_PLACE}, {UNREACHABLE}"]
    assert _shown(model, SIGNALS, Qt.ItemDataRole.ToolTipRole) == [
        None,
        UNREACHABLE,
        f"{NO_PLACE}\n{UNREACHABLE}",
    ]
    # What the view opens or acts on carries the signals too.
    assert [model.row_at(r).signals for r in range(3)] == [
        (),
        (UNREACHABLE,),
        (NO_PLACE, UNREACHABLE),
    ]
    assert model.data(model.index(1, NAME), ROW_ROLE).signals == (UNREACHABLE,)
    assert [row.signals for row in model.rows()] == [(), (UNREACHABLE,), (NO_PLACE, UNREACHABLE)]
    # Signals that are gone after a save leave the column empty again.
    model.set_signals({})
    assert _shown(model, SIGNALS) == ["", "", ""]
    assert model.row_at(1).signals == ()


def test_signals_arriving_keep_the_list_and_its_selection(model) -> None:
    selection = QItemSelectionModel(model)
    selection.select(model.index(1, NAME), QItemSelectionModel.SelectionFlag.Select)
    resets, changes = QSignalSpy(model.modelReset), QSignalSpy(model.dataChanged)
    model.set_signals({1: (UNREACHABLE,)})
    assert resets.count() == 0, "the list is not rebuilt for its Aandacht column"
    assert changes.count() == 1
    assert selection.isSelected(model.index(1, NAME))


def test_the_aandacht_filter_follows_signals_that_arrive_later(model) -> None:
    model.set_filter(CohortFilter(signal=UNREACHABLE))
    assert model.rowCount() == 0
    model.set_signals({3: (UNREACHABLE,)})
    assert [model.row_at(r).id for r in range(model.rowCount())] == [3]
    model.set_signals({1: (UNREACHABLE,), 2: (NO_PLACE,)})
    assert [model.row_at(r).id for r in range(model.rowCount())] == [1]


def test_sorting_on_aandacht_uses_the_latest_signals(model) -> None:
    model.set_signals({1: (UNREACHABLE,), 3: (NO_PLACE,)})
    model.sort(SIGNALS, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).id for r in range(3)] == [2, 3, 1]  # "", "Geen plek", "Onb..."
    assert _shown(model, SIGNALS, SORT_ROLE) == ["", NO_PLACE, UNREACHABLE]
    # New signals re-sort a list sorted on them.
    model.set_signals({2: (UNREACHABLE,)})
    assert [model.row_at(r).id for r in range(3)] == [3, 1, 2]  # ties keep their order
    # Back to names: the signals stay with their students.
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert [(model.row_at(r).id, model.row_at(r).signals) for r in range(3)] == [
        (1, ()),
        (2, (UNREACHABLE,)),
        (3, ()),
    ]


def test_rows_that_carry_their_signals_show_them_at_once(qapp) -> None:
    model = CohortModel()
    model.set_rows([_row(1, "Anna", "Berg", (NO_PLACE,)), _row(2, "Daan", "Jansen")])
    assert _shown(model, SIGNALS) == [NO_PLACE, ""]
    model.set_filter(CohortFilter(signal=NO_PLACE))
    assert [model.row_at(r).id for r in range(model.rowCount())] == [1]


def test_a_saved_row_is_swapped_where_it_stands(model) -> None:
    model.set_signals({2: (UNREACHABLE,)})
    resets, changes = QSignalSpy(model.modelReset), QSignalSpy(model.dataChanged)
    saved = replace(ROWS[1], class_name="V6C", search_key="daan jansen v6c")
    model.update_rows({2}, [replace(saved, signals=(NO_PLACE,))])
    assert resets.count() == 0 and changes.count() == 1
    assert model.row_at(1).class_name == "V6C"
    assert _shown(model, SIGNALS) == ["", NO_PLACE, ""]
    # The filter's index knows the new class and the new signal.
    model.set_filter(CohortFilter(class_name="V6C"))
    assert [model.row_at(r).id for r in range(model.rowCount())] == [2]
    model.set_filter(CohortFilter(signal=NO_PLACE))
    assert [model.row_at(r).id for r in range(model.rowCount())] == [2]
    assert model.choices("class_name") == ["V6A", "V6C"]


def test_rows_that_come_go_or_move_put_the_list_in_order(model) -> None:
    renamed = replace(ROWS[0], name="Anna Zwart", sort_name=sort_name("Anna", None, "Zwart"))
    model.update_rows({1}, [renamed])
    assert [model.row_at(r).id for r in range(3)] == [2, 3, 1]  # Jansen, Öztürk, Zwart
    newcomer = _row(4, "Bram", "Aalders", (NO_PLACE,))
    model.update_rows({4}, [newcomer])
    assert [model.row_at(r).id for r in range(4)] == [4, 2, 3, 1]
    assert model.row_at(0).signals == (NO_PLACE,)
    # No longer seen (archived, another mentor's): gone from the list, with its signals.
    model.update_rows({4}, [])
    assert [model.row_at(r).id for r in range(3)] == [2, 3, 1]
    assert model.raised() == {}
    assert model.row_of(3) == 1 and model.row_of(4) is None
