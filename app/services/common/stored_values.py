"""Values read as the database stores them, converted once per distinct value.

A list of thousands of rows (the coordinator's aftercare worklist) repeats the same few
hundred dates and a handful of enum values: SQLAlchemy's per-row conversion of each
column cost more than the query (issue 19). Read those columns with `as_stored` and
convert them here: SQLite gives ISO text and enum values, PostgreSQL's driver gives dates.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TypeVar

from sqlalchemy import String, type_coerce

E = TypeVar("E", bound=Enum)


def as_stored(column, label: str):
    """`column` as the database stores it, without SQLAlchemy's conversion per row."""
    return type_coerce(column, String).label(label)


class StoredValues:
    """Converts stored values, each distinct one once, for one list being built."""

    def __init__(self) -> None:
        self._dates: dict[object, date | None] = {None: None}
        self._enums: dict[tuple[type, object], Enum | None] = {}

    def date(self, stored: object) -> date | None:
        known = self._dates.get(stored, self)
        if known is self:
            known = self._dates[stored] = (
                date.fromisoformat(stored) if isinstance(stored, str) else stored
            )
        return known

    def enum(self, kind: type[E], stored: object) -> E | None:
        key = (kind, stored)
        known = self._enums.get(key, self)
        if known is self:
            known = self._enums[key] = None if stored is None else kind(stored)
        return known
