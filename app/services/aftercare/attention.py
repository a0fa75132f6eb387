"""Which former students need the coordinator's attention from aftercare.

The signals service (`app.services.students.signals`) shows these next to the path signals,
so what a mentor finds in a call reaches the coordinator's cohort. Each kind is one query
over the whole school (no query per student):

- unreachable: an open "three unreachable attempts in a row" signal (`calls.log_call` raises
  it, and resolves it once the former student is reached);
- dropped out: a call logged the former student as dropped out, and no new destination was
  recorded since (on the path, or by a later call that found a new place);
- call overdue: a call not made whose due date has passed (the worklist's "te laat").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.models import (
    AftercareCall,
    AftercareSignal,
    Destination,
    PathEvent,
    PathEventKind,
    SignalKind,
    Still,
    TransitionPath,
)

# Recording one of these is no new placement: the drop-out still stands.
NO_PLACEMENT = (Destination.NOTHING, Destination.UNKNOWN)


class AftercareFlag(StrEnum):
    UNREACHABLE = "nazorg_onbereikbaar"
    DROPPED_OUT = "uitgevallen"
    CALL_OVERDUE = "nazorgcontact_te_laat"


def _only(stmt, column, student_ids: Sequence[int] | None):
    """Narrowed to some students (the page on screen), or the whole school."""
    return stmt if student_ids is None else stmt.where(column.in_(student_ids))


def unreachable(session: Session, student_ids: Sequence[int] | None = None) -> set[int]:
    """Former students not reached three times in a row, and not reached since."""
    stmt = (
        select(AftercareSignal.student_id)
        .where(
            AftercareSignal.kind == SignalKind.UNREACHABLE,
            AftercareSignal.resolved_on.is_(None),
        )
        .distinct()
    )
    return set(
        session.connection().execute(_only(stmt, AftercareSignal.student_id, student_ids)).scalars()
    )


def dropped_out(session: Session, student_ids: Sequence[int] | None = None) -> set[int]:
    """Former students logged as dropped out, with no new destination recorded since.

    "Since" is the moment of recording, not the dates typed: a destination registered
    earlier with a start date after the drop-out (school starts in September) does not
    clear it, a new destination recorded later with a back-dated start does.
    """
    return set(session.connection().execute(dropped_out_select(student_ids)).scalars())


def dropped_out_select(student_ids: Sequence[int] | None = None) -> Select:
    """The drop-out calls still standing, one row each (read from the drop-out index)."""
    # The latest new placement per student; a drop-out logged after it still stands.
    placed = (
        select(
            TransitionPath.student_id,
            func.max(PathEvent.created_at).label("placed_at"),
        )
        .join(PathEvent, PathEvent.path_id == TransitionPath.id)
        .where(
            PathEvent.kind == PathEventKind.DESTINATION_SET,
            PathEvent.destination.not_in(NO_PLACEMENT),
        )
        .group_by(TransitionPath.student_id)
    )
    # For a page, only its students' placements: not a pass over every path's events.
    placed = _only(placed, TransitionPath.student_id, student_ids).subquery()
    # One row per drop-out call, made unique in Python: a DISTINCT or GROUP BY here makes
    # SQLite walk the calls by their student index, ten times slower than one plain scan.
    stmt = (
        select(AftercareCall.student_id)
        .outerjoin(placed, placed.c.student_id == AftercareCall.student_id)
        .where(
            AftercareCall.made_on.is_not(None),
            AftercareCall.still_at_destination == Still.DROPPED_OUT,
            or_(placed.c.placed_at.is_(None), placed.c.placed_at < AftercareCall.updated_at),
        )
    )
    return _only(stmt, AftercareCall.student_id, student_ids)


def calls_overdue(session: Session, on: date, student_ids: Sequence[int] | None = None) -> set[int]:
    """Former students with a call not made whose due date is before `on`."""
    return set(session.connection().execute(calls_overdue_select(on, student_ids)).scalars())


def calls_overdue_select(on: date, student_ids: Sequence[int] | None = None) -> Select:
    """The students of the open calls due before `on` (read from the open-calls index)."""
    stmt = (
        select(AftercareCall.student_id)
        .where(AftercareCall.made_on.is_(None), AftercareCall.due_date < on)
        .distinct()
    )
    return _only(stmt, AftercareCall.student_id, student_ids)


def flagged(
    session: Session, on: date, student_ids: Sequence[int] | None = None
) -> dict[AftercareFlag, set[int]]:
    """The ids of the students raising each aftercare flag, over the whole school (or only
    `student_ids`, the page on screen)."""
    return {
        AftercareFlag.UNREACHABLE: unreachable(session, student_ids),
        AftercareFlag.DROPPED_OUT: dropped_out(session, student_ids),
        AftercareFlag.CALL_OVERDUE: calls_overdue(session, on, student_ids),
    }
