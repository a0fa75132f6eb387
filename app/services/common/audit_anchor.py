"""The audit trail against its last signed checkpoint: what is missing from the end.

The checkpoint itself (where it is kept, how it is signed) is in app/db/audit_checkpoint.py;
this module says in Dutch what a comparison finds, and gives the line a coordinator prints
for the school's records.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import audit_checkpoint
from app.db.audit_checkpoint import Checkpoint, MissingCheckpoint
from app.models.audit import AuditEntry


def number(n: int) -> str:
    """4812 -> '4.812', as Dutch readers write it."""
    return f"{n:,}".replace(",", ".")


def day(at: datetime) -> str:
    return at.astimezone().strftime("%d-%m-%Y")


def problems(session: Session) -> list[str]:
    """What the trail lacks compared with the store's last checkpoint; empty when nothing."""
    store = session.info.get("store")
    if store is None:
        return []
    checkpoint = audit_checkpoint.load(store)
    if checkpoint is None:
        return _missing(session, audit_checkpoint.missing(store))
    if not checkpoint.valid(audit_checkpoint.signing_secret(store)):
        return ["Het controlepunt van het auditlogboek is ongeldig: de handtekening klopt niet."]
    return compare(session, checkpoint)


def _missing(session: Session, lost: MissingCheckpoint | None) -> list[str]:
    """No checkpoint, though one must be: said first, then what is gone since the kept
    backup's checkpoint. A new school before its first checkpoint gives nothing."""
    if lost is None:
        return []
    if lost.checkpoint is None:
        return [
            "Het controlepunt van het auditlogboek ontbreekt op deze pc, terwijl het er "
            "eerder wel was: het is weggehaald."
        ]
    when = day(lost.checkpoint.moment)
    return [
        "Het controlepunt van het auditlogboek ontbreekt in het sleutelbestand, terwijl de "
        f"back-up van {when} er wel een heeft: het is weggehaald.",
        *compare(session, lost.checkpoint),
    ]


def compare(session: Session, checkpoint: Checkpoint) -> list[str]:
    """What is gone since `checkpoint`: rows are told apart from later ones by their time
    (the chain protects it), since SQLite may give a deleted row's id to a new one."""
    if checkpoint.count == 0:
        return []
    when = day(checkpoint.moment)
    total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    if not total:
        return [
            f"Het logboek is leeg, maar het controlepunt van {when} telt "
            f"{number(checkpoint.count)} regels."
        ]
    cut = checkpoint.moment.astimezone(UTC).replace(tzinfo=None)
    kept, kept_last = session.execute(
        select(func.count(), func.max(AuditEntry.id)).where(AuditEntry.at <= cut)
    ).one()
    missing = checkpoint.count - (kept or 0)
    head_found = session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.hash == checkpoint.head)
    )
    found: list[str] = []
    if missing > 0 and checkpoint.last_id - (kept_last or 0) == missing:
        found.append(
            f"De laatste {number(missing)} regels ontbreken (na regel {number(kept_last or 0)})."
        )
    elif missing > 0:
        found.append(
            f"{number(missing)} regels ontbreken tot en met regel "
            f"{number(checkpoint.last_id)} (controlepunt van {when})."
        )
    head = session.scalar(select(AuditEntry.hash).where(AuditEntry.id == checkpoint.last_id))
    if not head_found and head is not None and head != checkpoint.head:
        found.append(
            f"Regel {number(checkpoint.last_id)} is niet meer dezelfde als in het controlepunt "
            f"van {when}: het logboek is herberekend."
        )
    elif not head_found and not found:
        found.append(f"De laatste regel van het controlepunt van {when} ontbreekt.")
    if found:
        found.append(
            f"Het controlepunt van {when} telt {number(checkpoint.count)} regels "
            f"(laatste regel {number(checkpoint.last_id)})."
        )
    return found


def checkpoint_line(checkpoint: Checkpoint) -> str:
    """One line to print and keep: enough to show later that rows were cut off."""
    at = checkpoint.moment.astimezone().strftime("%d-%m-%Y %H:%M")
    return (
        f"Controlepunt auditlogboek Koers, {at}: {number(checkpoint.count)} regels, "
        f"laatste regel {number(checkpoint.last_id)}, vingerafdruk {checkpoint.head[:16]}, "
        f"handtekening {checkpoint.mac[:16]}."
    )
