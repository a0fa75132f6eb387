"""A school without students shows how to get them in, not an empty grid."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.db import Store
from app.models import Role
from app.services.admin import users
from app.services.admin.accounts import login
from app.services.admin.users import UserInput
from app.services.common.actor import Actor
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from app.ui.main_window import MainWindow
from tests.ui.helpers import main_window, new_school, workspace_for

PASSWORD = "lege-school-2026"


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor]]:
    store, coordinator = new_school(tmp_path, PASSWORD)
    yield store, coordinator
    store.dispose()


def _window(qtbot, store: Store, actor: Actor, tmp_path: Path) -> MainWindow:
    window = main_window(qtbot, workspace_for(store, actor), tmp_path)
    window.show()
    window.refresh()
    return window


def test_an_empty_school_offers_the_import_to_the_coordinator(
    qtbot, school, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[bool] = []
    monkeypatch.setattr(MainWindow, "import_from_las", lambda self: opened.append(True))
    store, coordinator = school
    window = _window(qtbot, store, coordinator, tmp_path)
    hint = window.cohort.empty_hint
    assert hint.isVisible() and not window.cohort.table.isVisible()
    assert "Lees de leerlingen in" in hint.text.text()
    assert hint.import_button.isVisible()
    qtbot.mouseClick(hint.import_button, Qt.MouseButton.LeftButton)
    assert opened == [True]

    store.run(students.create_student, coordinator, StudentInput(first_name="Sem", surname="Smit"))
    window.refresh()
    assert window.cohort.table.isVisible() and not hint.isVisible()


def test_a_mentor_reads_who_imports(qtbot, school, tmp_path: Path) -> None:
    store, coordinator = school
    store.run(
        users.create_user,
        coordinator,
        UserInput("m.jansen", "Mila Jansen", Role.MENTOR.value, password="mentor-wachtwoord-1"),
    )
    mentor = store.run(login, "m.jansen", "mentor-wachtwoord-1").actor
    window = _window(qtbot, store, mentor, tmp_path)
    hint = window.cohort.empty_hint
    assert hint.isVisible() and not hint.import_button.isVisible()
    assert "De uitstroomcoördinator leest de leerlingen in" in hint.text.text()
