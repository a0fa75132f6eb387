"""A 1024×768 school PC: the student file fits on its screen in every tab, and the status
bar's message is not hidden behind the user and database shown next to it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar
from sqlalchemy import select

from app.db import Store, open_store
from app.db.urls import describe
from app.demo import school as demo
from app.models import (
    AftercarePlan,
    Consent,
    Conversation,
    Internship,
    ProfileAssessment,
    Student,
    TransitionPath,
)
from app.services.admin import accounts
from app.services.common.actor import Actor
from app.ui.student.window import StudentFileWindow
from app.ui.workspace import Workspace
from tests.ui.helpers import main_window, workspace_for

SCREEN_WIDTH = 1024
# 768 less a title bar and the Windows task bar.
SCREEN_HEIGHT = 740


@pytest.fixture(scope="module")
def demo_school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Actor]]:
    """The demo school and its coordinator: students with something in every tab."""
    url = f"sqlite:///{tmp_path_factory.mktemp('small') / 'koers.db'}"
    store = open_store(url)
    coordinator = store.run(demo.generate, password="klein-scherm-2026", students=20)
    yield store, coordinator
    store.dispose()


@pytest.fixture
def workspace(demo_school: tuple[Store, Actor]) -> Workspace:
    return workspace_for(*demo_school)


def _student_with_everything(store: Store) -> int:
    def find(session) -> int:
        query = select(Student.id)
        for model in (
            ProfileAssessment,
            TransitionPath,
            Internship,
            Conversation,
            AftercarePlan,
            Consent,
        ):
            query = query.where(Student.id.in_(select(model.student_id)))
        found = session.scalars(query.order_by(Student.id)).first()
        assert found is not None, "the demo school has no student with data in every tab"
        return found

    return store.run(find)


def test_every_tab_of_the_student_file_fits_a_1024_by_768_screen(qapp, qtbot, workspace) -> None:
    mentors = workspace.store.run(accounts.mentors)
    window = StudentFileWindow(workspace, mentors, _student_with_everything(workspace.store))
    qtbot.addWidget(window)
    window.show()
    too_big = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # builds the tab and loads its data
        qapp.processEvents()  # the layouts take in the new tab
        hint = window.minimumSizeHint()
        if hint.width() > SCREEN_WIDTH or hint.height() > SCREEN_HEIGHT:
            # The window's hint, and the tab's own (the one that stands out is the culprit).
            own = window.tabs.currentWidget().minimumSizeHint()
            too_big[window.tabs.tabText(index)] = (hint.toTuple(), own.toTuple())
    assert window.tabs.count() == 8
    assert too_big == {}


def _message_room(bar: QStatusBar) -> int:
    """The width Qt draws a message in: from 6 px to 2 px before the first permanent widget."""
    shown = [label for label in bar.findChildren(QLabel) if label.isVisible()]
    return min(label.geometry().left() for label in shown) - 2 - 6


def test_at_1024_px_the_status_message_is_not_cut_off(qtbot, workspace, tmp_path: Path) -> None:
    # A long name and the database where Windows keeps it: both as long as they get.
    actor = dataclasses.replace(workspace.actor, display_name="Anne-Marije van den Heuvel-Smit")
    path = "C:/Users/a.vandenheuvel-smit/AppData/Local/Koers/Koers/koers.db"
    workspace = dataclasses.replace(
        workspace, actor=actor, database_label=describe(f"sqlite:///{path}")
    )
    window = main_window(qtbot, workspace, tmp_path)
    window.resize(SCREEN_WIDTH, 700)
    window.show()
    qtbot.waitExposed(window)
    bar = window.statusBar()
    tips = [action.statusTip() for action in window.findChildren(QAction)]
    messages = [
        "U hebt 12 nazorgcontacten te doen (deze week of te laat): zie Nazorg.",
        max(tips, key=bar.fontMetrics().horizontalAdvance),
    ]
    for message in messages:
        bar.showMessage(message)
        assert bar.fontMetrics().horizontalAdvance(message) <= _message_room(bar), message
    # What no longer fits is in the tooltip.
    database = bar.findChild(QLabel, "databaseLabel")
    assert database.toolTip() == f"SQLite: {path}" and "…" in database.text()


def test_every_area_and_its_tabs_fit_a_1024_by_768_screen(qapp, qtbot, workspace, tmp_path):
    """At 200 % a 2048 px screen is 1024 px to Qt: an area wider than that pushes the
    window (and its right edge) off the screen."""
    from PySide6.QtCore import Qt

    window = main_window(qtbot, workspace, tmp_path)
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    window.show()
    too_big = {}
    for row in range(window.navigation.count()):
        key = window.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        window.navigation.setCurrentRow(row)
        qapp.processEvents()
        tabs = getattr(window.areas[key], "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
                qapp.processEvents()
            hint = window.minimumSizeHint()
            if hint.width() > SCREEN_WIDTH or hint.height() > SCREEN_HEIGHT:
                name = key if tabs is None else f"{key}: {tabs.tabText(index)}"
                too_big[name] = hint.toTuple()
    assert window.navigation.count() >= 6
    assert too_big == {}
