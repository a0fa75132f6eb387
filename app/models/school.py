"""School settings: one row per database."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked


class SchoolSettings(Base, Tracked):
    __tablename__ = "school_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    brin: Mapped[str] = mapped_column(String(6))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # How a receiver of a report reaches the school.
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    # The settings' defaults and meaning live in app/services/common/school_settings.py,
    # which also makes the row of a new school.
    consent_age: Mapped[int] = mapped_column(Integer)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer)
    aftercare_months: Mapped[int] = mapped_column(Integer)
    # The aftercare call moments, in months after leaving (comma-separated).
    aftercare_call_months: Mapped[str] = mapped_column(String(60))
    retention_months: Mapped[int] = mapped_column(Integer)
    # The sector norms the trends area draws against, in percent (NULL: the default).
    norm_placed_percent: Mapped[int | None] = mapped_column(Integer)
    norm_retained_percent: Mapped[int | None] = mapped_column(Integer)
