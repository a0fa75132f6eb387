"""The first start's new encrypted file, made so that a crash never leaves a folder that
looks like a school but opens for no one.

The database is built under a temporary name (`koers.db.nieuw-tmp`), the school and its first
coordinator are committed in it, and only then is it renamed into place; the key file, kept
in memory until then, is written last. A crash before the rename leaves only the temporary
file; between the rename and the key file, a database without its key. Both are recognised
at the next start (app.services.admin.data_folder) and offered to be moved aside.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.errors import KoersError
from app.core.files import fsync_dir, fsync_file
from app.db import keyfile
from app.db.cipher import sqlcipher_connect
from app.db.store import Store, open_store
from app.services.admin.data_folder import JOURNALS, HalfMadeFolderError, half_made, pending_path
from app.services.common.actor import Actor


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _remove_pending(pending: Path) -> None:
    """Removes the temporary file this process made a moment ago (never the user's files)."""
    for path in [pending] + [pending.with_name(pending.name + s) for s in JOURNALS]:
        path.unlink(missing_ok=True)


def _close_cleanly(store: Store, path: Path, key: bytes) -> None:
    """Closes the store and folds the write-ahead log into the file, so the file alone holds
    the committed school when it is renamed."""
    store.dispose()
    connection = sqlcipher_connect(path, key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def create_encrypted_school(
    database: Path,
    *,
    school: str,
    username: str,
    password: str,
    fill: Callable[[Session], Actor],
    shared_with: Iterable[str] = (),
) -> tuple[Store, Actor, str]:
    """A new encrypted database at `database` filled by `fill` in one transaction; returns
    the store, the first coordinator and the recovery key (shown once).

    `shared_with`: further accounts that get a slot in the key file with the same password
    (the demo school's mentors). Refused when anything of an earlier start is there.
    """
    leftover = half_made(database)
    if leftover is not None:
        raise HalfMadeFolderError(leftover)
    if database.exists() and database.stat().st_size > 0:
        raise KoersError("Op deze plek staat al een database.")
    key = secrets.token_bytes(keyfile.KEY_BYTES)
    recovery = keyfile.new_recovery_key()
    keys = keyfile.KeyFile(keyfile.keyfile_path(database), school)
    pending = pending_path(database)
    try:
        store = open_store(_sqlite_url(pending), key=key)
        try:
            actor = store.run(fill)
        finally:
            _close_cleanly(store, pending, key)
        for name in [username, *shared_with]:
            keys.set_user(name, password, key)
        keys.set_recovery(recovery, key)
        _remove_empty_journals(pending)
        fsync_file(pending)
    except BaseException:
        _remove_pending(pending)
        raise
    move_into_place(pending, database)
    keys.save()
    return open_store(_sqlite_url(database), key=key), actor, recovery


def _remove_empty_journals(pending: Path) -> None:
    # Empty after the checkpoint; a journal must never meet a file it does not belong to.
    wal = pending.with_name(pending.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise RuntimeError("the new database's write-ahead log was not folded in")
    for suffix in JOURNALS:
        pending.with_name(pending.name + suffix).unlink(missing_ok=True)


def move_into_place(pending: Path, database: Path) -> None:
    """The committed school takes its real name (a test kills the process here)."""
    os.replace(pending, database)
    fsync_dir(database.parent)
