"""Who gives a consent: who was missing on the day it was given, who gave it as the register
shows it, and the reminder the consent dialog shows for a student.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.core.dates import age_on
from app.core.validation import today
from app.models import Consent, LegalRepresentation, Student
from app.services.common.labels import LEGAL_REPRESENTATION
from app.services.common.permissions import require_student_access
from app.services.common.rows import existing_student
from app.services.common.school_settings import school_settings


def givers_missing(consent: Consent, student: Student, age_limit: int) -> list[str]:
    """Who should have given this consent but did not, as Dutch phrases (empty: complete)."""
    missing: list[str] = []
    age = age_on(student.birth_date, consent.given_on)
    if not consent.given_by_student:
        missing.append("de leerling zelf")
    if (age is None or age < age_limit) and not (consent.given_by_guardian or "").strip():
        why = (
            "de geboortedatum is onbekend"
            if age is None
            else f"de leerling was toen {age} jaar, jonger dan {age_limit}"
        )
        missing.append(f"een ouder of voogd ({why})")
    representation = student.legal_representation or LegalRepresentation.NONE
    if (
        representation is not LegalRepresentation.NONE
        and not (consent.given_by_representative or "").strip()
    ):
        kind = LEGAL_REPRESENTATION[representation].lower()
        missing.append(f"de wettelijk vertegenwoordiger (de leerling staat onder {kind})")
    return missing


def join_phrases(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def given_by_text(consent: Consent) -> str:
    parts = []
    if consent.given_by_student:
        parts.append("leerling")
    if consent.given_by_guardian:
        parts.append(f"ouder/voogd {consent.given_by_guardian}")
    if consent.given_by_representative:
        parts.append(f"wettelijk vertegenwoordiger {consent.given_by_representative}")
    return ", ".join(parts) or "—"


@dataclass(frozen=True)
class GiverFacts:
    """What the consent dialog offers and reminds: who can give consent for this student."""

    guardians: list[str]
    representatives: list[str]
    hint: str


def giver_facts(session: Session, actor, student_id: int, on: date | None = None) -> GiverFacts:
    from app.models import GuardianRelation

    student = existing_student(session, student_id)
    require_student_access(actor, student)
    on = on or today()
    legal = (GuardianRelation.CURATOR, GuardianRelation.MENTOR_LEGAL)
    guardians = [g.name for g in student.guardians if g.has_authority and g.relation not in legal]
    representatives = [g.name for g in student.guardians if g.relation in legal]
    limit = school_settings(session).consent_age
    age = age_on(student.birth_date, on)
    parts = []
    if age is None:
        parts.append(
            "De geboortedatum is onbekend: de leerling telt als jonger dan "
            f"{limit}, dus ook een ouder of voogd geeft toestemming."
        )
    elif age < limit:
        parts.append(
            f"{student.first_name} is {age} jaar, jonger dan {limit}: "
            "ook een ouder of voogd geeft toestemming."
        )
    else:
        parts.append(f"{student.first_name} is {age} jaar en geeft zelf toestemming.")
    representation = student.legal_representation or LegalRepresentation.NONE
    if representation is not LegalRepresentation.NONE:
        kind = LEGAL_REPRESENTATION[representation].lower()
        parts.append(f"Onder {kind}: ook de wettelijk vertegenwoordiger geeft toestemming.")
    return GiverFacts(guardians, representatives, " ".join(parts))
