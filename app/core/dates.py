"""Dates the rules share: whole years of age on a day."""

from __future__ import annotations

from datetime import date


def age_on(birth_date: date | None, day: date) -> int | None:
    """Whole years on `day`; None when the birth date is unknown (the caller decides)."""
    if birth_date is None:
        return None
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday
