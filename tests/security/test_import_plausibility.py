"""Weak checks on import (SQLite and PostgreSQL): implausible school dates are warned about
with line and field and not taken; every file the parsers cannot read is refused in Dutch,
with the line and (for text in the wrong encoding) the encoding it seems to be, and
nothing is written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.demo.las_files import csv_document, edexml_document, generate_students
from app.importers.csv_file import read_table
from app.importers.formats import detect_format
from app.importers.paths import ImportFileError
from app.models import Student
from app.services.las_import import csv_mappings
from app.services.las_import.importer import apply_import, preview_import
from app.services.las_import.source import ImportSource
from tests.las_import.helpers import counts

TODAY = date(2026, 11, 24)
ENGLISH = ("field larger", "field limit", "codec", "invalid start byte", "not well-formed",
           "mismatched tag", "no element found", "Error", "utf-8")  # fmt: skip
MAPPING = {"las_key": "Leerlingnummer", "surname": "Achternaam"}


def _csv_source(store, coordinator, data: bytes) -> ImportSource:
    headers, _encoding, _delimiter = csv_mappings.csv_headers(data)
    mapping = store.run(csv_mappings.load_mapping, coordinator, "standaard", headers)
    return ImportSource("csv", data, "export.csv", mapping)


def test_school_dates_of_1900_and_2100_are_warned_about_and_not_taken(store, coordinator) -> None:
    people = generate_students(5, reference=TODAY)
    target = people[2]
    rows = csv_document(people).decode("utf-8-sig").splitlines()
    line = next(n for n, row in enumerate(rows, 1) if row.startswith(target.key))
    rows[line - 1] = (
        rows[line - 1]
        .replace(f"{target.enrolment_date:%d-%m-%Y}", "01-09-1900")
        .replace(f"{target.leaving_date:%d-%m-%Y}", "01-07-2100")
    )
    source = _csv_source(store, coordinator, ("\r\n".join(rows) + "\r\n").encode())
    preview = store.run(preview_import, coordinator, source, today=TODAY)
    assert (
        f"Regel {line}, Inschrijfdatum: '01-09-1900' kan niet kloppen "
        "(ligt vóór 01-01-1990); niet overgenomen"
    ) in preview.warnings
    assert (
        f"Regel {line}, Uitstroomdatum: '01-07-2100' kan niet kloppen "
        "(ligt meer dan 6 jaar na 24-11-2026); niet overgenomen"
    ) in preview.warnings
    store.run(apply_import, coordinator, source, today=TODAY)
    with store.session() as session:
        stored = session.scalars(select(Student).where(Student.las_key == target.key)).one()
        assert (stored.enrolment_date, stored.planned_outflow_date) == (None, None)


def test_edexml_enrolment_next_year_plus_one_is_warned_about(store, coordinator) -> None:
    people = generate_students(3, reference=TODAY)
    target = people[1]
    data = edexml_document(people).replace(
        f"<instroomdatum>{target.enrolment_date.isoformat()}</instroomdatum>".encode(),
        b"<instroomdatum>2028-08-01</instroomdatum>",
    )
    preview = store.run(
        preview_import, coordinator, ImportSource("edexml", data, "leerlingen.xml"), today=TODAY
    )
    line = data.decode().splitlines().index(f'\t\t<leerling key="{target.key}">') + 1
    assert any(
        w.startswith(f"Regel {line} (leerling {target.key}), instroomdatum: '01-08-2028' kan niet")
        for w in preview.warnings
    )


def _refused_in_dutch(store, coordinator, source: ImportSource) -> str:
    before = counts(store)
    with pytest.raises(ImportFileError) as raised:
        store.run(apply_import, coordinator, source)
    message = raised.value.message
    assert not [word for word in ENGLISH if word in message], message
    assert counts(store)[:2] == before[:2]
    return message


def test_a_10_mb_field_is_refused_in_dutch_with_its_line(store, coordinator) -> None:
    data = b'Leerlingnummer;Achternaam\r\n1;Jansen\r\n2;"' + b"x" * 10_000_000 + b'"\r\n'
    source = ImportSource("csv", data, "export.csv", MAPPING)
    message = _refused_in_dutch(store, coordinator, source)
    assert message.startswith("Regel 3: een veld is groter dan 131.072 tekens")
    assert "is dit wel een leerlingenbestand?" in message


def test_latin1_declared_as_utf8_names_the_encoding_and_line(store, coordinator) -> None:
    data = b"\xef\xbb\xbfLeerlingnummer;Achternaam\r\n1;Jansen\r\n2;M\xfcller\r\n"
    message = _refused_in_dutch(
        store, coordinator, ImportSource("csv", data, "export.csv", MAPPING)
    )
    assert "lijkt Windows-1252/Latin-1, niet UTF-8" in message
    assert "regel 3" in message


def test_a_nul_byte_in_a_text_file_gets_its_own_message(store, coordinator) -> None:
    data = b"Leerlingnummer;Achternaam\r\n1;Jan\x00sen\r\n"
    message = _refused_in_dutch(
        store, coordinator, ImportSource("csv", data, "export.csv", MAPPING)
    )
    assert "Excel" not in message
    assert "regel 2" in message and "nul-teken" in message
    # A real Excel file is still named as one.
    with pytest.raises(ImportFileError, match="is een Excel-bestand"):
        read_table(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40)
    with pytest.raises(ImportFileError, match="Excel"):
        detect_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "lijst.xls")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<EDEX>\n<school>\n</EDEX>", "fout op regel 3, kolom 3: een sluittag past niet"),
        (b"<EDEX>\n<school>", "fout op regel 2, kolom 9: het bestand houdt op"),
        (
            b'<?xml version="1.0" encoding="UTF-8"?>\n<EDEX>\n<achternaam>M\xfcller</achternaam>',
            "fout op regel 3, kolom 14: daar staat een teken dat geen UTF-8 is",
        ),
    ],
    ids=["mismatched-tag", "truncated", "latin1-as-utf8"],
)
def test_broken_xml_is_refused_in_dutch_with_its_line(store, coordinator, data, expected) -> None:
    message = _refused_in_dutch(store, coordinator, ImportSource("edexml", data, "x.xml"))
    assert expected in message
