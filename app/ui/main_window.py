"""The main window: navigation by area, menus, toolbar and status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.services.admin import users
from app.services.common.labels import ROLE
from app.services.students import cohort, drafts
from app.ui.admin.view import AdminView
from app.ui.aftercare.badge import announce_due_calls
from app.ui.cohort.view import CohortView
from app.ui.common.elided_label import ElidedLabel
from app.ui.common.school_choice import SchoolChoice, remembered_school
from app.ui.lock.controller import LockController
from app.ui.lock.idle import IdleWatcher
from app.ui.student.window import StudentFileWindow
from app.ui.style import styled
from app.ui.workspace import Workspace

# Every area in navigation order; an area a role may not use is not built (see __init__).
AREAS = [
    ("cohort", QT_TRANSLATE_NOOP("main_window", "Leerlingen")),
    ("beheer", QT_TRANSLATE_NOOP("main_window", "Beheer")),
]
# The board's one area: counts per school, no names (see app/ui/board/).
BOARD_AREA = ("bestuur", QT_TRANSLATE_NOOP("main_window", "Bestuur"))


def _internships_area() -> type[QWidget]:
    from app.ui.internships.view import InternshipsArea

    return InternshipsArea


def _conversations_area() -> type[QWidget]:
    from app.ui.conversations.view import ConversationsArea

    return ConversationsArea


def _aftercare_area() -> type[QWidget]:
    from app.ui.aftercare.view import AftercareView

    return AftercareView


def _meetings_area() -> type[QWidget]:
    from app.ui.meetings.view import MeetingsArea

    return MeetingsArea


def _trends_area() -> type[QWidget]:
    from app.ui.trends.view import TrendsArea

    return TrendsArea


def _network_area() -> type[QWidget]:
    from app.ui.network.view import NetworkView

    return NetworkView


@dataclass(frozen=True)
class WorkArea:
    """A work area between the cohort and Beheer, imported only when first opened.

    Its class is built as Class(workspace); it may define `refresh()` (called when shown and
    on F5), `tabs` (a QTabWidget, for the screenshots) and a signal
    `open_student_requested(int)`. `load` imports it: a plain import inside a function, so
    the log-in stays quick and the import graph still shows the dependency.
    """

    key: str
    label: str
    load: Callable[[], type[QWidget]]
    coordinator_only: bool = False


EXTRA_AREAS: list[WorkArea] = [
    WorkArea("stages", QT_TRANSLATE_NOOP("main_window", "Stages"), _internships_area),
    WorkArea("gesprekken", QT_TRANSLATE_NOOP("main_window", "Gesprekken"), _conversations_area),
    WorkArea("nazorg", QT_TRANSLATE_NOOP("main_window", "Nazorg"), _aftercare_area),
    WorkArea("overleg", QT_TRANSLATE_NOOP("main_window", "Overleg"), _meetings_area),
    WorkArea("trends", QT_TRANSLATE_NOOP("main_window", "Trends"), _trends_area),
    WorkArea(
        "netwerk", QT_TRANSLATE_NOOP("main_window", "Netwerk"), _network_area, coordinator_only=True
    ),
]


class MainWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(self, workspace: Workspace, settings: QSettings) -> None:
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.mentors: list[tuple[int, str]] = []
        self._cohort_load = 0  # which cohort load is current (see show_cohort)
        self.file_windows: dict[int | None, StudentFileWindow] = {}
        self._logged_out = False
        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Werkgebieden"))
        self.stack = QStackedWidget()
        self.cohort = CohortView()
        self.areas: dict[str, QWidget] = {"cohort": self.cohort}
        self._admin: AdminView | None = None
        if workspace.actor.is_coordinator:
            # Built when first opened, like the work areas (a quicker log-in, issue 19).
            self.areas["beheer"] = self._admin_page = QWidget()
        if workspace.actor.is_board:
            from app.ui.board.view import BoardArea

            self.areas["bestuur"] = BoardArea(workspace)
        # Work areas are built when first opened; until then an empty page holds their place.
        self._placeholders: dict[str, QWidget] = {area.key: QWidget() for area in EXTRA_AREAS}
        self._all_file_windows: list[StudentFileWindow] = []
        self._build()
        announce_due_calls(self)  # "Nazorg (3)": my aftercare calls due
        self.cohort.open_requested.connect(self.open_student)
        self.cohort.new_requested.connect(self.new_action.trigger)
        if self.import_action is not None:
            self.cohort.import_requested.connect(self.import_from_las)
        self.cohort.empty_hint.set_can_import(self.import_action is not None)
        self.cohort.empty_hint.new_button.setVisible(self.new_action.isEnabled())
        self._restore_state()
        self.idle = IdleWatcher(workspace.school.idle_lock_minutes * 60, parent=self)
        self.lock = LockController(self, workspace, self.idle)
        self.lock.switch_user_requested.connect(self.logout_requested)
        self.idle.start(QApplication.instance())
        QGuiApplication.instance().applicationStateChanged.connect(self._application_state)

    # --- construction -------------------------------------------------------------------
    def _build(self) -> None:
        school = self.workspace.school
        title = self.tr("Koers — {name}").format(name=school.name)
        if school.is_demo:
            title += self.tr(" — DEMO")
        self.setWindowTitle(title)
        # A schema changed outside Koers (a dropped audit trigger): read-only, said on top.
        self.schema_banner = QLabel()
        self.schema_banner.setObjectName("schemaBanner")
        self.schema_banner.setWordWrap(True)
        self.schema_banner.setStyleSheet("background: #fde2e1; color: #611a15; padding: 8px;")
        store = self.workspace.store
        self.schema_banner.setText(store.read_only_message if store.schema_problems else "")
        self.schema_banner.setVisible(bool(store.schema_problems))
        self.navigation.setObjectName("navigation")
        styled(self.navigation, "navigation")
        self.navigation.setFixedWidth(180)
        for key, label in self._area_order():
            item = QListWidgetItem(QCoreApplication.translate("main_window", label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(160, 36))
            self.navigation.addItem(item)
            self.stack.addWidget(self.areas.get(key) or self._placeholders[key])
        self.navigation.currentRowChanged.connect(self._show_area)
        self.navigation.setCurrentRow(0)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.schema_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        column.addLayout(layout, 1)
        self.body = body
        self.outer = QStackedWidget()
        self.outer.addWidget(body)
        self.setCentralWidget(self.outer)
        self._build_actions()
        self._build_status_bar()

    def _area_order(self) -> list[tuple[str, str]]:
        if self.workspace.actor.is_board:
            return [BOARD_AREA]
        extras = [
            (area.key, area.label)
            for area in EXTRA_AREAS
            if self.workspace.actor.is_coordinator or not area.coordinator_only
        ]
        order = [AREAS[0], *extras, *AREAS[1:]]
        return [(key, label) for key, label in order if key in self.areas or key in dict(extras)]

    @property
    def admin(self) -> AdminView | None:
        """Beheer, for a coordinator: built the first time it is shown or asked for."""
        if self._admin is None and "beheer" in self.areas:
            self._admin = self._build_admin()
        return self._admin

    def _build_admin(self) -> AdminView:
        admin = AdminView(self.workspace)
        if self.workspace.store.sqlite_file is not None:
            from app.ui.admin.backups import BackupsTab

            self.backups = BackupsTab(self.workspace)
            admin.add_tab(self.backups, self.tr("Back-ups"))
            # After a restore the session ends; the user logs in on the restored file.
            self.backups.restored.connect(lambda *_: self.logout_requested.emit())
        layout = QVBoxLayout(self._admin_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(admin)
        self.areas["beheer"] = admin
        return admin

    def _show_area(self, row: int) -> None:
        """Shows an area, building a work area the first time it is opened (quick log-in)."""
        key = self.navigation.item(row).data(Qt.ItemDataRole.UserRole) if row >= 0 else None
        if key in self._placeholders and key not in self.areas:
            self._build_extra_area(key)
        if key == "beheer":
            _ = self.admin
        self.stack.setCurrentIndex(row)
        area = self.areas.get(key)
        if area is not None and area is not self.cohort and hasattr(area, "refresh"):
            area.refresh()

    def _build_extra_area(self, key: str) -> None:
        work_area = next(area for area in EXTRA_AREAS if area.key == key)
        area = work_area.load()(self.workspace)
        if hasattr(area, "open_student_requested"):
            area.open_student_requested.connect(self.open_student)
        layout = QVBoxLayout(self._placeholders[key])
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        self.areas[key] = area

    def current_area_key(self) -> str | None:
        item = self.navigation.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def find_student(self) -> None:
        """Ctrl+F: to the cohort's search field, from whichever area."""
        if self.current_area_key() != "cohort":
            self.navigation.setCurrentRow(0)
        self.cohort.focus_search()

    def go_to_area(self, row: int) -> None:
        """Shows the area in navigation row `row` and puts the keyboard focus in it."""
        self.navigation.setCurrentRow(row)
        self.stack.currentWidget().setFocus()
        focus = self.stack.currentWidget().nextInFocusChain()
        if focus is not None and self.stack.currentWidget().isAncestorOf(focus):
            focus.setFocus()

    def current_area(self) -> QWidget | None:
        item = self.navigation.currentItem()
        return self.areas.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        may_edit = self.workspace.actor.may_edit
        self.new_action = self._action(
            self.tr("&Nieuwe leerling"),
            lambda: self.open_student(None),
            QKeySequence.StandardKey.New,
            self.tr("Een leerling toevoegen aan de uitstroomgroep"),
        )
        self.new_action.setEnabled(may_edit)
        self.open_action = self._action(
            self.tr("Dossier &openen"),
            self.open_selected,
            QKeySequence.StandardKey.Open,
            self.tr("Het dossier van de gekozen leerling openen"),
        )
        self.open_action.setEnabled(not self.workspace.actor.is_board)  # no file, no name
        self.refresh_action = self._action(
            self.tr("&Vernieuwen"),
            self.refresh,
            QKeySequence.StandardKey.Refresh,
            self.tr("De lijst opnieuw laden uit de database"),
        )
        self.find_action = self._action(
            self.tr("&Zoeken"),
            self.find_student,
            QKeySequence.StandardKey.Find,
            self.tr("Naar het zoekveld"),
        )
        self.database_action = self._action(
            self.tr("&Database kiezen…"),
            self.choose_database,
            tip=self.tr("Ingebouwde database of gedeelde server"),
        )
        self.database_action.setEnabled(self.workspace.actor.is_coordinator)
        self.logout_action = self._action(self.tr("Af&melden"), self.logout_requested.emit)
        self.lock_action = self._action(
            self.tr("Nu ver&grendelen"),
            lambda: self.lock.lock("handmatig"),
            self.tr("Ctrl+L"),
            self.tr("Het venster vergrendelen; uw wachtwoord opent het weer"),
        )
        # Ctrl+L locks from every Koers window, a student file included.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action = self._action(
            self.tr("Af&sluiten"), self.close, QKeySequence.StandardKey.Quit
        )

        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        for action in (self.new_action, self.open_action):
            file_menu.addAction(action)
        # The LAS import (issue 6): coordinators only, never while locked.
        self.import_action: QAction | None = None
        if self.workspace.actor.is_coordinator:
            self.import_action = self._action(
                self.tr("Leerlingen &inlezen uit LAS…"),
                self.import_from_las,
                self.tr("Ctrl+I"),
                self.tr("Leerlingen inlezen uit een EDEXML- of CSV-bestand van het LAS"),
            )
            file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.database_action)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.logout_action)
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("Be&werken"))
        edit_menu.addAction(self.find_action)
        view_menu = self.menuBar().addMenu(self.tr("Beel&d"))
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        # Ctrl+1 .. Ctrl+9: straight to a work area, in the order of the navigation.
        self.area_actions: list[QAction] = []
        for row in range(min(self.navigation.count(), 9)):
            item = self.navigation.item(row)
            action = self._action(
                self.tr("Naar {area}").format(area=item.text()),
                lambda _checked=False, r=row: self.go_to_area(r),
                self.tr("Ctrl+{n}").format(n=row + 1),
            )
            view_menu.addAction(action)
            self.area_actions.append(action)
        from app.ui.help.menu import HelpMenu

        self.help = HelpMenu(self, self.current_area_key, self.about)

        toolbar = self.addToolBar(self.tr("Werkbalk"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.open_action, self.refresh_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.lock_action)
        self.school_choice: SchoolChoice | None = None
        actor = self.workspace.actor
        if len(actor.member_of or ()) > 1 and not actor.is_board:
            toolbar.addSeparator()
            # Last time's school, before anything loads: the lists show it at once.
            remembered = remembered_school(self.workspace, self.settings)
            self.workspace.actor = replace(actor, school_id=remembered)
            self.school_choice = SchoolChoice(self.workspace, self.settings, self)
            self.school_choice.changed.connect(self._school_chosen)
            toolbar.addWidget(self.school_choice)

    def _school_chosen(self, school_id: int | None) -> None:
        """Every list now shows the chosen school (or all of the user's schools)."""
        self.workspace.actor = replace(self.workspace.actor, school_id=school_id)
        self.refresh()

    def _build_status_bar(self) -> None:
        # The permanent widgets are capped (the rest as '…', all of it in the tooltip): at
        # 1024 px the messages on the left, such as the calls due, must still be readable.
        actor = self.workspace.actor
        user = ElidedLabel(f"{actor.display_name} ({ROLE[actor.role].lower()})", 240)
        database = ElidedLabel(self.workspace.database_label, 210, Qt.TextElideMode.ElideMiddle)
        database.setObjectName("databaseLabel")
        if self.workspace.school.is_demo:
            demo = QLabel(self.tr(" DEMO "))
            demo.setObjectName("demoBadge")
            styled(demo, "badge")
            demo.setToolTip(self.tr("Demo-database: fictieve leerlingen"))
            self.statusBar().addPermanentWidget(demo)
        self.statusBar().addPermanentWidget(user)
        self.statusBar().addPermanentWidget(database)

    # --- state --------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value("main/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.cohort.restore_state(self.settings)

    def _save_state(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/state", self.saveState())
        self.cohort.save_state(self.settings)

    # --- data ---------------------------------------------------------------------------
    def show_cohort(self, overview: cohort.CohortOverview) -> None:
        if self.workspace.actor.is_board:
            self.areas["bestuur"].refresh()  # the board has no cohort: its counts instead
            return
        self.mentors = overview.mentors
        # Reads beside the user's work may finish out of order: only the latest load's
        # results are shown.
        self._cohort_load = load = self._cohort_load + 1
        if overview.first_page:
            # The log-in's first page came with its signals: complete on screen at once.
            # The whole cohort follows beside the user's work (a click on a student is not
            # queued behind it), then its signals.
            self.cohort.set_rows(overview.rows, total=overview.total)
            self.cohort.set_signals({row.id: row.signals for row in overview.rows})
            self.workspace.read_beside(
                cohort.cohort_overview,
                on_success=lambda whole: self._cohort_arrived(load, self.show_cohort, whole),
            )
            return
        self.cohort.set_rows(overview.rows)
        if overview.with_signals:
            # A first page that holds the whole school: complete, nothing follows.
            self.cohort.set_signals({row.id: row.signals for row in overview.rows})
            return
        self.workspace.read_beside(
            cohort.cohort_signals,
            on_success=lambda raised: self._cohort_arrived(load, self.cohort.set_signals, raised),
        )

    def _cohort_arrived(self, load: int, show, value) -> None:
        if load != self._cohort_load or self.lock.locked:
            return  # a newer load is under way, or locked meanwhile: nothing back in memory
        show(value)

    def refresh(self) -> None:
        if not self.workspace.actor.is_board:
            self.workspace.call(cohort.cohort_overview, on_success=self.show_cohort)
        self._refresh_current_area()

    def _student_saved(self, student_id: int) -> None:
        """After a save: that student's row again, with its signals, when the whole list is
        on screen (at 150,000 students the whole list took seconds, issue 19); while the
        list is still coming in, the whole list again."""
        if not self.cohort.holds_whole_list():
            self.refresh()
            return
        load = self._cohort_load

        def arrived(rows: list[cohort.CohortRow]) -> None:
            self._cohort_arrived(load, lambda r: self.cohort.update_rows({student_id}, r), rows)

        self.workspace.call(cohort.cohort_rows, [student_id], on_success=arrived)
        self._refresh_current_area()

    def _refresh_current_area(self) -> None:
        area = self.current_area()
        if area is not None and area is not self.cohort and hasattr(area, "refresh"):
            area.refresh()

    # --- actions ------------------------------------------------------------------------
    def open_selected(self) -> None:
        student_id = self.cohort.selected_student_id()
        if student_id is not None:
            self.open_student(student_id)

    def open_student(self, student_id: int | None) -> StudentFileWindow:
        window = self.file_windows.get(student_id) if student_id is not None else None
        if window is None:
            window = StudentFileWindow(self.workspace, self.mentors, student_id)
            self._all_file_windows.append(window)
            window.saved.connect(self._student_saved)
            window.destroyed.connect(lambda _obj=None, key=student_id: self._forget(key))
            if student_id is not None:
                self.file_windows[student_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _forget(self, student_id: int | None) -> None:
        self.file_windows.pop(student_id, None)
        self._all_file_windows = [w for w in self._all_file_windows if _alive(w)]

    def open_file_windows(self) -> list[StudentFileWindow]:
        return [w for w in self._all_file_windows if _alive(w) and w.isVisible()]

    def close_file_windows_without_asking(self) -> None:
        """Only after their contents were set aside as drafts (see LockController)."""
        for window in self.open_file_windows():
            window.discard_quietly()
            window.close()

    # --- locking ------------------------------------------------------------------------
    def _data_actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.open_action,
            self.refresh_action,
            self.find_action,
            self.database_action,
            self.logout_action,
            self.lock_action,
            *([self.import_action] if self.import_action is not None else []),
        ]

    def import_from_las(self) -> None:
        from app.ui.las_import.dialog import LasImportDialog

        dialog = LasImportDialog(self.workspace, self)
        dialog.imported.connect(lambda _result: self.refresh())
        self.lock.locked_changed.connect(dialog.on_lock)
        try:
            dialog.exec()
        finally:
            self.lock.locked_changed.disconnect(dialog.on_lock)

    def show_locked(self, screen: QWidget) -> None:
        """Hides every student: the lock screen in front, the cohort model emptied."""
        if self.outer.indexOf(screen) < 0:
            self.outer.addWidget(screen)
        self.outer.setCurrentWidget(screen)
        self.cohort.clear()
        for action in self._data_actions():
            action.setEnabled(False)

    def show_unlocked(self) -> None:
        self.outer.setCurrentWidget(self.body)
        actor = self.workspace.actor
        for action in self._data_actions():
            action.setEnabled(True)
        self.new_action.setEnabled(actor.may_edit)
        self.open_action.setEnabled(not actor.is_board)
        self.database_action.setEnabled(actor.is_coordinator)

    def restore_drafts(self) -> None:
        """Puts the user's unsaved work from before a lock back on screen."""
        self.workspace.call(
            drafts.student_drafts,
            on_success=self._reopen_drafts,
        )

    def _reopen_drafts(self, found: list[drafts.StudentDraft]) -> None:
        for draft in found:
            window = self.open_student(draft.student_id)
            window.apply_draft(draft.input, draft.base_version)
        if found:
            self.workspace.call(
                drafts.discard_drafts,
                [d.id for d in found],
                on_success=_ignore,
            )

    def _application_state(self, state: Qt.ApplicationState) -> None:
        # A suspended application (the PC goes to sleep) locks at once.
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock.lock("slaapstand")

    def choose_database(self) -> None:
        from app.ui.settings.database_dialog import DatabaseDialog

        DatabaseDialog(self.settings, self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Over Koers"),
            self.tr(
                "<b>Koers {version}</b><br>Uitstroom, stages en nazorg voor "
                "vso en praktijkonderwijs.<br><br>Database: {database_label}"
            ).format(version=__version__, database_label=self.workspace.database_label),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.file_windows.values()):
            if not window.close():
                event.ignore()
                return
        self._save_state()
        self.idle.stop(QApplication.instance())
        if not self._logged_out:
            # Closing the window ends the session: in the audit trail like the log-in.
            self._logged_out = True
            self.workspace.call(users.record_logout, on_success=_ignore, on_error=_ignore)
        event.accept()


def _alive(window: QWidget) -> bool:
    try:
        window.isVisible()
    except RuntimeError:  # the C++ side was deleted (WA_DeleteOnClose)
        return False
    return True


def _ignore(_value) -> None:
    """The window is gone; a logout entry that could not be written has nowhere to go."""
