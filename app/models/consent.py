"""Partner organisations and the consent to share a student's information with them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked, str_enum


class OrganisationKind(StrEnum):
    MUNICIPALITY = "gemeente"
    RMC = "rmc"
    UWV = "uwv"
    CARE = "zorg"
    EDUCATION = "onderwijs"
    OTHER = "anders"


class Organisation(Base, Tracked):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    kind: Mapped[OrganisationKind] = mapped_column(str_enum(OrganisationKind))
    contact_name: Mapped[str | None] = mapped_column(String(160))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))


class Consent(Base, Tracked):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    scopes: Mapped[str] = mapped_column(String(200))  # comma-separated scope names
    given_by_student: Mapped[bool] = mapped_column(default=False)
    given_by_guardian: Mapped[str | None] = mapped_column(String(160))
    given_on: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(40))
    valid_until: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_by: Mapped[str | None] = mapped_column(String(160))
    note: Mapped[str | None] = mapped_column(Text)
