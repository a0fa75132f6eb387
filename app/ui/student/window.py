"""A student's file in its own window: tabs, save and cancel, never a silent loss."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ConflictError, ValidationError
from app.services.students import student_file as students
from app.services.students.student_file import StudentFile, StudentInput
from app.ui.common.messages import show_error
from app.ui.student.personalia import PersonaliaTab
from app.ui.style import styled
from app.ui.workspace import Workspace


def _profile_tab() -> type[QWidget]:
    from app.ui.profile.tab import ProfileTab

    return ProfileTab


def _path_tab() -> type[QWidget]:
    from app.ui.path.tab import PathTab

    return PathTab


def _internships_tab() -> type[QWidget]:
    from app.ui.internships.student_tab import StudentInternshipsTab

    return StudentInternshipsTab


def _conversations_tab() -> type[QWidget]:
    from app.ui.conversations.student_tab import ConversationsTab

    return ConversationsTab


def _aftercare_tab() -> type[QWidget]:
    from app.ui.aftercare.student_tab import StudentAftercareTab

    return StudentAftercareTab


def _meetings_tab() -> type[QWidget]:
    from app.ui.meetings.student_tab import StudentMeetingsTab

    return StudentMeetingsTab


def _consent_tab() -> type[QWidget]:
    from app.ui.consent.tab import ConsentTab

    return ConsentTab


@dataclass(frozen=True)
class SectionTab:
    """A tab after Personalia, one area of the file, imported only when a file opens.

    Its class is built as Class(workspace, student_id) once the student exists, loads its
    own data through the workspace and saves through its own dialogs. `load` is a plain
    import inside a function: the log-in stays quick, and the import graph sees it.
    """

    key: str
    label: str
    load: Callable[[], type[QWidget]]


SECTION_TABS: list[SectionTab] = [
    SectionTab("profiel", QT_TRANSLATE_NOOP("student.window", "Profiel"), _profile_tab),
    SectionTab("traject", QT_TRANSLATE_NOOP("student.window", "Traject"), _path_tab),
    SectionTab("stages", QT_TRANSLATE_NOOP("student.window", "Stages"), _internships_tab),
    SectionTab("gesprekken", QT_TRANSLATE_NOOP("student.window", "Gesprekken"), _conversations_tab),
    SectionTab("nazorg", QT_TRANSLATE_NOOP("student.window", "Nazorg"), _aftercare_tab),
    SectionTab("overleg", QT_TRANSLATE_NOOP("student.window", "Overleg"), _meetings_tab),
    SectionTab("toestemming", QT_TRANSLATE_NOOP("student.window", "Toestemming"), _consent_tab),
]

TABS = [
    ("personalia", QT_TRANSLATE_NOOP("student.window", "Personalia")),
    *((tab.key, tab.label) for tab in SECTION_TABS),
]


class _Sections(dict):
    """The file's section tabs by key, each built the first time it is shown or asked for.

    A file opens with only Personalia built, so opening one stays quick however many
    areas the file grows; a tab reads its data when the user first looks at it.
    """

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        super().__init__()
        # Weak, so the window's Python side goes when Qt deletes the window (no cycle).
        self._build = weakref.WeakMethod(build)

    def __missing__(self, key: str) -> QWidget:
        build = self._build()
        if build is None:
            raise KeyError(key)
        tab = self[key] = build(key)
        return tab


class StudentFileWindow(QMainWindow):
    """Shows one student's file; `student_id` None makes a new student."""

    saved = Signal(int)
    # The file has loaded and shows its student (bench/: the first file after log-in).
    file_loaded = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        mentors: list[tuple[int, str]],
        student_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.workspace = workspace
        self.student_id = student_id
        self.loaded: StudentFile | None = None
        self._baseline = StudentInput()
        # A draft given back after a lock: applied once the file has loaded, and saved
        # against the version it was typed on, so a change made meanwhile is a conflict.
        self._pending_draft: tuple[StudentInput, int | None] | None = None
        self._draft_version: int | None = None
        self.title = QLabel()
        self.title.setObjectName("fileTitle")
        styled(self.title, "title")
        self.status = QLabel()
        self.missing = QLabel()  # what the LAS import could not fill in
        self.missing.setObjectName("missingFromLas")
        self.missing.setWordWrap(True)
        self.missing.setVisible(False)
        self.tabs = QTabWidget()
        self.personalia = PersonaliaTab(mentors)
        self.tabs.addTab(self.personalia, self.tr("Personalia"))
        self.sections = _Sections(self._build_section)
        self._section_student: int | None = None
        self._holders: dict[str, QWidget] = {}
        self.save_button = QPushButton(self.tr("Opslaan"))
        self.cancel_button = QPushButton(self.tr("Wijzigingen ongedaan maken"))
        self._build()
        self.personalia.changed.connect(self._update_buttons)
        self.resize(1180, 760)
        read_only = not workspace.actor.may_edit
        self.personalia.set_read_only(read_only)
        self.save_button.setVisible(not read_only)
        self.cancel_button.setVisible(not read_only)
        if student_id is None:
            self.setWindowTitle(self.tr("Nieuwe leerling[*] — Koers"))
            self.title.setText(self.tr("Nieuwe leerling"))
            self._update_buttons()
        else:
            self.setWindowTitle(self.tr("Leerlingdossier[*] — Koers"))
            self.reload()

    def _build(self) -> None:
        save = QAction(self.tr("&Opslaan"), self, shortcut=QKeySequence.StandardKey.Save)
        save.triggered.connect(self.save)
        close = QAction(self.tr("&Sluiten"), self, shortcut=QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&Dossier"))
        menu.addAction(save)
        menu.addSeparator()
        menu.addAction(close)
        from app.ui.help.menu import HelpMenu

        self.help = HelpMenu(self, lambda: "dossier")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.missing)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(body)

    # --- state --------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.personalia.collect() != self._baseline

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.cancel_button.setEnabled(dirty and self.student_id is not None)
        self.status.setText(self.tr("Niet-opgeslagen wijzigingen") if dirty else "")
        self.setWindowModified(dirty)

    def _show(self, loaded: StudentFile) -> None:
        self.loaded = loaded
        self.student_id = loaded.id
        self._baseline = loaded.input
        self.title.setText(loaded.full_name)
        self.missing.setText(self.tr("Ontbreekt uit het LAS: ") + ", ".join(loaded.missing))
        self.missing.setVisible(bool(loaded.missing))
        self.setWindowTitle(
            self.tr("{full_name}[*] — Leerlingdossier — Koers").format(full_name=loaded.full_name)
        )
        self._add_sections(loaded.id)
        self.personalia.set_input(loaded.input)
        if self._pending_draft is not None:
            data, self._draft_version = self._pending_draft
            self._pending_draft = None
            self.personalia.set_input(data)
            self.status.setText(self.tr("Niet-opgeslagen wijzigingen van vóór het vergrendelen"))
        self._update_buttons()
        self.file_loaded.emit(loaded.id)

    def _add_sections(self, student_id: int) -> None:
        """Adds the section tabs the first time the file shows an existing student."""
        if self._section_student is not None:
            return
        self._section_student = student_id
        for key, label in TABS[1:]:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            self.tabs.addTab(holder, QCoreApplication.translate("student.window", label))
        self.tabs.currentChanged.connect(self._show_section)

    def _build_section(self, key: str) -> QWidget:
        section = next(tab for tab in SECTION_TABS if tab.key == key)
        tab = section.load()(self.workspace, self._section_student)
        # For the names of the files the tab suggests (app.services.common.file_names).
        tab.student_name = self.loaded.full_name if self.loaded else ""
        self._holders[key].layout().addWidget(tab)
        return tab

    def _show_section(self, index: int) -> None:
        if index >= 1:
            self.sections[SECTION_TABS[index - 1].key]  # built on first sight

    def expected_version(self) -> int | None:
        """The version the typed changes were made on (None for a new student)."""
        if self._draft_version is not None:
            return self._draft_version
        return self.loaded.version if self.loaded else None

    def apply_draft(self, data: StudentInput, base_version: int | None) -> None:
        """Puts a draft back on screen: now for a new student, after loading otherwise."""
        if self.student_id is None:
            self.personalia.set_input(data)
            self._update_buttons()
        else:
            self._pending_draft = (data, base_version)
            if self.loaded is not None:
                self._show(self.loaded)

    def discard_quietly(self) -> None:
        """Forgets what is on screen (it was set aside as a draft) so closing does not ask."""
        self._baseline = self.personalia.collect()

    # --- actions ------------------------------------------------------------------------
    def reload(self) -> None:
        self.workspace.call(
            students.open_student_file,
            self.student_id,
            on_success=self._show,
        )

    def revert(self) -> None:
        self.personalia.set_input(self._baseline)
        self._update_buttons()

    def save(self, then_close: bool = False) -> None:
        if not self.is_dirty():
            return
        data = self.personalia.collect()
        self.personalia.show_problems({})

        def done(result: int) -> None:
            if self.student_id is None:
                self.student_id = result
            self._draft_version = None
            self._baseline = data
            self.saved.emit(self.student_id)
            if then_close:
                self._baseline = self.personalia.collect()
                self.close()
            else:
                self.reload()

        if self.student_id is None:
            self.workspace.call(
                students.create_student, data, on_success=done, on_error=self._save_failed
            )
        else:
            version = self.expected_version() or 0
            self.workspace.call(
                students.save_student,
                self.student_id,
                version,
                data,
                on_success=done,
                on_error=self._save_failed,
            )

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.personalia.show_problems(exc.problems)
        if isinstance(exc, ConflictError):
            answer = QMessageBox.question(
                self,
                self.tr("Tegelijk gewijzigd"),
                self.tr(
                    "{message}\n\nWilt u het dossier nu opnieuw laden? Uw "
                    "wijzigingen op dit scherm gaan dan verloren."
                ).format(message=exc.message),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._draft_version = None
                self.reload()
            return
        show_error(self, exc)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.is_dirty():
            event.accept()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Wijzigingen opslaan?"),
            self.tr(
                "Dit dossier heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze opslaan?"
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Discard:
            event.accept()
        elif answer == QMessageBox.StandardButton.Save:
            event.ignore()
            self.save(then_close=True)
        else:
            event.ignore()
