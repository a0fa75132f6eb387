"""Retention: a file is kept until its retention date, then purged everywhere, and logged.

The dates, per student: the outflow date (the actual one; for an archived student without
one, the planned one), the end of aftercare (`aftercare_months` later, two years by
default) and the end of retention (`retention_months` after that, two years by default).
A file whose retention ended before today is due. Students still in school never are.

A purge removes the student row; every table about the student follows through its
foreign key (ON DELETE CASCADE; the export log keeps its line with the student left
blank). The audit trail keeps only ids, which are no personal data. On SQLite the delete
runs with `secure_delete` on and the WAL is checkpointed and truncated afterwards, so no
old page of the file stays readable, not even to someone holding the database key.
"""

from __future__ import annotations

import calendar
import logging
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, or_
from sqlalchemy.orm import Session

from app.core.errors import KoersError, ValidationError
from app.db.store import after_commit
from app.models import Draft, Student
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.names import full_name, select_student_names
from app.services.common.permissions import (
    require_coordinator,
    require_current_coordinator,
    school_filter,
)
from app.services.common.school_settings import NO_SCHOOL, save_settings, school_settings

if TYPE_CHECKING:
    from app.db.store import Store

log = logging.getLogger(__name__)

MIN_RETENTION_MONTHS = 1
MAX_RETENTION_MONTHS = 240
# Backups beside an embedded database: `<folder of the database>/backups/*.bak|*.db`.
BACKUP_FOLDER = "backups"
BACKUP_SUFFIXES = (".bak", ".db")
# Beside a backup file: its key file and what SQLite may have left of a journal.
BACKUP_COMPANIONS = (".keys", "-wal", "-shm", "-journal")
_CHUNK = 500

PURGE_COORDINATOR = "Alleen een uitstroomcoördinator kan dossiers verwijderen."
NOT_DUE = (
    "{n} van de gekozen leerlingen {verb} (nog) niet aan de beurt om verwijderd te worden. "
    "Er is niets verwijderd; bekijk de lijst opnieuw."
)


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    aftercare_months: int
    retention_months: int


@dataclass(frozen=True, slots=True)
class PurgeCandidate:
    """A file past its retention date, as the preview shows it (to the coordinator only)."""

    student_id: int
    display_name: str
    outflow_date: date
    aftercare_end: date
    retention_end: date


@dataclass(frozen=True, slots=True)
class PurgeResult:
    count: int
    student_ids: tuple[int, ...]


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months; the 31st becomes the last day of a short month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- the setting --------------------------------------------------------------------------


def _settings(session: Session) -> RetentionSettings:
    school = school_settings(session)
    return RetentionSettings(school.aftercare_months, school.retention_months)


def retention_settings(session: Session, actor: Actor) -> RetentionSettings:
    """How long aftercare runs and how long a file is kept after it (any user may read it)."""
    return _settings(session)


def set_retention_months(session: Session, actor: Actor, months: int) -> RetentionSettings:
    """Changes how long a file is kept after aftercare ended; coordinator only."""
    require_current_coordinator(session, actor)
    if (
        not isinstance(months, int)
        or isinstance(months, bool)
        or not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS
    ):
        raise ValidationError(
            {
                "retention_months": (
                    f"Bewaartermijn: kies {MIN_RETENTION_MONTHS} tot en met "
                    f"{MAX_RETENTION_MONTHS} maanden."
                )
            }
        )
    school = school_settings(session)
    if not school.exists:
        raise KoersError(NO_SCHOOL)
    if school.retention_months != months:
        save_settings(session, actor, f"retention_months={months}", retention_months=months)
    return _settings(session)


# --- what is due --------------------------------------------------------------------------


def _due(session: Session, actor: Actor, today: date) -> list[PurgeCandidate]:
    settings = _settings(session)
    kept = settings.aftercare_months + settings.retention_months
    # A cheap pre-selection in SQL (a few days' margin for month-end clamping), the exact
    # rule in Python below.
    latest = add_months(today, -kept) + timedelta(days=4)
    left = Student.actual_outflow_date
    archived_planned = Student.archived.is_(True) & Student.actual_outflow_date.is_(None)
    stmt = (
        select_student_names(
            Student.actual_outflow_date,
            Student.planned_outflow_date,
            Student.archived,
        )
        .where(
            or_(
                left <= latest,
                archived_planned & (Student.planned_outflow_date <= latest),
            )
        )
        .order_by(Student.id)
    )
    # A coordinator purges the files of his or her own schools only.
    schools = school_filter(actor)
    stmt = stmt if schools is None else stmt.where(schools)
    due: list[PurgeCandidate] = []
    for row in session.execute(stmt):
        outflow = row.actual_outflow_date or (row.planned_outflow_date if row.archived else None)
        if outflow is None:
            continue
        retention_end = add_months(outflow, kept)
        if retention_end < today:
            due.append(
                PurgeCandidate(
                    row.id,
                    full_name(row.first_name, row.prefix, row.surname),
                    outflow,
                    add_months(outflow, settings.aftercare_months),
                    retention_end,
                )
            )
    due.sort(key=lambda c: (c.retention_end, c.display_name.lower(), c.student_id))
    return due


def due_for_purge(session: Session, actor: Actor, today: date) -> list[PurgeCandidate]:
    """The files whose retention ended before `today`; coordinator only (it shows names)."""
    _require_purger(session, actor)
    return _due(session, actor, today)


def due_at_start(session: Session, actor: Actor, today: date) -> list[PurgeCandidate]:
    """What to offer for removal after log-in: the due files for a coordinator, else none."""
    store = session.info.get("store")
    if not actor.is_coordinator or (store is not None and store.read_only):
        return []
    return due_for_purge(session, actor, today)


def _require_purger(session: Session, actor: Actor) -> None:
    require_coordinator(actor, PURGE_COORDINATOR)
    require_current_coordinator(session, actor)


# --- the purge ----------------------------------------------------------------------------


def purge(session: Session, actor: Actor, student_ids: Iterable[int], today: date) -> PurgeResult:
    """Removes the files of `student_ids`, each checked to be due today; all or nothing.

    Coordinator only. Run through `Store.run`, the WAL of an SQLite file is checkpointed
    and truncated once the transaction has committed (see `after_purge`).
    """
    _require_purger(session, actor)
    wanted = sorted(set(student_ids))
    if not wanted:
        return PurgeResult(0, ())
    due = {c.student_id for c in _due(session, actor, today)}
    not_due = [sid for sid in wanted if sid not in due]
    if not_due:
        n = len(not_due)
        raise KoersError(NOT_DUE.format(n=n, verb="is" if n == 1 else "zijn"))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        # Drafts go by their foreign key too; deleted explicitly because they hold a copy of
        # the form (names included) and must never outlive the file.
        session.execute(
            delete(Draft)
            .where(Draft.student_id.in_(chunk))
            .execution_options(synchronize_session=False)
        )
        # The database cascades to every table about the student (ON DELETE CASCADE) and
        # blanks the student in the export log (ON DELETE SET NULL).
        session.execute(
            delete(Student)
            .where(Student.id.in_(chunk))
            .execution_options(synchronize_session=False)
        )
    session.expire_all()
    audit.record(session, actor, "purge", "students", None, f"count={len(wanted)}")
    for sid in wanted:
        # Per student, so the student's own trail (ids only) ends with its removal.
        audit.record(session, actor, "purge", "student", sid)
    log.info("retention purge: %d file(s) removed", len(wanted))
    store = session.info.get("store")
    if store is not None:
        after_commit(session, lambda: after_purge(store))
    return PurgeResult(len(wanted), tuple(wanted))


def after_purge(store: Store, *, attempts: int = 20) -> bool:
    """Leaves no copy of removed rows in the WAL: checkpoint, then truncate it (SQLite).

    Call after the purge committed (`purge` queues it itself when run through
    `Store.run`). Returns True when the whole WAL was written back and truncated; a
    reader holding an old snapshot can delay it, hence the retries. PostgreSQL reclaims
    the space of removed rows itself (autovacuum); its WAL and base backups fall under
    the server's own retention.
    """
    if not store.is_sqlite or store.sqlite_file is None:
        return True
    try:
        raw = store.engine.raw_connection()
        try:
            connection = raw.driver_connection
            for attempt in range(attempts):
                busy, _log_frames, _done = connection.execute(
                    "PRAGMA wal_checkpoint(TRUNCATE)"
                ).fetchone()
                if busy == 0:
                    return True
                time.sleep(0.05 * (attempt + 1))
        finally:
            raw.close()
    except Exception as exc:  # the purge itself has committed; never report it as failed
        log.warning("retention purge: WAL checkpoint failed (%s)", type(exc).__name__)
        return False
    log.warning("retention purge: the WAL could not be truncated yet (database busy)")
    return False


# --- backups ------------------------------------------------------------------------------


def backup_dir(store: Store) -> Path | None:
    """The folder of automatic backups beside an embedded database, or None (server)."""
    path = store.sqlite_file
    return None if path is None else path.parent / BACKUP_FOLDER


def backup_cutoff(settings: RetentionSettings, now: datetime) -> datetime:
    """Backups made before this moment are older than the retention period."""
    return datetime.combine(add_months(now.date(), -settings.retention_months), now.time())


def old_backups(folder: Path, retention_cutoff: datetime) -> list[Path]:
    """Backup files in `folder` last written before `retention_cutoff` (local time)."""
    if not folder.is_dir():
        return []
    limit = retention_cutoff.timestamp()
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.suffix.lower() not in BACKUP_SUFFIXES or entry.is_symlink():
            continue
        try:
            info = entry.stat()
        except OSError:
            continue
        if entry.is_file() and info.st_mtime < limit:
            found.append(entry)
    return found


def remove_old_backups(session: Session, actor: Actor, now: datetime) -> int:
    """Removes the embedded database's backups older than the retention period; logged.

    Coordinator only; returns how many backups went. Nothing to do on a server database.
    """
    _require_purger(session, actor)
    store = session.info.get("store")
    # A damaged database (opened read-only) may need exactly those backups: keep them all.
    if store is None or store.read_only:
        return 0
    folder = backup_dir(store)
    if folder is None:
        return 0
    removed = purge_old_backups(folder, backup_cutoff(_settings(session), now))
    if removed:
        audit.record(session, actor, "purge", "backups", None, f"count={len(removed)}")
    return len(removed)


def purge_old_backups(folder: Path, retention_cutoff: datetime) -> list[Path]:
    """Removes backups (and their key files) older than the retention period.

    Returns the backup files removed. Only regular `*.bak` / `*.db` files directly in
    `folder` are touched, never a symlink or anything below it.
    """
    removed = []
    for backup in old_backups(folder, retention_cutoff):
        for companion in BACKUP_COMPANIONS:
            extra = backup.with_name(backup.name + companion)
            if extra.is_file() and not extra.is_symlink():
                extra.unlink(missing_ok=True)
        try:
            backup.unlink()
        except FileNotFoundError:
            continue
        removed.append(backup)
    if removed and hasattr(os, "O_DIRECTORY"):
        directory = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    if removed:
        log.info("retention purge: %d old backup(s) removed", len(removed))
    return removed
