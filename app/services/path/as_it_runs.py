"""The path's phases as they run today, for what leaves the school.

The recorded phases are the truth once the path has moved past orientation. Until then a
running transition internship says more than the record does: the student is in the
transition-internship phase from the day it started, and orientation ended the day before
(as `phases.add_phase` would have ended it). Reports read this, so a receiver never sees
"Oriëntatie – heden" while a transition internship runs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Internship,
    InternshipStatus,
    InternshipType,
    Phase,
    TransitionPath,
)
from app.services.path.phases import phases_of


@dataclass(frozen=True)
class PhasePeriod:
    phase: Phase
    start: date
    end: date | None  # None: runs today
    lead: str  # "name, organisation" of the case lead; empty when none is recorded
    planned_end: date | None = None  # a running internship's planned last day


def running_transition_internship(session: Session, student_id: int) -> Internship | None:
    """The student's running transition internship (the latest one if, oddly, several)."""
    return session.scalars(
        select(Internship)
        .where(
            Internship.student_id == student_id,
            Internship.kind == InternshipType.TRANSITIE,
            Internship.status == InternshipStatus.RUNNING,
        )
        .order_by(Internship.start_date.desc(), Internship.id.desc())
        .limit(1)
    ).first()


def phases_as_they_run(session: Session, path: TransitionPath) -> list[PhasePeriod]:
    """The recorded phases, plus the transition-internship phase while one runs unrecorded."""
    periods = [
        PhasePeriod(
            Phase(p.phase),
            p.start_date,
            p.end_date,
            ", ".join(x for x in (p.lead_name, p.lead_organisation) if x),
        )
        for p in phases_of(session, path)
    ]
    if any(p.phase is not Phase.ORIENTATION for p in periods):
        return periods
    internship = running_transition_internship(session, path.student_id)
    if internship is None:
        return periods
    began = internship.start_date
    ended = [
        replace(p, end=began - timedelta(days=1)) if p.end is None and p.start < began else p
        for p in periods
    ]
    return [
        *ended,
        PhasePeriod(Phase.TRANSITION_INTERNSHIP, began, None, "", internship.end_date),
    ]


def current_period(periods: list[PhasePeriod]) -> PhasePeriod | None:
    """The phase the student is in: the one that started last (the latest in order on a tie)."""
    order = list(Phase)
    if not periods:
        return None
    return max(periods, key=lambda p: (p.start, order.index(p.phase)))
