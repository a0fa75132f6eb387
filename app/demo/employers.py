"""The demo school's employer network: generated company names in the region, sectors,
contacts (never real people) and internship places over three school years."""

from __future__ import annotations

import random
from typing import NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.demo.names import LETTERS, PLACES, STREETS
from app.models import ContactRole, Employer, EmployerContact, EmployerPlaces, InternshipType
from app.services.common.actor import Actor

# (kind of business, sector from the default list, what the student does there)
BUSINESSES = [
    ("Hoveniersbedrijf", "Groen en dieren", "Onderhoud van tuinen en plantsoenen."),
    ("Tuincentrum", "Groen en dieren", "Planten verzorgen en de winkel bijvullen."),
    ("Kinderboerderij", "Groen en dieren", "Dieren voeren en stallen uitmesten."),
    ("Supermarkt", "Detailhandel", "Vakken vullen en de kassa leren bedienen."),
    ("Kringloopwinkel", "Detailhandel", "Spullen sorteren, prijzen en in de winkel zetten."),
    ("Bouwbedrijf", "Bouw en infra", "Helpen op de bouwplaats en opruimen."),
    (
        "Installatiebedrijf",
        "Metaal en techniek",
        "Meehelpen met installeren en materiaal klaarzetten.",
    ),
    ("Garage", "Metaal en techniek", "Banden wisselen en auto's wassen."),
    ("Fietsenmaker", "Metaal en techniek", "Fietsen repareren en poetsen."),
    ("Zorgcentrum", "Zorg en welzijn", "Koffieronde, tafels dekken en bewoners begeleiden."),
    ("Hotel", "Horeca", "Kamers schoonmaken en het ontbijt klaarzetten."),
    ("Lunchroom", "Horeca", "Broodjes maken en afwassen."),
    ("Bakkerij", "Voeding", "Deeg afwegen, bakken en inpakken."),
    ("Distributiecentrum", "Logistiek", "Orders verzamelen en pallets inpakken."),
    ("Schoonmaakbedrijf", "Schoonmaak", "Kantoren schoonmaken volgens een vast schema."),
    ("Gemeentewerf", "Overheid", "Groenonderhoud en zwerfafval opruimen."),
    (
        "Facilitair bedrijf",
        "Facilitaire dienstverlening",
        "Post rondbrengen en vergaderzalen klaarzetten.",
    ),
]
NAMES = [
    "Peters",
    "Van Beek",
    "Hermans",
    "Coenen",
    "Janssen",
    "Smeets",
    "Verheijen",
    "Gielen",
    "Hendrikx",
    "Kessels",
    "Willems",
    "Linders",
    "Op de Kamp",
    "Geurts",
]
TRADE_NAMES = [
    "De Maasoever",
    "Het Groene Hart",
    "De Peel",
    "Noorderpoort",
    "De Schakel",
    "Het Anker",
    "Maasduinen",
    "De Horst",
    "Leudal",
    "De Kempen",
]
NOTES = [
    "Social return: afspraak met de gemeente over twee werkplekken per jaar.",
    "Werkt met een jobcoach van het werkbedrijf; vaste contactpersoon bij HR.",
    "Wil graag leerlingen die al een snuffelstage hebben gedaan.",
    "Leerlingen kunnen met de bus komen (halte voor de deur).",
]
SUPERVISOR_FIRST = [
    "Anouk",
    "Bram",
    "Ilse",
    "Kees",
    "Marloes",
    "Ruud",
    "Sandra",
    "Wim",
    "Hanneke",
    "Erik",
    "Yvonne",
    "Mehmet",
    "Nadia",
    "Gert",
]
SUPERVISOR_LAST = [
    "Smeets",
    "Peters",
    "Coenen",
    "Janssen",
    "Hendrikx",
    "Vossen",
    "Gielen",
    "Bakker",
    "Kurt",
    "Aydın",
    "Bouhali",
    "Verstappen",
]


class Network(NamedTuple):
    """The employers the demo made: who supervises, what a student does there, the sector
    and the name of each (the stories pick employers by sector)."""

    ids: list[int]
    supervisor: dict[int, int]
    work: dict[int, str]
    sector: dict[int, str]
    name: dict[int, str]

    def in_sector(self, sector: str) -> list[int]:
        return [eid for eid in self.ids if self.sector[eid] == sector]


def _employers(session: Session, rng: random.Random, actor: Actor, count: int) -> list[dict]:
    rows, seen = [], set()
    while len(rows) < count:
        # Every kind of business once first, so each story's sector has employers.
        kind, sector, work = (
            BUSINESSES[len(rows)] if len(rows) < len(BUSINESSES) else rng.choice(BUSINESSES)
        )
        place, _municipality, pc = rng.choice(PLACES)
        name = f"{kind} {rng.choice(NAMES + TRADE_NAMES)}"
        if (name, place) in seen:
            continue
        seen.add((name, place))
        rows.append(
            {
                "name": name,
                "address": f"{rng.choice(STREETS)} {rng.randint(1, 250)}",
                "postcode": f"{pc} {rng.choice(LETTERS)}{rng.choice(LETTERS)}",
                "city": place,
                "sector": sector,
                "offers_durable_internships": rng.random() < 0.35,
                "banenafspraak_places": rng.choice([0, 0, 0, 1, 1, 2]),
                "notes": rng.choice(NOTES) if rng.random() < 0.3 else None,
                "created_by_id": actor.user_id,
                "_work": work,
            }
        )
    return rows


def generate(
    session: Session, actor: Actor, rng: random.Random, employers: int, this_year: int
) -> Network:
    """Adds `employers` employers with contacts and places."""
    employer_rows = _employers(session, rng, actor, employers)
    work = [row.pop("_work") for row in employer_rows]
    session.execute(insert(Employer), employer_rows)
    employer_ids = list(session.scalars(select(Employer.id).order_by(Employer.id)))[-employers:]
    contacts = []
    for eid in employer_ids:
        contacts.append(_contact(rng, eid, ContactRole.SUPERVISOR, actor))
        if rng.random() < 0.4:
            contacts.append(_contact(rng, eid, ContactRole.HR, actor))
    session.execute(insert(EmployerContact), contacts)
    supervisor = {}
    for cid, eid, role in session.execute(
        select(EmployerContact.id, EmployerContact.employer_id, EmployerContact.role)
    ):
        if role == ContactRole.SUPERVISOR.value:
            supervisor.setdefault(eid, cid)
    places = []
    for eid in employer_ids:
        for year in (this_year - 1, this_year, this_year + 1):
            for kind in rng.sample(list(InternshipType), rng.randint(1, 3)):
                places.append(
                    {
                        "employer_id": eid,
                        "school_year": year,
                        "kind": kind,
                        "places": rng.randint(1, 4),
                        "created_by_id": actor.user_id,
                    }
                )
    session.execute(insert(EmployerPlaces), places)
    return Network(
        employer_ids,
        supervisor,
        dict(zip(employer_ids, work, strict=True)),
        {eid: row["sector"] for eid, row in zip(employer_ids, employer_rows, strict=True)},
        {eid: row["name"] for eid, row in zip(employer_ids, employer_rows, strict=True)},
    )


def _contact(rng: random.Random, employer_id: int, role: ContactRole, actor: Actor) -> dict:
    first, last = rng.choice(SUPERVISOR_FIRST), rng.choice(SUPERVISOR_LAST)
    domain = "voorbeeld.nl"
    return {
        "employer_id": employer_id,
        "name": f"{first} {last}",
        "role": role.value,
        "phone": f"077-{rng.randint(1000000, 9999999)}",
        "email": f"{first[0].lower()}.{last.lower().replace(' ', '')}@{domain}".encode(
            "ascii", "ignore"
        ).decode(),
        "created_by_id": actor.user_id,
    }
