"""The "Back-ups" tab: the backups of the embedded database, a backup now, a restore."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.backup import BackupInfo, RestoreResult
from app.services.admin import maintenance
from app.ui.admin.security_note import security_note
from app.ui.common import restore_offer
from app.ui.common.messages import show_error
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace

DATE, KIND, SIZE, VERIFIED = range(4)
HEADERS = [
    QT_TRANSLATE_NOOP("admin.backups", "Datum"),
    QT_TRANSLATE_NOOP("admin.backups", "Soort"),
    QT_TRANSLATE_NOOP("admin.backups", "Grootte"),
    QT_TRANSLATE_NOOP("admin.backups", "Gecontroleerd"),
]


def kind_text(info: BackupInfo) -> str:
    if info.label == "dagelijks":
        return QCoreApplication.translate("admin.backups", "Dagelijks")
    if info.label == "handmatig":
        return QCoreApplication.translate("admin.backups", "Met de hand")
    if info.label.startswith("voor-upgrade"):
        return QCoreApplication.translate("admin.backups", "Voor een update")
    return info.label or QCoreApplication.translate("admin.backups", "Onbekend")


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return QCoreApplication.translate("admin.backups", "{value} kB").format(
            value=max(1, round(size / 1024))
        )
    return (
        QCoreApplication.translate("admin.backups", "{size:.1f} MB")
        .format(size=size / (1024 * 1024))
        .replace(".", ",")
    )


def verified_text(info: BackupInfo) -> str:
    if info.verified is None:
        return QCoreApplication.translate("admin.backups", "Ja, bij het maken")
    return (
        QCoreApplication.translate("admin.backups", "In orde")
        if info.verified
        else QCoreApplication.translate("admin.backups", "Beschadigd of niet te openen")
    )


_DISPLAY = {
    DATE: restore_offer.when,
    KIND: kind_text,
    SIZE: lambda info: size_text(info.size),
    VERIFIED: verified_text,
}
_SORT_KEY = {
    DATE: lambda info: info.created,
    KIND: kind_text,
    SIZE: lambda info: info.size,
    VERIFIED: verified_text,
}


class BackupsModel(RowTableModel[BackupInfo]):
    def __init__(self, parent=None) -> None:
        super().__init__(
            [QCoreApplication.translate("admin.backups", h) for h in HEADERS],
            _DISPLAY,
            _SORT_KEY,
            tooltip=lambda info: str(info.path),
            parent=parent,
        )


class BackupsTab(QWidget):
    """Built from the workspace; loads when first shown (see AdminView).

    `restored` is emitted after a restore: the database under this window has been
    replaced, so the main window should log out. The dialogs are parameters so a test can
    answer them.
    """

    restored = Signal(object)  # RestoreResult

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        confirm: Callable[[QWidget | None, BackupInfo], bool] = restore_offer.confirm_restore,
        ask_password: Callable[[QWidget | None, str], str | None] = restore_offer.ask_password,
        inform: Callable[[QWidget | None, str, str], object] = QMessageBox.information,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.confirm = confirm
        self.ask_password = ask_password
        self.inform = inform
        self._busy = False
        self.model = BackupsModel(self)
        self.table = make_table(self.model, widths=[160, 150, 100])
        self.table.setAccessibleName(self.tr("Back-ups"))
        self.backup_button = QPushButton(self.tr("Nu back-up maken"))
        self.restore_button = QPushButton(self.tr("Terugzetten…"))
        self.verify_button = QPushButton(self.tr("Alles controleren"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._build()
        self.backup_button.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        self.verify_button.clicked.connect(lambda: self.load(verify=True))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _build(self) -> None:
        explanation = QLabel(
            self.tr(
                "Koers maakt elke dag en voor elke update een back-up, versleuteld zoals de "
                "database, en controleert elke back-up door haar te openen. De tien nieuwste "
                "blijven bewaard. Bewaar ook af en toe een kopie van de map met back-ups op een "
                "andere plek."
            )
        )
        explanation.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.verify_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(security_note(self))

    # --- data ---------------------------------------------------------------------------
    def load(self, verify: bool = False) -> None:
        store, actor = self.workspace.store, self.workspace.actor
        if store.sqlite_file is None:
            self.status.setText(maintenance.ONLY_EMBEDDED)
            for button in (self.backup_button, self.restore_button, self.verify_button):
                button.setEnabled(False)
            return
        if verify:
            self._set_busy(True, self.tr("De back-ups worden gecontroleerd…"))
        self.workspace.runner.submit(
            lambda: maintenance.list_backups(store, actor, verify=verify),
            self.show_backups,
            self._failed,
        )

    def show_backups(self, rows: list[BackupInfo]) -> None:
        self._set_busy(False)
        self.model.set_rows(rows)
        if not rows:
            self.status.setText(self.tr("Er zijn nog geen back-ups."))
        else:
            self.status.setText(
                self.tr("{rows} back-ups in {parent}.").format(
                    rows=len(rows), parent=rows[0].path.parent
                )
            )

    def selected(self) -> BackupInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_at(index.row())

    def _update_buttons(self) -> None:
        embedded = self.workspace.store.sqlite_file is not None
        busy = self._busy
        self.backup_button.setEnabled(embedded and not busy and not self.workspace.store.read_only)
        self.restore_button.setEnabled(embedded and not busy and self.selected() is not None)
        self.verify_button.setEnabled(embedded and not busy and self.model.rowCount() > 0)

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        if message:
            self.status.setText(message)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText("")
        show_error(self, exc)

    # --- actions ------------------------------------------------------------------------
    def make_backup(self) -> None:
        store, actor = self.workspace.store, self.workspace.actor
        self._set_busy(True, self.tr("Back-up wordt gemaakt en gecontroleerd…"))
        self.workspace.runner.submit(
            lambda: maintenance.backup_now(store, actor), self._backup_made, self._failed
        )

    def _backup_made(self, info: BackupInfo) -> None:
        self._set_busy(False)
        self.load()
        self.status.setText(
            self.tr("Back-up gemaakt en gecontroleerd: {name}").format(name=info.path.name)
        )

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not self.confirm(self, info):
            return
        password = self.ask_password(self, self.workspace.actor.username)
        if password is None:
            return
        store, actor = self.workspace.store, self.workspace.actor
        self._set_busy(True, self.tr("De back-up wordt teruggezet…"))
        self.workspace.runner.submit(
            lambda: maintenance.restore(store, actor, info.path, password),
            self._restored,
            self._failed,
        )

    def _restored(self, result: RestoreResult) -> None:
        self._set_busy(False)
        moved = result.moved_aside[0].name if result.moved_aside else ""
        text = self.tr("De back-up {name} is teruggezet.").format(name=result.restored_from.name)
        if moved:
            text += self.tr("De vorige database is bewaard als {moved}.").format(moved=moved)
        self.status.setText(text)
        self.inform(self, self.tr("Back-up teruggezet"), text + self.tr(" Meld u opnieuw aan."))
        self.restored.emit(result)
