"""Paths from users are resolved and refused when they name a folder, a device, a missing
folder, the wrong kind of file, or a file that is empty or too big."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.importers.paths import (
    ImportFileError,
    UnsafePathError,
    check_input_file,
    is_device_name,
    read_input_file,
    safe_output_path,
)

SUFFIXES = (".csv", "xlsx")


def test_a_good_output_path_is_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "uit").mkdir()
    assert safe_output_path("uit/../uit/lijst.CSV", allowed_suffixes=SUFFIXES) == (
        tmp_path / "uit" / "lijst.CSV"
    )
    existing = tmp_path / "oud.xlsx"
    existing.write_bytes(b"x")
    assert safe_output_path(str(existing), allowed_suffixes=SUFFIXES) == existing


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "Kies waar het bestand moet komen"),
        ("   ", "Kies waar het bestand moet komen"),
        ("lijst.pdf", "moet eindigen op .csv of .xlsx"),
        ("lijst", "moet eindigen op .csv of .xlsx"),
        ("koers.db", "moet eindigen op .csv of .xlsx"),
        ("CON", "apparaat in Windows"),
        ("nul.csv", "apparaat in Windows"),
        ("com1.xlsx", "apparaat in Windows"),
        ("Lpt9 .csv", "apparaat in Windows"),
        ("lijst.csv:verborgen", "tekens die niet mogen"),
        ("a|b.csv", "tekens die niet mogen"),
        ("lijst.csv.", "mag niet op een spatie of punt eindigen"),
        ("bestaat-niet/lijst.csv", "bestaat niet"),
        ("a\x00b.csv", "ongeldig teken"),
        ("map.csv", "is een map"),
    ],
)
def test_bad_output_paths_are_refused_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "map.csv").mkdir()
    with pytest.raises(UnsafePathError) as caught:
        safe_output_path(name, allowed_suffixes=SUFFIXES)
    assert expected in caught.value.message


def test_a_link_to_a_device_or_another_kind_of_file_is_refused(tmp_path: Path) -> None:
    to_device = tmp_path / "lijst.csv"
    to_device.symlink_to("/dev/null")
    with pytest.raises(UnsafePathError) as caught:
        safe_output_path(to_device, allowed_suffixes=SUFFIXES)
    assert "geen gewoon bestand" in caught.value.message

    secret = tmp_path / "koers.db.keys"
    secret.write_text("{}")
    disguised = tmp_path / "uitvoer.csv"
    disguised.symlink_to(secret)
    with pytest.raises(UnsafePathError) as caught:
        safe_output_path(disguised, allowed_suffixes=SUFFIXES)
    assert "moet eindigen op" in caught.value.message


def test_device_names() -> None:
    assert is_device_name("CON") and is_device_name("aux.txt") and is_device_name("COM¹.csv")
    assert not is_device_name("console.csv") and not is_device_name("com10.csv")


def test_input_files_are_checked_for_kind_and_size(tmp_path: Path) -> None:
    good = tmp_path / "leerlingen.xml"
    good.write_bytes(b"<a/>")
    assert check_input_file(str(good), 100) == good
    assert read_input_file(good, 100) == b"<a/>"

    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    big = tmp_path / "groot.csv"
    big.write_bytes(b"x" * 3_000_000)
    cases = [
        (tmp_path / "weg.csv", "bestaat niet"),
        (tmp_path, "is een map"),
        (empty, "'leeg.csv' is leeg"),
        (big, "'groot.csv' is te groot (2,9 MB); Koers leest bestanden tot 1,0 MB"),
        (Path("/dev/zero"), "geen gewoon bestand"),
        ("", "Kies een bestand om in te lezen"),
    ]
    fifo = tmp_path / "pijp.csv"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        cases.append((fifo, "geen gewoon bestand"))
    for path, expected in cases:
        with pytest.raises(ImportFileError) as caught:
            read_input_file(path, 1024 * 1024)
        assert expected in caught.value.message, path
