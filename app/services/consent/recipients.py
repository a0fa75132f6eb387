"""Who an export is about and who receives it: a student by id or LAS key, a recipient by id,
code or `auto` (the municipality of residence), and the recipients the dialogs offer.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.models import Organisation, Student
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access
from app.services.common.rows import student_by_las_key
from app.services.consent.gate import ConsentRefusedError
from app.services.consent.transition_report import recipient_label
from app.services.network.report_recipients import find_recipient, municipality_of

AUTO = "auto"


def student_by_ref(session: Session, actor: Actor, ref: int | str) -> Student:
    """The student an export is about: by id (int) or by LAS key (text)."""
    if isinstance(ref, int):
        student = session.get(Student, ref)
    else:
        student = student_by_las_key(session, actor, str(ref))
    if student is None:
        raise NotFoundError(f"Er is geen leerling met leerlingnummer '{ref}'.")
    return student


def resolve_recipient(session: Session, student: Student, ref: int | str) -> Organisation:
    """An organisation by id, short code, CBS code, or `auto` (municipality of residence)."""
    if isinstance(ref, int):
        org = session.get(Organisation, ref)
    elif str(ref).strip().lower() == AUTO:
        org = municipality_of(session, student)
        if org is None:
            where = student.municipality or "(onbekend)"
            raise ConsentRefusedError(
                f"De woongemeente {where} van {student.full_name} staat niet in het netwerk; "
                "voeg de gemeente toe onder Netwerk of kies de ontvanger zelf."
            )
    else:
        org = find_recipient(session, str(ref))
    if org is None:
        raise NotFoundError(f"Er is geen organisatie met code '{ref}'.")
    return org


@dataclass(frozen=True)
class RecipientChoice:
    id: int
    label: str


def recipient_choices(
    session: Session, actor, student_id: int
) -> tuple[list[RecipientChoice], int | None]:
    """Every active organisation, and the default one for this student (municipality)."""
    from app.services.network.report_recipients import default_recipients

    student = student_by_ref(session, actor, student_id)
    require_student_access(actor, student)
    orgs = session.scalars(
        select(Organisation)
        .where(Organisation.active.is_(True))
        .order_by(Organisation.kind, Organisation.name)
    )
    choices = [RecipientChoice(o.id, f"{recipient_label(o)} ({o.code})") for o in orgs]
    defaults = default_recipients(session, student)
    return choices, defaults[0].id if defaults else None
