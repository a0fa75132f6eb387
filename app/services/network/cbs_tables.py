"""The CBS tables imported as CBS publishes them (CSV; `;` or `,`, quoted or not, UTF-8 with or
without BOM): the municipalities with their CBS code, and the municipality -> RMC region table.
A municipality's CBS code comes only from such a table or from the coordinator.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.models import Organisation, OrganisationKind
from app.services.common import audit
from app.services.common.permissions import require_coordinator
from app.services.network.organisations import CBS_CODE
from app.services.network.report_recipients import find_recipient

MAX_IMPORT = 5 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    skipped: list[str]


def _read_table(data: bytes) -> list[dict[str, str]]:
    if len(data) > MAX_IMPORT:
        raise ValidationError({"file": "Bestand: groter dan 5 MB; is dit wel de CBS-tabel?"})
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1252", errors="replace")
    sample = content[:4096]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(content), delimiter=delimiter)
    if not reader.fieldnames:
        raise ValidationError({"file": "Bestand: er staat geen kopregel in."})
    rows = []
    for raw in reader:
        rows.append({(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k})
    return rows


def _column(row: dict[str, str], *candidates: str) -> str:
    for key, value in row.items():
        compact = re.sub(r"[^a-z]", "", key)
        if any(c in compact for c in candidates):
            return value
    return ""


def _normal_cbs(value: str) -> str | None:
    cleaned = value.strip().upper()
    if re.fullmatch(r"\d{1,4}", cleaned):
        cleaned = f"GM{int(cleaned):04d}"
    return cleaned if CBS_CODE.match(cleaned) else None


def import_cbs_municipalities(session: Session, actor, data: bytes) -> ImportResult:
    """Fills or updates municipalities from the CBS table (columns with 'code' and 'naam',
    e.g. `GemeentecodeGM;Gemeentenaam` or `Gemeentecode;Gemeentenaam`)."""
    require_coordinator(actor)
    added = updated = 0
    skipped: list[str] = []
    for number, row in enumerate(_read_table(data), start=2):
        code = _normal_cbs(_column(row, "gemeentecodegm", "gemeentecode", "code"))
        name = _column(row, "gemeentenaam", "naam")
        if not code or not name:
            skipped.append(f"regel {number}: geen geldige gemeentecode of naam")
            continue
        org = session.scalars(select(Organisation).where(Organisation.cbs_code == code)).first()
        if org is None:
            org = session.scalars(
                select(Organisation).where(
                    Organisation.kind == OrganisationKind.MUNICIPALITY,
                    func.lower(Organisation.name) == name.lower(),
                )
            ).first()
        if org is None:
            if find_recipient(session, code) is not None:
                skipped.append(f"regel {number}: code {code} is al in gebruik")
                continue
            session.add(
                Organisation(
                    code=code,
                    name=name,
                    kind=OrganisationKind.MUNICIPALITY,
                    cbs_code=code,
                    created_by_id=actor.user_id,
                    updated_by_id=actor.user_id,
                )
            )
            added += 1
        else:
            org.cbs_code, org.name = code, name
            if not CBS_CODE.match(org.code) and find_recipient(session, code) in (None, org):
                org.code = code
            org.updated_by_id = actor.user_id
            updated += 1
        session.flush()
    audit.record(session, actor, "import", "organisation", None, f"cbs:+{added}~{updated}")
    return ImportResult(added, updated, skipped)


def import_rmc_regions(session: Session, actor, data: bytes) -> ImportResult:
    """Links municipalities to RMC regions from a table with a municipality (CBS code or
    name) and an RMC region name per row; unknown regions are added."""
    require_coordinator(actor)
    added = updated = 0
    skipped: list[str] = []
    for number, row in enumerate(_read_table(data), start=2):
        code = _normal_cbs(_column(row, "gemeentecodegm", "gemeentecode"))
        municipality_name = _column(row, "gemeentenaam", "gemeente")
        region_name = _column(row, "rmcregionaam", "rmcregio", "regionaam", "regio")
        if not region_name or not (code or municipality_name):
            skipped.append(f"regel {number}: gemeente of RMC-regio ontbreekt")
            continue
        municipality = None
        if code:
            municipality = session.scalars(
                select(Organisation).where(Organisation.cbs_code == code)
            ).first()
        if municipality is None and municipality_name:
            municipality = session.scalars(
                select(Organisation).where(
                    Organisation.kind == OrganisationKind.MUNICIPALITY,
                    func.lower(Organisation.name) == municipality_name.lower(),
                )
            ).first()
        if municipality is None:
            skipped.append(f"regel {number}: gemeente {code or municipality_name} is onbekend")
            continue
        label = region_name if region_name.upper().startswith("RMC") else f"RMC {region_name}"
        region = session.scalars(
            select(Organisation).where(
                Organisation.kind == OrganisationKind.RMC,
                func.lower(Organisation.name).in_([label.lower(), region_name.lower()]),
            )
        ).first()
        if region is None:
            short = "RMC-" + re.sub(r"[^A-Za-z0-9]", "", region_name)[:16]
            if find_recipient(session, short) is not None:
                skipped.append(f"regel {number}: code {short} is al in gebruik")
                continue
            region = Organisation(
                code=short,
                name=label,
                alt_name=f"Doorstroompunt {region_name}",
                kind=OrganisationKind.RMC,
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
            )
            session.add(region)
            session.flush()
            added += 1
        if municipality.rmc_region_id != region.id:
            municipality.rmc_region_id = region.id
            municipality.updated_by_id = actor.user_id
            updated += 1
        session.flush()
    audit.record(session, actor, "import", "organisation", None, f"rmc:+{added}~{updated}")
    return ImportResult(added, updated, skipped)
