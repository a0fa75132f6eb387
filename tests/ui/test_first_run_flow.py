"""The coordinator's first day: wizard, log-in, cohort, filter, open, edit, save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from sqlalchemy import select

from app.models import AuditEntry, Student
from app.services.admin import accounts
from app.ui.startup import StartupController
from app.ui.tasks import TaskRunner

PASSWORD = "eerste-dag-2026"


@pytest.fixture
def controller(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "koers.ini"), QSettings.Format.IniFormat)
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    shown: list[str] = []
    controller = StartupController(
        url,
        settings,
        TaskRunner(synchronous=True),
        show_recovery_key=lambda _parent, key, _school: shown.append(key),
    )
    controller.recovery_keys_shown = shown
    yield controller
    controller.close_database()


@pytest.fixture
def warnings(monkeypatch):
    """Captures message boxes instead of blocking on them."""
    shown: list[str] = []

    def fake_warning(_parent, _title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake_warning))
    return shown


def _run_wizard(qtbot, controller) -> None:
    wizard = controller.wizard
    assert wizard is not None, "an empty database starts the first-run wizard"
    qtbot.addWidget(wizard)
    wizard.start.demo.setChecked(True)
    wizard.next()
    wizard.demo.students.setValue(40)
    wizard.next()
    assert wizard.account.username.text() == "demo"
    wizard.account.password.setText(PASSWORD)
    wizard.account.repeat.setText(PASSWORD)
    assert wizard.account.isComplete()
    wizard.button(QWizard.WizardButton.FinishButton).click()


def _student_updates(store, student_id: int) -> list[str]:
    """The fields named by each audited update of the student, oldest first."""
    with store.session() as session:
        return list(
            session.scalars(
                select(AuditEntry.detail)
                .where(
                    AuditEntry.action == "update",
                    AuditEntry.entity == "student",
                    AuditEntry.entity_id == student_id,
                )
                .order_by(AuditEntry.id)
            )
        )


def test_wizard_login_filter_open_edit_save(qtbot, controller, warnings, tmp_path):
    controller.start()
    qtbot.addWidget(controller.login)
    _run_wizard(qtbot, controller)
    assert controller.main_window is not None
    # The new database is encrypted; its recovery key is shown exactly once.
    assert len(controller.recovery_keys_shown) == 1
    assert len(controller.recovery_keys_shown[0].replace("-", "")) == 32
    assert (tmp_path / "koers.db.keys").exists()
    assert b"Bakker" not in (tmp_path / "koers.db").read_bytes()

    # Log out and in again through the login window.
    controller.main_window.logout_action.trigger()
    assert controller.login.isVisible()
    qtbot.keyClicks(controller.login.username, "demo")
    qtbot.keyClicks(controller.login.password, PASSWORD)
    qtbot.mouseClick(controller.login.button, Qt.MouseButton.LeftButton)
    window = controller.main_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    cohort = window.cohort
    assert cohort.model.rowCount() == 40

    # Filtering narrows the list to the students whose name matches.
    # QTest types ASCII only (an "é" aborts the process): search for a plain name.
    target = next(
        row
        for row in (cohort.model.row_at(i) for i in range(cohort.model.rowCount()))
        if row.name.isascii()
    )
    qtbot.keyClicks(cohort.search, target.name)
    assert 1 <= cohort.model.rowCount() < 40
    assert all(
        target.name.lower() in cohort.model.row_at(i).name.lower()
        for i in range(cohort.model.rowCount())
    )
    assert "van 40 leerlingen" in cohort.count_label.text()

    # Enter on the selected row opens the student's file.
    cohort.table.setFocus()
    cohort.table.selectRow(0)
    qtbot.keyClick(cohort.table, Qt.Key.Key_Return)
    file_window = window.file_windows[cohort.model.row_at(0).id]
    qtbot.addWidget(file_window)
    assert file_window.loaded is not None
    student_id = file_window.student_id

    # Edit the phone number and save with Ctrl+S.
    updates_before = _student_updates(controller.store, student_id)
    phone = file_window.personalia.widgets["phone"]
    phone.clear()
    qtbot.keyClicks(phone, "06-11223344")
    assert file_window.save_button.isEnabled()
    qtbot.mouseClick(file_window.save_button, Qt.MouseButton.LeftButton)
    assert not file_window.is_dirty()
    with controller.store.session() as session:
        assert session.get(Student, student_id).phone == "06-11223344"
    # The demo's year already changed this student (profile, mentor, phase): the save adds
    # exactly one update, naming the one field the user changed (never its value).
    assert _student_updates(controller.store, student_id) == [*updates_before, "phone"]

    # A birth date that does not exist: a Dutch message naming the field, nothing saved.
    birth = file_window.personalia.widgets["birth_date"]
    with controller.store.session() as session:
        before = session.get(Student, student_id).birth_date
    birth.clear()
    qtbot.keyClicks(birth, "31-02-2009")
    qtbot.mouseClick(file_window.save_button, Qt.MouseButton.LeftButton)
    assert warnings and "Geboortedatum" in warnings[-1]
    assert "31-02-2009" in warnings[-1]
    assert birth.property("invalid") is True
    assert file_window.is_dirty(), "the typed value stays on screen to be corrected"
    with controller.store.session() as session:
        assert session.get(Student, student_id).birth_date == before
    file_window.revert()


def test_closing_a_changed_file_asks_before_dropping(qtbot, controller, monkeypatch):
    controller.start()
    qtbot.addWidget(controller.login)
    _run_wizard(qtbot, controller)
    window = controller.main_window
    qtbot.addWidget(window)
    file_window = window.open_student(window.cohort.model.row_at(0).id)
    qtbot.addWidget(file_window)
    qtbot.keyClicks(file_window.personalia.widgets["city"], "x")
    asked: list[str] = []

    def cancel(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    assert not file_window.close()
    assert asked and "niet zijn opgeslagen" in asked[0]
    assert file_window.isVisible()
    # Closing the main window is refused too while the file has unsaved changes.
    assert not window.close()
    file_window.revert()


def test_wrong_password_says_so_and_lets_the_user_retry(qtbot, controller):
    controller.start()
    qtbot.addWidget(controller.login)
    _run_wizard(qtbot, controller)
    controller.main_window.logout_action.trigger()
    qtbot.keyClicks(controller.login.username, "demo")
    qtbot.keyClicks(controller.login.password, "niet-het-goede")
    qtbot.mouseClick(controller.login.button, Qt.MouseButton.LeftButton)
    assert controller.main_window is None
    assert "klopt niet" in controller.login.message.text()
    assert controller.login.password.text() == ""
    assert controller.login.button.isEnabled()


def test_a_slip_in_the_wizard_writes_nothing_and_can_be_corrected(qtbot, controller, tmp_path):
    controller.start()
    qtbot.addWidget(controller.login)
    wizard = controller.wizard
    qtbot.addWidget(wizard)
    wizard.next()  # an empty school
    qtbot.keyClicks(wizard.school.name, "De Horizon")
    qtbot.keyClicks(wizard.school.brin, "abc")
    wizard.next()
    qtbot.keyClicks(wizard.account.username, "c.peeters")
    qtbot.keyClicks(wizard.account.display_name, "Ingrid Peeters")
    qtbot.keyClicks(wizard.account.password, "abcd")
    qtbot.keyClicks(wizard.account.repeat, "abcd")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    problem = wizard.account.problem.text()
    assert "BRIN: 'abc' is geen BRIN-nummer" in problem
    assert "Wachtwoord: gebruik minstens" in problem
    assert controller.main_window is None and wizard.isVisible() and finish.isEnabled()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("koers.db")], "nothing written"

    # Back to the school page: its own problem is shown there, then corrected.
    wizard.back()
    assert "BRIN" in wizard.school.problem.text()
    wizard.school.brin.clear()
    qtbot.keyClicks(wizard.school.brin, "12ab")
    assert wizard.school.problem.text() == ""
    wizard.next()
    for field in (wizard.account.password, wizard.account.repeat):
        field.clear()
        qtbot.keyClicks(field, PASSWORD)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    window = controller.main_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert not wizard.isVisible()
    school = controller.store.run(accounts.school_info)
    assert (school.name, school.brin, school.is_demo) == ("De Horizon", "12AB", False)
    assert controller.main_window.workspace.actor.username == "c.peeters"
    assert len(controller.recovery_keys_shown) == 1
