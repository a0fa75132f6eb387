"""General bottlenecks, discussed after the cases and never mixed with them, each in a
category the school can extend, so trends can count them later; and the escalation of a
stalled case as seed 003 says."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.core.validation import Problems, text
from app.models import (
    Bottleneck,
    BottleneckCategory,
    Escalation,
    EscalationRoute,
    OutflowMeeting,
    Student,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_coordinator
from app.services.meetings.planning import existing_meeting
from app.services.meetings.recording import existing_case

ROUTE_LABEL = {
    EscalationRoute.SWV_COORDINATOR: "Coördinator van het samenwerkingsverband",
    EscalationRoute.LEAD_MANAGER: "Leidinggevende van de regievoerder",
}


@dataclass(frozen=True)
class CategoryRow:
    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class BottleneckRow:
    id: int
    meeting_id: int
    category: str
    description: str
    approach: str


def categories(session: Session, *, include_retired: bool = False) -> list[CategoryRow]:
    stmt = select(BottleneckCategory).order_by(BottleneckCategory.id)
    if not include_retired:
        stmt = stmt.where(BottleneckCategory.active.is_(True))
    return [CategoryRow(c.id, c.name, c.active) for c in session.scalars(stmt)]


def add_category(session: Session, actor: Actor, name: str) -> int:
    require_coordinator(actor)
    problems = Problems()
    cleaned = text(name, "Soort knelpunt", "name", problems, max_length=120, required=True)
    problems.raise_if_any()
    exists = session.scalars(
        select(BottleneckCategory).where(func.lower(BottleneckCategory.name) == cleaned.lower())
    ).first()
    if exists is not None:
        if not exists.active:
            exists.active = True
            session.flush()
            return exists.id
        raise ValidationError({"name": f"Soort knelpunt: '{cleaned}' bestaat al."})
    category = BottleneckCategory(name=cleaned, active=True, created_by_id=actor.user_id)
    session.add(category)
    session.flush()
    audit.record(session, actor, "create", "bottleneck_category", category.id)
    return category.id


def add_bottleneck(
    session: Session,
    actor: Actor,
    meeting_id: int,
    category_id: int,
    description: str,
    approach: str = "",
) -> int:
    require_coordinator(actor)
    meeting = existing_meeting(session, meeting_id)
    problems = Problems()
    what = text(description, "Knelpunt", "description", problems, max_length=2000, required=True)
    how = text(approach, "Aanpak", "approach", problems, max_length=2000)
    if session.get(BottleneckCategory, category_id) is None:
        problems.add("category_id", "Soort knelpunt: kies een soort uit de lijst.")
    problems.raise_if_any()
    row = Bottleneck(
        meeting_id=meeting.id,
        category_id=category_id,
        description=what,
        approach=how,
        created_by_id=actor.user_id,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "meeting_bottleneck", row.id, f"overleg={meeting.id}")
    return row.id


def bottlenecks_of(session: Session, meeting_id: int) -> list[BottleneckRow]:
    stmt = (
        select(Bottleneck, BottleneckCategory.name)
        .join(BottleneckCategory, BottleneckCategory.id == Bottleneck.category_id)
        .where(Bottleneck.meeting_id == meeting_id)
        .order_by(Bottleneck.id)
    )
    return [
        BottleneckRow(b.id, b.meeting_id, name, b.description, b.approach or "")
        for b, name in session.execute(stmt).all()
    ]


def count_by_category(session: Session, since: date | None = None) -> dict[str, int]:
    """How often each kind of bottleneck was raised (for trends)."""
    stmt = (
        select(BottleneckCategory.name, func.count(Bottleneck.id))
        .join(Bottleneck, Bottleneck.category_id == BottleneckCategory.id)
        .join(OutflowMeeting, OutflowMeeting.id == Bottleneck.meeting_id)
        .group_by(BottleneckCategory.name)
    )
    if since is not None:
        stmt = stmt.where(OutflowMeeting.held_on >= since)
    return dict(session.execute(stmt).all())


def escalation_route(student: Student, on: date) -> EscalationRoute:
    """Seed 003: a VO/VSO student still at school goes to the samenwerkingsverband's
    coordinator; anyone else (a former student) to the case lead's manager."""
    left = student.actual_outflow_date is not None and student.actual_outflow_date <= on
    return EscalationRoute.LEAD_MANAGER if left else EscalationRoute.SWV_COORDINATOR


def record_escalation(
    session: Session, actor: Actor, case_id: int, reason: str, to_name: str, on: date
) -> int:
    """A stalled case taken up a level: the route follows the rule, the person is named."""
    require_coordinator(actor)
    case = existing_case(session, case_id, actor)
    student = session.get(Student, case.student_id)
    problems = Problems()
    why = text(reason, "Reden", "reason", problems, max_length=2000, required=True)
    who = text(to_name, "Naar", "to_name", problems, max_length=160)
    problems.raise_if_any()
    route = escalation_route(student, on)
    row = Escalation(
        case_id=case.id,
        route=route,
        escalated_on=on,
        to_name=who or ROUTE_LABEL[route],
        reason=why,
        created_by_id=actor.user_id,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "meeting_escalation", row.id, f"casus={case.id}")
    return row.id
