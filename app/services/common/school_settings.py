"""The school's settings, typed and with their defaults: the one place that reads and writes them.

A database holds one school row (made by `accounts.initialise_school` with the defaults
below). Services read the settings through `school_settings`, one query; a database without
a school yet reads as the defaults with an empty name. The rules about what a valid value is
stay with the area that owns the setting (call moments: aftercare; retention: admin).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import KoersError
from app.models import SchoolSettings
from app.services.common import audit
from app.services.common.actor import Actor

# The AVG lets a 16-year-old consent; a school may choose a higher age.
DEFAULT_CONSENT_AGE = 16
DEFAULT_IDLE_LOCK_MINUTES = 5
DEFAULT_AFTERCARE_MONTHS = 24
# The aftercare call moments, in months after leaving.
DEFAULT_CALL_MONTHS = (1, 3, 6, 12, 18, 24)
# Months a file is kept after aftercare ended (Dutch practice: two years).
DEFAULT_RETENTION_MONTHS = 24

# The Sectorraad Praktijkonderwijs' norms: at least 90 % placed, 75 % still in place.
DEFAULT_NORM_PLACED_PERCENT = 90
DEFAULT_NORM_RETAINED_PERCENT = 75

NO_SCHOOL = "Deze database heeft nog geen school."


@dataclass(frozen=True, slots=True)
class Settings:
    """The school's settings as the services use them."""

    id: int | None = None  # None: the database has no school yet
    name: str = ""
    brin: str = ""
    is_demo: bool = False
    # How a receiver of a report reaches the school; empty until Beheer fills them in.
    phone: str = ""
    email: str = ""
    consent_age: int = DEFAULT_CONSENT_AGE
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES
    aftercare_months: int = DEFAULT_AFTERCARE_MONTHS
    aftercare_call_months: tuple[int, ...] = DEFAULT_CALL_MONTHS
    retention_months: int = DEFAULT_RETENTION_MONTHS
    norm_placed_percent: int = DEFAULT_NORM_PLACED_PERCENT
    norm_retained_percent: int = DEFAULT_NORM_RETAINED_PERCENT

    @property
    def exists(self) -> bool:
        return self.id is not None


DEFAULTS = Settings()


def parse_moments(value: str | None) -> tuple[int, ...]:
    """'1, 3, 6' → (1, 3, 6): sorted, unique, positive whole months; ValueError on a non-number."""
    moments = {int(part) for part in (value or "").replace(";", ",").split(",") if part.strip()}
    return tuple(sorted(m for m in moments if m > 0))


def _row(session: Session) -> SchoolSettings | None:
    return session.scalars(select(SchoolSettings).order_by(SchoolSettings.id).limit(1)).first()


def _typed(row: SchoolSettings) -> Settings:
    try:
        moments = parse_moments(row.aftercare_call_months) or DEFAULT_CALL_MONTHS
    except ValueError:  # a value typed straight into the database
        moments = DEFAULT_CALL_MONTHS
    return Settings(
        id=row.id,
        name=row.name,
        brin=row.brin,
        is_demo=row.is_demo,
        phone=row.phone or "",
        email=row.email or "",
        # Zero or empty would let every child consent alone: fall back to the AVG age.
        consent_age=row.consent_age or DEFAULT_CONSENT_AGE,
        idle_lock_minutes=row.idle_lock_minutes,
        aftercare_months=row.aftercare_months,
        aftercare_call_months=moments,
        retention_months=row.retention_months,
        norm_placed_percent=row.norm_placed_percent or DEFAULT_NORM_PLACED_PERCENT,
        norm_retained_percent=row.norm_retained_percent or DEFAULT_NORM_RETAINED_PERCENT,
    )


def school_settings(session: Session) -> Settings:
    """The school's settings (the defaults while the database has no school)."""
    row = _row(session)
    return DEFAULTS if row is None else _typed(row)


def new_school_row(name: str, brin: str, *, is_demo: bool) -> SchoolSettings:
    """The school row of a new database, with every setting at its default."""
    return SchoolSettings(
        name=name,
        brin=brin,
        is_demo=is_demo,
        consent_age=DEFAULT_CONSENT_AGE,
        idle_lock_minutes=DEFAULT_IDLE_LOCK_MINUTES,
        aftercare_months=DEFAULT_AFTERCARE_MONTHS,
        aftercare_call_months=",".join(map(str, DEFAULT_CALL_MONTHS)),
        retention_months=DEFAULT_RETENTION_MONTHS,
    )


_WRITABLE = {f.name for f in fields(Settings)} - {"id"}


def save_settings(session: Session, actor: Actor, detail: str, **values: object) -> Settings:
    """Writes settings (by their `Settings` names) to the school row, audited with `detail`.

    The caller has checked the role and the values; a database without a school refuses.
    """
    unknown = set(values) - _WRITABLE
    if unknown:
        raise TypeError(f"not a school setting: {', '.join(sorted(unknown))}")
    row = _row(session)
    if row is None:
        raise KoersError(NO_SCHOOL)
    for key, value in values.items():
        # The call moments are stored as text: "1,3,6".
        stored = ",".join(map(str, value)) if isinstance(value, tuple) else value
        setattr(row, key, stored)
    row.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "school_settings", row.id, detail)
    return _typed(row)
