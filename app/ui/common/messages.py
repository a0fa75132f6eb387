"""Showing errors to the user in Dutch, never as a traceback."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import ConflictError, KoersError, ValidationError

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Er ging iets mis dat Koers niet verwachtte. Er is niets half opgeslagen. "
    "Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder."
)


def user_message(exc: BaseException) -> str:
    if isinstance(exc, KoersError):
        return exc.message
    return UNEXPECTED


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Koers") -> None:
    if isinstance(exc, ValidationError):
        title = "Controleer de invoer"
    elif isinstance(exc, ConflictError):
        title = "Tegelijk gewijzigd"
    elif not isinstance(exc, KoersError):
        log.error("unexpected error: %s", type(exc).__name__)
    QMessageBox.warning(parent, title, user_message(exc))
