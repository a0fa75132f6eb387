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

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

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
from app.services.common.permissions import visible_students
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

    One query per kind of signal, each returning the ids that raise it (issue 19: nothing
    per student in Python). With `student_ids` (the page on screen) every query is narrowed
    to those students, so the cost follows the page, not the school.
    """
    day = on or today()
    wanted = sorted(set(student_ids)) if student_ids is not None else None
    if wanted is not None and not wanted:
        return {}
    conn = session.connection()
    found: dict[int, set[Kind]] = {}
    for kind, condition in _conditions(session, day, months).items():
        stmt = (
            select(Student.id)
            .outerjoin(TransitionPath, TransitionPath.student_id == Student.id)
            .where(Student.archived.is_(False), condition)
        )
        stmt = visible_students(stmt, actor)
        if wanted is not None:
            stmt = stmt.where(Student.id.in_(wanted))
        for student_id in conn.execute(stmt).scalars():
            found.setdefault(student_id, set()).add(kind)
    aftercare = flagged(session, day, wanted)
    # Aftercare flags only for students the actor sees (and not archived): one query, sent
    # also when nothing is flagged, so each screen sends a fixed number of statements.
    visible = _visible_ids(session, actor, wanted)
    for flag, ids in aftercare.items():
        for student_id in ids & visible:
            found.setdefault(student_id, set()).add(flag)
    return {student_id: frozenset(kinds) for student_id, kinds in found.items()}


def _visible_ids(session: Session, actor: Actor, among: list[int] | None) -> set[int]:
    stmt = visible_students(select(Student.id).where(Student.archived.is_(False)), actor)
    if among is not None:
        stmt = stmt.where(Student.id.in_(among))
    return set(session.connection().execute(stmt).scalars())


def _conditions(session: Session, day: date, months: int) -> dict[Signal, ColumnElement[bool]]:
    """The SQL condition of each path signal, over students outer-joined to their path."""
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
    transition_phase = (
        select(PathPhase.id)
        .where(
            PathPhase.path_id == TransitionPath.id,
            PathPhase.phase == Phase.TRANSITION_INTERNSHIP,
        )
        .exists()
    )
    transition_internship = (
        select(Internship.id)
        .where(
            Internship.student_id == Student.id,
            Internship.kind == InternshipType.TRANSITIE,
            Internship.status != InternshipStatus.BROKEN_OFF,
        )
        .exists()
    )
    recent_profile = (
        select(ProfileAssessment.id)
        .where(
            ProfileAssessment.student_id == Student.id,
            ProfileAssessment.assessed_on > day - PROFILE_MAX_AGE,
        )
        .exists()
    )
    # The case lead of the current phase: its latest phase row of that kind.
    current_lead = (
        select(PathPhase.lead_name)
        .where(
            PathPhase.path_id == TransitionPath.id,
            PathPhase.phase == TransitionPath.current_phase,
        )
        .order_by(PathPhase.start_date.desc(), PathPhase.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return {
        Signal.LEAVING_WITHOUT_TRANSITION: and_(
            open_path, leaving_soon, ~transition_phase, ~transition_internship
        ),
        Signal.NO_DESTINATION: without_place,
        Signal.PROFILE_OUTDATED: and_(open_path, at_school, ~recent_profile),
        Signal.NO_CASE_LEAD: and_(open_path, func.coalesce(func.trim(current_lead), "") == ""),
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
