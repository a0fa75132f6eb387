"""Backups, restores and the checks at start: the use cases behind Beheer > Back-ups and
`python -m app backup|restore`.

Only coordinators make or restore backups. A restore is done by someone who can open the
backup itself: their password unlocks the backup's own key file, which holds only the
slots of that day's coordinators (app/db/backup_keys.py), and the backup's own user table
must know them as an active coordinator. A damaged database is never wiped: it is
opened read-only and the newest good backup is offered.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import AuthenticationError, KoersError, PermissionDeniedError
from app.db import backup as backups
from app.db import integrity, keyfile
from app.db.backup import BackupError, BackupInfo, RestoreResult
from app.db.urls import parse_url, sqlite_path
from app.models.user import Role
from app.services.common import audit
from app.services.common.actor import Actor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db.store import Store

log = logging.getLogger(__name__)

COORDINATOR_ONLY = "Alleen een uitstroomcoördinator kan back-ups maken of terugzetten."
ONLY_EMBEDDED = (
    "Back-ups en terugzetten horen bij de ingebouwde database. Een PostgreSQL-database "
    "wordt op de server geback-upt en teruggezet (pg_dump en pg_restore)."
)
WRONG_FOR_DATABASE = "Gebruikersnaam of wachtwoord klopt niet."
# A backup opens only for the coordinators of its day (and the recovery key): a mentor, or
# an account switched off since, hears that this password does not open it.
WRONG_FOR_BACKUP = (
    "Gebruikersnaam of wachtwoord klopt niet voor deze back-up: dit wachtwoord opent deze "
    "back-up niet. Alleen een uitstroomcoördinator van de dag van de back-up kan haar "
    "terugzetten."
)


@dataclass(frozen=True)
class StartReport:
    """The outcome of the checks at start. When not `ok`, the store is read-only and
    `offer` is the newest backup that opened and passed its checks (None: there is none)."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    offer: BackupInfo | None = None
    checked: bool = True  # False for PostgreSQL: the server guards its own files

    @property
    def message(self) -> str:
        if self.ok:
            return ""
        text = "De database is beschadigd. Koers opent haar alleen-lezen."
        if self.offer is not None:
            when = self.offer.created.strftime("%d-%m-%Y %H:%M")
            return f"{text} Wilt u de nieuwste goede back-up van {when} terugzetten?"
        return (
            f"{text} Er is geen goede back-up gevonden. Neem contact op met de beheerder; "
            "verwijder het databasebestand niet."
        )


class DamagedDatabaseError(KoersError):
    """The database is too damaged even to log in; `report` says what and what to restore."""

    def __init__(self, report: StartReport) -> None:
        text = "De database is beschadigd en kan niet worden geopend."
        if report.offer is not None:
            when = report.offer.created.strftime("%d-%m-%Y %H:%M")
            text += f" De nieuwste goede back-up is van {when}."
        super().__init__(text)
        self.report = report


@dataclass
class Opened:
    """A logged-in database; `report` is set when it was found damaged (then read-only)."""

    store: Store
    actor: Actor
    recovery_key: str = ""
    report: StartReport | None = None


def _require_coordinator(actor: Actor) -> None:
    if not actor.is_coordinator:
        raise PermissionDeniedError(COORDINATOR_ONLY)


def _store_of(session_or_store: Session | Store) -> Store:
    store = getattr(session_or_store, "info", {}).get("store")
    return store if store is not None else session_or_store  # type: ignore[return-value]


def _record(store: Store, actor: Actor | None, action: str, detail: str) -> None:
    """The audit entry for a backup; a read-only (damaged) database is not written to."""
    if store.read_only:
        return
    store.run(audit.record, actor, action, "database", None, detail)


# --- checks ---------------------------------------------------------------------------


def refuse_network_database(url: str) -> None:
    """NetworkShareError (Dutch, with the PostgreSQL advice) for an SQLite file on a share."""
    path = sqlite_path(parse_url(url))
    if path is not None:
        integrity.refuse_network_path(path)


def check_file(path: Path, key: bytes | None) -> StartReport:
    """Network refusal, then quick_check (and cipher_integrity_check); the offer on failure."""
    integrity.refuse_network_path(path)
    report = integrity.check_database(path, key)
    if report.ok:
        return StartReport(True)
    log.error("integrity check failed for the database: %s", report.problems[:3])
    return StartReport(False, list(report.problems), backups.newest_good_backup(path, key))


def start_checks(store: Store) -> StartReport:
    """The checks at start; a damaged database becomes read-only (never wiped)."""
    path = store.sqlite_file
    if path is None:
        return StartReport(True, checked=False)
    result = check_file(path, store.key)
    if not result.ok:
        store.read_only = True
    return result


def open_checked(url: str, username: str, password: str) -> Opened:
    """Logs in as `open_for_user` does; a file too damaged for that opens read-only.

    The full integrity check is not run here when the log-in works (it grows with the
    database); run `start_checks` after the main window shows.
    """
    from app.services.admin.unlock import open_for_user

    refuse_network_database(url)
    path = sqlite_path(parse_url(url))
    try:
        unlocked = open_for_user(url, username, password)
    except KoersError:
        raise
    except Exception as exc:
        if path is None or not _is_database_error(exc):
            raise
        return _open_damaged(url, path, username, password, exc)
    return Opened(unlocked.store, unlocked.actor, unlocked.recovery_key)


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    from sqlalchemy.exc import DatabaseError

    if isinstance(exc, DatabaseError | sqlite3.DatabaseError):
        return True
    return type(exc).__module__.startswith("sqlcipher3") and "DatabaseError" in {
        cls.__name__ for cls in type(exc).__mro__
    }


def _open_damaged(
    url: str, path: Path, username: str, password: str, original: BaseException
) -> Opened:
    from app.db.store import Store

    key = _unlock(keyfile.keyfile_path(path), username, password, WRONG_FOR_DATABASE)
    report = check_file(path, key)
    if report.ok:
        raise original  # not damage (a lock, a full disk): the caller shows it as it is
    try:
        actor = _user_in(path, key, username, password)
    except KoersError:
        raise
    except Exception:
        raise DamagedDatabaseError(report) from None
    store = Store(url, key=key, read_only=True)
    return Opened(store, actor, report=report)


def _unlock(keys_path: Path, username: str, password: str, wrong: str) -> bytes | None:
    """The database key from a key file (None when there is no key file: plain SQLite)."""
    if not keys_path.exists():
        return None
    try:
        keys = keyfile.KeyFile.load(keys_path)
    except keyfile.KeyFileError as exc:
        raise KoersError(str(exc)) from None
    key = keys.unlock(username, password)
    if key is None:
        raise AuthenticationError(wrong)
    return key


def _user_in(path: Path, key: bytes | None, username: str, password: str) -> Actor:
    """The account as the file at `path` knows it, read without writing anything.

    With a key the key file already proved the password; a plain file checks the hash.
    """
    from app.core.passwords import verify_password

    with integrity.quiet_sqlcipher():
        connection = integrity.connect_checked(path, key)
        try:
            row = connection.execute(
                "SELECT id, username, display_name, role, active, password_hash "
                "FROM users WHERE username = ?",
                ((username or "").strip().lower(),),
            ).fetchone()
        finally:
            connection.close()
    if row is None or not row[4]:
        raise AuthenticationError(WRONG_FOR_DATABASE)
    if key is None and not verify_password(row[5], password):
        raise AuthenticationError(WRONG_FOR_DATABASE)
    return Actor(row[0], row[1], row[2], Role(row[3]))


# --- backups --------------------------------------------------------------------------


def backup_now(
    session_or_store: Session | Store, actor: Actor, target_dir: Path | None = None
) -> BackupInfo:
    """A verified backup made now, at the coordinator's request; rotated with the others.

    Takes a Store, or a Session of one (so `Workspace.call` can run it).
    """
    _require_coordinator(actor)
    store = _store_of(session_or_store)
    path = store.sqlite_file
    if path is None:
        raise KoersError(ONLY_EMBEDDED)
    made = backups.make_backup(store, "handmatig", target_dir)
    if target_dir is None:
        backups.rotate(path, key=store.key, verify=False)
    if session_or_store is store:
        _record(store, actor, "backup", made.name)
    elif not store.read_only:
        session: Session = session_or_store  # type: ignore[assignment]
        audit.record(session, actor, "backup", "database", None, made.name)
    return _info(made)


def daily_backup(store: Store, now: datetime | None = None) -> BackupInfo | None:
    """The automatic backup at start, when the newest backup is more than a day old."""
    if store.sqlite_file is None or store.read_only:
        return None
    made = backups.backup_if_due(store, now)
    if made is None:
        return None
    _record(store, None, "backup", made.name)
    return _info(made)


def list_backups(
    session_or_store: Session | Store, actor: Actor, *, verify: bool = False
) -> list[BackupInfo]:
    """The backups of this database, newest first; `verify` opens and checks each one."""
    _require_coordinator(actor)
    store = _store_of(session_or_store)
    path = store.sqlite_file
    if path is None:
        return []
    return backups.list_backups(path, key=store.key, verify=verify)


def _info(path: Path) -> BackupInfo:
    return backups.describe(path)


# --- restoring ------------------------------------------------------------------------


def restore_as_user(
    url: str,
    backup_path: Path | str,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
) -> RestoreResult:
    """Puts a backup in place of the embedded database at `url` (CLI, Beheer, the offer).

    `username`/`password` must open the backup's own key file and belong to an active
    coordinator in the backup. The replaced database is moved aside, never deleted. No
    connection to the database may be open (dispose the Store first).
    """
    path = sqlite_path(parse_url(url))
    if path is None:
        raise KoersError(ONLY_EMBEDDED)
    integrity.refuse_network_path(path)
    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise BackupError(f"Het back-upbestand {backup_path} bestaat niet.")
    key = _unlock(keyfile.keyfile_path(backup_path), username, password, WRONG_FOR_BACKUP)
    try:
        actor = _user_in(backup_path, key, username, password)
    except KoersError as exc:
        if exc.is_auth:
            raise AuthenticationError(WRONG_FOR_BACKUP) from None
        raise
    except Exception:
        report = integrity.check_database(backup_path, key)
        raise BackupError(
            f"De back-up {backup_path.name} is niet te openen of beschadigd; er is niets "
            "veranderd. " + "; ".join(report.problems[:3])
        ) from None
    if actor.role is not Role.COORDINATOR:
        raise PermissionDeniedError(COORDINATOR_ONLY)
    result = backups.restore_backup(backup_path, path, key, now=now)
    _record_restore(url, key, actor, backup_path)
    return result


def _record_restore(url: str, key: bytes | None, actor: Actor, backup_path: Path) -> None:
    """The restore goes into the restored database's own audit trail (brought up to date
    first, with its own pre-upgrade backup when it is older)."""
    from app.db.store import open_store

    store = open_store(url, key=key)
    try:
        store.run(audit.record, actor, "restore", "database", None, backup_path.name)
    finally:
        store.dispose()


def restore(store: Store, actor: Actor, backup_path: Path | str, password: str) -> RestoreResult:
    """Restore from Beheer: the logged-in coordinator confirms with their password.

    The store is disposed first; the caller logs out afterwards (the restored database
    may have other accounts, keys and an older schema).
    """
    _require_coordinator(actor)
    url = store.url.render_as_string(hide_password=False)
    if store.sqlite_file is None:
        raise KoersError(ONLY_EMBEDDED)
    store.dispose()
    return restore_as_user(url, backup_path, actor.username, password)
