"""Retention (bestendiging): how many former students are still at a destination.

Per outflow year and per destination at outflow, the share still at a destination 6, 12 and
24 months after leaving, taken from the call logs: the latest reached call at that moment
says "same place" or "another place" (still placed) or "dropped out". A moment that has
passed without a reached call (or with "unknown") counts as unknown; a moment still to come
is left out. The share is over the known students; the figure carries both counts.
One function, `retention_figures`, so the trends area can reuse it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from app.models import AftercareCall, AftercarePlan, Destination, Still, Student
from app.services.admin.retention import add_months
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import narrows_students, visible_students

HORIZONS = (6, 12, 24)
PLACED = (Still.SAME.value, Still.CHANGED.value)
DROPPED = Still.DROPPED_OUT.value


@dataclass(frozen=True, slots=True)
class RetentionFigure:
    """One cell: after `months`, how many still placed, dropped out, or unknown."""

    months: int
    placed: int = 0
    dropped: int = 0
    unknown: int = 0

    @property
    def known(self) -> int:
        """The number of students behind the share."""
        return self.placed + self.dropped

    @property
    def share(self) -> float | None:
        return self.placed / self.known if self.known else None


@dataclass(frozen=True, slots=True)
class RetentionRow:
    """One outflow year and destination (None: all destinations of that year)."""

    year: int
    destination: Destination | None
    students: int
    figures: tuple[RetentionFigure, ...]


def retention_figures(
    session: Session, actor: Actor, on: date, *, horizons: tuple[int, ...] = HORIZONS
) -> list[RetentionRow]:
    """The retention table on `on`: newest year first, a total row per year, then each
    destination. Mentors get the figures over their own students."""
    plans_stmt = select(
        AftercarePlan.student_id, AftercarePlan.outflow_date, AftercarePlan.destination
    )
    calls_stmt = select(
        AftercareCall.student_id,
        AftercareCall.months_after_outflow,
        # Compared as stored: ISO dates sort as text, and the enum needs no conversion.
        type_coerce(AftercareCall.made_on, String),
        AftercareCall.id,
        type_coerce(AftercareCall.still_at_destination, String),
    ).where(
        AftercareCall.reached.is_(True),
        AftercareCall.made_on.is_not(None),
        AftercareCall.months_after_outflow.in_(horizons),
    )
    if narrows_students(actor):
        plans_stmt = visible_students(
            plans_stmt.join(Student, Student.id == AftercarePlan.student_id), actor
        )
        calls_stmt = visible_students(
            calls_stmt.join(Student, Student.id == AftercareCall.student_id), actor
        )
    connection = session.connection()
    plans = connection.execute(plans_stmt).all()
    # The answer at each moment: the latest reached call planned for it.
    latest: dict[tuple[int, int], tuple] = {}
    for student_id, months, made_on, call_id, still in connection.execute(calls_stmt).all():
        key = (student_id, months)
        mark = (str(made_on), call_id)
        if key not in latest or latest[key][0] < mark:
            latest[key] = (mark, still)
    answers = {key: still for key, (_mark, still) in latest.items()}
    counts: dict[tuple[int, Destination | None], list[int]] = defaultdict(
        lambda: [0] + [0] * (3 * len(horizons))
    )
    for student_id, outflow, destination in plans:
        keys = ((outflow.year, None), (outflow.year, destination or Destination.UNKNOWN))
        for key in keys:
            counts[key][0] += 1
        for n, months in enumerate(horizons):
            if add_months(outflow, months) > on:
                continue
            still = answers.get((student_id, months))
            slot = 0 if still in PLACED else 1 if still == DROPPED else 2
            for key in keys:
                counts[key][1 + 3 * n + slot] += 1
    order = {d: i for i, d in enumerate(Destination)}
    rows = [
        RetentionRow(
            year,
            destination,
            c[0],
            tuple(
                RetentionFigure(m, c[1 + 3 * n], c[2 + 3 * n], c[3 + 3 * n])
                for n, m in enumerate(horizons)
            ),
        )
        for (year, destination), c in counts.items()
    ]
    rows.sort(key=lambda r: (-r.year, -1 if r.destination is None else order[r.destination]))
    audit.record(session, actor, "view", "aftercare_retention", None, f"rows={len(rows)}")
    return rows
