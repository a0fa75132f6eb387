"""The school's employer network: employers, their contacts, sectors and places."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Tracked, str_enum
from app.models.internship import InternshipType


class ContactRole(StrEnum):
    SUPERVISOR = "praktijkbegeleider"
    HR = "hr"
    MANAGER = "leidinggevende"
    OTHER = "anders"


class Sector(Base, Tracked):
    """A sector from the school's list: a default set, which the school can extend."""

    __tablename__ = "employer_sectors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class Employer(Base, Tracked):
    __tablename__ = "employers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(80))
    sector: Mapped[str | None] = mapped_column(String(80))
    offers_durable_internships: Mapped[bool] = mapped_column(Boolean, default=False)
    banenafspraak_places: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)
    # A duplicate merged into another employer stays, pointing at the one that was kept,
    # so links made before the merge (exports, audit entries) still resolve.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("employers.id", ondelete="SET NULL")
    )

    contacts: Mapped[list[EmployerContact]] = relationship(cascade="all, delete-orphan")
    places: Mapped[list[EmployerPlaces]] = relationship(cascade="all, delete-orphan")


class EmployerContact(Base, Tracked):
    __tablename__ = "employer_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(160))
    role: Mapped[str | None] = mapped_column(String(80))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))


class EmployerPlaces(Base, Tracked):
    """How many internships of one type an employer offers in one school year."""

    __tablename__ = "employer_places"
    __table_args__ = (UniqueConstraint("employer_id", "school_year", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    # The calendar year the school year starts in: 2026 is 2026-2027.
    school_year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[InternshipType] = mapped_column(str_enum(InternshipType))
    places: Mapped[int] = mapped_column(Integer, default=1)
