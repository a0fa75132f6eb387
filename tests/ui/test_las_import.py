"""The import dialog from the main window: preview, deselect two, confirm; cancel midway."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.db import Store
from app.demo.las_files import csv_document, edexml_document, generate_students
from app.services.common.actor import Actor
from app.services.students import cohort
from app.ui.las_import.dialog import LasImportDialog
from app.ui.las_import.model import CHECK, DETAILS
from app.ui.main_window import MainWindow
from tests.las_import.helpers import counts
from tests.ui.helpers import main_window, new_school, workspace_for

PASSWORD = "import-ui-test-2026"


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor]]:
    store, coordinator = new_school(tmp_path, PASSWORD)
    yield store, coordinator
    store.dispose()


def _window(qtbot, store: Store, actor: Actor, tmp_path: Path) -> MainWindow:
    window = main_window(qtbot, workspace_for(store, actor), tmp_path)
    window.refresh()
    return window


def _uncheck(dialog: LasImportDialog, row: int) -> None:
    index = dialog.model.index(row, CHECK)
    assert dialog.model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)


def test_import_through_preview_deselect_two_and_confirm(qtbot, school, tmp_path) -> None:
    store, coordinator = school
    window = _window(qtbot, store, coordinator, tmp_path)
    assert window.cohort.model.total == 0
    assert window.import_action is not None and window.import_action.isEnabled()
    file = tmp_path / "export.xml"
    file.write_bytes(edexml_document(generate_students(12)))

    dialog = LasImportDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.imported.connect(lambda _r: window.refresh())
    dialog.load_file(str(file))
    assert dialog.preview is not None and dialog.preview.can_apply
    assert dialog.model.rowCount() == 12 and dialog.model.chosen_count() == 12
    _uncheck(dialog, 2)
    _uncheck(dialog, 5)
    assert "Gekozen om over te nemen: 10" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert window.cohort.model.total == 10
    assert "10 nieuw, 0 bijgewerkt, 0 ongewijzigd, 2 niet gekozen" in dialog.summary.text()
    skipped = {dialog.model.rows[2].las_key, dialog.model.rows[5].las_key}
    keys = {r.search_key for r in store.run(cohort.list_cohort, coordinator)}
    assert not any(k in key for k in skipped for key in keys)


def test_cancel_midway_writes_nothing(qtbot, school, tmp_path) -> None:
    store, coordinator = school
    window = _window(qtbot, store, coordinator, tmp_path)
    file = tmp_path / "export.csv"
    file.write_bytes(csv_document(generate_students(450), encoding="cp1252"))
    dialog = LasImportDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.load_file(str(file))
    assert dialog.mapping_box.isVisibleTo(dialog)
    assert dialog.column_combos["las_key"].currentData() == "Leerlingnummer"
    dialog.show_preview()
    assert dialog.model.chosen_count() == 450
    before = counts(store)
    seen: list[int] = []

    def press_stop(done: int, _total: int) -> None:
        seen.append(done)
        if done >= 200:
            qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)

    dialog.progress.connect(press_stop)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "Het inlezen is afgebroken; er is niets opgeslagen."
    assert 200 in seen and max(seen) < 450
    assert counts(store) == before
    window.refresh()
    assert window.cohort.model.total == 0


def test_errors_block_the_import_button(qtbot, school, tmp_path) -> None:
    store, coordinator = school
    window = _window(qtbot, store, coordinator, tmp_path)
    people = generate_students(5)
    data = edexml_document(people).replace(b'<groep key="V4A"/>', b'<groep key="GEEN"/>')
    data = data.replace(b'<groep key="V4B"/>', b'<groep key="GEEN"/>')
    data = data.replace(b'<groep key="V5A"/>', b'<groep key="GEEN"/>')
    data = data.replace(b'<groep key="P3"/>', b'<groep key="GEEN"/>')
    file = tmp_path / "fout.xml"
    file.write_bytes(data)
    dialog = LasImportDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.load_file(str(file))
    assert not dialog.apply_button.isEnabled()
    assert "'GEEN' staat niet in het bestand" in dialog.problems.item(0).text()


def test_locking_clears_the_preview(qtbot, school, tmp_path) -> None:
    store, coordinator = school
    window = _window(qtbot, store, coordinator, tmp_path)
    file = tmp_path / "export.xml"
    file.write_bytes(edexml_document(generate_students(4)))
    dialog = LasImportDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    window.lock.locked_changed.connect(dialog.on_lock)
    dialog.show()
    dialog.load_file(str(file))
    assert dialog.model.rowCount() == 4
    window.lock.lock("test")
    assert not dialog.isVisible()
    assert dialog.model.rowCount() == 0 and dialog.problems.count() == 0
    assert not window.import_action.isEnabled()


def test_the_file_kind_comes_from_the_content_and_a_workbook_is_refused(
    qtbot, school, tmp_path, monkeypatch
) -> None:
    store, coordinator = school
    window = _window(qtbot, store, coordinator, tmp_path)
    dialog = LasImportDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    renamed = tmp_path / "export.txt"
    renamed.write_bytes(edexml_document(generate_students(3)))
    dialog.load_file(str(renamed))
    assert dialog.kind == "edexml" and not dialog.mapping_box.isVisibleTo(dialog)
    assert dialog.model.rowCount() == 3

    shown: list[str] = []
    monkeypatch.setattr(
        "app.ui.las_import.dialog.show_error", lambda _parent, exc: shown.append(exc.message)
    )
    workbook = tmp_path / "leerlingen.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    dialog.load_file(str(workbook))
    assert shown and "Excel" in shown[0]
    assert "geen EDEXML of CSV" in dialog.summary.text()
    assert dialog.model.rowCount() == 0 and counts(store)[0] == 0


def test_the_preview_names_unused_columns_and_former_students(qtbot, school, tmp_path) -> None:
    store, coordinator = school
    window = _window(qtbot, store, coordinator, tmp_path)
    dialog = LasImportDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    export = tmp_path / "export.csv"
    export.write_text(
        "Leerlingnummer;Achternaam;Roepnaam;Verwachte uitstroomdatum;Lievelingskleur\n"
        "7001;Vos;Daan;18-07-2014;blauw\n",
        encoding="utf-8",
    )
    dialog.load_file(str(export))
    assert dialog.column_combos["planned_outflow_date"].currentData() == (
        "Verwachte uitstroomdatum"
    )
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert "Waarschuwing — Kolom 'Lievelingskleur' is niet gebruikt." in problems
    details = dialog.model.index(0, DETAILS).data()
    assert details.startswith("Oud-leerling: vertrokken op 18-07-2014")
