"""The outflow meeting in figures: cases per school year of registration and the list
they are on now (active, follow, archived), and the general bottlenecks per category and
school year. Counted in SQL (GROUP BY)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Bottleneck,
    BottleneckCategory,
    ListKind,
    MeetingCase,
    OutflowMeeting,
    Student,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import visible_students
from app.services.trends.filters import TrendFilters, apply_filters, school_year_sql

LIST_LABEL = {
    ListKind.ACTIVE: "Actief",
    ListKind.FOLLOW: "Volglijst",
    ListKind.ARCHIVED: "Gearchiveerd",
}


def case_flow(
    session: Session, actor: Actor, filters: TrendFilters
) -> dict[int, dict[ListKind, int]]:
    """Per school year of (the latest) registration: the cases on each list now."""
    year = school_year_sql(MeetingCase.registered_on).label("school_year")
    stmt = (
        select(year, MeetingCase.list_kind, func.count(MeetingCase.id))
        .select_from(MeetingCase)
        .join(Student, Student.id == MeetingCase.student_id)
    )
    stmt = apply_filters(visible_students(stmt, actor), filters, year)
    stmt = stmt.group_by(year, MeetingCase.list_kind)
    flow: dict[int, dict[ListKind, int]] = {}
    for school_year, kind, n in session.execute(stmt):
        flow.setdefault(school_year, {k: 0 for k in ListKind})[ListKind(kind)] += n
    audit.record(session, actor, "view", "trends", None, "overleg")
    return dict(sorted(flow.items()))


def bottlenecks_per_year(
    session: Session, filters: TrendFilters
) -> tuple[list[str], dict[int, dict[str, int]]]:
    """The categories (retired ones too, as long as they were raised) and per school year of
    the meeting how often each was raised. Bottlenecks are about the region, not a student:
    only the school-year range applies."""
    year = school_year_sql(OutflowMeeting.held_on).label("school_year")
    stmt = (
        select(year, BottleneckCategory.name, func.count(Bottleneck.id))
        .select_from(Bottleneck)
        .join(BottleneckCategory, BottleneckCategory.id == Bottleneck.category_id)
        .join(OutflowMeeting, OutflowMeeting.id == Bottleneck.meeting_id)
    )
    if filters.first_year is not None:
        stmt = stmt.where(year >= filters.first_year)
    if filters.last_year is not None:
        stmt = stmt.where(year <= filters.last_year)
    stmt = stmt.group_by(year, BottleneckCategory.name)
    per_year: dict[int, dict[str, int]] = {}
    names: set[str] = set()
    for school_year, name, n in session.execute(stmt):
        per_year.setdefault(school_year, {})[name] = n
        names.add(name)
    return sorted(names), dict(sorted(per_year.items()))
