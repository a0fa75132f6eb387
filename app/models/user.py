"""Accounts of the people who use Koers."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked, str_enum


class Role(StrEnum):
    COORDINATOR = "coordinator"
    MENTOR = "mentor"
    READ_ONLY = "read_only"
    # The school board ("bestuur"): counts across its schools, no names, no files.
    BOARD = "board"


class User(Base, Tracked):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(str_enum(Role), default=Role.MENTOR)
    # None for staff imported from the LAS who have not been activated yet.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    # The staff key (`leerkracht/@key`) of a mentor imported from the LAS.
    las_key: Mapped[str | None] = mapped_column(String(256), unique=True)
