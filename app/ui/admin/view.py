"""The Beheer area: one tab per subject; each tab loads its data the first time it shows."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.ui.admin.audit_log import AuditLogTab
from app.ui.admin.retention import RetentionTab
from app.ui.admin.school_settings import SchoolSettingsTab
from app.ui.admin.users import UsersTab
from app.ui.profile.items_admin import ProfileItemsTab
from app.ui.style import styled
from app.ui.workspace import Workspace


class AdminView(QWidget):
    """Shown to coordinators only; the services refuse the same work to anyone else.

    A tab may have a `load()` method: it is called once, when the tab is first shown, so
    opening the main window reads nothing for this area.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tabs = QTabWidget()
        self._loaded: set[int] = set()
        self.users = UsersTab(workspace)
        self.audit_log = AuditLogTab(workspace)
        self.retention = RetentionTab(workspace)
        title = QLabel(self.tr("Beheer"))
        title.setObjectName("areaTitle")
        styled(title, "title")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.add_tab(self.users, self.tr("Gebruikers"))
        self.add_tab(self.audit_log, self.tr("Auditlogboek"))
        self.add_tab(self.retention, self.tr("Bewaartermijn"))
        self.add_tab(ProfileItemsTab(workspace), self.tr("Profielitems"))
        self.school_settings = SchoolSettingsTab(workspace)
        self.add_tab(self.school_settings, self.tr("Schoolinstellingen"))
        self.tabs.currentChanged.connect(self._load_current)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Adds a tab (other parts of Beheer use this); returns its index."""
        index = self.tabs.addTab(widget, title)
        if self.isVisible() and index == self.tabs.currentIndex():
            self._load_current()
        return index

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load_current()

    def _load_current(self, *_args) -> None:
        widget = self.tabs.currentWidget()
        if widget is None or id(widget) in self._loaded:
            return
        self._loaded.add(id(widget))
        load = getattr(widget, "load", None)
        if callable(load):
            load()
