"""What leaves the school from the trends area: the anonymous monitor figures (CSV/XLSX),
the trend report (PDF), and the per-student PrO worksheet that never leaves the school.
Each is written through the export log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.export.monitor_file import PlainTable, write_monitor
from app.models import SchoolType, Student
from app.services.common.actor import Actor
from app.services.common.export_log import log_file_export
from app.services.common.permissions import require_export
from app.services.common.school_settings import school_settings
from app.services.path import outflow_categories as oc
from app.services.trends.figures import monitor_destination
from app.services.trends.filters import Dimension, TrendFilters, school_year_label
from app.services.trends.measures import measure_counts
from app.services.trends.monitor import SHAPE_TITLE, MonitorShape, monitor_tables

WORKSHEET_NOTE = "intern werkblad PrO-monitor, per leerling; verlaat de school niet"


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    tables: int


def check_target(out: str | Path, suffixes: tuple[str, ...], field: str = "out") -> Path:
    target = Path(out)
    if target.suffix.lower() not in suffixes:
        raise ValidationError(
            {field: f"Bestand: kies een naam die eindigt op {' of '.join(suffixes)}."}
        )
    return target


def log_trends_export(session: Session, actor: Actor, what: str, basis: str) -> None:
    """Trend files are about the school, not one student: the audit entry names 'trends'."""
    log_file_export(session, actor, what[:80], basis=basis[:200], entity="trends", detail=f"{what}")


def plain(tables) -> list[PlainTable]:
    return [
        PlainTable(
            t.title,
            ["", *t.table.column_labels],
            [
                [label, *cells]
                for label, cells in zip(t.table.row_labels, t.table.cells, strict=True)
            ],
            t.note,
        )
        for t in tables
    ]


def export_monitor(
    session: Session, actor: Actor, shape: MonitorShape, year: int, out: str | Path, on: date
) -> ExportResult:
    """The anonymous figures of one monitor shape, small counts suppressed, logged."""
    require_export(actor)
    target = check_target(out, (".csv", ".xlsx"))
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": "Schooljaar: geef een jaartal, bijvoorbeeld 2025."})
    tables = monitor_tables(session, actor, shape, year, on)
    school = school_settings(session)
    subtitle = (
        f"{school.name} ({school.brin}), schooljaar {school_year_label(year)}; "
        f"aantallen onder 5 als '<5', 'x' verborgen zodat niets terug te rekenen is"
    )
    write_monitor(SHAPE_TITLE[shape], subtitle, plain(tables), target)
    log_trends_export(
        session, actor, f"monitor {shape.value} {year} (anoniem)", "geanonimiseerde aantallen"
    )
    return ExportResult(target, len(tables))


WORKSHEET_HEADER = [
    "Meting",
    "Achternaam",
    "Voornaam",
    "Geboortedatum",
    "LAS-nummer",
    "Uitstroom (zoals de monitor het noemt)",
    "Reden geen werk of studie",
    "Telt als",
    "Anders dan bij uitstroom",
]


def worksheet_rows(session: Session, actor: Actor, year: int, on: date) -> list[list[object]]:
    """Per PrO leaver what to type into the monitor's web form, in its words and order."""
    from app.services.common.labels import NO_WORK_REASON

    identity = (
        Student.id,
        Student.surname,
        Student.first_name,
        Student.birth_date,
        Student.las_key,
    )
    rows = []
    for label, cohort, months in (
        ("Bij uitstroom", year, None),
        ("Na 1 jaar", year - 1, 12),
        ("Na 2 jaar", year - 2, 24),
    ):
        filters = TrendFilters(first_year=cohort, last_year=cohort, school_type=SchoolType.PRO)
        counts = measure_counts(
            session, actor, filters, Dimension.NONE, months=months, on=on, extra=identity
        )
        for count in sorted(counts, key=lambda c: (c.extra[1], c.extra[2])):
            destination, reason = monitor_destination(count, months)
            category = oc.pro_category(destination)
            before = oc.pro_category(count.destination)
            rows.append(
                [
                    f"{label} ({school_year_label(cohort)})",
                    count.extra[1],
                    count.extra[2],
                    count.extra[3],
                    count.extra[4] or "",
                    oc.PRO_MONITOR_LABEL[category],
                    NO_WORK_REASON.get(reason, "") if reason else "",
                    oc.MONITOR_OUTCOME_LABEL[oc.pro_outcome(destination, reason)],
                    "" if months is None else ("ja" if before != category else "nee"),
                ]
            )
    return rows


def export_worksheet(
    session: Session, actor: Actor, year: int, out: str | Path, on: date
) -> ExportResult:
    """The internal per-student worksheet; the export log records it never leaves."""
    require_export(actor)
    target = check_target(out, (".csv", ".xlsx"))
    rows = worksheet_rows(session, actor, year, on)
    from app.export import tabular

    if target.suffix.lower() == ".xlsx":
        tabular.write_xlsx(WORKSHEET_HEADER, rows, target, sheet="PrO-monitor")
    else:
        tabular.write_csv(WORKSHEET_HEADER, rows, target)
    log_trends_export(session, actor, f"werkblad PrO-monitor {year}", WORKSHEET_NOTE)
    return ExportResult(target, 1)
