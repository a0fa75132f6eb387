"""During the meeting, case by case: the discussion note, exactly one case lead (an
organisation and a contact from the Netwerk), the list the case goes on; afterwards the
general minutes. Coordinators run meetings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.validation import Problems, format_date, text
from app.models import (
    AgendaItem,
    AgendaItemKind,
    ListKind,
    MeetingCase,
    Organisation,
    OrganisationContact,
    Student,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_coordinator, require_own_school
from app.services.common.rows import flush_or_conflict
from app.services.meetings.case_lead import set_path_lead
from app.services.meetings.lists import move_to_follow_list
from app.services.meetings.planning import CONFLICT, KIND_LABEL, existing_meeting


@dataclass(frozen=True)
class CaseRecord:
    note: str = ""
    # The one case lead: a Netwerk contact (its organisation comes with it).
    lead_contact_id: int | None = None
    list_kind: ListKind | str = ListKind.ACTIVE


def existing_case(session: Session, case_id: int, actor: Actor) -> MeetingCase:
    """The case, when its student is of `actor`'s schools."""
    case = session.get(MeetingCase, case_id)
    if case is None:
        raise NotFoundError("Deze casus bestaat niet (meer).")
    student = session.get(Student, case.student_id)
    if student is not None:
        require_own_school(actor, student)
    return case


def record_case(
    session: Session, actor: Actor, meeting_id: int, case_id: int, data: CaseRecord
) -> int:
    """Records what was decided for one case at one meeting; returns the agenda item id."""
    require_coordinator(actor)
    meeting = existing_meeting(session, meeting_id)
    case = existing_case(session, case_id, actor)
    problems = Problems()
    note = text(data.note, "Bespreking", "note", problems, max_length=4000)
    try:
        list_kind = ListKind(data.list_kind)
    except ValueError:
        list_kind = ListKind.ACTIVE
    if list_kind is ListKind.ARCHIVED:
        problems.add(
            "list_kind",
            "Lijst: kies de actieve lijst of de volglijst; archiveren gebeurt vanzelf "
            "op 1 oktober.",
        )
    contact = None
    if data.lead_contact_id is not None:
        contact = session.get(OrganisationContact, data.lead_contact_id)
        if contact is None:
            problems.add("lead_contact_id", "Regievoerder: staat niet (meer) in het Netwerk.")
    elif case.lead_contact_id is None:
        problems.add(
            "lead_contact_id",
            "Regievoerder: wijs één partner aan die de regie heeft (een contactpersoon uit "
            "het Netwerk).",
        )
    problems.raise_if_any()
    item = session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.case_id == case.id)
    ).first()
    if item is None:
        item = AgendaItem(
            meeting_id=meeting.id,
            case_id=case.id,
            student_id=case.student_id,
            item_kind=AgendaItemKind.REVIEW,
            question=case.question,
            created_by_id=actor.user_id,
        )
        session.add(item)
    item.note, item.decided_list, item.discussed = note, list_kind, True
    item.updated_by_id = actor.user_id
    if contact is not None and contact.id != case.lead_contact_id:
        organisation = session.get(Organisation, contact.organisation_id)
        case.lead_contact_id, case.lead_organisation_id = contact.id, organisation.id
        case.lead_since = meeting.held_on
        where = f"het {KIND_LABEL[meeting.kind].lower()} van {format_date(meeting.held_on)}"
        set_path_lead(
            session, actor, case.student_id, contact, organisation, meeting.held_on, where
        )
    if list_kind is ListKind.FOLLOW and case.list_kind is not ListKind.FOLLOW:
        move_to_follow_list(case, meeting.held_on)
    elif list_kind is ListKind.ACTIVE:
        case.list_kind, case.follow_until = ListKind.ACTIVE, None
    case.last_discussed_on = meeting.held_on
    case.updated_by_id = actor.user_id
    flush_or_conflict(session, CONFLICT)
    audit.record(
        session,
        actor,
        "update",
        "meeting_case",
        case.id,
        f"overleg={meeting.id};lijst={case.list_kind.value}",
    )
    return item.id


def save_minutes(
    session: Session, actor: Actor, meeting_id: int, minutes: str, final_on: date | None
) -> None:
    """The general part of the minutes; `final_on` marks the meeting as held."""
    require_coordinator(actor)
    meeting = existing_meeting(session, meeting_id)
    problems = Problems()
    cleaned = text(minutes, "Notulen", "minutes", problems, max_length=20000)
    problems.raise_if_any()
    meeting.minutes, meeting.minutes_final_on = cleaned, final_on
    meeting.updated_by_id = actor.user_id
    flush_or_conflict(session, CONFLICT)
    audit.record(session, actor, "update", "meeting", meeting.id, "notulen")
