"""Which kind of LAS export a file is: EDEXML or CSV, told from its content first.

The content decides because names lie: schools rename exports, and an LAS may save XML as
`.txt`. The name only settles what the content leaves open (a `.xml` file that does not
start like XML is still read as EDEXML, so the user hears what is wrong with it as XML).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Literal

from app.importers.paths import ImportFileError

ImportFormat = Literal["edexml", "csv"]
EDEXML: ImportFormat = "edexml"
CSV: ImportFormat = "csv"
FORMAT_NAMES: dict[ImportFormat, str] = {EDEXML: "EDEXML", CSV: "CSV"}

_UTF8_BOM = b"\xef\xbb\xbf"
# The first bytes of files people pick by mistake instead of the LAS export.
_NOT_AN_EXPORT = (
    (b"PK\x03\x04", "een Excel- of ander Office-bestand"),
    (b"\xd0\xcf\x11\xe0", "een oud Excel- of Word-bestand"),
    (b"%PDF", "een PDF-bestand"),
)
_ADVICE = "Kies de EDEXML-uitvoer van het LAS, of sla de lijst op als CSV en kies die."


def detect_format(data: bytes, filename: str = "") -> ImportFormat:
    """ "edexml" or "csv" for the bytes of an LAS export; ImportFileError (Dutch) for neither."""
    what = f"Het bestand '{PurePath(filename).name}'" if filename else "Het bestand"
    start = data.removeprefix(_UTF8_BOM).lstrip()
    if not start:
        raise ImportFileError(f"{what} is leeg.")
    if start.startswith(b"<"):
        return EDEXML
    for signature, kind in _NOT_AN_EXPORT:
        if data.startswith(signature):
            raise ImportFileError(f"{what} is {kind}, geen EDEXML of CSV. {_ADVICE}")
    # UTF-8 and Windows-1252 text never holds a NUL byte (Koers reads CSV in those two).
    if b"\x00" in data[:4096]:
        raise ImportFileError(f"{what} is geen tekstbestand, dus geen EDEXML of CSV. {_ADVICE}")
    if PurePath(filename).suffix.lower() == ".xml":
        return EDEXML
    return CSV
