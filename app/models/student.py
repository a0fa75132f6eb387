"""A student of the outflow cohort, with guardians and other contacts."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Tracked, str_enum


class SchoolType(StrEnum):
    VSO = "vso"
    PRO = "pro"
    ENTREE = "entree"


class OutflowProfile(StrEnum):
    ARBEIDSMARKT = "arbeidsmarktgericht"
    DAGBESTEDING = "dagbesteding"
    VERVOLGONDERWIJS = "vervolgonderwijs"


class Sex(StrEnum):
    MALE = "m"
    FEMALE = "v"
    OTHER = "x"


class LegalRepresentation(StrEnum):
    """An adult under guardianship needs the representative's consent too."""

    NONE = "geen"
    CURATELE = "curatele"
    MENTORSCHAP = "mentorschap"


class Student(Base, Tracked):
    __tablename__ = "students"
    __table_args__ = (
        Index("ix_students_surname", "surname"),
        # The cohort's first page and count (migration 0016, issue 19).
        Index("ix_students_cohort_order", "archived", "surname", "first_name", "id"),
        # A LAS student number is the school's own: two schools sharing a database may use
        # the same one (0019). Students of no school (a school's own database) count as one
        # school: NULLs would otherwise never clash.
        Index(
            "uq_students_school_las_key",
            text("coalesce(school_id, 0)"),
            "las_key",
            unique=True,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    las_key: Mapped[str | None] = mapped_column(String(40))
    # The school in a database several schools share; None in a school's own database.
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    prefix: Mapped[str | None] = mapped_column(String(20))
    surname: Mapped[str] = mapped_column(String(120))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[Sex | None] = mapped_column(str_enum(Sex))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(80))
    municipality: Mapped[str | None] = mapped_column(String(80))
    school_type: Mapped[SchoolType] = mapped_column(str_enum(SchoolType), default=SchoolType.VSO)
    outflow_profile: Mapped[OutflowProfile | None] = mapped_column(str_enum(OutflowProfile))
    class_name: Mapped[str | None] = mapped_column(String(20))
    mentor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    enrolment_date: Mapped[date | None] = mapped_column(Date)
    planned_outflow_date: Mapped[date | None] = mapped_column(Date, index=True)
    actual_outflow_date: Mapped[date | None] = mapped_column(Date)
    legal_representation: Mapped[LegalRepresentation] = mapped_column(
        str_enum(LegalRepresentation), default=LegalRepresentation.NONE
    )
    notes: Mapped[str | None] = mapped_column(Text)
    # From the LAS import (issue 6): identity numbers, the LAS's own grouping, and which
    # values the last import could not take (comma-separated field codes, see las_import).
    bsn: Mapped[str | None] = mapped_column(String(9))
    onderwijsnummer: Mapped[str | None] = mapped_column(String(9))
    id_last4: Mapped[str | None] = mapped_column(String(4))
    jaargroep: Mapped[str | None] = mapped_column(String(2))
    las_group: Mapped[str | None] = mapped_column(String(64))
    location: Mapped[str | None] = mapped_column(String(64))
    las_missing: Mapped[str | None] = mapped_column(String(200))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    guardians: Mapped[list[Guardian]] = relationship(
        back_populates="student", cascade="all, delete-orphan", order_by="Guardian.id"
    )

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.prefix, self.surname) if p)


class GuardianRelation(StrEnum):
    MOTHER = "moeder"
    FATHER = "vader"
    PARENT = "ouder"
    GUARDIAN = "voogd"
    CURATOR = "curator"
    MENTOR_LEGAL = "mentor (wettelijk)"
    FOSTER = "pleegouder"
    OTHER = "anders"


class Guardian(Base, Tracked):
    """A parent, guardian, legal representative or other trusted contact."""

    __tablename__ = "guardians"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(160))
    relation: Mapped[GuardianRelation] = mapped_column(
        str_enum(GuardianRelation), default=GuardianRelation.PARENT
    )
    has_authority: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    needs_interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str | None] = mapped_column(String(40))

    student: Mapped[Student] = relationship(back_populates="guardians")
