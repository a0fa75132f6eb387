"""Agreements (afspraken) after a conversation: who does what before when, followed to done.

An agreement is overdue when its date has passed and it is not done. Open agreements show in
the student's file and, for the user who follows them up (the owner), in "Mijn afspraken".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError, ValidationError
from app.core.validation import Problems, format_date, parse_date, today
from app.models import Agreement, Conversation, ConversationType, Student, User
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import (
    require_student_access,
    require_student_edit,
    visible_students,
)
from app.services.common.rows import existing_student as student_for
from app.services.common.rows import flush_or_conflict

CONFLICT_MESSAGE = (
    "Iemand anders heeft deze afspraak gewijzigd nadat u de lijst opende. "
    "Vernieuw de lijst en probeer het opnieuw."
)


def is_overdue(due_date: date | None, done_on: date | None, on: date | None = None) -> bool:
    """Past its date and not done. An agreement without a date is never overdue."""
    return done_on is None and due_date is not None and due_date < (on or today())


@dataclass(frozen=True)
class AgreementRow:
    id: int
    version: int
    conversation_id: int
    conversation_kind: ConversationType
    conversation_date: datetime
    student_id: int
    student_name: str
    what: str
    who: str
    owner_id: int | None
    owner_name: str
    due_date: date | None
    done_on: date | None

    @property
    def overdue(self) -> bool:
        return is_overdue(self.due_date, self.done_on)

    @property
    def done(self) -> bool:
        return self.done_on is not None


def _rows(session: Session, stmt) -> list[AgreementRow]:
    rows = session.execute(stmt).all()
    return [
        AgreementRow(
            id=a.id,
            version=a.version,
            conversation_id=c.id,
            conversation_kind=c.kind,
            conversation_date=c.held_at,
            student_id=s.id,
            student_name=s.full_name,
            what=a.what,
            who=a.who,
            owner_id=a.owner_id,
            owner_name=owner or "",
            due_date=a.due_date,
            done_on=a.done_on,
        )
        for a, c, s, owner in rows
    ]


def _base():
    return (
        select(Agreement, Conversation, Student, User.display_name)
        .join(Conversation, Conversation.id == Agreement.conversation_id)
        .join(Student, Student.id == Conversation.student_id)
        .outerjoin(User, User.id == Agreement.owner_id)
    )


def _order(stmt):
    # Agreements without a date last; then by date, then by when they were made.
    return stmt.order_by(
        Agreement.due_date.is_(None), Agreement.due_date, Conversation.held_at, Agreement.id
    )


def open_for_student(session: Session, actor: Actor, student_id: int) -> list[AgreementRow]:
    """The student's agreements not yet done, the earliest date first."""
    student = student_for(session, student_id)
    require_student_access(actor, student)
    stmt = _base().where(Student.id == student_id, Agreement.done_on.is_(None))
    audit.record(session, actor, "view", "student_agreements", student_id)
    return _rows(session, _order(stmt))


def mine(session: Session, actor: Actor, include_done: bool = False) -> list[AgreementRow]:
    """The agreements `actor` follows up, for the students `actor` may see."""
    stmt = visible_students(_base().where(Agreement.owner_id == actor.user_id), actor)
    if not include_done:
        stmt = stmt.where(Agreement.done_on.is_(None))
    audit.record(session, actor, "view", "my_agreements", actor.user_id)
    return _rows(session, _order(stmt))


def _load(session: Session, agreement_id: int) -> tuple[Agreement, Conversation]:
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise NotFoundError("Deze afspraak bestaat niet (meer).")
    return agreement, session.get(Conversation, agreement.conversation_id)


def mark_done(
    session: Session,
    actor: Actor,
    agreement_id: int,
    expected_version: int,
    done_on: str = "",
) -> int:
    """Marks an agreement done on `done_on` (dd-mm-jjjj, empty: today); returns the version."""
    agreement, conversation = _load(session, agreement_id)
    require_student_edit(actor, student_for(session, conversation.student_id))
    if agreement.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)
    p = Problems()
    day = parse_date(done_on, "Afgerond op", "done_on", p) if done_on else today()
    if day and day > today():
        p.add("done_on", f"Afgerond op: {format_date(day)} ligt in de toekomst.")
    if day and day < conversation.held_at.date():
        p.add("done_on", "Afgerond op: ligt vóór de datum van het gesprek.")
    if p:
        raise ValidationError(dict(p.by_field))
    return _set_done(session, actor, agreement, day, "done")


def reopen(session: Session, actor: Actor, agreement_id: int, expected_version: int) -> int:
    """Puts an agreement marked done by mistake back on the open list."""
    agreement, conversation = _load(session, agreement_id)
    require_student_edit(actor, student_for(session, conversation.student_id))
    if agreement.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)
    return _set_done(session, actor, agreement, None, "reopen")


def _set_done(
    session: Session, actor: Actor, agreement: Agreement, day: date | None, action: str
) -> int:
    agreement.done_on = day
    agreement.updated_by_id = actor.user_id
    agreement.updated_at = utcnow()
    flush_or_conflict(session, CONFLICT_MESSAGE)
    audit.record(session, actor, action, "agreement", agreement.id)
    return agreement.version
