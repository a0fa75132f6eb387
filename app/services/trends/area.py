"""Everything the Trends area shows, made in one transaction: the figures as report
sections (chart data, caption, the suppressed table), the norms and the filter choices.

The window draws what it is given; the rules (which counts, which shares, what is
suppressed) live here and in the modules this one calls. Every count is a GROUP BY, so
opening the area costs a fixed number of statements, however many students there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.export.trend_report import Section, ShareLines
from app.models import OutflowProfile, SchoolType, Student
from app.services.common.actor import Actor
from app.services.common.labels import OUTFLOW_PROFILE, SCHOOL_TYPE
from app.services.common.permissions import visible_students
from app.services.trends import activity, figures, meeting_flow
from app.services.trends.figures import Shape, categories
from app.services.trends.filters import (
    DIMENSION_LABEL,
    Dimension,
    TrendFilters,
    school_year_label,
    school_year_sql,
)
from app.services.trends.honest import Share, share_text
from app.services.trends.norms import Norms, norms
from app.services.trends.report import counts_section, destination_section, placement_sections
from app.services.trends.suppression import SMALL, THRESHOLD

# The shapes the area's switch offers (Vensters is an export of its own).
AREA_SHAPES = (Shape.KOERS, Shape.PRO, Shape.VSO)


class Tab(StrEnum):
    DESTINATIONS = "bestemmingen"
    PLACEMENT = "plaatsing"
    BREAKDOWN = "uitsplitsing"
    SIGNALS = "signalen"
    INTERNSHIPS = "stages"
    MEETINGS = "overleg"


@dataclass(frozen=True, slots=True)
class Choices:
    """What the filters offer: the school years with leavers and the values in use."""

    years: tuple[int, ...]
    school_types: tuple[tuple[str, str], ...]
    profiles: tuple[tuple[str, str], ...]
    municipalities: tuple[str, ...]
    locations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TrendsView:
    choices: Choices
    norms: Norms
    sections: dict[Tab, list[Section]]
    leavers: int
    unknown: int  # of `leavers`: destination unknown or not recorded


def small(n: int) -> str:
    """A count as it may be shown: '<5' under five (but 0 stays 0)."""
    return SMALL if 0 < n < THRESHOLD else str(n)


def choices(session: Session, actor: Actor) -> Choices:
    year = school_year_sql(Student.actual_outflow_date)
    years = session.scalars(
        visible_students(
            select(year).distinct().where(Student.actual_outflow_date.is_not(None)), actor
        ).order_by(year)
    ).all()
    values = session.execute(
        visible_students(
            select(Student.municipality, Student.location)
            .where(Student.actual_outflow_date.is_not(None))
            .group_by(Student.municipality, Student.location),
            actor,
        )
    ).all()
    return Choices(
        tuple(y for y in years if y is not None),
        tuple((t.value, SCHOOL_TYPE[t]) for t in SchoolType),
        tuple((p.value, OUTFLOW_PROFILE[p]) for p in OutflowProfile),
        tuple(sorted({m for m, _l in values if m})),
        tuple(sorted({loc for _m, loc in values if loc})),
    )


def group_label(dimension: Dimension, group: str | None) -> str:
    if not group:
        return "Onbekend"
    if dimension is Dimension.PROFILE:
        return OUTFLOW_PROFILE.get(OutflowProfile(group), group)
    if dimension is Dimension.SCHOOL_TYPE:
        return SCHOOL_TYPE.get(SchoolType(group), group)
    return group


def trends_view(
    session: Session,
    actor: Actor,
    filters: TrendFilters,
    shape: Shape,
    dimension: Dimension,
    on: date,
    tabs: tuple[Tab, ...] = tuple(Tab),
) -> TrendsView:
    """The figures of the `tabs` asked for (the area asks for the one in view; the others
    follow when they are opened), with the leavers' n and unknowns and the filter choices."""
    current = norms(session, actor)
    rows = figures.destinations(session, actor, filters, shape=shape, on=on)
    unknown_key = "onbekend"  # the key of "unknown" in every shape the area shows
    leavers = sum(r.students for r in rows)
    unknown = sum(r.counts.get(unknown_key, 0) for r in rows)
    sections: dict[Tab, list[Section]] = {}
    for tab in tabs:
        if tab is Tab.DESTINATIONS:
            note = (
                f"n = {leavers} vertrekkers, van wie {small(unknown)} met een onbekende bestemming."
            )
            sections[tab] = [_with_notes(destination_section(rows, shape), note)]
        elif tab is Tab.PLACEMENT:
            sections[tab] = placement_tab(session, actor, filters, current, on)
        elif tab is Tab.BREAKDOWN:
            sections[tab] = breakdown_sections(session, actor, filters, shape, dimension, on)
        elif tab is Tab.SIGNALS:
            sections[tab] = [signals_section(activity.signals_over_time(session, actor, filters))]
        elif tab is Tab.INTERNSHIPS:
            sections[tab] = internship_sections(session, actor, filters)
        else:
            sections[tab] = meeting_sections(session, actor, filters)
    return TrendsView(choices(session, actor), current, sections, leavers, unknown)


def placement_tab(
    session: Session, actor: Actor, filters: TrendFilters, current: Norms, on: date
) -> list[Section]:
    placement = figures.placement(session, actor, filters, on=on)
    placed, retained = placement_sections(
        placement, (current.placed_percent, current.retained_percent)
    )
    return [
        _with_notes(placed, f"Norm: {current.placed_percent} %. Bron: {current.source}"),
        _with_notes(retained, f"Norm: {current.retained_percent} %."),
    ]


def _with_notes(section: Section, *notes: str) -> Section:
    return Section(
        section.title,
        section.caption,
        section.chart,
        section.header,
        section.rows,
        (*section.notes, *notes),
    )


def breakdown_sections(
    session: Session,
    actor: Actor,
    filters: TrendFilters,
    shape: Shape,
    dimension: Dimension,
    on: date,
) -> list[Section]:
    """Per group of the dimension, all chosen years together: where they went, and the
    placed share at leaving and still in place after 12 months."""
    if dimension is Dimension.NONE:
        dimension = Dimension.PROFILE
    kinds = categories(shape)
    per_group: dict[str, list[int]] = {}
    for row in figures.destinations(
        session, actor, filters, shape=shape, dimension=dimension, on=on
    ):
        counts = per_group.setdefault(group_label(dimension, row.group), [0] * len(kinds))
        for c, (key, _label) in enumerate(kinds):
            counts[c] += row.counts[key]
    groups = sorted(per_group)
    name = DIMENSION_LABEL[dimension]
    where = counts_section(
        f"Bestemmingen per {name.lower()}",
        f"Alle gekozen schooljaren samen: waar de vertrekkers heen gingen, per {name.lower()}.",
        name,
        groups,
        [label for _key, label in kinds],
        [per_group[g] for g in groups],
    )
    placed: dict[str, Share] = {}
    retained: dict[str, Share] = {}
    for row in figures.placement(session, actor, filters, dimension=dimension, on=on):
        label = group_label(dimension, row.group)
        placed[label] = placed.get(label, Share()) + row.monitor.get(None, Share())
        retained[label] = retained.get(label, Share()) + row.retention.get(12, Share())
    shares = Section(
        f"Plaatsing en bestendiging per {name.lower()}",
        "Geplaatst bij uitstroom (zoals de PrO-monitor telt) en na 12 maanden nog op een "
        "plek. Onder de 5 bekende leerlingen staat er geen percentage.",
        ShareLines(
            groups,
            [
                ("Geplaatst bij uitstroom", [_percent(placed.get(g)) for g in groups]),
                ("Na 12 maanden op een plek", [_percent(retained.get(g)) for g in groups]),
            ],
        )
        if groups
        else None,
        [name, "Geplaatst bij uitstroom", "Na 12 maanden op een plek"],
        [[g, _suppressed_share(placed.get(g)), _suppressed_share(retained.get(g))] for g in groups],
    )
    return [where, shares]


def _percent(share: Share | None) -> float | None:
    return None if share is None or share.value is None else round(100 * share.value, 1)


def _suppressed_share(share: Share | None) -> str:
    if share is None or share.students == 0:
        return ""
    text = share_text(share)
    return text.replace(f"n={share.known}", f"n={small(share.known)}").replace(
        f"{share.unknown} onbekend", f"{small(share.unknown)} onbekend"
    )


def signals_section(rows: list[activity.SignalRow]) -> Section:
    years = [school_year_label(r.year) for r in rows]
    without = [Share(hits=r.without_destination, known=r.leavers) for r in rows]
    dropped = [Share(hits=r.dropped_out, known=r.leavers) for r in rows]
    section = counts_section(
        "Signalen door de jaren heen",
        "Per schooljaar: hoeveel vertrekkers zonder bestemming de school verlieten, hoeveel "
        "een bestemming hebben die nog geregeld moet worden, en hoeveel er later uitvielen "
        "volgens de nazorg. Het percentage is van alle vertrekkers van dat jaar.",
        "Schooljaar",
        years,
        ["Zonder bestemming", "Nog te regelen", "Uitgevallen in de nazorg"],
        [[r.without_destination, r.to_settle, r.dropped_out] for r in rows],
        (f"n = {sum(r.leavers for r in rows)} vertrekkers.",),
    )
    return Section(
        section.title,
        section.caption,
        ShareLines(
            years,
            [
                ("Zonder bestemming (%)", [_percent(s) for s in without]),
                ("Uitgevallen in de nazorg (%)", [_percent(s) for s in dropped]),
            ],
        )
        if rows
        else None,
        section.header,
        section.rows,
        section.notes,
    )


def internship_sections(session: Session, actor: Actor, filters: TrendFilters) -> list[Section]:
    rows = activity.internships(session, actor, filters)
    sectors = sorted({r.sector for r in rows})
    outcomes = sorted({r.outcome for r in rows})
    counts = {(r.sector, r.outcome): 0 for r in rows}
    for r in rows:
        counts[(r.sector, r.outcome)] += r.internships
    per_sector = counts_section(
        "Stages per sector en uitkomst",
        "Alle stages die in de gekozen schooljaren begonnen, per sector van de werkgever en "
        "hoe de stage afliep.",
        "Sector",
        sectors,
        outcomes,
        [[counts.get((s, o), 0) for o in outcomes] for s in sectors],
        (f"n = {sum(r.internships for r in rows)} stages.",),
        "stages",
    )
    employers = activity.employers_turning_internships_into_jobs(session, actor, filters)
    jobs = Section(
        "Werkgevers waar een stage een baan werd",
        "Werkgevers bij wie een leerling na de stage aan het werk ging, de meeste banen eerst.",
        None,
        ["Werkgever", "Sector", "Banen"],
        [[e.employer, e.sector, small(e.jobs)] for e in employers[:15]],
        (f"{len(employers)} werkgevers.",),
    )
    return [per_sector, jobs]


def meeting_sections(session: Session, actor: Actor, filters: TrendFilters) -> list[Section]:
    flow = meeting_flow.case_flow(session, actor, filters)
    kinds = list(meeting_flow.LIST_LABEL)
    cases = counts_section(
        "Casussen in het uitstroomoverleg",
        "Per schooljaar van aanmelding: hoeveel casussen nu actief zijn, op de volglijst "
        "staan of gearchiveerd zijn.",
        "Schooljaar",
        [school_year_label(y) for y in flow],
        [meeting_flow.LIST_LABEL[k] for k in kinds],
        [[flow[y][k] for k in kinds] for y in flow],
        (f"n = {sum(sum(v.values()) for v in flow.values())} casussen.",),
        "casussen",
    )
    names, per_year = meeting_flow.bottlenecks_per_year(session, filters)
    bottlenecks = counts_section(
        "Knelpunten per categorie",
        "Hoe vaak elk soort algemeen knelpunt in het overleg werd ingebracht, per schooljaar. "
        "Een knelpunt dat elk jaar terugkomt, vraagt om een afspraak in de regio.",
        "Schooljaar",
        [school_year_label(y) for y in per_year],
        names,
        [[per_year[y].get(n, 0) for n in names] for y in per_year],
        (f"n = {sum(sum(v.values()) for v in per_year.values())} knelpunten.",),
        "knelpunten",
    )
    return [cases, bottlenecks]
