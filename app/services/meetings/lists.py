"""The active list, the follow list and the archive, kept by the closing rule.

`archive_due` moves every follow-list case past its date to the archive; the area and the
agenda call it, so nobody has to remember 1 October. `settle_on_destination` is called when
a path gets a destination: a young person active again moves to the follow list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Destination,
    ListKind,
    MeetingCase,
    MeetingKind,
    Organisation,
    OrganisationContact,
    Student,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import visible_students
from app.services.meetings.closing import follow_until, is_active_again, list_on


def move_to_follow_list(case: MeetingCase, on: date) -> None:
    """On the follow list until 30 September of the year after registration."""
    case.list_kind = ListKind.FOLLOW
    case.follow_until = follow_until(case.registered_on)
    case.archived_on = None
    if list_on(case.list_kind, case.follow_until, on) is ListKind.ARCHIVED:
        case.list_kind, case.archived_on = ListKind.ARCHIVED, on


def archive_due(session: Session, on: date) -> int:
    """Archives every follow-list case whose date has passed (on 1 October); how many."""
    due = session.scalars(
        select(MeetingCase).where(
            MeetingCase.list_kind == ListKind.FOLLOW,
            MeetingCase.follow_until.is_not(None),
            MeetingCase.follow_until < on,
        )
    ).all()
    for case in due:
        case.list_kind = ListKind.ARCHIVED
        case.archived_on = case.follow_until + timedelta(days=1)
    session.flush()
    return len(due)


def settle_on_destination(
    session: Session, actor: Actor, student_id: int, destination: Destination, on: date
) -> None:
    """A young person active again: each active case of the student goes to the follow list."""
    if not is_active_again(destination):
        return
    cases = session.scalars(
        select(MeetingCase).where(
            MeetingCase.student_id == student_id, MeetingCase.list_kind == ListKind.ACTIVE
        )
    )
    for case in cases:
        move_to_follow_list(case, on)
        case.updated_by_id = actor.user_id
        session.flush()
        audit.record(session, actor, "update", "meeting_case", case.id, "volglijst:actief")


@dataclass(frozen=True)
class CaseRow:
    id: int
    student_id: int
    student_name: str
    kind: MeetingKind
    list_kind: ListKind
    registered_on: date
    question: str
    lead: str
    follow_until: date | None
    archived_on: date | None
    last_discussed_on: date | None


def lead_label(organisation: str | None, contact: str | None) -> str:
    if contact and organisation:
        return f"{contact} ({organisation})"
    return contact or organisation or ""


def list_cases(
    session: Session,
    actor: Actor,
    list_kind: ListKind,
    on: date,
    kind: MeetingKind | None = None,
) -> list[CaseRow]:
    """The cases on one list as of `on` (visible students only), by name."""
    # Plain columns, not ORM objects: the archive of ten years holds thousands of cases.
    stmt = (
        select(
            MeetingCase.id,
            MeetingCase.student_id,
            Student.first_name,
            Student.prefix,
            Student.surname,
            MeetingCase.kind,
            MeetingCase.list_kind,
            MeetingCase.registered_on,
            MeetingCase.question,
            MeetingCase.follow_until,
            MeetingCase.archived_on,
            MeetingCase.last_discussed_on,
            Organisation.name.label("organisation"),
            OrganisationContact.name.label("contact"),
        )
        .join(Student, Student.id == MeetingCase.student_id)
        .outerjoin(Organisation, Organisation.id == MeetingCase.lead_organisation_id)
        .outerjoin(OrganisationContact, OrganisationContact.id == MeetingCase.lead_contact_id)
        .order_by(Student.surname, Student.first_name)
    )
    if kind is not None:
        stmt = stmt.where(MeetingCase.kind == kind)
    if list_kind is ListKind.ARCHIVED:
        stmt = stmt.where(
            (MeetingCase.list_kind == ListKind.ARCHIVED)
            | ((MeetingCase.list_kind == ListKind.FOLLOW) & (MeetingCase.follow_until < on))
        )
    elif list_kind is ListKind.FOLLOW:
        stmt = stmt.where(
            MeetingCase.list_kind == ListKind.FOLLOW,
            (MeetingCase.follow_until.is_(None)) | (MeetingCase.follow_until >= on),
        )
    else:
        stmt = stmt.where(MeetingCase.list_kind == list_kind)
    rows = session.execute(visible_students(stmt, actor)).all()
    return [
        CaseRow(
            id=r.id,
            student_id=r.student_id,
            student_name=" ".join(p for p in (r.first_name, r.prefix, r.surname) if p),
            kind=r.kind,
            list_kind=list_on(r.list_kind, r.follow_until, on),
            registered_on=r.registered_on,
            question=r.question or "",
            lead=lead_label(r.organisation, r.contact),
            follow_until=r.follow_until,
            archived_on=r.archived_on
            or (
                r.follow_until + timedelta(days=1)
                if list_kind is ListKind.ARCHIVED and r.follow_until
                else None
            ),
            last_discussed_on=r.last_discussed_on,
        )
        for r in rows
    ]
