"""Reading conversations: the student's list, one conversation as the dialog shows it, and a
new conversation's starting values. Mentors read the students they mentor, coordinators and
read-only users every student; each read is in the audit trail (ids only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import NotFoundError
from app.core.validation import format_date, today
from app.models import (
    Conversation,
    ConversationStatus,
    ConversationType,
    Guardian,
    ParticipantRole,
    User,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access
from app.services.common.rows import existing_student as student_for
from app.services.conversations.forms import ConversationInput, ParticipantInput, to_input


@dataclass(frozen=True)
class LinkedConversation:
    id: int
    kind: ConversationType
    status: ConversationStatus
    held_at: datetime
    place: str


@dataclass(frozen=True)
class ConversationFile:
    """One conversation as the dialog shows it, with the version it was read at."""

    id: int
    version: int
    student_id: int
    student_name: str
    input: ConversationInput
    previous: LinkedConversation | None
    next: LinkedConversation | None


@dataclass(frozen=True)
class ConversationRow:
    """A line in the student's list of conversations."""

    id: int
    kind: ConversationType
    status: ConversationStatus
    held_at: datetime
    place: str
    participants: str
    open_agreements: int
    overdue_agreements: int


def load(session: Session, conversation_id: int) -> Conversation:
    conversation = session.scalars(
        select(Conversation)
        .options(selectinload(Conversation.participants), selectinload(Conversation.agreements))
        .where(Conversation.id == conversation_id)
    ).first()
    if conversation is None:
        raise NotFoundError("Dit gesprek bestaat niet (meer).")
    return conversation


def list_for_student(session: Session, actor: Actor, student_id: int) -> list[ConversationRow]:
    """The student's conversations, newest first, with their open and overdue agreements."""
    student = student_for(session, student_id)
    require_student_access(actor, student)
    conversations = session.scalars(
        select(Conversation)
        .options(selectinload(Conversation.participants), selectinload(Conversation.agreements))
        .where(Conversation.student_id == student_id)
        .order_by(Conversation.held_at.desc(), Conversation.id.desc())
    ).all()
    now = today()
    rows = []
    for c in conversations:
        still_open = [a for a in c.agreements if a.done_on is None]
        rows.append(
            ConversationRow(
                id=c.id,
                kind=c.kind,
                status=c.status,
                held_at=c.held_at,
                place=c.place or "",
                participants=", ".join(p.name for p in c.participants),
                open_agreements=len(still_open),
                overdue_agreements=sum(1 for a in still_open if a.due_date and a.due_date < now),
            )
        )
    audit.record(session, actor, "view", "student_conversations", student_id)
    return rows


def _linked(c: Conversation | None) -> LinkedConversation | None:
    if c is None:
        return None
    return LinkedConversation(c.id, c.kind, c.status, c.held_at, c.place or "")


def next_conversation(session: Session, conversation: Conversation) -> Conversation | None:
    """The follow-up planned from this one; else the student's next conversation after it."""
    follow_up = session.scalars(
        select(Conversation)
        .where(Conversation.follow_up_of_id == conversation.id)
        .order_by(Conversation.held_at)
        .limit(1)
    ).first()
    if follow_up is not None:
        return follow_up
    return session.scalars(
        select(Conversation)
        .where(
            Conversation.student_id == conversation.student_id,
            Conversation.held_at > conversation.held_at,
            Conversation.id != conversation.id,
        )
        .order_by(Conversation.held_at)
        .limit(1)
    ).first()


def open_conversation(session: Session, actor: Actor, conversation_id: int) -> ConversationFile:
    """Reads one conversation for `actor`; every read is in the audit trail."""
    c = load(session, conversation_id)
    student = student_for(session, c.student_id)
    require_student_access(actor, student)
    previous = session.get(Conversation, c.follow_up_of_id) if c.follow_up_of_id else None
    audit.record(session, actor, "view", "conversation", c.id)
    return ConversationFile(
        id=c.id,
        version=c.version,
        student_id=c.student_id,
        student_name=student.full_name,
        input=to_input(c),
        previous=_linked(previous),
        next=_linked(next_conversation(session, c)),
    )


def staff_choices(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """The active users an agreement can be assigned to, for the owner list."""
    rows = session.execute(
        select(User.id, User.display_name).where(User.active).order_by(User.display_name)
    )
    return [(row.id, row.display_name) for row in rows]


def school_contact_default(session: Session, actor: Actor, student_id: int) -> ConversationInput:
    """A new conversation's starting values: planned for today, the student, the parents and
    the user invited, the user as contact.

    It starts as planned with nobody marked present: a conversation is recorded as held only
    by choosing so and writing what was said, never by one click on Opslaan.
    """
    student = student_for(session, student_id)
    require_student_access(actor, student)
    return ConversationInput(
        status=ConversationStatus.PLANNED.value,
        date=format_date(today()),
        contact_name=actor.display_name,
        participants=[
            ParticipantInput(student.full_name, ParticipantRole.STUDENT.value, present=False),
            # The parents are invited to every conversation; tick who came once it was held.
            *(
                ParticipantInput(g.name, ParticipantRole.PARENT.value, present=False)
                for g in session.scalars(
                    select(Guardian).where(Guardian.student_id == student_id).order_by(Guardian.id)
                )
            ),
            ParticipantInput(
                actor.display_name,
                ParticipantRole.COORDINATOR.value
                if actor.is_coordinator
                else ParticipantRole.MENTOR.value,
                present=False,
            ),
        ],
    )
