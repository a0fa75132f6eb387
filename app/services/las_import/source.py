"""The LAS file to import, read and checked without the database; the last one read is kept
(the import after its preview does not read it again) until the import or a cancel drops it.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import date

from app.importers.csv_file import read_csv
from app.importers.edexml import read_edexml
from app.importers.records import ParsedImport


@dataclass(frozen=True)
class ImportSource:
    """A file to import, already read: its bytes, kind and (CSV) column mapping."""

    kind: str  # "edexml" | "csv"
    data: bytes
    name: str = ""
    mapping: dict[str, str] | None = None
    # Remember `mapping` under this name when the import is applied (CSV).
    mapping_name: str = ""


def parse_source(source: ImportSource, today: date | None = None) -> ParsedImport:
    """The file read and checked (no database involved).

    The last file read is kept, so the import after its preview does not read it again.
    """
    mapping = tuple(sorted((source.mapping or {}).items()))
    key = (source.kind, hashlib.sha256(source.data).digest(), mapping, source.name, today)
    with _cache_lock:
        if _last_parsed and _last_parsed[0] == key:
            return _last_parsed[1]
    if source.kind == "edexml":
        parsed = read_edexml(source.data, source=source.name, today=today)
    elif source.kind == "csv":
        parsed = read_csv(source.data, source.mapping or {}, source=source.name, today=today)
    else:
        raise ValueError(f"unknown import kind {source.kind!r}")
    with _cache_lock:
        _last_parsed[:] = [key, parsed]
    return parsed


_last_parsed: list = []
_cache_lock = threading.Lock()


def forget_parsed() -> None:
    """Drops the kept copy of the last file read (personal data) from memory."""
    with _cache_lock:
        _last_parsed.clear()
