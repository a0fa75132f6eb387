"""Leerlingen inlezen uit het LAS: choose a file, (CSV) map its columns, preview, take.

Reading, the preview and the import itself run on the worker (`TaskRunner`); the import
reports progress through a signal and stops at the next step when the user presses
"Stoppen" — the transaction is then rolled back, so nothing is written.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import today
from app.importers.csv_file import CSV_FIELDS
from app.importers.paths import read_input_file
from app.importers.safe_xml import MAX_XML_BYTES
from app.resources import resource_path
from app.services.las_import import csv_mappings
from app.services.las_import import importer as las_import
from app.services.las_import.preview import ImportPreview, ImportResult
from app.services.las_import.source import ImportSource, forget_parsed
from app.services.students.cohort import school_year
from app.ui.common.messages import show_error, user_message
from app.ui.las_import.model import PreviewModel
from app.ui.workspace import Workspace

NOT_USED = "(niet gebruiken)"


class LasImportDialog(QDialog):
    """The import wizard on one page; `imported` carries the result when done."""

    imported = Signal(object)
    progress = Signal(int, int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Leerlingen inlezen uit het LAS — Koers")
        self.workspace = workspace
        self.data: bytes = b""
        self.file_name = ""
        self.kind = ""
        self.headers: list[str] = []
        self.preview: ImportPreview | None = None
        self.source: ImportSource | None = None
        self._cancel = threading.Event()
        self._busy = False
        self.file_edit = QLineEdit(readOnly=True, placeholderText="Kies een EDEXML- of CSV-bestand")
        self.choose_button = QPushButton("Bestand kiezen…")
        self.mapping_box = QGroupBox("Kolomindeling (CSV)")
        self.source_combo = QComboBox(editable=True)
        self.column_combos: dict[str, QComboBox] = {}
        self.preview_button = QPushButton("Voorbeeld tonen")
        self.summary = QLabel("Kies een bestand uit het LAS (EDEXML 2.1 of CSV).")
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.problems = QListWidget()
        self.all_button = QPushButton("Alles kiezen")
        self.none_button = QPushButton("Niets kiezen")
        self.leaving_button = QPushButton("Uitstroom dit of volgend schooljaar")
        self.group_combo = QComboBox()
        self.progress_bar = QProgressBar()
        self.stop_button = QPushButton("Stoppen")
        self.apply_button = QPushButton("Inlezen")
        self.close_button = QPushButton("Sluiten")
        self._build()
        self._connect()
        self._set_busy(False)
        self.resize(1100, 720)

    # --- construction -------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Bestand"))
        top.addWidget(self.file_edit, 1)
        top.addWidget(self.choose_button)

        form = QFormLayout(self.mapping_box)
        form.addRow("Bron (onthouden als)", self.source_combo)
        for name, label in CSV_FIELDS:
            combo = QComboBox()
            combo.setAccessibleName(label)
            self.column_combos[name] = combo
            form.addRow(label, combo)
        form.addRow("", self.preview_button)
        self.mapping_box.setVisible(False)

        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate([80, 90, 200, 110, 80, 90]):
            self.table.setColumnWidth(column, width)

        choose = QHBoxLayout()
        choose.addWidget(self.all_button)
        choose.addWidget(self.none_button)
        choose.addWidget(self.leaving_button)
        choose.addWidget(QLabel("Groep"))
        choose.addWidget(self.group_combo)
        choose.addStretch(1)

        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addLayout(choose)
        preview_layout.addWidget(self.table, 1)
        problems = QWidget()
        problems_layout = QVBoxLayout(problems)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(
            QLabel("Fouten, waarschuwingen en leerlingen niet in het bestand")
        )
        problems_layout.addWidget(self.problems, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(preview)
        splitter.addWidget(problems)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        body = QHBoxLayout()
        body.addWidget(self.mapping_box)
        body.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_bar, 1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.choose_button.clicked.connect(self.choose_file)
        self.preview_button.clicked.connect(self.show_preview)
        self.source_combo.activated.connect(lambda _i: self._load_mapping())
        self.all_button.clicked.connect(lambda: self._choose(lambda _r: True))
        self.none_button.clicked.connect(lambda: self._choose(lambda _r: False))
        self.leaving_button.clicked.connect(self.choose_leaving_soon)
        self.group_combo.activated.connect(lambda _i: self._choose_group())
        self.apply_button.clicked.connect(self.apply)
        self.stop_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.model.dataChanged.connect(lambda *_: self._update_count())
        self.progress.connect(self._show_progress)

    # --- choosing the file --------------------------------------------------------------
    def choose_file(self) -> None:
        start = ""
        if self.workspace.school.is_demo:
            # The demo school ships generated sample exports to try the import with.
            start = str(resource_path("demo"))
        path, _filter = QFileDialog.getOpenFileName(
            self, "LAS-bestand kiezen", start, "LAS-uitvoer (*.xml *.csv *.txt);;Alle bestanden (*)"
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Reads the file (on the worker) and shows its preview or the mapping step."""
        self._reset()
        self.file_edit.setText(path)
        self.summary.setText("Het bestand wordt gelezen…")

        def read():
            data = read_input_file(path, MAX_XML_BYTES)
            if Path(path).suffix.lower() == ".xml" or data.lstrip()[:5] in (b"<?xml", b"<EDEX"):
                return "edexml", data, []
            headers, _encoding, _delimiter = csv_mappings.csv_headers(data, Path(path).name)
            return "csv", data, headers

        self.workspace.runner.submit(read, self._file_read, self._failed)

    def _file_read(self, result) -> None:
        self.kind, self.data, self.headers = result
        self.file_name = Path(self.file_edit.text()).name
        if self.kind == "edexml":
            self.mapping_box.setVisible(False)
            self.show_preview()
            return
        self.mapping_box.setVisible(True)
        for combo in self.column_combos.values():
            combo.clear()
            combo.addItem(NOT_USED, "")
            for header in self.headers:
                combo.addItem(header, header)
        self.workspace.call(
            csv_mappings.mapping_names, on_success=self._show_mapping_names, on_error=self._failed
        )

    def _show_mapping_names(self, names: list[str]) -> None:
        self.source_combo.clear()
        self.source_combo.addItems(names)
        self._load_mapping()

    def _load_mapping(self) -> None:
        self.workspace.call(
            csv_mappings.load_mapping,
            self.source_combo.currentText() or csv_mappings.STANDARD_MAPPING,
            self.headers,
            on_success=self._show_mapping,
            on_error=self._failed,
        )

    def _show_mapping(self, mapping: dict[str, str]) -> None:
        for name, combo in self.column_combos.items():
            index = combo.findData(mapping.get(name, ""))
            combo.setCurrentIndex(max(index, 0))
        self.summary.setText(
            "Controleer welke kolom wat bevat en kies dan 'Voorbeeld tonen'. De indeling "
            "wordt onthouden onder de naam van de bron."
        )

    def mapping(self) -> dict[str, str]:
        return {n: c.currentData() for n, c in self.column_combos.items() if c.currentData()}

    # --- the preview --------------------------------------------------------------------
    def show_preview(self) -> None:
        mapping = None
        name = ""
        if self.kind == "csv":
            mapping = self.mapping()
            try:
                csv_mappings.check_mapping(mapping, self.headers)
            except Exception as exc:
                show_error(self, exc)
                return
            name = self.source_combo.currentText().strip()
            if name == csv_mappings.STANDARD_MAPPING:
                name = ""
        self.source = ImportSource(self.kind, self.data, self.file_name, mapping, name)
        self.summary.setText("Het voorbeeld wordt gemaakt…")
        self.workspace.call(
            las_import.preview_import,
            self.source,
            on_success=self.show_result,
            on_error=self._failed,
        )

    def show_result(self, preview: ImportPreview) -> None:
        self.preview = preview
        # What needs attention first: errors, then new and changed students, by name.
        order = {"error": 0, "new": 1, "changed": 2, "same": 3}
        self.model.set_rows(sorted(preview.rows, key=lambda r: (order[r.status], r.name)))
        groups = sorted({r.class_name for r in preview.rows} - {""})
        self.group_combo.clear()
        self.group_combo.addItem("(alle groepen)", "")
        for group in groups:
            self.group_combo.addItem(group, group)
        self.problems.clear()
        for message in preview.errors:
            self.problems.addItem(f"Fout — {message}")
        for message in preview.warnings:
            self.problems.addItem(f"Waarschuwing — {message}")
        for missing in preview.missing:
            self.problems.addItem(
                f"Niet in het bestand (blijft in Koers) — {missing.las_key} {missing.name}"
            )
        if preview.new_mentors:
            self.problems.addItem(
                "Nieuwe mentoren (zonder wachtwoord; activeren in Beheer) — "
                + ", ".join(preview.new_mentors)
            )
        self._update_count()

    def _update_count(self) -> None:
        if self.preview is None:
            return
        text = self.preview.summary
        if self.preview.can_apply:
            text += f" Gekozen om over te nemen: {self.model.chosen_count()}."
        else:
            text += " Los eerst de fouten op in het LAS; er wordt niets ingelezen."
        self.summary.setText(text)
        self._set_busy(False)

    def _choose(self, predicate) -> None:
        self.model.choose(predicate)
        self._update_count()

    def choose_leaving_soon(self) -> None:
        this_year = school_year(today())
        start = int(this_year[:4])
        wanted = {this_year, f"{start + 1}-{start + 2}"}
        self._choose(lambda r: r.outflow_year in wanted)

    def _choose_group(self) -> None:
        group = self.group_combo.currentData()
        self._choose(lambda r: not group or r.class_name == group)

    # --- applying -----------------------------------------------------------------------
    def apply(self) -> None:
        if self.preview is None or self.source is None or not self.preview.can_apply:
            return
        selected = self.model.selected_keys()
        self._cancel.clear()
        self._set_busy(True)
        self.progress_bar.setRange(0, max(len(selected), 1))
        self.progress_bar.setValue(0)
        store, actor, source, cancel = (
            self.workspace.store,
            self.workspace.actor,
            self.source,
            self._cancel,
        )
        emit = self.progress.emit

        def report(done: int, total: int) -> bool:
            emit(done, total)  # queued onto the GUI thread when run on the worker
            return not cancel.is_set()

        def work():
            return store.run(las_import.apply_import, actor, source, selected, report)

        self.workspace.runner.submit(work, self._applied, self._apply_failed)

    def cancel(self) -> None:
        self._cancel.set()
        self.stop_button.setEnabled(False)
        self.summary.setText("Stoppen…")

    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _applied(self, result: ImportResult) -> None:
        self._set_busy(False)
        self.apply_button.setEnabled(False)
        self.summary.setText(f"Ingelezen: {result.summary}")
        self.imported.emit(result)

    def _apply_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, las_import.ImportCancelled):
            self.progress_bar.setValue(0)
            self.summary.setText(exc.message)
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.summary.setText(user_message(exc))
        show_error(self, exc)

    # --- state --------------------------------------------------------------------------
    def on_lock(self, locked: bool) -> None:
        """The window locks: no student stays on screen or in a model; a running import
        stops (nothing is written) and can be done again after unlocking."""
        if locked:
            self._cancel.set()
            self._reset()
            self.file_edit.clear()
            self.summary.setText("Het venster is vergrendeld; kies het bestand opnieuw.")
            self.reject()

    def reject(self) -> None:
        if self._busy and not self._cancel.is_set():
            self.cancel()  # Esc or the window's close button while importing: stop first
            return
        super().reject()

    def done(self, result: int) -> None:
        forget_parsed()  # no copy of the file's students stays in memory
        super().done(result)

    def _reset(self) -> None:
        self.preview = None
        self.source = None
        self.data = b""
        self.model.set_rows([])
        self.problems.clear()
        self.group_combo.clear()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        can_apply = self.preview is not None and self.preview.can_apply
        self.apply_button.setEnabled(not busy and can_apply)
        self.stop_button.setEnabled(busy)
        self.stop_button.setVisible(busy)
        self.progress_bar.setVisible(busy)
        self.choose_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        for button in (self.all_button, self.none_button, self.leaving_button):
            button.setEnabled(not busy and can_apply)
