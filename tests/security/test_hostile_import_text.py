"""Control and direction-override characters from an LAS file or a typed text (SQLite and
PostgreSQL): refused with a Dutch message naming line and field, nothing written; text
stored in NFC; and output (the CLI's student list) never prints a raw control character."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import ValidationError
from app.demo.las_files import csv_document, edexml_document, generate_students
from app.models import Student
from app.services.admin import accounts
from app.services.admin.unlock import create_encrypted_database
from app.services.las_import import csv_mappings
from app.services.las_import.importer import apply_import, preview_import
from app.services.las_import.source import ImportSource
from app.services.students.student_file import StudentInput, create_student
from tests.koers_cli import run_koers
from tests.las_import.helpers import counts

TODAY = date(2026, 11, 24)
HOSTILE = {
    "esc": ("\x1b[2J", "U+001B"),
    "bel": ("\x07", "U+0007"),
    "backspace": ("\x08\x08", "U+0008"),
    "rtl-override": ("\u202e", "U+202E"),
}


def _csv_source(store, coordinator, data: bytes) -> ImportSource:
    headers, _encoding, _delimiter = csv_mappings.csv_headers(data)
    mapping = store.run(csv_mappings.load_mapping, coordinator, "standaard", headers)
    return ImportSource("csv", data, "export.csv", mapping)


@pytest.mark.parametrize(("inserted", "code"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hidden_character_in_a_csv_name_is_refused_with_line_and_field(
    store, coordinator, inserted: str, code: str
) -> None:
    people = generate_students(6, reference=TODAY)
    target = people[3]
    data = csv_document(people).replace(
        f";{target.surname};".encode(), f";{target.surname}{inserted}x;".encode(), 1
    )
    rows = data.decode("utf-8-sig").splitlines()
    line = next(n for n, row in enumerate(rows, 1) if row.startswith(target.key))
    source = _csv_source(store, coordinator, data)
    before = counts(store)
    preview = store.run(preview_import, coordinator, source)
    assert not preview.can_apply
    assert preview.errors == (
        f"Regel {line}, Achternaam: bevat een onzichtbaar stuur- of richtingsteken "
        f"({code}); pas dit aan in het LAS",
    )
    with pytest.raises(ValidationError):
        store.run(apply_import, coordinator, source)
    assert counts(store)[:2] == before[:2]  # no student or user; the refusal is audited


@pytest.mark.parametrize(("inserted", "code"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hidden_character_in_an_edexml_name_is_refused_with_line(
    store, coordinator, inserted: str, code: str
) -> None:
    people = generate_students(6, reference=TODAY)
    target = people[2]
    data = edexml_document(people).replace(
        f"<achternaam>{target.surname}</achternaam>".encode(),
        f"<achternaam>{target.surname}{inserted}x</achternaam>".encode(),
        1,
    )
    text_lines = data.decode().splitlines()
    name_line = next(
        i + 1 for i, row in enumerate(text_lines) if f"{target.surname}{inserted}" in row
    )
    before = counts(store)
    source = ImportSource("edexml", data, "leerlingen.xml")
    if inserted == "\u202e":
        # Allowed by XML, so it reaches the student checks: an error for that student.
        preview = store.run(preview_import, coordinator, source)
        assert not preview.can_apply
        student_line = text_lines.index(f'\t\t<leerling key="{target.key}">') + 1
        assert preview.errors == (
            f"Regel {student_line} (leerling {target.key}), achternaam: bevat een onzichtbaar "
            f"stuur- of richtingsteken ({code}); pas dit aan in het LAS",
        )
        with pytest.raises(ValidationError):
            store.run(apply_import, coordinator, source)
    else:
        # XML 1.0 forbids C0 controls: the file is refused naming the line and element.
        from app.importers.paths import ImportFileError

        with pytest.raises(ImportFileError) as raised:
            store.run(apply_import, coordinator, source)
        assert f"fout op regel {name_line}" in raised.value.message
        assert f"in <achternaam> staat een onzichtbaar stuurteken ({code})" in (
            raised.value.message
        )
    assert counts(store)[:2] == before[:2]  # no student or user; the refusal is audited


def test_hidden_character_in_a_side_value_is_a_warning_and_not_taken(store, coordinator) -> None:
    people = generate_students(4, reference=TODAY)
    target = people[1]
    data = csv_document(people).replace(
        f";{target.city};".encode(), f";{target.city}\x1b[31m;".encode(), 1
    )
    source = _csv_source(store, coordinator, data)
    preview = store.run(preview_import, coordinator, source)
    assert preview.can_apply
    assert any(
        "Woonplaats: bevat een onzichtbaar stuur- of richtingsteken (U+001B); niet overgenomen" in w
        for w in preview.warnings
    )
    store.run(apply_import, coordinator, source)
    with store.session() as session:
        stored = session.scalars(select(Student).where(Student.las_key == target.key)).one()
        assert stored.city is None


def test_decomposed_names_are_stored_composed(store, coordinator) -> None:
    people = generate_students(3, reference=TODAY)
    target = people[0]
    decomposed = "Rene\u0301e Mu\u0308ller"
    data = csv_document(people).replace(
        f";{target.surname};".encode(), f";{decomposed};".encode(), 1
    )
    store.run(apply_import, coordinator, _csv_source(store, coordinator, data))
    with store.session() as session:
        stored = session.scalars(select(Student).where(Student.las_key == target.key)).one()
        assert stored.surname == "Ren\u00e9e M\u00fcller"


def test_typed_free_text_with_a_control_character_is_refused_naming_the_field(
    store, coordinator
) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as raised:
        store.run(
            create_student,
            coordinator,
            StudentInput(first_name="Sam", surname="Jansen", notes="Belt terug\x07\x1b[2J"),
        )
    assert raised.value.problems["notes"] == (
        "Notities: bevat onzichtbare stuur- of richtingstekens (U+0007, U+001B); haal dat weg."
    )
    with pytest.raises(ValidationError) as raised:
        store.run(
            create_student, coordinator, StudentInput(first_name="Sam", surname="Jan\u202esen")
        )
    assert "Achternaam" in raised.value.problems["surname"]
    assert counts(store)[0] == before[0]
    # Line breaks and tabs in free text stay allowed; the text is stored in NFC.
    made = store.run(
        create_student,
        coordinator,
        StudentInput(first_name="Zoe\u0308", surname="Jansen", notes="Eerst:\n\tbellen"),
    )
    with store.session() as session:
        stored = session.get(Student, made)
        assert (stored.first_name, stored.notes) == ("Zo\u00eb", "Eerst:\n\tbellen")


PASSWORD = "hostile-text-wachtwoord"


def test_students_csv_never_prints_a_control_character(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store, _ = create_encrypted_database(url, "De Horizon", "c.peeters", PASSWORD)
    try:
        store.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username="c.peeters",
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
        # Stored before the input checks existed: written straight into the table.
        with store.session() as session:
            session.add(
                Student(
                    las_key="77\x07",
                    surname="Jan\x1b[2Jsen\u202e",
                    first_name="Sam\x08\x08",
                    class_name="4\x9bA",
                )
            )
    finally:
        store.dispose()
    listed = run_koers(
        "students", "--format", "csv", "--database", url, "--user", "c.peeters",
        data_dir=tmp_path, password=PASSWORD,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    body = listed.stdout.splitlines()[1]
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in body)
    assert body == "77\ufffd;Jan\ufffd[2Jsen\ufffd;;Sam\ufffd\ufffd;;4\ufffdA;"


def test_import_preview_table_never_shows_a_control_character(qapp) -> None:
    from PySide6.QtCore import Qt

    from app.services.las_import.preview import PreviewRow
    from app.ui.las_import.model import DETAILS, NAME, PreviewModel

    model = PreviewModel()
    model.set_rows(
        [
            PreviewRow(
                las_key="77\x07",
                name="Jan\x1b[2Jsen\u202e",
                where="Regel 2",
                status="error",
                changes=(),
                class_name="4A\x08",
                jaargroep="",
                planned_outflow=None,
                warnings=(),
                errors=("Regel 2, Achternaam: 'Jan\x1bsen'",),
            )
        ]
    )
    shown = [
        model.data(model.index(0, column), role)
        for column in range(model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    text = "".join(s for s in shown if isinstance(s, str))
    assert model.data(model.index(0, NAME)) == "Jan\ufffd[2Jsen\ufffd"
    assert "\ufffd" in model.data(model.index(0, DETAILS))
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in text)
