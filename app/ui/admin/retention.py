"""The "Bewaartermijn" tab: how long files are kept, what is past it, and removing that.

Nothing is removed before the coordinator has seen the list and confirmed a question that
names the count. The same list is offered once after log-in when files are due
(`offer_purge_at_start`).
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import clock
from app.core.validation import format_date, today
from app.services.admin import retention
from app.services.admin.retention import PurgeCandidate, PurgeResult, RetentionSettings
from app.ui.common.messages import show_error
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace

log = logging.getLogger(__name__)

HEADERS = [
    QT_TRANSLATE_NOOP("admin.retention", "Leerling"),
    QT_TRANSLATE_NOOP("admin.retention", "Uitstroom"),
    QT_TRANSLATE_NOOP("admin.retention", "Einde nazorg"),
    QT_TRANSLATE_NOOP("admin.retention", "Bewaren tot"),
]
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _files(n: int) -> str:
    return QCoreApplication.translate("admin.retention", "1 dossier") if n == 1 else f"{n} dossiers"


def _months(n: int) -> str:
    return QCoreApplication.translate("admin.retention", "1 maand") if n == 1 else f"{n} maanden"


def confirmation_text(count: int) -> str:
    return QCoreApplication.translate(
        "admin.retention",
        "{count} definitief verwijderen?\n\nAlles over {value} gaat uit "
        "alle onderdelen van Koers: personalia, profiel, traject, "
        "stages, gesprekken, nazorg en toestemmingen. Dit kan niet "
        "ongedaan worden gemaakt. Het auditlogboek houdt alleen bij "
        "dát er verwijderd is, zonder namen.",
    ).format(
        count=_files(count).capitalize(),
        value=QCoreApplication.translate("admin.retention", "deze leerling")
        if count == 1
        else QCoreApplication.translate("admin.retention", "deze leerlingen"),
    )


class RetentionTab(QWidget):
    """Coordinator only (like all of Beheer); the services refuse anyone else as well."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today: date | None = None  # None: the real date (tests fix one)
        self.candidates: list[PurgeCandidate] = []
        self.settings: RetentionSettings | None = None
        may_purge = workspace.actor.is_coordinator

        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.months = QSpinBox()
        self.months.setRange(retention.MIN_RETENTION_MONTHS, retention.MAX_RETENTION_MONTHS)
        self.months.setSuffix(self.tr(" maanden"))
        self.months.setAccessibleName(self.tr("Bewaartermijn na de nazorg, in maanden"))
        self.months.setEnabled(may_purge)
        self.save_button = QPushButton(self.tr("Opslaan"))
        self.save_button.setEnabled(may_purge)
        self.preview_button = QPushButton(self.tr("Bekijk wat verwijderd wordt"))
        self.preview_button.setEnabled(may_purge)
        self.purge_button = QPushButton(self.tr("Verwijderen…"))
        self.purge_button.setEnabled(False)
        self.table = make_table(
            [QCoreApplication.translate("admin.retention", h) for h in HEADERS],
            resize=QHeaderView.ResizeMode.ResizeToContents,
            stretch=[0],
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.table.setAccessibleName(self.tr("Dossiers voorbij de bewaartermijn"))
        self.count_label = QLabel(self.tr("Klik op ‘Bekijk wat verwijderd wordt’ voor de lijst."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        if not may_purge:
            self.status.setText(retention.PURGE_COORDINATOR)
        self._build()
        self.save_button.clicked.connect(self.save_setting)
        self.preview_button.clicked.connect(self.preview)
        self.purge_button.clicked.connect(self.purge)

    def _build(self) -> None:
        form = QFormLayout()
        setting = QHBoxLayout()
        setting.addWidget(self.months)
        setting.addWidget(self.save_button)
        setting.addStretch(1)
        form.addRow(self.tr("Bewaren na de nazorg:"), setting)

        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.purge_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.status)

    def _today(self) -> date:
        return self.today or today()

    # --- the setting ----------------------------------------------------------------------
    def load(self) -> None:
        self.workspace.call(
            retention.retention_settings, on_success=self.show_settings, on_error=self._failed
        )

    def show_settings(self, settings: RetentionSettings) -> None:
        self.settings = settings
        self.months.setValue(settings.retention_months)
        total = settings.aftercare_months + settings.retention_months
        self.explanation.setText(
            self.tr(
                "Na de uitstroom loopt de nazorg {aftercare_months}. Daarna "
                "wordt een dossier nog {retention_months} bewaard, dus tot "
                "{total} na de uitstroom. Is die termijn voorbij, dan wordt "
                "het dossier uit alle onderdelen van Koers verwijderd, en "
                "back-ups ouder dan de bewaartermijn ook."
            ).format(
                aftercare_months=_months(settings.aftercare_months),
                retention_months=_months(settings.retention_months),
                total=_months(total),
            )
        )

    def save_setting(self) -> None:
        self.workspace.call(
            retention.set_retention_months,
            self.months.value(),
            on_success=self._setting_saved,
            on_error=self._failed,
        )

    def _setting_saved(self, settings: RetentionSettings) -> None:
        self.show_settings(settings)
        self.status.setText(
            self.tr("Bewaartermijn opgeslagen: {retention_months}.").format(
                retention_months=_months(settings.retention_months)
            )
        )
        if self.candidates or self.table.rowCount():
            self.preview()

    # --- the preview and the purge --------------------------------------------------------
    def preview(self) -> None:
        self.workspace.call(
            retention.due_for_purge,
            self._today(),
            on_success=self.show_candidates,
            on_error=self._failed,
        )

    def show_candidates(self, candidates: list[PurgeCandidate]) -> None:
        self.candidates = list(candidates)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.candidates))
        for row, candidate in enumerate(self.candidates):
            cells = [
                candidate.display_name,
                format_date(candidate.outflow_date),
                format_date(candidate.aftercare_end),
                format_date(candidate.retention_end),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, candidate.student_id)
                self.table.setItem(row, column, item)
        n = len(self.candidates)
        self.count_label.setText(
            self.tr("{n} voorbij de bewaartermijn.").format(n=_files(n).capitalize())
            if n
            else self.tr("Geen dossiers voorbij de bewaartermijn.")
        )
        self.purge_button.setEnabled(bool(n) and self.workspace.actor.is_coordinator)

    def confirm(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Dossiers verwijderen"),
            confirmation_text(count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def purge(self) -> None:
        ids = [c.student_id for c in self.candidates]
        if not ids or not self.confirm(len(ids)):
            return
        self.purge_button.setEnabled(False)
        self.workspace.call(
            retention.purge, ids, self._today(), on_success=self._purged, on_error=self._failed
        )

    def _purged(self, result: PurgeResult) -> None:
        self.status.setText(
            self.tr("{count} verwijderd.").format(count=_files(result.count).capitalize())
        )
        self.workspace.call(
            retention.remove_old_backups,
            clock.now(),
            on_success=self._backups_removed,
            on_error=self._failed,
        )
        self.preview()

    def _backups_removed(self, count: int) -> None:
        if count:
            self.status.setText(
                self.tr("{status} {count} oude back-up{value} verwijderd.").format(
                    status=self.status.text(), count=count, value="s" if count != 1 else ""
                )
            )

    def _failed(self, exc: BaseException) -> None:
        self.purge_button.setEnabled(bool(self.candidates) and self.workspace.actor.is_coordinator)
        show_error(self, exc)


class PurgeDialog(QDialog):
    """The retention tab in a window of its own, opened from the question after log-in."""

    def __init__(
        self,
        workspace: Workspace,
        candidates: list[PurgeCandidate],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dossiers voorbij de bewaartermijn"))
        self.resize(720, 480)
        self.tab = RetentionTab(workspace, self)
        self.tab.load()
        self.tab.show_candidates(candidates)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tab, 1)
        layout.addWidget(close)


def offer_purge_at_start(
    parent: QWidget, workspace: Workspace, *, on_day: date | None = None
) -> None:
    """After a coordinator logs in: when files are past their retention date, say so and
    offer the list (nothing is removed without the confirmation in the list)."""

    def offer(candidates: list[PurgeCandidate]) -> None:
        if not candidates:
            return
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("admin.retention", "Bewaartermijn verstreken"),
            QCoreApplication.translate(
                "admin.retention",
                "{candidates} {value} voorbij de bewaartermijn. Wilt u nu "
                "bekijken wat er verwijderd wordt?",
            ).format(
                candidates=_files(len(candidates)).capitalize(),
                value="is" if len(candidates) == 1 else "zijn",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        dialog = PurgeDialog(workspace, candidates, parent)
        dialog.tab.today = on_day
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # owned by its parent while it shows

    if not workspace.actor.is_coordinator:
        return
    workspace.call(
        retention.due_at_start,
        on_day or today(),
        on_success=offer,
        on_error=_start_check_failed,
    )


def _start_check_failed(exc: BaseException) -> None:
    # A check at start never blocks the window; the tab in Beheer shows the same list.
    log.warning("retention check at start failed: %s", type(exc).__name__)
