"""Which key slots a backup carries, and taking an account's slot out of kept backups.

A backup's key file (`<backup>.keys`) holds only the recovery key and the accounts that
were active coordinators in the backup itself: only they may restore it, so a mentor's
password never needs to open one. When an account is switched off or stops being a
coordinator, its slot is taken out of every kept backup's key file too; otherwise a
switched-off coordinator's old password would keep opening up to ten days of history.

The database key itself is not changed: a slot is the only thing that turns a password
into that key, so removing the slot is what closes the backup to that password.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from app.db import keyfile
from app.db.integrity import connect_checked, quiet_sqlcipher


def active_accounts(database: Path, key: bytes | None, *, coordinators: bool) -> set[str]:
    """The usernames of the active accounts (or only coordinators) in a database file,
    read without writing. Empty when the users cannot be read: a backup then opens with
    the recovery key only, rather than with passwords nobody can vouch for."""
    where = "active AND role = 'coordinator'" if coordinators else "active"
    try:
        with quiet_sqlcipher():
            connection = connect_checked(database, key)
            try:
                rows = connection.execute(f"SELECT username FROM users WHERE {where}").fetchall()
            finally:
                connection.close()
    except Exception:  # DB-API errors of either driver: an unreadable or odd file
        return set()
    return {str(row[0]) for row in rows}


def for_backup(live_keys: bytes, coordinators: set[str]) -> bytes:
    """The live key file's bytes reduced to the recovery slot and the coordinators' slots."""
    data = json.loads(live_keys.decode("utf-8"))
    wanted = {keyfile.RECOVERY} | {keyfile.user_slot(name) for name in coordinators}
    data["slots"] = {name: slot for name, slot in data["slots"].items() if name in wanted}
    return json.dumps(data, indent=1).encode("utf-8")


def for_restore(backup_keys: bytes, live_keys: Path, accounts: set[str]) -> bytes:
    """The backup's key file, plus the live slots of `accounts` it lacks (its mentors).

    A backup carries no mentor slots, so a restore would lock every mentor out until a
    coordinator resets their password. The live key file still holds their slots, for the
    same database key when both files hold the same recovery slot (it is copied verbatim
    into each backup and never re-made). Only accounts active in the restored database are
    taken over: one switched off now has no live slot, one switched off then gets none.
    """
    try:
        data = json.loads(backup_keys.decode("utf-8"))
        live = dict(json.loads(live_keys.read_text("utf-8"))["slots"])
        same_key = live[keyfile.RECOVERY] == data["slots"][keyfile.RECOVERY]
    except (OSError, ValueError, KeyError, TypeError):
        return backup_keys  # nothing to add from, or a key file Koers will refuse itself
    if not same_key:
        return backup_keys  # the live database has another key: its slots open nothing here
    for name in accounts:
        slot = keyfile.user_slot(name)
        if slot not in data["slots"] and slot in live:
            data["slots"][slot] = live[slot]
    return json.dumps(data, indent=1).encode("utf-8")


def remove_account(key_files: Iterable[Path], username: str) -> list[Path]:
    """Takes `username`'s slot out of each key file that has one; the files changed.

    A key file that cannot be read is left as it is (it opens for no one's password
    through Koers anyway, and must not stop the switch-off).
    """
    changed: list[Path] = []
    for path in key_files:
        try:
            keys = keyfile.KeyFile.load(path)
        except keyfile.KeyFileError:
            continue
        if keys.has_user(username):
            keys.remove_user(username)
            keys.save()
            changed.append(path)
    return changed
