"""The school's network: municipalities, RMC regions (Doorstroompunt), UWV, care partners.

A municipality's code is its CBS code (GM + four digits) only when it comes from a CBS
table or was typed by the coordinator; nothing here invents one. The CBS municipality table
and a municipality -> RMC region table are imported as CBS publishes them (CSV; `;` or `,`,
quoted or not, UTF-8 with or without BOM).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError, ValidationError
from app.core.validation import Problems, email, text
from app.models import Consent, Organisation, OrganisationContact, OrganisationKind, Student
from app.services.common import audit
from app.services.common.permissions import require_coordinator

CBS_CODE = re.compile(r"^GM\d{4}$")
SHORT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$")
MAX_IMPORT = 5 * 1024 * 1024


@dataclass
class ContactInput:
    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    id: int | None = None


@dataclass
class OrganisationInput:
    code: str = ""
    name: str = ""
    alt_name: str = ""
    kind: str = OrganisationKind.MUNICIPALITY.value
    cbs_code: str = ""
    rmc_region_id: int | None = None
    address: str = ""
    notes: str = ""
    active: bool = True
    contacts: list[ContactInput] = field(default_factory=list)


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    version: int
    code: str
    name: str
    alt_name: str
    kind: OrganisationKind
    cbs_code: str
    rmc_region_id: int | None
    rmc_region: str
    address: str
    notes: str
    active: bool
    contacts: tuple[ContactInput, ...]

    @property
    def display_name(self) -> str:
        return f"{self.name} / {self.alt_name}" if self.alt_name else self.name


def _row(org: Organisation, regions: dict[int, str]) -> OrganisationRow:
    return OrganisationRow(
        id=org.id,
        version=org.version,
        code=org.code,
        name=org.name,
        alt_name=org.alt_name or "",
        kind=org.kind,
        cbs_code=org.cbs_code or "",
        rmc_region_id=org.rmc_region_id,
        rmc_region=regions.get(org.rmc_region_id, "") if org.rmc_region_id else "",
        address=org.address or "",
        notes=org.notes or "",
        active=org.active,
        contacts=tuple(
            ContactInput(c.name, c.role or "", c.phone or "", c.email or "", c.id)
            for c in org.contacts
        ),
    )


def list_organisations(
    session: Session, actor, *, active_only: bool = False
) -> list[OrganisationRow]:
    """Everyone in the network with their contact persons. Not student data: all may read."""
    stmt = select(Organisation).order_by(Organisation.kind, Organisation.name)
    if active_only:
        stmt = stmt.where(Organisation.active.is_(True))
    orgs = list(session.scalars(stmt))
    regions = {o.id: o.name for o in orgs if o.kind is OrganisationKind.RMC}
    if any(o.rmc_region_id and o.rmc_region_id not in regions for o in orgs):
        regions.update(
            {
                o.id: o.name
                for o in session.scalars(
                    select(Organisation).where(Organisation.kind == OrganisationKind.RMC)
                )
            }
        )
    return [_row(o, regions) for o in orgs]


def _check(session: Session, data: OrganisationInput, own_id: int | None) -> tuple:
    problems = Problems()
    code = text(data.code, "Code", "code", problems, max_length=20, required=True)
    if code and not SHORT_CODE.match(code):
        problems.add("code", "Code: alleen letters, cijfers, punt, streepje of liggend streepje.")
    name = text(data.name, "Naam", "name", problems, max_length=160, required=True)
    alt_name = text(data.alt_name, "Tweede naam", "alt_name", problems, max_length=160)
    try:
        kind = OrganisationKind(data.kind)
    except ValueError:
        problems.add("kind", "Soort: kies gemeente, RMC-regio, UWV, zorg, onderwijs of anders.")
        kind = None
    cbs = (data.cbs_code or "").strip().upper() or None
    if cbs and not CBS_CODE.match(cbs):
        problems.add("cbs_code", f"CBS-code: '{cbs}' is geen gemeentecode (GM en vier cijfers).")
    if cbs and kind is not OrganisationKind.MUNICIPALITY:
        problems.add("cbs_code", "CBS-code: alleen een gemeente heeft een CBS-gemeentecode.")
    if code:
        clash = session.scalar(
            select(Organisation.id).where(func.upper(Organisation.code) == code.upper())
        )
        if clash is not None and clash != own_id:
            problems.add("code", f"Code: '{code}' is al in gebruik.")
    if cbs:
        clash = session.scalar(select(Organisation.id).where(Organisation.cbs_code == cbs))
        if clash is not None and clash != own_id:
            problems.add("cbs_code", f"CBS-code: '{cbs}' hoort al bij een andere gemeente.")
    region = None
    if data.rmc_region_id is not None:
        region = session.get(Organisation, data.rmc_region_id)
        if region is None or region.kind is not OrganisationKind.RMC:
            problems.add("rmc_region", "RMC-regio: kies een organisatie van de soort RMC-regio.")
        elif kind is not OrganisationKind.MUNICIPALITY:
            problems.add("rmc_region", "RMC-regio: alleen een gemeente hoort bij een RMC-regio.")
    address = text(data.address, "Adres", "address", problems, max_length=200)
    notes = text(data.notes, "Opmerkingen", "notes", problems, max_length=4000)
    contacts = []
    for i, contact in enumerate(data.contacts, start=1):
        label = f"Contactpersoon {i}"
        cname = text(
            contact.name,
            f"{label}, naam",
            f"contact{i}.name",
            problems,
            max_length=160,
            required=True,
        )
        role = text(contact.role, f"{label}, rol", f"contact{i}.role", problems, max_length=120)
        phone = text(
            contact.phone, f"{label}, telefoon", f"contact{i}.phone", problems, max_length=40
        )
        mail = email(contact.email, f"{label}, e-mail", f"contact{i}.email", problems)
        contacts.append((contact.id, cname, role, phone, mail))
    problems.raise_if_any()
    return code, name, alt_name, kind, cbs, region, address, notes, contacts


def save_organisation(
    session: Session,
    actor,
    data: OrganisationInput,
    organisation_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    """Adds or changes a partner and its contact persons (the coordinator)."""
    require_coordinator(actor)
    code, name, alt_name, kind, cbs, region, address, notes, contacts = _check(
        session, data, organisation_id
    )
    if organisation_id is None:
        org = Organisation(created_by_id=actor.user_id)
        session.add(org)
    else:
        org = session.get(Organisation, organisation_id)
        if org is None:
            raise NotFoundError("Deze organisatie bestaat niet (meer).")
        if expected_version is not None and org.version != expected_version:
            raise ConflictError("Iemand anders heeft deze organisatie intussen gewijzigd.")
    org.code, org.name, org.alt_name, org.kind, org.cbs_code = code, name, alt_name, kind, cbs
    org.rmc_region_id = region.id if region else None
    org.address, org.notes, org.active = address, notes, bool(data.active)
    org.updated_by_id = actor.user_id
    existing = {c.id: c for c in org.contacts}
    keep = []
    for cid, cname, role, phone, mail in contacts:
        contact = existing.get(cid) if cid else None
        if contact is None:
            contact = OrganisationContact(created_by_id=actor.user_id)
            org.contacts.append(contact)
        contact.name, contact.role, contact.phone, contact.email = cname, role, phone, mail
        contact.updated_by_id = actor.user_id
        keep.append(contact)
    for contact in list(org.contacts):
        if contact not in keep:
            org.contacts.remove(contact)
    session.flush()
    audit.record(
        session, actor, "create" if organisation_id is None else "update", "organisation", org.id
    )
    return org.id


def delete_organisation(session: Session, actor, organisation_id: int) -> None:
    """Removes a partner that no consent refers to; otherwise set it to not active."""
    require_coordinator(actor)
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise NotFoundError("Deze organisatie bestaat niet (meer).")
    used = session.scalar(
        select(func.count()).select_from(Consent).where(Consent.organisation_id == org.id)
    )
    if used:
        raise ValidationError(
            {
                "organisation": f"{org.name} staat in {used} toestemming(en); zet de organisatie "
                "op niet actief in plaats van haar te verwijderen."
            }
        )
    for other in session.scalars(select(Organisation).where(Organisation.rmc_region_id == org.id)):
        other.rmc_region_id = None
    session.delete(org)
    session.flush()
    audit.record(session, actor, "delete", "organisation", organisation_id)


def find_recipient(session: Session, code: str) -> Organisation | None:
    """An organisation by its short code or CBS code (case does not matter)."""
    cleaned = (code or "").strip().upper()
    if not cleaned:
        return None
    return session.scalars(
        select(Organisation).where(
            (func.upper(Organisation.code) == cleaned) | (Organisation.cbs_code == cleaned)
        )
    ).first()


def municipality_of(session: Session, student: Student) -> Organisation | None:
    """The municipality of residence as an organisation, by name (case does not matter)."""
    name = (student.municipality or "").strip()
    if not name:
        return None
    return session.scalars(
        select(Organisation).where(
            Organisation.kind == OrganisationKind.MUNICIPALITY,
            func.lower(Organisation.name).in_([name.lower(), f"gemeente {name}".lower()]),
        )
    ).first()


def default_recipients(session: Session, student: Student) -> list[Organisation]:
    """Who a report goes to by default: the municipality of residence and its RMC region."""
    municipality = municipality_of(session, student)
    if municipality is None:
        return []
    result = [municipality]
    if municipality.rmc_region_id:
        region = session.get(Organisation, municipality.rmc_region_id)
        if region is not None:
            result.append(region)
    return [o for o in result if o.active]


# --- imports ------------------------------------------------------------------------------


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
