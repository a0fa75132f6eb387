"""Starting the GUI: QApplication, translations, settings, and the start-up flow."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app import APP_NAME, ORG_NAME
from app.core.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from app.core.password_prompt import read_password

SMOKE_TIMEOUT_MS = 120_000


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    _settings_beside_a_portable_program()
    from app.ui.style import apply_style

    apply_style(app)
    from app.ui.translations import chosen_language, install_translators

    install_translators(app, chosen_language())
    return app


def _settings_beside_a_portable_program() -> None:
    """Portable mode: window state and choices go to an INI file in the program's data
    folder, not the registry of whichever PC the stick is in."""
    from app.db.portable import portable_data_dir

    folder = portable_data_dir()
    if folder is not None:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def show_refusal(message: str) -> None:
    """A refusal before anything starts, in a window (the GUI program has no console)."""
    from PySide6.QtWidgets import QMessageBox

    create_application()
    QMessageBox.critical(None, QCoreApplication.translate("launch", "Koers"), message)


def run_gui(args: argparse.Namespace) -> int:
    app = create_application()
    if args.smoke or args.screenshots:
        # Reproducible pictures and checks: never read or overwrite the user's window state.
        scratch = tempfile.mkdtemp(prefix="koers-settings-")
        settings = QSettings(os.path.join(scratch, "koers.ini"), QSettings.Format.IniFormat)
    else:
        settings = QSettings()
    from app.db.urls import resolve_database_url
    from app.ui.startup import StartupController
    from app.ui.tasks import TaskRunner

    url = resolve_database_url(args.database, settings.value("database/url") or None)
    auto_login = None
    if args.user:
        password = read_password(
            QCoreApplication.translate("launch", "Wachtwoord voor {user}: ").format(user=args.user)
        )
        if not password:
            print("koers: geef het wachtwoord in KOERS_PASSWORD", file=sys.stderr)
            return EXIT_USAGE
        auto_login = (args.user, password)
    runner = TaskRunner()
    controller = StartupController(url, settings, runner, auto_login=auto_login)
    exit_code = {"code": EXIT_OK}

    def finish(code: int) -> None:
        exit_code["code"] = code
        app.exit(code)

    if args.smoke or args.screenshots:
        controller.failed.connect(lambda message, code: (_report(message), finish(code)))
        QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: finish(EXIT_FAILED))
    if args.smoke:
        controller.main_window_shown.connect(
            lambda window: _smoke_done(window, controller, args.timing, finish)
        )
    if args.screenshots:
        from app.ui.screenshots import take_screenshots

        controller.main_window_shown.connect(
            lambda window: finish(take_screenshots(window, args.screenshots, args.size))
        )
    if os.environ.get("KOERS_EXIT_WHEN_LOGIN_READY"):
        # bench/: the moment the log-in button is enabled and painted so (the user can act).
        controller.login.ready.connect(lambda: _login_ready(controller.login, finish))
    controller.start()
    code = app.exec()
    runner.shutdown()
    controller.close_database()
    return exit_code["code"] if exit_code["code"] != EXIT_OK else code


def _report(message: str) -> None:
    print(f"koers: {message}", file=sys.stderr)


def _login_ready(login, finish) -> None:
    login.repaint()  # the enabled button on screen, not only in the widget's state
    print("login-ready", flush=True)
    finish(EXIT_OK)


def _smoke_done(window, controller, timing: bool, finish) -> None:
    shown = window.cohort.total
    print(f"Koers smoke: hoofdvenster open, {shown} leerlingen in het cohort.")
    if not timing:
        QTimer.singleShot(0, lambda: (window.close(), finish(EXIT_OK)))
        return
    from app.ui.smoke_timing import SmokeTiming

    controller._smoke_timing = SmokeTiming(window, controller, finish)
