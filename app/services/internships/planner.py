"""The internship planner: for a period, who has which internship, who has none, and which
employers still have places; plus the final year's transition internships.

A school year runs from 1 August to 31 July and is named by the year it starts in. An
employer's places are per internship type and school year; a place is taken by an
internship of that type starting in that school year that was not broken off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.models import (
    Employer,
    EmployerPlaces,
    Internship,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
    Student,
    User,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.names import full_name, select_student_names, sort_name
from app.services.common.permissions import visible_students
from app.services.internships.listing import InternshipRow, row_query, to_row

INTENTION_OUTCOMES = (
    InternshipOutcome.INTENTION_TO_CONTRACT.value,
    InternshipOutcome.CONTRACT_OFFERED.value,
)


def school_year_of(day: date) -> int:
    return day.year if day.month >= 8 else day.year - 1


def school_year_bounds(year: int) -> tuple[date, date]:
    return date(year, 8, 1), date(year + 1, 7, 31)


@dataclass(frozen=True)
class PlannerQuery:
    start: date
    end: date
    sector: str | None = None
    kind: InternshipType | None = None
    class_name: str | None = None

    @classmethod
    def school_year(cls, year: int, **filters) -> PlannerQuery:
        start, end = school_year_bounds(year)
        return cls(start, end, **filters)


@dataclass(frozen=True, slots=True)
class StudentBrief:
    id: int
    name: str
    class_name: str
    mentor: str
    sort_name: str = ""


@dataclass(frozen=True, slots=True)
class FreePlaces:
    employer_id: int
    employer_name: str
    city: str
    sector: str
    kind: InternshipType
    places: int
    taken: int

    @property
    def free(self) -> int:
        return self.places - self.taken


@dataclass(frozen=True)
class PlannerView:
    query: PlannerQuery
    internships: list[InternshipRow]
    without: list[StudentBrief]
    free_places: list[FreePlaces]
    transitions: list[InternshipRow]
    classes: list[str] = field(default_factory=list)


def _in_school(start: date, end: date):
    """Students enrolled at some point of the period and not yet left before it began."""
    left = func.coalesce(Student.actual_outflow_date, Student.planned_outflow_date)
    return (
        Student.archived.is_(False),
        or_(Student.enrolment_date.is_(None), Student.enrolment_date <= end),
        or_(left.is_(None), left >= start),
    )


def _overlapping(start: date, end: date):
    last = func.coalesce(Internship.broken_off_on, Internship.end_date)
    return (Internship.start_date <= end, or_(last.is_(None), last >= start))


def internships_in(session: Session, actor: Actor, query: PlannerQuery) -> list[InternshipRow]:
    """Internships that run during the period, for the students `actor` may see."""
    stmt = row_query().where(*_overlapping(query.start, query.end))
    if query.kind:
        stmt = stmt.where(Internship.kind == query.kind)
    if query.sector:
        stmt = stmt.where(Employer.sector == query.sector)
    if query.class_name:
        stmt = stmt.where(Student.class_name == query.class_name)
    stmt = visible_students(stmt, actor).order_by(Student.surname, Internship.start_date)
    return [to_row(v) for v in session.execute(stmt)]


def students_without_internship(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    class_name: str | None = None,
    kind: InternshipType | None = None,
) -> list[StudentBrief]:
    """Students in school during the period with no internship (of `kind`) running in it."""
    busy = select(Internship.student_id).where(*_overlapping(start, end))
    if kind:
        busy = busy.where(Internship.kind == kind)
    stmt = (
        select_student_names(Student.class_name, User.display_name)
        .outerjoin(User, User.id == Student.mentor_id)
        .where(*_in_school(start, end), Student.id.not_in(busy))
        .order_by(Student.class_name, Student.surname, Student.first_name)
    )
    if class_name:
        stmt = stmt.where(Student.class_name == class_name)
    stmt = visible_students(stmt, actor)
    return [
        StudentBrief(
            sid,
            full_name(first, prefix, surname),
            cls or "",
            mentor or "",
            sort_name(first, prefix, surname),
        )
        for sid, first, prefix, surname, cls, mentor in session.execute(stmt)
    ]


def employers_with_free_places(
    session: Session,
    actor: Actor,
    school_year: int,
    kind: InternshipType | None = None,
    sector: str | None = None,
) -> list[FreePlaces]:
    """Employers offering more places of a type in the school year than are taken."""
    start, end = school_year_bounds(school_year)
    taken = (
        select(Internship.employer_id, Internship.kind, func.count().label("n"))
        .where(
            Internship.start_date >= start,
            Internship.start_date <= end,
            Internship.status != InternshipStatus.BROKEN_OFF,
        )
        .group_by(Internship.employer_id, Internship.kind)
        .subquery()
    )
    used = func.coalesce(taken.c.n, 0)
    stmt = (
        select(Employer, EmployerPlaces.kind, EmployerPlaces.places, used)
        .join(EmployerPlaces, EmployerPlaces.employer_id == Employer.id)
        .outerjoin(
            taken,
            (taken.c.employer_id == Employer.id) & (taken.c.kind == EmployerPlaces.kind),
        )
        .where(
            EmployerPlaces.school_year == school_year,
            Employer.merged_into_id.is_(None),
            EmployerPlaces.places > used,
        )
        .order_by(Employer.name, EmployerPlaces.kind)
    )
    if kind:
        stmt = stmt.where(EmployerPlaces.kind == kind)
    if sector:
        stmt = stmt.where(Employer.sector == sector)
    return [
        FreePlaces(e.id, e.name, e.city or "", e.sector or "", k, places, n)
        for e, k, places, n in session.execute(stmt)
    ]


def transition_list(session: Session, actor: Actor, school_year: int) -> list[InternshipRow]:
    """Transition internships of students leaving at the end of this school year, with
    the employer's intention to contract in the outcome column."""
    start, end = school_year_bounds(school_year)
    stmt = row_query().where(
        Internship.kind == InternshipType.TRANSITIE,
        Internship.status != InternshipStatus.BROKEN_OFF,
        *_overlapping(start, end),
        Student.planned_outflow_date >= start,
        Student.planned_outflow_date <= end,
    )
    stmt = visible_students(stmt, actor).order_by(Student.surname)
    return [to_row(v) for v in session.execute(stmt)]


def _leaving_in(session: Session, actor: Actor, school_year: int) -> set[int]:
    start, end = school_year_bounds(school_year)
    stmt = select(Student.id).where(
        Student.planned_outflow_date >= start, Student.planned_outflow_date <= end
    )
    return set(session.scalars(visible_students(stmt, actor)))


def open_planner(session: Session, actor: Actor, query: PlannerQuery) -> PlannerView:
    """Everything the planner shows for one period, in a handful of queries."""
    year = school_year_of(query.start)
    classes_stmt = visible_students(
        select(Student.class_name).where(*_in_school(query.start, query.end)).distinct(), actor
    )
    rows = internships_in(session, actor, query)
    whole_year = (query.start, query.end) == school_year_bounds(year)
    if whole_year and not (query.kind or query.sector or query.class_name):
        # The year's rows are already here: the transition list is a filter on them.
        leaving = _leaving_in(session, actor, year)
        transitions = [
            r
            for r in rows
            if r.kind is InternshipType.TRANSITIE
            and r.status is not InternshipStatus.BROKEN_OFF
            and r.student_id in leaving
        ]
    else:
        transitions = transition_list(session, actor, year)
    view = PlannerView(
        query=query,
        internships=rows,
        without=students_without_internship(
            session, actor, query.start, query.end, query.class_name, query.kind
        ),
        free_places=employers_with_free_places(session, actor, year, query.kind, query.sector),
        transitions=transitions,
        classes=sorted(c for c in session.scalars(classes_stmt) if c),
    )
    audit.record(session, actor, "view", "planner", None, f"schooljaar={year}")
    return view
