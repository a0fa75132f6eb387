"""The audit trail: who did what to which record, when. Ids and field names only."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.audit import AuditEntry
from app.models.base import utcnow
from app.services.actor import Actor

GENESIS = "0" * 64
CHAIN_LOCK = 0x4B6F657273  # "Koers": the advisory lock that serialises appends on PostgreSQL


def _entry_hash(
    prev_hash: str,
    at: datetime,
    user_id: int | None,
    action: str,
    entity: str | None,
    entity_id: int | None,
    detail: str | None,
) -> str:
    parts = [prev_hash, at.isoformat(), str(user_id), action, entity or "", str(entity_id)]
    parts.append(detail or "")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str | None = None,
    entity_id: int | None = None,
    detail: str | None = None,
) -> None:
    """Appends one entry, chained to the one before it."""
    if session.get_bind().dialect.name == "postgresql":
        # One appender at a time, until commit: two could otherwise chain to the same entry.
        session.execute(select(func.pg_advisory_xact_lock(CHAIN_LOCK)))
    last = session.scalars(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev_hash = last or GENESIS
    at = utcnow()
    user_id = actor.user_id if actor else None
    session.add(
        AuditEntry(
            at=at,
            user_id=user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
            prev_hash=prev_hash,
            hash=_entry_hash(prev_hash, at, user_id, action, entity, entity_id, detail),
        )
    )


def entries_for(session: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    )
    return list(session.scalars(stmt))


def verify_chain(session: Session) -> int | None:
    """Returns the id of the first entry that breaks the chain, or None when intact."""
    prev_hash = GENESIS
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(5000):
        expected = _entry_hash(
            prev_hash,
            entry.at,
            entry.user_id,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.detail,
        )
        if entry.prev_hash != prev_hash or entry.hash != expected:
            return entry.id
        prev_hash = entry.hash
    return None
