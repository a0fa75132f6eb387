"""The trend report (PDF): the figures of the trends area for the school board and the
municipality, small counts suppressed, with captions in plain Dutch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.files import write_atomic
from app.export.trend_report import SMALL_NAME, Section, ShareLines, StackedBars, render_report
from app.services.common.actor import Actor
from app.services.common.permissions import require_export
from app.services.common.school_settings import school_settings
from app.services.trends import activity, figures
from app.services.trends.exports import ExportResult, check_target, log_trends_export
from app.services.trends.figures import Shape, categories
from app.services.trends.filters import TrendFilters, school_year_label
from app.services.trends.honest import Share
from app.services.trends.suppression import HIDDEN, SMALL, suppress


def _percent(share: Share | None) -> float | None:
    return None if share is None or share.value is None else round(100 * share.value, 1)


def _share_cell(share: Share | None) -> str:
    if share is None or share.students == 0:
        return ""
    value = "—" if share.value is None else f"{round(100 * share.value)} %"
    n = "<5" if 0 < share.known < 5 else str(share.known)
    unknown = "<5" if 0 < share.unknown < 5 else str(share.unknown)
    return f"{value} (n={n}, onbekend {unknown})"


def destination_section(rows: list[figures.DestinationRow], shape: Shape) -> Section:
    kinds = categories(shape)
    years = [school_year_label(r.year) for r in rows]
    counts = [[r.counts[key] for key, _label in kinds] for r in rows]
    table = suppress(counts, years, [label for _key, label in kinds]) if rows else None
    series: list[tuple[str, list[int]]] = []
    small = [0] * len(rows)
    for c, (_key, label) in enumerate(kinds):
        values = []
        for r in range(len(rows)):
            if table.cells[r][c] in (SMALL, HIDDEN):
                small[r] += counts[r][c]
                values.append(0)
            else:
                values.append(counts[r][c])
        if any(values):
            series.append((label, values))
    if any(small):
        series.append((SMALL_NAME, small))
    return Section(
        "Waar gingen de leerlingen heen?",
        "Per schooljaar het aantal vertrekkers, verdeeld naar wat ze na school gingen doen. "
        "Hoe hoger de staaf, hoe meer leerlingen er dat jaar vertrokken.",
        StackedBars(years, series) if rows else None,
        ["Schooljaar", *table.column_labels] if table else [],
        [[label, *cells] for label, cells in zip(table.row_labels, table.cells, strict=True)]
        if table
        else [],
    )


def placement_sections(rows: list[figures.PlacementRow], norms: tuple[int, int]) -> list[Section]:
    years = [school_year_label(r.year) for r in rows]
    placed = ShareLines(
        years,
        [
            (figures.MONITOR_MOMENT_LABEL[m], [_percent(r.monitor.get(m)) for r in rows])
            for m in figures.MONITOR_MOMENTS
        ],
        norms[0],
    )
    retained = ShareLines(
        years,
        [(f"Na {m} maanden", [_percent(r.retention.get(m)) for r in rows]) for m in (6, 12, 24)],
        norms[1],
    )
    return [
        Section(
            "Hoeveel leerlingen hebben een plek?",
            "Het deel van de vertrekkers met werk, een opleiding, een traject of "
            "dagbesteding, geteld zoals de PrO-monitor telt: bij vertrek, na 1 jaar en na "
            f"2 jaar. De stippellijn is de norm van {norms[0]} %. Een jaar met minder dan 5 "
            "leerlingen krijgt geen percentage.",
            placed,
            ["Schooljaar", "Bij uitstroom", "Na 1 jaar", "Na 2 jaar"],
            [
                [y, *(_share_cell(r.monitor.get(m)) for m in figures.MONITOR_MOMENTS)]
                for y, r in zip(years, rows, strict=True)
            ],
        ),
        Section(
            "Hoeveel leerlingen houden hun plek?",
            "Van wie bij vertrek een plek had: het deel dat er na 6, 12 en 24 maanden nog "
            "(of op een andere plek) zit, volgens het nazorgcontact. Wie niet bereikt is, "
            f"telt als onbekend en nooit als 'op een plek'. De norm is {norms[1]} %.",
            retained,
            ["Schooljaar", "Na 6 maanden", "Na 12 maanden", "Na 24 maanden"],
            [
                [y, *(_share_cell(r.retention.get(m)) for m in (6, 12, 24))]
                for y, r in zip(years, rows, strict=True)
            ],
        ),
    ]


def signal_section(rows: list[activity.SignalRow]) -> Section:
    counts = [[r.without_destination, r.dropped_out] for r in rows]
    years = [school_year_label(r.year) for r in rows]
    table = suppress(counts, years, ["Zonder bestemming vertrokken", "Uitgevallen in de nazorg"])
    return Section(
        "Signalen door de jaren heen",
        "Hoeveel vertrekkers zonder bestemming de school verlieten, en hoeveel er later "
        "uitvielen volgens de nazorg.",
        None,
        ["Schooljaar", *table.column_labels[:-1]],
        [
            [label, *cells[:-1]]
            for label, cells in zip(table.row_labels[:-1], table.cells[:-1], strict=True)
        ],
    )


def export_trend_report(
    session: Session,
    actor: Actor,
    out: str | Path,
    on: date,
    filters: TrendFilters | None = None,
    shape: Shape = Shape.VENSTERS,
) -> ExportResult:
    """Writes the trend report PDF and logs it as an anonymous export."""
    require_export(actor)
    target = check_target(out, (".pdf",))
    filters = filters or TrendFilters()
    settings = school_settings(session)
    destinations = figures.destinations(session, actor, filters, shape=shape, on=on)
    placement = figures.placement(session, actor, filters, on=on)
    signals = activity.signals_over_time(session, actor, filters)
    sections = [
        destination_section(destinations, shape),
        *placement_sections(
            placement, (settings.norm_placed_percent, settings.norm_retained_percent)
        ),
        signal_section(signals),
    ]
    years = [r.year for r in destinations]
    period = (
        f"schooljaren {school_year_label(min(years))} tot en met {school_year_label(max(years))}"
        if years
        else "nog geen vertrekkers"
    )
    data = render_report(
        "Uitstroom en bestendiging",
        f"{settings.name}, {period}. Aantallen, geen namen.",
        settings.name,
        sections,
    )
    write_atomic(target, data)
    log_trends_export(session, actor, "trendrapport (anoniem)", "geanonimiseerde aantallen")
    return ExportResult(target, len(sections))
