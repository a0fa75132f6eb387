"""What the data folder holds before anyone logs in, and what a first start that died half-way
left there.

A first start that was killed (a power cut, a crash) can leave a key file without its
database, a database without its key file, a database without a school, or the new database
still under its temporary name. No password opens such a folder, so it is recognised here,
named in Dutch, and, only when the user agrees, moved aside into a dated folder beside it
(`koers.db.onvolledig-JJJJMMDD-HHMM`). It is never reused and never deleted.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.errors import KoersError
from app.core.files import fsync_dir
from app.db import keyfile
from app.db.encrypt import is_plain_sqlite

# The first start builds its database under this name and renames it into place only once
# the school and its first coordinator are committed (app.services.admin.first_start).
PENDING_SUFFIX = ".nieuw-tmp"
# A plain file being encrypted (app.db.encrypt): finished at log-in, not half-made.
ENCRYPTING_SUFFIX = ".versleuteld-tmp"
ASIDE_SUFFIX = ".onvolledig-"
JOURNALS = ("-wal", "-shm")

NO_DATABASE = "een sleutelbestand zonder database"
NO_KEY_FILE = "een database zonder sleutelbestand"
NO_SCHOOL = "een database zonder school"
UNFINISHED = "een nieuwe database die nog niet af was"


@dataclass(frozen=True)
class HalfMade:
    """A data folder a first start left unfinished: `what` says in Dutch what is there."""

    database: Path
    what: str
    files: tuple[Path, ...]


class HalfMadeFolderError(KoersError):
    """The data folder holds a half-made first start; no log-in or new school can use it."""

    def __init__(self, half_made: HalfMade) -> None:
        self.half_made = half_made
        super().__init__(describe(half_made))


def describe(half_made: HalfMade) -> str:
    names = ", ".join(path.name for path in half_made.files)
    return (
        f"De gegevensmap {half_made.database.parent} is onvolledig: er staat {half_made.what} "
        f"({names}). Een eerste start is waarschijnlijk halverwege afgebroken; geen wachtwoord "
        "opent dit. Start Koers (het venster) om deze bestanden opzij te zetten en opnieuw te "
        "beginnen; er wordt niets gewist."
    )


def pending_path(database: Path) -> Path:
    return database.with_name(database.name + PENDING_SUFFIX)


def _with_journals(path: Path) -> list[Path]:
    return [path] + [path.with_name(path.name + suffix) for suffix in JOURNALS]


def _files_of(database: Path) -> tuple[Path, ...]:
    """Every file of this database's first start that is there."""
    candidates = [
        *_with_journals(database),
        keyfile.keyfile_path(database),
        *_with_journals(pending_path(database)),
    ]
    return tuple(path for path in candidates if path.exists())


def _has_content(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def _plain_has_school(path: Path) -> bool:
    """Whether a plain (unencrypted) SQLite file holds a school; True when it cannot be read,
    so a file that is merely damaged goes the normal way (its integrity check and restore)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return True
    try:
        tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='school_settings'"
        ).fetchone()[0]
        if not tables:
            return False
        return connection.execute("SELECT count(*) FROM school_settings").fetchone()[0] > 0
    except sqlite3.Error:
        return True
    finally:
        connection.close()


def half_made(database: Path) -> HalfMade | None:
    """What an interrupted first start left at `database`, or None (nothing yet, a school,
    or a plain file being encrypted, which the next log-in finishes).

    A key file beside an encrypted database counts as whole here: without the key nobody
    can see whether the school inside was committed; `unlock` checks that once a password
    opens it.
    """
    if _has_content(database.with_name(database.name + ENCRYPTING_SUFFIX)):
        return None
    files = _files_of(database)
    if any(path.name.startswith(pending_path(database).name) for path in files):
        return HalfMade(database, UNFINISHED, files)
    keys = keyfile.keyfile_path(database).exists()
    if not _has_content(database):
        return HalfMade(database, NO_DATABASE, files) if keys else None
    if keys:
        return None
    if not is_plain_sqlite(database):
        return HalfMade(database, NO_KEY_FILE, files)
    if not _plain_has_school(database):
        return HalfMade(database, NO_SCHOOL, files)
    return None


def without_school(database: Path) -> HalfMade:
    """An encrypted database a password opened that holds no school (an interrupted first
    start of an older Koers, which made the files before the school)."""
    return HalfMade(database, NO_SCHOOL, _files_of(database))


def aside_folder(database: Path, now: datetime) -> Path:
    """A new dated folder beside the database, e.g. koers.db.onvolledig-20260314-0915."""
    base = database.with_name(f"{database.name}{ASIDE_SUFFIX}{now:%Y%m%d-%H%M}")
    folder, n = base, 1
    while folder.exists():
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    return folder


def set_aside(found: HalfMade, now: datetime) -> Path:
    """Moves the half-made files into a new dated folder (never deletes them) and returns it.
    Pass a fresh answer (app.services.admin.opening.clean_start reads the folder again), so
    a complete school can never be swept away by a stale one."""
    folder = aside_folder(found.database, now)
    folder.mkdir(mode=0o700)  # owner-only, like every folder Koers makes
    for path in found.files:
        if path.exists():
            os.replace(path, folder / path.name)
    fsync_dir(folder)
    fsync_dir(found.database.parent)
    return folder
