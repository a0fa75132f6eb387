"""The Nazorg work area: "Mijn nazorg" (the worklist) and "Bestendiging" (retention)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.aftercare.retention import RetentionTab
from app.ui.aftercare.worklist import WorklistTab
from app.ui.workspace import Workspace


class AftercareView(QWidget):
    open_student_requested = Signal(int)
    # My due count after every reload of the whole worklist (the navigation label shows it).
    due_count_changed = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worklist = WorklistTab(workspace)
        self.retention = RetentionTab(workspace)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.worklist, self.tr("Mijn nazorg"))
        self.tabs.addTab(self.retention, self.tr("Bestendiging"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.worklist.open_student_requested.connect(self.open_student_requested)
        self.worklist.loaded.connect(self._loaded)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def _loaded(self, worklist) -> None:
        if self.worklist.mentor.currentData() is None:
            self.due_count_changed.emit(worklist.due_count)

    def refresh(self) -> None:
        """Reloads the tab in view (called when the area is shown and on F5)."""
        self.tabs.currentWidget().refresh()
