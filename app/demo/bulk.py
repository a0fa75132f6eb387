"""Bulk helpers the demo generators share: explicit ids and executemany updates, so a
large demo school is a handful of statements rather than one per row."""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session


def bulk_update(session: Session, model, rows: list[dict]) -> None:
    """Core executemany UPDATE by id, one statement per set of columns (demo data only)."""
    table = model.__table__
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(
            {("row_id" if k == "id" else k): v for k, v in row.items()}
        )
    for keys, group in groups.items():
        values = {k: bindparam(k) for k in keys if k != "id"}
        stmt = update(table).where(table.c.id == bindparam("row_id")).values(values)
        session.connection().execute(stmt, group)


def next_id(session: Session, model) -> int:
    return (session.scalar(select(model.id).order_by(model.id.desc()).limit(1)) or 0) + 1
