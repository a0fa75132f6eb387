"""A small network and students for the meeting tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.models import (
    Organisation,
    OrganisationContact,
    OrganisationKind,
    PathPhase,
    Phase,
    Student,
    TransitionPath,
)
from app.services.meetings.planning import MeetingInput, ParticipantInput, save_meeting


def network(session: Session) -> dict[str, int]:
    rmc = Organisation(
        code="RMC-ML",
        name="RMC Midden-Limburg",
        kind=OrganisationKind.RMC,
        alt_name="Doorstroompunt",
    )
    uwv = Organisation(code="UWV-RM", name="UWV Roermond", kind=OrganisationKind.UWV)
    gemeente = Organisation(code="0957", name="Roermond", kind=OrganisationKind.MUNICIPALITY)
    session.add_all([rmc, uwv, gemeente])
    session.flush()
    contacts = {
        "consulent": OrganisationContact(
            organisation_id=rmc.id, name="Ilse Jacobs", role="RMC-consulent"
        ),
        "klantmanager": OrganisationContact(
            organisation_id=gemeente.id, name="Bram Hendriks", role="Klantmanager werk"
        ),
        "arbeidsdeskundige": OrganisationContact(
            organisation_id=uwv.id, name="Petra Smeets", role="Arbeidsdeskundige"
        ),
    }
    session.add_all(contacts.values())
    session.flush()
    ids = {"rmc": rmc.id, "uwv": uwv.id, "gemeente": gemeente.id}
    ids.update({k: v.id for k, v in contacts.items()})
    return ids


def student(
    session: Session,
    first: str,
    surname: str,
    birth_date: date | None,
    *,
    mentor_id: int | None = None,
    prefix: str | None = None,
) -> int:
    row = Student(
        first_name=first,
        prefix=prefix,
        surname=surname,
        birth_date=birth_date,
        mentor_id=mentor_id,
        class_name="U4",
        planned_outflow_date=date(2026, 7, 10),
    )
    session.add(row)
    session.flush()
    path = TransitionPath(student_id=row.id, current_phase=Phase.OUTFLOW)
    session.add(path)
    session.flush()
    session.add(
        PathPhase(
            path_id=path.id,
            phase=Phase.OUTFLOW,
            start_date=date(2025, 9, 1),
            lead_name="Mentor",
            lead_organisation="School",
        )
    )
    session.flush()
    return row.id


def meeting(store, actor, ids, held_on: date, *, declared: bool = True, **kw) -> int:
    data = MeetingInput(
        kind=kw.pop("kind", "uitstroomoverleg"),
        held_on=held_on,
        place="De Horizon, lokaal 12",
        starts_at="14:00",
        host_organisation_id=ids["rmc"],
        chair_contact_id=ids["consulent"],
        secretary_contact_id=ids["klantmanager"],
        participants=[
            ParticipantInput(ids["rmc"], ids["consulent"], held_on if declared else None),
            ParticipantInput(ids["uwv"], ids["arbeidsdeskundige"], None),
        ],
    )
    return store.run(save_meeting, actor, data)
