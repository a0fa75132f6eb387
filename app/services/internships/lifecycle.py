"""The life-cycle of an internship: planned -> running -> completed, or broken off (with a
reason) from planned or running. A transition internship that ends with a contract sets the
path's destination in the same transaction, linked to the internship.

`ALLOWED` is the one statement of which moves are possible: the use cases below refuse the
others, and the rows offer only these (`may_start`, `may_complete`, ...), so a screen never
keeps its own copy of the rules.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.core.validation import Problems, choice, parse_date, text, today
from app.models import (
    Destination,
    Employer,
    Internship,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
)
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.internships.planning import editable_internship, save_version
from app.services.path import timeline

CONTRACT_DESTINATIONS = (
    Destination.REGULAR_WORK,
    Destination.WORK_BANENAFSPRAAK,
    Destination.WORK_BBL,
    Destination.BESCHUT_WERK,
)

# The statuses an internship may come from, per status it moves to.
ALLOWED = {
    InternshipStatus.RUNNING: {InternshipStatus.PLANNED},
    InternshipStatus.COMPLETED: {InternshipStatus.RUNNING},
    InternshipStatus.BROKEN_OFF: {InternshipStatus.PLANNED, InternshipStatus.RUNNING},
}


# A transition internship can become the destination while it runs or once it is done.
CONTRACT_FROM = (InternshipStatus.RUNNING, InternshipStatus.COMPLETED)


def may_move(status: InternshipStatus, to: InternshipStatus) -> bool:
    """Whether an internship in `status` may move to `to` (what `_move` accepts)."""
    return status in ALLOWED[to]


def may_end_with_contract(kind: InternshipType, status: InternshipStatus) -> bool:
    """Whether `end_with_contract` accepts an internship of this kind in this status."""
    return kind is InternshipType.TRANSITIE and status in CONTRACT_FROM


def _move(internship: Internship, to: InternshipStatus) -> None:
    if not may_move(internship.status, to):
        now = labels.INTERNSHIP_STATUS[internship.status].lower()
        target = labels.INTERNSHIP_STATUS[to].lower()
        raise ValidationError(
            {"status": f"Status: een stage die {now} is kan niet {target} worden."}
        )
    internship.status = to


def start_internship(session: Session, actor: Actor, internship_id: int, version: int) -> int:
    """The planned internship has begun."""
    internship = editable_internship(session, actor, internship_id, version)
    _move(internship, InternshipStatus.RUNNING)
    new = save_version(session, internship, actor)
    audit.record(session, actor, "update", "internship", internship.id, "status:loopt")
    return new


def complete_internship(
    session: Session,
    actor: Actor,
    internship_id: int,
    version: int,
    outcome: str,
    on: str = "",
    note: str = "",
) -> int:
    """The internship ended as planned, with its outcome."""
    internship = editable_internship(session, actor, internship_id, version)
    p = Problems()
    result = choice(outcome, InternshipOutcome, "Resultaat", "outcome", p)
    ended = parse_date(on, "Einddatum", "end_date", p) or internship.end_date or today()
    cleaned = text(note, "Toelichting resultaat", "outcome_note", p, max_length=300)
    if result is None and "outcome" not in p.by_field:
        p.add("outcome", "Resultaat: kies hoe de stage is afgelopen.")
    if ended < internship.start_date:
        p.add("end_date", "Einddatum: ligt vóór de begindatum.")
    p.raise_if_any()
    _move(internship, InternshipStatus.COMPLETED)
    internship.outcome, internship.end_date = result.value, ended
    if cleaned:
        internship.outcome_note = cleaned
    new = save_version(session, internship, actor)
    audit.record(session, actor, "update", "internship", internship.id, "status:afgerond")
    return new


def break_off(
    session: Session, actor: Actor, internship_id: int, version: int, on: str, reason: str
) -> int:
    """The internship stopped early: the reason is required and the date is kept."""
    internship = editable_internship(session, actor, internship_id, version)
    p = Problems()
    stopped = parse_date(on, "Datum afgebroken", "broken_off_on", p)
    if stopped is None and "broken_off_on" not in p.by_field:
        p.add("broken_off_on", "Datum afgebroken: dit veld is verplicht.")
    why = text(reason, "Reden", "broken_off_reason", p, max_length=300, required=True)
    if stopped and stopped < internship.start_date:
        p.add("broken_off_on", "Datum afgebroken: ligt vóór de begindatum van de stage.")
    p.raise_if_any()
    _move(internship, InternshipStatus.BROKEN_OFF)
    internship.broken_off_on, internship.broken_off_reason = stopped, why
    new = save_version(session, internship, actor)
    audit.record(session, actor, "update", "internship", internship.id, "status:afgebroken")
    return new


def end_with_contract(
    session: Session,
    actor: Actor,
    internship_id: int,
    version: int,
    on: str,
    destination: str = Destination.REGULAR_WORK.value,
) -> int:
    """A transition internship ends with a contract: one step completes it and sets the
    path's destination (work at this employer, from `on`), linked to the internship."""
    internship = editable_internship(session, actor, internship_id, version)
    p = Problems()
    start_work = parse_date(on, "Datum in dienst", "on", p)
    if start_work is None and "on" not in p.by_field:
        p.add("on", "Datum in dienst: dit veld is verplicht.")
    where = choice(destination, Destination, "Bestemming", "destination", p)
    if where is not None and where not in CONTRACT_DESTINATIONS:
        p.add("destination", "Bestemming: kies een vorm van werk.")
    if internship.kind is not InternshipType.TRANSITIE:
        p.add("kind", "Alleen een transitiestage kan direct de bestemming worden.")
    if internship.status not in CONTRACT_FROM:
        p.add("status", "Status: de stage moet lopen of afgerond zijn.")
    p.raise_if_any()
    if internship.status is InternshipStatus.RUNNING:
        internship.status = InternshipStatus.COMPLETED
        internship.end_date = internship.end_date or start_work
    internship.outcome = InternshipOutcome.CONTRACT_OFFERED.value
    new = save_version(session, internship, actor)
    employer = session.get(Employer, internship.employer_id)
    timeline.set_destination(
        session,
        actor,
        internship.student_id,
        where,
        employer.name,
        start_work,
        internship_id=internship.id,
    )
    audit.record(session, actor, "update", "internship", internship.id, "contract")
    return new
