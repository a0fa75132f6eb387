"""The audit trail's hash chain: how each row is linked to the one before it.

Each row carries `prev_hash` (the hash of the row before it) and its own `hash` over that and
its fields. Where there is a database key (the encrypted embedded store) the hash is an
HMAC-SHA256 with a key derived from it (`app.db.audit_checkpoint.chain_key`, never stored):
someone who deletes or changes rows cannot recompute the chain without that key. Without a
database key (PostgreSQL, whose grants keep the app's role from changing the table; a plain
SQLite file, which Koers encrypts at the first log-in) the hash is plain SHA-256 and the
signed checkpoint outside the database is what shows a rewrite.

Rows written before this scheme stay as they were. On a keyed store the first append after
them writes a marker row (`MARKER`): rows before the first marker are verified with plain
SHA-256, the marker and every row after it with the key. A plain row after the marker is a
break, so the chain cannot be "downgraded" row by row; removing the marker and everything
after it is a cut off the end, which the checkpoint names.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import audit_checkpoint
from app.models.audit import AuditEntry

GENESIS = "0" * 64
MARKER = "audit_chain_keyed"
MARKER_DETAIL = "hmac-sha256"


def entry_hash(
    prev_hash: str,
    at: datetime,
    user_id: int | None,
    action: str,
    entity: str | None,
    entity_id: int | None,
    detail: str | None,
    key: bytes | None = None,
) -> str:
    """One row's hash: HMAC-SHA256 with `key`, plain SHA-256 without."""
    parts = [prev_hash, at.isoformat(), str(user_id), action, entity or "", str(entity_id)]
    parts.append(detail or "")
    message = "\x1f".join(parts).encode()
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def chain_key(session: Session) -> bytes | None:
    """The chain's key for the store this session belongs to (None: a plain chain)."""
    store = session.info.get("store")
    return audit_checkpoint.chain_key(store) if store is not None else None


@dataclass(frozen=True, slots=True)
class ChainEnd:
    """Where the next row links on: the last id, its hash, and whether the keyed chain
    must be started first with a marker row."""

    last_id: int | None
    head: str
    needs_marker: bool


def chain_end(session: Session, key: bytes | None) -> ChainEnd:
    """The end of the chain; on a keyed store, whether its last row is already keyed.

    Told from the last row itself (one HMAC), so no state is kept between sessions: a trail
    that ends in a plain row (older rows, or an empty table) gets the marker first.
    """
    table = AuditEntry.__table__
    last = session.execute(select(table).order_by(table.c.id.desc()).limit(1)).first()
    if last is None:
        return ChainEnd(None, GENESIS, key is not None)
    keyed = key is not None and hmac.compare_digest(_row_hash(last, last.prev_hash, key), last.hash)
    return ChainEnd(last.id, last.hash, key is not None and not keyed)


def marker_row(prev_hash: str, at: datetime, user_id: int | None, key: bytes) -> dict:
    """The row that starts the keyed chain (itself keyed)."""
    digest = entry_hash(prev_hash, at, user_id, MARKER, None, None, MARKER_DETAIL, key)
    return {
        "at": at,
        "user_id": user_id,
        "action": MARKER,
        "entity": None,
        "entity_id": None,
        "detail": MARKER_DETAIL,
        "prev_hash": prev_hash,
        "hash": digest,
    }


def _row_hash(row, prev_hash: str, key: bytes | None) -> str:
    return entry_hash(
        prev_hash, row.at, row.user_id, row.action, row.entity, row.entity_id, row.detail, key
    )


def verify_chain(session: Session) -> int | None:
    """Returns the id of the first entry that breaks the chain, or None when intact.

    Rows before the first marker are plain SHA-256; the marker and every later row must
    carry the HMAC of this database's key. A marker on a store without a key cannot be
    checked and counts as the break.
    """
    key = chain_key(session)
    keyed = False
    prev_hash = GENESIS
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(5000):
        if not keyed and entry.action == MARKER:
            if key is None:
                return entry.id
            keyed = True
        expected = _row_hash(entry, prev_hash, key if keyed else None)
        if entry.prev_hash != prev_hash or not hmac.compare_digest(entry.hash, expected):
            return entry.id
        prev_hash = entry.hash
    return None
