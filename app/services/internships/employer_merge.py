"""Merging a duplicate employer into the one kept: nothing of either history is lost."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.models import EmployerPlaces, Internship
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_coordinator
from app.services.internships.employers import load_employer


def merge_employers(session: Session, actor: Actor, keep_id: int, duplicate_id: int) -> None:
    """Folds a duplicate into the employer kept: internships, contacts, places and notes move
    over, empty fields are filled, and the duplicate points at the one kept."""
    require_coordinator(actor)
    if keep_id == duplicate_id:
        raise ValidationError({"employer": "Kies twee verschillende werkgevers."})
    keep, dup = load_employer(session, keep_id), load_employer(session, duplicate_id)
    if keep.merged_into_id or dup.merged_into_id:
        raise ValidationError({"employer": "Deze werkgever is al samengevoegd."})
    session.execute(
        update(Internship).where(Internship.employer_id == dup.id).values(employer_id=keep.id)
    )
    for contact in list(dup.contacts):
        dup.contacts.remove(contact)
        keep.contacts.append(contact)
    mine = {(p.school_year, p.kind): p for p in keep.places}
    for row in list(dup.places):
        dup.places.remove(row)
        if (row.school_year, row.kind) in mine:
            mine[(row.school_year, row.kind)].places += row.places
        else:
            keep.places.append(
                EmployerPlaces(school_year=row.school_year, kind=row.kind, places=row.places)
            )
    for name in ("address", "postcode", "city", "sector"):
        if not getattr(keep, name) and getattr(dup, name):
            setattr(keep, name, getattr(dup, name))
    if dup.notes:
        keep.notes = f"{keep.notes}\n\n{dup.notes}" if keep.notes else dup.notes
    keep.offers_durable_internships = (
        keep.offers_durable_internships or dup.offers_durable_internships
    )
    keep.banenafspraak_places = max(keep.banenafspraak_places or 0, dup.banenafspraak_places or 0)
    keep.updated_by_id = dup.updated_by_id = actor.user_id
    dup.merged_into_id = keep.id
    session.flush()
    audit.record(session, actor, "update", "employer", keep.id, f"samengevoegd:{dup.id}")
    audit.record(session, actor, "update", "employer", dup.id, f"samengevoegd_in:{keep.id}")
