"""Planning conversations: the proposed follow-up of each conversation, and what is coming up.

The follow-up proposals, from the conversations section of the domain notes:
- adviesgesprek -> transitiegesprek 1 at school, 3 months later (the advice is worked out
  into a transition plan in the months after it);
- transitiegesprek 1 (school) -> transitiegesprek 2 at the town hall, half a year later, with
  the RMC and the municipality's work matcher invited (the regional agreement);
- transitiegesprek 2 (municipality) -> the outflow conversation, 3 months later;
- uitstroomgesprek -> a check-in half a year later ("other"), in the aftercare period;
- keukentafelgesprek and other conversations -> the same kind again, 6 weeks later.
A proposed date on a Saturday or Sunday moves to the Monday after. The user can change both
kind and date before saving; the proposal is only the starting point.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import format_date, today
from app.models import (
    Conversation,
    ConversationStatus,
    ConversationType,
    ParticipantRole,
    Student,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access, visible_students
from app.services.common.rows import existing_student as student_for
from app.services.conversations.forms import ConversationInput, ParticipantInput, time_text
from app.services.conversations.reading import load

T = ConversationType

# kind -> (next kind, months later, weeks later)
FOLLOW_UP: dict[ConversationType, tuple[ConversationType, int, int]] = {
    T.ADVIES: (T.TRANSITIE_1, 3, 0),
    T.TRANSITIE_1: (T.TRANSITIE_2, 6, 0),
    T.TRANSITIE_2: (T.UITSTROOM, 3, 0),
    T.UITSTROOM: (T.OTHER, 6, 0),
    T.KEUKENTAFEL: (T.KEUKENTAFEL, 0, 6),
    T.OTHER: (T.OTHER, 0, 6),
}


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the month's last day where needed."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _on_a_weekday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


@dataclass(frozen=True)
class FollowUpProposal:
    kind: ConversationType
    on: date


def propose_follow_up(kind: ConversationType, held_on: date) -> FollowUpProposal:
    """The next conversation proposed after one of `kind` on `held_on` (see module notes)."""
    next_kind, months, weeks = FOLLOW_UP[kind]
    day = add_months(held_on, months) + timedelta(weeks=weeks)
    return FollowUpProposal(next_kind, _on_a_weekday(day))


def follow_up_input(session: Session, actor: Actor, conversation_id: int) -> ConversationInput:
    """A planned follow-up conversation, filled in from the earlier one, ready to edit."""
    earlier = load(session, conversation_id)
    student = student_for(session, earlier.student_id)
    require_student_access(actor, student)
    proposal = propose_follow_up(earlier.kind, earlier.held_at.date())
    participants = [
        ParticipantInput(p.name, p.role.value, p.organisation or "", True)
        for p in earlier.participants
    ]
    place = earlier.place or ""
    if proposal.kind is ConversationType.TRANSITIE_2:
        place = "Gemeentehuis"
        roles = {p.role for p in earlier.participants}
        for role, name in (
            (ParticipantRole.RMC, "RMC-consulent (naam volgt)"),
            (ParticipantRole.WORK_MATCHER, "Werkmatcher gemeente (naam volgt)"),
        ):
            if role not in roles:
                participants.append(ParticipantInput(name, role.value, "", True))
    audit.record(session, actor, "view", "conversation", earlier.id, "follow_up_proposal")
    return ConversationInput(
        kind=proposal.kind.value,
        status=ConversationStatus.PLANNED.value,
        date=format_date(proposal.on),
        time=time_text(earlier.held_at),
        place=place,
        contact_name=earlier.contact_name or "",
        contact_phone=earlier.contact_phone or "",
        contact_email=earlier.contact_email or "",
        follow_up_of_id=earlier.id,
        participants=participants,
    )


@dataclass(frozen=True)
class UpcomingConversation:
    id: int
    student_id: int
    student_name: str
    kind: ConversationType
    held_at: datetime
    place: str


@dataclass(frozen=True)
class Week:
    monday: date
    number: int  # ISO week number
    conversations: list[UpcomingConversation]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)


def week_start(day: date) -> date:
    """The Monday of `day`'s week (the week starts on Monday)."""
    return day - timedelta(days=day.weekday())


def upcoming_by_week(
    session: Session, actor: Actor, weeks: int = 8, start: date | None = None
) -> list[Week]:
    """Planned conversations from today on, per week from this Monday (empty weeks included).

    Earlier days of this week belong to `past_still_planned`, so nothing shows twice.
    """
    from_day = start or today()
    first = week_start(from_day)
    end = first + timedelta(weeks=weeks)
    stmt = (
        select(Conversation, Student)
        .join(Student, Student.id == Conversation.student_id)
        .where(
            Conversation.status == ConversationStatus.PLANNED,
            Conversation.held_at >= datetime.combine(from_day, datetime.min.time()),
            Conversation.held_at < datetime.combine(end, datetime.min.time()),
        )
        .order_by(Conversation.held_at, Conversation.id)
    )
    result = [
        Week(first + timedelta(weeks=n), (first + timedelta(weeks=n)).isocalendar()[1], [])
        for n in range(weeks)
    ]
    for c, s in session.execute(visible_students(stmt, actor)).all():
        index = (week_start(c.held_at.date()) - first).days // 7
        result[index].conversations.append(
            UpcomingConversation(c.id, s.id, s.full_name, c.kind, c.held_at, c.place or "")
        )
    audit.record(session, actor, "view", "planned_conversations", None, f"weeks={weeks}")
    return result


def past_still_planned(session: Session, actor: Actor) -> list[UpcomingConversation]:
    """Planned conversations whose date has passed: held (write the report) or not held."""
    stmt = (
        select(Conversation, Student)
        .join(Student, Student.id == Conversation.student_id)
        .where(
            Conversation.status == ConversationStatus.PLANNED,
            Conversation.held_at < datetime.combine(today(), datetime.min.time()),
        )
        .order_by(Conversation.held_at, Conversation.id)
    )
    rows = session.execute(visible_students(stmt, actor)).all()
    audit.record(session, actor, "view", "planned_conversations", None, "past")
    return [
        UpcomingConversation(c.id, s.id, s.full_name, c.kind, c.held_at, c.place or "")
        for c, s in rows
    ]
