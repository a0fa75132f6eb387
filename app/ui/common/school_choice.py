"""The toolbar's school choice for a user of several schools of a shared database: the
lists show the chosen school, or all of the user's schools."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.services.admin.accounts import my_schools
from app.ui.workspace import Workspace


class SchoolChoice(QWidget):
    changed = Signal(object)  # the school id, or None for all

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("schoolChoice")
        self.combo.setAccessibleName(self.tr("School"))
        self.combo.setToolTip(self.tr("Kies de school waarvan de lijsten de leerlingen tonen"))
        self.combo.addItem(self.tr("Alle scholen"), None)
        label = QLabel(self.tr("&School:"))
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        workspace.call(my_schools, on_success=self._fill)

    def _fill(self, schools: list[tuple[int, str]]) -> None:
        for school_id, name in schools:
            self.combo.addItem(name, school_id)
        self.combo.currentIndexChanged.connect(
            lambda _i: self.changed.emit(self.combo.currentData())
        )
