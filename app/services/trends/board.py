"""The board's view ("bestuur"): counts per school across the board's schools, never a
name, never a student file (issue 19, item 4).

Per school: the students in the cohort, the leavers of the school years shown, where they
went (the Koers destinations, small cells suppressed as in every count that leaves a school)
and how many were still in place 6, 12 and 24 months on. The figures are the trends area's
own (`figures.destinations`, `figures.placement`), split by school.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.db import server_roles
from app.models import Role, School, Student
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_board
from app.services.trends import figures
from app.services.trends.filters import Dimension, TrendFilters, school_year_label, school_year_of
from app.services.trends.honest import Share
from app.services.trends.measures import HORIZONS
from app.services.trends.suppression import SuppressedTable, suppress

YEARS_SHOWN = 5


@dataclass(frozen=True, slots=True)
class SchoolCounts:
    school_id: int
    name: str
    cohort: int  # students at school now (the cohort, archived ones not counted)
    leavers: int  # leavers of the school years shown
    retention: dict[int, Share]  # months -> still in place of those who had a place


@dataclass(frozen=True, slots=True)
class BoardView:
    first_year: int
    last_year: int
    schools: list[SchoolCounts]
    destinations: SuppressedTable  # schools x Koers destinations, with totals
    # False where the server itself keeps the board from student rows (per-user logins on
    # PostgreSQL, 0018): the server hands out the counts per school only, no destinations
    # and no retention.
    complete: bool = True

    @property
    def years_label(self) -> str:
        return f"{school_year_label(self.first_year)} t/m {school_year_label(self.last_year)}"


def counting_actor(actor: Actor) -> Actor:
    """The board's schools, seen as the read-only role sees them, for the counts below only:
    it never leaves this module, and nothing here returns a row per student."""
    require_board(actor)
    return replace(actor, role=Role.READ_ONLY, school_id=None)


def board_overview(session: Session, actor: Actor, on: date) -> BoardView:
    """The counts per school of the board's schools, for the last five school years."""
    require_board(actor)
    schools = actor.member_of or ()
    last = school_year_of(on)
    filters = TrendFilters(first_year=last - YEARS_SHOWN + 1, last_year=last)
    names = dict(
        session.execute(
            select(School.id, School.name).where(School.id.in_(schools)).order_by(School.name)
        ).all()
    )
    if server_roles.enforced(session):
        return _from_server(session, actor, names, filters)
    cohort = dict(
        session.execute(
            select(Student.school_id, func.count(Student.id))
            .where(Student.school_id.in_(schools), Student.archived.is_(False))
            .where(Student.actual_outflow_date.is_(None))
            .group_by(Student.school_id)
        ).all()
    )
    counting = counting_actor(actor)
    per_school = Dimension.SCHOOL
    leavers: dict[int, int] = {}
    retention: dict[int, dict[int, Share]] = {}
    for row in figures.placement(session, counting, filters, dimension=per_school, on=on):
        sid = int(row.group) if row.group else 0
        leavers[sid] = leavers.get(sid, 0) + row.leavers
        shares = retention.setdefault(sid, {})
        for months, share in row.retention.items():
            shares[months] = shares.get(months, Share()) + share
    columns = figures.categories(figures.Shape.KOERS)
    cells: dict[int, dict[str, int]] = {}
    destination_rows = figures.destinations(
        session, counting, filters, shape=figures.Shape.KOERS, dimension=per_school, on=on
    )
    for row in destination_rows:
        sid = int(row.group) if row.group else 0
        mine = cells.setdefault(sid, {})
        for key, n in row.counts.items():
            mine[key] = mine.get(key, 0) + n
    ordered = sorted(names, key=lambda sid: names[sid])
    table = suppress(
        [[cells.get(sid, {}).get(key, 0) for key, _label in columns] for sid in ordered],
        [names[sid] for sid in ordered],
        [label for _key, label in columns],
    )
    audit.record(session, actor, "view", "board", None, f"schools={len(ordered)}")
    return BoardView(
        filters.first_year or last,
        last,
        [
            SchoolCounts(
                sid,
                names[sid],
                cohort.get(sid, 0),
                leavers.get(sid, 0),
                {m: retention.get(sid, {}).get(m, Share()) for m in HORIZONS},
            )
            for sid in ordered
        ],
        table,
    )


def _from_server(
    session: Session, actor: Actor, names: dict[int, str], filters: TrendFilters
) -> BoardView:
    """The board's counts where its login may not read a student row: the server's
    `koers_board_school_counts` (0018) gives the students at school and the leavers."""
    first, last = filters.first_year or 0, filters.last_year or 0
    found = {
        row.school_id: row
        for row in session.execute(
            text("SELECT * FROM koers_board_school_counts(:start, :end)"),
            {"start": date(first, 8, 1), "end": date(last + 1, 7, 31)},
        )
    }
    ordered = sorted(names, key=lambda sid: names[sid])
    audit.record(session, actor, "view", "board", None, f"schools={len(ordered)}")
    return BoardView(
        first,
        last,
        [
            SchoolCounts(
                sid,
                names[sid],
                found[sid].at_school if sid in found else 0,
                found[sid].left_school if sid in found else 0,
                {m: Share() for m in HORIZONS},
            )
            for sid in ordered
        ],
        suppress([[0] for _sid in ordered], [names[sid] for sid in ordered], ["—"]),
        complete=False,
    )
