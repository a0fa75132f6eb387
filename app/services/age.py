"""Age for consent rules: a student whose birth date Koers does not know counts as a minor.

The LAS import may leave the birth date empty (missing, or refused as implausible); until
someone enters it, every consent rule treats the student as below the school's consent age,
so a parent's or guardian's consent is asked rather than wrongly skipped.
"""

from __future__ import annotations

from datetime import date


def age_on(birth_date: date, day: date) -> int:
    """Whole years on `day`."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def counts_as_minor(birth_date: date | None, day: date, consent_age: int = 16) -> bool:
    """True when the student is below `consent_age` on `day`, or the birth date is unknown."""
    if birth_date is None:
        return True
    return age_on(birth_date, day) < consent_age
