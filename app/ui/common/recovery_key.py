"""Showing the recovery key once, to print and keep: without it a lost key file is lost data."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

EXPLANATION = QT_TRANSLATE_NOOP(
    "common.recovery_key",
    "Koers versleutelt de database op deze pc. Uw wachtwoord opent haar, en ook die van de "
    "andere gebruikers. Raakt het sleutelbestand kwijt of weet niemand meer een wachtwoord, "
    "dan opent alleen deze <b>herstelsleutel</b> de database nog.<br><br>"
    "Druk hem af of schrijf hem op en bewaar hem achter slot, bijvoorbeeld in de kluis van "
    "de school. Koers toont hem maar één keer.",
)


class RecoveryKeyDialog(QDialog):
    """Shows the key; only "Ik heb de sleutel bewaard" closes it without a question.

    Esc and the window's close button ask first: the key is shown once, so a slip that
    closes it unseen would leave the school without a way back into its data.
    """

    def __init__(self, recovery_key: str, school: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Herstelsleutel — bewaar deze goed"))
        self.recovery_key = recovery_key
        text = QLabel(QCoreApplication.translate("common.recovery_key", EXPLANATION))
        text.setWordWrap(True)
        key = QLabel(recovery_key)
        key.setObjectName("recoveryKey")
        font = QFont("DejaVu Sans Mono")
        font.setPointSize(15)
        key.setFont(font)
        key.setTextInteractionFlags(key.textInteractionFlags().TextSelectableByMouse)
        copy = QPushButton(self.tr("Kopiëren"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(recovery_key))
        buttons = QDialogButtonBox()
        done = buttons.addButton(
            self.tr("Ik heb de sleutel bewaard"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        done.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{school}</b>"))
        layout.addWidget(text)
        layout.addSpacing(8)
        layout.addWidget(key)
        layout.addWidget(copy)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def reject(self) -> None:
        # Esc and the close button both end here (QDialog.closeEvent calls reject).
        if self._confirm_kept():
            super().reject()

    def _confirm_kept(self) -> bool:
        """Asks whether the key is kept; No (also the default answer) keeps it on screen."""
        answer = QMessageBox.question(
            self,
            self.tr("Herstelsleutel bewaard?"),
            self.tr(
                "Koers toont de herstelsleutel maar één keer. Hebt u hem afgedrukt of "
                "opgeschreven en veilig bewaard?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def show_recovery_key(parent: QWidget, recovery_key: str, school: str) -> None:
    RecoveryKeyDialog(recovery_key, school, parent).exec()
