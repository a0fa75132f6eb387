"""The board's view ("bestuur"): counts per school across the board's schools, never a
name, never a student file (issue 19, item 4).

Per school: the students in the cohort, the leavers of the school years shown, where they
went (the Koers destinations, small cells suppressed as in every count that leaves a school)
and how many were still in place 6, 12 and 24 months on. The figures are the trends area's
own (`figures.destinations`, `figures.placement`), split by school. Where the server keeps
the board's login from every student row (per-user logins on PostgreSQL) the server's
function hands out the same counts per school, and the same rules make the same figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.db import server_roles
from app.models import Destination, Role, School, Still, Student
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_board
from app.services.trends import figures
from app.services.trends.filters import Dimension, TrendFilters, school_year_label, school_year_of
from app.services.trends.honest import Share
from app.services.trends.measures import HORIZONS, MeasureCount, latest_left_on
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

    @property
    def years_label(self) -> str:
        return f"{school_year_label(self.first_year)} t/m {school_year_label(self.last_year)}"


@dataclass
class _Tally:
    """The raw counts per school id, before suppression: the owner's and the server's
    paths both fill one, and one builder makes the view from it."""

    cohort: dict[int, int] = field(default_factory=dict)
    leavers: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    retention: dict[int, dict[int, Share]] = field(default_factory=lambda: defaultdict(dict))
    cells: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))

    def add_retention(self, sid: int, months: int, share: Share) -> None:
        shares = self.retention[sid]
        shares[months] = shares.get(months, Share()) + share

    def add_cell(self, sid: int, key: str, n: int) -> None:
        self.cells[sid][key] = self.cells[sid].get(key, 0) + n


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
        tally = _from_server(session, filters, on)
    else:
        tally = _from_rows(session, actor, schools, filters, on)
    audit.record(session, actor, "view", "board", None, f"schools={len(names)}")
    return _view(names, filters, tally)


def _from_rows(
    session: Session, actor: Actor, schools: tuple[int, ...], filters: TrendFilters, on: date
) -> _Tally:
    """The counts from the student rows: SQLite, or one app role on PostgreSQL."""
    tally = _Tally()
    tally.cohort = dict(
        session.execute(
            select(Student.school_id, func.count(Student.id))
            .where(Student.school_id.in_(schools), Student.archived.is_(False))
            .where(Student.actual_outflow_date.is_(None))
            .group_by(Student.school_id)
        ).all()
    )
    counting = counting_actor(actor)
    per_school = Dimension.SCHOOL
    for row in figures.placement(session, counting, filters, dimension=per_school, on=on):
        sid = int(row.group) if row.group else 0
        tally.leavers[sid] += row.leavers
        for months, share in row.retention.items():
            tally.add_retention(sid, months, share)
    destination_rows = figures.destinations(
        session, counting, filters, shape=figures.Shape.KOERS, dimension=per_school, on=on
    )
    for row in destination_rows:
        sid = int(row.group) if row.group else 0
        for key, n in row.counts.items():
            tally.add_cell(sid, key, n)
    return tally


def _from_server(session: Session, filters: TrendFilters, on: date) -> _Tally:
    """The counts where the board's login may not read a student row (per-user logins on
    PostgreSQL, 0018): the server's `koers_board_school_counts` (0019) counts per school,
    destination and aftercare answer; the rules of `figures` make the same figures of them."""
    first, last = filters.first_year or 0, filters.last_year or 0
    rows = session.execute(
        text(
            "SELECT * FROM koers_board_school_counts("
            ":start, :end, CAST(:months AS integer[]), CAST(:left_by AS date[]))"
        ),
        {
            "start": date(first, 8, 1),
            "end": date(last + 1, 7, 31),
            "months": list(HORIZONS),
            "left_by": [latest_left_on(on, m) for m in HORIZONS],
        },
    )
    tally = _Tally()
    for row in rows:
        destination = Destination(row.destination) if row.destination else None
        if row.figure == "cohort":
            tally.cohort[row.school_id] = row.students
        elif row.figure == "leaving":
            tally.leavers[row.school_id] += row.students
            key = figures.category_of(figures.Shape.KOERS, destination)
            tally.add_cell(row.school_id, key, row.students)
        elif destination not in figures.NO_PLACE:
            answer = Still(row.still) if row.still else None
            count = MeasureCount(0, None, destination, None, answer, None, row.students)
            tally.add_retention(row.school_id, row.months, figures.retention_share(count))
    return tally


def _view(names: dict[int, str], filters: TrendFilters, tally: _Tally) -> BoardView:
    ordered = sorted(names, key=lambda sid: names[sid])
    columns = figures.categories(figures.Shape.KOERS)
    table = suppress(
        [[tally.cells.get(sid, {}).get(key, 0) for key, _label in columns] for sid in ordered],
        [names[sid] for sid in ordered],
        [label for _key, label in columns],
    )
    return BoardView(
        filters.first_year or 0,
        filters.last_year or 0,
        [
            SchoolCounts(
                sid,
                names[sid],
                tally.cohort.get(sid, 0),
                tally.leavers.get(sid, 0),
                {m: tally.retention.get(sid, {}).get(m, Share()) for m in HORIZONS},
            )
            for sid in ordered
        ],
        table,
    )
