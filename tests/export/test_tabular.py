"""CSV/XLSX exports open as plain text: a payload corpus and arbitrary text never become a
formula, every cell reads back as typed (with the neutralising quote), and a failed write
leaves the old file alone."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.export.tabular import neutralise, write_csv, write_xlsx

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
CORPUS = [
    "=1+1",
    '=HYPERLINK("http://x","klik")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "+31 6 12345678",
    "-2+3",
    "-",
    "@SUM(A1)",
    "@",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\r\n=2+2",
    "=",
    "\uff1d1+1",  # full-width equals sign
    "Sanne van den Berg",
    "Zoë Öztürk-Koç",
    "Daniël 'Dani' de Wit",
    "06-12345678",
    'a;b,c"d',
    "regel 1\nregel 2",
    " =1+1",
    "'=al geneutraliseerd",
    "",
]
HEADER = ["Naam", "=Kolom", "Opmerking"]
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def expected(text: str) -> str:
    """The rule, written out independently of the module: quote before a trigger."""
    if text[:1] in TRIGGERS or text[:1] in ("\uff1d", "\uff0b", "\uff0d", "\uff20"):
        return "'" + text
    return text


def expected_xlsx(text: str) -> str:
    # XML 1.0 cannot hold most control characters, and a reader turns CR and CRLF into LF.
    value = XML_ILLEGAL.sub("\ufffd", expected(text))
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _rows(texts: list[str]) -> list[list[str]]:
    return [[text, f"x{text}", text] for text in texts]


def _read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def _read_xlsx(path: Path) -> list[list[openpyxl.cell.Cell]]:
    workbook = openpyxl.load_workbook(path)
    return [list(row) for row in workbook.active.iter_rows()]


def test_neutralise_quotes_exactly_the_formula_starts() -> None:
    for text in CORPUS:
        assert neutralise(text) == expected(text)
    assert neutralise("=1") == "'=1"
    assert neutralise("Jansen") == "Jansen"
    assert neutralise(neutralise("=1")) == "'=1"  # idempotent
    assert neutralise(None) == ""


def test_csv_of_the_payload_corpus_reads_back_as_plain_text(tmp_path: Path) -> None:
    path = write_csv(HEADER, _rows(CORPUS), tmp_path / "uitvoer.csv")

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the diacritics
    rows = _read_csv(path)
    assert rows[0] == ["Naam", "'=Kolom", "Opmerking"]
    assert rows[1:] == [[expected(t), f"x{t}", expected(t)] for t in CORPUS]
    for row in rows:
        for cell in row:
            assert not cell.startswith(TRIGGERS), repr(cell)
    assert "Zoë Öztürk-Koç".encode() in raw


def test_xlsx_of_the_payload_corpus_has_no_formula_anywhere(tmp_path: Path) -> None:
    path = write_xlsx(HEADER, _rows(CORPUS), tmp_path / "uitvoer.xlsx", sheet="Leerlingen")

    rows = _read_xlsx(path)
    assert [c.value for c in rows[0]] == ["Naam", "'=Kolom", "Opmerking"]
    assert rows[0][0].font.bold
    for row, text in zip(rows[1:], CORPUS, strict=True):
        for cell, typed in zip(row, (text, f"x{text}", text), strict=True):
            assert cell.data_type != "f"
            if typed == "":
                assert cell.value is None
                continue
            assert cell.data_type == "s"
            assert cell.value == expected_xlsx(typed)
            assert not cell.value.startswith(TRIGGERS)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    assert openpyxl.load_workbook(path).sheetnames == ["Leerlingen"]


def test_numbers_and_dates_are_dutch_text_in_csv_and_typed_in_xlsx(tmp_path: Path) -> None:
    row = [3, -5, 3.5, Decimal("2.25"), date(2009, 3, 14), datetime(2026, 7, 10, 9, 30)]
    row += [True, None]
    write_csv(["a"] * len(row), [row], tmp_path / "t.csv")
    write_xlsx(["a"] * len(row), [row], tmp_path / "t.xlsx")

    assert _read_csv(tmp_path / "t.csv")[1] == [
        "3",
        "-5",
        "3,5",
        "2,25",
        "14-03-2009",
        "10-07-2026 09:30",
        "ja",
        "",
    ]
    cells = _read_xlsx(tmp_path / "t.xlsx")[1]
    assert [c.value for c in cells[:4]] == [3, -5, 3.5, 2.25]
    assert all(c.data_type == "n" for c in cells[:4])
    assert cells[4].is_date and cells[4].value.date() == date(2009, 3, 14)
    assert cells[4].number_format == "dd-mm-yyyy"
    assert cells[5].value == datetime(2026, 7, 10, 9, 30)
    assert cells[6].value is True


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cells=st.lists(TEXT, min_size=1, max_size=6))
def test_any_text_reads_back_neutralised_and_never_as_a_formula(
    tmp_path: Path, cells: list[str]
) -> None:
    csv_path = write_csv(["Tekst"] * len(cells), [cells], tmp_path / "p.csv")
    xlsx_path = write_xlsx(["Tekst"] * len(cells), [cells], tmp_path / "p.xlsx")

    assert _read_csv(csv_path)[1] == [expected(c) for c in cells]
    for cell, typed in zip(_read_xlsx(xlsx_path)[1], cells, strict=False):
        assert cell.data_type != "f"
        if typed:
            assert cell.value == expected_xlsx(typed)


@pytest.mark.parametrize("writer", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_a_failed_write_leaves_the_existing_file_unchanged(tmp_path: Path, writer) -> None:
    target = tmp_path / ("oud.csv" if writer is write_csv else "oud.xlsx")
    target.write_bytes(b"de vorige uitvoer")

    def rows():
        yield ["Sanne", "=1+1"]
        yield ["Daan", "ok"]
        raise RuntimeError("database weg")

    with pytest.raises(RuntimeError):
        writer(["Naam", "Opmerking"], rows(), target)

    assert target.read_bytes() == b"de vorige uitvoer"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_new_file_is_written_whole_and_replaces_the_old(tmp_path: Path) -> None:
    target = tmp_path / "lijst.csv"
    target.write_bytes(b"oud")
    write_csv(["Naam"], [["Nieuw"]], target)
    assert _read_csv(target) == [["Naam"], ["Nieuw"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lijst.csv"]


def test_an_xlsx_failing_half_way_leaves_no_temporary_copy_of_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    class Unprintable:
        def __str__(self) -> str:
            raise RuntimeError("kapot")

    # A temporary folder of this test's own: other test workers write spreadsheets to the
    # shared one at the same time, and their files are not this export's leftovers.
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(RuntimeError):
        write_xlsx(["Naam"], [["Sanne"], [Unprintable()]], out_dir / "x.xlsx")
    assert list(private_tmp.iterdir()) == []
    assert list(out_dir.iterdir()) == []
