"""The audit trail: who did what to which record, when. Ids and field names only."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import audit_checkpoint
from app.db.store import after_commit
from app.models.audit import AuditEntry
from app.models.base import Base, utcnow
from app.models.user import User
from app.services.common import audit_anchor
from app.services.common.actor import Actor
from app.services.common.audit_chain import (
    GENESIS as GENESIS,  # re-exported: the bench and tests chain onto the trail
)
from app.services.common.audit_chain import (
    chain_end,
    chain_key,
    entry_hash,
    marker_row,
    verify_chain,
)
from app.services.common.audit_labels import (
    ACTION_LABELS,
    action_label,
    detail_label,
    entity_label,
)
from app.services.common.permissions import require_current_coordinator
from app.services.common.rows import find_student

log = logging.getLogger(__name__)

# A signed checkpoint of the trail's end is kept outside the database (app/db/
# audit_checkpoint.py) at safe moments: log-out and closing, every backup (so daily), and
# after every CHECKPOINT_EVERY entries, so cutting rows off the end shows.
CHECKPOINT_EVERY = 500
CHECKPOINT_ACTIONS = frozenset({"logout"})
_CHECKPOINT_QUEUED = "audit_checkpoint_queued"
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
    """The plain SHA-256 link (PostgreSQL, plain SQLite, rows before the keyed chain)."""
    return entry_hash(prev_hash, at, user_id, action, entity, entity_id, detail)


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str | None = None,
    entity_id: int | None = None,
    detail: str | None = None,
) -> None:
    """Appends one entry, chained to the one before it.

    On a damaged database opened read-only nothing can be written; reading it (to restore
    what can be saved) is then not in the trail, and the log says so without any names.
    """
    store = session.info.get("store")
    if store is not None and store.read_only:
        log.warning("audit entry %s not written: database is read-only", action)
        return
    record_many(session, actor, [(action, entity, entity_id, detail)])


def record_many(
    session: Session,
    actor: Actor | None,
    entries: list[tuple[str, str | None, int | None, str | None]],
) -> None:
    """Appends many entries (action, entity, id, detail) at once, chained in order: one
    read of the chain's end instead of one per entry (the LAS import of 3,000 students).

    On an encrypted store whose trail does not yet end in a keyed row, the marker that
    starts the keyed chain goes first (app/services/common/audit_chain.py).
    """
    if not entries:
        return
    store = session.info.get("store")
    if store is not None and store.read_only:
        log.warning("%d audit entries not written: database is read-only", len(entries))
        return
    if session.get_bind().dialect.name == "postgresql":
        # One appender at a time, until commit: two could otherwise chain to the same entry.
        session.execute(select(func.pg_advisory_xact_lock(CHAIN_LOCK)))
    session.flush()
    key = chain_key(session)
    end = chain_end(session, key)
    prev_hash = end.head
    at = utcnow()
    user_id = actor.user_id if actor else None
    rows = []
    if end.needs_marker:
        assert key is not None
        rows.append(marker_row(prev_hash, at, user_id, key))
        prev_hash = rows[0]["hash"]
    first_id = (end.last_id or 0) + 1
    last_id = first_id + len(rows) + len(entries) - 1
    if (
        end.needs_marker  # anchor the keyed chain's start at once
        or any(action in CHECKPOINT_ACTIONS for action, *_ in entries)
        or (first_id - 1) // CHECKPOINT_EVERY != last_id // CHECKPOINT_EVERY
    ):
        _checkpoint_after_commit(session)
    for action, entity, entity_id, detail in entries:
        digest = entry_hash(prev_hash, at, user_id, action, entity, entity_id, detail, key)
        rows.append(
            {
                "at": at,
                "user_id": user_id,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": detail,
                "prev_hash": prev_hash,
                "hash": digest,
            }
        )
        prev_hash = digest
    # Executed in order, so the ids follow the chain (it is verified in id order).
    session.connection().execute(AuditEntry.__table__.insert(), rows)


def _checkpoint_after_commit(session: Session) -> None:
    """Queues one checkpoint for after this transaction: never a cost inside the action."""
    store = session.info.get("store")
    if store is None or session.info.get(_CHECKPOINT_QUEUED):
        return
    session.info[_CHECKPOINT_QUEUED] = True
    after_commit(session, lambda: audit_checkpoint.write_quietly(store))


def entries_for(session: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    )
    return list(session.scalars(stmt))


# --- reading the trail (coordinator) ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One entry as the audit-log view shows it; `at` is UTC."""

    id: int
    at: datetime
    user_id: int | None
    user_name: str
    action: str
    entity: str | None
    entity_id: int | None
    detail: str | None

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    @property
    def entity_label(self) -> str:
        return entity_label(self.entity)

    @property
    def detail_label(self) -> str:
        return detail_label(self.detail)


def _utc_bound(value: date | datetime, *, end: bool) -> datetime:
    """A datetime is taken as UTC; a date as a whole local calendar day."""
    if isinstance(value, datetime):
        return value
    day = value + timedelta(days=1) if end else value
    return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)


def browse(
    session: Session,
    actor: Actor,
    *,
    action: str | None = None,
    user_id: int | None = None,
    entity: str | None = None,
    entity_id: int | None = None,
    student: str | int | None = None,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    limit: int = 500,
) -> list[AuditRow]:
    """The newest entries matching every given filter; coordinator only.

    `student` (LAS key or id) narrows to the entries about that student's file. A date
    `until` includes that whole day; a datetime `until` is exclusive.
    """
    require_current_coordinator(session, actor)
    if student is not None and student != "":
        entity, entity_id = "student", find_student(session, actor, student).id
    stmt = (
        select(AuditEntry, User.display_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .order_by(AuditEntry.id.desc())
        .limit(max(1, min(limit, 100_000)))
    )
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if user_id is not None:
        stmt = stmt.where(AuditEntry.user_id == user_id)
    if entity:
        stmt = stmt.where(AuditEntry.entity == entity)
    if entity_id is not None:
        stmt = stmt.where(AuditEntry.entity_id == entity_id)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= _utc_bound(since, end=False))
    if until is not None:
        stmt = stmt.where(AuditEntry.at < _utc_bound(until, end=True))
    return [
        AuditRow(e.id, e.at, e.user_id, name or "", e.action, e.entity, e.entity_id, e.detail)
        for e, name in session.execute(stmt)
    ]


def actions_in_use(session: Session, actor: Actor) -> list[str]:
    """The distinct actions in the trail, for the view's filter list; coordinator only."""
    require_current_coordinator(session, actor)
    found = set(session.scalars(select(AuditEntry.action).distinct()))
    return sorted(found | set(ACTION_LABELS), key=action_label)


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    broken_at: int | None
    # What the trail lacks against its last signed checkpoint (Dutch, one line each).
    missing: tuple[str, ...] = ()

    @property
    def intact(self) -> bool:
        return self.broken_at is None and not self.missing


def check_chain(session: Session, actor: Actor) -> ChainReport:
    """Whether the trail is intact and nothing was cut off its end since the last
    checkpoint, for `python -m app audit verify` and Beheer; coordinator only."""
    require_current_coordinator(session, actor)
    count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return ChainReport(count, verify_chain(session), tuple(audit_anchor.problems(session)))


def checkpoint_for_print(session: Session, actor: Actor) -> str:
    """Takes a checkpoint now (when the trail still matches the last one) and returns the
    line the coordinator prints for the school's records; coordinator only."""
    require_current_coordinator(session, actor)
    store = session.info["store"]
    # Printing is the coordinator's own act: it may start a checkpoint again after one went
    # missing, when nothing the kept backup's checkpoint saw is gone.
    checkpoint = audit_checkpoint.write_in(session, store, start_over=True)
    checkpoint = checkpoint or audit_checkpoint.load(store)
    if checkpoint is None and audit_checkpoint.missing(store) is not None:
        return (
            "Er is geen nieuw controlepunt gemaakt: het logboek mist regels die het "
            "controlepunt van de laatste back-up nog telde. Controleer het logboek."
        )
    if checkpoint is None:
        return "Er is nog geen controlepunt van het auditlogboek."
    return audit_anchor.checkpoint_line(checkpoint)


# --- PostgreSQL privileges ------------------------------------------------------------------

_ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


# Tables the app's role may read and append to, never change: the trail of exports.
APPEND_ONLY = ("export_log",)
# A consent is written once; the app may only add its withdrawal (and the links and
# bookkeeping a deleted conversation or user sets to NULL). The trigger of migration
# "consent substance is write-once" also allows setting the withdrawal only once.
CONSENT_UPDATABLE = (
    "withdrawn_on",
    "withdrawn_by",
    "conversation_id",
    "created_by_id",
    "updated_at",
    "updated_by_id",
    "version",
)


def grants_sql(role: str) -> str:
    """SQL a DBA runs on PostgreSQL for the app's login role: it may change every table
    except the audit log and the export log, which it may only read and append to, and
    consents, which it may add, delete (retention) and withdraw but not rewrite.

    The role must not own the tables (an owner may drop the append-only trigger); the
    migrations run as the owner.
    """
    if not _ROLE_NAME.match(role or ""):
        raise ValueError(f"'{role}' is geen geldige rolnaam (letters, cijfers en _).")
    quoted = f'"{role}"'
    audit_table = AuditEntry.__tablename__
    special = {audit_table, *APPEND_ONLY, "consents"}
    tables = sorted(t for t in Base.metadata.tables if t not in special)
    table_list = ",\n    ".join(tables)
    lines = [
        f"-- Rechten voor de databaserol {quoted} van Koers.",
        "-- Voer uit als eigenaar van de tabellen, na het bijwerken van het schema.",
        f"GRANT USAGE ON SCHEMA public TO {quoted};",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE\n    {table_list}\nTO {quoted};",
        f"GRANT SELECT ON TABLE alembic_version TO {quoted};",
        "-- Het auditlogboek en het exportlogboek: alleen lezen en toevoegen.",
    ]
    for table in (audit_table, *APPEND_ONLY):
        lines.append(
            f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE {table} FROM {quoted};"
        )
        lines.append(f"GRANT SELECT, INSERT ON TABLE {table} TO {quoted};")
    columns = ", ".join(CONSENT_UPDATABLE)
    lines += [
        "-- Toestemmingen: toevoegen, intrekken en (na de bewaartermijn) verwijderen;",
        "-- de inhoud van een toestemming wordt nooit overschreven.",
        f"REVOKE UPDATE, TRUNCATE, REFERENCES, TRIGGER ON TABLE consents FROM {quoted};",
        f"GRANT SELECT, INSERT, DELETE ON TABLE consents TO {quoted};",
        f"GRANT UPDATE ({columns}) ON TABLE consents TO {quoted};",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted};",
    ]
    return "\n".join(lines) + "\n"
