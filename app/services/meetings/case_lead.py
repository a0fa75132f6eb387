"""One source of truth: the case lead (regievoerder) chosen at the table becomes the path's
case lead, with its date, as a Netwerk contact (the free text is filled in for reading)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.models import (
    Organisation,
    OrganisationContact,
    PathEvent,
    PathEventKind,
    PathPhase,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.path.phases import phases_of
from app.services.path.timeline import path_of


def set_path_lead(
    session: Session,
    actor: Actor,
    student_id: int,
    contact: OrganisationContact,
    organisation: Organisation,
    on: date,
    where: str,
) -> None:
    """The current phase of the student's path gets this lead from `on`; a path without a
    phase gets one of its current kind starting that day."""
    path = path_of(session, student_id)
    phases = phases_of(session, path)
    current = next((p for p in reversed(phases) if p.phase == path.current_phase), None)
    if current is None:
        current = PathPhase(
            path_id=path.id, phase=path.current_phase, start_date=on, created_by_id=actor.user_id
        )
        session.add(current)
    if current.lead_contact_id == contact.id:
        return
    current.lead_contact_id = contact.id
    current.lead_organisation_id = organisation.id
    current.lead_since = on
    current.lead_name = contact.name
    current.lead_organisation = organisation.name
    current.lead_contact = contact.phone or contact.email or current.lead_contact
    current.updated_by_id = actor.user_id
    session.add(
        PathEvent(
            path_id=path.id,
            kind=PathEventKind.NOTE,
            happened_on=on,
            phase=current.phase,
            reason=f"Regievoerder gekozen in {where}: {contact.name} ({organisation.name}).",
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
        )
    )
    session.flush()
    audit.record(session, actor, "update", "path_phase", current.id, "regievoerder:overleg")
