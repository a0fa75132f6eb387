"""The questions around a restore: the offer when the database is damaged at start, the
confirmation, and the password that opens the backup's key file."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

if TYPE_CHECKING:
    from app.db.backup import BackupInfo
    from app.services.admin.maintenance import StartReport
    from app.ui.workspace import Workspace


def when(info: BackupInfo) -> str:
    return info.created.strftime("%d-%m-%Y %H:%M")


def offer_restore(parent: QWidget | None, report: StartReport) -> bool:
    """Shown at start when the integrity check failed; True when the user wants the offer."""
    details = "\n".join(report.problems[:5])
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("common.restore_offer", "Database beschadigd"))
    box.setText(report.message)
    if details:
        box.setDetailedText(details)
    if report.offer is None:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
        return False
    restore = box.addButton(
        QCoreApplication.translate("common.restore_offer", "Terugzetten…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("common.restore_offer", "Alleen-lezen openen"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def confirm_restore(parent: QWidget | None, info: BackupInfo) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("common.restore_offer", "Back-up terugzetten"),
        QCoreApplication.translate(
            "common.restore_offer",
            "De database wordt vervangen door de back-up van {info}.\n\nWat "
            "sindsdien is ingevoerd, staat niet in die back-up. De "
            "huidige database wordt niet verwijderd maar bewaard naast de "
            "nieuwe (…voor-herstel-…). Daarna meldt Koers u "
            "af.\n\nDoorgaan?",
        ).format(info=when(info)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_password(parent: QWidget | None, username: str) -> str | None:
    """The password that opens the backup (and confirms that this is meant)."""
    password, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("common.restore_offer", "Bevestigen met wachtwoord"),
        QCoreApplication.translate(
            "common.restore_offer",
            "Wachtwoord van {username} (het wachtwoord dat gold toen de back-up werd gemaakt):",
        ).format(username=username),
        QLineEdit.EchoMode.Password,
    )
    return password if ok and password else None


def offer_and_restore(
    parent: QWidget | None,
    workspace: Workspace,
    report: StartReport,
    on_restored: Callable[[Any], None],
    *,
    offer: Callable[[QWidget | None, StartReport], bool] = offer_restore,
    password: Callable[[QWidget | None, str], str | None] = ask_password,
) -> bool:
    """The whole offer at start: ask, confirm with the password, restore on the worker.

    The store is already read-only (maintenance.start_checks). Returns whether a restore
    was started; `on_restored(RestoreResult)` runs when it is done (the caller logs out
    then); errors are shown here.
    """
    from app.services.admin import maintenance
    from app.ui.common.messages import show_error

    # Without a good backup the offer is only the warning (offer_restore returns False).
    if report.ok or not offer(parent, report) or report.offer is None:
        return False
    secret = password(parent, workspace.actor.username)
    if secret is None:
        return False
    store, actor, path = workspace.store, workspace.actor, report.offer.path
    workspace.runner.submit(
        lambda: maintenance.restore(store, actor, path, secret),
        on_restored,
        lambda exc: show_error(
            parent, exc, QCoreApplication.translate("common.restore_offer", "Terugzetten mislukt")
        ),
    )
    return True
