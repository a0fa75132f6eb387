"""The path out of school as a timeline: destinations and fall-backs are events.

`TransitionPath` keeps the current state for the cohort view; every change of destination
is also an event, so a fall-back never overwrites where the student was before. Form-facing
calls (`record_destination`, `record_fall_back_from_form`) take text as typed and raise
ValidationError with Dutch messages naming the field; outflow before enrolment is refused.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import Problems, choice, parse_date, text
from app.models import Destination, NoWorkReason, PathEvent, PathEventKind, TransitionPath
from app.services.aftercare import plan as aftercare
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_edit
from app.services.common.rows import existing_student
from app.services.meetings.lists import settle_on_destination

# With these destinations the form asks why (the PrO monitor's rule depends on it).
NO_WORK_DESTINATIONS = frozenset({Destination.NOTHING, Destination.BENEFIT})


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
    no_work_reason: NoWorkReason | None = None,
) -> PathEvent:
    """Records where the student went (or goes next), as an event and as the current state.

    `no_work_reason` is kept only with "no work or study" and "benefit without work"."""
    student = existing_student(session, student_id)
    require_student_edit(actor, student)
    if student.enrolment_date and on < student.enrolment_date:
        problems = Problems()
        problems.add(
            "destination_date",
            "Datum bestemming: de uitstroom kan niet vóór de inschrijfdatum liggen.",
        )
        problems.raise_if_any()
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
    path.no_work_reason = no_work_reason if destination in NO_WORK_DESTINATIONS else None
    path.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "path", path.id, f"bestemming:{destination.value}")
    aftercare.sync_plan(session, actor, student_id)  # outflow registered: the call plan
    # Active again (work, school, a route, dagbesteding): its meeting cases go to the follow list.
    settle_on_destination(session, actor, student_id, destination, on)
    return event


def record_fall_back(
    session: Session, actor: Actor, student_id: int, on: date, reason: str
) -> PathEvent:
    """A placement ended (internship broken off, contract ended, course stopped).

    The earlier destination stays in the timeline; the current destination becomes
    "no work or study" until a new one is set.
    """
    require_student_edit(actor, existing_student(session, student_id))
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
    path.no_work_reason = None  # asked as a signal: why, in the monitor's words
    path.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "path", path.id, "terugval")
    return event


def events(session: Session, student_id: int) -> list[PathEvent]:
    """The path's events, oldest first."""
    path = path_of(session, student_id)
    return list(
        session.scalars(
            select(PathEvent)
            .where(PathEvent.path_id == path.id)
            .order_by(PathEvent.happened_on, PathEvent.id)
        )
    )


def record_destination(
    session: Session,
    actor: Actor,
    student_id: int,
    destination: str | None,
    place: str,
    on: str,
    reason: str = "",
    no_work_reason: str | None = None,
) -> int:
    """`set_destination` from a form: the date as text, checked, with Dutch messages.

    With "no work or study" or "benefit without work" the reason is required."""
    student = existing_student(session, student_id)
    require_student_edit(actor, student)
    problems = Problems()
    wanted = choice(destination, Destination, "Bestemming", "destination", problems)
    if wanted is None and "destination" not in problems.by_field:
        problems.add("destination", "Bestemming: kies waar de leerling naartoe gaat.")
    when = parse_date(on, "Datum bestemming", "destination_date", problems)
    if when is None and "destination_date" not in problems.by_field:
        problems.add("destination_date", "Datum bestemming: dit veld is verplicht.")
    if when and student.enrolment_date and when < student.enrolment_date:
        problems.add(
            "destination_date",
            "Datum bestemming: de uitstroom kan niet vóór de inschrijfdatum liggen.",
        )
    cleaned_place = text(
        place, "Werkgever of opleiding", "destination_place", problems, max_length=160
    )
    cleaned_reason = text(reason, "Toelichting", "reason", problems, max_length=2000)
    why = None
    if wanted in NO_WORK_DESTINATIONS:
        why = choice(no_work_reason, NoWorkReason, "Reden", "no_work_reason", problems)
        if why is None and "no_work_reason" not in problems.by_field:
            problems.add(
                "no_work_reason",
                "Reden: kies waarom er geen werk of studie is (de PrO-monitor telt dit mee).",
            )
    problems.raise_if_any()
    event = set_destination(
        session,
        actor,
        student_id,
        wanted,
        cleaned_place,
        when,
        reason=cleaned_reason,
        no_work_reason=why,
    )
    return event.id


def record_fall_back_from_form(
    session: Session, actor: Actor, student_id: int, on: str, reason: str
) -> int:
    """`record_fall_back` from a form, with the date and reason checked."""
    student = existing_student(session, student_id)
    require_student_edit(actor, student)
    problems = Problems()
    when = parse_date(on, "Datum terugval", "fall_back_date", problems)
    if when is None and "fall_back_date" not in problems.by_field:
        problems.add("fall_back_date", "Datum terugval: dit veld is verplicht.")
    cleaned = text(reason, "Reden", "reason", problems, max_length=2000, required=True)
    path = path_of(session, student_id)
    if when and path.destination_date and when < path.destination_date:
        problems.add(
            "fall_back_date",
            "Datum terugval: deze datum ligt vóór de datum van de huidige bestemming.",
        )
    problems.raise_if_any()
    return record_fall_back(session, actor, student_id, when, cleaned).id
