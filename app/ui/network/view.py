"""Work area Netwerk (coordinator): organisations and their contact persons, the basis per
data flow, and the batch export of transition reports and the RMC leavers list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KoersError
from app.models import Basis, ConsentScope, OrganisationKind
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
from app.ui.common.messages import show_error
from app.ui.common.table_model import RowTableModel
from app.ui.workspace import Workspace


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view


class OrganisationDialog(QDialog):
    """Adds or edits a partner with its contact persons (one per line: naam; rol; tel; mail)."""

    def __init__(self, workspace: Workspace, regions: list[OrganisationRow], row=None, parent=None):
        super().__init__(parent)
        self.workspace, self.row = workspace, row
        self.setWindowTitle("Organisatie wijzigen" if row else "Nieuwe organisatie")
        self.code = QLineEdit(row.code if row else "")
        self.name = QLineEdit(row.name if row else "")
        self.alt_name = QLineEdit(row.alt_name if row else "")
        self.kind = QComboBox()
        for kind in OrganisationKind:
            self.kind.addItem(ORGANISATION_KIND[kind], kind.value)
        if row:
            self.kind.setCurrentIndex(self.kind.findData(row.kind.value))
        self.cbs = QLineEdit(row.cbs_code if row else "")
        self.cbs.setPlaceholderText("GM0000, alleen als u hem zeker weet")
        self.region = QComboBox()
        self.region.addItem("—", None)
        for region in regions:
            self.region.addItem(region.display_name, region.id)
        if row and row.rmc_region_id:
            self.region.setCurrentIndex(self.region.findData(row.rmc_region_id))
        self.address = QLineEdit(row.address if row else "")
        self.active = QCheckBox("Actief (er kan naartoe worden uitgevoerd)")
        self.active.setChecked(row.active if row else True)
        self.contacts = QPlainTextEdit(
            "\n".join(f"{c.name}; {c.role}; {c.phone}; {c.email}" for c in row.contacts)
            if row
            else ""
        )
        self.contacts.setPlaceholderText("Eén per regel: naam; rol; telefoon; e-mail")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        form = QFormLayout(self)
        form.addRow("Code", self.code)
        form.addRow("Naam", self.name)
        form.addRow("Tweede naam (bijv. Doorstroompunt)", self.alt_name)
        form.addRow("Soort", self.kind)
        form.addRow("CBS-gemeentecode", self.cbs)
        form.addRow("RMC-regio", self.region)
        form.addRow("Adres", self.address)
        form.addRow("", self.active)
        form.addRow("Contactpersonen", self.contacts)
        form.addRow(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

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

    def save(self) -> None:
        args = (self.data(), self.row.id, self.row.version) if self.row else (self.data(),)
        self.workspace.call(
            organisations.save_organisation,
            *args,
            on_success=lambda _: self.accept(),
            on_error=lambda exc: show_error(self, exc),
        )


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
            ["Code", "Naam", "Soort", "CBS-code", "RMC-regio", "Actief"], ORG_DISPLAY
        )
        self.contacts = RowTableModel(
            ["Contactpersoon", "Rol", "Telefoon", "E-mail"], CONTACT_DISPLAY
        )
        self.table = _table(self.model)
        self.contact_table = _table(self.contacts)
        self.new_button = QPushButton("Nieuwe organisatie…")
        self.edit_button = QPushButton("Wijzigen…")
        self.delete_button = QPushButton("Verwijderen")
        self.cbs_button = QPushButton("CBS-gemeententabel inlezen…")
        self.rmc_button = QPushButton("Tabel gemeente → RMC-regio inlezen…")
        self.status = QLabel()
        self.dialog = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        for b in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.cbs_button,
            self.rmc_button,
        ):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel("Contactpersonen van de gekozen organisatie"))
        layout.addWidget(self.contact_table, 1)
        layout.addWidget(self.status)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.table.doubleClicked.connect(lambda _i: self.edit(self.selected()))
        self.delete_button.clicked.connect(self.delete)
        self.cbs_button.clicked.connect(lambda: self.import_file(import_cbs_municipalities))
        self.rmc_button.clicked.connect(lambda: self.import_file(import_rmc_regions))
        self.table.selectionModel().selectionChanged.connect(self._show_contacts)

    def refresh(self) -> None:
        self.workspace.call(
            organisations.list_organisations,
            on_success=self._loaded,
            on_error=lambda e: show_error(self, e),
        )

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.status.setText(f"{len(rows)} organisaties")
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
                on_error=lambda e: show_error(self, e),
            )

    def import_file(self, use_case) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Tabel inlezen", "", "CSV (*.csv *.txt)")
        if not name:
            return

        def done(result) -> None:
            skipped = f"; {len(result.skipped)} regels overgeslagen" if result.skipped else ""
            self.status.setText(
                f"Ingelezen: {result.added} toegevoegd, {result.updated} bijgewerkt{skipped}."
            )
            self.refresh()

        self.workspace.call(
            use_case,
            Path(name).read_bytes(),
            on_success=done,
            on_error=lambda e: show_error(self, e),
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
            ["Wat", "Naar", "Grondslag", "Wetsartikel", "Onderdelen"], FLOW_DISPLAY
        )
        self.table = _table(self.model)
        self.basis = QComboBox()
        for basis in Basis:
            self.basis.addItem(BASIS[basis], basis.value)
        self.article = QLineEdit()
        self.article.setPlaceholderText("bijv. WVO art. 118h")
        self.scopes = {s: QCheckBox(CONSENT_SCOPE_SHORT[s]) for s in ConsentScope}
        self.save_button = QPushButton("Grondslag opslaan")
        layout = QVBoxLayout(self)
        explain = QLabel(
            "Standaard gaat alles op toestemming. Rust een gegevensstroom op een wettelijke taak "
            "(zoals de melding van vertrekkers aan het RMC), kies dan de wettelijke grondslag, "
            "noem het artikel en kies wat op grond daarvan gedeeld wordt. Dit staat op elk "
            "document dat de school verlaat en in het uitvoerlogboek."
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        edit = QHBoxLayout()
        edit.addWidget(self.basis)
        edit.addWidget(self.article, 1)
        for box in self.scopes.values():
            edit.addWidget(box)
        edit.addWidget(self.save_button)
        layout.addLayout(edit)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> None:
        self.workspace.call(
            list_flows,
            on_success=self.model.set_rows,
            on_error=lambda e: show_error(self, e),
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
            on_error=lambda e: show_error(self, e),
        )


class BatchWorker(QObject):
    """Runs the batch in a child process; its messages come back as signals."""

    planned = Signal(int)
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, workspace: Workspace, year: int, folder: str, at: date | None):
        super().__init__()
        request = batch_process.request_for(workspace.store, workspace.actor, year, folder, at)
        self.child = batch_process.BatchProcess(request)
        self.timer = QTimer(self)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._poll)
        self.done = False

    def start(self) -> None:
        self.child.start()
        self.timer.start()

    def cancel(self) -> None:
        self.child.cancel()

    def _poll(self) -> None:
        if self.done:
            # Reap the child once it has exited; never wait for it on the GUI thread.
            if not self.child.process.is_alive():
                self.child.process.join(0)
                self.timer.stop()
            return
        for message in self.child.poll():
            kind = message[0]
            if kind == "planned":
                self.planned.emit(message[1])
            elif kind == "progress":
                self.progress.emit(message[1], message[2])
            else:
                self.done = True
                if kind == "done":
                    self.finished.emit(message[1])
                else:
                    self.failed.emit(KoersError(message[1]))
                return


LEFT_DISPLAY = {0: lambda r: r[0], 1: lambda r: r[1]}


class BatchTab(QWidget):
    """All leavers of a year to their municipalities; the RMC list; who was left out and why."""

    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setMaximumWidth(110)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText("map voor de PDF's")
        self.folder_button = QPushButton("Map kiezen…")
        self.start_button = QPushButton("Overdrachtsdossiers maken")
        self.cancel_button = QPushButton("Afbreken")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setFormat("%v van %m")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rmc = QComboBox()
        self.leavers_button = QPushButton("Lijst van vertrekkers opslaan (CSV/XLSX)…")
        self.left_model = RowTableModel(["Leerling", "Niet meegegaan, want"], LEFT_DISPLAY)
        self.left_table = _table(self.left_model)
        self.worker: BatchWorker | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Jaar van uitstroom", self.year)
        folder = QHBoxLayout()
        folder.addWidget(self.folder, 1)
        folder.addWidget(self.folder_button)
        form.addRow("Opslaan in", folder)
        layout.addLayout(form)
        run = QHBoxLayout()
        run.addWidget(self.start_button)
        run.addWidget(self.cancel_button)
        run.addWidget(self.progress, 1)
        layout.addLayout(run)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("Niet uitgevoerd"))
        layout.addWidget(self.left_table, 1)
        rmc = QHBoxLayout()
        rmc.addWidget(QLabel("Lijst voor"))
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
            on_error=lambda e: show_error(self, e),
        )

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Map voor de overdrachtsdossiers")
        if name:
            self.folder.setText(name)

    def start(self, at: date | None = None) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.summary.setText("Kies eerst een map voor de PDF's.")
            return
        self.progress.setRange(0, 0)
        self.summary.setText("Bezig: de vertrekkers worden opgezocht…")
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.worker = BatchWorker(self.workspace, self.year.value(), folder, at)
        self.worker.planned.connect(self._planned)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _planned(self, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        self.summary.setText(f"Bezig: {total} overdrachtsdossiers…")

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.summary.setText("Afbreken… het dossier dat nu gemaakt wordt, wordt nog afgemaakt.")

    def _finished(self, outcome: BatchOutcome) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.left_model.set_rows(outcome.left_out)
        stopped = " De uitvoer is afgebroken." if outcome.cancelled else ""
        self.summary.setText(
            f"{len(outcome.written)} overdrachtsdossiers opgeslagen, "
            f"{len(outcome.left_out)} leerlingen niet.{stopped}"
        )
        self.last_outcome = outcome

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        show_error(self, exc)

    def save_leavers(self) -> None:
        code = self.rmc.currentData()
        if not code:
            self.summary.setText("Er is nog geen RMC-regio in het netwerk.")
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Lijst van vertrekkers",
            f"vertrekkers_{self.year.value()}.xlsx",
            "Excel (*.xlsx);;CSV (*.csv)",
        )
        if not name:
            return
        self.workspace.call(
            export_leavers,
            self.year.value(),
            code,
            name,
            on_success=lambda r: self.summary.setText(
                f"Lijst opgeslagen: {r.named} op naam, {r.counted} alleen als aantal."
            ),
            on_error=lambda e: show_error(self, e),
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
        self.tabs.addTab(self.organisations, "Organisaties")
        self.tabs.addTab(self.flows, "Grondslagen")
        self.tabs.addTab(self.batch, "Uitvoer")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if hasattr(current, "refresh"):
            current.refresh()
