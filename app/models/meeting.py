"""The outflow meeting (uitstroomoverleg / actietafel) with partners."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Tracked, str_enum


class ListKind(StrEnum):
    ACTIVE = "actief"
    FOLLOW = "volglijst"
    ARCHIVED = "gearchiveerd"


class OutflowMeeting(Base, Tracked):
    __tablename__ = "outflow_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(160))
    minutes: Mapped[str | None] = mapped_column(Text)
    bottlenecks: Mapped[str | None] = mapped_column(Text)

    items: Mapped[list[AgendaItem]] = relationship(cascade="all, delete-orphan")


class AgendaItem(Base, Tracked):
    __tablename__ = "meeting_agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("outflow_meetings.id", ondelete="CASCADE"), index=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str | None] = mapped_column(Text)
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    list_kind: Mapped[ListKind] = mapped_column(str_enum(ListKind), default=ListKind.ACTIVE)
    registered_on: Mapped[date | None] = mapped_column(Date)

    actions: Mapped[list[MeetingAction]] = relationship(cascade="all, delete-orphan")


class MeetingAction(Base, Tracked):
    __tablename__ = "meeting_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_agenda_items.id", ondelete="CASCADE"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(160))
    due_date: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
