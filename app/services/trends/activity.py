"""Signals over time and internships: counted per school year in SQL.

Signals: of each year's leavers, how many left without a destination, how many have a
destination still to settle for the monitor, and how many aftercare found dropped out.
Internships: per school year of their start, per sector and outcome; and the employers
where an internship became the job a student left school for.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from app.models import (
    AftercareCall,
    Destination,
    Employer,
    Internship,
    InternshipStatus,
    PathEvent,
    PathEventKind,
    Still,
    Student,
    TransitionPath,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.labels import INTERNSHIP_OUTCOME, INTERNSHIP_STATUS
from app.services.common.permissions import visible_students
from app.services.trends.filters import (
    Dimension,
    TrendFilters,
    apply_filters,
    destination_at_leaving,
    leavers_select,
    school_year_sql,
)

WORK = (
    Destination.REGULAR_WORK,
    Destination.WORK_BANENAFSPRAAK,
    Destination.WORK_BBL,
    Destination.BESCHUT_WERK,
)
NO_DESTINATION = (Destination.UNKNOWN, Destination.NOTHING)


@dataclass(frozen=True, slots=True)
class SignalRow:
    year: int
    leavers: int
    without_destination: int
    to_settle: int
    dropped_out: int


def signals_over_time(session: Session, actor: Actor, filters: TrendFilters) -> list[SignalRow]:
    """Per school year of leaving (oldest first): the signals among its leavers."""
    destination = destination_at_leaving()
    dropped = exists().where(
        AftercareCall.student_id == Student.id,
        AftercareCall.reached.is_(True),
        AftercareCall.still_at_destination == Still.DROPPED_OUT,
    )
    flags = [
        case((or_(destination.is_(None), destination.in_(NO_DESTINATION)), 1), else_=0).label(
            "without"
        ),
        case(
            (
                or_(
                    TransitionPath.destination == Destination.SCHOOL_UNSETTLED,
                    and_(
                        TransitionPath.destination.in_((Destination.NOTHING, Destination.BENEFIT)),
                        TransitionPath.no_work_reason.is_(None),
                    ),
                ),
                1,
            ),
            else_=0,
        ).label("settle"),
        case((dropped, 1), else_=0).label("dropped"),
    ]
    stmt, _year, _group = leavers_select(flags, actor, filters, Dimension.NONE)
    per_student = stmt.subquery()
    counted = (
        select(
            per_student.c.school_year,
            func.count(),
            func.sum(per_student.c.without),
            func.sum(per_student.c.settle),
            func.sum(per_student.c.dropped),
        )
        .group_by(per_student.c.school_year)
        .order_by(per_student.c.school_year)
    )
    rows = [
        SignalRow(year, n, int(a or 0), int(b or 0), int(c or 0))
        for year, n, a, b, c in session.execute(counted)
    ]
    audit.record(session, actor, "view", "trends", None, "signalen")
    return rows


@dataclass(frozen=True, slots=True)
class InternshipRow:
    year: int
    sector: str
    outcome: str  # a Dutch label: the outcome, else the status
    internships: int


def internships(session: Session, actor: Actor, filters: TrendFilters) -> list[InternshipRow]:
    """Internships per school year of their start, sector and outcome."""
    year = school_year_sql(Internship.start_date).label("school_year")
    stmt = (
        select(year, Employer.sector, Internship.outcome, Internship.status, func.count())
        .select_from(Internship)
        .join(Student, Student.id == Internship.student_id)
        .join(Employer, Employer.id == Internship.employer_id)
    )
    stmt = apply_filters(visible_students(stmt, actor), filters, year)
    stmt = stmt.group_by(year, Employer.sector, Internship.outcome, Internship.status)
    counts: dict[tuple[int, str, str], int] = {}
    for y, sector, outcome, status, n in session.execute(stmt):
        key = (y, sector or "Geen sector", _outcome_label(outcome, status))
        counts[key] = counts.get(key, 0) + n
    audit.record(session, actor, "view", "trends", None, "stages")
    return [InternshipRow(*key, n) for key, n in sorted(counts.items())]


def _outcome_label(outcome: str | None, status) -> str:
    for value, label in INTERNSHIP_OUTCOME.items():
        if outcome == value.value:
            return label
    if outcome:
        return outcome
    return INTERNSHIP_STATUS.get(InternshipStatus(status), "Onbekend") if status else "Onbekend"


@dataclass(frozen=True, slots=True)
class EmployerJobs:
    employer: str
    sector: str
    jobs: int


def employers_turning_internships_into_jobs(
    session: Session, actor: Actor, filters: TrendFilters
) -> list[EmployerJobs]:
    """Employers where a student's internship became the job (most jobs first)."""
    year = school_year_sql(PathEvent.happened_on)
    stmt = (
        select(Employer.name, Employer.sector, func.count(func.distinct(Student.id)))
        .select_from(PathEvent)
        .join(Internship, Internship.id == PathEvent.internship_id)
        .join(Employer, Employer.id == Internship.employer_id)
        .join(TransitionPath, TransitionPath.id == PathEvent.path_id)
        .join(Student, Student.id == TransitionPath.student_id)
        .where(PathEvent.kind == PathEventKind.DESTINATION_SET, PathEvent.destination.in_(WORK))
    )
    stmt = apply_filters(visible_students(stmt, actor), filters, year)
    stmt = stmt.group_by(Employer.name, Employer.sector)
    rows = [EmployerJobs(name, sector or "", n) for name, sector, n in session.execute(stmt)]
    rows.sort(key=lambda r: (-r.jobs, r.employer))
    audit.record(session, actor, "view", "trends", None, "werkgevers")
    return rows
