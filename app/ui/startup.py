"""From process start to the main window: the dialogs of opening the school.

The login window appears first; the checks, the database connection and the migrations
(app.services.admin.opening, with SQLAlchemy) run on the worker thread meanwhile, so neither
the first window nor the log-in waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from app.ui.login import LoginWindow
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.db.store import Store
    from app.services.admin.data_folder import HalfMade
    from app.services.admin.maintenance import StartReport
    from app.services.admin.opening import Entered, Found
    from app.ui.first_run import FirstRunChoice, FirstRunWizard


@dataclass
class LoggedIn:
    """A logged-in database and what the main window shows first."""

    store: Any
    actor: Any
    school: Any
    overview: Any
    recovery_key: str = ""
    report: Any = None  # maintenance.StartReport when the file was found damaged at log-in


# The worker-thread steps below call app.services.admin.opening, where every check of
# opening the school lives (the command line uses the same service); they import it late
# so that the login window shows before SQLAlchemy loads.


def _prepare(url: str) -> Found:
    from app.services.admin import opening

    found = opening.find_school(url)
    # Warm up while the user types: the first window after log-in then costs no imports.
    import app.ui.main_window  # noqa: F401

    opening.warm_up()
    return found


def _first_screen(entered: Entered, *, with_cohort: bool = True) -> LoggedIn:
    """The school, and the cohort's first page when `with_cohort` (otherwise the main
    window asks for it while it is being built: `overview` is then None)."""
    from app.services.admin import accounts, opening
    from app.services.students import cohort

    def read(session):
        if entered.actor.is_board:
            # The board sees no cohort (no names): its area loads its counts itself.
            return accounts.school_info(session), cohort.CohortOverview([], [])
        first_page = cohort.cohort_first_page(session, entered.actor) if with_cohort else None
        return accounts.school_info(session), first_page

    school, overview = opening.read_first(entered, read)
    return LoggedIn(
        entered.store, entered.actor, school, overview, entered.recovery_key, entered.report
    )


def _log_in(found: Found, username: str, password: str) -> LoggedIn:
    from app.services.admin import opening

    entered = opening.log_in(found, username, password, damaged_read_only=True)
    # A sound file: the first page is read while the window is built (issue 19). A file
    # opened read-only after damage reads it here, where a failure still offers a backup.
    return _first_screen(entered, with_cohort=entered.report is not None)


def _create_school(found: Found, choice: FirstRunChoice) -> LoggedIn:
    from app.demo import school as demo_school
    from app.services.admin import opening

    if choice.demo:
        entered = demo_school.create_demo_school(
            found, password=choice.password, students=choice.demo_students
        )
    else:
        entered = opening.create_school(
            found,
            school_name=choice.school_name,
            brin=choice.brin,
            username=choice.username,
            display_name=choice.display_name,
            password=choice.password,
        )
    return _first_screen(entered)


def _clean_start(url: str, username: str, password: str) -> str:
    from app.core import clock
    from app.services.admin import opening

    return str(opening.clean_start(url, clock.now(), username, password))


def _after_start(store: Store) -> StartReport:
    """On the background thread, after the window shows: the integrity check (its own
    read-only connection), then the daily backup (its own source connection)."""
    from app.services.admin import opening

    return opening.after_start(store)


def _existing_file(url: str) -> bool:
    """An embedded database file is already there: its log-in can be typed at once. Read
    from the URL's text, without SQLAlchemy (which is not loaded yet)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return False
    from pathlib import Path

    return Path(url[len(prefix) :]).is_file()


def _show_recovery_key(parent, recovery_key: str, school: str) -> None:
    from app.ui.common.recovery_key import show_recovery_key

    show_recovery_key(parent, recovery_key, school)


class _FirstPage:
    """The cohort's first page, asked for before the main window is built so that the
    database reads it while the window thread builds the window (issue 19).

    `then` runs once the page is on screen (or could not be read: its error is shown) and
    the window is complete (`window_complete`), so that whoever waits for the main window
    finds it filled."""

    def __init__(self, workspace, then: Callable[[], None]) -> None:
        from app.services.students import cohort

        self.window = None
        self.then = then
        self.outcome: tuple[str, Any] | None = None
        self.shown = self.complete = self.cancelled = False
        self.show_error = workspace.runner.show_error
        workspace.call(
            cohort.cohort_first_page,
            on_success=lambda overview: self._arrived(("page", overview)),
            on_error=lambda exc: self._arrived(("error", exc)),
        )

    def cancel(self) -> None:
        """The user logged out before the page came: nothing is shown in the closed window."""
        self.cancelled = True

    def _arrived(self, outcome: tuple[str, Any]) -> None:
        self.outcome = outcome
        if self.cancelled:
            return
        if self.window is not None:  # a synchronous runner answers before there is one
            self._show()

    def deliver_to(self, window) -> None:
        self.window = window
        if self.outcome is not None:
            self._show()

    def window_complete(self) -> None:
        self.complete = True
        self._announce()

    def _show(self) -> None:
        kind, value = self.outcome
        if kind == "page":
            self.window.show_cohort(value)
        else:
            self.show_error(value)
        self.shown = True
        self._announce()

    def _announce(self) -> None:
        if self.shown and self.complete:
            self.then()


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
        show_recovery_key: Callable[[Any, str, str], None] | None = None,
    ) -> None:
        super().__init__()
        self.url = url
        self.settings = settings
        self.runner = runner
        self.auto_login = auto_login
        self.ask_password = ask_password or self._ask_server_password
        self.show_recovery_key = show_recovery_key or _show_recovery_key
        self.login = LoginWindow()
        self.wizard: FirstRunWizard | None = None
        self.opened: Found | None = None
        self.store = None  # the Store of the logged-in session
        self.main_window = None
        self._first_page: _FirstPage | None = None  # the cohort's first page, on its way
        self.timings: dict[str, float] = {}
        # A log-in submitted before the database was ready: sent once it is.
        self._early: tuple[str, str] | None = None
        self.login.submitted.connect(self._log_in)

    def start(self) -> None:
        self.login.show()
        self.timings["login_shown"] = time.perf_counter()
        if _existing_file(self.url):
            # The user can type and press Enter at once; the log-in waits for the opening
            # (imports, the file's state) only if it is not done by then (issue 19).
            self.login.enable_early()
        self._open(self._url_with_stored_password())

    def _open(self, url: str) -> None:
        self.runner.submit(lambda: _prepare(url), self._database_opened, self._open_failed)

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
            note = self.tr(
                "\n\nDeze pc heeft geen veilige opslag voor wachtwoorden; Koers bewaart het "
                "daarom niet en vraagt het elke keer."
            )
        password, ok = QInputDialog.getText(
            self.login,
            self.tr("Wachtwoord databaseserver"),
            self.tr("Wachtwoord voor {url}:{note}").format(url=describe(url), note=note),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        credentials.set_password(url, password)
        return password

    # --- database ------------------------------------------------------------------------
    def _database_opened(self, opened: Found) -> None:
        self.opened = opened
        early, self._early = self._early, None
        if opened.half_made is not None:
            self.login.set_busy(False)
            self._offer_clean_start(opened.half_made)
            return
        if opened.is_new:
            self._start_wizard()
            return
        self.login.set_school(opened.school_name or opened.label, opened.is_demo)
        if early is not None:
            self.login.set_busy(True)
            self._send_log_in(*early)
            return
        if self.auto_login:
            self.login.username.setText(self.auto_login[0])
            self.login.password.setText(self.auto_login[1])
            self.login.button.click()

    def _open_failed(self, exc: BaseException) -> None:
        from app.db import credentials
        from app.ui.common.messages import user_message

        if self._early is not None:
            self._early = None
            self.login.set_busy(False)

        # Ask for the server password only when the server asked for one, and never in
        # unattended runs (--smoke, --screenshots), where no one can answer a dialog.
        if credentials.is_password_refusal(exc) and self.auto_login is None:
            password = self.ask_password(self.url)
            if password is not None:
                self._open(credentials.with_password(self.url, password))
                return
        from app.db.connection_errors import tls_failure_message

        message = user_message(exc)
        tls_problem = tls_failure_message(exc)
        if tls_problem is not None:
            message = tls_problem  # Dutch already, like a KoersError's message
        elif type(exc).__name__ == "OperationalError":
            message = self.tr(
                "De database kan niet worden geopend. Controleer de verbinding met de "
                "databaseserver of het pad naar het databasebestand."
            )
        self.login.show_message(message)
        self.failed.emit(message, 1)

    # --- a first start that died half-way ------------------------------------------------
    def _offer_clean_start(
        self, half_made: HalfMade, username: str = "", password: str = ""
    ) -> None:
        """No password opens what a crashed first start left: say so, and with the user's
        consent move the files aside (never deleted) and begin the first start again."""
        from app.services.admin.data_folder import describe

        if self.auto_login is not None:
            message = describe(half_made)
            self.login.show_message(message)
            self.failed.emit(message, 1)
            return
        self.login.set_busy(False)
        self.login.button.setEnabled(False)
        files = ", ".join(path.name for path in half_made.files)
        answer = QMessageBox.question(
            self.login,
            self.tr("Onvolledige database"),
            self.tr(
                "Koers is de vorige keer niet helemaal gestart. In de gegevensmap staat "
                "{what} ({files}). Daarmee kan niemand zich aanmelden.\n\n"
                "Koers kan deze bestanden opzij zetten in een aparte map naast de database "
                "(er wordt niets gewist) en daarna opnieuw beginnen met de eerste start.\n\n"
                "Bestanden opzij zetten en opnieuw beginnen?"
            ).format(what=half_made.what, files=files),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.login.show_message(
                self.tr(
                    "De gegevensmap is onvolledig ({what}). Er is niets veranderd. Start Koers "
                    "opnieuw om de bestanden opzij te zetten en opnieuw te beginnen."
                ).format(what=half_made.what)
            )
            return
        url = self.opened.url
        self.runner.submit(
            lambda: _clean_start(url, username, password),
            lambda folder: self._cleaned(url, folder),
            self._open_failed,
        )

    def _cleaned(self, url: str, folder: str) -> None:
        self.login.show_message(
            self.tr("De onvolledige bestanden staan nu in {folder}.").format(folder=folder)
        )
        self._open(url)

    # --- first run ----------------------------------------------------------------------
    def _start_wizard(self) -> None:
        if self.auto_login:
            self.login.show_message(
                self.tr("Deze database heeft nog geen school. Start Koers zonder --user.")
            )
            self.failed.emit(self.tr("Deze database heeft nog geen school."), 1)
            return
        from app.ui.first_run import FirstRunWizard

        self.login.hide()
        self.wizard = FirstRunWizard()
        self.wizard.chosen.connect(self._create_school)
        self.wizard.rejected.connect(self.login.close)
        self.wizard.show()

    def _create_school(self, choice: FirstRunChoice) -> None:
        opened = self.opened
        self.runner.submit(
            lambda: _create_school(opened, choice), self._school_created, self._wizard_failed
        )

    def _wizard_failed(self, exc: BaseException) -> None:
        from app.core.errors import ValidationError
        from app.ui.common.messages import user_message

        if self.wizard is not None:
            problems = exc.problems if isinstance(exc, ValidationError) else {}
            self.wizard.failed(user_message(exc), problems)

    def _school_created(self, result: LoggedIn) -> None:
        if self.wizard is not None:
            self.wizard.done_ok()
            self.wizard = None
        self._show_main(result)

    # --- log-in -------------------------------------------------------------------------
    def _log_in(self, username: str, password: str) -> None:
        # The clock of bench/ starts at the click, also when the log-in waits for the
        # database to be opened.
        self.timings["password_confirmed"] = time.perf_counter()
        if self.opened is None:
            self._early = (username, password)  # sent when the database is ready
            return
        self._send_log_in(username, password)

    def _send_log_in(self, username: str, password: str) -> None:
        opened = self.opened
        self.runner.submit(
            lambda: _log_in(opened, username, password),
            self._logged_in,
            lambda exc: self._login_failed(exc, username, password),
        )

    def _login_failed(self, exc: BaseException, username: str = "", password: str = "") -> None:
        from app.services.admin import maintenance
        from app.services.admin.data_folder import HalfMadeFolderError
        from app.ui.common.messages import show_error, user_message

        if isinstance(exc, HalfMadeFolderError):
            self._offer_clean_start(exc.half_made, username, password)
            return
        if isinstance(exc, maintenance.DamagedDatabaseError) and self.auto_login is None:
            from app.ui.common.restore_offer import offer_restore

            self.login.login_failed(exc.message)
            report = exc.report
            if report.offer is not None and offer_restore(self.login, report):
                url, path = self.opened.url, report.offer.path
                self.runner.submit(
                    lambda: maintenance.restore_as_user(url, path, username, password),
                    lambda _r: self.login.show_message(
                        self.tr("De back-up is teruggezet. Meld u opnieuw aan.")
                    ),
                    lambda e: show_error(self.login, e, self.tr("Terugzetten mislukt")),
                )
            return

        self.login.login_failed(user_message(exc))
        if self.auto_login:
            self.failed.emit(user_message(exc), 3)

    def _logged_in(self, result: LoggedIn) -> None:
        self._show_main(result)

    def _show_main(self, result: LoggedIn) -> None:
        from app.ui.main_window import MainWindow
        from app.ui.workspace import Workspace

        if self.store is not None and self.store is not result.store:
            self.store.dispose()
        self.store = result.store
        workspace = Workspace(
            result.store, result.actor, result.school, self.runner, self.opened.label
        )
        window: MainWindow | None = None
        first_page = None
        if result.overview is None:
            # Whoever waits for the main window (the smoke run, the screenshots) gets it
            # with its first page on screen.
            first_page = _FirstPage(workspace, lambda: self.main_window_shown.emit(window))
        self._first_page = first_page
        window = MainWindow(workspace, self.settings)
        if first_page is None:
            window.show_cohort(result.overview)
        else:
            first_page.deliver_to(window)
        window.logout_requested.connect(self._log_out)
        window.show()
        window.restore_drafts()
        self.main_window = window
        self.login.hide()
        self.login.password.clear()
        self.timings["cohort_shown"] = time.perf_counter()
        if result.recovery_key and self.auto_login is None:
            self.show_recovery_key(window, result.recovery_key, result.school.name)
        if self.auto_login is None:
            from app.ui.help.tour import offer_first_start_tour

            offer_first_start_tour(window, self.settings)
        if self.auto_login is None and not result.store.read_only and result.actor.is_coordinator:
            from app.ui.admin.retention import offer_purge_at_start

            offer_purge_at_start(window, workspace)
        if result.report is not None:
            self._damaged(window, workspace, result.report)
        else:
            store = result.store
            # Beside the user's work, not ahead of it, and at a low priority: the first
            # file opened after log-in must not wait for the check of a large file, nor
            # share a core with it (issue 19).
            self.runner.background(
                lambda: _after_start(store),
                lambda report: self._checks_done(window, workspace, report),
                lambda exc: self._background_failed(window, exc),
                low_priority=True,
            )
        if first_page is None:
            self.main_window_shown.emit(window)
        else:
            first_page.window_complete()

    def _checks_done(self, window, workspace, report) -> None:
        self.timings["checks_done"] = time.perf_counter()
        self._damaged(window, workspace, report)

    def _background_failed(self, window, exc: BaseException) -> None:
        from app.ui.common.messages import show_error

        if self.auto_login is None:
            show_error(window, exc, self.tr("Controle bij het starten"))

    def _damaged(self, window, workspace, report) -> None:
        if report.ok or self.auto_login is not None:
            return
        from app.ui.common.restore_offer import offer_and_restore

        offer_and_restore(window, workspace, report, self._restored)

    def _restored(self, _result=None) -> None:
        """After a restore the old session ends: log in again on the restored file."""
        window, self.main_window = self.main_window, None
        if self.store is not None:
            self.store.dispose()
            self.store = None
        if window is not None:
            window.close()
            window.deleteLater()
        self.login.set_busy(False)
        self.login.show_message(self.tr("De back-up is teruggezet. Meld u opnieuw aan."))
        self.login.show()

    def close_database(self) -> None:
        """Drops every connection; an encrypted database's key leaves memory with it."""
        for store in {
            id(s): s for s in (self.store, self.opened and self.opened.store) if s
        }.values():
            store.dispose()
        self.store = None

    def _log_out(self) -> None:
        window = self.main_window
        if window is None or not window.close():
            return
        if self._first_page is not None:
            self._first_page.cancel()
        self.main_window = None
        if self.store is not None and (self.opened is None or self.store is not self.opened.store):
            self.store.dispose()
            self.store = None
        self.login.set_busy(False)
        self.login.show_message(self.tr("U bent afgemeld."))
        self.login.show()
        window.deleteLater()
        self.auto_login = None
