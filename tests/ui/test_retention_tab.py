"""Beheer > Bewaartermijn: the setting, the list of what goes, and removing it only after a
confirmation that names the count; the same list is offered after log-in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.db import Store
from app.models import Role, Student, User
from app.services.common.actor import Actor
from app.ui.admin.retention import PurgeDialog, RetentionTab, offer_purge_at_start
from app.ui.workspace import Workspace
from tests.ui.helpers import new_school, workspace_for

TODAY = date(2031, 3, 15)


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor]]:
    store, coordinator = new_school(tmp_path, "bewaar-test-2026")
    with store.session() as session:
        session.add_all(
            [
                Student(
                    first_name="Fenna", surname="Zwanenburg", actual_outflow_date=date(2019, 7, 10)
                ),
                Student(first_name="Bram", surname="Kok", actual_outflow_date=date(2020, 7, 10)),
                Student(
                    first_name="Jelle", surname="Oosterbroek", actual_outflow_date=date(2029, 7, 10)
                ),
            ]
        )
    yield store, coordinator
    store.dispose()


def _workspace(store: Store, actor: Actor) -> Workspace:
    return workspace_for(store, actor)


def _surnames(store: Store) -> list[str]:
    with store.session() as session:
        return sorted(session.scalars(select(Student.surname)))


def _tab(qtbot, store: Store, actor: Actor) -> RetentionTab:
    tab = RetentionTab(_workspace(store, actor))
    tab.today = TODAY
    qtbot.addWidget(tab)
    tab.load()
    return tab


def test_the_list_shows_who_goes_and_nothing_goes_without_a_yes(school, qtbot, monkeypatch) -> None:
    store, coordinator = school
    tab = _tab(qtbot, store, coordinator)
    assert tab.months.value() == 24
    assert "nog 24 maanden bewaard, dus tot 48 maanden na de uitstroom" in tab.explanation.text()
    assert not tab.purge_button.isEnabled()

    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    rows = [[tab.table.item(r, c).text() for c in range(4)] for r in range(tab.table.rowCount())]
    assert rows == [
        ["Fenna Zwanenburg", "10-07-2019", "10-07-2021", "10-07-2023"],
        ["Bram Kok", "10-07-2020", "10-07-2022", "10-07-2024"],
    ]
    assert tab.count_label.text() == "2 dossiers voorbij de bewaartermijn."
    assert tab.purge_button.isEnabled()

    asked: list[int] = []
    monkeypatch.setattr(tab, "confirm", lambda n: asked.append(n) or False)
    qtbot.mouseClick(tab.purge_button, Qt.MouseButton.LeftButton)
    assert asked == [2]
    assert _surnames(store) == ["Kok", "Oosterbroek", "Zwanenburg"]

    monkeypatch.setattr(tab, "confirm", lambda n: asked.append(n) or True)
    qtbot.mouseClick(tab.purge_button, Qt.MouseButton.LeftButton)
    assert _surnames(store) == ["Oosterbroek"]
    assert tab.status.text() == "2 dossiers verwijderd."
    assert tab.table.rowCount() == 0
    assert tab.count_label.text() == "Geen dossiers voorbij de bewaartermijn."
    assert not tab.purge_button.isEnabled()


def test_the_confirmation_names_the_count(school, qtbot, monkeypatch) -> None:
    store, coordinator = school
    tab = _tab(qtbot, store, coordinator)
    seen: list[str] = []

    def question(_parent, _title, text, *_args):
        seen.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert tab.confirm(2) is False
    assert seen[0].startswith("2 dossiers definitief verwijderen?")
    assert "niet ongedaan" in seen[0]


def test_a_changed_setting_is_saved_and_the_list_refreshed(school, qtbot) -> None:
    store, coordinator = school
    tab = _tab(qtbot, store, coordinator)
    tab.preview()
    assert tab.table.rowCount() == 2

    tab.months.setValue(1)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "Bewaartermijn opgeslagen: 1 maand."
    assert tab.settings.retention_months == 1
    assert "nog 1 maanden bewaard" not in tab.explanation.text()
    assert "nog 1 maand bewaard, dus tot 25 maanden" in tab.explanation.text()
    assert tab.table.rowCount() == 2  # left in 2029: 25 months later is after 15-03-2031


def test_others_cannot_use_the_tab(school, qtbot) -> None:
    store, _ = school
    with store.session() as session:
        user = User(username="m.mentor", display_name="Mentor", role=Role.MENTOR)
        session.add(user)
        session.flush()
        mentor = Actor(user.id, user.username, user.display_name, user.role)
    tab = _tab(qtbot, store, mentor)
    assert not tab.preview_button.isEnabled() and not tab.save_button.isEnabled()
    assert "uitstroomcoördinator" in tab.status.text()


def test_due_files_are_offered_after_log_in(school, qtbot, monkeypatch) -> None:
    store, coordinator = school
    parent = RetentionTab(_workspace(store, coordinator))
    qtbot.addWidget(parent)
    questions: list[str] = []

    def question(_parent, _title, text, *_args):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    offer_purge_at_start(parent, _workspace(store, coordinator), on_day=TODAY)

    assert questions == [
        "2 dossiers zijn voorbij de bewaartermijn. Wilt u nu bekijken wat er verwijderd wordt?"
    ]
    dialog = parent.findChild(PurgeDialog)
    assert dialog is not None and dialog.tab.table.rowCount() == 2
    assert _surnames(store) == ["Kok", "Oosterbroek", "Zwanenburg"]  # nothing removed yet
    dialog.close()
