"""Stored values converted once per distinct value: the same result whether the driver
gives text (SQLite) or dates (PostgreSQL), and one object per distinct value."""

from __future__ import annotations

from datetime import date

from app.models import CallKind, Destination
from app.services.common.stored_values import StoredValues


def test_dates_from_text_or_date_and_none() -> None:
    stored = StoredValues()
    first = stored.date("2026-03-01")
    assert first == date(2026, 3, 1)
    assert stored.date("2026-03-01") is first  # converted once, shared after
    assert stored.date(date(2026, 3, 2)) == date(2026, 3, 2)
    assert stored.date(None) is None


def test_enums_by_stored_value_and_kind() -> None:
    stored = StoredValues()
    kind = next(iter(CallKind))
    assert stored.enum(CallKind, kind.value) is kind
    assert stored.enum(CallKind, kind) is kind  # a driver that already made the member
    destination = next(iter(Destination))
    assert stored.enum(Destination, destination.value) is destination
    assert stored.enum(Destination, None) is None
