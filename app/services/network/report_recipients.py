"""Which organisation receives what is sent about a student: one by its code, the municipality
of residence, and the default recipients (that municipality and its RMC region).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Organisation, OrganisationKind, Student


def find_recipient(session: Session, code: str) -> Organisation | None:
    """An organisation by its short code or CBS code (case does not matter)."""
    cleaned = (code or "").strip().upper()
    if not cleaned:
        return None
    return session.scalars(
        select(Organisation).where(
            (func.upper(Organisation.code) == cleaned) | (Organisation.cbs_code == cleaned)
        )
    ).first()


def municipality_of(session: Session, student: Student) -> Organisation | None:
    """The municipality of residence as an organisation, by name (case does not matter)."""
    name = (student.municipality or "").strip()
    if not name:
        return None
    return session.scalars(
        select(Organisation).where(
            Organisation.kind == OrganisationKind.MUNICIPALITY,
            func.lower(Organisation.name).in_([name.lower(), f"gemeente {name}".lower()]),
        )
    ).first()


def default_recipients(session: Session, student: Student) -> list[Organisation]:
    """Who a report goes to by default: the municipality of residence and its RMC region."""
    municipality = municipality_of(session, student)
    if municipality is None:
        return []
    result = [municipality]
    if municipality.rmc_region_id:
        region = session.get(Organisation, municipality.rmc_region_id)
        if region is not None:
            result.append(region)
    return [o for o in result if o.active]
