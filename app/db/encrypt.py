"""Encrypting a plain SQLite file in place: an encrypted copy, verified, then the swap.

Every step leaves a state the next start can finish or undo: the encrypted copy is made
under a temporary name and checked; only then is the key file written; then the files are
swapped, and the old plain file is overwritten before it is removed.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from app.db import keyfile
from app.db.cipher import sqlcipher_connect

SQLITE_MAGIC = b"SQLite format 3\x00"


def is_plain_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def _pending(path: Path) -> Path:
    return path.with_name(path.name + ".versleuteld-tmp")


def _old_plain(path: Path) -> Path:
    return path.with_name(path.name + ".onversleuteld-oud")


def wipe(path: Path) -> None:
    """Overwrites a file with zeros before removing it (best effort on SSDs)."""
    if not path.exists():
        return
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        remaining = size
        block = b"\0" * 65536
        while remaining > 0:
            handle.write(block[: min(remaining, len(block))])
            remaining -= len(block)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def _table_counts(connection) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
    }


def encrypt_file(path: Path, school: str, username: str, password: str) -> tuple[bytes, str]:
    """Encrypts the plain database at `path` for `username`; returns (key, recovery key)."""
    import secrets

    pending = _pending(path)
    if pending.exists():
        pending.unlink()
    key = secrets.token_bytes(keyfile.KEY_BYTES)
    plain = sqlite3.connect(path)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        expected = _table_counts(plain)
    finally:
        plain.close()
    import sqlcipher3

    # sqlcipher_export copies schema and data into the attached, keyed database.
    exporter = sqlcipher3.connect(str(path))
    try:
        exporter.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(pending),))
        exporter.execute("SELECT sqlcipher_export('encrypted')")
        version = exporter.execute("PRAGMA user_version").fetchone()[0]
        exporter.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        exporter.execute("DETACH DATABASE encrypted")
    finally:
        exporter.close()
    check = sqlcipher_connect(pending, key)
    try:
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise RuntimeError("encrypted copy failed its integrity check")
        if _table_counts(check) != expected:
            raise RuntimeError("encrypted copy differs from the original")
    finally:
        check.close()
    keys = keyfile.KeyFile(keyfile.keyfile_path(path), school)
    keys.set_user(username, password, key)
    recovery = keyfile.new_recovery_key()
    keys.set_recovery(recovery, key)
    keys.save()
    finish_interrupted_encryption(path)
    return key, recovery


def finish_interrupted_encryption(path: Path) -> None:
    """Completes (or cleans up after) an encryption that a crash interrupted."""
    pending, old = _pending(path), _old_plain(path)
    keys_written = keyfile.keyfile_path(path).exists()
    if pending.exists() and not keys_written:
        pending.unlink()  # the copy was never confirmed: the plain file is still the truth
    elif pending.exists():
        if path.exists() and is_plain_sqlite(path):
            # The plain file's journal goes with it: a stale -wal must never meet the new file.
            for suffix in ("-wal", "-shm"):
                journal = path.with_name(path.name + suffix)
                if journal.exists():
                    os.replace(journal, old.with_name(old.name + suffix))
            os.replace(path, old)
        os.replace(pending, path)
    if old.exists() and keys_written and not is_plain_sqlite(path):
        wipe(old)
    for suffix in ("-wal", "-shm"):
        leftover = old.with_name(old.name + suffix)
        if leftover.exists():
            wipe(leftover)
