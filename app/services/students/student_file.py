"""The student's file: reading it (logged), and creating or changing it (validated)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import ConflictError, NotFoundError, ValidationError
from app.core.validation import (
    Problems,
    choice,
    email,
    format_date,
    parse_date,
    postcode,
    text,
    today,
)
from app.models import (
    Guardian,
    GuardianRelation,
    LegalRepresentation,
    OutflowProfile,
    SchoolType,
    Sex,
    Student,
    TransitionPath,
    User,
)
from app.models.base import utcnow
from app.services.aftercare import plan as aftercare
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.labels import missing_labels
from app.services.common.permissions import (
    new_student_school,
    require_coordinator,
    require_edit,
    require_student_access,
    require_student_edit,
)
from app.services.common.rows import STUDENT_GONE, flush_or_conflict, in_school

EARLIEST_BIRTH_DATE = date(1990, 1, 1)

CONFLICT_MESSAGE = (
    "Iemand anders heeft dit leerlingdossier opgeslagen nadat u het opende. "
    "Uw wijzigingen zijn niet opgeslagen. Laad het dossier opnieuw en voer ze nogmaals in."
)


@dataclass
class GuardianInput:
    """A guardian as typed in the form; `id` is None for a new one."""

    name: str = ""
    relation: str = GuardianRelation.PARENT.value
    has_authority: bool = True
    phone: str = ""
    email: str = ""
    address: str = ""
    needs_interpreter: bool = False
    language: str = ""
    id: int | None = None


@dataclass
class StudentInput:
    """The student's personal details as typed: text, checked by `save_student`."""

    first_name: str = ""
    prefix: str = ""
    surname: str = ""
    birth_date: str = ""
    sex: str = ""
    las_key: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    municipality: str = ""
    school_type: str = SchoolType.VSO.value
    outflow_profile: str = ""
    class_name: str = ""
    mentor_id: int | None = None
    enrolment_date: str = ""
    planned_outflow_date: str = ""
    legal_representation: str = LegalRepresentation.NONE.value
    notes: str = ""
    guardians: list[GuardianInput] = field(default_factory=list)


@dataclass(frozen=True)
class StudentFile:
    """What the file shows: the stored values plus the version it was read at."""

    id: int
    version: int
    full_name: str
    mentor_name: str
    input: StudentInput
    # What the LAS import could not fill in and nobody entered since (Dutch words).
    missing: tuple[str, ...] = ()


def _to_input(student: Student) -> StudentInput:
    return StudentInput(
        first_name=student.first_name,
        prefix=student.prefix or "",
        surname=student.surname,
        birth_date=format_date(student.birth_date),
        sex=student.sex.value if student.sex else "",
        las_key=student.las_key or "",
        email=student.email or "",
        phone=student.phone or "",
        address=student.address or "",
        postcode=student.postcode or "",
        city=student.city or "",
        municipality=student.municipality or "",
        school_type=student.school_type.value,
        outflow_profile=student.outflow_profile.value if student.outflow_profile else "",
        class_name=student.class_name or "",
        mentor_id=student.mentor_id,
        enrolment_date=format_date(student.enrolment_date),
        planned_outflow_date=format_date(student.planned_outflow_date),
        legal_representation=student.legal_representation.value,
        notes=student.notes or "",
        guardians=[
            GuardianInput(
                id=g.id,
                name=g.name,
                relation=g.relation.value,
                has_authority=g.has_authority,
                phone=g.phone or "",
                email=g.email or "",
                address=g.address or "",
                needs_interpreter=g.needs_interpreter,
                language=g.language or "",
            )
            for g in student.guardians
        ],
    )


def _load(session: Session, student_id: int) -> Student:
    student = session.scalars(
        select(Student).options(selectinload(Student.guardians)).where(Student.id == student_id)
    ).first()
    if student is None:
        raise NotFoundError(STUDENT_GONE)
    return student


def open_student_file(session: Session, actor: Actor, student_id: int) -> StudentFile:
    """Reads a student's file for `actor`; every read is in the audit trail."""
    student = _load(session, student_id)
    require_student_access(actor, student)
    mentor_name = ""
    if student.mentor_id is not None:
        mentor_name = session.scalar(select(User.display_name).where(User.id == student.mentor_id))
    audit.record(session, actor, "view", "student", student.id)
    return StudentFile(
        student.id,
        student.version,
        student.full_name,
        mentor_name or "",
        _to_input(student),
        _still_missing(student),
    )


def _still_missing(student: Student) -> tuple[str, ...]:
    codes = []
    for code in (student.las_missing or "").split(","):
        held = (
            student.bsn or student.onderwijsnummer or student.id_last4
            if code == "bsn"
            else getattr(student, code, None)
        )
        if code and not held:
            codes.append(code)
    return tuple(missing_labels(",".join(codes)))


def _validated_values(session: Session, data: StudentInput) -> tuple[dict, list[dict]]:
    """Checks every field; returns column values and guardian values, or raises."""
    p = Problems()
    values: dict = {
        "first_name": text(
            data.first_name, "Roepnaam", "first_name", p, max_length=80, required=True
        ),
        "prefix": text(data.prefix, "Tussenvoegsel", "prefix", p, max_length=20),
        "surname": text(data.surname, "Achternaam", "surname", p, max_length=120, required=True),
        "birth_date": parse_date(data.birth_date, "Geboortedatum", "birth_date", p),
        "sex": choice(data.sex, Sex, "Geslacht", "sex", p),
        "las_key": text(data.las_key, "Leerlingnummer (LAS)", "las_key", p, max_length=40),
        "email": email(data.email, "E-mail", "email", p),
        "phone": text(data.phone, "Telefoon", "phone", p, max_length=40),
        "address": text(data.address, "Adres", "address", p, max_length=200),
        "postcode": postcode(data.postcode, "Postcode", "postcode", p),
        "city": text(data.city, "Woonplaats", "city", p, max_length=80),
        "municipality": text(data.municipality, "Gemeente", "municipality", p, max_length=80),
        "school_type": choice(data.school_type, SchoolType, "Schoolsoort", "school_type", p)
        or SchoolType.VSO,
        "outflow_profile": choice(
            data.outflow_profile, OutflowProfile, "Uitstroomprofiel", "outflow_profile", p
        ),
        "class_name": text(data.class_name, "Klas", "class_name", p, max_length=20),
        "mentor_id": data.mentor_id,
        "enrolment_date": parse_date(data.enrolment_date, "Inschrijfdatum", "enrolment_date", p),
        "planned_outflow_date": parse_date(
            data.planned_outflow_date, "Geplande uitstroomdatum", "planned_outflow_date", p
        ),
        "legal_representation": choice(
            data.legal_representation,
            LegalRepresentation,
            "Wettelijke vertegenwoordiging",
            "legal_representation",
            p,
        )
        or LegalRepresentation.NONE,
        "notes": text(data.notes, "Notities", "notes", p, max_length=4000),
    }
    birth = values["birth_date"]
    if birth and (birth > today() or birth < EARLIEST_BIRTH_DATE):
        p.add("birth_date", f"Geboortedatum: {format_date(birth)} kan niet kloppen.")
    enrolled, leaving = values["enrolment_date"], values["planned_outflow_date"]
    if enrolled and leaving and leaving < enrolled:
        p.add(
            "planned_outflow_date",
            "Geplande uitstroomdatum: ligt vóór de inschrijfdatum.",
        )
    if birth and enrolled and enrolled < birth:
        p.add("enrolment_date", "Inschrijfdatum: ligt vóór de geboortedatum.")
    if data.mentor_id is not None and session.get(User, data.mentor_id) is None:
        p.add("mentor_id", "Mentor: deze gebruiker bestaat niet (meer).")
    guardians = []
    for n, g in enumerate(data.guardians, start=1):
        prefix = f"Ouder/verzorger {n}"
        guardians.append(
            {
                "id": g.id,
                "name": text(
                    g.name, f"{prefix}, naam", f"guardian{n}.name", p, max_length=160, required=True
                ),
                "relation": choice(
                    g.relation, GuardianRelation, f"{prefix}, relatie", f"guardian{n}.relation", p
                )
                or GuardianRelation.PARENT,
                "has_authority": bool(g.has_authority),
                "phone": text(
                    g.phone, f"{prefix}, telefoon", f"guardian{n}.phone", p, max_length=40
                ),
                "email": email(g.email, f"{prefix}, e-mail", f"guardian{n}.email", p),
                "address": text(
                    g.address, f"{prefix}, adres", f"guardian{n}.address", p, max_length=200
                ),
                "needs_interpreter": bool(g.needs_interpreter),
                "language": text(
                    g.language, f"{prefix}, taal", f"guardian{n}.language", p, max_length=40
                ),
            }
        )
    p.raise_if_any()
    return values, guardians


def _apply_guardians(student: Student, guardians: list[dict]) -> list[str]:
    """Updates, adds and removes guardians to match the form; returns what changed."""
    changed: list[str] = []
    existing = {g.id: g for g in student.guardians}
    kept: list[Guardian] = []
    for values in guardians:
        guardian = existing.get(values.pop("id"))
        if guardian is None:
            guardian = Guardian(**values)
            changed.append("guardian_added")
        else:
            changed += [f"guardian.{k}" for k, v in values.items() if getattr(guardian, k) != v]
            for key, value in values.items():
                setattr(guardian, key, value)
        kept.append(guardian)
    if set(existing) - {g.id for g in kept}:
        changed.append("guardian_removed")
    student.guardians = kept
    return sorted(set(changed))


def _refuse_taken_las_key(
    session: Session, las_key: str | None, school_id: int | None, own_id: int | None
) -> None:
    """A LAS number is unique within a school (another school may use it, 0019)."""
    if not las_key:
        return
    holder = session.scalar(
        select(Student.id).where(Student.las_key == las_key, in_school(school_id))
    )
    if holder is not None and holder != own_id:
        raise ValidationError(
            {"las_key": f"Leerlingnummer (LAS): {las_key} hoort al bij een leerling."}
        )


def create_student(session: Session, actor: Actor, data: StudentInput) -> int:
    """Adds a student to the cohort; returns the new id."""
    require_edit(actor)
    values, guardians = _validated_values(session, data)
    if not actor.is_coordinator:
        # A mentor's new student is the mentor's own; otherwise it would vanish from view.
        values["mentor_id"] = actor.user_id
    values["school_id"] = new_student_school(actor)
    _refuse_taken_las_key(session, values["las_key"], values["school_id"], None)
    student = Student(**values, created_by_id=actor.user_id, updated_by_id=actor.user_id)
    student.guardians = [Guardian(**{k: v for k, v in g.items() if k != "id"}) for g in guardians]
    session.add(student)
    session.flush()
    session.add(TransitionPath(student_id=student.id, created_by_id=actor.user_id))
    audit.record(session, actor, "create", "student", student.id)
    return student.id


def save_student(
    session: Session, actor: Actor, student_id: int, expected_version: int, data: StudentInput
) -> int:
    """Saves changes made to a file read at `expected_version`; returns the new version.

    A file changed elsewhere in the meantime raises ConflictError and saves nothing.
    """
    require_edit(actor)
    student = _load(session, student_id)
    require_student_edit(actor, student)
    if student.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)
    values, guardians = _validated_values(session, data)
    _refuse_taken_las_key(session, values["las_key"], student.school_id, student.id)
    if values["mentor_id"] != student.mentor_id:
        require_coordinator(
            actor, "Alleen een coördinator kan de mentor van een leerling wijzigen."
        )
    changed = [key for key, value in values.items() if getattr(student, key) != value]
    for key in changed:
        setattr(student, key, values[key])
    changed += _apply_guardians(student, guardians)
    if not changed:
        return student.version
    # Touching the student row bumps its version for guardian-only edits too, so the
    # whole file is one unit for conflict detection.
    student.updated_by_id = actor.user_id
    student.updated_at = utcnow()
    flush_or_conflict(session, CONFLICT_MESSAGE)
    audit.record(session, actor, "update", "student", student.id, ",".join(changed))
    if {"planned_outflow_date", "actual_outflow_date"} & set(changed):
        aftercare.sync_plan(session, actor, student.id)  # the aftercare plan follows the date
    return student.version
