"""The school's sector list for the employer network: a fixed list the school extends."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.core.validation import Problems, text
from app.models import Sector
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_coordinator


def sectors(session: Session, actor: Actor) -> list[str]:
    """The school's sector list, in its own order."""
    return list(
        session.scalars(
            select(Sector.name)
            .where(Sector.retired.is_(False))
            .order_by(Sector.position, Sector.name)
        )
    )


def add_sector(session: Session, actor: Actor, name: str) -> None:
    """Extends the fixed sector list with one of the school's own."""
    require_coordinator(actor)
    p = Problems()
    cleaned = text(name, "Sector", "sector", p, max_length=80, required=True)
    p.raise_if_any()
    if session.scalar(select(Sector.id).where(func.lower(Sector.name) == cleaned.lower())):
        raise ValidationError({"sector": f"Sector: '{cleaned}' staat al in de lijst."})
    position = (session.scalar(select(func.max(Sector.position))) or 0) + 1
    session.add(Sector(name=cleaned, position=position, created_by_id=actor.user_id))
    audit.record(session, actor, "create", "sector", None)
