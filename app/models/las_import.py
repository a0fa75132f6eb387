"""What the LAS import remembers: the column mapping of each CSV source."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked


class CsvMapping(Base, Tracked):
    """One source's CSV layout: which column holds which Koers field (JSON object)."""

    __tablename__ = "csv_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    columns: Mapped[str] = mapped_column(Text, default="{}")
