"""Leerlingen inlezen uit het LAS: choose a file, (CSV) map its columns, preview, take.

Reading, the preview and the import itself run on the worker (`TaskRunner`); the import
reports progress on the GUI thread and stops at the next step when the user presses
"Stoppen" (`Task.cancel`) — the transaction is then rolled back, so nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.progress import Progress
from app.core.resources import resource_path
from app.core.text_safety import printable
from app.core.validation import today
from app.importers.csv_file import CSV_FIELDS
from app.importers.formats import CSV, EDEXML, detect_format
from app.importers.paths import read_input_file
from app.importers.safe_xml import MAX_XML_BYTES
from app.services.las_import import csv_mappings
from app.services.las_import import importer as las_import
from app.services.las_import.preview import ImportPreview, ImportResult
from app.services.las_import.source import ImportSource, forget_parsed
from app.services.students.cohort import school_year
from app.ui.common.form_dialog import GuardedDialog
from app.ui.common.messages import show_error, user_message
from app.ui.common.tables import make_table
from app.ui.las_import.model import PreviewModel
from app.ui.style import styled
from app.ui.tasks import Task
from app.ui.workspace import Workspace

NOT_USED = QT_TRANSLATE_NOOP("las_import.dialog", "(niet gebruiken)")


class LasImportDialog(GuardedDialog):
    """The import wizard on one page; `imported` carries the result when done."""

    imported = Signal(object)
    progress = Signal(int, int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Leerlingen inlezen uit het LAS — Koers"))
        self.workspace = workspace
        self.data: bytes = b""
        self.file_name = ""
        self.kind = ""
        self.headers: list[str] = []
        self.preview: ImportPreview | None = None
        self.source: ImportSource | None = None
        self._task: Task | None = None  # the running import, to stop it
        self._busy = False
        self.file_edit = QLineEdit(
            readOnly=True, placeholderText=self.tr("Kies een EDEXML- of CSV-bestand")
        )
        self.choose_button = QPushButton(self.tr("Bestand kiezen…"))
        self.mapping_box = styled(QGroupBox(self.tr("Kolomindeling (CSV)")), "group")
        self.source_combo = QComboBox(editable=True)
        self.column_combos: dict[str, QComboBox] = {}
        self.preview_button = QPushButton(self.tr("Voorbeeld tonen"))
        self.summary = QLabel(self.tr("Kies een bestand uit het LAS (EDEXML 2.1 of CSV)."))
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = make_table(
            self.model,
            widths=[80, 90, 200, 110, 80, 90],
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.problems = QListWidget()
        self.all_button = QPushButton(self.tr("Alles kiezen"))
        self.none_button = QPushButton(self.tr("Niets kiezen"))
        self.leaving_button = QPushButton(self.tr("Uitstroom dit of volgend schooljaar"))
        self.group_combo = QComboBox()
        # Wide enough for "(alle groepen)" and the group names filled in later.
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.progress_bar = QProgressBar()
        self.stop_button = QPushButton(self.tr("Stoppen"))
        self.apply_button = QPushButton(self.tr("Inlezen"))
        self.close_button = QPushButton(self.tr("Sluiten"))
        self._build()
        self._connect()
        self._set_busy(False)
        self.resize(1100, 720)

    @property
    def save_button(self) -> QPushButton:
        return self.apply_button

    # --- construction -------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bestand")))
        top.addWidget(self.file_edit, 1)
        top.addWidget(self.choose_button)

        # With the contact and guardian columns the list is long: it scrolls on its own.
        fields = QWidget()
        form = QFormLayout(fields)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        QVBoxLayout(self.mapping_box).addWidget(scroll)
        form.addRow(self.tr("Bron (onthouden als)"), self.source_combo)
        for name, label in CSV_FIELDS:
            combo = QComboBox()
            combo.setAccessibleName(label)
            self.column_combos[name] = combo
            form.addRow(label, combo)
        form.addRow("", self.preview_button)
        self.mapping_box.setVisible(False)

        choose = QHBoxLayout()
        choose.addWidget(self.all_button)
        choose.addWidget(self.none_button)
        choose.addWidget(self.leaving_button)
        choose.addWidget(QLabel(self.tr("Groep")))
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
            QLabel(self.tr("Fouten, waarschuwingen en leerlingen niet in het bestand"))
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
            self,
            self.tr("LAS-bestand kiezen"),
            start,
            self.tr("LAS-uitvoer (*.xml *.csv *.txt);;Alle bestanden (*)"),
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Reads the file (on the worker) and shows its preview or the mapping step."""
        self._reset()
        self.file_edit.setText(path)
        self.summary.setText(self.tr("Het bestand wordt gelezen…"))

        def read():
            data = read_input_file(path, MAX_XML_BYTES)
            if detect_format(data, path) == EDEXML:
                return EDEXML, data, []
            headers, _encoding, _delimiter = csv_mappings.csv_headers(data, Path(path).name)
            return CSV, data, headers

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
                combo.addItem(printable(header), header)
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
            self.tr(
                "Controleer welke kolom wat bevat en kies dan 'Voorbeeld tonen'. De indeling "
                "wordt onthouden onder de naam van de bron."
            )
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
        self.summary.setText(self.tr("Het voorbeeld wordt gemaakt…"))
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
        self.group_combo.addItem(self.tr("(alle groepen)"), "")
        for group in groups:
            self.group_combo.addItem(printable(group), group)
        self.problems.clear()
        # The messages quote the file's values: shown through `printable`, like the table.
        for message in map(printable, preview.errors):
            self.problems.addItem(self.tr("Fout — {message}").format(message=message))
        for message in map(printable, preview.warnings):
            self.problems.addItem(self.tr("Waarschuwing — {message}").format(message=message))
        for missing in preview.missing:
            self.problems.addItem(
                self.tr("Niet in het bestand (blijft in Koers) — {las_key} {name}").format(
                    las_key=printable(missing.las_key), name=printable(missing.name)
                )
            )
        if preview.new_mentors:
            self.problems.addItem(
                self.tr("Nieuwe mentoren (zonder wachtwoord; activeren in Beheer) — ")
                + printable(", ".join(preview.new_mentors))
            )
        self._update_count()

    def _update_count(self) -> None:
        if self.preview is None:
            return
        text = self.preview.summary
        if self.preview.can_apply:
            text += self.tr("Gekozen om over te nemen: {model}.").format(
                model=self.model.chosen_count()
            )
        else:
            text += self.tr(" Los eerst de fouten op in het LAS; er wordt niets ingelezen.")
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
        self._set_busy(True)
        self.progress_bar.setRange(0, max(len(selected), 1))
        self.progress_bar.setValue(0)
        store, actor, source = self.workspace.store, self.workspace.actor, self.source

        def work(progress: Progress) -> ImportResult:
            def report(done: int, total: int) -> bool:
                progress.report(done, total)
                return not progress.cancelled()

            return store.run(las_import.apply_import, actor, source, selected, report)

        # Kept before it starts: in tests the work runs (and is stopped) inside start().
        self._task = self.workspace.runner.task(
            work,
            on_progress=self.progress.emit,
            on_success=self._applied,
            on_error=self._apply_failed,
        )
        self._task.start()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.stop_button.setEnabled(False)
        self.summary.setText(self.tr("Stoppen…"))

    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _applied(self, result: ImportResult) -> None:
        self._set_busy(False)
        self.apply_button.setEnabled(False)
        self.summary.setText(self.tr("Ingelezen: {summary}").format(summary=result.summary))
        self.mark_clean()  # taken in: closing now drops nothing
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
            if self._task is not None:
                self._task.cancel()
            self._reset()
            self.file_edit.clear()
            self.summary.setText(self.tr("Het venster is vergrendeld; kies het bestand opnieuw."))
            self.discard()  # the lock closes it without a question

    def reject(self) -> None:
        if self._busy and not (self._task is not None and self._task.cancelled()):
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
