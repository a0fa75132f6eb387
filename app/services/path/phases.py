"""The phases of the path with their case lead (regievoerder) and the warm hand-over to
the next one. Dates come as typed; a phase ending before it starts is refused.

A hand-over has a receiver: the next phase's case lead. Closing the path while the young
person has no place (no destination, unknown, or no work or study) is the outcome the whole
system exists to prevent, so it is refused unless the user says why; that reason stays on
the closed phase and, for the cohort, on the path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError
from app.core.validation import Problems, choice, parse_date, text
from app.models import PathEvent, PathEventKind, PathPhase, Phase, Student, TransitionPath
from app.models.base import utcnow
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_edit
from app.services.common.rows import existing_student
from app.services.path.timeline import path_of
from app.services.students.signals import NO_DESTINATION_VALUES

PHASE_ORDER = list(Phase)
PHASE_CONFLICT = "Deze fase is intussen door iemand anders gewijzigd. Laad het traject opnieuw."


@dataclass(frozen=True)
class PhaseInput:
    """A phase as typed: dates as dd-mm-jjjj text."""

    phase: str = Phase.ORIENTATION.value
    start_date: str = ""
    end_date: str = ""
    lead_name: str = ""
    lead_organisation: str = ""
    lead_contact: str = ""
    handover_date: str = ""
    handover_note: str = ""
    closing_reason: str = ""  # only for a closed phase: why, if the student has no place


def _without_place_message(student: Student, path: TransitionPath) -> str:
    where = labels.label(labels.DESTINATION, path.destination) or "nog geen bestemming"
    return (
        f"Reden afsluiten: {student.full_name} heeft geen plek ({where}). Een traject zonder "
        "plek sluit u alleen af met de reden erbij, bijvoorbeeld verhuisd of overgedragen "
        "aan het RMC."
    )


def _validated_phase(
    student: Student, path: TransitionPath, data: PhaseInput, problems: Problems
) -> dict:
    """The phase's values; problems go into `problems`, the caller raises."""
    phase = choice(data.phase, Phase, "Fase", "phase", problems)
    if phase is None and "phase" not in problems.by_field:
        problems.add("phase", "Fase: kies een fase.")
    start = parse_date(data.start_date, "Begindatum", "start_date", problems)
    if start is None and "start_date" not in problems.by_field:
        problems.add("start_date", "Begindatum: dit veld is verplicht.")
    end = parse_date(data.end_date, "Einddatum", "end_date", problems)
    handover = parse_date(data.handover_date, "Datum overdracht", "handover_date", problems)
    if start and end and end < start:
        problems.add("end_date", "Einddatum: de fase kan niet eindigen vóór de begindatum.")
    if start and handover and handover < start:
        problems.add(
            "handover_date", "Datum overdracht: de overdracht kan niet vóór de begindatum liggen."
        )
    if start and student.birth_date and start < student.birth_date:
        problems.add("start_date", "Begindatum: deze datum ligt vóór de geboortedatum.")
    values = {
        "phase": phase,
        "start_date": start,
        "end_date": end,
        "lead_name": text(data.lead_name, "Regievoerder", "lead_name", problems, max_length=160),
        "lead_organisation": text(
            data.lead_organisation, "Organisatie", "lead_organisation", problems, max_length=160
        ),
        "lead_contact": text(
            data.lead_contact, "Contact regievoerder", "lead_contact", problems, max_length=160
        ),
        "handover_date": handover,
        "handover_note": text(
            data.handover_note, "Notitie overdracht", "handover_note", problems, max_length=2000
        ),
        "closing_reason": None,
    }
    if phase is Phase.CLOSED:
        reason = text(
            data.closing_reason, "Reden afsluiten", "closing_reason", problems, max_length=2000
        )
        if reason is None and path.destination in NO_DESTINATION_VALUES:
            problems.add("closing_reason", _without_place_message(student, path))
        values["closing_reason"] = reason
    return values


def _refresh_current_phase(path: TransitionPath, phases: list[PathPhase]) -> None:
    """The current phase: the one that started last (the latest in order on a tie)."""
    if phases:
        latest = max(phases, key=lambda p: (p.start_date, PHASE_ORDER.index(p.phase), p.id or 0))
        path.current_phase = latest.phase
        path.closing_reason = latest.closing_reason if latest.phase == Phase.CLOSED else None
    else:
        path.current_phase = Phase.ORIENTATION
        path.closing_reason = None


def phases_of(session: Session, path: TransitionPath) -> list[PathPhase]:
    return list(
        session.scalars(
            select(PathPhase)
            .where(PathPhase.path_id == path.id)
            .order_by(PathPhase.start_date, PathPhase.id)
        )
    )


def add_phase(session: Session, actor: Actor, student_id: int, data: PhaseInput) -> int:
    """Starts a phase with its case lead; the phase before it ends the day before.

    Also an event in the timeline, so the path shows when the student moved on.
    """
    student = existing_student(session, student_id)
    require_student_edit(actor, student)
    path = path_of(session, student_id)
    problems = Problems()
    values = _validated_phase(student, path, data, problems)
    problems.raise_if_any()
    earlier = phases_of(session, path)
    for previous in earlier:
        if previous.end_date is None and previous.start_date < values["start_date"]:
            previous.end_date = values["start_date"] - timedelta(days=1)
            previous.updated_by_id = actor.user_id
    phase = PathPhase(
        path_id=path.id, created_by_id=actor.user_id, updated_by_id=actor.user_id, **values
    )
    session.add(phase)
    session.add(
        PathEvent(
            path_id=path.id,
            kind=PathEventKind.PHASE_STARTED,
            happened_on=values["start_date"],
            phase=values["phase"],
            reason=values["closing_reason"],
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
        )
    )
    session.flush()
    _refresh_current_phase(path, [*earlier, phase])
    path.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "create", "path_phase", phase.id, f"fase:{phase.phase.value}")
    return phase.id


def update_phase(
    session: Session, actor: Actor, phase_id: int, expected_version: int, data: PhaseInput
) -> int:
    """Corrects a phase (dates, case lead, hand-over); returns the new version."""
    phase = session.get(PathPhase, phase_id)
    if phase is None:
        raise NotFoundError("Deze fase bestaat niet (meer).")
    path = session.get(TransitionPath, phase.path_id)
    student = existing_student(session, path.student_id)
    require_student_edit(actor, student)
    if phase.version != expected_version:
        raise ConflictError(PHASE_CONFLICT)
    problems = Problems()
    values = _validated_phase(student, path, data, problems)
    problems.raise_if_any()
    had_handover = phase.handover_date is not None
    for key, value in values.items():
        setattr(phase, key, value)
    phase.updated_by_id = actor.user_id
    phase.updated_at = utcnow()
    if values["handover_date"] and not had_handover:
        session.add(
            PathEvent(
                path_id=path.id,
                kind=PathEventKind.HANDOVER,
                happened_on=values["handover_date"],
                phase=phase.phase,
                reason=values["handover_note"],
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
            )
        )
    session.flush()
    _refresh_current_phase(path, phases_of(session, path))
    session.flush()
    audit.record(session, actor, "update", "path_phase", phase.id)
    return phase.version


def hand_over(
    session: Session,
    actor: Actor,
    student_id: int,
    on: str,
    note: str,
    next_phase: PhaseInput,
) -> int:
    """A warm hand-over: the current phase records date and note, the next one starts.

    The next phase's case lead receives the student; only closing the path has none.
    """
    student = existing_student(session, student_id)
    require_student_edit(actor, student)
    path = path_of(session, student_id)
    phases = phases_of(session, path)
    problems = Problems()
    when = parse_date(on, "Datum overdracht", "handover_date", problems)
    if when is None and "handover_date" not in problems.by_field:
        problems.add("handover_date", "Datum overdracht: dit veld is verplicht.")
    cleaned = text(note, "Notitie overdracht", "handover_note", problems, max_length=2000)
    current = next((p for p in reversed(phases) if p.phase == path.current_phase), None)
    if when and current and when < current.start_date:
        problems.add(
            "handover_date",
            "Datum overdracht: de overdracht kan niet vóór het begin van de huidige fase liggen.",
        )
    # The next phase is checked with the hand-over, so the user sees every problem at once.
    following = _validated_phase(student, path, next_phase, problems)
    if following["phase"] not in (None, Phase.CLOSED) and not following["lead_name"]:
        problems.add(
            "lead_name",
            "Regievoerder: vul in wie de regie overneemt. Een warme overdracht heeft een "
            "ontvanger.",
        )
    problems.raise_if_any()
    if current is not None:
        current.handover_date, current.handover_note = when, cleaned
        current.updated_by_id = actor.user_id
        session.add(
            PathEvent(
                path_id=path.id,
                kind=PathEventKind.HANDOVER,
                happened_on=when,
                phase=current.phase,
                reason=cleaned,
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
            )
        )
        session.flush()
    return add_phase(session, actor, student_id, next_phase)
