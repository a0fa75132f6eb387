"""Two years of aftercare: the planned calls and what each call found."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked, str_enum


class Still(StrEnum):
    SAME = "zelfde"
    CHANGED = "veranderd"
    DROPPED_OUT = "uitgevallen"
    UNKNOWN = "onbekend"


class AftercareCall(Base, Tracked):
    """One planned call; `made_on` is set once the call is logged."""

    __tablename__ = "aftercare_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    mentor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[date] = mapped_column(Date, index=True)
    months_after_outflow: Mapped[int | None] = mapped_column()
    made_on: Mapped[date | None] = mapped_column(Date)
    reached: Mapped[bool | None] = mapped_column(Boolean)
    channel: Mapped[str | None] = mapped_column(String(40))
    still_at_destination: Mapped[Still | None] = mapped_column(str_enum(Still))
    signals: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str | None] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)
