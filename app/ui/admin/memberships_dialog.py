"""Which schools one user works for, in a database several schools share: a check box per
school. Schools the coordinator does not work for are shown, greyed out: another school's
coordinator decides on those (the rule lives in app/services/admin/memberships.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from app.services.admin.memberships import Memberships
from app.services.admin.users import UserRow
from app.ui.admin.user_dialog import AccountDialog

SCHOOL_ID = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 10


class MembershipsDialog(AccountDialog):
    def __init__(self, user: UserRow, seen: Memberships, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Scholen van {name}").format(name=user.display_name), parent)
        self.user = user
        intro = QLabel(
            self.tr(
                "Voor welke scholen werkt {name}? In Koers ziet {name} alleen de leerlingen "
                "van deze scholen. Kies minstens één school."
            ).format(name=user.display_name)
        )
        intro.setWordWrap(True)
        self.schools = QListWidget()
        self.schools.setAccessibleName(self.tr("Scholen"))
        held = seen.schools_of(user.id)
        for school in seen.schools:
            item = QListWidgetItem(school.name)
            item.setData(SCHOOL_ID, school.school_id)
            checked = Qt.CheckState.Checked if school.school_id in held else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            if not school.may_change:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("Dit deelt een coördinator van deze school in."))
            self.schools.addItem(item)
        # As tall as its schools, up to ten; a region of more scrolls.
        rows = min(max(self.schools.count(), 1), VISIBLE_ROWS)
        frame = 2 * self.schools.frameWidth()
        self.schools.setFixedHeight(rows * self.schools.sizeHintForRow(0) + frame + 2)
        self.form.addRow(intro)
        self.form.addRow(self.schools)
        if not all(school.may_change for school in seen.schools):
            note = QLabel(
                self.tr(
                    "Grijze scholen kunt u niet wijzigen: u werkt daar zelf niet. Dat doet een "
                    "coördinator van die school."
                )
            )
            note.setWordWrap(True)
            self.form.addRow(note)
        self.fields = {"schools": self.schools}

    def chosen(self) -> set[int]:
        items = (self.schools.item(n) for n in range(self.schools.count()))
        return {
            item.data(SCHOOL_ID) for item in items if item.checkState() == Qt.CheckState.Checked
        }

    def local_problems(self) -> dict[str, str]:
        if not self.chosen():
            return {"schools": self.tr("Scholen: kies minstens één school.")}
        return {}

    def collect(self) -> set[int]:
        return self.chosen()
