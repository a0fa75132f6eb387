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
    # The AVG lets a 16-year-old consent; schools may choose a higher age.
    consent_age: Mapped[int] = mapped_column(Integer, default=16)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=5)
    aftercare_months: Mapped[int] = mapped_column(Integer, default=24)
    # The aftercare call moments, in months after leaving (comma-separated).
    aftercare_call_months: Mapped[str] = mapped_column(String(60), default="1,3,6,12,18,24")
    # Months a file is kept after aftercare ended (Dutch practice: two years).
    retention_months: Mapped[int] = mapped_column(Integer, default=24)
