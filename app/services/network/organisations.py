"""The school's network: municipalities, RMC regions (Doorstroompunt), UWV, care partners, with
their contact persons; the coordinator keeps the list.

A municipality's code is its CBS code (GM + four digits) only when it comes from a CBS table
(`cbs_tables`) or was typed by the coordinator; nothing here invents one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError, ValidationError
from app.core.validation import Problems, email, text
from app.models import Consent, Organisation, OrganisationContact, OrganisationKind
from app.services.common import audit
from app.services.common.permissions import require_coordinator

CBS_CODE = re.compile(r"^GM\d{4}$")
SHORT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$")


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
