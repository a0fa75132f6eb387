"""Showing errors to the user in Dutch, never as a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import ConflictError, ConnectionLostError, KoersError, ValidationError

log = logging.getLogger(__name__)

UNEXPECTED = QT_TRANSLATE_NOOP(
    "common.messages",
    "Er ging iets mis dat Koers niet verwachtte. Er is niets half opgeslagen. "
    "Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder.",
)


def user_message(exc: BaseException) -> str:
    if isinstance(exc, KoersError):
        return exc.message
    return QCoreApplication.translate("common.messages", UNEXPECTED)


def show_error(
    parent: QWidget | None,
    exc: BaseException,
    title: str | None = None,
) -> None:
    if isinstance(exc, ValidationError):
        title = QCoreApplication.translate("common.messages", "Controleer de invoer")
    elif isinstance(exc, ConflictError):
        title = QCoreApplication.translate("common.messages", "Tegelijk gewijzigd")
    elif isinstance(exc, ConnectionLostError):
        title = QCoreApplication.translate("common.messages", "Verbinding verbroken")
    elif not isinstance(exc, KoersError):
        log.error("unexpected error: %s", type(exc).__name__)
    if title is None:
        title = QCoreApplication.translate("common.messages", "Koers")
    QMessageBox.warning(parent, title, user_message(exc))
