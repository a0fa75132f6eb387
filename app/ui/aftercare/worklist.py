"""The "Mijn nazorg" tab: the calls due this week, overdue and coming up, and the
proposed drop-out reports."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date, today
from app.models import CallKind, SignalKind
from app.services.admin import accounts
from app.services.aftercare import plan as aftercare
from app.services.aftercare import student_file as aftercare_file
from app.services.aftercare.calls import CallOutcome
from app.services.aftercare.plan import OVERDUE, THIS_WEEK, Worklist, WorklistRow
from app.services.aftercare.student_file import ProposalLine
from app.services.common.file_names import file_name
from app.services.common.labels import DESTINATION, SIGNAL_KIND
from app.services.consent.dropout_report import send_dropout_report
from app.services.consent.gate import ConsentRefusedError
from app.services.consent.sending import ExportResult
from app.ui.aftercare.call_dialog import CallDialog
from app.ui.common.messages import show_error
from app.ui.common.save_dialog import ask_save_path
from app.ui.common.table_model import ROW_ROLE, RowTableModel
from app.ui.common.tables import make_table
from app.ui.workspace import Workspace

BUCKET = {
    OVERDUE: QT_TRANSLATE_NOOP("aftercare.worklist", "Te laat"),
    THIS_WEEK: QT_TRANSLATE_NOOP("aftercare.worklist", "Deze week"),
    aftercare.UPCOMING: QT_TRANSLATE_NOOP("aftercare.worklist", "Binnenkort"),
}
BUCKET_ORDER = {OVERDUE: 0, THIS_WEEK: 1, aftercare.UPCOMING: 2}


def _mentors(session, _actor) -> list[tuple[int, str]]:
    return accounts.mentors(session, _actor)


def moment(row: WorklistRow) -> str:
    months = row.months_after_outflow
    base = f"{months} mnd" if months else ""
    if row.kind is CallKind.RETRY:
        return (
            QCoreApplication.translate("aftercare.worklist", "{base}, nieuwe poging")
            .format(base=base)
            .lstrip(", ")
        )
    if row.kind is CallKind.WAAKVLAM or row.waakvlam:
        return (
            QCoreApplication.translate("aftercare.worklist", "{base}, waakvlam")
            .format(base=base)
            .lstrip(", ")
        )
    return base


def destination(row: WorklistRow) -> str:
    text = (
        DESTINATION.get(
            row.destination, QCoreApplication.translate("aftercare.worklist", "Onbekend")
        )
        if row.destination
        else QCoreApplication.translate("aftercare.worklist", "Onbekend")
    )
    return f"{text}, {row.place}" if row.place else text


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def due_text(n: int) -> str:
    if n == 0:
        return QCoreApplication.translate(
            "aftercare.worklist", "Er staan geen nazorgcontacten voor deze week of eerder open."
        )
    return QCoreApplication.translate(
        "aftercare.worklist", "{n} te doen (deze week of te laat)."
    ).format(n=_count(n, "nazorgcontact", "nazorgcontacten"))


class WorklistModel(RowTableModel[WorklistRow]):
    def __init__(self, with_mentor: bool, parent=None) -> None:
        headers = [
            self.tr("Wanneer"),
            self.tr("Status"),
            self.tr("Oud-leerling"),
            self.tr("Telefoon"),
            self.tr("Bestemming"),
            self.tr("Moment"),
        ]
        headers += [self.tr("Laatste contact"), self.tr("Signalen")]
        display = {
            0: lambda r: format_date(r.due_date),
            1: lambda r: QCoreApplication.translate("aftercare.worklist", BUCKET[r.bucket]),
            2: lambda r: r.student_name,
            3: lambda r: r.phone,
            4: destination,
            5: moment,
            6: lambda r: r.last_call or self.tr("Nog geen contact"),
            7: lambda r: str(r.open_signals) if r.open_signals else "",
        }
        sort_key = dict(display)
        sort_key[0] = lambda r: (r.due_date, r.call_id)
        sort_key[1] = lambda r: (BUCKET_ORDER[r.bucket], r.due_date)
        sort_key[7] = lambda r: r.open_signals
        if with_mentor:
            headers.append(self.tr("Mentor"))
            display[8] = sort_key[8] = lambda r: r.mentor_name
        super().__init__(headers, display, sort_key, tooltip=lambda r: r.last_call, parent=parent)


class WorklistTab(QWidget):
    open_student_requested = Signal(int)
    loaded = Signal(object)  # the Worklist just shown

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.on: date | None = None  # None: the real date (tests fix one)
        actor = workspace.actor
        self.sees_all = actor.is_coordinator or not actor.may_edit
        self.model = WorklistModel(self.sees_all, self)
        self.worklist: Worklist | None = None
        self.mentor = QComboBox()
        self.mentor.setAccessibleName(self.tr("Mentor"))
        self.mentor.addItem(self.tr("Alle mentoren"), None)
        self.summary = QLabel()
        self.summary.setObjectName("dueSummary")
        self.status = QLabel()
        self.status.setWordWrap(True)
        # Together within the table's width at 1280 px; the last contact is also its tooltip.
        widths = [85, 80, 140, 90, 160, 150, 140, 70, 115][: self.model.columnCount()]
        self.table = make_table(self.model, widths=widths, sort_by=0, word_wrap=False)
        self.table.setAccessibleName(self.tr("Mijn nazorg"))
        self.log_button = QPushButton(self.tr("&Contact vastleggen…"))
        self.log_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("Dossier openen"))
        self.open_button.setEnabled(False)
        self.reassign_button = QPushButton(self.tr("Andere mentor…"))
        self.reassign_button.setToolTip(self.tr("Dit nazorgcontact aan een andere mentor geven"))
        self.reassign_button.setEnabled(False)
        self.reassign_button.setVisible(actor.is_coordinator)
        self.proposals = QListWidget()
        self.proposals.setAccessibleName(self.tr("Voorstellen voor een melding"))
        self.proposals.setMaximumHeight(72)
        self.pdf_button = QPushButton(self.tr("Concept-melding opslaan als PDF…"))
        self.pdf_button.setEnabled(False)
        self.pdf_button.setVisible(actor.is_coordinator)
        # Sending goes through the consent gate (consent for 'nazorg' to the municipality).
        self.send_button = QPushButton(self.tr("Versturen naar gemeente…"))
        self.send_button.setToolTip(
            self.tr(
                "Slaat de melding op voor de woongemeente, alleen als daarvoor toestemming "
                "(nazorg) is vastgelegd; het voorstel staat daarna op verstuurd."
            )
        )
        self.send_button.setEnabled(False)
        self.send_button.setVisible(actor.is_coordinator)
        self._build()
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.table.activated.connect(lambda _index: self.log_selected())
        self.log_button.clicked.connect(self.log_selected)
        self.open_button.clicked.connect(self._open_selected)
        self.reassign_button.clicked.connect(self.reassign_selected)
        self.mentor.currentIndexChanged.connect(lambda _i: self.refresh())
        self.proposals.currentRowChanged.connect(self._proposal_selection)
        self.pdf_button.clicked.connect(self.save_proposal_pdf)
        self.send_button.clicked.connect(self.send_proposal)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        if self.sees_all:
            top.addWidget(QLabel(self.tr("Mentor:")))
            top.addWidget(self.mentor)
        if self.sees_all:
            self.table.horizontalHeader().moveSection(8, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reassign_button)
        buttons.addStretch(1)
        proposals = QHBoxLayout()
        proposals.addWidget(self.proposals, 1)
        proposal_buttons = QVBoxLayout()
        proposal_buttons.addWidget(self.pdf_button)
        proposal_buttons.addWidget(self.send_button)
        proposal_buttons.addStretch(1)
        proposals.addLayout(proposal_buttons)
        caption = QLabel(
            self.tr(
                "<b>Voorstellen: melding uitval aan het vangnet van de gemeente</b> — vastgelegd, "
                "nog niet verstuurd. Versturen kan alleen met vastgelegde toestemming voor "
                "‘nazorg’ aan de woongemeente."
            )
        )
        caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(caption)
        layout.addLayout(proposals)

    # --- data ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.sees_all and self.mentor.count() == 1:
            self.workspace.call(_mentors, on_success=self._show_mentors, on_error=None)
        self.workspace.call(
            aftercare.worklist,
            self.on or today(),
            self.mentor.currentData(),
            on_success=self.show_worklist,
        )
        self.workspace.call(
            aftercare_file.open_proposals,
            on_success=self.show_proposals,
        )

    def _show_mentors(self, mentors: list[tuple[int, str]]) -> None:
        self.mentor.blockSignals(True)
        for mentor_id, name in mentors:
            self.mentor.addItem(name, mentor_id)
        self.mentor.blockSignals(False)

    def show_worklist(self, worklist: Worklist) -> None:
        self.worklist = worklist
        self.model.set_rows(worklist.rows)
        self.summary.setText(due_text(worklist.due_count))
        self._selection()
        self.loaded.emit(worklist)

    def show_proposals(self, proposals: list[ProposalLine]) -> None:
        self.proposals.clear()
        if not proposals:
            self.proposals.addItem(self.tr("Geen openstaande voorstellen."))
            self.proposals.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
            return
        for p in proposals:
            item = QListWidgetItem(
                self.tr(
                    "{proposed_on} — {student_name} — gemeente {municipality}: "
                    "voorgesteld, niet verstuurd"
                ).format(
                    proposed_on=format_date(p.proposed_on),
                    student_name=p.student_name,
                    municipality=p.municipality or "onbekend",
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.proposals.addItem(item)

    # --- actions ------------------------------------------------------------------------
    def selected_row(self) -> WorklistRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.data(indexes[0], ROW_ROLE) if indexes else None

    def _selection(self, *_args) -> None:
        row = self.selected_row()
        self.log_button.setEnabled(row is not None and self.workspace.actor.may_edit)
        self.open_button.setEnabled(row is not None)
        self.reassign_button.setEnabled(row is not None)

    def _open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_student_requested.emit(row.student_id)

    def reassign_selected(self) -> None:
        row = self.selected_row()
        names = [self.mentor.itemText(i) for i in range(1, self.mentor.count())]
        if row is None or not names:
            return
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Andere mentor"),
            self.tr("Wie belt {student_name}?").format(student_name=row.student_name),
            names,
            0,
            False,
        )
        if not ok:
            return
        mentor_id = self.mentor.itemData(names.index(name) + 1)
        self.workspace.call(
            aftercare.reassign_calls,
            [row.call_id],
            mentor_id,
            on_success=lambda _n: self.refresh(),
        )

    def log_selected(self) -> CallDialog | None:
        row = self.selected_row()
        if row is None or not self.workspace.actor.may_edit:
            return None
        dialog = CallDialog(self.workspace, row, self._logged, self)
        dialog.open()
        return dialog

    def _logged(self, outcome: CallOutcome) -> None:
        parts = [self.tr("Het contact is vastgelegd.")]
        if outcome.retry_call_id:
            parts.append(self.tr("Er staat een nieuwe poging over een week klaar."))
        if SignalKind.UNREACHABLE in outcome.raised:
            parts.append(self.tr("Drie keer op rij niet bereikt: er is een signaal afgegeven."))
        others = [SIGNAL_KIND[k].lower() for k in outcome.raised if k is not SignalKind.UNREACHABLE]
        if others:
            parts.append(self.tr("Signalen: {others}.").format(others=", ".join(others)))
        if outcome.proposal_id:
            parts.append(
                self.tr(
                    "Uitgevallen zonder nieuwe plek: een melding aan het vangnet is voorgesteld "
                    "(niet verstuurd)."
                )
            )
        if outcome.waakvlam:
            parts.append(self.tr("De nazorg gaat verder op een lichte waakvlam (elk half jaar)."))
        self.status.setText(" ".join(parts))
        self.refresh()

    def _proposal_selection(self, row: int) -> None:
        chosen = row >= 0 and self.selected_proposal() is not None
        coordinator = self.workspace.actor.is_coordinator
        self.pdf_button.setEnabled(chosen and coordinator)
        self.send_button.setEnabled(chosen and coordinator)

    def selected_proposal(self) -> ProposalLine | None:
        item = self.proposals.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def ask_save_path(self, title: str, suggestion: str) -> str:
        return ask_save_path(self, title, suggestion, self.tr("PDF (*.pdf)"))

    def send_proposal(self) -> None:
        """Saves the report for the municipality, if the gate allows it; marks it sent."""
        proposal = self.selected_proposal()
        if proposal is None:
            return
        path = self.ask_save_path(
            self.tr("Melding uitval versturen naar de gemeente"),
            file_name("melding-vangnet", proposal.student_name, today()),
        )
        if not path:
            return
        self.workspace.call(
            send_dropout_report,
            proposal.id,
            path,
            on_success=self._sent,
            on_error=self._send_failed,
        )

    def _sent(self, result: ExportResult) -> None:
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr(
                "De melding uitval is opgeslagen in {path} om naar de "
                "gemeente te sturen ({basis}). Het voorstel staat nu op "
                "verstuurd."
            ).format(path=result.path, basis=result.basis)
        )
        self.refresh()

    def _send_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConsentRefusedError):
            self.status.setStyleSheet("color: #9b1c1c;")
            self.status.setText(exc.message)
        else:
            show_error(self, exc)

    def save_proposal_pdf(self) -> None:
        proposal = self.selected_proposal()
        if proposal is None:
            return
        path = self.ask_save_path(
            self.tr("Concept-melding opslaan"),
            file_name("concept-melding-vangnet", proposal.student_name, today()),
        )
        if not path:
            return
        # Written and logged as an export by the service, on the worker.
        self.workspace.call(
            aftercare_file.save_dropout_report_draft,
            proposal.id,
            path,
            on_success=self._written,
            on_error=lambda exc: show_error(self, exc),
        )

    def _written(self, _path: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("De concept-melding is opgeslagen (niet verstuurd)."))
