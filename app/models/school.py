"""School settings: one row per database; the schools of a shared region database."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String
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


class School(Base):
    """A school (or one of its locations) in a database that several schools share.

    A school's own database has none: its students carry no school and every user sees
    them. In a shared database each student belongs to one school, each user to one or
    more (`SchoolMember`), and on PostgreSQL the server keeps a user to the rows of those
    schools (row-level security, migration 0017). A coordinator sets the memberships of his
    or her own schools (app/services/admin/memberships.py, 0019).
    """

    __tablename__ = "schools"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    brin: Mapped[str] = mapped_column(String(6))
    # The location ("vestiging") within the BRIN, "00" for the main one.
    location: Mapped[str] = mapped_column(String(2), default="00")


class SchoolMember(Base):
    """A user works for a school. A user with no membership is bound to no school."""

    __tablename__ = "school_members"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    school_id: Mapped[int] = mapped_column(
        ForeignKey("schools.id", ondelete="CASCADE"), primary_key=True
    )
