"""`python -m app import edexml|csv` and `python -m app students --format csv`."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.demo.las_files import csv_document, edexml_document, generate_students
from app.services.admin import accounts
from app.services.admin.unlock import create_encrypted_database
from tests.koers_cli import run_koers
from tests.las_import.helpers import sample_bytes

PASSWORD = "import-test-wachtwoord"


@pytest.fixture
def school(tmp_path: Path) -> str:
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
    finally:
        store.dispose()
    return url


def _koers(tmp_path: Path, url: str, *args: str):
    return run_koers(*args, "--database", url, "--user", "c.peeters", data_dir=tmp_path,
                     password=PASSWORD)  # fmt: skip


def test_sample_import_then_students_csv_then_nothing_changes(tmp_path: Path, school: str) -> None:
    sample = tmp_path / "EDEXML.Voorbeeld.2.1.xml"
    sample.write_bytes(sample_bytes())
    dry = _koers(tmp_path, school, "import", "edexml", str(sample), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "3 nieuw" in dry.stdout and "Proefdraai" in dry.stdout
    assert "133456785' voldoet niet aan de elfproef" in dry.stdout
    listed = _koers(tmp_path, school, "students", "--format", "csv")
    assert listed.stdout.strip().splitlines() == [
        "leerlingnummer;achternaam;tussenvoegsel;roepnaam;geboortedatum;klas;uitstroomdatum"
    ]

    done = _koers(tmp_path, school, "import", "edexml", str(sample))
    assert done.returncode == 0, done.stderr
    assert "Ingelezen: 3 nieuw" in done.stdout
    listed = _koers(tmp_path, school, "students", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[1:] == [
        "00001;ie;imp;Wimpie;21-06-2006;4B;",
        "00002;Assati;;Ismaël;;;",
        "12345;Hof;van 't;Gradje;21-06-2006;;18-07-2014",
    ]
    again = _koers(tmp_path, school, "import", "edexml", str(sample))
    assert again.returncode == 0
    assert "0 nieuw, 0 bijgewerkt, 3 ongewijzigd" in again.stdout
    assert _koers(tmp_path, school, "students", "--format", "csv").stdout == listed.stdout


def test_validation_errors_exit_1_and_write_nothing(tmp_path: Path, school: str) -> None:
    people = generate_students(30)
    bad = tmp_path / "fout.csv"
    text = csv_document(people).decode("utf-8-sig").splitlines()
    text[5] = text[5].replace(people[4].key, "", 1)
    bad.write_text("\n".join(text), encoding="utf-8")
    result = _koers(tmp_path, school, "import", "csv", str(bad), "--mapping", "standaard")
    assert result.returncode == 1
    assert "FOUT: Regel 6, Leerlingnummer: het leerlingnummer ontbreekt" in result.stdout
    listed = _koers(tmp_path, school, "students", "--format", "csv")
    assert len(listed.stdout.splitlines()) == 1


def test_csv_import_and_bad_arguments(tmp_path: Path, school: str) -> None:
    people = generate_students(8)
    good = tmp_path / "export.csv"
    good.write_bytes(csv_document(people, encoding="cp1252"))
    unknown = _koers(tmp_path, school, "import", "csv", str(good), "--mapping", "Bestaatniet")
    assert unknown.returncode == 2 and "Bestaatniet" in unknown.stderr
    missing = _koers(tmp_path, school, "import", "csv", str(tmp_path / "nergens.csv"),
                     "--mapping", "standaard")  # fmt: skip
    assert missing.returncode == 2
    no_mapping = _koers(tmp_path, school, "import", "csv", str(good))
    assert no_mapping.returncode == 2
    done = _koers(tmp_path, school, "import", "csv", str(good), "--mapping", "standaard")
    assert done.returncode == 0, done.stderr
    assert "Ingelezen: 8 nieuw" in done.stdout


def test_edexml_file_given_as_xml_that_is_not_edexml(tmp_path: Path, school: str) -> None:
    other = tmp_path / "feed.xml"
    other.write_bytes(b"<?xml version='1.0'?><rss/>")
    result = _koers(tmp_path, school, "import", "edexml", str(other))
    assert result.returncode == 1 and "geen EDEXML-bestand" in result.stderr
    empty = tmp_path / "leeg.xml"
    empty.write_bytes(b"")
    result = _koers(tmp_path, school, "import", "edexml", str(empty))
    assert result.returncode == 1 and "leeg" in result.stderr
    generated = tmp_path / "ok.xml"
    generated.write_bytes(edexml_document(generate_students(3)))
    assert _koers(tmp_path, school, "import", "edexml", str(generated)).returncode == 0


def test_auto_recognises_the_kind_and_a_named_kind_the_file_contradicts_is_refused(
    tmp_path: Path, school: str
) -> None:
    exported = tmp_path / "export.txt"
    exported.write_bytes(edexml_document(generate_students(3)))
    wrong = _koers(tmp_path, school, "import", "csv", str(exported), "--mapping", "standaard")
    assert wrong.returncode == 2
    assert "is een EDEXML-bestand, geen CSV: gebruik `import edexml`" in wrong.stderr
    listed = _koers(tmp_path, school, "students", "--format", "csv")
    assert len(listed.stdout.splitlines()) == 1  # nothing read in
    done = _koers(tmp_path, school, "import", "auto", str(exported))
    assert done.returncode == 0, done.stderr
    assert "Ingelezen: 3 nieuw" in done.stdout

    table = tmp_path / "lijst.csv"
    table.write_bytes(csv_document(generate_students(5)))
    wrong = _koers(tmp_path, school, "import", "edexml", str(table))
    assert wrong.returncode == 2 and "is een CSV-bestand, geen EDEXML" in wrong.stderr
    dry = _koers(tmp_path, school, "import", "auto", str(table), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Proefdraai" in dry.stdout

    workbook = tmp_path / "lijst.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    refused = _koers(tmp_path, school, "import", "auto", str(workbook))
    assert refused.returncode == 1 and "Excel" in refused.stderr


def test_cli_names_unused_columns_and_former_students(tmp_path: Path, school: str) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "Leerlingnummer;Achternaam;Roepnaam;Verwachte uitstroomdatum;Lievelingskleur\n"
        "7001;Vos;Daan;18-07-2014;blauw\n",
        encoding="utf-8",
    )
    dry = _koers(tmp_path, school, "import", "csv", str(export), "--mapping", "standaard",
                 "--dry-run")  # fmt: skip
    assert dry.returncode == 0, dry.stderr
    assert "Waarschuwing: Kolom 'Lievelingskleur' is niet gebruikt." in dry.stdout
    assert "Oud-leerling: vertrokken op 18-07-2014" in dry.stdout
    assert "langer dan de nazorgperiode geleden" in dry.stdout
