"""The Stages work area: the planner and the employer network, each loaded when shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.ui.internships.employers import EmployersTab
from app.ui.internships.planner import PlannerTab
from app.ui.style import styled
from app.ui.workspace import Workspace


class InternshipsArea(QWidget):
    open_student_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.planner = PlannerTab(workspace)
        self.employers = EmployersTab(workspace)
        self.planner.open_student_requested.connect(self.open_student_requested)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.planner, self.tr("Planner"))
        self.tabs.addTab(self.employers, self.tr("Werkgevers"))
        self._loaded: set[int] = set()
        title = QLabel(self.tr("Stages"))
        title.setObjectName("areaTitle")
        styled(title, "title")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._load_current)

    def _load_current(self, *_args) -> None:
        widget = self.tabs.currentWidget()
        if widget is not None and id(widget) not in self._loaded:
            self._loaded.add(id(widget))
            widget.load()

    def refresh(self) -> None:
        """Loads the tab in view afresh; the main window calls this each time the area shows
        (so also after a student file changed an internship). Other tabs reload when shown."""
        self._loaded.clear()
        self._load_current()
