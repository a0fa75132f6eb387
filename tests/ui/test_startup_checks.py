"""The start-up checks never hold up the user: a student file opened right after log-in
loads while the integrity check is still running (issue 19). Ordering, not time."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings, Qt

from app.demo import school as demo
from app.services.admin import opening
from app.services.admin.unlock import create_encrypted_database
from app.ui.startup import StartupController
from app.ui.tasks import TaskRunner

PASSWORD = "controle-2026"
WAIT_MS = 20_000


@pytest.fixture
def school(tmp_path):
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store, _recovery = create_encrypted_database(url, demo.SCHOOL_NAME, "demo", PASSWORD)
    store.run(demo.generate, password=PASSWORD, students=12)
    store.dispose()
    return url


def _log_in(qtbot, controller) -> None:
    """As the user does: the button usable, name and password typed, a click; then the
    main window."""
    qtbot.waitUntil(controller.login.button.isEnabled, timeout=WAIT_MS)
    controller.login.username.setText("demo")
    controller.login.password.setText(PASSWORD)
    qtbot.mouseClick(controller.login.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=WAIT_MS)


@pytest.fixture
def held_check(monkeypatch):
    """The real start-up check, held at its start until the test releases it."""
    events: list[str] = []
    started, release = threading.Event(), threading.Event()
    real = opening.after_start

    def after_start(store):
        events.append("check started")
        started.set()
        release.wait(WAIT_MS / 1000)
        report = real(store)
        events.append("check done")
        return report

    monkeypatch.setattr(opening, "after_start", after_start)
    yield events, started, release
    release.set()


def test_a_student_file_opens_while_the_start_up_check_still_runs(
    qtbot, tmp_path, school, held_check
):
    events, started, release = held_check
    runner = TaskRunner()  # real threads: the check and the user's work each on their own
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    controller = StartupController(school, settings, runner)
    controller.start()
    qtbot.addWidget(controller.login)
    try:
        _log_in(qtbot, controller)
        window = controller.main_window
        qtbot.addWidget(window)
        assert started.wait(WAIT_MS / 1000), "the start-up check never began"

        # The check is still running (held): the user's first file must not wait for it.
        qtbot.waitUntil(lambda: window.cohort.model.rowCount() > 0, timeout=WAIT_MS)
        student = window.cohort.model.row_at(0)
        file_window = window.open_student(student.id)
        qtbot.addWidget(file_window)
        qtbot.waitUntil(lambda: file_window.loaded is not None, timeout=WAIT_MS)
        events.append("file loaded")
        assert file_window.loaded.id == student.id

        release.set()
        qtbot.waitUntil(lambda: "check done" in events, timeout=WAIT_MS)
        assert events == ["check started", "file loaded", "check done"]
        # The check itself still ran to the end and found the file sound.
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
        assert not controller.store.read_only
    finally:
        release.set()
        if controller.main_window is not None:
            controller.main_window.close()  # its close writes through the runner
        runner.shutdown()
        controller.close_database()


def test_a_log_in_typed_before_the_database_is_ready_is_sent_once_it_is(
    qtbot, tmp_path, school, monkeypatch
):
    """The log-in button of an existing file is usable at once; a log-in submitted while
    the opening still runs waits for it and then goes through (ordering, not time)."""
    import app.ui.startup as startup

    events: list[str] = []
    release = threading.Event()
    real = startup._prepare

    def held_prepare(url):
        release.wait(WAIT_MS / 1000)
        events.append("database opened")
        return real(url)

    monkeypatch.setattr(startup, "_prepare", held_prepare)
    runner = TaskRunner()
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    controller = StartupController(school, settings, runner)
    controller.start()
    qtbot.addWidget(controller.login)
    try:
        assert controller.login.button.isEnabled()  # before the database is open
        controller.login.username.setText("demo")
        controller.login.password.setText(PASSWORD)
        qtbot.mouseClick(controller.login.button, Qt.MouseButton.LeftButton)
        events.append("clicked")
        assert not controller.login.button.isEnabled()  # busy: no second click
        release.set()
        qtbot.waitUntil(lambda: controller.main_window is not None, timeout=WAIT_MS)
        qtbot.addWidget(controller.main_window)
        assert events == ["clicked", "database opened"]
        assert controller.main_window.workspace.actor.username == "demo"
    finally:
        release.set()
        if controller.main_window is not None:
            controller.main_window.close()
        runner.shutdown()
        controller.close_database()


def test_the_window_is_built_while_its_first_page_is_read_and_a_log_out_meanwhile_is_safe(
    qtbot, tmp_path, school, monkeypatch
):
    """The log-in asks for the cohort's first page before it builds the main window (issue
    19): the window exists while the page is still being read. Whoever waits for the main
    window gets it with the page on screen; a user who logs out before the page came sees
    no error, and nothing is shown in the closed window."""
    from app.services.students import cohort

    read_started, release = threading.Event(), threading.Event()
    real = cohort.cohort_first_page

    def held_first_page(session, actor, *args):
        if actor.username == "demo":  # not the warm-up's run on a scratch database
            read_started.set()
            release.wait(WAIT_MS / 1000)
        return real(session, actor, *args)

    monkeypatch.setattr(cohort, "cohort_first_page", held_first_page)
    errors: list[BaseException] = []
    runner = TaskRunner()
    runner.show_error = errors.append
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    controller = StartupController(school, settings, runner)
    shown: list[object] = []
    controller.main_window_shown.connect(shown.append)
    controller.start()
    qtbot.addWidget(controller.login)
    try:
        _log_in(qtbot, controller)
        window = controller.main_window
        assert read_started.is_set() and shown == []  # built while the page is read
        assert window.cohort.model.rowCount() == 0

        release.set()
        qtbot.waitUntil(lambda: shown == [window], timeout=WAIT_MS)
        # The page holds the whole school with its signals: complete, nothing read again.
        assert window.cohort.model.rowCount() == 12 and window.cohort.signals_loaded

        # Again, and out before the page comes.
        release.clear()
        read_started.clear()
        window.logout_action.trigger()
        _log_in(qtbot, controller)
        qtbot.waitUntil(read_started.is_set, timeout=WAIT_MS)
        controller.main_window.logout_action.trigger()
        assert controller.main_window is None
        release.set()
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
        assert errors == [] and len(shown) == 1
    finally:
        release.set()
        if controller.main_window is not None:
            controller.main_window.close()
        runner.shutdown()
        controller.close_database()
