"""Internships (stages) and their evaluations."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Tracked, str_enum


class InternshipType(StrEnum):
    SNUFFEL = "snuffelstage"
    BLOK = "blokstage"
    LINT = "lintstage"
    TRANSITIE = "transitiestage"


class InternshipStatus(StrEnum):
    PLANNED = "gepland"
    RUNNING = "loopt"
    COMPLETED = "afgerond"
    BROKEN_OFF = "afgebroken"


class Internship(Base, Tracked):
    __tablename__ = "internships"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="RESTRICT"), index=True
    )
    supervisor_id: Mapped[int | None] = mapped_column(
        ForeignKey("employer_contacts.id", ondelete="SET NULL")
    )
    kind: Mapped[InternshipType] = mapped_column(str_enum(InternshipType))
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    days: Mapped[str | None] = mapped_column(String(40))
    hours_per_week: Mapped[int | None] = mapped_column(Integer)
    learning_goals: Mapped[str | None] = mapped_column(Text)
    status: Mapped[InternshipStatus] = mapped_column(
        str_enum(InternshipStatus), default=InternshipStatus.PLANNED
    )
    broken_off_reason: Mapped[str | None] = mapped_column(String(300))
    outcome: Mapped[str | None] = mapped_column(String(200))

    evaluations: Mapped[list[InternshipEvaluation]] = relationship(cascade="all, delete-orphan")


class InternshipEvaluation(Base, Tracked):
    __tablename__ = "internship_evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    internship_id: Mapped[int] = mapped_column(
        ForeignKey("internships.id", ondelete="CASCADE"), index=True
    )
    evaluated_on: Mapped[date] = mapped_column(Date)
    is_final: Mapped[bool] = mapped_column(default=False)
    scores: Mapped[str | None] = mapped_column(Text)  # JSON: competency -> score
    supervisor_comment: Mapped[str | None] = mapped_column(Text)
    school_comment: Mapped[str | None] = mapped_column(Text)
