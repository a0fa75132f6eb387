"""The Beheer area: a coordinator manages accounts and reads the trail; others never see it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.db import Store
from app.models import Role
from app.services.admin import accounts, users
from app.services.admin.users import UserInput
from app.services.common.actor import Actor
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from app.ui.admin.view import AdminView
from app.ui.main_window import MainWindow
from tests.ui.helpers import main_window, new_school, workspace_for

PASSWORD = "beheer-test-2026"


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor]]:
    store, coordinator = new_school(tmp_path, PASSWORD)
    yield store, coordinator
    store.dispose()


def _window(qtbot, store: Store, actor: Actor, tmp_path: Path) -> MainWindow:
    window = main_window(qtbot, workspace_for(store, actor), tmp_path)
    return window


def _areas(window: MainWindow) -> list[str]:
    nav = window.navigation
    return [nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(nav.count())]


def _show_admin(window: MainWindow) -> AdminView:
    window.show()
    window.navigation.setCurrentRow(_areas(window).index("beheer"))
    assert window.admin is not None and window.admin.isVisible()
    return window.admin


def test_a_coordinator_adds_a_user_through_the_dialog(school, qtbot, tmp_path: Path) -> None:
    store, coordinator = school
    window = _window(qtbot, store, coordinator, tmp_path)
    # The cohort first, Beheer last; the work areas of main_window.EXTRA_AREAS in between.
    assert _areas(window)[0] == "cohort" and _areas(window)[-1] == "beheer"
    assert window.admin.users.model.rowCount() == 0  # nothing read until the area is shown

    tab = _show_admin(window).users
    assert [tab.model.row_at(i).username for i in range(tab.model.rowCount())] == ["c.peeters"]

    dialog = tab.new_user()
    qtbot.keyClicks(dialog.username, "j.devries")
    qtbot.keyClicks(dialog.display_name, "Jan de Vries")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MENTOR.value))
    qtbot.keyClicks(dialog.password, "nieuw-wachtwoord-1")
    qtbot.keyClicks(dialog.repeat, "nieuw-wachtwoord-2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # Caught in the dialog; nothing saved, the dialog stays open with the field marked.
    assert dialog.isVisible()
    assert dialog.repeat.property("invalid") is True
    assert tab.model.rowCount() == 1

    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "nieuw-wachtwoord-1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    names = {tab.model.row_at(i).username for i in range(tab.model.rowCount())}
    assert names == {"c.peeters", "j.devries"}
    assert store.run(accounts.login, "j.devries", "nieuw-wachtwoord-1").actor is not None


def test_a_refused_user_shows_the_services_message_on_the_field(
    school, qtbot, tmp_path: Path
) -> None:
    store, coordinator = school
    tab = _show_admin(_window(qtbot, store, coordinator, tmp_path)).users
    dialog = tab.new_user()
    qtbot.keyClicks(dialog.username, "C.Peeters")
    qtbot.keyClicks(dialog.display_name, "Dubbel")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "al in gebruik" in dialog.username.toolTip()
    assert "al in gebruik" in dialog.problem.text()
    assert dialog.save_button.isEnabled()


def test_a_coordinator_resets_a_password_and_switches_an_account_off(
    school, qtbot, tmp_path: Path, monkeypatch
) -> None:
    store, coordinator = school
    user_id = store.run(users.create_user, coordinator, UserInput("jan", "Jan", "mentor"))
    tab = _show_admin(_window(qtbot, store, coordinator, tmp_path)).users
    tab.select_user(user_id)
    assert tab.password_button.isEnabled()

    dialog = tab.reset_password()
    qtbot.keyClicks(dialog.password, "jan-zijn-wachtwoord")
    qtbot.keyClicks(dialog.repeat, "jan-zijn-wachtwoord")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.run(accounts.login, "jan", "jan-zijn-wachtwoord").actor is not None

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    tab.select_user(user_id)
    assert tab.active_button.text() == "Uitschakelen"
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert store.run(accounts.login, "jan", "jan-zijn-wachtwoord").actor is None
    tab.select_user(user_id)
    assert tab.active_button.text() == "Inschakelen"
    assert not tab.password_button.isEnabled()


def test_the_audit_log_tab_filters_and_answers_an_access_request(
    school, qtbot, tmp_path: Path, monkeypatch
) -> None:
    store, coordinator = school
    student_id = store.run(
        students.create_student,
        coordinator,
        StudentInput(first_name="Sem", surname="Smit", las_key="4242"),
    )
    store.run(students.open_student_file, coordinator, student_id)
    admin = _show_admin(_window(qtbot, store, coordinator, tmp_path))
    admin.tabs.setCurrentWidget(admin.audit_log)
    log = admin.audit_log
    actions = [log.model.row_at(i).action for i in range(log.model.rowCount())]
    assert actions == ["view", "create", "school_created"]  # newest first

    log.student.setText("4242")
    qtbot.mouseClick(log.search_button, Qt.MouseButton.LeftButton)
    assert [log.model.row_at(i).action for i in range(log.model.rowCount())] == ["view", "create"]
    log.action.setCurrentIndex(log.action.findData("view"))
    log.search()
    assert log.model.rowCount() == 1
    assert log.model.data(log.model.index(0, 2)) == "Bekeken"

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _parent, _title, text: shown.append(text))
    )
    target = tmp_path / "inzage.json"
    log.export_subject_access("4242", str(target))
    assert json.loads(target.read_text("utf-8"))["student"]["id"] == student_id
    assert shown and str(target) in shown[0]


@pytest.mark.parametrize("role", [Role.MENTOR, Role.READ_ONLY])
def test_beheer_is_hidden_from_mentors_and_read_only_users(
    school, qtbot, tmp_path: Path, role: Role
) -> None:
    store, coordinator = school
    user_id = store.run(
        users.create_user, coordinator, UserInput("jan", "Jan", role.value, "", PASSWORD)
    )
    actor = store.run(accounts.login, "jan", PASSWORD).actor_or_raise()
    assert actor.user_id == user_id
    window = _window(qtbot, store, actor, tmp_path)
    assert _areas(window)[0] == "cohort" and "beheer" not in _areas(window)
    assert window.admin is None
    assert "beheer" not in window.areas


def test_the_audit_log_shows_dutch_for_what_it_stores_as_codes(qapp) -> None:
    from datetime import datetime

    from app.services.common.audit import AuditRow
    from app.ui.admin.audit_log import ACTION, DETAIL, ENTITY, AuditModel

    model = AuditModel()
    model.set_rows(
        [
            AuditRow(
                1,
                datetime(2026, 1, 5, 9),
                1,
                "Ingrid",
                "view",
                "aftercare_worklist",
                None,
                "rows=25",
            )
        ]
    )
    shown = [model.data(model.index(0, column)) for column in (ACTION, ENTITY, DETAIL)]
    assert shown == ["Bekeken", "Nazorglijst", "rijen: 25"]
