"""The "Auditlogboek" tab: browse and filter the trail; answer a data-subject access request."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import clock
from app.services.admin import users
from app.services.admin.subject_access import SavedExport, save_subject_access
from app.services.common import audit
from app.services.common.audit import AuditRow
from app.services.common.file_names import file_name
from app.ui.common.fields import combo_value, fill_combo, set_combo_value
from app.ui.common.messages import show_error
from app.ui.common.save_dialog import ask_save_path
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace

AT, USER, ACTION, ENTITY, ENTITY_ID, DETAIL = range(6)
HEADERS = [
    QT_TRANSLATE_NOOP("admin.audit_log", "Tijdstip"),
    QT_TRANSLATE_NOOP("admin.audit_log", "Gebruiker"),
    QT_TRANSLATE_NOOP("admin.audit_log", "Actie"),
    QT_TRANSLATE_NOOP("admin.audit_log", "Onderdeel"),
    QT_TRANSLATE_NOOP("admin.audit_log", "Id"),
    QT_TRANSLATE_NOOP("admin.audit_log", "Toelichting"),
]
LIMIT = 500


NO_DATE = QDate(2000, 1, 1)


def local_time(at: datetime) -> datetime:
    """The trail stores UTC; people read their own clock."""
    return at.replace(tzinfo=UTC).astimezone()


_DISPLAY = {
    AT: lambda r: local_time(r.at).strftime("%d-%m-%Y %H:%M:%S"),
    USER: lambda r: r.user_name or ("—" if r.user_id is None else f"#{r.user_id}"),
    ACTION: lambda r: r.action_label,
    ENTITY: lambda r: r.entity_label,
    ENTITY_ID: lambda r: "" if r.entity_id is None else str(r.entity_id),
    DETAIL: lambda r: r.detail_label,
}
_SORT_KEY = {
    **_DISPLAY,
    AT: lambda r: r.id,
    ENTITY_ID: lambda r: r.entity_id if r.entity_id is not None else -1,
}


class AuditModel(RowTableModel[AuditRow]):
    def __init__(self, parent=None) -> None:
        super().__init__(
            [QCoreApplication.translate("admin.audit_log", h) for h in HEADERS],
            _DISPLAY,
            _SORT_KEY,
            parent=parent,
        )


def _filter_choices(session, actor) -> tuple[list[str], list[tuple[str, int]]]:
    """The actions and the users to filter on, read in one transaction."""
    actions = audit.actions_in_use(session, actor)
    people = [(f"{u.display_name} ({u.username})", u.id) for u in users.list_users(session, actor)]
    return actions, people


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(NO_DATE)
    # At the minimum the field shows a dash and filters nothing.
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)
    return edit


def _date_value(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


class AuditLogTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = AuditModel(self)
        self.table = make_table(
            self.model,
            widths=[150, 160, 230, 230, 60],
            sortable=True,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.table.setAccessibleName(self.tr("Regels van het auditlogboek"))
        self.action = QComboBox()
        self.user = QComboBox()
        for combo in (self.action, self.user):
            # Long action names would widen the window past a 1024 px screen; the open
            # list shows them whole.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
        self.student = QLineEdit(placeholderText=self.tr("leerlingnummer of id"))
        self.student.setMinimumWidth(170)
        self.since = _date_edit()
        self.until = _date_edit()
        self.search_button = QPushButton(self.tr("Zoeken"))
        self.clear_button = QPushButton(self.tr("Filters wissen"))
        self.subject_button = QPushButton(self.tr("Inzageverzoek uitvoeren…"))
        self.subject_button.setToolTip(
            self.tr(
                "Alles wat Koers over één leerling bewaart, als bestand (AVG-inzageverzoek: "
                "binnen een maand beantwoorden)."
            )
        )
        self.verify_button = QPushButton(self.tr("Logboek controleren"))
        self.verify_button.setToolTip(
            self.tr(
                "Controleert of geen regel is gewijzigd en of er sinds het laatste "
                "controlepunt geen regels zijn weggehaald."
            )
        )
        self.checkpoint_button = QPushButton(self.tr("Controlepunt afdrukken…"))
        self.checkpoint_button.setToolTip(
            self.tr(
                "Eén regel voor het archief van de school: hoeveel regels het logboek nu "
                "telt, met een handtekening. Zo blijft later te zien of er iets ontbreekt."
            )
        )
        self.count_label = QLabel()
        self._choices_loaded = False
        self._build()
        self.search_button.clicked.connect(self.search)
        self.clear_button.clicked.connect(self.clear_filters)
        self.student.returnPressed.connect(self.search)
        self.subject_button.clicked.connect(self.ask_subject_access)
        self.verify_button.clicked.connect(self.verify)
        self.checkpoint_button.clicked.connect(self.print_checkpoint)

    def _build(self) -> None:
        fill_combo(self.action, [], empty=self.tr("Alle acties"))
        fill_combo(self.user, [], empty=self.tr("Alle gebruikers"))
        # Two lines of filters, so the tab fits a 1024 px screen with whole captions.
        filters = QGridLayout()
        for row, column, caption, widget in [
            (0, 0, self.tr("Actie"), self.action),
            (0, 1, self.tr("Gebruiker"), self.user),
            (0, 2, self.tr("Leerling"), self.student),
            (2, 0, self.tr("Van"), self.since),
            (2, 1, self.tr("Tot en met"), self.until),
        ]:
            label = QLabel(caption)
            label.setObjectName("filterCaption")
            label.setBuddy(widget)
            filters.addWidget(label, row, column)
            filters.addWidget(widget, row + 1, column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        filters.addLayout(buttons, 3, 2)
        filters.setColumnStretch(3, 1)

        # Newest first, as the service returns them; a header click sorts in the model.
        self.table.sortByColumn(AT, Qt.SortOrder.DescendingOrder)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.checkpoint_button)
        bottom.addWidget(self.subject_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # --- data ---------------------------------------------------------------------------
    def load(self) -> None:
        if not self._choices_loaded:
            self.workspace.call(
                _filter_choices, on_success=self._show_choices, on_error=self._failed
            )
        self.search()

    def _show_choices(self, choices: tuple[list[str], list[tuple[str, int]]]) -> None:
        actions, people = choices
        current_action, current_user = combo_value(self.action), combo_value(self.user)
        fill_combo(
            self.action, [(audit.action_label(a), a) for a in actions], empty=self.tr("Alle acties")
        )
        fill_combo(self.user, people, empty=self.tr("Alle gebruikers"))
        set_combo_value(self.action, current_action)
        set_combo_value(self.user, current_user)
        self._choices_loaded = True

    def filters(self) -> dict:
        return {
            "action": combo_value(self.action),
            "user_id": combo_value(self.user),
            "student": self.student.text().strip() or None,
            "since": _date_value(self.since),
            "until": _date_value(self.until),
            "limit": LIMIT,
        }

    def search(self) -> None:
        wanted = self.filters()
        self.workspace.call(
            lambda session, actor: audit.browse(session, actor, **wanted),
            on_success=self.show_rows,
            on_error=self._failed,
        )

    def show_rows(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        text = self.tr("{n} regels").format(n=len(rows))
        if len(rows) >= LIMIT:
            text += " " + self.tr("(de nieuwste {limit}; verfijn de filters voor oudere)").format(
                limit=LIMIT
            )
        self.count_label.setText(text)

    def clear_filters(self) -> None:
        self.action.setCurrentIndex(0)
        self.user.setCurrentIndex(0)
        self.student.clear()
        self.since.setDate(NO_DATE)
        self.until.setDate(NO_DATE)
        self.search()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- data-subject access ------------------------------------------------------------
    def ask_subject_access(self) -> None:
        key, ok = QInputDialog.getText(
            self,
            self.tr("Inzageverzoek"),
            self.tr("Leerlingnummer (LAS) van de leerling die om inzage vraagt:"),
            text=self.student.text().strip(),
        )
        if not ok or not key.strip():
            return
        path = ask_save_path(
            self,
            self.tr("Inzagegegevens opslaan"),
            file_name("inzageverzoek", key, clock.today(), "json"),
            self.tr("JSON-bestanden (*.json)"),
        )
        if path:
            self.export_subject_access(key.strip(), path)

    def export_subject_access(self, key: str, path: str) -> None:
        self.workspace.call(
            save_subject_access,
            key,
            path,
            on_success=self._subject_access_saved,
            on_error=self._failed,
        )

    def _subject_access_saved(self, saved: SavedExport) -> None:
        QMessageBox.information(
            self,
            self.tr("Inzageverzoek"),
            self.tr(
                "Opgeslagen in {path}: {rows} gegevensrijen en "
                "{audit_entries} regels uit het auditlogboek. Het verzoek "
                "staat in het auditlogboek."
            ).format(path=saved.path, rows=saved.rows, audit_entries=saved.audit_entries),
        )
        self.search()

    # --- the chain and its checkpoint ---------------------------------------------------
    def verify(self) -> None:
        self.workspace.call(audit.check_chain, on_success=self._verified)

    def _verified(self, report: audit.ChainReport) -> None:
        if report.intact:
            QMessageBox.information(
                self,
                self.tr("Auditlogboek"),
                self.tr("Auditlogboek in orde: {n} regels.").format(n=report.entries),
            )
            return
        lines = list(report.missing)
        if report.broken_at is not None:
            lines.insert(
                0,
                self.tr("Auditlogboek beschadigd vanaf regel {n}.").format(n=report.broken_at),
            )
        QMessageBox.warning(self, self.tr("Auditlogboek"), "\n".join(lines))

    def print_checkpoint(self) -> None:
        self.workspace.call(audit.checkpoint_for_print, on_success=self._show_checkpoint)

    def _show_checkpoint(self, line: str) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Controlepunt auditlogboek"))
        box.setText(line)
        box.setInformativeText(self.tr("Druk deze regel af en bewaar hem bij de schoolstukken."))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        print_button = box.addButton(self.tr("Afdrukken…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is print_button:
            _print_line(self, line)


def _print_line(parent: QWidget, line: str) -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    if QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted:
        document = QTextDocument()
        document.setPlainText(line)
        document.print_(printer)
