"""What the Overleg area shows at a glance: the meetings of a school year, the next one
with its deadline and what is still to do, the lists and the open actions; and the choices
its dialogs offer (Netwerk contacts, students, school users)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import format_date
from app.models import (
    ListKind,
    MeetingParticipant,
    Organisation,
    OrganisationContact,
    Student,
    User,
)
from app.services.common.actor import Actor
from app.services.common.permissions import visible_students
from app.services.meetings.actions import ActionRow, open_actions_by_owner
from app.services.meetings.lists import CaseRow, archive_due, list_cases
from app.services.meetings.planning import MeetingRow, meeting_rows, school_year_of


@dataclass(frozen=True)
class AreaOverview:
    school_year: int
    meetings: list[MeetingRow]
    next_meeting: MeetingRow | None
    to_do: list[str]
    active: list[CaseRow]
    follow: list[CaseRow]
    archived: list[CaseRow]
    open_actions: dict[str, list[ActionRow]]


def overview(
    session: Session, actor: Actor, on: date, school_year: int | None = None
) -> AreaOverview:
    """Everything the area shows; archives what is due on the way (1 October)."""
    archive_due(session, on)
    year = school_year if school_year is not None else school_year_of(on)
    meetings = meeting_rows(session, year)
    upcoming = [m for m in meeting_rows(session) if m.held_on >= on and m.minutes_final_on is None]
    following = upcoming[0] if upcoming else None
    actions = open_actions_by_owner(session, actor)
    to_do: list[str] = []
    if following is not None:
        days_left = (following.deadline - on).days
        if days_left >= 0:
            to_do.append(
                f"Aanmelden kan tot en met {format_date(following.deadline)} "
                f"({following.submissions} aangemeld)."
            )
        else:
            to_do.append(f"De aanmeldtermijn is voorbij: {following.submissions} aangemeld.")
        unsigned = session.scalars(
            select(MeetingParticipant.id).where(
                MeetingParticipant.meeting_id == following.id,
                MeetingParticipant.declaration_signed_on.is_(None),
            )
        ).all()
        if unsigned:
            who = (
                "1 deelnemer heeft" if len(unsigned) == 1 else f"{len(unsigned)} deelnemers hebben"
            )
            to_do.append(
                f"{who} nog geen geheimhoudingsverklaring getekend en krijgt de agenda zonder "
                "namen."
                if len(unsigned) == 1
                else f"{who} nog geen geheimhoudingsverklaring getekend en krijgen de agenda "
                "zonder namen."
            )
    overdue = sum(1 for rows in actions.values() for a in rows if a.overdue_on(on))
    if overdue:
        to_do.append(
            "1 actie is te laat; die staat op de volgende agenda."
            if overdue == 1
            else f"{overdue} acties zijn te laat; ze staan op de volgende agenda."
        )
    return AreaOverview(
        school_year=year,
        meetings=meetings,
        next_meeting=following,
        to_do=to_do,
        active=list_cases(session, actor, ListKind.ACTIVE, on),
        follow=list_cases(session, actor, ListKind.FOLLOW, on),
        archived=list_cases(session, actor, ListKind.ARCHIVED, on),
        open_actions=actions,
    )


@dataclass(frozen=True)
class Choices:
    organisations: list[tuple[int, str]]
    contacts: list[tuple[int, str]]
    students: list[tuple[int, str]]
    users: list[tuple[int, str]]
    contact_organisation: dict[int, int]


def choices(session: Session, actor: Actor) -> Choices:
    organisations = session.execute(
        select(Organisation.id, Organisation.name)
        .where(Organisation.active.is_(True))
        .order_by(Organisation.name)
    ).all()
    contacts = session.execute(
        select(
            OrganisationContact.id,
            OrganisationContact.name,
            Organisation.name,
            Organisation.id,
        )
        .join(Organisation, Organisation.id == OrganisationContact.organisation_id)
        .where(Organisation.active.is_(True))
        .order_by(OrganisationContact.name)
    ).all()
    students = session.execute(
        visible_students(
            select(Student.id, Student.first_name, Student.prefix, Student.surname)
            .where(Student.archived.is_(False))
            .order_by(Student.surname, Student.first_name),
            actor,
        )
    ).all()
    users = session.execute(
        select(User.id, User.display_name).where(User.active.is_(True)).order_by(User.display_name)
    ).all()
    return Choices(
        organisations=[(i, n) for i, n in organisations],
        contacts=[(i, f"{n} ({o})") for i, n, o, _org in contacts],
        students=[(i, " ".join(p for p in (f, pre, s) if p)) for i, f, pre, s in students],
        users=[(i, n) for i, n in users],
        contact_organisation={i: org for i, _n, _o, org in contacts},
    )
