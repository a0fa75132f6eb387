"""The employer network as lists: the rows of the network table and the choices offered
in the internship dialog."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Employer, EmployerContact, Internship
from app.services.common.actor import Actor


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
