"""Every control a user can reach has a name a screen reader says: its own text, an
accessible name, or the label that is its buddy (a form row's label counts). Walked over
every work area of the main window and every tab of a student file of the demo school."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from app.db import Store, open_store
from app.demo import school as demo
from app.services.admin import accounts
from app.services.common.actor import Actor
from app.ui.student.window import StudentFileWindow
from app.ui.workspace import Workspace
from tests.ui.helpers import main_window, workspace_for
from tests.ui.test_small_screen import _student_with_everything

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


@pytest.fixture(scope="module")
def demo_school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Actor]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('names') / 'koers.db'}"
    store = open_store(url)
    coordinator = store.run(demo.generate, password="namen-test-2026", students=20)
    yield store, coordinator
    store.dispose()


@pytest.fixture
def workspace(demo_school: tuple[Store, Actor]) -> Workspace:
    return workspace_for(*demo_school)


def _part_of_another_control(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box, a line edit's clear button, a tab bar's
    scroll arrows, a table's corner button, Qt's own "more" arrows of a menu bar or toolbar:
    named through the control they belong to."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(
            parent, QAbstractSpinBox | QComboBox | QTabBar | QAbstractItemView | QLineEdit
        ):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    """Each control under `root` without a name, as 'Class objectName (parent class)'."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or _part_of_another_control(widget):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not (name or "").strip():
            parent = widget.parentWidget()
            found.append(
                f"{type(widget).__name__} {widget.objectName() or '-'} "
                f"in {type(parent).__name__ if parent else '-'} "
                f"({type(widget.window()).__name__})"
            )
    return found


def test_every_control_of_every_area_has_a_name(qtbot, workspace, tmp_path) -> None:
    window = main_window(qtbot, workspace, tmp_path)
    window.show()
    for row in range(window.navigation.count()):
        window.go_to_area(row)  # builds the area
    assert unnamed(window) == []


def test_every_control_of_every_tab_of_the_student_file_has_a_name(qtbot, workspace) -> None:
    mentors = workspace.store.run(accounts.mentors)
    window = StudentFileWindow(workspace, mentors, _student_with_everything(workspace.store))
    qtbot.addWidget(window)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    assert unnamed(window) == []
