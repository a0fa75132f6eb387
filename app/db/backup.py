"""Rotating, verified backups of the embedded database, and putting one back.

A backup is made from the live database, never by copying its file: an encrypted database
is exported with `sqlcipher_export` into an attached file keyed with the same key, a plain
one with SQLite's online backup API, both inside one read transaction, so the copy is
consistent even while Koers writes (WAL). The copy is written under a temporary name,
opened and checked (quick_check, and cipher_integrity_check when encrypted) and only then
renamed to `<db-stem>.<label>-<yyyymmdd-hhmmss>.bak`. The key file goes with it as
`<backup>.keys`, with only the slots of that day's coordinators and the recovery key
(app/db/backup_keys.py): a mentor's password never opens a backup.

Restoring moves the current database aside (`<db>.voor-herstel-<stamp>`, never deleted)
and puts a verified copy of the backup and its key file in place.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import KoersError
from app.core.files import (
    PRIVATE_DIR,
    fsync_dir,
    fsync_file,
    make_private,
    private_folder,
    write_atomic,
)
from app.db import backup_keys, keyfile
from app.db.integrity import IntegrityReport, check_database, describe_error, quiet_sqlcipher

if TYPE_CHECKING:
    from app.db.store import Store

SUFFIX = ".bak"
DEFAULT_KEEP = 10
DAILY = timedelta(hours=24)
STAMP = "%Y%m%d-%H%M%S"
JOURNALS = ("-wal", "-shm", "-journal")
LABEL = re.compile(r"^[A-Za-z0-9_-]+$")
# A temporary file older than this is left over from a crash, not a backup in progress.
STALE_TEMPORARY = timedelta(hours=1)


class BackupError(KoersError):
    """A backup could not be made, checked or put back; the message says why, in Dutch."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    label: str
    size: int
    encrypted: bool
    # None: not checked in this listing (every backup was checked when it was made).
    report: IntegrityReport | None = None

    @property
    def keys_path(self) -> Path:
        return keyfile.keyfile_path(self.path)

    @property
    def verified(self) -> bool | None:
        return None if self.report is None else self.report.ok

    @property
    def damaged(self) -> bool:
        """Opened with the key but found broken. One that does not open at all may belong
        to another key (a database restored from elsewhere), so it is not called damaged."""
        return self.report is not None and not self.report.ok and self.report.readable


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    database: Path
    # The files of the database that was replaced, kept under a new name (may be empty).
    moved_aside: list[Path] = field(default_factory=list)


def backup_dir(db_path: Path) -> Path:
    """The default place for backups: a `backups` folder beside the database."""
    return Path(db_path).parent / "backups"


def _pattern(db_path: Path) -> re.Pattern[str]:
    stem = re.escape(Path(db_path).stem)
    return re.compile(
        rf"^{stem}\.(?P<label>[A-Za-z0-9_-]+?)-(?P<stamp>\d{{8}}-\d{{6}})(?:-(?P<n>\d+))?"
        rf"{re.escape(SUFFIX)}$"
    )


def _target(db_path: Path, directory: Path, label: str, now: datetime) -> Path:
    base = f"{Path(db_path).stem}.{label}-{now.strftime(STAMP)}"
    target, number = directory / f"{base}{SUFFIX}", 1
    while target.exists() or keyfile.keyfile_path(target).exists():
        number += 1
        target = directory / f"{base}-{number}{SUFFIX}"
    return target


# --- making a backup ------------------------------------------------------------------


def make_backup(
    store: Store, label: str, target_dir: Path | None = None, *, now: datetime | None = None
) -> Path:
    """A verified backup of the store's SQLite file (encrypted with its key); its path."""
    path = store.sqlite_file
    if path is None:
        raise BackupError(
            "Koers maakt alleen back-ups van de ingebouwde database. Een PostgreSQL-"
            "database wordt op de server geback-upt (bijvoorbeeld met pg_dump)."
        )
    # The checkpoint first: the key file that goes with the backup then carries it.
    from app.db.audit_checkpoint import write_quietly

    write_quietly(store)
    return backup_file(path, store.key, label, target_dir, now=now)


def backup_file(
    db_path: Path,
    key: bytes | None,
    label: str,
    target_dir: Path | None = None,
    *,
    now: datetime | None = None,
) -> Path:
    """Backs up the database file at `db_path` (encrypted with `key`, or plain when None)."""
    db_path = Path(db_path)
    if not LABEL.match(label):
        raise ValueError(f"invalid backup label {label!r}")
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise BackupError(f"Er is geen database om te back-uppen ({db_path}).")
    keys = b""
    if key is not None:
        try:
            keys = keyfile.keyfile_path(db_path).read_bytes()
        except OSError:
            raise BackupError(
                "Het sleutelbestand van de database ontbreekt; zonder dat bestand is een "
                "back-up niet te openen. Er is geen back-up gemaakt."
            ) from None
    directory = Path(target_dir) if target_dir is not None else backup_dir(db_path)
    try:
        if target_dir is None:
            private_folder(directory)  # Koers's own backup folder
        else:
            directory.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"De map voor back-ups is niet te maken: {directory} ({exc}).") from None
    target = _target(db_path, directory, label, now or datetime.now())
    pending = target.with_name(f".{target.name}.tmp")
    try:
        try:
            if key is None:
                _copy_plain(db_path, pending)
            else:
                _export_encrypted(db_path, key, pending)
            make_private(pending)
            fsync_file(pending)
        except (sqlite3.Error, OSError) as exc:
            raise BackupError(_failed(exc)) from None
        except Exception as exc:  # sqlcipher3's own DB-API errors
            if type(exc).__module__.startswith("sqlcipher3"):
                raise BackupError(_failed(exc)) from None
            raise
        report = check_database(pending, key)
        if not report.ok:
            raise BackupError(
                "De back-up is gemaakt maar niet goed bevonden, en daarom weggegooid. "
                "Mogelijk is de database zelf beschadigd: " + "; ".join(report.problems[:3])
            )
        if key is not None:
            # Only the coordinators of the backup itself (and the recovery key) may open it,
            # read from the copy just checked, so an account switched off meanwhile is out.
            try:
                keys = backup_keys.for_backup(
                    keys, backup_keys.active_accounts(pending, key, coordinators=True)
                )
            except (ValueError, KeyError, AttributeError):
                raise BackupError(
                    "Het sleutelbestand van de database is beschadigd. Er is geen back-up gemaakt."
                ) from None
            # The key file first: a .bak is never visible without the keys that open it.
            write_atomic(keyfile.keyfile_path(target), keys)
        os.replace(pending, target)
        fsync_dir(directory)
    finally:
        for leftover in (pending, *(pending.with_name(pending.name + j) for j in JOURNALS)):
            if leftover.exists():
                leftover.unlink()
    return target


def _failed(exc: BaseException) -> str:
    return f"De back-up kon niet worden gemaakt. {describe_error(exc)}"


def _copy_plain(source_path: Path, target: Path) -> None:
    source = sqlite3.connect(source_path, isolation_level=None)
    try:
        source.execute("PRAGMA busy_timeout=5000")
        destination = sqlite3.connect(target, isolation_level=None)
        try:
            source.backup(destination)
            # The copy is a closed file, not a live database: no WAL beside it.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
    finally:
        source.close()


def _export_encrypted(source_path: Path, key: bytes, target: Path) -> None:
    from app.db.cipher import sqlcipher_connect

    with quiet_sqlcipher():
        source = sqlcipher_connect(source_path, key)
        try:
            source.isolation_level = None
            source.execute("PRAGMA busy_timeout=5000")
            source.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{key.hex()}'\"", (str(target),))
            # One read transaction: the export sees one moment, even while Koers writes.
            source.execute("BEGIN")
            try:
                source.execute("SELECT sqlcipher_export('backup')")
                version = int(source.execute("PRAGMA main.user_version").fetchone()[0])
                source.execute(f"PRAGMA backup.user_version = {version}")
                source.execute("COMMIT")
            except BaseException:
                source.execute("ROLLBACK")
                raise
            source.execute("DETACH DATABASE backup")
        finally:
            source.close()


# --- listing, checking, rotating ------------------------------------------------------


def _parse(entry: Path, pattern: re.Pattern[str]) -> tuple[datetime, int, BackupInfo] | None:
    match = pattern.match(entry.name)
    if match is None or not entry.is_file():
        return None
    try:
        created = datetime.strptime(match["stamp"], STAMP)
    except ValueError:
        return None
    keys = keyfile.keyfile_path(entry)
    info = BackupInfo(
        path=entry,
        created=created,
        label=match["label"],
        size=entry.stat().st_size + (keys.stat().st_size if keys.exists() else 0),
        encrypted=keys.exists(),
    )
    return created, int(match["n"] or 1), info


def describe(backup_path: Path) -> BackupInfo:
    """What the name and files of one backup say (not checked)."""
    backup_path = Path(backup_path)
    anything = re.compile(
        r"^.+\.(?P<label>[A-Za-z0-9_-]+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?"
        + re.escape(SUFFIX)
        + "$"
    )
    parsed = _parse(backup_path, anything)
    if parsed is not None:
        return parsed[2]
    keys = keyfile.keyfile_path(backup_path)
    stat = backup_path.stat()
    size = stat.st_size + (keys.stat().st_size if keys.exists() else 0)
    return BackupInfo(backup_path, datetime.fromtimestamp(stat.st_mtime), "", size, keys.exists())


def list_backups(
    db_path: Path,
    *,
    directory: Path | None = None,
    key: bytes | None = None,
    verify: bool = False,
) -> list[BackupInfo]:
    """The backups of the database at `db_path`, newest first.

    With `verify`, each is opened and checked: an encrypted one with `key`, a plain one
    without; an encrypted one cannot be checked without a key and then counts as not good.
    """
    folder = Path(directory) if directory is not None else backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = [parsed for entry in folder.iterdir() if (parsed := _parse(entry, pattern))]
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    infos = [info for _, _, info in found]
    if verify:
        infos = [checked(info, key) for info in infos]
    return infos


def check_backup(info: BackupInfo, key: bytes | None) -> IntegrityReport:
    if info.encrypted and key is None:
        return IntegrityReport(
            False, ["Deze back-up is versleuteld; er is geen sleutel."], readable=False
        )
    return check_database(info.path, key if info.encrypted else None)


def checked(info: BackupInfo, key: bytes | None) -> BackupInfo:
    """`info` with `verified` and `problems` filled in by opening and checking the backup."""
    return replace(info, report=check_backup(info, key))


def newest_good_backup(
    db_path: Path, key: bytes | None, *, directory: Path | None = None
) -> BackupInfo | None:
    """The newest backup that opens with `key` and passes its checks, or None."""
    for info in list_backups(db_path, directory=directory):
        result = checked(info, key)
        if result.verified:
            return result
    return None


def _damaged(info: BackupInfo) -> bool:
    """Opened with the key but found broken. A backup that does not open at all may simply
    belong to another key (a database restored from elsewhere): that one is not deleted."""
    return info.verified is False and not any(
        "geen (leesbare) database" in p for p in info.problems
    )


def rotate(
    db_path: Path,
    keep: int = DEFAULT_KEEP,
    *,
    key: bytes | None = None,
    verify: bool = True,
    directory: Path | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """Keeps the `keep` newest good backups; returns the paths removed.

    With `verify`, backups are opened and checked newest first until `keep` good ones are
    found: a damaged one goes wherever it stands, and everything older than the oldest one
    kept goes. Without it (right after a backup that was itself just checked) every backup
    counts as good, as it was when it was made. The newest good backup is never removed
    (keep is at least 1), and nothing is removed when no good backup is found at all.
    """
    keep = max(1, keep)
    folder = Path(directory) if directory is not None else backup_dir(db_path)
    good = 0
    doomed: list[BackupInfo] = []
    for info in list_backups(db_path, directory=directory):
        if good >= keep:
            doomed.append(info)  # older than the last one kept
            continue
        result = checked(info, key) if verify else info
        if result.verified is not False:
            good += 1
        elif result.damaged:
            doomed.append(result)
    if good == 0:
        return []
    removed: list[Path] = []
    for info in doomed:
        for path in (info.keys_path, info.path):
            if path.exists():
                path.unlink()
        removed.append(info.path)
    _remove_leftovers(db_path, folder, now or datetime.now())
    return removed


def _remove_leftovers(db_path: Path, folder: Path, now: datetime) -> None:
    """Temporary files of a crashed backup, and key files whose backup is gone."""
    if not folder.is_dir():
        return
    stem = Path(db_path).stem + "."
    for entry in folder.iterdir():
        name = entry.name
        if name.startswith("." + stem) and ".tmp" in name:
            age = now - datetime.fromtimestamp(entry.stat().st_mtime)
            if age > STALE_TEMPORARY:
                entry.unlink()
        elif (
            name.startswith(stem)
            and name.endswith(SUFFIX + keyfile.SUFFIX)
            and not entry.with_name(name[: -len(keyfile.SUFFIX)]).exists()
        ):
            entry.unlink()


def backup_if_due(
    store: Store, now: datetime | None = None, *, keep: int = DEFAULT_KEEP
) -> Path | None:
    """The daily backup: made (and the backups rotated) when the newest is 24 h old."""
    path = store.sqlite_file
    if path is None or not path.exists():
        return None
    now = now or datetime.now()
    backups = list_backups(path)
    if backups and now - backups[0].created < DAILY:
        return None
    made = make_backup(store, "dagelijks", now=now)
    # The backup just made was checked, so the newest good one is safe without re-checking.
    rotate(path, keep, key=store.key, verify=False, now=now)
    return made


# --- restoring ------------------------------------------------------------------------


def restore_backup(
    backup_path: Path, db_path: Path, key: bytes | None, *, now: datetime | None = None
) -> RestoreResult:
    """Puts the backup in place of the database at `db_path`; nothing is deleted.

    `key` opens the backup (None for a plain one): only someone who unlocked the backup's
    key file may restore it. A checked copy is made beside the database first; then the
    current database, its journal files and key file move aside, and the copy and the
    backup's key file take their place; that key file gets the current slots of the
    backup's active accounts it lacks (see `backup_keys.for_restore`), so mentors can still
    log in. Every connection to the database must be closed.
    """
    backup_path, db_path = Path(backup_path), Path(db_path)
    if not backup_path.is_file():
        raise BackupError(f"Het back-upbestand {backup_path} bestaat niet.")
    in_use = backup_path.with_name(backup_path.name + "-wal").exists()
    if in_use or backup_path.resolve() == db_path.resolve():
        raise BackupError(
            f"{backup_path.name} is een database in gebruik, geen back-up. Kies een "
            "back-upbestand (.bak)."
        )
    backup_keys_path = keyfile.keyfile_path(backup_path)
    if key is not None and not backup_keys_path.exists():
        raise BackupError(
            f"Bij de back-up {backup_path.name} hoort een sleutelbestand "
            f"({backup_keys_path.name}); het ontbreekt."
        )
    db_path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    pending = db_path.with_name(f".{db_path.name}.herstel-tmp")
    try:
        shutil.copyfile(backup_path, pending)
        make_private(pending)
        fsync_file(pending)
        report = check_database(pending, key)
        if not report.ok:
            raise BackupError(
                f"De back-up {backup_path.name} is niet te openen of beschadigd; er is niets "
                "veranderd. " + "; ".join(report.problems[:3])
            )
        keys = None
        if key is not None:
            keys = backup_keys.for_restore(
                backup_keys_path.read_bytes(),
                keyfile.keyfile_path(db_path),
                backup_keys.active_accounts(pending, key, coordinators=False),
            )
        moved = _move_aside(db_path, now or datetime.now())
        try:
            if keys is not None:
                write_atomic(keyfile.keyfile_path(db_path), keys)
            os.replace(pending, db_path)
        except BaseException:
            _move_back(moved)
            raise
        fsync_dir(db_path.parent)
    finally:
        if pending.exists():
            pending.unlink()
    return RestoreResult(backup_path, db_path, [target for _, target in moved])


def _move_back(moved: list[tuple[Path, Path]]) -> None:
    for source, target in reversed(moved):
        if target.exists():
            os.replace(target, source)


def _move_aside(db_path: Path, now: datetime) -> list[tuple[Path, Path]]:
    """Renames the database and everything that belongs to it; a stale WAL must never meet
    the restored file."""
    aside = db_path.with_name(f"{db_path.name}.voor-herstel-{now.strftime(STAMP)}")
    number = 1
    while aside.exists() or keyfile.keyfile_path(aside).exists():
        number += 1
        aside = db_path.with_name(f"{db_path.name}.voor-herstel-{now.strftime(STAMP)}-{number}")
    moved: list[tuple[Path, Path]] = []
    pairs = [(db_path, aside)]
    pairs += [
        (db_path.with_name(db_path.name + j), aside.with_name(aside.name + j)) for j in JOURNALS
    ]
    pairs.append((keyfile.keyfile_path(db_path), keyfile.keyfile_path(aside)))
    for source, target in pairs:
        if source.exists():
            os.replace(source, target)
            moved.append((source, target))
    return moved
