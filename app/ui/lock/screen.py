"""What a locked window shows: no student data, only a way back in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.style import styled


class LockScreen(QWidget):
    unlock_requested = Signal(str)
    switch_user_requested = Signal()

    def __init__(self, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Koers is vergrendeld"))
        title.setObjectName("areaTitle")
        styled(title, "title")
        title.setMinimumHeight(title.sizeHint().height() + 12)
        explanation = QLabel(
            self.tr(
                "Aangemeld als {user_name}. Voer uw wachtwoord in om verder "
                "te gaan. Wat u nog niet had opgeslagen, staat daarna weer "
                "voor u klaar."
            ).format(user_name=user_name)
        )
        explanation.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Wachtwoord"))
        self.password.setPlaceholderText(self.tr("Wachtwoord"))
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        styled(self.message, "problem")
        self.unlock_button = QPushButton(self.tr("Ontgrendelen"))
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("Aanmelden als andere gebruiker"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QWidget()
        # A fixed width lets the wrapped text ask for the height it needs.
        box.setFixedWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(explanation)
        inner.addWidget(self.password)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.switch_button.clicked.connect(self.switch_user_requested)

    def reset(self) -> None:
        self.password.clear()
        self.message.clear()
        self.unlock_button.setEnabled(True)
        self.password.setFocus()

    def failed(self, message: str) -> None:
        self.unlock_button.setEnabled(True)
        self.message.setText(message)
        self.password.clear()
        self.password.setFocus()

    def _submit(self) -> None:
        if not self.password.text():
            self.message.setText(self.tr("Vul uw wachtwoord in."))
            return
        self.unlock_button.setEnabled(False)
        self.unlock_requested.emit(self.password.text())
