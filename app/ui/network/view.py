"""Work area Netwerk (coordinator): organisations and their contact persons, the basis per
data flow, and the batch export of transition reports and the RMC leavers list."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import clock
from app.core.errors import ValidationError
from app.models import Basis, ConsentScope, OrganisationKind
from app.services.common.file_names import file_name
from app.services.common.labels import (
    BASIS,
    CONSENT_SCOPE_SHORT,
    FLOW_DOCUMENT,
    ORGANISATION_KIND,
)
from app.services.consent import batch_process
from app.services.consent.batch_export import BatchOutcome
from app.services.consent.data_flows import list_flows, set_flow_basis
from app.services.consent.leavers_list import export_leavers
from app.services.network import organisations
from app.services.network.cbs_tables import import_cbs_municipalities, import_rmc_regions
from app.services.network.organisations import ContactInput, OrganisationInput, OrganisationRow
from app.ui.common.form_dialog import FormDialog
from app.ui.common.messages import show_error
from app.ui.common.save_dialog import ask_folder, ask_save_path
from app.ui.common.table_model import RowTableModel
from app.ui.common.tables import make_table
from app.ui.tasks import Task
from app.ui.workspace import Workspace


class OrganisationDialog(FormDialog):
    """Adds or edits a partner with its contact persons (one per line: naam; rol; tel; mail)."""

    def __init__(self, workspace: Workspace, regions: list[OrganisationRow], row=None, parent=None):
        super().__init__(
            self.tr("Organisatie wijzigen") if row else self.tr("Nieuwe organisatie"), parent
        )
        self.workspace, self.row = workspace, row
        self.code = QLineEdit(row.code if row else "")
        self.name = QLineEdit(row.name if row else "")
        self.alt_name = QLineEdit(row.alt_name if row else "")
        self.kind = QComboBox()
        for kind in OrganisationKind:
            self.kind.addItem(ORGANISATION_KIND[kind], kind.value)
        if row:
            self.kind.setCurrentIndex(self.kind.findData(row.kind.value))
        self.cbs = QLineEdit(row.cbs_code if row else "")
        self.cbs.setPlaceholderText(self.tr("GM0000, alleen als u hem zeker weet"))
        self.region = QComboBox()
        self.region.addItem("—", None)
        for region in regions:
            self.region.addItem(region.display_name, region.id)
        if row and row.rmc_region_id:
            self.region.setCurrentIndex(self.region.findData(row.rmc_region_id))
        self.address = QLineEdit(row.address if row else "")
        self.active = QCheckBox(self.tr("Actief (er kan naartoe worden uitgevoerd)"))
        self.active.setChecked(row.active if row else True)
        self.contacts = QPlainTextEdit(
            "\n".join(f"{c.name}; {c.role}; {c.phone}; {c.email}" for c in row.contacts)
            if row
            else ""
        )
        self.contacts.setTabChangesFocus(True)  # Tab goes on to the next field
        self.contacts.setPlaceholderText(self.tr("Eén per regel: naam; rol; telefoon; e-mail"))
        form = self.form
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Naam"), self.name)
        form.addRow(self.tr("Tweede naam (bijv. Doorstroompunt)"), self.alt_name)
        form.addRow(self.tr("Soort"), self.kind)
        form.addRow(self.tr("CBS-gemeentecode"), self.cbs)
        form.addRow(self.tr("RMC-regio"), self.region)
        form.addRow(self.tr("Adres"), self.address)
        form.addRow("", self.active)
        form.addRow(self.tr("Contactpersonen"), self.contacts)
        # The fields save_organisation names in a ValidationError, marked when they are wrong.
        self.fields = {
            "code": self.code,
            "name": self.name,
            "alt_name": self.alt_name,
            "kind": self.kind,
            "cbs_code": self.cbs,
            "rmc_region": self.region,
            "address": self.address,
        }

    def data(self) -> OrganisationInput:
        old = {c.name: c.id for c in self.row.contacts} if self.row else {}
        contacts = []
        for line in self.contacts.toPlainText().splitlines():
            parts = [p.strip() for p in line.split(";")] + ["", "", ""]
            if parts[0]:
                contacts.append(
                    ContactInput(parts[0], parts[1], parts[2], parts[3], old.get(parts[0]))
                )
        return OrganisationInput(
            code=self.code.text(),
            name=self.name.text(),
            alt_name=self.alt_name.text(),
            kind=self.kind.currentData(),
            cbs_code=self.cbs.text(),
            rmc_region_id=self.region.currentData(),
            address=self.address.text(),
            notes=self.row.notes if self.row else "",
            active=self.active.isChecked(),
            contacts=contacts,
        )

    def submit(self) -> None:
        self.save()

    def save(self) -> None:
        args = (self.data(), self.row.id, self.row.version) if self.row else (self.data(),)
        self.show_problems({})
        self.workspace.call(
            organisations.save_organisation,
            *args,
            on_success=lambda _: self.accept(),
            on_error=self._refused,
        )

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_error(exc)  # in place, what was typed stays
            return
        show_error(self, exc)


ORG_DISPLAY = {
    0: lambda r: r.code,
    1: lambda r: r.display_name,
    2: lambda r: ORGANISATION_KIND[r.kind],
    3: lambda r: r.cbs_code or "—",
    4: lambda r: r.rmc_region or "—",
    5: lambda r: "ja" if r.active else "nee",
}
CONTACT_DISPLAY = {
    0: lambda c: c.name,
    1: lambda c: c.role,
    2: lambda c: c.phone,
    3: lambda c: c.email,
}


class OrganisationsTab(QWidget):
    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = RowTableModel(
            [
                self.tr("Code"),
                self.tr("Naam"),
                self.tr("Soort"),
                self.tr("CBS-code"),
                self.tr("RMC-regio"),
                self.tr("Actief"),
            ],
            ORG_DISPLAY,
        )
        self.contacts = RowTableModel(
            [self.tr("Contactpersoon"), self.tr("Rol"), self.tr("Telefoon"), self.tr("E-mail")],
            CONTACT_DISPLAY,
        )
        self.table = make_table(
            self.model,
            resize=QHeaderView.ResizeMode.ResizeToContents,
            sortable=True,
            alternating=False,
        )
        self.table.setAccessibleName(self.tr("Organisaties"))
        self.contact_table = make_table(
            self.contacts,
            resize=QHeaderView.ResizeMode.ResizeToContents,
            sortable=True,
            alternating=False,
        )
        self.contact_table.setAccessibleName(self.tr("Contactpersonen"))
        self.new_button = QPushButton(self.tr("Nieuwe organisatie…"))
        self.edit_button = QPushButton(self.tr("Wijzigen…"))
        self.delete_button = QPushButton(self.tr("Verwijderen"))
        self.cbs_button = QPushButton(self.tr("CBS-gemeententabel inlezen…"))
        self.rmc_button = QPushButton(self.tr("Tabel gemeente → RMC-regio inlezen…"))
        self.status = QLabel()
        self.dialog = None
        layout = QVBoxLayout(self)
        # Two rows: editing, then the two imports. In one row the buttons needed 1190 px,
        # wider than a 1024 px screen (or a 2048 px one at 200 %).
        for buttons in (
            (self.new_button, self.edit_button, self.delete_button),
            (self.cbs_button, self.rmc_button),
        ):
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("Contactpersonen van de gekozen organisatie")))
        layout.addWidget(self.contact_table, 1)
        layout.addWidget(self.status)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.table.activated.connect(lambda _i: self.edit(self.selected()))
        self.delete_button.clicked.connect(self.delete)
        self.cbs_button.clicked.connect(lambda: self.import_file(import_cbs_municipalities))
        self.rmc_button.clicked.connect(lambda: self.import_file(import_rmc_regions))
        self.table.selectionModel().selectionChanged.connect(self._show_contacts)

    def refresh(self) -> None:
        self.workspace.call(
            organisations.list_organisations,
            on_success=self._loaded,
        )

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.status.setText(self.tr("{rows} organisaties").format(rows=len(rows)))
        if rows and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)

    def selected(self) -> OrganisationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_contacts(self, *_args) -> None:
        row = self.selected()
        self.contacts.set_rows(list(row.contacts) if row else [])

    def edit(self, row) -> None:
        regions = [r for r in self.model.rows() if r.kind is OrganisationKind.RMC]
        self.dialog = OrganisationDialog(self.workspace, regions, row, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()

    def delete(self) -> None:
        row = self.selected()
        if row is not None:
            self.workspace.call(
                organisations.delete_organisation,
                row.id,
                on_success=lambda _: self.refresh(),
            )

    def import_file(self, use_case) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Tabel inlezen"), "", self.tr("CSV (*.csv *.txt)")
        )
        if not name:
            return

        def done(result) -> None:
            skipped = (
                self.tr("; {skipped} regels overgeslagen").format(skipped=len(result.skipped))
                if result.skipped
                else ""
            )
            self.status.setText(
                self.tr("Ingelezen: {added} toegevoegd, {updated} bijgewerkt{skipped}.").format(
                    added=result.added, updated=result.updated, skipped=skipped
                )
            )
            self.refresh()

        self.workspace.call(
            use_case,
            Path(name).read_bytes(),
            on_success=done,
        )


FLOW_DISPLAY = {
    0: lambda r: FLOW_DOCUMENT[r.document],
    1: lambda r: ORGANISATION_KIND[r.recipient_kind],
    2: lambda r: BASIS[r.basis],
    3: lambda r: r.article or "—",
    4: lambda r: ", ".join(CONSENT_SCOPE_SHORT[s] for s in r.scopes) or "—",
}


class FlowsTab(QWidget):
    """Per data flow: consent (the default) or a legal basis with its article and scopes."""

    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = RowTableModel(
            [
                self.tr("Wat"),
                self.tr("Naar"),
                self.tr("Grondslag"),
                self.tr("Wetsartikel"),
                self.tr("Onderdelen"),
            ],
            FLOW_DISPLAY,
        )
        self.table = make_table(
            self.model,
            resize=QHeaderView.ResizeMode.ResizeToContents,
            sortable=True,
            alternating=False,
        )
        self.table.setAccessibleName(self.tr("Gegevensstromen en grondslagen"))
        self.basis = QComboBox()
        for basis in Basis:
            self.basis.addItem(BASIS[basis], basis.value)
        self.article = QLineEdit()
        self.article.setAccessibleName(self.tr("Wetsartikel"))
        self.article.setPlaceholderText(self.tr("bijv. WVO art. 118h"))
        self.scopes = {s: QCheckBox(CONSENT_SCOPE_SHORT[s]) for s in ConsentScope}
        self.save_button = QPushButton(self.tr("Grondslag opslaan"))
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "Standaard gaat alles op toestemming. Rust een gegevensstroom op een "
                "wettelijke taak "
                "(zoals de melding van vertrekkers aan het RMC), kies dan de wettelijke grondslag, "
                "noem het artikel en kies wat op grond daarvan gedeeld wordt. Dit staat op elk "
                "document dat de school verlaat en in het uitvoerlogboek."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        # The basis and article on one row, the parts it covers under them: on one row the
        # six parts made the tab 1000 px wide, more than a 1024 px screen leaves it.
        edit = QHBoxLayout()
        edit.addWidget(self.basis)
        edit.addWidget(self.article, 1)
        edit.addWidget(self.save_button)
        layout.addLayout(edit)
        parts = QHBoxLayout()
        parts.addWidget(QLabel(self.tr("Geldt voor:")))
        for box in self.scopes.values():
            parts.addWidget(box)
        parts.addStretch(1)
        layout.addLayout(parts)
        # Tab follows the form: basis, article, the parts, then Opslaan.
        chain = [self.article, *self.scopes.values(), self.save_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> None:
        self.workspace.call(
            list_flows,
            on_success=self.model.set_rows,
        )

    def _row(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self, *_args) -> None:
        row = self._row()
        if row is None:
            return
        self.basis.setCurrentIndex(self.basis.findData(row.basis.value))
        self.article.setText(row.article)
        for scope, box in self.scopes.items():
            box.setChecked(scope in row.scopes)

    def save(self) -> None:
        row = self._row()
        if row is None:
            return
        self.workspace.call(
            set_flow_basis,
            row.document.value,
            row.recipient_kind.value,
            self.basis.currentData(),
            self.article.text(),
            [s.value for s, box in self.scopes.items() if box.isChecked()],
            on_success=lambda _: self.refresh(),
        )


LEFT_DISPLAY = {0: lambda r: r[0], 1: lambda r: r[1]}


class BatchTab(QWidget):
    """All leavers of a year to their municipalities; the RMC list; who was left out and why."""

    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today().year)
        self.year.setMaximumWidth(110)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Map voor de uitvoer"))
        self.folder.setPlaceholderText(self.tr("map voor de PDF's"))
        self.folder_button = QPushButton(self.tr("Map kiezen…"))
        self.start_button = QPushButton(self.tr("Overdrachtsdossiers maken"))
        self.cancel_button = QPushButton(self.tr("Afbreken"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setFormat("%v van %m")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rmc = QComboBox()
        self.rmc.setAccessibleName(self.tr("RMC als ontvanger"))
        self.leavers_button = QPushButton(self.tr("Lijst van vertrekkers opslaan (CSV/XLSX)…"))
        self.left_model = RowTableModel(
            [self.tr("Leerling"), self.tr("Niet meegegaan, want")], LEFT_DISPLAY
        )
        self.left_table = make_table(
            self.left_model,
            resize=QHeaderView.ResizeMode.ResizeToContents,
            sortable=True,
            alternating=False,
        )
        self.left_table.setAccessibleName(self.tr("Leerlingen voor de uitvoer"))
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Jaar van uitstroom"), self.year)
        folder = QHBoxLayout()
        folder.addWidget(self.folder, 1)
        folder.addWidget(self.folder_button)
        form.addRow(self.tr("Opslaan in"), folder)
        layout.addLayout(form)
        run = QHBoxLayout()
        run.addWidget(self.start_button)
        run.addWidget(self.cancel_button)
        run.addWidget(self.progress, 1)
        layout.addLayout(run)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Niet uitgevoerd")))
        layout.addWidget(self.left_table, 1)
        rmc = QHBoxLayout()
        rmc.addWidget(QLabel(self.tr("Lijst voor")))
        rmc.addWidget(self.rmc, 1)
        rmc.addWidget(self.leavers_button)
        layout.addLayout(rmc)
        self.folder_button.clicked.connect(self._choose_folder)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.leavers_button.clicked.connect(self.save_leavers)

    def refresh(self) -> None:
        def loaded(rows) -> None:
            current = self.rmc.currentData()
            self.rmc.clear()
            for row in rows:
                if row.kind is OrganisationKind.RMC and row.active:
                    self.rmc.addItem(row.display_name, row.code)
            if current:
                self.rmc.setCurrentIndex(max(0, self.rmc.findData(current)))

        self.workspace.call(
            organisations.list_organisations,
            on_success=loaded,
        )

    def _choose_folder(self) -> None:
        name = ask_folder(self, self.tr("Map voor de overdrachtsdossiers"))
        if name:
            self.folder.setText(name)

    def start(self, at: date | None = None) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.summary.setText(self.tr("Kies eerst een map voor de PDF's."))
            return
        self.progress.setRange(0, 0)
        self.summary.setText(self.tr("Bezig: de vertrekkers worden opgezocht…"))
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        workspace = self.workspace
        request = batch_process.request_for(
            workspace.store, workspace.actor, self.year.value(), folder, at
        )
        # In a child process: 300 reports must not freeze the window (see batch_process).
        self.task = workspace.runner.task(
            batch_process.export_batch,
            request,
            on_progress=self._progress,
            on_success=self._finished,
            on_error=self._failed,
            child_process=True,
        )
        self.task.start()

    def _progress(self, done: int, total: int) -> None:
        if done == 0:  # the first report: the plan is made
            self.progress.setRange(0, max(1, total))
            self.summary.setText(self.tr("Bezig: {total} overdrachtsdossiers…").format(total=total))
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self.task is not None and not self.task.finished:
            self.task.cancel()
            self.summary.setText(
                self.tr("Afbreken… het dossier dat nu gemaakt wordt, wordt nog afgemaakt.")
            )

    def _finished(self, outcome: BatchOutcome) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.left_model.set_rows(outcome.left_out)
        stopped = self.tr(" De uitvoer is afgebroken.") if outcome.cancelled else ""
        self.summary.setText(
            self.tr(
                "{written} overdrachtsdossiers opgeslagen, {left_out} leerlingen niet.{stopped}"
            ).format(written=len(outcome.written), left_out=len(outcome.left_out), stopped=stopped)
        )
        self.last_outcome = outcome

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        show_error(self, exc)

    def save_leavers(self) -> None:
        code = self.rmc.currentData()
        if not code:
            self.summary.setText(self.tr("Er is nog geen RMC-regio in het netwerk."))
            return
        name = ask_save_path(
            self,
            self.tr("Lijst van vertrekkers"),
            file_name(
                "vertrekkers",
                f"{self.rmc.currentText()} {self.year.value()}",
                clock.today(),
                "xlsx",
            ),
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if not name:
            return
        self.workspace.call(
            export_leavers,
            self.year.value(),
            code,
            name,
            on_success=lambda r: self.summary.setText(
                self.tr("Lijst opgeslagen: {named} op naam, {counted} alleen als aantal.").format(
                    named=r.named, counted=r.counted
                )
            ),
        )


class NetworkView(QWidget):
    """The area: built on first open (coordinators only)."""

    open_student_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.organisations = OrganisationsTab(workspace)
        self.flows = FlowsTab(workspace)
        self.batch = BatchTab(workspace)
        self.tabs.addTab(self.organisations, self.tr("Organisaties"))
        self.tabs.addTab(self.flows, self.tr("Grondslagen"))
        self.tabs.addTab(self.batch, self.tr("Uitvoer"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if hasattr(current, "refresh"):
            current.refresh()
