"""The student's outflow profile and planned outflow date."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.validation import Problems, choice, parse_date
from app.models import OutflowProfile
from app.services.aftercare import plan as aftercare
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_edit
from app.services.common.rows import existing_student


def set_outflow_plan(
    session: Session,
    actor: Actor,
    student_id: int,
    outflow_profile: str | None,
    planned_outflow: str,
) -> None:
    """The outflow profile and planned outflow date, checked against the enrolment date."""
    student = existing_student(session, student_id)
    require_student_edit(actor, student)
    problems = Problems()
    profile = choice(
        outflow_profile, OutflowProfile, "Uitstroomprofiel", "outflow_profile", problems
    )
    planned = parse_date(planned_outflow, "Geplande uitstroom", "planned_outflow_date", problems)
    if planned and student.enrolment_date and planned < student.enrolment_date:
        problems.add(
            "planned_outflow_date",
            "Geplande uitstroom: de uitstroom kan niet vóór de inschrijfdatum liggen.",
        )
    problems.raise_if_any()
    student.outflow_profile, student.planned_outflow_date = profile, planned
    student.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "student", student.id, "outflow_plan")
    aftercare.sync_plan(session, actor, student_id)  # open calls follow the new date
