"""The main window: navigation by area, menus, toolbar and status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.services import cohort
from app.services.labels import ROLE
from app.ui.cohort.view import CohortView
from app.ui.common.messages import show_error
from app.ui.student.window import StudentFileWindow
from app.ui.workspace import Workspace

AREAS = [("cohort", "Leerlingen")]


class MainWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(self, workspace: Workspace, settings: QSettings) -> None:
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.mentors: list[tuple[int, str]] = []
        self.file_windows: dict[int | None, StudentFileWindow] = {}
        self.navigation = QListWidget()
        self.stack = QStackedWidget()
        self.cohort = CohortView()
        self.areas: dict[str, QWidget] = {"cohort": self.cohort}
        self._build()
        self.cohort.open_requested.connect(self.open_student)
        self._restore_state()

    # --- construction -------------------------------------------------------------------
    def _build(self) -> None:
        school = self.workspace.school
        title = f"Koers — {school.name}"
        if school.is_demo:
            title += " — DEMO"
        self.setWindowTitle(title)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(180)
        for key, label in AREAS:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(160, 36))
            self.navigation.addItem(item)
            self.stack.addWidget(self.areas[key])
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._build_actions()
        self._build_status_bar()

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
            "Nieuwe leerling",
            lambda: self.open_student(None),
            QKeySequence.StandardKey.New,
            "Een leerling toevoegen aan de uitstroomgroep",
        )
        self.new_action.setEnabled(may_edit)
        self.open_action = self._action(
            "Dossier openen",
            self.open_selected,
            QKeySequence.StandardKey.Open,
            "Het dossier van de gekozen leerling openen",
        )
        self.refresh_action = self._action(
            "Vernieuwen",
            self.refresh,
            QKeySequence.StandardKey.Refresh,
            "De lijst opnieuw laden uit de database",
        )
        self.find_action = self._action(
            "Zoeken",
            self.cohort.focus_search,
            QKeySequence.StandardKey.Find,
            "Naar het zoekveld",
        )
        self.database_action = self._action(
            "Database kiezen…", self.choose_database, tip="Ingebouwde database of gedeelde server"
        )
        self.database_action.setEnabled(self.workspace.actor.is_coordinator)
        self.logout_action = self._action("Afmelden", self.logout_requested.emit)
        self.quit_action = self._action("Afsluiten", self.close, QKeySequence.StandardKey.Quit)
        about = self._action("Over Koers", self.about)

        file_menu = self.menuBar().addMenu("&Bestand")
        for action in (self.new_action, self.open_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.database_action)
        file_menu.addAction(self.logout_action)
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("Be&werken")
        edit_menu.addAction(self.find_action)
        view_menu = self.menuBar().addMenu("Beel&d")
        view_menu.addAction(self.refresh_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(about)

        toolbar = self.addToolBar("Werkbalk")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.open_action, self.refresh_action):
            toolbar.addAction(action)

    def _build_status_bar(self) -> None:
        actor = self.workspace.actor
        user = QLabel(f"{actor.display_name} ({ROLE[actor.role].lower()})")
        database = QLabel(self.workspace.database_label)
        database.setObjectName("databaseLabel")
        if self.workspace.school.is_demo:
            demo = QLabel(" DEMO-DATABASE: fictieve leerlingen ")
            demo.setObjectName("demoBadge")
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
        self.mentors = overview.mentors
        self.cohort.set_rows(overview.rows)

    def refresh(self) -> None:
        self.workspace.call(
            cohort.cohort_overview,
            on_success=self.show_cohort,
            on_error=lambda exc: show_error(self, exc),
        )

    # --- actions ------------------------------------------------------------------------
    def open_selected(self) -> None:
        student_id = self.cohort.selected_student_id()
        if student_id is not None:
            self.open_student(student_id)

    def open_student(self, student_id: int | None) -> StudentFileWindow:
        window = self.file_windows.get(student_id) if student_id is not None else None
        if window is None:
            window = StudentFileWindow(self.workspace, self.mentors, student_id)
            window.saved.connect(lambda _id: self.refresh())
            window.destroyed.connect(lambda _obj=None, key=student_id: self._forget(key))
            if student_id is not None:
                self.file_windows[student_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _forget(self, student_id: int | None) -> None:
        self.file_windows.pop(student_id, None)

    def choose_database(self) -> None:
        from app.ui.settings.database_dialog import DatabaseDialog

        DatabaseDialog(self.settings, self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "Over Koers",
            f"<b>Koers {__version__}</b><br>Uitstroom, stages en nazorg voor vso en "
            "praktijkonderwijs.<br><br>"
            f"Database: {self.workspace.database_label}",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.file_windows.values()):
            if not window.close():
                event.ignore()
                return
        self._save_state()
        event.accept()
