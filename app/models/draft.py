"""Unsaved work kept when the window locks and another user logs in: nothing typed is lost."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class Draft(Base):
    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int | None] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    # The form's contents as JSON; kept in the (encrypted) database, never in a plain file.
    payload: Mapped[str] = mapped_column(Text)
    base_version: Mapped[int | None] = mapped_column()
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
