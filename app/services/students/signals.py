"""Who needs attention: the signals the cohort, the trends and the outflow meeting share.

One place decides what each signal means, computed for the whole cohort in a handful of
queries (no query per student):

- leaving soon without a transition internship: still at school, planned outflow within
  `months` (or already past), and neither a transition-internship phase on the path nor a
  transition internship that was not broken off;
- no destination: leaving soon or left within the school's aftercare period, and the
  destination is empty, unknown or "no work or study" (also after a fall-back); a student
  who left before the aftercare period is past the school's care, not a signal;
- profile outdated: still at school and no profile assessment in the last year;
- no case lead: the current phase has no case lead (or the path has no phase at all);
- from aftercare (`app.services.aftercare.attention`): unreachable three times in a row,
  dropped out without a new destination, an aftercare call overdue.

Archived students raise no signal. A closed path raises only "no destination" among the
path signals: closing a case does not give the young person a place, so that signal stays
until a destination is recorded. Aftercare runs its own two years, so its flags show
whatever the phase.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.core.validation import today
from app.models import (
    Destination,
    Internship,
    InternshipStatus,
    InternshipType,
    PathPhase,
    Phase,
    ProfileAssessment,
    Student,
    TransitionPath,
)
from app.services.aftercare.attention import AftercareFlag, flagged
from app.services.common.actor import Actor
from app.services.common.permissions import not_archived, visible_students
from app.services.common.school_settings import school_settings

# Nine months: in the autumn this already covers the students who leave next summer.
DEFAULT_MONTHS = 9
PROFILE_MAX_AGE = timedelta(days=365)


class Signal(StrEnum):
    LEAVING_WITHOUT_TRANSITION = "geen_transitiestage"
    NO_DESTINATION = "geen_bestemming"
    PROFILE_OUTDATED = "profiel_verouderd"
    NO_CASE_LEAD = "geen_regievoerder"
    # The destination is recorded but the monitor cannot count it yet: which school
    # (rows from before the split) or why there is no work or study.
    DESTINATION_TO_SETTLE = "bestemming_aanvullen"


# Every kind of signal the service knows, in the order lists and filters show them.
Kind = Signal | AftercareFlag
KINDS: tuple[Kind, ...] = (*Signal, *AftercareFlag)

LABEL: dict[Kind, str] = {
    Signal.LEAVING_WITHOUT_TRANSITION: "Vertrekt binnenkort zonder transitiestage",
    Signal.NO_DESTINATION: "Nog geen bestemming",
    Signal.PROFILE_OUTDATED: "Profiel ouder dan een jaar",
    Signal.NO_CASE_LEAD: "Geen regievoerder",
    Signal.DESTINATION_TO_SETTLE: (
        "Bestemming aanvullen: welke school, of waarom geen werk of studie"
    ),
    AftercareFlag.UNREACHABLE: "Drie keer op rij niet bereikt in de nazorg",
    AftercareFlag.DROPPED_OUT: "Uitgevallen, nog geen nieuwe bestemming",
    AftercareFlag.CALL_OVERDUE: "Een nazorgcontact is te laat",
}

SHORT: dict[Kind, str] = {
    Signal.LEAVING_WITHOUT_TRANSITION: "Geen transitiestage",
    Signal.NO_DESTINATION: "Geen bestemming",
    Signal.PROFILE_OUTDATED: "Profiel verouderd",
    Signal.NO_CASE_LEAD: "Geen regievoerder",
    Signal.DESTINATION_TO_SETTLE: "Bestemming aanvullen",
    AftercareFlag.UNREACHABLE: "Onbereikbaar",
    AftercareFlag.DROPPED_OUT: "Uitgevallen",
    AftercareFlag.CALL_OVERDUE: "Nazorg te laat",
}

NO_DESTINATION_VALUES = {None, Destination.UNKNOWN, Destination.NOTHING}
NO_WORK_DESTINATIONS = {Destination.NOTHING, Destination.BENEFIT}


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def compute(
    session: Session,
    actor: Actor,
    *,
    on: date | None = None,
    months: int = DEFAULT_MONTHS,
    student_ids: Iterable[int] | None = None,
) -> dict[int, frozenset[Kind]]:
    """Every visible student with at least one signal, mapped to its signals.

    One query answers every path signal at once, a flag column per kind, in a single pass
    over the students (issue 19: five passes over 150,000 encrypted rows cost seconds), and
    its rows are also the students the actor sees, for the aftercare flags' three queries.
    With `student_ids` (the page on screen) everything is narrowed to those students, so
    the cost follows the page, not the school.
    """
    day = on or today()
    wanted = sorted(set(student_ids)) if student_ids is not None else None
    if wanted is not None and not wanted:
        return {}
    kinds = _conditions(session, day, months, wanted)
    stmt = (
        select(Student.id, *(case((condition, 1), else_=0) for condition in kinds.values()))
        .outerjoin(TransitionPath, TransitionPath.student_id == Student.id)
        .where(not_archived(actor, whole=wanted is None))
    )
    stmt = visible_students(stmt, actor)
    if wanted is not None:
        stmt = stmt.where(Student.id.in_(wanted))
    found: dict[int, frozenset[Kind]] = {}
    visible: set[int] = set()
    order = tuple(kinds)
    # Students share a few combinations of flags: each becomes a set of kinds once.
    by_flags: dict[tuple[int, ...], frozenset[Kind]] = {}
    for row in session.connection().execute(stmt):
        student_id, flags = row[0], tuple(row[1:])
        visible.add(student_id)
        if any(flags):
            raised = by_flags.get(flags)
            if raised is None:
                raised = by_flags[flags] = frozenset(
                    kind for kind, flag in zip(order, flags, strict=True) if flag
                )
            found[student_id] = raised
    # Aftercare flags only for students the actor sees (and not archived).
    for flag, ids in flagged(session, day, wanted).items():
        for student_id in ids & visible:
            found[student_id] = found.get(student_id, frozenset()) | {flag}
    return found


def _conditions(
    session: Session, day: date, months: int, among: list[int] | None = None
) -> dict[Signal, ColumnElement[bool]]:
    """The SQL condition of each path signal, over students outer-joined to their path;
    `among` narrows the sets the conditions look in to those students (the page)."""

    def narrowed(stmt, student_id):
        return stmt if among is None else stmt.where(student_id.in_(among))

    horizon = add_months(day, months)
    care_since = add_months(day, -school_settings(session).aftercare_months)
    at_school = Student.actual_outflow_date.is_(None)
    leaving_soon = and_(
        at_school,
        Student.planned_outflow_date.is_not(None),
        Student.planned_outflow_date <= horizon,
    )
    left_in_care = and_(
        Student.actual_outflow_date.is_not(None), Student.actual_outflow_date >= care_since
    )
    without_place = and_(
        or_(leaving_soon, left_in_care),
        or_(
            TransitionPath.destination.is_(None),
            TransitionPath.destination.in_([Destination.UNKNOWN, Destination.NOTHING]),
        ),
    )
    # A closed path raises only "no destination"; no path at all counts as orientation.
    open_path = or_(
        TransitionPath.current_phase.is_(None), TransitionPath.current_phase != Phase.CLOSED
    )
    # Each "has one" below is a membership in a set the database builds once per query, not
    # a subquery per student: on 150,000 students that keeps the cost linear (issue 19).
    path = aliased(TransitionPath)
    transition_phase = TransitionPath.id.in_(
        narrowed(
            select(PathPhase.path_id)
            .join(path, path.id == PathPhase.path_id)
            .where(PathPhase.phase == Phase.TRANSITION_INTERNSHIP),
            path.student_id,
        )
    )
    transition_internship = Student.id.in_(
        narrowed(
            select(Internship.student_id).where(
                Internship.kind == InternshipType.TRANSITIE,
                Internship.status != InternshipStatus.BROKEN_OFF,
            ),
            Internship.student_id,
        )
    )
    recent_profile = Student.id.in_(
        narrowed(
            select(ProfileAssessment.student_id).where(
                ProfileAssessment.assessed_on > day - PROFILE_MAX_AGE
            ),
            ProfileAssessment.student_id,
        )
    )
    # The case lead of the current phase is on its latest phase row of that kind.
    latest = narrowed(
        select(
            PathPhase.path_id,
            PathPhase.lead_name,
            func.row_number()
            .over(
                partition_by=PathPhase.path_id,
                order_by=(PathPhase.start_date.desc(), PathPhase.id.desc()),
            )
            .label("recency"),
        ).join(path, and_(path.id == PathPhase.path_id, path.current_phase == PathPhase.phase)),
        path.student_id,
    ).subquery()
    led = TransitionPath.id.in_(
        select(latest.c.path_id).where(
            latest.c.recency == 1, func.coalesce(func.trim(latest.c.lead_name), "") != ""
        )
    )
    return {
        Signal.LEAVING_WITHOUT_TRANSITION: and_(
            open_path,
            leaving_soon,
            or_(TransitionPath.id.is_(None), ~transition_phase),
            ~transition_internship,
        ),
        Signal.NO_DESTINATION: without_place,
        Signal.PROFILE_OUTDATED: and_(open_path, at_school, ~recent_profile),
        Signal.NO_CASE_LEAD: and_(open_path, or_(TransitionPath.id.is_(None), ~led)),
        # Whatever the phase: the monitor cannot count the destination until it is settled.
        Signal.DESTINATION_TO_SETTLE: or_(
            TransitionPath.destination == Destination.SCHOOL_UNSETTLED,
            and_(
                TransitionPath.destination.in_(NO_WORK_DESTINATIONS),
                TransitionPath.no_work_reason.is_(None),
            ),
        ),
    }


def students_with(
    session: Session,
    actor: Actor,
    signal: Kind,
    *,
    on: date | None = None,
    months: int = DEFAULT_MONTHS,
) -> set[int]:
    """The ids of the visible students that raise `signal`."""
    return {
        sid
        for sid, found in compute(session, actor, on=on, months=months).items()
        if signal in found
    }


def short_labels(found: Iterable[Kind]) -> tuple[str, ...]:
    """The short labels of some signals, in the fixed order of `KINDS`."""
    present = set(found)
    return tuple(SHORT[kind] for kind in KINDS if kind in present)


def all_short_labels() -> tuple[str, ...]:
    """The short label of every kind of signal, for a filter that offers them all."""
    return tuple(SHORT[kind] for kind in KINDS)
