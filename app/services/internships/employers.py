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

from sqlalchemy import func, select
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
    Student,
)
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import (
    may_see_student,
    require_coordinator,
    require_edit,
    school_filter,
)
from app.services.common.rows import flush_or_conflict
from app.services.internships.employer_lists import EmployerRow, list_employers
from app.services.internships.sectors import sectors

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


def load_employer(session: Session, employer_id: int) -> Employer:
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


def _history(session: Session, actor: Actor, employer_id: int) -> list[HistoryRow]:
    stmt = (
        select(Internship, Student)
        .join(Student, Student.id == Internship.student_id)
        .where(Internship.employer_id == employer_id)
        .order_by(Internship.start_date.desc())
    )
    # The employers are the region's; the students in their history only the own schools'.
    schools = school_filter(actor)
    stmt = stmt if schools is None else stmt.where(schools)
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
    e = load_employer(session, employer_id)
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
    employer = load_employer(session, employer_id)
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
    employer = load_employer(session, employer_id)
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
