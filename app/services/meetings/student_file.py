"""The "Overleg" section of the student file: every submission, decision, case lead and
action of the student, from the same rows the meeting uses (one source of truth)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    AgendaItem,
    AgendaItemKind,
    ListKind,
    MeetingCase,
    MeetingKind,
    Organisation,
    OrganisationContact,
    OutflowMeeting,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access
from app.services.common.rows import existing_student
from app.services.meetings.actions import ActionRow, actions_of_cases
from app.services.meetings.closing import list_on
from app.services.meetings.lists import lead_label


@dataclass(frozen=True)
class DiscussionRow:
    meeting_id: int
    meeting_kind: MeetingKind
    held_on: date
    submission: bool
    question: str
    submitted_by: str
    note: str
    decided_list: ListKind | None


@dataclass(frozen=True)
class CaseSummary:
    case_id: int
    kind: MeetingKind
    list_kind: ListKind
    registered_on: date
    follow_until: date | None
    archived_on: date | None
    lead: str
    lead_since: date | None
    discussions: list[DiscussionRow]
    actions: list[ActionRow]


def meeting_section(session: Session, actor: Actor, student_id: int, on: date) -> list[CaseSummary]:
    """The student's cases at each kind of table; the view is in the audit log."""
    student = existing_student(session, student_id)
    require_student_access(actor, student)
    cases = list(
        session.scalars(
            select(MeetingCase).where(MeetingCase.student_id == student.id).order_by(MeetingCase.id)
        )
    )
    actions = actions_of_cases(session, [c.id for c in cases])
    result = []
    for case in cases:
        organisation = session.get(Organisation, case.lead_organisation_id or 0)
        contact = session.get(OrganisationContact, case.lead_contact_id or 0)
        items = session.execute(
            select(AgendaItem, OutflowMeeting)
            .join(OutflowMeeting, OutflowMeeting.id == AgendaItem.meeting_id)
            .where(AgendaItem.case_id == case.id)
            .order_by(OutflowMeeting.held_on)
        ).all()
        result.append(
            CaseSummary(
                case_id=case.id,
                kind=case.kind,
                list_kind=list_on(case.list_kind, case.follow_until, on),
                registered_on=case.registered_on,
                follow_until=case.follow_until,
                archived_on=case.archived_on,
                lead=lead_label(
                    organisation.name if organisation else None, contact.name if contact else None
                ),
                lead_since=case.lead_since,
                discussions=[
                    DiscussionRow(
                        meeting_id=m.id,
                        meeting_kind=m.kind,
                        held_on=m.held_on,
                        submission=i.item_kind is AgendaItemKind.SUBMISSION,
                        question=i.question or "",
                        submitted_by=i.submitted_by_name or "",
                        note=i.note or "",
                        decided_list=i.decided_list,
                    )
                    for i, m in items
                ],
                actions=actions.get(case.id, []),
            )
        )
    audit.record(session, actor, "view", "meeting_student", student.id)
    return result
