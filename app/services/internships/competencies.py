"""The work competencies internship evaluations score: a default set the school extends."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError, ValidationError
from app.core.validation import Problems, text
from app.models import WorkCompetency
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_coordinator


def competencies(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """The work competencies evaluations score now (retired ones only show in old ones)."""
    stmt = (
        select(WorkCompetency.id, WorkCompetency.label)
        .where(WorkCompetency.retired.is_(False))
        .order_by(WorkCompetency.position, WorkCompetency.id)
    )
    return [(i, label) for i, label in session.execute(stmt)]


def add_competency(session: Session, actor: Actor, label: str) -> int:
    """The school adds a competency of its own to the default set."""
    require_coordinator(actor)
    p = Problems()
    cleaned = text(label, "Competentie", "label", p, max_length=120, required=True)
    p.raise_if_any()
    if session.scalar(select(WorkCompetency.id).where(WorkCompetency.label == cleaned)):
        raise ValidationError({"label": f"Competentie: '{cleaned}' bestaat al."})
    position = (session.scalar(select(func.max(WorkCompetency.position))) or 0) + 1
    row = WorkCompetency(label=cleaned, position=position, created_by_id=actor.user_id)
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "work_competency", row.id)
    return row.id


def retire_competency(session: Session, actor: Actor, competency_id: int) -> None:
    """No longer scored; evaluations that scored it keep their score."""
    require_coordinator(actor)
    row = session.get(WorkCompetency, competency_id)
    if row is None:
        raise NotFoundError("Deze competentie bestaat niet (meer).")
    row.retired = True
    audit.record(session, actor, "update", "work_competency", row.id, "retired")
