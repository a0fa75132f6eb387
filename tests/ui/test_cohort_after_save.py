"""After a save in a student file the cohort shows the change at once, by reading that one
student's row again (with its signals), not the whole school: at 150,000 students the whole
list and its signals took seconds after every save (issue 19). The user keeps the
selection and the filter; a changed name takes its new place in the order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.db import Store
from app.services.common.actor import Actor
from app.services.students import student_file as students
from app.services.students.cohort_filter import CohortFilter
from app.services.students.student_file import StudentInput
from app.ui.cohort.model import CLASS, NAME
from app.ui.main_window import MainWindow
from tests.ui.helpers import main_window, new_school, workspace_for

PASSWORD = "na-opslaan-2026"
PEOPLE = [("Anna", "Berg", "V6A"), ("Daan", "Jansen", "V6A"), ("Zoë", "Visser", "V6B")]


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor, dict[str, int]]]:
    store, coordinator = new_school(tmp_path, PASSWORD)
    ids = {
        surname: store.run(
            students.create_student,
            coordinator,
            StudentInput(
                first_name=first,
                surname=surname,
                las_key=f"70000{n}",
                class_name=class_name,
                planned_outflow_date="10-07-2027",
            ),
        )
        for n, (first, surname, class_name) in enumerate(PEOPLE)
    }
    yield store, coordinator, ids
    store.dispose()


@pytest.fixture
def window(qtbot, school, tmp_path: Path) -> MainWindow:
    store, coordinator, _ids = school
    window = main_window(qtbot, workspace_for(store, coordinator), tmp_path)
    window.show()
    window.refresh()
    assert window.cohort.holds_whole_list()
    return window


def _calls(window: MainWindow, monkeypatch) -> list[str]:
    """The names of the use cases the window runs from now on."""
    made: list[str] = []
    workspace = window.workspace
    for method in ("call", "read_beside"):
        original = getattr(workspace, method)

        def spy(use_case, *args, _original=original, **kwargs):
            made.append(use_case.__name__)
            return _original(use_case, *args, **kwargs)

        monkeypatch.setattr(workspace, method, spy)
    return made


def _save_field(qtbot, window: MainWindow, student_id: int, field: str, value: str) -> None:
    file_window = window.open_student(student_id)
    qtbot.addWidget(file_window)
    widget = file_window.personalia.widgets[field]
    widget.clear()
    qtbot.keyClicks(widget, value)
    qtbot.mouseClick(file_window.save_button, Qt.MouseButton.LeftButton)
    assert not file_window.is_dirty()


def _names(window: MainWindow) -> list[str]:
    model = window.cohort.model
    return [model.row_at(r).name for r in range(model.rowCount())]


def test_a_save_reads_one_row_and_the_list_shows_it_in_place(
    qtbot, window, school, monkeypatch
) -> None:
    _store, _coordinator, ids = school
    window.cohort.table.setCurrentIndex(window.cohort.model.index(1, NAME))  # Daan Jansen
    made = _calls(window, monkeypatch)
    _save_field(qtbot, window, ids["Jansen"], "class_name", "V6C")
    model = window.cohort.model
    assert model.data(model.index(1, CLASS)) == "V6C"
    assert window.cohort.selected_student_id() == ids["Jansen"]
    # The filter list offers the new class at once.
    classes = window.cohort.combos["class_name"]
    assert "V6C" in [classes.itemText(i) for i in range(classes.count())]
    # One row read again, not the whole school and its signals.
    cohort_reads = [name for name in made if name.startswith(("cohort", "list_cohort"))]
    assert cohort_reads == ["cohort_rows"]


def test_a_new_surname_takes_its_place_in_the_order(qtbot, window, school) -> None:
    _store, _coordinator, ids = school
    _save_field(qtbot, window, ids["Berg"], "surname", "Zwart")
    assert _names(window) == ["Daan Jansen", "Zoë Visser", "Anna Zwart"]
    assert window.cohort.model.row_at(2).id == ids["Berg"]


def test_a_filtered_list_follows_the_saved_student(qtbot, window, school) -> None:
    _store, _coordinator, ids = school
    window.cohort.model.set_filter(CohortFilter(class_name="V6A"))
    assert _names(window) == ["Anna Berg", "Daan Jansen"]
    _save_field(qtbot, window, ids["Jansen"], "class_name", "V6B")
    assert _names(window) == ["Anna Berg"], "moved out of the class the user filters on"
    _save_field(qtbot, window, ids["Visser"], "class_name", "V6A")
    assert _names(window) == ["Anna Berg", "Zoë Visser"]


def test_while_the_list_is_still_coming_a_save_reloads_it(qtbot, window, school, monkeypatch):
    _store, _coordinator, ids = school
    window.cohort.signals_loaded = False  # as between the list and its signals
    made = _calls(window, monkeypatch)
    _save_field(qtbot, window, ids["Berg"], "class_name", "V6D")
    assert "cohort_overview" in made and "cohort_rows" not in made
    model = window.cohort.model
    assert model.data(model.index(0, CLASS)) == "V6D"
