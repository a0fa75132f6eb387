"""The counts every figure is made of, one GROUP BY statement per measuring moment.

A moment is "at leaving" or a number of months after it (6, 12, 24). At a later moment the
answer is the latest reached aftercare call planned for it: same place, another place (the
destination recorded up to that call), dropped out, or unknown (no reached call, or the
caller could not tell). A moment still to come is left out. Rows come back aggregated per
school year, group, destination at leaving, reason, answer and later destination.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.models import (
    AftercareCall,
    Destination,
    NoWorkReason,
    PathEvent,
    PathEventKind,
    Still,
    Student,
    TransitionPath,
)
from app.services.admin.retention import add_months
from app.services.common.actor import Actor
from app.services.trends.filters import (
    Dimension,
    TrendFilters,
    destination_at_leaving,
    leavers_select,
)

HORIZONS = (6, 12, 24)


@dataclass(frozen=True, slots=True)
class MeasureCount:
    """`students` leavers of `year` in `group` that share all of these values."""

    year: int
    group: str | None
    destination: Destination | None  # at leaving
    reason: NoWorkReason | None
    still: Still | None  # None at leaving, or no reached call at a later moment
    later: Destination | None  # with Still.CHANGED: the destination recorded by then
    students: int
    extra: tuple = ()  # the values of `extra` columns asked for (a student's own, say)


def latest_left_on(on: date, months: int) -> date:
    """The last leaving date whose moment `months` later has come by `on` (month ends
    clamp: leaving on 31 August, the six-month moment is 28 February)."""
    day = add_months(on, -months)
    while add_months(day + timedelta(days=1), months) <= on:
        day += timedelta(days=1)
    return day


def measure_counts(
    session: Session,
    actor: Actor,
    filters: TrendFilters,
    dimension: Dimension = Dimension.NONE,
    *,
    months: int | None = None,
    on: date,
    extra: tuple = (),
) -> list[MeasureCount]:
    """The leavers counted at one moment (None: at leaving), in one statement: the
    per-student values in a subquery, counted per combination outside it."""
    columns = [
        destination_at_leaving().label("destination"),
        TransitionPath.no_work_reason.label("reason"),
    ]
    if months is not None:
        ranked = _latest_answers(months)
        later = (
            select(PathEvent.destination)
            .where(
                PathEvent.path_id == TransitionPath.id,
                PathEvent.kind == PathEventKind.DESTINATION_SET,
                PathEvent.happened_on <= ranked.c.made_on,
            )
            .order_by(PathEvent.happened_on.desc(), PathEvent.id.desc())
            .limit(1)
            .correlate(TransitionPath, ranked)
            .scalar_subquery()
        )
        columns += [ranked.c.still.label("still"), later.label("later")]
    extra_labels = [f"extra{n}" for n in range(len(extra))]
    columns += [column.label(name) for column, name in zip(extra, extra_labels, strict=True)]
    stmt, _year, _group = leavers_select(columns, actor, filters, dimension)
    if months is not None:
        stmt = stmt.outerjoin(
            ranked, and_(ranked.c.student_id == Student.id, ranked.c.rank == 1)
        ).where(Student.actual_outflow_date <= latest_left_on(on, months))
    per_student = stmt.subquery()
    keys = [c for c in per_student.c]
    counted = select(*keys, func.count().label("students")).group_by(*keys)
    rows = []
    for r in session.execute(counted).mappings():
        answer = Still(r["still"]) if r.get("still") else None
        later_value = r.get("later")
        changed_to = Destination(later_value) if later_value and answer is Still.CHANGED else None
        rows.append(
            MeasureCount(
                r["school_year"],
                r["grp"],
                r["destination"],
                r["reason"],
                answer,
                changed_to,
                r["students"],
                tuple(r[name] for name in extra_labels),
            )
        )
    return rows


def _latest_answers(months: int):
    """Per student, the latest reached call planned for `months` after leaving (rank 1)."""
    return (
        select(
            AftercareCall.student_id,
            AftercareCall.still_at_destination.label("still"),
            AftercareCall.made_on,
            func.row_number()
            .over(
                partition_by=AftercareCall.student_id,
                order_by=(AftercareCall.made_on.desc(), AftercareCall.id.desc()),
            )
            .label("rank"),
        )
        .where(
            AftercareCall.reached.is_(True),
            AftercareCall.made_on.is_not(None),
            AftercareCall.months_after_outflow == months,
        )
        .subquery()
    )
