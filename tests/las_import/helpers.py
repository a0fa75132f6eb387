"""Shared bits of the LAS import tests: the official sample and generated files."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.models import AuditEntry, Student, User

SAMPLE = Path("/work/shared/edexml/EDEXML.Voorbeeld.2.1.xml")
LOCAL_SAMPLE = Path(__file__).parent / "data" / "EDEXML.Voorbeeld.2.1.xml"


def sample_bytes() -> bytes:
    return (LOCAL_SAMPLE if LOCAL_SAMPLE.exists() else SAMPLE).read_bytes()


def counts(store) -> tuple[int, int, int]:
    """(students, users, audit entries): a write anywhere changes one of these."""
    with store.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Student)),
            session.scalar(select(func.count()).select_from(User)),
            session.scalar(select(func.count()).select_from(AuditEntry)),
        )


def snapshot(store) -> list[tuple]:
    """Every student's stored values and version, to compare before and after."""
    with store.session() as session:
        rows = session.execute(select(Student).order_by(Student.id)).scalars()
        return [
            tuple(getattr(s, c.key) for c in Student.__table__.columns if c.key != "updated_at")
            for s in rows
        ]
