"""CSV and XLSX tables that open as plain text: no cell ever becomes a formula.

A spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` (and, in some versions,
tab, carriage return or line feed before one) as a formula, so a name typed as
`=HYPERLINK(...)` could run or leak something on the PC that opens the export. Every text
cell that starts with such a character gets a leading `'`; nothing else in the text is
changed. Numbers and dates from the program itself are written as such: in CSV as Dutch
text (`3,5`, `14-03-2009`), in XLSX as typed cells; every text cell in XLSX is an explicit
string cell, never a formula.

Both writers build the whole file first and then swap it in (temporary file, fsync,
rename): an error half-way leaves an existing file as it was.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from app.core.files import write_atomic

# The ASCII triggers, and their full-width forms (some spreadsheet locales read those too).
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
QUOTE = "'"
# Characters an XLSX file (XML 1.0) cannot hold; tab, LF and CR are allowed.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


def neutralise(value: object) -> str:
    """The cell's text, with a leading `'` when it would otherwise start a formula.

    Text from the program's own numbers and dates is written as is (see `cell_text`).
    """
    if not isinstance(value, str):
        return cell_text(value)
    if value and value[0] in FORMULA_TRIGGERS:
        return QUOTE + value
    return value


def cell_text(value: object) -> str:
    """A value as the Dutch text a CSV cell holds; text itself is neutralised."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int | Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    # Anything else (an enum, a path) is text from the program, neutralised all the same.
    return neutralise(str(value))


def write_csv(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    path: str | Path,
    *,
    delimiter: str = ";",
) -> Path:
    """Writes a CSV file for Dutch Excel: UTF-8 with BOM, `;` between cells, CRLF lines."""
    if len(delimiter) != 1 or delimiter in FORMULA_TRIGGERS or delimiter in "'\"":
        raise ValueError(f"unusable delimiter {delimiter!r}")
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
    )
    writer.writerow([cell_text(v) for v in header])
    for row in rows:
        writer.writerow([cell_text(v) for v in row])
    target = Path(path)
    write_atomic(target, buffer.getvalue().encode("utf-8-sig"))
    return target


def xlsx_text(value: str) -> str:
    """Text for an XLSX string cell: neutralised, and characters XML cannot hold replaced."""
    return _XML_ILLEGAL.sub("\ufffd", neutralise(value))


def write_xlsx(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    path: str | Path,
    *,
    sheet: str = "Blad1",
) -> Path:
    """Writes an XLSX workbook with one sheet: a bold header row, then the rows."""
    # Read every row first: openpyxl streams a sheet through a temporary file, which an
    # error half-way would leave behind with part of the data in it.
    body = [list(row) for row in rows]
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(_sheet_title(sheet))
    bold = Font(bold=True)

    def cell(value: object, *, header_cell: bool = False) -> WriteOnlyCell:
        if value is None:
            out = WriteOnlyCell(worksheet, value=None)
        elif isinstance(value, bool | int | float | Decimal) and _finite(value):
            out = WriteOnlyCell(worksheet, value=value)
        elif isinstance(value, datetime):
            out = WriteOnlyCell(worksheet, value=value)
            out.number_format = "dd-mm-yyyy hh:mm"
        elif isinstance(value, date):
            out = WriteOnlyCell(worksheet, value=value)
            out.number_format = "dd-mm-yyyy"
        else:
            text = value if isinstance(value, str) else cell_text(value)
            out = WriteOnlyCell(worksheet, value=xlsx_text(text))
            out.data_type = "s"  # a string, whatever openpyxl guessed
        if header_cell:
            out.font = bold
        return out

    buffer = io.BytesIO()
    try:
        worksheet.append([cell(v, header_cell=True) for v in header])
        for row in body:
            worksheet.append([cell(v) for v in row])
        workbook.save(buffer)
    except BaseException:
        _discard_stream(worksheet)
        raise
    target = Path(path)
    write_atomic(target, buffer.getvalue())
    return target


def _discard_stream(worksheet) -> None:
    """Removes the temporary file of a write-only sheet that was never saved."""
    writer = getattr(worksheet, "_writer", None)
    out = getattr(writer, "out", None)
    rows = getattr(worksheet, "_rows", None)
    with contextlib.suppress(Exception):
        if rows is not None:
            rows.close()
    with contextlib.suppress(Exception):
        if writer is not None:
            writer.xf.close()
    if isinstance(out, str):
        with contextlib.suppress(Exception):
            writer.cleanup()
        with contextlib.suppress(OSError):
            os.remove(out)


def _finite(value: int | float | Decimal) -> bool:
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    if isinstance(value, Decimal):
        return value.is_finite()
    return True


def _sheet_title(name: str) -> str:
    title = _SHEET_ILLEGAL.sub("_", _XML_ILLEGAL.sub("", name or "")).strip("'")[:31]
    return title or "Blad1"
