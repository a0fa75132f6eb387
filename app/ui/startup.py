"""From process start to the main window: open the database while the user types.

The login window appears first; SQLAlchemy, the migrations and the database connection
load on the worker thread meanwhile, so neither the first window nor the log-in waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit

from app.ui.login import LoginWindow
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.first_run import FirstRunChoice, FirstRunWizard


@dataclass
class Opened:
    store: Any
    school: Any  # SchoolInfo or None
    label: str


def _open_database(url: str) -> Opened:
    from app.db import open_store
    from app.db.urls import describe
    from app.services import accounts

    store = open_store(url)
    opened = Opened(store, store.run(accounts.school_info), describe(url))
    # Warm up while the user types: the first window after log-in then costs no imports.
    import app.services.cohort
    import app.ui.main_window  # noqa: F401

    return opened


def _log_in(store, username: str, password: str):
    from app.services import accounts, cohort

    # One transaction: a failed attempt is still committed (counted and logged).
    with store.session() as session:
        result = accounts.login(session, username, password)
        if result.actor is None:
            overview = school = None
        else:
            school = accounts.school_info(session)
            overview = cohort.cohort_overview(session, result.actor)
    return result.actor_or_raise(), school, overview


def _create_school(store, choice: FirstRunChoice):
    from app.services import accounts, cohort, demo

    if choice.demo:
        actor = store.run(demo.generate, password=choice.password, students=choice.demo_students)
    else:
        actor = store.run(
            accounts.initialise_school,
            school_name=choice.school_name,
            brin=choice.brin,
            username=choice.username,
            display_name=choice.display_name,
            password=choice.password,
        )
    return actor, store.run(accounts.school_info), store.run(cohort.cohort_overview, actor)


class StartupController(QObject):
    """Drives login window → (first-run wizard) → main window."""

    main_window_shown = Signal(object)  # MainWindow
    failed = Signal(str, int)  # message, exit code for --smoke (3: wrong password)

    def __init__(
        self,
        url: str,
        settings: QSettings,
        runner: TaskRunner,
        *,
        auto_login: tuple[str, str] | None = None,
        ask_password: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.url = url
        self.settings = settings
        self.runner = runner
        self.auto_login = auto_login
        self.ask_password = ask_password or self._ask_server_password
        self.login = LoginWindow()
        self.wizard: FirstRunWizard | None = None
        self.opened: Opened | None = None
        self.main_window = None
        self.timings: dict[str, float] = {}
        self.login.submitted.connect(self._log_in)

    def start(self) -> None:
        self.login.show()
        self.timings["login_shown"] = time.perf_counter()
        self._open(self._url_with_stored_password())

    def _open(self, url: str) -> None:
        self.runner.submit(lambda: _open_database(url), self._database_opened, self._open_failed)

    def _url_with_stored_password(self) -> str:
        from app.db import credentials

        if not credentials.needs_server_password(self.url):
            return self.url
        stored = credentials.get_password(self.url)
        return self.url if stored is None else credentials.with_password(self.url, stored)

    def _ask_server_password(self, url: str) -> str | None:
        from app.db import credentials
        from app.db.urls import describe

        note = ""
        if not credentials.secure_store_available():
            note = (
                "\n\nDeze pc heeft geen veilige opslag voor wachtwoorden; Koers bewaart het "
                "daarom niet en vraagt het elke keer."
            )
        password, ok = QInputDialog.getText(
            self.login,
            "Wachtwoord databaseserver",
            f"Wachtwoord voor {describe(url)}:{note}",
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        credentials.set_password(url, password)
        return password

    # --- database ------------------------------------------------------------------------
    def _database_opened(self, opened: Opened) -> None:
        self.opened = opened
        if opened.school is None:
            self._start_wizard()
            return
        self.login.set_school(opened.school.name, opened.school.is_demo)
        if self.auto_login:
            self.login.username.setText(self.auto_login[0])
            self.login.password.setText(self.auto_login[1])
            self.login.button.click()

    def _open_failed(self, exc: BaseException) -> None:
        from app.db import credentials
        from app.ui.common.messages import user_message

        # Ask for the server password only when the server asked for one, and never in
        # unattended runs (--smoke, --screenshots), where no one can answer a dialog.
        if credentials.is_password_refusal(exc) and self.auto_login is None:
            password = self.ask_password(self.url)
            if password is not None:
                self._open(credentials.with_password(self.url, password))
                return
        message = user_message(exc)
        if type(exc).__name__ == "OperationalError":
            message = (
                "De database kan niet worden geopend. Controleer de verbinding met de "
                "databaseserver of het pad naar het databasebestand."
            )
        self.login.show_message(message)
        self.failed.emit(message, 1)

    # --- first run ----------------------------------------------------------------------
    def _start_wizard(self) -> None:
        if self.auto_login:
            self.login.show_message(
                "Deze database heeft nog geen school. Start Koers zonder --user."
            )
            self.failed.emit("Deze database heeft nog geen school.", 1)
            return
        from app.ui.first_run import FirstRunWizard

        self.login.hide()
        self.wizard = FirstRunWizard()
        self.wizard.chosen.connect(self._create_school)
        self.wizard.rejected.connect(self.login.close)
        self.wizard.show()

    def _create_school(self, choice: FirstRunChoice) -> None:
        store = self.opened.store
        self.runner.submit(
            lambda: _create_school(store, choice), self._school_created, self._wizard_failed
        )

    def _wizard_failed(self, exc: BaseException) -> None:
        from app.ui.common.messages import user_message

        if self.wizard is not None:
            self.wizard.failed(user_message(exc))

    def _school_created(self, result) -> None:
        if self.wizard is not None:
            self.wizard.done_ok()
            self.wizard = None
        self._show_main(*result)

    # --- log-in -------------------------------------------------------------------------
    def _log_in(self, username: str, password: str) -> None:
        self.timings["password_confirmed"] = time.perf_counter()
        store = self.opened.store
        self.runner.submit(
            lambda: _log_in(store, username, password), self._logged_in, self._login_failed
        )

    def _login_failed(self, exc: BaseException) -> None:
        from app.ui.common.messages import user_message

        self.login.login_failed(user_message(exc))
        if self.auto_login:
            self.failed.emit(user_message(exc), 3)

    def _logged_in(self, result) -> None:
        self._show_main(*result)

    def _show_main(self, actor, school, overview) -> None:
        from app.ui.main_window import MainWindow
        from app.ui.workspace import Workspace

        workspace = Workspace(self.opened.store, actor, school, self.runner, self.opened.label)
        window = MainWindow(workspace, self.settings)
        window.show_cohort(overview)
        window.logout_requested.connect(self._log_out)
        window.show()
        self.main_window = window
        self.login.hide()
        self.login.password.clear()
        self.timings["cohort_shown"] = time.perf_counter()
        self.main_window_shown.emit(window)

    def _log_out(self) -> None:
        window = self.main_window
        if window is None or not window.close():
            return
        self.main_window = None
        self.login.set_busy(False)
        self.login.show_message("U bent afgemeld.")
        self.login.show()
        window.deleteLater()
        self.auto_login = None
