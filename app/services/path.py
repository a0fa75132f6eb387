"""The path out of school as a timeline: destinations and fall-backs are events.

`TransitionPath` keeps the current state for the cohort view; every change of destination
is also an event, so a fall-back never overwrites where the student was before.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Destination, PathEvent, PathEventKind, Student, TransitionPath
from app.services import aftercare, audit
from app.services.actor import Actor
from app.services.errors import NotFoundError
from app.services.permissions import require_student_edit


def _student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFoundError("Deze leerling bestaat niet (meer).")
    return student


def path_of(session: Session, student_id: int) -> TransitionPath:
    """The student's path, made on first use (students from before the path existed)."""
    path = session.scalars(
        select(TransitionPath).where(TransitionPath.student_id == student_id)
    ).first()
    if path is None:
        path = TransitionPath(student_id=student_id)
        session.add(path)
        session.flush()
    return path


def set_destination(
    session: Session,
    actor: Actor,
    student_id: int,
    destination: Destination,
    place: str | None,
    on: date,
    *,
    internship_id: int | None = None,
    reason: str | None = None,
) -> PathEvent:
    """Records where the student went (or goes next), as an event and as the current state."""
    require_student_edit(actor, _student(session, student_id))
    path = path_of(session, student_id)
    event = PathEvent(
        path_id=path.id,
        kind=PathEventKind.DESTINATION_SET,
        happened_on=on,
        destination=destination,
        place=place,
        reason=reason,
        internship_id=internship_id,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(event)
    path.destination, path.destination_place, path.destination_date = destination, place, on
    path.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "path", path.id, f"bestemming:{destination.value}")
    aftercare.sync_plan(session, actor, student_id)  # outflow registered: the call plan
    return event


def record_fall_back(
    session: Session, actor: Actor, student_id: int, on: date, reason: str
) -> PathEvent:
    """A placement ended (internship broken off, contract ended, course stopped).

    The earlier destination stays in the timeline; the current destination becomes
    "no work or study" until a new one is set.
    """
    require_student_edit(actor, _student(session, student_id))
    path = path_of(session, student_id)
    event = PathEvent(
        path_id=path.id,
        kind=PathEventKind.FALL_BACK,
        happened_on=on,
        destination=path.destination,
        place=path.destination_place,
        reason=reason,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(event)
    path.destination, path.destination_place, path.destination_date = (
        Destination.NOTHING,
        None,
        on,
    )
    path.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "path", path.id, "terugval")
    return event


def timeline(session: Session, student_id: int) -> list[PathEvent]:
    """The path's events, oldest first."""
    path = path_of(session, student_id)
    return list(
        session.scalars(
            select(PathEvent)
            .where(PathEvent.path_id == path.id)
            .order_by(PathEvent.happened_on, PathEvent.id)
        )
    )
