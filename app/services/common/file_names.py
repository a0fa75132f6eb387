"""One naming scheme for every file Koers suggests or writes: `<soort>-<naam>-<jjjj-mm-dd>.<ext>`.

A coordinator who saves a profile, an internship agreement and a parent report for the
same student finds them next to each other, sorted by kind, name and date.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_NOT_SAFE = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-': 'Chloë van Beek' -> 'chloe-van-beek'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SAFE.sub("-", plain.lower()).strip("-")


def file_name(kind: str, name: str, on: date, extension: str = "pdf", *, suffix: str = "") -> str:
    """The file name for a document of `kind` about `name` (a student, a municipality, a
    region) made on `on`: file_name("profiel", "Chloë van Beek", day) ->
    'profiel-chloe-van-beek-2026-03-01.pdf'. An empty name is left out. `suffix` tells
    apart files that would otherwise share a name (a recipient's code in a batch) and comes
    after the date, so they still sort by kind, name and date."""
    parts = [slug(kind), slug(name), on.isoformat(), slug(suffix)]
    return "-".join(part for part in parts if part) + "." + extension.lstrip(".")
