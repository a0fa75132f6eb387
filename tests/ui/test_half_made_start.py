"""A first start killed half-way: the next start names what it left, offers to move it
aside (never deleting it), and after a yes the first-start wizard works."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from app.services.admin import accounts, data_folder
from app.services.admin.unlock import create_encrypted_database
from app.ui.startup import StartupController
from app.ui.tasks import TaskRunner
from tests.crash.first_start_kill import SCHOOL, kill_first_start

PASSWORD = "eerste-dag-2026"


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'koers.db'}"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def controller(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "instellingen" / "koers.ini"), QSettings.Format.IniFormat)
    controller = StartupController(
        _url(tmp_path),
        settings,
        TaskRunner(synchronous=True),
        show_recovery_key=lambda *_args: None,
    )
    qtbot.addWidget(controller.login)
    yield controller
    controller.close_database()


def _answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _make_empty_school(qtbot, controller) -> None:
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible(), "the first-start wizard appears"
    qtbot.addWidget(wizard)
    wizard.next()
    qtbot.keyClicks(wizard.school.name, SCHOOL["school_name"])
    qtbot.keyClicks(wizard.school.brin, SCHOOL["brin"])
    wizard.next()
    qtbot.keyClicks(wizard.account.username, SCHOOL["username"])
    qtbot.keyClicks(wizard.account.display_name, SCHOOL["display_name"])
    qtbot.keyClicks(wizard.account.password, PASSWORD)
    qtbot.keyClicks(wizard.account.repeat, PASSWORD)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    window = controller.main_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert controller.store.run(accounts.school_info).name == SCHOOL["school_name"]


@pytest.mark.parametrize(
    ("point", "what"),
    [
        ("before_rename", data_folder.UNFINISHED),
        ("before_key_file", data_folder.NO_KEY_FILE),
    ],
)
def test_a_killed_first_start_is_offered_to_be_moved_aside_and_started_again(
    qtbot, controller, tmp_path, monkeypatch, point, what
):
    killed = kill_first_start(_url(tmp_path), point, PASSWORD)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    left = _files(tmp_path)
    assert left, "the kill left files behind"
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)

    controller.start()

    assert len(asked) == 1 and what in asked[0] and "niets gewist" in asked[0]
    (aside,) = [p for p in tmp_path.iterdir() if p.is_dir() and ".onvolledig-" in p.name]
    assert aside.name.startswith("koers.db.onvolledig-")
    assert _files(aside) == left, "moved aside whole, nothing deleted"
    assert str(aside) in controller.login.message.text()
    _make_empty_school(qtbot, controller)


def test_saying_no_changes_nothing_and_opens_nothing(qtbot, controller, tmp_path, monkeypatch):
    killed = kill_first_start(_url(tmp_path), "before_rename", PASSWORD)
    assert killed.returncode == -signal.SIGKILL
    left = _files(tmp_path)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)

    controller.start()

    assert len(asked) == 1
    assert _files(tmp_path) == left and not [p for p in tmp_path.iterdir() if p.is_dir()]
    assert controller.wizard is None and controller.main_window is None
    assert "onvolledig" in controller.login.message.text()
    assert not controller.login.button.isEnabled(), "no log-in that no password opens"


def test_an_older_half_made_folder_is_found_at_log_in_and_offered(
    qtbot, controller, tmp_path, monkeypatch
):
    # Older versions made the key file and the database before the school; a crash then
    # left a log-in window. The password that made the key file shows what it is.
    store, _recovery = create_encrypted_database(
        _url(tmp_path), "De Horizon", "c.peeters", PASSWORD
    )
    store.dispose()
    left = _files(tmp_path)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    controller.start()
    assert controller.login.button.isEnabled() and not asked

    qtbot.keyClicks(controller.login.username, "c.peeters")
    qtbot.keyClicks(controller.login.password, PASSWORD)
    qtbot.mouseClick(controller.login.button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1 and data_folder.NO_SCHOOL in asked[0]
    (aside,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert sorted(_files(aside)) == sorted(left)
    _make_empty_school(qtbot, controller)
