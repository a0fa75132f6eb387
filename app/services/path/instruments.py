"""The instruments around a placement (job coach, wage subsidy, banenafspraak, ...)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError
from app.core.validation import Problems, choice, parse_date, text
from app.models import Instrument, InstrumentKind, InstrumentStatus, TransitionPath
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_edit
from app.services.common.rows import existing_student
from app.services.path.timeline import path_of

INSTRUMENT_CONFLICT = (
    "Dit instrument is intussen door iemand anders gewijzigd. Laad het traject opnieuw."
)


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
