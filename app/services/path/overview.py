"""What the Path tab shows: the facts, the phases, the instruments and the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.core.validation import format_date
from app.models import (
    Destination,
    InstrumentKind,
    InstrumentStatus,
    OutflowProfile,
    PathEvent,
    PathEventKind,
    Phase,
)
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access
from app.services.common.rows import existing_student
from app.services.path import timeline
from app.services.path.instruments import InstrumentInput
from app.services.path.phases import PhaseInput, phases_of
from app.services.path.timeline import path_of


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
    closing_reason: str = ""

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
            self.closing_reason,
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
    # Why the path was closed (required when the young person has no place); "" when open.
    closing_reason: str = ""

    @property
    def current(self) -> PhaseView | None:
        matching = [p for p in self.phases if p.phase is self.current_phase]
        return matching[-1] if matching else None


def closing_detail(reason: str | None) -> str:
    return f"Reden afsluiten: {reason}" if reason else ""


def _entry(event: PathEvent, closing_reasons: dict[date, str]) -> TimelineEntry:
    kind = PathEventKind(event.kind)
    place = f" — {event.place}" if event.place else ""
    if kind is PathEventKind.PHASE_STARTED:
        title = f"Fase {labels.label(labels.PHASE, event.phase)} begint"
        detail = event.reason or ""
        if event.phase == Phase.CLOSED:
            # The phase holds the reason as last corrected; the event the one first given.
            detail = closing_detail(closing_reasons.get(event.happened_on) or event.reason)
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
            p.closing_reason or "",
        )
        for p in phases_of(session, path)
    ]
    instruments = [
        InstrumentView(i.id, i.version, i.kind, i.status, i.start_date, i.end_date, i.note or "")
        for i in sorted(path.instruments, key=lambda i: (i.start_date or date.min, i.id))
    ]
    events = timeline.events(session, student_id)
    closing_reasons = {p.start_date: p.closing_reason for p in phases if p.phase is Phase.CLOSED}
    entries = [_entry(e, closing_reasons) for e in events]
    # Phases from before the path kept events (imported, demo) still show when they began.
    started = {(e.phase, e.happened_on) for e in events if e.kind == PathEventKind.PHASE_STARTED}
    for p in phases:
        if (p.phase, p.start_date) not in started:
            entries.append(
                TimelineEntry(
                    p.start_date,
                    PathEventKind.PHASE_STARTED,
                    f"Fase {labels.label(labels.PHASE, p.phase)} begint",
                    closing_detail(p.closing_reason),
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
        closing_reason=path.closing_reason or "",
    )
