"""The Denken / Doen / Willen / Zijn profile: items per school method and dated assessments."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Tracked, str_enum


class Factor(StrEnum):
    """The four fixed factors of the 'leerling in beeld' model."""

    DENKEN = "denken"
    DOEN = "doen"
    WILLEN = "willen"
    ZIJN = "zijn"


class ItemScale(StrEnum):
    """What an item's score measures, so each is printed in words that fit it.

    Every scale runs 1..4 from most to least concern, so a higher score is progress on each.
    """

    SKILL = "vaardigheid"  # what the student can do: "Lukt zelfstandig"
    SUPPORT = "steun"  # the support the student needs: "Af en toe steun nodig"
    WISH = "wens"  # what the student wants: "Duidelijk"


class ProfileItem(Base, Tracked):
    """An item the school scores under a factor; retired items stay for old assessments."""

    __tablename__ = "profile_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    factor: Mapped[Factor] = mapped_column(str_enum(Factor))
    label: Mapped[str] = mapped_column(String(120))
    scale: Mapped[ItemScale] = mapped_column(str_enum(ItemScale), default=ItemScale.SKILL)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class ProfileAssessment(Base, Tracked):
    __tablename__ = "profile_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    assessed_on: Mapped[date] = mapped_column(Date)
    student_present: Mapped[bool] = mapped_column(Boolean, default=False)
    parents_present: Mapped[bool] = mapped_column(Boolean, default=False)
    denken_text: Mapped[str | None] = mapped_column(Text)
    doen_text: Mapped[str | None] = mapped_column(Text)
    willen_text: Mapped[str | None] = mapped_column(Text)
    zijn_text: Mapped[str | None] = mapped_column(Text)
    wish_job: Mapped[str | None] = mapped_column(String(200))
    chance_job: Mapped[str | None] = mapped_column(String(200))

    scores: Mapped[list[ProfileScore]] = relationship(cascade="all, delete-orphan")


class ProfileScore(Base):
    __tablename__ = "profile_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("profile_assessments.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("profile_items.id", ondelete="RESTRICT"))
    score: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(300))


class KeyDecision(Base, Tracked):
    """A sleutelbeslissing taken with student, school and preferably the parents."""

    __tablename__ = "key_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    decided_on: Mapped[date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(Text)

    participants: Mapped[list[DecisionParticipant]] = relationship(
        cascade="all, delete-orphan", order_by="DecisionParticipant.id"
    )


class DecisionRole(StrEnum):
    STUDENT = "leerling"
    PARENT = "ouder"
    MENTOR = "mentor"
    CASE_LEAD = "regievoerder"
    OTHER = "anders"


class DecisionParticipant(Base):
    """Who took part in a key decision, and whether that person agreed (None: not said)."""

    __tablename__ = "key_decision_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("key_decisions.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[DecisionRole] = mapped_column(str_enum(DecisionRole))
    name: Mapped[str | None] = mapped_column(String(160))
    agreed: Mapped[bool | None] = mapped_column(Boolean)
