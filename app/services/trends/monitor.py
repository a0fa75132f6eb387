"""The monitor figures in every shape a school must deliver, as plain tables, suppressed.

`--year 2025` means the leavers of school year 2025-2026 at leaving; the follow-ups are
those of the leavers of 2024-2025 (one year on) and 2023-2024 (two years on), as a
monitor filled in in the autumn of 2026 asks them. PrO shapes count PrO leavers, VSO
shapes VSO leavers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy.orm import Session

from app.models import Destination, OutflowProfile, SchoolType
from app.services.common.actor import Actor
from app.services.common.labels import OUTFLOW_PROFILE
from app.services.path import outflow_categories as oc
from app.services.trends.figures import NO_PLACE, monitor_destination
from app.services.trends.filters import Dimension, TrendFilters, school_year_label
from app.services.trends.measures import MeasureCount, measure_counts
from app.services.trends.suppression import SMALL, THRESHOLD, SuppressedTable, suppress

WORK = frozenset(
    {
        Destination.REGULAR_WORK,
        Destination.WORK_BANENAFSPRAAK,
        Destination.WORK_BBL,
        Destination.BESCHUT_WERK,
    }
)
FURTHER_SCHOOL = frozenset(
    {Destination.ENTREE_MBO, Destination.VMBO, Destination.VSO, Destination.OTHER_PRO}
)


class MonitorShape(StrEnum):
    PRO = "pro"
    VSO = "vso"
    VENSTERS = "vensters"
    SCHOOLGIDS = "schoolgids"
    INSPECTIE = "inspectie"


SHAPE_TITLE = {
    MonitorShape.PRO: "Uitstroommonitor Praktijkonderwijs",
    MonitorShape.VSO: "Uitstroom vso per uitstroomprofiel",
    MonitorShape.VENSTERS: "Vensters: na het praktijkonderwijs",
    MonitorShape.SCHOOLGIDS: "Schoolgids: uitstroomprofiel arbeidsmarkt",
    MonitorShape.INSPECTIE: "Inspectie: bestendiging vso (november)",
}


@dataclass(frozen=True, slots=True)
class MonitorTable:
    title: str
    table: SuppressedTable
    note: str = ""


def _counts(session, actor, year, school_type, months, on) -> list[MeasureCount]:
    filters = TrendFilters(first_year=year, last_year=year, school_type=school_type)
    return measure_counts(session, actor, filters, Dimension.PROFILE, months=months, on=on)


def monitor_tables(
    session: Session, actor: Actor, shape: MonitorShape, year: int, on: date
) -> list[MonitorTable]:
    """The tables of one shape for school year `year`, small counts suppressed."""
    builder = {
        MonitorShape.PRO: _pro,
        MonitorShape.VSO: _vso,
        MonitorShape.VENSTERS: _vensters,
        MonitorShape.SCHOOLGIDS: _schoolgids,
        MonitorShape.INSPECTIE: _inspectie,
    }[shape]
    return builder(session, actor, year, on)


def _moments(year: int) -> list[tuple[str, int, int | None]]:
    return [
        (f"Bij uitstroom ({school_year_label(year)})", year, None),
        (f"Na 1 jaar ({school_year_label(year - 1)})", year - 1, 12),
        (f"Na 2 jaar ({school_year_label(year - 2)})", year - 2, 24),
    ]


def _pro(session, actor, year, on) -> list[MonitorTable]:
    moments = _moments(year)
    kinds = list(oc.ProMonitorCategory)
    outcomes = list(oc.MonitorOutcome)
    by_kind = [[0] * len(moments) for _ in kinds]
    by_outcome = [[0] * len(moments) for _ in outcomes]
    for column, (_label, cohort, months) in enumerate(moments):
        for count in _counts(session, actor, cohort, SchoolType.PRO, months, on):
            destination, reason = monitor_destination(count, months)
            by_kind[kinds.index(oc.pro_category(destination))][column] += count.students
            outcome = oc.pro_outcome(destination, reason)
            by_outcome[outcomes.index(outcome)][column] += count.students
    labels = [m[0] for m in moments]
    placed = [
        _percent(by_outcome[0][c], by_outcome[0][c] + by_outcome[1][c]) for c in range(len(moments))
    ]
    return [
        MonitorTable(
            "Bestemming per meting",
            suppress(_transpose(by_kind), labels, [oc.PRO_MONITOR_LABEL[k] for k in kinds]),
        ),
        MonitorTable(
            "Succesvol geplaatst (regel van de monitor)",
            suppress(
                _transpose(by_outcome), labels, [oc.MONITOR_OUTCOME_LABEL[o] for o in outcomes]
            ),
            "Percentage succesvol geplaatst: "
            + "; ".join(f"{label}: {p}" for label, p in zip(labels, placed, strict=True)),
        ),
    ]


def _percent(hits: int, n: int) -> str:
    """A share that gives no small count away: only when both parts are 0 or 5 or more."""
    if n < THRESHOLD or 0 < hits < THRESHOLD or 0 < n - hits < THRESHOLD:
        return SMALL if n < THRESHOLD else "niet te tonen (kleine aantallen)"
    return f"{round(100 * hits / n)} %"


def _transpose(table: list[list[int]]) -> list[list[int]]:
    return [list(row) for row in zip(*table, strict=True)]


def _vso(session, actor, year, on) -> list[MonitorTable]:
    years = list(range(year - 4, year + 1))
    shapes = list(oc.VsoShape)
    rows = []
    for cohort in years:
        row = [0] * len(shapes)
        for count in _counts(session, actor, cohort, SchoolType.VSO, None, on):
            row[shapes.index(oc.vso_shape(count.destination))] += count.students
        rows.append(row)
    return [
        MonitorTable(
            "Vertrekkers per bestemming, naar uitstroomprofiel",
            suppress(
                rows, [school_year_label(y) for y in years], [oc.VSO_SHAPE_LABEL[s] for s in shapes]
            ),
        )
    ]


def _vensters(session, actor, year, on) -> list[MonitorTable]:
    moments = _moments(year)[1:]
    kinds = list(oc.VenstersCategory)
    rows = []
    for _label, cohort, months in moments:
        row = [0] * len(kinds)
        for count in _counts(session, actor, cohort, SchoolType.PRO, months, on):
            destination, _reason = monitor_destination(count, months)
            row[kinds.index(oc.vensters_category(destination))] += count.students
        rows.append(row)
    return [
        MonitorTable(
            "Waar oud-leerlingen zijn",
            suppress(rows, [m[0] for m in moments], [oc.VENSTERS_LABEL[k] for k in kinds]),
        )
    ]


def _schoolgids(session, actor, year, on) -> list[MonitorTable]:
    leavers = to_school = working = 0
    for count in _counts(session, actor, year, SchoolType.VSO, None, on):
        if count.group != OutflowProfile.ARBEIDSMARKT:
            continue
        leavers += count.students
        to_school += count.students if count.destination in FURTHER_SCHOOL else 0
        working += count.students if count.destination in WORK else 0
    cells = [[n] for n in (leavers, to_school, working)]
    table = suppress(
        cells,
        ["Vertrekkers", "Naar vo of mbo", "Met een baan bij vertrek (1 augustus)"],
        [school_year_label(year)],
    )
    # These three are no parts of one whole: the table's totals mean nothing here.
    shown = SuppressedTable(
        table.row_labels[:-1], table.column_labels[:-1], tuple(r[:-1] for r in table.cells[:-1])
    )
    return [MonitorTable("Uitstroomprofiel arbeidsmarkt", shown)]


def _inspectie(session, actor, year, on) -> list[MonitorTable]:
    profiles = [*OutflowProfile, None]
    columns = ["Op een plek", "Uitgevallen", "Onbekend", "Geen plek bij vertrek"]
    rows = [[0] * len(columns) for _ in profiles]
    for count in _counts(session, actor, year - 1, SchoolType.VSO, 12, on):
        row = rows[profiles.index(OutflowProfile(count.group) if count.group else None)]
        if count.destination in NO_PLACE:
            row[3] += count.students
        elif count.still is not None and count.still.value in ("zelfde", "veranderd"):
            row[0] += count.students
        elif count.still is not None and count.still.value == "uitgevallen":
            row[1] += count.students
        else:
            row[2] += count.students
    labels = [OUTFLOW_PROFILE[p] if p else "Geen profiel" for p in profiles]
    return [
        MonitorTable(
            f"Vertrekkers van {school_year_label(year - 1)}, een jaar na vertrek",
            suppress(rows, labels, columns),
        )
    ]
