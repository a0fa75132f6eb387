"""Actions agreed at the table: what, owner, due date, done. An action is overdue when its
date has passed and it is not done; overdue actions are flagged on the next agenda. A
mentor sees (and ticks off) the actions he or she owns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError, PermissionDeniedError
from app.core.validation import Problems, parse_date, text
from app.models import MeetingAction, OrganisationContact, Role, Student, User
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import (
    require_coordinator,
    require_edit,
    school_filter,
    visible_students,
)
from app.services.common.rows import flush_or_conflict
from app.services.meetings.planning import CONFLICT
from app.services.meetings.recording import existing_case


@dataclass(frozen=True)
class ActionInput:
    what: str
    # The owner: a school user or a partner's contact (exactly one).
    owner_user_id: int | None = None
    owner_contact_id: int | None = None
    due_date: str | date | None = None


@dataclass(frozen=True)
class ActionRow:
    id: int
    case_id: int
    student_id: int
    student_name: str
    what: str
    owner_name: str
    owner_user_id: int | None
    due_date: date | None
    done_on: date | None

    def overdue_on(self, on: date) -> bool:
        return self.done_on is None and self.due_date is not None and self.due_date < on


def add_action(
    session: Session, actor: Actor, case_id: int, data: ActionInput, meeting_id: int | None = None
) -> int:
    require_coordinator(actor)
    case = existing_case(session, case_id, actor)
    problems = Problems()
    what = text(data.what, "Actie", "what", problems, max_length=1000, required=True)
    due = (
        data.due_date
        if isinstance(data.due_date, date) or data.due_date is None
        else parse_date(data.due_date, "Uiterlijk", "due_date", problems)
    )
    owner_name = ""
    if (data.owner_user_id is None) == (data.owner_contact_id is None):
        problems.add("owner", "Eigenaar: kies één persoon, van school of uit het Netwerk.")
    elif data.owner_user_id is not None:
        user = session.get(User, data.owner_user_id)
        owner_name = user.display_name if user else ""
    else:
        contact = session.get(OrganisationContact, data.owner_contact_id)
        owner_name = contact.name if contact else ""
    if not owner_name and "owner" not in problems.by_field:
        problems.add("owner", "Eigenaar: deze persoon bestaat niet (meer).")
    problems.raise_if_any()
    action = MeetingAction(
        case_id=case.id,
        meeting_id=meeting_id,
        what=what,
        owner_user_id=data.owner_user_id,
        owner_contact_id=data.owner_contact_id,
        owner_name=owner_name,
        due_date=due,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(action)
    session.flush()
    audit.record(session, actor, "create", "meeting_action", action.id, f"casus={case.id}")
    return action.id


def set_done(session: Session, actor: Actor, action_id: int, done_on: date | None) -> None:
    """Ticks an action off (None: open again). The coordinator, or the owner."""
    require_edit(actor)
    action = session.get(MeetingAction, action_id)
    if action is None:
        raise NotFoundError("Deze actie bestaat niet (meer).")
    if not actor.is_coordinator and action.owner_user_id != actor.user_id:
        raise PermissionDeniedError("Alleen de eigenaar of de uitstroomcoördinator kan dit.")
    action.done_on = done_on
    action.updated_by_id = actor.user_id
    flush_or_conflict(session, CONFLICT)
    audit.record(session, actor, "update", "meeting_action", action.id, "gedaan")


def _rows(session: Session, stmt) -> list[ActionRow]:
    return [
        ActionRow(
            id=a.id,
            case_id=a.case_id,
            student_id=s.id,
            student_name=s.full_name,
            what=a.what,
            owner_name=a.owner_name,
            owner_user_id=a.owner_user_id,
            due_date=a.due_date,
            done_on=a.done_on,
        )
        for a, s in session.execute(stmt).all()
    ]


def _base():
    from app.models import MeetingCase

    return (
        select(MeetingAction, Student)
        .join(MeetingCase, MeetingCase.id == MeetingAction.case_id)
        .join(Student, Student.id == MeetingCase.student_id)
    )


def actions_of_cases(session: Session, case_ids: list[int]) -> dict[int, list[ActionRow]]:
    """Every action of these cases, open ones first by due date."""
    if not case_ids:
        return {}
    stmt = (
        _base()
        .where(MeetingAction.case_id.in_(case_ids))
        .order_by(MeetingAction.done_on.is_not(None), MeetingAction.due_date, MeetingAction.id)
    )
    found: dict[int, list[ActionRow]] = {}
    for row in _rows(session, stmt):
        found.setdefault(row.case_id, []).append(row)
    return found


def open_actions_by_owner(session: Session, actor: Actor) -> dict[str, list[ActionRow]]:
    """Open actions across meetings, grouped by owner; a mentor sees only his or her own."""
    stmt = _base().where(MeetingAction.done_on.is_(None))
    if actor.role is Role.MENTOR:
        # A mentor's own actions, whoever's student, within the mentor's schools.
        stmt = stmt.where(MeetingAction.owner_user_id == actor.user_id)
        schools = school_filter(actor)
        stmt = stmt if schools is None else stmt.where(schools)
    else:
        stmt = visible_students(stmt, actor)
    stmt = stmt.order_by(MeetingAction.owner_name, MeetingAction.due_date, MeetingAction.id)
    grouped: dict[str, list[ActionRow]] = {}
    for row in _rows(session, stmt):
        grouped.setdefault(row.owner_name, []).append(row)
    return grouped
