"""Auto-lock: idle time hides everything, the password brings it back, nothing typed is lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from app.demo import school as demo
from app.services.admin.unlock import create_encrypted_database, grant_keys
from app.ui.lock.idle import IdleWatcher
from app.ui.startup import StartupController
from app.ui.tasks import TaskRunner

PASSWORD = "vergrendel-2026"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def school(tmp_path):
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store, _recovery = create_encrypted_database(url, demo.SCHOOL_NAME, "demo", PASSWORD)
    store.run(demo.generate, password=PASSWORD, students=20)
    grant_keys(store, demo.other_usernames(), PASSWORD)
    store.dispose()
    return url


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def controller(qtbot, tmp_path, school, clock, monkeypatch):
    # Every watcher in this test reads the fake wall clock.
    monkeypatch.setattr(
        "app.ui.main_window.IdleWatcher",
        lambda seconds, parent=None: IdleWatcher(seconds, clock=clock, parent=parent),
    )
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    controller = StartupController(school, settings, TaskRunner(synchronous=True))
    controller.start()
    qtbot.addWidget(controller.login)
    yield controller
    controller.close_database()


def _log_in(qtbot, controller, username: str) -> None:
    controller.login.username.setText(username)
    controller.login.password.setText(PASSWORD)
    qtbot.mouseClick(controller.login.button, Qt.MouseButton.LeftButton)
    assert controller.main_window is not None, controller.login.message.text()
    qtbot.addWidget(controller.main_window)


def _edit_a_file(qtbot, window):
    student = window.cohort.model.row_at(0)
    file_window = window.open_student(student.id)
    qtbot.addWidget(file_window)
    city = file_window.personalia.widgets["city"]
    city.clear()
    qtbot.keyClicks(city, "Nergenshuizen")
    assert file_window.is_dirty()
    return student.id


def test_idle_time_locks_and_the_password_unlocks_with_edits_kept(qtbot, controller, clock):
    _log_in(qtbot, controller, "demo")
    window = controller.main_window
    student_id = _edit_a_file(qtbot, window)

    clock.now += 4 * 60  # four minutes: not yet
    window.idle.check()
    assert not window.lock.locked
    clock.now += 61  # past the school's five minutes
    window.idle.check()

    assert window.lock.locked
    assert window.cohort.model.rowCount() == 0 and window.cohort.model.total == 0
    assert window.open_file_windows() == []
    assert window.centralWidget().currentWidget() is window.lock.screen
    assert not window.new_action.isEnabled() and not window.navigation.isVisible()

    window.lock.screen.password.setText("niet-goed")
    qtbot.mouseClick(window.lock.screen.unlock_button, Qt.MouseButton.LeftButton)
    assert window.lock.locked
    assert "klopt niet" in window.lock.screen.message.text()

    qtbot.keyClicks(window.lock.screen.password, PASSWORD)
    qtbot.mouseClick(window.lock.screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.lock.locked
    assert window.cohort.model.rowCount() == 20
    restored = window.file_windows[student_id]
    qtbot.addWidget(restored)
    assert restored.personalia.widgets["city"].text() == "Nergenshuizen"
    assert restored.is_dirty()
    restored.revert()


def test_ctrl_l_locks_and_another_user_leaves_the_first_users_draft(qtbot, controller):
    _log_in(qtbot, controller, "demo")
    window = controller.main_window
    student_id = _edit_a_file(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.lock.locked

    qtbot.mouseClick(window.lock.screen.switch_button, Qt.MouseButton.LeftButton)
    assert controller.main_window is None and controller.login.isVisible()
    _log_in(qtbot, controller, "stagiair")  # a read-only colleague sees no draft of demo's
    assert controller.main_window.open_file_windows() == []
    controller.main_window.logout_action.trigger()

    _log_in(qtbot, controller, "demo")
    restored = controller.main_window.file_windows[student_id]
    qtbot.addWidget(restored)
    assert restored.personalia.widgets["city"].text() == "Nergenshuizen"
    restored.revert()
