"""Conversations with the student and parents, their participants and agreements."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Tracked, str_enum


class ConversationType(StrEnum):
    ADVIES = "adviesgesprek"
    TRANSITIE_1 = "transitiegesprek_school"
    TRANSITIE_2 = "transitiegesprek_gemeente"
    UITSTROOM = "uitstroomgesprek"
    KEUKENTAFEL = "keukentafelgesprek"
    OTHER = "anders"


class Conversation(Base, Tracked):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ConversationType] = mapped_column(str_enum(ConversationType))
    held_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    place: Mapped[str | None] = mapped_column(String(160))
    agenda: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)
    decisions: Mapped[str | None] = mapped_column(Text)
    share_consent_asked: Mapped[bool] = mapped_column(Boolean, default=False)

    participants: Mapped[list[Participant]] = relationship(cascade="all, delete-orphan")
    agreements: Mapped[list[Agreement]] = relationship(cascade="all, delete-orphan")


class Participant(Base):
    __tablename__ = "conversation_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(160))
    role: Mapped[str] = mapped_column(String(80))
    organisation: Mapped[str | None] = mapped_column(String(160))
    present: Mapped[bool] = mapped_column(Boolean, default=True)


class Agreement(Base, Tracked):
    """An afspraak: who does what before when, tracked to done."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(160))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    due_date: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
