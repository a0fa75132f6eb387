"""Turning what a user typed into values, with Dutch messages that name the field."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TypeVar

from app.core import clock
from app.core.text_safety import nfc, refusal

E = TypeVar("E", bound=StrEnum)

DATE_FORMAT = "%d-%m-%Y"
_DATE_RE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_POSTCODE_RE = re.compile(r"^\s*([1-9]\d{3})\s?([A-Za-z]{2})\s*$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Problems:
    """Collects one message per field, so the user sees every problem at once."""

    def __init__(self) -> None:
        self.by_field: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.by_field.setdefault(field, message)

    def __bool__(self) -> bool:
        return bool(self.by_field)

    def raise_if_any(self) -> None:
        from app.core.errors import ValidationError

        if self.by_field:
            raise ValidationError(dict(self.by_field))


def format_date(value: date | None) -> str:
    return value.strftime(DATE_FORMAT) if value else ""


def parse_date(text: str | None, label: str, field: str, problems: Problems) -> date | None:
    """Reads dd-mm-jjjj (also with / or .; ISO too); an empty field is None."""
    if text is None or not text.strip():
        return None
    match = _DATE_RE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        iso = _ISO_RE.match(text)
        if not iso:
            problems.add(field, f"{label}: '{text.strip()}' is geen datum; gebruik dd-mm-jjjj.")
            return None
        year, month, day = (int(g) for g in iso.groups())
    try:
        return date(year, month, day)
    except ValueError:
        problems.add(field, f"{label}: '{text.strip()}' is geen bestaande datum.")
        return None


def text(
    value: str | None,
    label: str,
    field: str,
    problems: Problems,
    *,
    max_length: int,
    required: bool = False,
) -> str | None:
    """Trims the value (NFC); checks presence, length and hidden characters.

    A control or direction-override character (ESC, BEL, U+202E, ...) is refused with a
    message naming the field rather than stripped silently: the user sees what was pasted
    and the stored text is exactly what was typed. Tab, line breaks and direction marks
    stay allowed, as free text (notes, summaries) uses them.
    """
    cleaned = nfc(value or "").strip()
    if not cleaned:
        if required:
            problems.add(field, f"{label}: dit veld is verplicht.")
        return None
    if len(cleaned) > max_length:
        problems.add(field, f"{label}: maximaal {max_length} tekens (nu {len(cleaned)}).")
        return None
    reason = refusal(cleaned, multiline=True)
    if reason:
        problems.add(field, f"{label}: {reason}; haal dat weg.")
        return None
    return cleaned


def email(value: str | None, label: str, field: str, problems: Problems) -> str | None:
    cleaned = text(value, label, field, problems, max_length=200)
    if cleaned and not _EMAIL_RE.match(cleaned):
        problems.add(field, f"{label}: '{cleaned}' is geen geldig e-mailadres.")
        return None
    return cleaned


def postcode(value: str | None, label: str, field: str, problems: Problems) -> str | None:
    """A Dutch postcode, normalised to '1234 AB'."""
    if value is None or not value.strip():
        return None
    match = _POSTCODE_RE.match(value)
    if not match:
        problems.add(field, f"{label}: '{value.strip()}' is geen Nederlandse postcode (1234 AB).")
        return None
    return f"{match.group(1)} {match.group(2).upper()}"


def choice(value: str | E | None, enum_cls: type[E], label: str, field: str, problems: Problems):
    """One of a fixed list; accepts the enum or its stored value."""
    if value is None or value == "":
        return None
    try:
        return enum_cls(value)
    except ValueError:
        problems.add(field, f"{label}: '{value}' is geen geldige keuze.")
        return None


def today() -> date:
    """Today by the app's one clock (app.core.clock)."""
    return clock.today()
