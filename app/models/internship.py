"""Internships (stages), their evaluations and the work competencies they are scored on."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
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


class InternshipOutcome(StrEnum):
    """How an internship ended, as far as the path out of school is concerned."""

    CONTRACT_OFFERED = "contract_aangeboden"
    INTENTION_TO_CONTRACT = "intentie_contract"
    FOLLOW_UP_INTERNSHIP = "vervolgstage"
    POSITIVE = "positief_afgerond"
    NOT_SUITABLE = "past_niet"
    NONE = "geen_vervolg"


class Evaluator(StrEnum):
    SCHOOL = "school"
    SUPERVISOR = "praktijkbegeleider"
    TOGETHER = "samen"


class Internship(Base, Tracked):
    __tablename__ = "internships"
    # The planner asks "which internships run in this period" for a school year over ten
    # years of history: the period columns together answer it from the index alone.
    __table_args__ = (
        Index("ix_internships_period", "start_date", "end_date", "broken_off_on", "student_id"),
    )

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
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    # Working days as short Dutch names, comma-separated in week order: "ma,di,do".
    days: Mapped[str | None] = mapped_column(String(40))
    hours_per_week: Mapped[int | None] = mapped_column(Integer)
    learning_goals: Mapped[str | None] = mapped_column(Text)
    status: Mapped[InternshipStatus] = mapped_column(
        str_enum(InternshipStatus), default=InternshipStatus.PLANNED
    )
    broken_off_reason: Mapped[str | None] = mapped_column(String(300))
    broken_off_on: Mapped[date | None] = mapped_column(Date)
    # An InternshipOutcome value; older rows may hold free text.
    outcome: Mapped[str | None] = mapped_column(String(200))
    outcome_note: Mapped[str | None] = mapped_column(String(300))

    evaluations: Mapped[list[InternshipEvaluation]] = relationship(
        cascade="all, delete-orphan", order_by="InternshipEvaluation.evaluated_on"
    )


class WorkCompetency(Base, Tracked):
    """A work competency evaluations score (the Doen factor); retired ones stay for old scores."""

    __tablename__ = "work_competencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class InternshipEvaluation(Base, Tracked):
    __tablename__ = "internship_evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    internship_id: Mapped[int] = mapped_column(
        ForeignKey("internships.id", ondelete="CASCADE"), index=True
    )
    evaluated_on: Mapped[date] = mapped_column(Date)
    is_final: Mapped[bool] = mapped_column(default=False)
    evaluator: Mapped[Evaluator] = mapped_column(str_enum(Evaluator), default=Evaluator.TOGETHER)
    supervisor_comment: Mapped[str | None] = mapped_column(Text)
    school_comment: Mapped[str | None] = mapped_column(Text)

    scores: Mapped[list[CompetencyScore]] = relationship(cascade="all, delete-orphan")


class CompetencyScore(Base):
    """One competency's score in one evaluation: 1 (needs much support) to 4 (independent)."""

    __tablename__ = "internship_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("internship_evaluations.id", ondelete="CASCADE"), index=True
    )
    competency_id: Mapped[int] = mapped_column(
        ForeignKey("work_competencies.id", ondelete="RESTRICT"), index=True
    )
    score: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(300))
