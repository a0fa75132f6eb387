"""The path out of school as a timeline: destinations and fall-backs are events.

`TransitionPath` keeps the current state for the cohort view; every change of destination
is also an event, so a fall-back never overwrites where the student was before. Phases carry
the case lead (regievoerder) and the warm hand-over to the next one; instruments sit around
the placement. Form-facing calls (`record_destination`, `add_phase`, ...) take text as typed
and raise ValidationError with Dutch messages naming the field; impossible dates (a phase
ending before it starts, outflow before enrolment) are refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError
from app.core.validation import Problems, choice, format_date, parse_date, text
from app.models import (
    Destination,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    OutflowProfile,
    PathEvent,
    PathEventKind,
    PathPhase,
    Phase,
    Student,
    TransitionPath,
)
from app.models.base import utcnow
from app.services.aftercare import plan as aftercare
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access, require_student_edit
from app.services.common.rows import existing_student


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


# --- phases, case leads and hand-overs --------------------------------------------------

PHASE_ORDER = list(Phase)
PHASE_CONFLICT = "Deze fase is intussen door iemand anders gewijzigd. Laad het traject opnieuw."
INSTRUMENT_CONFLICT = (
    "Dit instrument is intussen door iemand anders gewijzigd. Laad het traject opnieuw."
)


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


def _validated_phase(student: Student, data: PhaseInput) -> dict:
    problems = Problems()
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
    }
    problems.raise_if_any()
    return values


def _refresh_current_phase(path: TransitionPath, phases: list[PathPhase]) -> None:
    """The current phase: the one that started last (the latest in order on a tie)."""
    if phases:
        latest = max(phases, key=lambda p: (p.start_date, PHASE_ORDER.index(p.phase), p.id or 0))
        path.current_phase = latest.phase
    else:
        path.current_phase = Phase.ORIENTATION


def _phases(session: Session, path: TransitionPath) -> list[PathPhase]:
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
    values = _validated_phase(student, data)
    path = path_of(session, student_id)
    earlier = _phases(session, path)
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
    values = _validated_phase(student, data)
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
    _refresh_current_phase(path, _phases(session, path))
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
    """A warm hand-over: the current phase records date and note, the next one starts."""
    student = existing_student(session, student_id)
    require_student_edit(actor, student)
    path = path_of(session, student_id)
    phases = _phases(session, path)
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


# --- outflow profile, planned date --------------------------------------------------------


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


def record_destination(
    session: Session,
    actor: Actor,
    student_id: int,
    destination: str | None,
    place: str,
    on: str,
    reason: str = "",
) -> int:
    """`set_destination` from a form: the date as text, checked, with Dutch messages."""
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
    problems.raise_if_any()
    event = set_destination(
        session, actor, student_id, wanted, cleaned_place, when, reason=cleaned_reason
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


# --- instruments --------------------------------------------------------------------------


@dataclass(frozen=True)
class InstrumentInput:
    kind: str = InstrumentKind.JOB_COACH.value
    status: str = InstrumentStatus.REQUESTED.value
    start_date: str = ""
    end_date: str = ""
    note: str = ""


def _validated_instrument(data: InstrumentInput) -> dict:
    problems = Problems()
    kind = choice(data.kind, InstrumentKind, "Instrument", "kind", problems)
    if kind is None and "kind" not in problems.by_field:
        problems.add("kind", "Instrument: kies een instrument.")
    status = choice(data.status, InstrumentStatus, "Status", "status", problems)
    if status is None and "status" not in problems.by_field:
        problems.add("status", "Status: kies een status.")
    start = parse_date(data.start_date, "Ingangsdatum", "start_date", problems)
    end = parse_date(data.end_date, "Einddatum", "end_date", problems)
    if start and end and end < start:
        problems.add(
            "end_date", "Einddatum: het instrument kan niet eindigen vóór de ingangsdatum."
        )
    note = text(data.note, "Notitie", "note", problems, max_length=300)
    problems.raise_if_any()
    return {"kind": kind, "status": status, "start_date": start, "end_date": end, "note": note}


def add_instrument(session: Session, actor: Actor, student_id: int, data: InstrumentInput) -> int:
    require_student_edit(actor, existing_student(session, student_id))
    values = _validated_instrument(data)
    path = path_of(session, student_id)
    instrument = Instrument(
        path_id=path.id, created_by_id=actor.user_id, updated_by_id=actor.user_id, **values
    )
    session.add(instrument)
    session.flush()
    audit.record(session, actor, "create", "instrument", instrument.id)
    return instrument.id


def update_instrument(
    session: Session, actor: Actor, instrument_id: int, expected_version: int, data: InstrumentInput
) -> int:
    instrument = session.get(Instrument, instrument_id)
    if instrument is None:
        raise NotFoundError("Dit instrument bestaat niet (meer).")
    path = session.get(TransitionPath, instrument.path_id)
    require_student_edit(actor, existing_student(session, path.student_id))
    if instrument.version != expected_version:
        raise ConflictError(INSTRUMENT_CONFLICT)
    for key, value in _validated_instrument(data).items():
        setattr(instrument, key, value)
    instrument.updated_by_id = actor.user_id
    instrument.updated_at = utcnow()  # bumps the version, also when only child rows changed
    session.flush()
    audit.record(session, actor, "update", "instrument", instrument.id)
    return instrument.version


# --- what the Path tab shows ----------------------------------------------------------------


@dataclass(frozen=True)
class PhaseView:
    id: int
    version: int
    phase: Phase
    start_date: date
    end_date: date | None
    lead_name: str
    lead_organisation: str
    lead_contact: str
    handover_date: date | None
    handover_note: str

    def to_input(self) -> PhaseInput:
        return PhaseInput(
            self.phase.value,
            format_date(self.start_date),
            format_date(self.end_date),
            self.lead_name,
            self.lead_organisation,
            self.lead_contact,
            format_date(self.handover_date),
            self.handover_note,
        )

    @property
    def lead_text(self) -> str:
        return ", ".join(p for p in (self.lead_name, self.lead_organisation) if p)


@dataclass(frozen=True)
class InstrumentView:
    id: int
    version: int
    kind: InstrumentKind
    status: InstrumentStatus
    start_date: date | None
    end_date: date | None
    note: str

    def to_input(self) -> InstrumentInput:
        return InstrumentInput(
            self.kind.value,
            self.status.value,
            format_date(self.start_date),
            format_date(self.end_date),
            self.note,
        )


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline: a phase starting, a hand-over, a destination, a fall-back."""

    on: date
    kind: PathEventKind
    title: str
    detail: str


@dataclass(frozen=True)
class PathView:
    student_id: int
    student_name: str
    outflow_profile: OutflowProfile | None
    planned_outflow: date | None
    enrolment_date: date | None
    current_phase: Phase
    destination: Destination | None
    destination_place: str
    destination_date: date | None
    phases: list[PhaseView]
    instruments: list[InstrumentView]
    timeline: list[TimelineEntry]

    @property
    def current(self) -> PhaseView | None:
        matching = [p for p in self.phases if p.phase is self.current_phase]
        return matching[-1] if matching else None


def _entry(event: PathEvent) -> TimelineEntry:
    kind = PathEventKind(event.kind)
    place = f" — {event.place}" if event.place else ""
    if kind is PathEventKind.PHASE_STARTED:
        title = f"Fase {labels.label(labels.PHASE, event.phase)} begint"
        detail = event.reason or ""
    elif kind is PathEventKind.HANDOVER:
        title = f"Warme overdracht vanuit {labels.label(labels.PHASE, event.phase)}"
        detail = event.reason or ""
    elif kind is PathEventKind.DESTINATION_SET:
        title = f"Bestemming: {labels.label(labels.DESTINATION, event.destination)}{place}"
        detail = event.reason or ""
    elif kind is PathEventKind.FALL_BACK:
        title = f"Terugval uit {labels.label(labels.DESTINATION, event.destination)}{place}"
        detail = f"Reden: {event.reason}" if event.reason else ""
    else:
        title, detail = "Notitie", event.reason or ""
    return TimelineEntry(event.happened_on, kind, title, detail)


def path_view(session: Session, actor: Actor, student_id: int) -> PathView:
    """The student's path for the Path tab: facts, phases, instruments and the timeline."""
    student = existing_student(session, student_id)
    require_student_access(actor, student)
    path = path_of(session, student_id)
    phases = [
        PhaseView(
            p.id,
            p.version,
            Phase(p.phase),
            p.start_date,
            p.end_date,
            p.lead_name or "",
            p.lead_organisation or "",
            p.lead_contact or "",
            p.handover_date,
            p.handover_note or "",
        )
        for p in _phases(session, path)
    ]
    instruments = [
        InstrumentView(i.id, i.version, i.kind, i.status, i.start_date, i.end_date, i.note or "")
        for i in sorted(path.instruments, key=lambda i: (i.start_date or date.min, i.id))
    ]
    events = timeline(session, student_id)
    entries = [_entry(e) for e in events]
    # Phases from before the path kept events (imported, demo) still show when they began.
    started = {(e.phase, e.happened_on) for e in events if e.kind == PathEventKind.PHASE_STARTED}
    for p in phases:
        if (p.phase, p.start_date) not in started:
            entries.append(
                TimelineEntry(
                    p.start_date,
                    PathEventKind.PHASE_STARTED,
                    f"Fase {labels.label(labels.PHASE, p.phase)} begint",
                    "",
                )
            )
        if p.handover_date and not any(
            e.kind == PathEventKind.HANDOVER and e.happened_on == p.handover_date for e in events
        ):
            entries.append(
                TimelineEntry(
                    p.handover_date,
                    PathEventKind.HANDOVER,
                    f"Warme overdracht vanuit {labels.label(labels.PHASE, p.phase)}",
                    p.handover_note,
                )
            )
    entries.sort(key=lambda e: e.on)
    audit.record(session, actor, "view", "path", path.id)
    return PathView(
        student_id=student_id,
        student_name=student.full_name,
        outflow_profile=student.outflow_profile,
        planned_outflow=student.planned_outflow_date,
        enrolment_date=student.enrolment_date,
        current_phase=Phase(path.current_phase),
        destination=path.destination,
        destination_place=path.destination_place or "",
        destination_date=path.destination_date,
        phases=phases,
        instruments=instruments,
        timeline=entries,
    )
