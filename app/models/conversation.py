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


class ConversationStatus(StrEnum):
    """A planned conversation has a date ahead; a held one has a report."""

    PLANNED = "gepland"
    HELD = "gehouden"


class ParticipantRole(StrEnum):
    STUDENT = "leerling"
    PARENT = "ouder"  # parent, guardian or another trusted person
    MENTOR = "mentor"
    COORDINATOR = "coordinator"
    RMC = "rmc"
    WORK_MATCHER = "werkmatcher"
    JOB_COACH = "jobcoach"
    INTERPRETER = "tolk"
    NEIGHBOURHOOD_TEAM = "wijkteam"
    OTHER = "anders"


class ConsentAnswer(StrEnum):
    """The answer to "may this report be shared with ...?", asked at the conversation."""

    YES = "ja"
    NO = "nee"
    LATER = "later"  # the family wants to think about it first


class Conversation(Base, Tracked):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ConversationType] = mapped_column(str_enum(ConversationType))
    status: Mapped[ConversationStatus] = mapped_column(
        str_enum(ConversationStatus), default=ConversationStatus.HELD
    )
    # When it was held or is planned; a time of 00:00 means "no time given".
    held_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    place: Mapped[str | None] = mapped_column(String(160))
    agenda: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)
    decisions: Mapped[str | None] = mapped_column(Text)
    # The conversation this one follows up; the report's "next conversation" is its reverse.
    follow_up_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), index=True
    )
    # The school's contact person for the family, printed on the parent report.
    contact_name: Mapped[str | None] = mapped_column(String(160))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    # The consent question, asked at the conversation. The consent area turns a "ja" into a
    # consent record; here it is only what was answered, by whom.
    share_consent_asked: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_municipality: Mapped[ConsentAnswer | None] = mapped_column(str_enum(ConsentAnswer))
    consent_rmc: Mapped[ConsentAnswer | None] = mapped_column(str_enum(ConsentAnswer))
    consent_answered_by: Mapped[str | None] = mapped_column(String(160))

    participants: Mapped[list[Participant]] = relationship(
        cascade="all, delete-orphan", order_by="Participant.id"
    )
    agreements: Mapped[list[Agreement]] = relationship(
        cascade="all, delete-orphan", order_by="Agreement.id"
    )


class Participant(Base):
    __tablename__ = "conversation_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(160))
    role: Mapped[ParticipantRole] = mapped_column(str_enum(ParticipantRole))
    organisation: Mapped[str | None] = mapped_column(String(160))
    # False: invited but not there.
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
    # The Koers user who follows it up: it appears in their "Mijn afspraken".
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
