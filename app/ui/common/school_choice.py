"""The toolbar's school choice for a user of several schools of a shared database: the
lists show the chosen school, or all of the user's schools. The last choice is remembered
per user and database (QSettings) and preselected at the next log-in."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.services.admin.accounts import my_schools
from app.ui.workspace import Workspace


def remembered_key(workspace: Workspace) -> str:
    """The settings key of this user's choice in this database (school ids are a
    database's own); hashed, as a label or user name may hold what a key may not."""
    who = f"{workspace.database_label}\n{workspace.actor.username}"
    return "schoolChoice/" + hashlib.sha256(who.encode()).hexdigest()[:16]  # i18n: skip


def remembered_school(workspace: Workspace, settings: QSettings) -> int | None:
    """The school chosen last time, if the user still works for it; None: all schools."""
    value = settings.value(remembered_key(workspace))
    try:
        school_id = int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return school_id if school_id in (workspace.actor.member_of or ()) else None


class SchoolChoice(QWidget):
    changed = Signal(object)  # the school id, or None for all

    def __init__(
        self, workspace: Workspace, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
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
        # The school the window already works with (the remembered one), without a signal.
        self.combo.setCurrentIndex(max(0, self.combo.findData(self.workspace.actor.school_id)))
        self.combo.currentIndexChanged.connect(lambda _i: self._chosen(self.combo.currentData()))

    def _chosen(self, school_id: int | None) -> None:
        key = remembered_key(self.workspace)
        if school_id is None:
            self.settings.remove(key)
        else:
            self.settings.setValue(key, school_id)
        self.changed.emit(school_id)
