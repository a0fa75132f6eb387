"""The agenda is composed, not typed (seed 003, "Tijdens het overleg"): new submissions
first, then running cases on the active list, then follow-list cases due for review, each
with its open and overdue actions; general bottlenecks always after the cases.

A meeting whose minutes are final keeps the agenda it had: the cases recorded at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.models import (
    AgendaItem,
    AgendaItemKind,
    ListKind,
    MeetingAction,
    MeetingCase,
    Organisation,
    OrganisationContact,
    Student,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import visible_students
from app.services.meetings.actions import ActionRow, actions_of_cases
from app.services.meetings.bottlenecks import BottleneckRow, bottlenecks_of
from app.services.meetings.closing import list_on
from app.services.meetings.lists import archive_due, lead_label
from app.services.meetings.planning import MeetingView, meeting_view

# A follow-list case comes back for review when it was not discussed for this long.
FOLLOW_REVIEW_AFTER = timedelta(days=120)


def initials_of(student_first: str, prefix: str | None, surname: str) -> str:
    """'Sanne de Bruijn' -> 'S.d.B.': what a participant without a declaration sees."""
    parts = [student_first[:1].upper()]
    if prefix:
        parts += [p[:1].lower() for p in prefix.split()]
    parts.append(surname[:1].upper())
    return ".".join(p for p in parts if p) + "."


@dataclass(frozen=True)
class AgendaCase:
    case_id: int
    item_id: int | None
    student_id: int
    student_name: str
    initials: str
    birth_year: int | None
    class_name: str
    question: str
    submitted_by: str
    lead: str
    lead_contact_id: int | None
    list_kind: ListKind
    registered_on: date
    note: str
    decided_list: ListKind | None
    discussed: bool
    actions: list[ActionRow] = field(default_factory=list)

    def open_actions(self) -> list[ActionRow]:
        return [a for a in self.actions if a.done_on is None]

    def overdue_actions(self, on: date) -> list[ActionRow]:
        return [a for a in self.actions if a.overdue_on(on)]


@dataclass(frozen=True)
class Agenda:
    meeting: MeetingView
    submissions: list[AgendaCase]
    running: list[AgendaCase]
    follow_review: list[AgendaCase]
    bottlenecks: list[BottleneckRow]

    @property
    def cases(self) -> list[AgendaCase]:
        return [*self.submissions, *self.running, *self.follow_review]

    @property
    def held_on(self) -> date:
        return self.meeting.row.held_on


def _case_stmt(actor: Actor):
    stmt = (
        select(MeetingCase, Student, Organisation.name, OrganisationContact.name)
        .join(Student, Student.id == MeetingCase.student_id)
        .outerjoin(Organisation, Organisation.id == MeetingCase.lead_organisation_id)
        .outerjoin(OrganisationContact, OrganisationContact.id == MeetingCase.lead_contact_id)
    )
    return visible_students(stmt, actor)


def compose_agenda(
    session: Session, actor: Actor, meeting_id: int, *, record_view: bool = True
) -> Agenda:
    """The agenda of one meeting as of its date; the view is in the audit log."""
    view = meeting_view(session, meeting_id)
    on = view.row.held_on
    archive_due(session, min(on, clock.today()))
    items = {
        item.case_id: item
        for item in session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id))
    }
    kind = view.row.kind
    held = view.row.minutes_final_on is not None
    if held:
        rows = session.execute(_case_stmt(actor).where(MeetingCase.id.in_(items))).all()
    else:
        due_actions = (
            select(MeetingAction.case_id)
            .where(MeetingAction.done_on.is_(None), MeetingAction.due_date <= on)
            .scalar_subquery()
        )
        stale = on - FOLLOW_REVIEW_AFTER
        rows = session.execute(
            _case_stmt(actor).where(
                MeetingCase.kind == kind,
                MeetingCase.id.in_(items)
                | ((MeetingCase.list_kind == ListKind.ACTIVE) & (MeetingCase.registered_on <= on))
                | (
                    (MeetingCase.list_kind == ListKind.FOLLOW)
                    & (MeetingCase.follow_until >= on)
                    & (
                        MeetingCase.id.in_(due_actions)
                        | (MeetingCase.last_discussed_on < stale)
                        | (
                            MeetingCase.last_discussed_on.is_(None)
                            & (MeetingCase.registered_on < stale)
                        )
                    )
                ),
            )
        ).all()
    actions = actions_of_cases(session, [case.id for case, *_ in rows])
    submissions: list[AgendaCase] = []
    running: list[AgendaCase] = []
    follow: list[AgendaCase] = []
    for case, student, organisation, contact in rows:
        item = items.get(case.id)
        entry = AgendaCase(
            case_id=case.id,
            item_id=item.id if item else None,
            student_id=student.id,
            student_name=student.full_name,
            initials=initials_of(student.first_name, student.prefix, student.surname),
            birth_year=student.birth_date.year if student.birth_date else None,
            class_name=student.class_name or "",
            question=(item.question if item and item.question else case.question) or "",
            submitted_by=(item.submitted_by_name or "") if item else "",
            lead=lead_label(organisation, contact),
            lead_contact_id=case.lead_contact_id,
            list_kind=list_on(case.list_kind, case.follow_until, on),
            registered_on=case.registered_on,
            note=(item.note or "") if item else "",
            decided_list=item.decided_list if item else None,
            discussed=bool(item and item.discussed),
            actions=actions.get(case.id, []),
        )
        if item is not None and item.item_kind is AgendaItemKind.SUBMISSION:
            submissions.append(entry)
        elif (item.decided_list if item and held else case.list_kind) is ListKind.FOLLOW:
            follow.append(entry)
        else:
            running.append(entry)
    by_name = lambda c: (c.student_name.casefold(), c.case_id)  # noqa: E731
    submissions.sort(key=lambda c: (c.case_id,))
    running.sort(key=by_name)
    follow.sort(key=by_name)
    if record_view:
        audit.record(session, actor, "view", "meeting", meeting_id, f"agenda;casussen={len(rows)}")
    return Agenda(view, submissions, running, follow, bottlenecks_of(session, meeting_id))
