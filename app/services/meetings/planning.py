"""Meetings per school year: kind, date, place, chair, secretary and the partners at the
table (from the Netwerk), each with the confidentiality declaration signed for it; and the
school's own free days, which the submission deadline skips."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.validation import Problems, format_date, parse_date, text
from app.models import (
    AgendaItem,
    AgendaItemKind,
    MeetingKind,
    MeetingParticipant,
    Organisation,
    OrganisationContact,
    OutflowMeeting,
    SchoolFreeDay,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_coordinator
from app.services.common.rows import flush_or_conflict
from app.services.meetings.calendar import submission_deadline

KIND_LABEL = {
    MeetingKind.UITSTROOMOVERLEG: "Uitstroomoverleg",
    MeetingKind.ACTIETAFEL: "Actietafel",
}
CONFLICT = "Iemand anders heeft dit overleg gewijzigd. Open het opnieuw en probeer het nog eens."


def school_year_of(day: date) -> int:
    """A school year is named by the year it starts in (1 August to 31 July)."""
    return day.year if day.month >= 8 else day.year - 1


@dataclass(frozen=True)
class ParticipantInput:
    organisation_id: int
    contact_id: int | None = None
    declaration_signed_on: date | None = None


@dataclass(frozen=True)
class MeetingInput:
    kind: MeetingKind | str
    held_on: str | date
    place: str = ""
    starts_at: str = ""
    host_organisation_id: int | None = None
    chair_contact_id: int | None = None
    secretary_contact_id: int | None = None
    participants: list[ParticipantInput] = field(default_factory=list)


def free_days(session: Session) -> frozenset[date]:
    return frozenset(session.scalars(select(SchoolFreeDay.day)))


def set_free_days(session: Session, actor: Actor, days: list[tuple[date, str]]) -> None:
    """Replaces the school's free days (study days, bridge days) with `days`."""
    require_coordinator(actor)
    wanted = {day: label for day, label in days}
    for row in session.scalars(select(SchoolFreeDay)):
        if row.day not in wanted:
            session.delete(row)
        else:
            row.label = wanted.pop(row.day) or None
    session.add_all(
        SchoolFreeDay(day=d, label=label or None, created_by_id=actor.user_id)
        for d, label in wanted.items()
    )
    session.flush()
    audit.record(session, actor, "update", "school_free_days", None, f"dagen={len(days)}")


def deadline_of(session: Session, held_on: date) -> date:
    return submission_deadline(held_on, free_days(session))


def _contact(session: Session, contact_id: int | None, label: str, key: str, problems: Problems):
    if contact_id is None:
        return None
    contact = session.get(OrganisationContact, contact_id)
    if contact is None:
        problems.add(key, f"{label}: deze contactpersoon staat niet (meer) in het Netwerk.")
    return contact


def save_meeting(
    session: Session, actor: Actor, data: MeetingInput, meeting_id: int | None = None
) -> int:
    """Plans a meeting or changes one; coordinators run meetings."""
    require_coordinator(actor)
    problems = Problems()
    try:
        kind = MeetingKind(data.kind)
    except ValueError:
        problems.add("kind", "Soort overleg: kies uitstroomoverleg of actietafel.")
        kind = MeetingKind.UITSTROOMOVERLEG
    held_on = (
        data.held_on
        if isinstance(data.held_on, date)
        else parse_date(data.held_on, "Datum", "held_on", problems)
    )
    if held_on is None and "held_on" not in problems.by_field:
        problems.add("held_on", "Datum: dit veld is verplicht.")
    place = text(data.place, "Plaats", "place", problems, max_length=160)
    starts_at = text(data.starts_at, "Begintijd", "starts_at", problems, max_length=5)
    if starts_at and not (len(starts_at) == 5 and starts_at[2] == ":"):
        problems.add("starts_at", "Begintijd: schrijf de tijd als uu:mm, bijvoorbeeld 14:00.")
    if data.host_organisation_id is not None and not session.get(
        Organisation, data.host_organisation_id
    ):
        problems.add("host_organisation_id", "Organiserende partij: staat niet in het Netwerk.")
    _contact(session, data.chair_contact_id, "Voorzitter", "chair_contact_id", problems)
    _contact(session, data.secretary_contact_id, "Notulist", "secretary_contact_id", problems)
    for participant in data.participants:
        if session.get(Organisation, participant.organisation_id) is None:
            problems.add("participants", "Deelnemers: een organisatie staat niet in het Netwerk.")
    problems.raise_if_any()
    if meeting_id is None:
        meeting = OutflowMeeting(created_by_id=actor.user_id)
        session.add(meeting)
    else:
        meeting = existing_meeting(session, meeting_id)
    meeting.kind, meeting.held_on, meeting.place = kind, held_on, place
    meeting.starts_at = starts_at
    meeting.host_organisation_id = data.host_organisation_id
    meeting.chair_contact_id = data.chair_contact_id
    meeting.secretary_contact_id = data.secretary_contact_id
    meeting.updated_by_id = actor.user_id
    _set_participants(meeting, data.participants, actor)
    flush_or_conflict(session, CONFLICT)
    audit.record(
        session, actor, "create" if meeting_id is None else "update", "meeting", meeting.id
    )
    return meeting.id


def _set_participants(
    meeting: OutflowMeeting, wanted: list[ParticipantInput], actor: Actor
) -> None:
    """Keeps the rows (and their declarations) of partners that stay at the table."""
    by_key = {(p.organisation_id, p.contact_id): p for p in meeting.participants}
    kept = []
    for each in wanted:
        row = by_key.pop((each.organisation_id, each.contact_id), None)
        if row is None:
            row = MeetingParticipant(
                organisation_id=each.organisation_id,
                contact_id=each.contact_id,
                created_by_id=actor.user_id,
            )
        if each.declaration_signed_on is not None:
            row.declaration_signed_on = each.declaration_signed_on
        kept.append(row)
    meeting.participants[:] = kept


def existing_meeting(session: Session, meeting_id: int) -> OutflowMeeting:
    meeting = session.get(OutflowMeeting, meeting_id)
    if meeting is None:
        raise NotFoundError("Dit overleg bestaat niet (meer).")
    return meeting


def record_declaration(
    session: Session, actor: Actor, participant_id: int, signed_on: date | None
) -> None:
    """The confidentiality declaration a partner signed for this meeting (None: not yet)."""
    require_coordinator(actor)
    participant = session.get(MeetingParticipant, participant_id)
    if participant is None:
        raise NotFoundError("Deze deelnemer staat niet (meer) bij dit overleg.")
    participant.declaration_signed_on = signed_on
    participant.updated_by_id = actor.user_id
    flush_or_conflict(session, CONFLICT)
    audit.record(session, actor, "update", "meeting_participant", participant.id, "geheimhouding")


@dataclass(frozen=True)
class ParticipantView:
    id: int
    organisation_id: int
    organisation: str
    contact_id: int | None
    contact: str
    declaration_signed_on: date | None

    @property
    def label(self) -> str:
        return f"{self.contact} ({self.organisation})" if self.contact else self.organisation


@dataclass(frozen=True)
class MeetingRow:
    id: int
    kind: MeetingKind
    held_on: date
    starts_at: str
    place: str
    deadline: date
    submissions: int
    minutes_final_on: date | None

    @property
    def title(self) -> str:
        return f"{KIND_LABEL[self.kind]} {format_date(self.held_on)}"


def _contact_name(session: Session, contact_id: int | None) -> str:
    contact = session.get(OrganisationContact, contact_id) if contact_id else None
    return contact.name if contact else ""


@dataclass(frozen=True)
class MeetingView:
    row: MeetingRow
    host_organisation_id: int | None
    host: str
    chair_contact_id: int | None
    chair: str
    secretary_contact_id: int | None
    secretary: str
    participants: list[ParticipantView]
    minutes: str


def meeting_rows(session: Session, school_year: int | None = None) -> list[MeetingRow]:
    """The meetings (of one school year), by date; anyone may see the calendar."""
    counts = (
        select(AgendaItem.meeting_id, func.count().label("n"))
        .where(AgendaItem.item_kind == AgendaItemKind.SUBMISSION)
        .group_by(AgendaItem.meeting_id)
        .subquery()
    )
    stmt = (
        select(OutflowMeeting, counts.c.n)
        .outerjoin(counts, counts.c.meeting_id == OutflowMeeting.id)
        .order_by(OutflowMeeting.held_on, OutflowMeeting.id)
    )
    if school_year is not None:
        stmt = stmt.where(
            OutflowMeeting.held_on >= date(school_year, 8, 1),
            OutflowMeeting.held_on < date(school_year + 1, 8, 1),
        )
    days_off = free_days(session)
    return [
        MeetingRow(
            id=m.id,
            kind=m.kind,
            held_on=m.held_on,
            starts_at=m.starts_at or "",
            place=m.place or "",
            deadline=submission_deadline(m.held_on, days_off),
            submissions=n or 0,
            minutes_final_on=m.minutes_final_on,
        )
        for m, n in session.execute(stmt).all()
    ]


def meeting_view(session: Session, meeting_id: int) -> MeetingView:
    meeting = existing_meeting(session, meeting_id)
    rows = {r.id: r for r in meeting_rows(session, school_year_of(meeting.held_on))}
    host = (
        session.get(Organisation, meeting.host_organisation_id)
        if meeting.host_organisation_id
        else None
    )
    participants = []
    for p in meeting.participants:
        organisation = session.get(Organisation, p.organisation_id)
        participants.append(
            ParticipantView(
                id=p.id,
                organisation_id=p.organisation_id,
                organisation=organisation.name if organisation else "",
                contact_id=p.contact_id,
                contact=_contact_name(session, p.contact_id),
                declaration_signed_on=p.declaration_signed_on,
            )
        )
    return MeetingView(
        row=rows[meeting.id],
        host_organisation_id=meeting.host_organisation_id,
        host=host.name if host else "",
        chair_contact_id=meeting.chair_contact_id,
        chair=_contact_name(session, meeting.chair_contact_id),
        secretary_contact_id=meeting.secretary_contact_id,
        secretary=_contact_name(session, meeting.secretary_contact_id),
        participants=participants,
        minutes=meeting.minutes or "",
    )
