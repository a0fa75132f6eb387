"""The employer network: employers with contacts and places, duplicates caught and merged.

The network is an asset of the school, not of one student: everyone who may edit can add
and change employers; merging duplicates and the sector list are the coordinator's.
The history of an employer shows every internship there; a mentor sees the names of
their own students only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from app.core.errors import ConflictError, KoersError, NotFoundError, ValidationError
from app.core.validation import Problems, choice, email, postcode, text
from app.models import (
    ContactRole,
    Employer,
    EmployerContact,
    EmployerPlaces,
    Internship,
    InternshipType,
    Sector,
    Student,
)
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import may_see_student, require_coordinator, require_edit
from app.services.common.rows import flush_or_conflict

CONFLICT_MESSAGE = (
    "Iemand anders heeft deze werkgever opgeslagen nadat u hem opende. Uw wijzigingen zijn "
    "niet opgeslagen. Open de werkgever opnieuw en voer ze nogmaals in."
)
MAX_PLACES = 99


class DuplicateEmployerError(KoersError):
    """An employer with the same name and postcode is already in the network."""

    def __init__(self, matches: list[EmployerRow]) -> None:
        first = matches[0]
        super().__init__(
            f"Werkgever: '{first.name}' ({first.postcode or 'geen postcode'}) staat al in het "
            "netwerk. Open die werkgever, of voeg de twee daarna samen."
        )
        self.matches = matches


@dataclass
class ContactInput:
    name: str = ""
    role: str = ContactRole.SUPERVISOR.value
    phone: str = ""
    email: str = ""
    id: int | None = None


@dataclass
class PlacesInput:
    school_year: int
    kind: str
    places: int | str


@dataclass
class EmployerInput:
    """An employer as typed in the editor: text, checked by `create_employer`/`save_employer`."""

    name: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    sector: str = ""
    offers_durable_internships: bool = False
    banenafspraak_places: int | str = 0
    notes: str = ""
    contacts: list[ContactInput] = field(default_factory=list)
    places: list[PlacesInput] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EmployerRow:
    id: int
    name: str
    postcode: str
    city: str
    sector: str
    offers_durable_internships: bool
    banenafspraak_places: int
    internships: int


@dataclass(frozen=True, slots=True)
class HistoryRow:
    internship_id: int
    student_name: str
    kind: InternshipType
    start_date: date
    end_date: date | None
    status: str
    outcome: str | None


@dataclass(frozen=True)
class EmployerDetail:
    id: int
    version: int
    input: EmployerInput
    contact_names: dict[int, str]
    history: list[HistoryRow]


def normalised_name(name: str) -> str:
    """Name as compared for duplicates: case, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


def _normalised_postcode(value: str | None) -> str:
    return (value or "").replace(" ", "").upper()


def _load(session: Session, employer_id: int) -> Employer:
    employer = session.scalars(
        select(Employer)
        .options(selectinload(Employer.contacts), selectinload(Employer.places))
        .where(Employer.id == employer_id)
    ).first()
    if employer is None:
        raise NotFoundError("Deze werkgever bestaat niet (meer).")
    return employer


def _number(value, label: str, field: str, p: Problems, maximum: int = MAX_PLACES) -> int:
    if value is None or str(value).strip() == "":
        return 0
    try:
        number = int(str(value).strip())
    except ValueError:
        p.add(field, f"{label}: '{value}' is geen geheel getal.")
        return 0
    if not 0 <= number <= maximum:
        p.add(field, f"{label}: kies een aantal van 0 tot en met {maximum}.")
        return 0
    return number


def sectors(session: Session, actor: Actor) -> list[str]:
    """The school's sector list, in its own order."""
    return list(
        session.scalars(
            select(Sector.name)
            .where(Sector.retired.is_(False))
            .order_by(Sector.position, Sector.name)
        )
    )


def add_sector(session: Session, actor: Actor, name: str) -> None:
    """Extends the fixed sector list with one of the school's own."""
    require_coordinator(actor)
    p = Problems()
    cleaned = text(name, "Sector", "sector", p, max_length=80, required=True)
    p.raise_if_any()
    if session.scalar(select(Sector.id).where(func.lower(Sector.name) == cleaned.lower())):
        raise ValidationError({"sector": f"Sector: '{cleaned}' staat al in de lijst."})
    position = (session.scalar(select(func.max(Sector.position))) or 0) + 1
    session.add(Sector(name=cleaned, position=position, created_by_id=actor.user_id))
    audit.record(session, actor, "create", "sector", None)


def _validated(session: Session, data: EmployerInput) -> tuple[dict, list[dict], list[dict]]:
    p = Problems()
    values = {
        "name": text(data.name, "Naam", "name", p, max_length=160, required=True),
        "address": text(data.address, "Adres", "address", p, max_length=200),
        "postcode": postcode(data.postcode, "Postcode", "postcode", p),
        "city": text(data.city, "Plaats", "city", p, max_length=80),
        "sector": text(data.sector, "Sector", "sector", p, max_length=80),
        "offers_durable_internships": bool(data.offers_durable_internships),
        "banenafspraak_places": _number(
            data.banenafspraak_places, "Plaatsen banenafspraak", "banenafspraak_places", p
        ),
        "notes": text(data.notes, "Notities", "notes", p, max_length=4000),
    }
    if values["sector"] and values["sector"] not in sectors(session, None):
        p.add("sector", f"Sector: '{values['sector']}' staat niet in de lijst van de school.")
    contacts = []
    for n, c in enumerate(data.contacts, start=1):
        label = f"Contactpersoon {n}"
        contacts.append(
            {
                "id": c.id,
                "name": text(
                    c.name, f"{label}, naam", f"contact{n}.name", p, max_length=160, required=True
                ),
                "role": (
                    choice(c.role, ContactRole, f"{label}, rol", f"contact{n}.role", p)
                    or ContactRole.SUPERVISOR
                ).value,
                "phone": text(c.phone, f"{label}, telefoon", f"contact{n}.phone", p, max_length=40),
                "email": email(c.email, f"{label}, e-mail", f"contact{n}.email", p),
            }
        )
    places: dict[tuple[int, InternshipType], int] = {}
    for n, row in enumerate(data.places, start=1):
        label = f"Stageplaatsen regel {n}"
        kind = choice(row.kind, InternshipType, f"{label}, soort stage", f"places{n}.kind", p)
        count = _number(row.places, f"{label}, aantal", f"places{n}.places", p)
        if not 2000 <= int(row.school_year) <= 2100:
            p.add(f"places{n}.school_year", f"{label}: schooljaar {row.school_year} kan niet.")
        elif kind is not None:
            places[(int(row.school_year), kind)] = count
    p.raise_if_any()
    place_rows = [{"school_year": y, "kind": k, "places": c} for (y, k), c in places.items()]
    return values, contacts, place_rows


def find_duplicates(
    session: Session, actor: Actor, name: str, postcode_text: str, exclude_id: int | None = None
) -> list[EmployerRow]:
    """Employers with the same name and postcode (spelling of case and spaces aside)."""
    wanted_name = normalised_name(name or "")
    wanted_pc = _normalised_postcode(postcode_text)
    if not wanted_name:
        return []
    candidates = session.scalars(
        select(Employer).where(
            Employer.merged_into_id.is_(None),
            func.replace(func.upper(func.coalesce(Employer.postcode, "")), " ", "") == wanted_pc,
        )
    )
    ids = [
        e.id for e in candidates if e.id != exclude_id and normalised_name(e.name) == wanted_name
    ]
    return [r for r in list_employers(session, actor) if r.id in ids]


def list_employers(session: Session, actor: Actor) -> list[EmployerRow]:
    """The network, without the duplicates merged away; with the number of internships."""
    counts = (
        select(Internship.employer_id, func.count().label("n"))
        .group_by(Internship.employer_id)
        .subquery()
    )
    stmt = (
        select(Employer, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.employer_id == Employer.id)
        .where(Employer.merged_into_id.is_(None))
        .order_by(Employer.name)
    )
    return [
        EmployerRow(
            e.id,
            e.name,
            e.postcode or "",
            e.city or "",
            e.sector or "",
            e.offers_durable_internships,
            e.banenafspraak_places or 0,
            n,
        )
        for e, n in session.execute(stmt)
    ]


def _history(session: Session, actor: Actor, employer_id: int) -> list[HistoryRow]:
    stmt = (
        select(Internship, Student)
        .join(Student, Student.id == Internship.student_id)
        .where(Internship.employer_id == employer_id)
        .order_by(Internship.start_date.desc())
    )
    return [
        HistoryRow(
            i.id,
            s.full_name if may_see_student(actor, s) else "(leerling van een andere mentor)",
            i.kind,
            i.start_date,
            i.end_date,
            i.status.value,
            i.outcome,
        )
        for i, s in session.execute(stmt)
    ]


def open_employer(session: Session, actor: Actor, employer_id: int) -> EmployerDetail:
    """An employer with contacts, places and the history of internships there."""
    e = _load(session, employer_id)
    data = EmployerInput(
        name=e.name,
        address=e.address or "",
        postcode=e.postcode or "",
        city=e.city or "",
        sector=e.sector or "",
        offers_durable_internships=e.offers_durable_internships,
        banenafspraak_places=e.banenafspraak_places or 0,
        notes=e.notes or "",
        contacts=[
            ContactInput(c.name, c.role or "", c.phone or "", c.email or "", c.id)
            for c in e.contacts
        ],
        places=[
            PlacesInput(p.school_year, p.kind.value, p.places)
            for p in sorted(e.places, key=lambda p: (p.school_year, p.kind.value))
        ],
    )
    history = _history(session, actor, e.id)
    audit.record(session, actor, "view", "employer", e.id)
    return EmployerDetail(e.id, e.version, data, {c.id: c.name for c in e.contacts}, history)


def _apply_children(employer: Employer, contacts: list[dict], places: list[dict]) -> None:
    existing = {c.id: c for c in employer.contacts}
    kept = []
    for values in contacts:
        contact = existing.get(values.pop("id"))
        if contact is None:
            contact = EmployerContact(**values)
        else:
            for key, value in values.items():
                setattr(contact, key, value)
        kept.append(contact)
    employer.contacts = kept
    by_key = {(p.school_year, p.kind): p for p in employer.places}
    rows = []
    for values in places:
        row = by_key.get((values["school_year"], values["kind"]))
        if row is None:
            row = EmployerPlaces(**values)
        else:
            row.places = values["places"]
        rows.append(row)
    employer.places = rows


def create_employer(
    session: Session, actor: Actor, data: EmployerInput, *, allow_duplicate: bool = False
) -> int:
    """Adds an employer; one with the same name and postcode is refused unless allowed."""
    require_edit(actor)
    values, contacts, places = _validated(session, data)
    if not allow_duplicate:
        matches = find_duplicates(session, actor, values["name"], values["postcode"] or "")
        if matches:
            raise DuplicateEmployerError(matches)
    employer = Employer(**values, created_by_id=actor.user_id, updated_by_id=actor.user_id)
    _apply_children(employer, contacts, places)
    session.add(employer)
    session.flush()
    audit.record(session, actor, "create", "employer", employer.id)
    return employer.id


def save_employer(
    session: Session, actor: Actor, employer_id: int, expected_version: int, data: EmployerInput
) -> int:
    """Saves an employer read at `expected_version`; returns the new version."""
    require_edit(actor)
    employer = _load(session, employer_id)
    if employer.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)
    values, contacts, places = _validated(session, data)
    for key, value in values.items():
        setattr(employer, key, value)
    _apply_children(employer, contacts, places)
    employer.updated_by_id = actor.user_id
    employer.updated_at = utcnow()
    flush_or_conflict(session, CONFLICT_MESSAGE)
    audit.record(session, actor, "update", "employer", employer.id)
    return employer.version


def delete_employer(session: Session, actor: Actor, employer_id: int) -> None:
    """Removes an employer that never had an internship; history is never deleted."""
    require_coordinator(actor)
    employer = _load(session, employer_id)
    if session.scalar(select(func.count()).where(Internship.employer_id == employer.id)):
        raise ValidationError(
            {
                "employer": "Bij deze werkgever zijn stages geweest; verwijderen zou die "
                "geschiedenis wissen. Voeg hem samen met een andere werkgever als het een "
                "dubbele is."
            }
        )
    session.delete(employer)
    audit.record(session, actor, "delete", "employer", employer_id)


def merge_employers(session: Session, actor: Actor, keep_id: int, duplicate_id: int) -> None:
    """Folds a duplicate into the employer kept: internships, contacts, places and notes move
    over, empty fields are filled, and the duplicate points at the one kept."""
    require_coordinator(actor)
    if keep_id == duplicate_id:
        raise ValidationError({"employer": "Kies twee verschillende werkgevers."})
    keep, dup = _load(session, keep_id), _load(session, duplicate_id)
    if keep.merged_into_id or dup.merged_into_id:
        raise ValidationError({"employer": "Deze werkgever is al samengevoegd."})
    session.execute(
        update(Internship).where(Internship.employer_id == dup.id).values(employer_id=keep.id)
    )
    for contact in list(dup.contacts):
        dup.contacts.remove(contact)
        keep.contacts.append(contact)
    mine = {(p.school_year, p.kind): p for p in keep.places}
    for row in list(dup.places):
        dup.places.remove(row)
        if (row.school_year, row.kind) in mine:
            mine[(row.school_year, row.kind)].places += row.places
        else:
            keep.places.append(
                EmployerPlaces(school_year=row.school_year, kind=row.kind, places=row.places)
            )
    for name in ("address", "postcode", "city", "sector"):
        if not getattr(keep, name) and getattr(dup, name):
            setattr(keep, name, getattr(dup, name))
    if dup.notes:
        keep.notes = f"{keep.notes}\n\n{dup.notes}" if keep.notes else dup.notes
    keep.offers_durable_internships = (
        keep.offers_durable_internships or dup.offers_durable_internships
    )
    keep.banenafspraak_places = max(keep.banenafspraak_places or 0, dup.banenafspraak_places or 0)
    keep.updated_by_id = dup.updated_by_id = actor.user_id
    dup.merged_into_id = keep.id
    session.flush()
    audit.record(session, actor, "update", "employer", keep.id, f"samengevoegd:{dup.id}")
    audit.record(session, actor, "update", "employer", dup.id, f"samengevoegd_in:{keep.id}")


@dataclass(frozen=True, slots=True)
class EmployerChoice:
    """An employer as offered in the internship dialog, with its contacts."""

    id: int
    name: str
    city: str
    contacts: tuple[tuple[int, str, str], ...]  # id, name, role

    @property
    def label(self) -> str:
        return f"{self.name} ({self.city})" if self.city else self.name


def employer_choices(session: Session, actor: Actor) -> list[EmployerChoice]:
    """Every employer that can take an internship, with contacts, in two queries."""
    contacts: dict[int, list[tuple[int, str, str]]] = {}
    for c in session.scalars(select(EmployerContact).order_by(EmployerContact.name)):
        contacts.setdefault(c.employer_id, []).append((c.id, c.name, c.role or ""))
    stmt = select(Employer).where(Employer.merged_into_id.is_(None)).order_by(Employer.name)
    return [
        EmployerChoice(e.id, e.name, e.city or "", tuple(contacts.get(e.id, ())))
        for e in session.scalars(stmt)
    ]
