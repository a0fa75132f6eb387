"""The leavers list for the RMC: named where the gate allows the path scope, counted otherwise."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.validation import today
from app.export import tabular
from app.models import (
    ConsentScope,
    FlowDocument,
    Organisation,
    OrganisationKind,
    Student,
    TransitionPath,
)
from app.services.common.actor import Actor
from app.services.common.labels import DESTINATION, OUTFLOW_PROFILE, label
from app.services.common.permissions import require_export, visible_students
from app.services.consent.gate import ConsentRefusedError, check_all
from app.services.consent.sending import log_export
from app.services.network.report_recipients import find_recipient, municipality_of


@dataclass(frozen=True)
class LeaversResult:
    path: Path
    named: int
    counted: int


LEAVERS_HEADER = (
    "Leerlingnummer",
    "Naam",
    "Geboortedatum",
    "Woongemeente",
    "Uitstroomprofiel",
    "Uitstroomdatum",
    "Bestemming",
    "Plaats",
    "Grondslag",
)


def leavers(session: Session, year: int, actor: Actor) -> list[Student]:
    """The students leaving in `year` among those `actor` may see (own schools)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    stmt = visible_students(
        select(Student)
        .where(
            or_(
                Student.actual_outflow_date.between(start, end),
                Student.actual_outflow_date.is_(None)
                & Student.planned_outflow_date.between(start, end),
            )
        )
        .order_by(Student.surname, Student.first_name, Student.id),
        actor,
    )
    return list(session.scalars(stmt))


def _in_region(session: Session, student: Student, region: Organisation) -> bool:
    municipality = municipality_of(session, student)
    return municipality is not None and municipality.rmc_region_id == region.id


def export_leavers(
    session: Session,
    actor,
    year: int,
    recipient_ref: int | str,
    out_path: str | Path,
    *,
    at: date | None = None,
) -> LeaversResult:
    """The region's leavers of `year` with destination, CSV or XLSX; named only where the
    gate allows the path scope, the others only as counts per destination."""
    require_export(actor)
    if not 2000 <= year <= 2100:
        raise ConsentRefusedError(f"{year} is geen bruikbaar jaar.")
    target = Path(out_path)
    if target.suffix.lower() not in (".csv", ".xlsx"):
        raise ConsentRefusedError("Kies een bestandsnaam die eindigt op .csv of .xlsx.")
    region = (
        find_recipient(session, str(recipient_ref))
        if not isinstance(recipient_ref, int)
        else session.get(Organisation, recipient_ref)
    )
    if region is None:
        raise NotFoundError(f"Er is geen organisatie met code '{recipient_ref}'.")
    if region.kind is not OrganisationKind.RMC:
        raise ConsentRefusedError(
            f"De lijst van vertrekkers gaat alleen naar een RMC-regio / Doorstroompunt, "
            f"niet naar {region.name}."
        )
    at = at or today()
    rows: list[list[object]] = []
    hidden: Counter[str] = Counter()
    named_logs = []
    for student in leavers(session, year, actor):
        if not _in_region(session, student, region):
            continue
        check = check_all(
            session,
            student,
            region,
            at,
            (ConsentScope.PATH,),
            document=FlowDocument.LEAVERS_LIST,
        )
        path = session.scalars(
            select(TransitionPath).where(TransitionPath.student_id == student.id)
        ).first()
        destination = (
            label(DESTINATION, path.destination) if path and path.destination else "Onbekend"
        )
        if ConsentScope.PATH not in check.allowed:
            hidden[destination] += 1
            continue
        rows.append(
            [
                student.las_key or "",
                student.full_name,
                student.birth_date,
                student.municipality or "",
                label(OUTFLOW_PROFILE, student.outflow_profile),
                student.actual_outflow_date or student.planned_outflow_date,
                destination,
                (path.destination_place or "") if path else "",
                check.basis_text(),
            ]
        )
        named_logs.append((student.id, check))
    if not rows and not hidden:
        raise ConsentRefusedError(
            f"Er zijn in {year} geen vertrekkers uit gemeenten van {region.name}."
        )
    if hidden:
        rows.append([""] * len(LEAVERS_HEADER))
        rows.append(
            ["", "Niet op naam (geen toestemming of grondslag): aantallen per bestemming"]
            + [""] * (len(LEAVERS_HEADER) - 2)
        )
        for destination, count in sorted(hidden.items()):
            rows.append(["", f"{destination}: {count}"] + [""] * (len(LEAVERS_HEADER) - 2))
    for student_id, check in named_logs:
        log_export(session, actor, "vertrekkerslijst", student_id, region.id, check, check.allowed)
    summary = log_export(session, actor, "vertrekkerslijst (aantallen)", None, region.id, None)
    summary.basis = f"{len(named_logs)} op naam, {sum(hidden.values())} als aantal"
    if target.suffix.lower() == ".csv":
        tabular.write_csv(LEAVERS_HEADER, rows, target)
    else:
        tabular.write_xlsx(LEAVERS_HEADER, rows, target, sheet=f"Vertrekkers {year}")
    return LeaversResult(target, len(named_logs), sum(hidden.values()))
