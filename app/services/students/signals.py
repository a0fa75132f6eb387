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

from sqlalchemy import func, select
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


# Every kind of signal the service knows, in the order lists and filters show them.
Kind = Signal | AftercareFlag
KINDS: tuple[Kind, ...] = (*Signal, *AftercareFlag)

LABEL: dict[Kind, str] = {
    Signal.LEAVING_WITHOUT_TRANSITION: "Vertrekt binnenkort zonder transitiestage",
    Signal.NO_DESTINATION: "Nog geen bestemming",
    Signal.PROFILE_OUTDATED: "Profiel ouder dan een jaar",
    Signal.NO_CASE_LEAD: "Geen regievoerder",
    AftercareFlag.UNREACHABLE: "Drie keer op rij niet bereikt in de nazorg",
    AftercareFlag.DROPPED_OUT: "Uitgevallen, nog geen nieuwe bestemming",
    AftercareFlag.CALL_OVERDUE: "Een nazorgcontact is te laat",
}

SHORT: dict[Kind, str] = {
    Signal.LEAVING_WITHOUT_TRANSITION: "Geen transitiestage",
    Signal.NO_DESTINATION: "Geen bestemming",
    Signal.PROFILE_OUTDATED: "Profiel verouderd",
    Signal.NO_CASE_LEAD: "Geen regievoerder",
    AftercareFlag.UNREACHABLE: "Onbereikbaar",
    AftercareFlag.DROPPED_OUT: "Uitgevallen",
    AftercareFlag.CALL_OVERDUE: "Nazorg te laat",
}

NO_DESTINATION_VALUES = {None, Destination.UNKNOWN, Destination.NOTHING}


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

    With `student_ids` (the page on screen) every query is narrowed to those students in
    SQL, so the cost follows the page, not the school (issue 19).
    """
    day = on or today()
    horizon = add_months(day, months)
    care_since = add_months(day, -school_settings(session).aftercare_months)
    wanted = sorted(set(student_ids)) if student_ids is not None else None
    stmt = (
        select(
            Student.id,
            Student.planned_outflow_date,
            Student.actual_outflow_date,
            TransitionPath.id.label("path_id"),
            TransitionPath.current_phase,
            TransitionPath.destination,
        )
        .outerjoin(TransitionPath, TransitionPath.student_id == Student.id)
        .where(Student.archived.is_(False))
    )
    stmt = visible_students(stmt, actor)
    if wanted is not None:
        stmt = stmt.where(Student.id.in_(wanted))
    conn = session.connection()
    students = list(conn.execute(stmt))
    if not students:
        return {}
    path_ids = sorted({row.path_id for row in students if row.path_id is not None})

    def narrowed(query, column, ids):
        return query if wanted is None else query.where(column.in_(ids))

    transition_paths = set(
        conn.execute(
            narrowed(
                select(PathPhase.path_id)
                .where(PathPhase.phase == Phase.TRANSITION_INTERNSHIP)
                .distinct(),
                PathPhase.path_id,
                path_ids,
            )
        ).scalars()
    )
    transition_internships = set(
        conn.execute(
            narrowed(
                select(Internship.student_id)
                .where(
                    Internship.kind == InternshipType.TRANSITIE,
                    Internship.status != InternshipStatus.BROKEN_OFF,
                )
                .distinct(),
                Internship.student_id,
                wanted,
            )
        ).scalars()
    )
    recent_profiles = set(
        conn.execute(
            narrowed(
                select(ProfileAssessment.student_id)
                .group_by(ProfileAssessment.student_id)
                .having(func.max(ProfileAssessment.assessed_on) > day - PROFILE_MAX_AGE),
                ProfileAssessment.student_id,
                wanted,
            )
        ).scalars()
    )
    # The case lead of each path's current phase: the latest phase row of that kind.
    current_lead: dict[int, str | None] = {}
    lead_rows = conn.execute(
        narrowed(
            select(PathPhase.path_id, PathPhase.lead_name)
            .join(TransitionPath, TransitionPath.id == PathPhase.path_id)
            .where(PathPhase.phase == TransitionPath.current_phase)
            .order_by(PathPhase.path_id, PathPhase.start_date, PathPhase.id),
            PathPhase.path_id,
            path_ids,
        )
    )
    for path_id, lead_name in lead_rows:
        current_lead[path_id] = lead_name

    aftercare = flagged(session, day, wanted)

    result: dict[int, frozenset[Kind]] = {}
    for row in students:
        found: set[Kind] = {flag for flag, ids in aftercare.items() if row.id in ids}
        phase = row.current_phase or Phase.ORIENTATION
        at_school = row.actual_outflow_date is None
        leaving_soon = (
            at_school
            and row.planned_outflow_date is not None
            and row.planned_outflow_date <= horizon
        )
        left_in_care = not at_school and row.actual_outflow_date >= care_since
        without_place = (leaving_soon or left_in_care) and row.destination in NO_DESTINATION_VALUES
        if phase == Phase.CLOSED:
            if without_place:
                found.add(Signal.NO_DESTINATION)
            if found:
                result[row.id] = frozenset(found)
            continue
        if (
            leaving_soon
            and row.path_id not in transition_paths
            and row.id not in transition_internships
        ):
            found.add(Signal.LEAVING_WITHOUT_TRANSITION)
        if without_place:
            found.add(Signal.NO_DESTINATION)
        if at_school and row.id not in recent_profiles:
            found.add(Signal.PROFILE_OUTDATED)
        if not (current_lead.get(row.path_id) or "").strip():
            found.add(Signal.NO_CASE_LEAD)
        if found:
            result[row.id] = frozenset(found)
    return result


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
