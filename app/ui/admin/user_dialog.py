"""Dialogs for one account: a new user, changing one, and setting a new password.

The dialogs do not save: they emit `submitted` with what was typed and stay open until
the caller reports success (`done_ok`) or problems (`show_problems`), so a refused value
is corrected in place instead of typed again.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.models import Role
from app.services.admin.users import UserChanges, UserInput, UserRow
from app.services.common.labels import ROLE
from app.ui.common.fields import combo_value, fill_combo, set_combo_value
from app.ui.common.form_dialog import FormDialog

ROLE_OPTIONS = [(ROLE[role], role.value) for role in Role]
ROLE_HELP = QT_TRANSLATE_NOOP(
    "admin.user_dialog",
    "Uitstroomcoördinator: alles, ook gebruikers, instellingen en uitvoer. "
    "Mentor: alleen de eigen mentorleerlingen, geen uitvoer. "
    "Alleen lezen: bekijken, niets wijzigen of uitvoeren.",
)


def _password_field() -> QLineEdit:
    return QLineEdit(echoMode=QLineEdit.EchoMode.Password)


class AccountDialog(FormDialog):
    submitted = Signal(object)

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        problems = self.local_problems()
        self.show_problems(problems)
        if not problems:
            self.save_button.setEnabled(False)
            self.submitted.emit(self.collect())

    def local_problems(self) -> dict[str, str]:
        return {}

    def collect(self):
        raise NotImplementedError

    def show_problems(self, problems: dict[str, str]) -> None:
        """Marks each named field and lists the messages; an empty dict clears them."""
        self.save_button.setEnabled(True)
        super().show_problems(problems)

    def failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.say(message)

    def done_ok(self) -> None:
        self.accept()


class UserDialog(AccountDialog):
    """A new account (`user` None) or the changes to an existing one."""

    def __init__(self, user: UserRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Nieuwe gebruiker") if user is None else self.tr("Gebruiker wijzigen"), parent
        )
        self.user = user
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.email = QLineEdit()
        self.role = QComboBox()
        fill_combo(self.role, ROLE_OPTIONS, empty=None)
        self.password = _password_field()
        self.repeat = _password_field()
        role_help = QLabel(QCoreApplication.translate("admin.user_dialog", ROLE_HELP))
        role_help.setWordWrap(True)
        self.form.addRow(self.tr("Gebruikersnaam"), self.username)
        self.form.addRow(self.tr("Naam"), self.display_name)
        self.form.addRow(self.tr("E-mail"), self.email)
        self.form.addRow(self.tr("Rol"), self.role)
        self.form.addRow("", role_help)
        self.fields = {
            "username": self.username,
            "display_name": self.display_name,
            "email": self.email,
            "role": self.role,
        }
        if user is None:
            set_combo_value(self.role, Role.MENTOR.value)
            self.form.addRow(self.tr("Wachtwoord"), self.password)
            self.form.addRow(self.tr("Herhaal wachtwoord"), self.repeat)
            hint = QLabel(
                self.tr("Leeg laten: het account kan pas aanmelden nadat u een wachtwoord instelt.")
            )
            hint.setWordWrap(True)
            self.form.addRow("", hint)
            self.fields |= {"password": self.password, "repeat": self.repeat}
        else:
            self.username.setText(user.username)
            # The name to log in with is bound to the key file: it does not change.
            self.username.setReadOnly(True)
            self.display_name.setText(user.display_name)
            self.email.setText(user.email)
            set_combo_value(self.role, user.role.value)

    def local_problems(self) -> dict[str, str]:
        if self.user is None and self.password.text() != self.repeat.text():
            return {"repeat": self.tr("Herhaal wachtwoord: de twee wachtwoorden verschillen.")}
        return {}

    def collect(self) -> UserInput | UserChanges:
        if self.user is None:
            return UserInput(
                username=self.username.text(),
                display_name=self.display_name.text(),
                role=combo_value(self.role),
                email=self.email.text(),
                password=self.password.text() or None,
            )
        return UserChanges(
            display_name=self.display_name.text(),
            email=self.email.text(),
            role=combo_value(self.role),
            active=self.user.active,
        )


class PasswordDialog(AccountDialog):
    """A new password for someone else's account (the coordinator's reset)."""

    def __init__(self, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Wachtwoord opnieuw instellen"), parent)
        self.user = user
        self.password = _password_field()
        self.repeat = _password_field()
        intro = QLabel(
            self.tr(
                "Nieuw wachtwoord voor {display_name} ({username}). Geef het "
                "persoonlijk door; een blokkade na te veel pogingen vervalt "
                "hiermee."
            ).format(display_name=user.display_name, username=user.username)
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.form.addRow(self.tr("Nieuw wachtwoord"), self.password)
        self.form.addRow(self.tr("Herhaal wachtwoord"), self.repeat)
        self.fields = {"password": self.password, "repeat": self.repeat}

    def local_problems(self) -> dict[str, str]:
        if self.password.text() != self.repeat.text():
            return {"repeat": self.tr("Herhaal wachtwoord: de twee wachtwoorden verschillen.")}
        return {}

    def collect(self) -> str:
        return self.password.text()
