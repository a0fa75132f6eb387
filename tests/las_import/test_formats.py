"""Telling an LAS export's kind from its bytes: the GUI and the CLI both rely on it."""

from __future__ import annotations

import pytest

from app.demo.las_files import csv_document, edexml_document, generate_students
from app.importers.formats import CSV, EDEXML, detect_format
from app.importers.paths import ImportFileError
from tests.las_import.helpers import sample_bytes


def test_the_official_sample_and_a_generated_export_are_edexml() -> None:
    assert detect_format(sample_bytes(), "EDEXML.Voorbeeld.2.1.xml") == EDEXML
    assert detect_format(edexml_document(generate_students(3)), "leerlingen.xml") == EDEXML


def test_content_wins_over_a_misleading_name() -> None:
    # Schools rename exports; an XML file saved as .txt or .csv is still EDEXML.
    assert detect_format(sample_bytes(), "export.csv") == EDEXML
    assert detect_format(b"\xef\xbb\xbf \r\n<EDEX/>", "export.txt") == EDEXML
    assert detect_format(csv_document(generate_students(3)), "export.txt") == CSV


def test_csv_in_both_encodings_koers_reads() -> None:
    people = generate_students(5)
    assert detect_format(csv_document(people), "export.csv") == CSV
    assert detect_format(csv_document(people, encoding="cp1252"), "export.csv") == CSV


def test_an_xml_name_without_xml_content_is_read_as_edexml() -> None:
    # So the user hears what is wrong with it as XML, not as a CSV without columns.
    assert detect_format(b"leerlingnummer;achternaam\n1;Berg\n", "export.xml") == EDEXML


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "oud Excel"),
        (b"%PDF-1.7\n", "PDF"),
        ("leerlingnummer;achternaam".encode("utf-16"), "geen tekstbestand"),
    ],
)
def test_neither_kind_gets_a_dutch_message_naming_the_file(data: bytes, expected: str) -> None:
    with pytest.raises(ImportFileError) as raised:
        detect_format(data, "/tmp/leerlingen.xlsx")
    message = raised.value.message
    assert "'leerlingen.xlsx'" in message and expected in message
    assert "geen EDEXML of CSV" in message


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(ImportFileError, match="is leeg"):
        detect_format(b" \r\n ", "leeg.csv")
