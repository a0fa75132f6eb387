"""The figures of the trends area, made from the counts of `measures`.

Destinations per school year in Koers' own list or a monitor's shape; placement by the PrO
monitor's rule at leaving, after one and two years; retention after 6, 12 and 24 months.
Every figure knows its n and its unknowns (see `honest`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy.orm import Session

from app.models import Destination, NoWorkReason, Still
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.labels import DESTINATION
from app.services.path import outflow_categories as oc
from app.services.trends.filters import Dimension, TrendFilters
from app.services.trends.honest import Share
from app.services.trends.measures import HORIZONS, MeasureCount, measure_counts

# Retention is asked of those who had a place at leaving: a school, work, a route, care.
NO_PLACE = frozenset(
    {None, Destination.UNKNOWN, Destination.NOTHING, Destination.BENEFIT, Destination.ABROAD}
)
# The PrO monitor measures at leaving and one and two years later.
MONITOR_MOMENTS = (None, 12, 24)
MONITOR_MOMENT_LABEL = {None: "Bij uitstroom", 12: "Na 1 jaar", 24: "Na 2 jaar"}


class Shape(StrEnum):
    KOERS = "koers"
    PRO = "pro"
    VSO = "vso"
    VENSTERS = "vensters"


SHAPE_LABEL = {
    Shape.KOERS: "Bestemmingen van Koers",
    Shape.PRO: "PrO-monitor",
    Shape.VSO: "Vso-uitstroomprofielen",
    Shape.VENSTERS: "Vensters (na PrO)",
}


def categories(shape: Shape) -> list[tuple[str, str]]:
    """(key, Dutch label) of every category of a shape, in its own order."""
    if shape is Shape.KOERS:
        return [(d.value, DESTINATION[d]) for d in Destination]
    if shape is Shape.PRO:
        return [(c.value, oc.PRO_MONITOR_LABEL[c]) for c in oc.ProMonitorCategory]
    if shape is Shape.VSO:
        return [(c.value, oc.VSO_SHAPE_LABEL[c]) for c in oc.VsoShape]
    return [(c.value, oc.VENSTERS_LABEL[c]) for c in oc.VenstersCategory]


def category_of(shape: Shape, destination: Destination | None) -> str:
    if shape is Shape.KOERS:
        return (destination or Destination.UNKNOWN).value
    if shape is Shape.PRO:
        return oc.pro_category(destination).value
    if shape is Shape.VSO:
        return oc.vso_shape(destination).value
    return oc.vensters_category(destination).value


@dataclass(frozen=True, slots=True)
class DestinationRow:
    """The leavers of one school year (and group), counted per category of a shape."""

    year: int
    group: str | None
    counts: dict[str, int]

    @property
    def students(self) -> int:
        return sum(self.counts.values())


def destinations(
    session: Session,
    actor: Actor,
    filters: TrendFilters,
    *,
    shape: Shape = Shape.KOERS,
    dimension: Dimension = Dimension.NONE,
    on: date,
) -> list[DestinationRow]:
    """Where the leavers went, per school year (oldest first) and group."""
    cells: dict[tuple[int, str | None], dict[str, int]] = defaultdict(
        lambda: {key: 0 for key, _label in categories(shape)}
    )
    for count in measure_counts(session, actor, filters, dimension, on=on):
        cells[(count.year, count.group)][category_of(shape, count.destination)] += count.students
    audit.record(session, actor, "view", "trends", None, f"bestemmingen:{shape.value}")
    return [DestinationRow(y, g, c) for (y, g), c in sorted(cells.items(), key=_order)]


def _order(item) -> tuple:
    (year, group), _ = item
    return (year, group or "")


@dataclass(frozen=True, slots=True)
class PlacementRow:
    """One school year (and group): the PrO monitor's placed share at leaving, after one
    and two years, and the share still in place after 6, 12 and 24 months."""

    year: int
    group: str | None
    leavers: int
    monitor: dict[int | None, Share] = field(default_factory=dict)
    # Of `monitor[m]`'s not placed: how many because the destination is unknown.
    monitor_unknown: dict[int | None, int] = field(default_factory=dict)
    retention: dict[int, Share] = field(default_factory=dict)


def monitor_outcome(count: MeasureCount, months: int | None) -> oc.MonitorOutcome:
    """The monitor's outcome for these leavers at that moment."""
    destination, reason = monitor_destination(count, months)
    return oc.pro_outcome(destination, reason)


def monitor_destination(
    count: MeasureCount, months: int | None
) -> tuple[Destination | None, NoWorkReason | None]:
    """Where the monitor sees these leavers at that moment: at leaving the destination;
    later the same one, the new one, no work (a drop-out: not placed) or unknown."""
    if months is None or count.still is Still.SAME:
        return count.destination, count.reason
    if count.still is Still.CHANGED and count.later is not None:
        return count.later, None
    if count.still is Still.DROPPED_OUT:
        return Destination.NOTHING, NoWorkReason.EARLY_SCHOOL_LEAVING
    return Destination.UNKNOWN, None


def placement(
    session: Session,
    actor: Actor,
    filters: TrendFilters,
    *,
    dimension: Dimension = Dimension.NONE,
    on: date,
) -> list[PlacementRow]:
    """Placement and retention per school year (oldest first) and group."""
    leavers: dict[tuple[int, str | None], int] = defaultdict(int)
    monitor: dict[tuple, Share] = defaultdict(Share)
    unknown: dict[tuple, int] = defaultdict(int)
    retention: dict[tuple, Share] = defaultdict(Share)
    for months in sorted({*MONITOR_MOMENTS[1:], *HORIZONS} | {0}):
        moment = None if months == 0 else months
        for count in measure_counts(session, actor, filters, dimension, months=moment, on=on):
            key = (count.year, count.group)
            if moment is None:
                leavers[key] += count.students
            if moment in MONITOR_MOMENTS:
                outcome = monitor_outcome(count, moment)
                n = count.students
                monitor[(*key, moment)] += Share(
                    hits=n if outcome is oc.MonitorOutcome.PLACED else 0,
                    known=0 if outcome is oc.MonitorOutcome.OUTSIDE else n,
                    outside=n if outcome is oc.MonitorOutcome.OUTSIDE else 0,
                )
                if oc.pro_category(monitor_destination(count, moment)[0]) is (
                    oc.ProMonitorCategory.UNKNOWN
                ):
                    unknown[(*key, moment)] += n
            if moment in HORIZONS and count.destination not in NO_PLACE:
                retention[(*key, moment)] += retention_share(count)
    rows = [
        PlacementRow(
            year,
            group,
            total,
            {m: monitor[(year, group, m)] for m in MONITOR_MOMENTS if (year, group, m) in monitor},
            {m: unknown[(year, group, m)] for m in MONITOR_MOMENTS},
            {m: retention[(year, group, m)] for m in HORIZONS if (year, group, m) in retention},
        )
        for (year, group), total in sorted(
            leavers.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
        )
    ]
    audit.record(session, actor, "view", "trends", None, "plaatsing")
    return rows


def retention_share(count: MeasureCount) -> Share:
    """Still in place (same or another), dropped out, or unknown: never counted in place."""
    n = count.students
    if count.still in (Still.SAME, Still.CHANGED):
        return Share(hits=n, known=n)
    if count.still is Still.DROPPED_OUT:
        return Share(known=n)
    return Share(unknown=n)
