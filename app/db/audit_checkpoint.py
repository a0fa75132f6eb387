"""Signed checkpoints of the audit trail's end, kept outside the database.

The chain in `audit_log` proves that no row was changed, but not that none was cut off the
end: deleting the last rows (or all of them) leaves a shorter chain that still verifies,
and so does a chain recomputed from zeros. A checkpoint records how many rows there were,
the id of the last one and its hash, signed with HMAC-SHA256, somewhere the database does
not reach:

- an encrypted embedded database: in its key file (so every backup, which carries the key
  file, carries the checkpoint of its moment); signed with a key derived from the database
  key, which only someone who can open the database has;
- plain SQLite and PostgreSQL (no database key): in a file in the user's data folder,
  `controlepunten/<id>.json`, with a random signing secret kept in that same file. On
  PostgreSQL that folder is on the coordinator's PC, not on the server: a DBA or an
  attacker with the server alone can neither see nor forge it. Never in the database.

A checkpoint is only moved forward: `write` refuses to replace one that the table no longer
matches (rows missing, or its last row rewritten), so a cut log is not laundered by the
next close. Nor is a removed checkpoint simply started again: when a kept backup carries
one (or the local file still holds its secret), `missing` says so and `write` waits for the
coordinator (app/services/common/audit_anchor.py reports it).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import clock
from app.core.files import write_atomic
from app.db import keyfile
from app.db.urls import data_dir
from app.models.audit import AuditEntry

if TYPE_CHECKING:
    from app.db.store import Store

log = logging.getLogger(__name__)

FOLDER = "controlepunten"
_LABEL = b"koers audit checkpoint v1"
_CHAIN_LABEL = b"koers audit chain v1"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """The trail's end at one moment: `count` rows, the last one `last_id` with `head`."""

    count: int
    last_id: int
    head: str
    at: str  # ISO 8601, UTC
    mac: str = ""

    def _message(self) -> bytes:
        return f"{self.count}\x1f{self.last_id}\x1f{self.head}\x1f{self.at}".encode()

    def signed(self, secret: bytes) -> Checkpoint:
        mac = hmac.new(secret, self._message(), hashlib.sha256).hexdigest()
        return Checkpoint(self.count, self.last_id, self.head, self.at, mac)

    def valid(self, secret: bytes) -> bool:
        return hmac.compare_digest(self.signed(secret).mac, self.mac)

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.at)


def _from_dict(data: object) -> Checkpoint | None:
    if not isinstance(data, dict):
        return None
    try:
        return Checkpoint(
            int(data["count"]), int(data["last_id"]), str(data["head"]), str(data["at"]),
            str(data.get("mac", "")),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError):
        return None


# --- where a store's checkpoint lives -------------------------------------------------------


def _in_keyfile(store: Store) -> Path | None:
    path = store.sqlite_file
    if store.key is not None and path is not None:
        return keyfile.keyfile_path(path)
    return None


def local_file(store: Store) -> Path:
    """The checkpoint file of a store without a database key (plain SQLite, PostgreSQL)."""
    path = store.sqlite_file
    if path is not None:
        name = "sqlite:" + str(Path(path).resolve())
    else:
        name = store.url.render_as_string(hide_password=True).replace("***", "")
    digest = hashlib.sha256(name.encode()).hexdigest()[:24]
    return data_dir() / FOLDER / f"{digest}.json"


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def signing_secret(store: Store) -> bytes:
    """The checkpoint's HMAC key: derived from the database key, or the local file's own."""
    if _in_keyfile(store) is not None:
        assert store.key is not None
        return hmac.new(store.key, _LABEL, hashlib.sha256).digest()
    secret = _read_json(local_file(store)).get("secret")
    return bytes.fromhex(secret) if isinstance(secret, str) else b""


def chain_key(store: Store) -> bytes | None:
    """The HMAC key of the audit trail's chain: derived from the database key with its own
    label (never stored anywhere), or None where there is no database key (plain SQLite,
    PostgreSQL), whose chain stays plain SHA-256 (app/services/common/audit_chain.py)."""
    if store.key is None:
        return None
    return hmac.new(store.key, _CHAIN_LABEL, hashlib.sha256).digest()


def load(store: Store) -> Checkpoint | None:
    """The last checkpoint of this store, or None when none was written yet."""
    keys = _in_keyfile(store)
    if keys is not None:
        return _from_dict(_read_json(keys).get("audit_checkpoint"))
    return _from_dict(_read_json(local_file(store)).get("checkpoint"))


def kept_in_backups(store: Store) -> list[tuple[Path, Checkpoint]]:
    """The checkpoints the key files of this database's kept backups carry, valid under its
    key (so of this database), newest first. Only the default backup folder beside the
    database is read (app.db.backup.backup_dir: not imported, backup imports this module);
    backups written elsewhere (`backup --out`) are not seen."""
    path = _in_keyfile(store)
    if path is None or store.sqlite_file is None:
        return []
    folder = Path(store.sqlite_file).parent / "backups"
    secret = signing_secret(store)
    found: list[tuple[Path, Checkpoint]] = []
    for keys in folder.glob(f"{Path(store.sqlite_file).stem}.*.bak.keys"):
        checkpoint = _from_dict(_read_json(keys).get("audit_checkpoint"))
        if checkpoint is not None and checkpoint.count > 0 and checkpoint.valid(secret):
            found.append((keys, checkpoint))
    found.sort(key=lambda item: item[1].at, reverse=True)
    return found


@dataclass(frozen=True, slots=True)
class MissingCheckpoint:
    """A store has no checkpoint where one must be: a kept backup of it carries one
    (`backup`, with that checkpoint to compare against), or, without a database key, the
    local file holds its signing secret but not the checkpoint written with it."""

    backup: Path | None = None
    checkpoint: Checkpoint | None = None


def missing(store: Store) -> MissingCheckpoint | None:
    """Why a checkpoint must exist though none is found; None when it is there, or when
    none was ever taken (a new school before its first log-out or backup)."""
    if load(store) is not None:
        return None
    if _in_keyfile(store) is not None:
        kept = kept_in_backups(store)
        return MissingCheckpoint(*kept[0]) if kept else None
    # The secret is written just before the first checkpoint, into the same file.
    if _read_json(local_file(store)).get("secret"):
        return MissingCheckpoint()
    return None


def _save(store: Store, checkpoint: Checkpoint) -> None:
    keys = _in_keyfile(store)
    if keys is not None:
        data = _read_json(keys)
        if not data:
            return  # no readable key file: nothing to add the checkpoint to
        data["audit_checkpoint"] = asdict(checkpoint)
        write_atomic(keys, json.dumps(data, indent=1).encode("utf-8"))
        return
    path = local_file(store)
    data = _read_json(path)
    data["checkpoint"] = asdict(checkpoint)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data, indent=1).encode("utf-8"))


def _ensure_secret(store: Store) -> bytes:
    secret = signing_secret(store)
    if secret:
        return secret
    path = local_file(store)
    data = _read_json(path)
    data["secret"] = secrets.token_hex(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data, indent=1).encode("utf-8"))
    return bytes.fromhex(data["secret"])


# --- taking and comparing -------------------------------------------------------------------


def current(session: Session) -> Checkpoint:
    """The trail's end as it is now (unsigned)."""
    count, last_id = session.execute(
        select(func.count(), func.max(AuditEntry.id)).select_from(AuditEntry)
    ).one()
    head = ""
    if last_id is not None:
        head = session.scalar(select(AuditEntry.hash).where(AuditEntry.id == last_id)) or ""
    # The rows' times come from the app's clock (app.models.base.utcnow); the checkpoint's
    # moment must too, or rows stamped after it would be counted as cut off.
    moment = clock.utcnow().replace(tzinfo=UTC)
    return Checkpoint(count or 0, last_id or 0, head, moment.isoformat())


def still_matches(session: Session, checkpoint: Checkpoint) -> bool:
    """Whether the table still holds everything the checkpoint saw (rows may be added)."""
    if checkpoint.count == 0:
        return True
    head = session.scalar(select(AuditEntry.hash).where(AuditEntry.id == checkpoint.last_id))
    if head != checkpoint.head:
        return False
    upto = session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.id <= checkpoint.last_id)
    )
    return upto == checkpoint.count


def write(store: Store) -> Checkpoint | None:
    """Signs and keeps the trail's current end; None when it was not written.

    Not written on a read-only store, nor when the table no longer matches the last valid
    checkpoint: that checkpoint must stay to show what is missing.
    """
    if store.read_only:
        return None
    with store.session() as session:
        return write_in(session, store)


def write_in(session: Session, store: Store, *, start_over: bool = False) -> Checkpoint | None:
    """`write` inside a session the caller already has open.

    A checkpoint that is missing where one must be (`missing`) is not silently started
    again by the automatic writers (log-out, backups): `audit verify` keeps saying so. Only
    the coordinator's explicit print (`start_over`) starts a new one, and only when the
    trail still holds everything the backup's checkpoint saw.
    """
    if store.read_only:
        return None
    previous = load(store)
    if previous is None:
        lost = missing(store)
        if lost is not None and not start_over:
            log.warning("audit checkpoint missing where one must be: not started again")
            return None
        if lost is not None and lost.checkpoint and not still_matches(session, lost.checkpoint):
            return None
    secret = _ensure_secret(store)
    trusted = previous is not None and previous.valid(secret)
    if trusted and not still_matches(session, previous):
        log.warning("audit checkpoint not moved: the trail no longer matches the last one")
        return None
    now = current(session)
    if trusted and (now.count, now.last_id) == (previous.count, previous.last_id):
        return previous  # nothing new: keep the date the school may have printed
    signed = now.signed(secret)
    _save(store, signed)
    return signed


def write_quietly(store: Store) -> None:
    """`write` at a moment where a failure must not stop the user (closing, backups)."""
    try:
        write(store)
    except Exception:  # a checkpoint is a safeguard, never a blocker
        log.warning("audit checkpoint not written", exc_info=True)
