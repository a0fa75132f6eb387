"""The "Gebruikers" tab: the accounts, and adding, changing, switching off and resetting."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.services.admin import memberships, users
from app.services.admin.memberships import Memberships
from app.services.admin.users import UserChanges, UserRow
from app.ui.admin.memberships_dialog import MembershipsDialog
from app.ui.admin.user_dialog import PasswordDialog, UserDialog
from app.ui.common.messages import user_message
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace

NAME, USERNAME, ROLE, EMAIL, STATE, SCHOOLS = range(6)
HEADERS = [
    QT_TRANSLATE_NOOP("admin.users", "Naam"),
    QT_TRANSLATE_NOOP("admin.users", "Gebruikersnaam"),
    QT_TRANSLATE_NOOP("admin.users", "Rol"),
    QT_TRANSLATE_NOOP("admin.users", "E-mail"),
    QT_TRANSLATE_NOOP("admin.users", "Status"),
    # Only in a database several schools share.
    QT_TRANSLATE_NOOP("admin.users", "Scholen"),
]


def state_text(row: UserRow) -> str:
    if not row.active:
        return QCoreApplication.translate("admin.users", "Uitgeschakeld")
    if not row.has_password:
        return QCoreApplication.translate("admin.users", "Geen wachtwoord")
    if row.locked:
        return QCoreApplication.translate("admin.users", "Tijdelijk geblokkeerd")
    return QCoreApplication.translate("admin.users", "Actief")


_DISPLAY = {
    NAME: lambda r: r.display_name,
    USERNAME: lambda r: r.username,
    ROLE: lambda r: r.role_label,
    EMAIL: lambda r: r.email,
    STATE: state_text,
}
_SORT_KEY = {**_DISPLAY, NAME: lambda r: r.display_name.lower()}


class UsersModel(RowTableModel[UserRow]):
    def __init__(self, parent=None) -> None:
        self.memberships = Memberships((), {})
        schools = {SCHOOLS: lambda r: self.memberships.names_of(r.id)}
        super().__init__(
            [QCoreApplication.translate("admin.users", h) for h in HEADERS],
            {**_DISPLAY, **schools},
            {**_SORT_KEY, **schools},
            parent=parent,
        )

    def row_of(self, user_id: int) -> int:
        return next((i for i, r in enumerate(self.rows()) if r.id == user_id), -1)


class UsersTab(QWidget):
    """Built from the workspace; loads when first shown (see AdminView)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = UsersModel(self)
        self.table = make_table(self.model, widths=[210, 130, 160, 200, 110], sort_by=NAME)
        self.table.setAccessibleName(self.tr("Gebruikers"))
        self.new_button = QPushButton(self.tr("Nieuwe gebruiker…"))
        self.edit_button = QPushButton(self.tr("Wijzigen…"))
        self.password_button = QPushButton(self.tr("Wachtwoord opnieuw instellen…"))
        self.active_button = QPushButton(self.tr("Uitschakelen"))
        self.schools_button = QPushButton(self.tr("Scholen…"))
        self.schools_button.setToolTip(self.tr("Voor welke scholen deze gebruiker werkt"))
        self.count_label = QLabel()
        self.dialog: UserDialog | PasswordDialog | MembershipsDialog | None = None
        self._build()
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.schools_button.clicked.connect(self.edit_schools)
        self.table.activated.connect(lambda _index: self.edit_user())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self.table.setColumnHidden(SCHOOLS, True)
        self.schools_button.setVisible(False)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.password_button):
            buttons.addWidget(button)
        buttons.addWidget(self.active_button)
        buttons.addWidget(self.schools_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    # --- data ---------------------------------------------------------------------------
    def load(self) -> None:
        self.workspace.call(users.list_users, on_success=self.show_users)
        self.workspace.call(memberships.memberships, on_success=self.show_memberships)

    def show_users(self, rows: list[UserRow]) -> None:
        selected = self.selected_user()
        self.model.set_rows(rows)
        self.count_label.setText(
            self.tr("{value} actieve gebruikers").format(value=sum(r.active for r in rows))
        )
        if selected is not None:
            self.select_user(selected.id)

    def show_memberships(self, seen: Memberships) -> None:
        """The schools column and button, only where several schools share the database."""
        self.model.memberships = seen
        self.table.setColumnHidden(SCHOOLS, not seen.shared)
        self.schools_button.setVisible(seen.shared)
        self.show_users(self.model.rows())

    def selected_user(self) -> UserRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_at(index.row())

    def select_user(self, user_id: int) -> None:
        row = self.model.row_of(user_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (
            self.edit_button,
            self.password_button,
            self.active_button,
            self.schools_button,
        ):
            button.setEnabled(user is not None)
        if user is not None:
            self.active_button.setText(
                self.tr("Uitschakelen") if user.active else self.tr("Inschakelen")
            )
            self.password_button.setEnabled(user.active)

    # --- actions ------------------------------------------------------------------------
    def _open(self, dialog, use_case, *args) -> None:
        """Shows `dialog`; each submit runs `use_case(*args, value)` until it succeeds."""
        self.dialog = dialog

        def submitted(value) -> None:
            self.workspace.call(
                use_case,
                *args,
                value,
                on_success=lambda _result: (dialog.done_ok(), self.load()),
                on_error=lambda exc: self._dialog_failed(dialog, exc),
            )

        dialog.submitted.connect(submitted)
        dialog.open()

    @staticmethod
    def _dialog_failed(dialog, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            dialog.show_problems(exc.problems)
        else:
            dialog.failed(user_message(exc))

    def new_user(self) -> UserDialog:
        dialog = UserDialog(None, self)
        self._open(dialog, users.create_user)
        return dialog

    def edit_user(self) -> UserDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = UserDialog(user, self)
        self._open(dialog, self._update, user.id, user.version)
        return dialog

    @staticmethod
    def _update(session, actor, user_id: int, version: int, changes: UserChanges) -> int:
        return users.update_user(session, actor, user_id, changes, version)

    def reset_password(self) -> PasswordDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = PasswordDialog(user, self)
        self._open(dialog, users.reset_password, user.id)
        return dialog

    def edit_schools(self) -> MembershipsDialog | None:
        user = self.selected_user()
        if user is None or not self.model.memberships.shared:
            return None
        dialog = MembershipsDialog(user, self.model.memberships, self)
        self._open(dialog, memberships.set_memberships, user.id)
        return dialog

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if user.active:
            answer = QMessageBox.question(
                self,
                self.tr("Gebruiker uitschakelen"),
                self.tr(
                    "{display_name} kan daarna niet meer aanmelden. Het "
                    "wachtwoord vervalt; wordt het account later weer "
                    "ingeschakeld, dan stelt u een nieuw wachtwoord in. Doorgaan?"
                ).format(display_name=user.display_name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        changes = UserChanges(
            display_name=user.display_name,
            email=user.email,
            role=user.role.value,
            active=not user.active,
        )
        self.workspace.call(
            users.update_user,
            user.id,
            changes,
            user.version,
            on_success=lambda _version: self.load(),
        )
