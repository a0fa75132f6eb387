"""The readers and checks without a database: formats, encodings, the eleven-test."""

from __future__ import annotations

from datetime import date

import pytest

from app.demo.las_files import bsn_for, csv_document, edexml_document, generate_students
from app.importers.checks import elfproef, postcode_nl
from app.importers.csv_file import read_csv, read_table, suggest_mapping
from app.importers.edexml import read_edexml
from app.importers.paths import ImportFileError
from tests.las_import.helpers import sample_bytes

TODAY = date(2026, 11, 24)


def test_elfproef_for_bsn_and_onderwijsnummer() -> None:
    assert elfproef("111222333")
    assert not elfproef("133456785")  # the official sample's BSN
    assert not elfproef("000000000") and not elfproef("12345678") and not elfproef("12345678a")
    assert all(elfproef(bsn_for(n)) for n in range(200))
    assert elfproef("101234567", onderwijsnummer=True)
    assert not elfproef("101234568", onderwijsnummer=True)


def test_dutch_postcodes() -> None:
    assert postcode_nl("6971VB") == "6971 VB"
    assert postcode_nl(" 1234 ab ") == "1234 AB"
    assert postcode_nl("0123 AB") is None and postcode_nl("B-2000") is None


def test_sample_problems_name_line_and_element() -> None:
    parsed = read_edexml(sample_bytes())
    assert [i.message for i in parsed.warnings] == [
        "Regel 94 (leerling 00002), geboortedatum: de geboortedatum ontbreekt; de leerling "
        "telt als minderjarig tot die is ingevuld",
        "Regel 94 (leerling 00002), bsn: '133456785' voldoet niet aan de elfproef; "
        "niet overgenomen",
    ]
    assert not parsed.errors


def test_edexml_20_and_a_school_year_newer_than_the_schema() -> None:
    data = edexml_document(generate_students(3, reference=TODAY), school_year="2027-2028")
    data = data.replace(b"<xsdversie>2.1</xsdversie>", b"<xsdversie>2.0</xsdversie>")
    parsed = read_edexml(data)
    assert parsed.school_year == "2027-2028" and not parsed.issues
    assert len(parsed.students) == 3


def test_implausible_birth_date_and_bad_postcode_are_warnings() -> None:
    people = generate_students(2, reference=TODAY)
    data = edexml_document(people, peildatum=TODAY)
    data = data.replace(people[0].birth_date.isoformat().encode(), b"1961-05-01", 1)
    data = data.replace(people[1].postcode.encode(), b"12AB34", 1)
    parsed = read_edexml(data)
    assert not parsed.errors
    assert "'01-05-1961' kan niet kloppen (leeftijd 65" in parsed.warnings[0].message
    assert "'12AB34' is geen Nederlandse postcode" in parsed.warnings[1].message
    assert parsed.students[0].birth_date is None and parsed.students[1].postcode is None


@pytest.mark.parametrize(
    ("encoding", "delimiter", "found"),
    [
        ("utf-8-sig", ";", "UTF-8 met BOM"),
        ("utf-8", ",", "UTF-8"),
        ("cp1252", "\t", "Windows-1252"),
    ],
)
def test_csv_encoding_and_delimiter_are_found(encoding, delimiter, found) -> None:
    people = generate_students(40, reference=TODAY)
    data = csv_document(people, encoding=encoding, delimiter=delimiter)
    table = read_table(data)
    assert table.delimiter == delimiter
    assert table.encoding == found or (found == "Windows-1252" and table.encoding == "UTF-8")
    parsed = read_csv(data, suggest_mapping(table.headers), today=TODAY)
    assert [s.surname for s in parsed.students] == [p.surname for p in people]
    assert [s.birth_date for s in parsed.students] == [p.birth_date for p in people]


def test_windows_1252_names_are_read_right() -> None:
    data = "Leerlingnummer;Achternaam;Roepnaam\r\n1;Öztürk;Zoë\r\n".encode("cp1252")
    table = read_table(data)
    assert table.encoding == "Windows-1252"
    assert table.rows[0][1] == ["1", "Öztürk", "Zoë"]


def test_csv_without_students_or_with_the_wrong_mapping_is_refused() -> None:
    with pytest.raises(ImportFileError, match="geen leerlingen"):
        read_csv(
            b"Leerlingnummer;Achternaam\r\n", {"las_key": "Leerlingnummer", "surname": "Achternaam"}
        )
    with pytest.raises(ImportFileError, match="Leerlingnummer: kies de kolom"):
        read_csv(b"Nr;Achternaam\r\n1;Jansen\r\n", {"surname": "Achternaam"})
    with pytest.raises(ImportFileError, match="geen tekstbestand"):
        read_table(b"PK\x03\x04\x00\x00binary")


def test_utf8_with_bom_but_broken_bytes_names_the_line() -> None:
    data = b"\xef\xbb\xbfLeerlingnummer;Achternaam\r\n1;Jansen\r\n2;B\xe9kker\r\n"
    with pytest.raises(ImportFileError, match="regel 3 bevat tekens"):
        read_table(data)
