"""The log-in window. It imports nothing heavy, so it appears as fast as a bare window."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.style import styled


class LoginWindow(QWidget):
    submitted = Signal(str, str)
    # The log-in button has become usable: where the start-up clock stops (bench/).
    ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Koers — aanmelden"))
        self.school = QLabel(self.tr("Database openen…"))
        self.school.setObjectName("loginSchool")
        self.school.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Gebruikersnaam"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Wachtwoord"))
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        styled(self.message, "problem")
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("Aanmelden"))
        self.button.setDefault(True)
        self.button.setEnabled(False)
        title = QLabel(self.tr("Koers"))
        title.setObjectName("loginTitle")
        styled(title, "login_title")
        subtitle = QLabel(self.tr("Uitstroom, stages en nazorg"))
        form = QFormLayout()
        form.addRow(self.tr("Gebruikersnaam"), self.username)
        form.addRow(self.tr("Wachtwoord"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addWidget(self.school)
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.username.setFocus()

    def set_school(self, name: str, is_demo: bool) -> None:
        self.school.setText(
            "{name}{value}".format(name=name, value=self.tr(" — demodatabase") if is_demo else "")
        )
        self.button.setEnabled(True)
        self.ready.emit()

    def enable_early(self) -> None:
        """Usable before the database is opened: a log-in typed meanwhile is sent once it
        is (StartupController), with the button showing that it is busy."""
        self.button.setEnabled(True)
        self.ready.emit()

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.button.setText(self.tr("Bezig met aanmelden…") if busy else self.tr("Aanmelden"))

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _submit(self) -> None:
        if not self.button.isEnabled():
            return
        if not self.username.text().strip() or not self.password.text():
            self.show_message(self.tr("Vul uw gebruikersnaam en wachtwoord in."))
            return
        self.show_message("")
        self.set_busy(True)
        self.submitted.emit(self.username.text().strip(), self.password.text())

    def login_failed(self, message: str) -> None:
        self.set_busy(False)
        self.show_message(message)
        self.password.clear()
        self.password.setFocus()
