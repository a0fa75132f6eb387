"""Planning an internship and changing it: the form as typed, checked, and the rule that
one student's internships may not overlap on the same working days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError, ValidationError
from app.core.validation import Problems, choice, format_date, parse_date, text
from app.models import (
    Employer,
    EmployerContact,
    Internship,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
)
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_edit
from app.services.common.rows import existing_student, flush_or_conflict

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
DAY_NAMES = {
    "ma": "maandag",
    "di": "dinsdag",
    "wo": "woensdag",
    "do": "donderdag",
    "vr": "vrijdag",
    "za": "zaterdag",
    "zo": "zondag",
}
CONFLICT_MESSAGE = (
    "Iemand anders heeft deze stage opgeslagen nadat u hem opende. Uw wijzigingen zijn "
    "niet opgeslagen. Open de stage opnieuw en voer ze nogmaals in."
)


@dataclass
class InternshipInput:
    """An internship as typed: text, checked by `plan_internship` / `save_internship`."""

    employer_id: int | None = None
    supervisor_id: int | None = None
    kind: str = InternshipType.BLOK.value
    start_date: str = ""
    end_date: str = ""
    days: list[str] = field(default_factory=list)
    hours_per_week: str = ""
    learning_goals: str = ""
    outcome: str = ""
    outcome_note: str = ""


def find_internship(session: Session, internship_id: int) -> Internship:
    internship = session.get(Internship, internship_id)
    if internship is None:
        raise NotFoundError("Deze stage bestaat niet (meer).")
    return internship


def parse_days(value: str | None) -> list[str]:
    if not value:
        return []
    return [d for d in DAYS if d in {part.strip().lower()[:2] for part in value.split(",")}]


def _days_text(days: list[str]) -> str:
    return ",".join(d for d in DAYS if d in set(days))


def _overlap_problem(
    session: Session,
    student_id: int,
    start: date,
    end: date | None,
    days: list[str],
    exclude_id: int | None,
) -> str | None:
    """The first internship of the student that runs on one of the same days, as a message.

    A broken-off internship counts until the day it was broken off. Without days recorded
    an internship counts as every day.
    """
    last = func.coalesce(Internship.broken_off_on, Internship.end_date)
    stmt = (
        select(Internship, Employer.name)
        .join(Employer, Employer.id == Internship.employer_id)
        .where(
            Internship.student_id == student_id,
            or_(last.is_(None), last >= start),
        )
        .order_by(Internship.start_date)
    )
    if end is not None:
        stmt = stmt.where(Internship.start_date <= end)
    if exclude_id is not None:
        stmt = stmt.where(Internship.id != exclude_id)
    mine = set(days) or set(DAYS)
    for other, employer in session.execute(stmt):
        theirs = set(parse_days(other.days)) or set(DAYS)
        shared = [d for d in DAYS if d in mine & theirs]
        if shared:
            names = ", ".join(DAY_NAMES[d] for d in shared)
            until = format_date(other.end_date) or "open einde"
            return (
                f"Deze leerling loopt op {names} al stage bij {employer} "
                f"({format_date(other.start_date)} t/m {until}). Kies andere dagen of een "
                "andere periode: stages van één leerling mogen niet op dezelfde dagen "
                "overlappen."
            )
    return None


def _validated(session: Session, student_id: int, data: InternshipInput, exclude_id=None) -> dict:
    p = Problems()
    employer = session.get(Employer, data.employer_id) if data.employer_id else None
    if employer is None:
        p.add("employer_id", "Werkgever: kies een werkgever uit het netwerk.")
    elif employer.merged_into_id:
        p.add("employer_id", "Werkgever: deze werkgever is samengevoegd; kies de andere.")
    supervisor = session.get(EmployerContact, data.supervisor_id) if data.supervisor_id else None
    if data.supervisor_id and (supervisor is None or supervisor.employer_id != data.employer_id):
        p.add("supervisor_id", "Praktijkbegeleider: hoort niet bij deze werkgever.")
    kind = choice(data.kind, InternshipType, "Soort stage", "kind", p)
    if kind is None and "kind" not in p.by_field:
        p.add("kind", "Soort stage: kies een soort.")
    start = parse_date(data.start_date, "Begindatum", "start_date", p)
    if start is None and "start_date" not in p.by_field:
        p.add("start_date", "Begindatum: dit veld is verplicht.")
    end = parse_date(data.end_date, "Einddatum", "end_date", p)
    if start and end and end < start:
        p.add("end_date", "Einddatum: ligt vóór de begindatum.")
    unknown = [d for d in data.days if d not in DAYS]
    if unknown:
        p.add("days", f"Stagedagen: '{unknown[0]}' is geen dag.")
    hours = None
    if (data.hours_per_week or "").strip():
        try:
            hours = int(str(data.hours_per_week).strip())
            if not 1 <= hours <= 40:
                p.add("hours_per_week", "Uren per week: kies 1 tot en met 40 uur.")
        except ValueError:
            p.add("hours_per_week", f"Uren per week: '{data.hours_per_week}' is geen getal.")
    outcome = choice(data.outcome, InternshipOutcome, "Resultaat", "outcome", p)
    values = {
        "employer_id": data.employer_id,
        "supervisor_id": data.supervisor_id,
        "kind": kind,
        "start_date": start,
        "end_date": end,
        "days": _days_text(data.days) or None,
        "hours_per_week": hours,
        "learning_goals": text(
            data.learning_goals, "Leerdoelen", "learning_goals", p, max_length=4000
        ),
        "outcome": outcome.value if outcome else None,
        "outcome_note": text(
            data.outcome_note, "Toelichting resultaat", "outcome_note", p, max_length=300
        ),
    }
    p.raise_if_any()
    clash = _overlap_problem(session, student_id, start, end, data.days, exclude_id)
    if clash:
        raise ValidationError({"start_date": clash})
    return values


def plan_internship(session: Session, actor: Actor, student_id: int, data: InternshipInput) -> int:
    """Plans a new internship for a student; returns its id."""
    require_student_edit(actor, existing_student(session, student_id))
    values = _validated(session, student_id, data)
    internship = Internship(
        student_id=student_id,
        status=InternshipStatus.PLANNED,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
        **values,
    )
    session.add(internship)
    session.flush()
    audit.record(session, actor, "create", "internship", internship.id)
    return internship.id


def editable_internship(
    session: Session, actor: Actor, internship_id: int, version: int
) -> Internship:
    internship = find_internship(session, internship_id)
    require_student_edit(actor, existing_student(session, internship.student_id))
    if internship.version != version:
        raise ConflictError(CONFLICT_MESSAGE)
    return internship


def save_version(session: Session, internship: Internship, actor: Actor) -> int:
    internship.updated_by_id = actor.user_id
    internship.updated_at = utcnow()
    flush_or_conflict(session, CONFLICT_MESSAGE)
    return internship.version


def save_internship(
    session: Session, actor: Actor, internship_id: int, expected_version: int, data: InternshipInput
) -> int:
    """Saves changes to an internship read at `expected_version`; returns the new version."""
    internship = editable_internship(session, actor, internship_id, expected_version)
    values = _validated(session, internship.student_id, data, exclude_id=internship.id)
    changed = [k for k, v in values.items() if getattr(internship, k) != v]
    for key in changed:
        setattr(internship, key, values[key])
    version = save_version(session, internship, actor)
    audit.record(session, actor, "update", "internship", internship.id, ",".join(changed))
    return version
