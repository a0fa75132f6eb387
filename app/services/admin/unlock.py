"""Opening the database for a user: the embedded file is encrypted, a server is not.

Embedded (SQLite): the user's password unwraps the database key from the key file; that
unwrap is also the password check (AES-GCM authenticates it), so log-in costs one argon2id
derivation, not two. A plain file from before encryption is encrypted on the first log-in
of a user whose password it accepts. PostgreSQL relies on the server's own protection.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import AuthenticationError, KoersError
from app.db import backup as backups
from app.db import backup_keys, keyfile
from app.db.store import Store, open_store
from app.db.urls import parse_url, sqlite_path
from app.services.admin import accounts, data_folder
from app.services.common.actor import Actor

WRONG = "Gebruikersnaam of wachtwoord klopt niet."


@dataclass
class Unlocked:
    store: Store
    actor: Actor
    # Set once, when this log-in encrypted a plain file: to be shown to the user and printed.
    recovery_key: str = ""


@dataclass(frozen=True)
class DatabaseState:
    """What is at a URL before anyone logs in: new, encrypted, plain file, a server, or what
    an interrupted first start left (`half_made` says what)."""

    kind: str  # "new" | "encrypted" | "plain" | "server" | "memory" | "half_made"
    school: str = ""
    half_made: data_folder.HalfMade | None = None


def database_state(url: str) -> DatabaseState:
    path = sqlite_path(parse_url(url))
    if path is None:
        return DatabaseState("server" if not url.startswith("sqlite") else "memory")
    half_made = data_folder.half_made(path)
    if half_made is not None:
        return DatabaseState("half_made", half_made=half_made)
    keys = keyfile.keyfile_path(path)
    if keys.exists():
        try:
            return DatabaseState("encrypted", keyfile.KeyFile.load(keys).school)
        except keyfile.KeyFileError:
            return DatabaseState("encrypted")
    if path.exists() and path.stat().st_size > 0:
        return DatabaseState("plain")
    return DatabaseState("new")


def open_for_user(url: str, username: str, password: str) -> Unlocked:
    """Opens and migrates the database as `username`; wrong credentials raise, in Dutch."""
    path = sqlite_path(parse_url(url))
    if path is not None:
        from app.db.encrypt import finish_interrupted_encryption

        finish_interrupted_encryption(path)
        if keyfile.keyfile_path(path).exists():
            return _open_encrypted(url, path, username, password)
    store = open_store(url)
    try:
        actor = store.run(accounts.login, username, password).actor_or_raise()
    except Exception:
        store.dispose()
        raise
    if path is not None:
        return encrypt_plain_database(store, path, actor, password)
    return Unlocked(store, actor)


def _open_encrypted(url: str, path: Path, username: str, password: str) -> Unlocked:
    try:
        keys = keyfile.KeyFile.load(keyfile.keyfile_path(path))
    except keyfile.KeyFileError as exc:
        raise KoersError(str(exc)) from None
    key = keys.unlock(username, password)
    if key is None:
        raise AuthenticationError(WRONG)
    if not _holds_school(path, key):
        # The key opens, but no school was ever committed: an older Koers made the files
        # before the school and was stopped in between. Left as it is, to be moved aside.
        raise data_folder.HalfMadeFolderError(data_folder.without_school(path))
    store = open_store(url, key=key)
    try:
        actor = store.run(
            accounts.login, username, password, password_checked=True
        ).actor_or_raise()
    except Exception:
        store.dispose()
        raise
    return Unlocked(store, actor)


def _holds_school(path: Path, key: bytes) -> bool:
    """Whether the encrypted file has a school, read without migrating (nothing written);
    True when it cannot be read, so a damaged file goes its own way (check and restore)."""
    from app.db.cipher import sqlcipher_connect

    if not path.exists() or path.stat().st_size == 0:
        return False  # connecting would create the file
    try:
        connection = sqlcipher_connect(path, key)
    except Exception:
        return True
    try:
        has_table = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='school_settings'"
        ).fetchone()[0]
        return bool(has_table) and bool(
            connection.execute("SELECT count(*) FROM school_settings").fetchone()[0]
        )
    except Exception:
        return True
    finally:
        connection.close()


def without_school(url: str, username: str, password: str) -> data_folder.HalfMade | None:
    """The encrypted database at `url` as half-made, when `username`'s password opens it and
    it holds no school; None otherwise (a wrong password proves nothing)."""
    path = sqlite_path(parse_url(url))
    if path is None or not keyfile.keyfile_path(path).exists():
        return None
    try:
        key = keyfile.KeyFile.load(keyfile.keyfile_path(path)).unlock(username, password)
    except keyfile.KeyFileError:
        return None
    if key is None or _holds_school(path, key):
        return None
    return data_folder.without_school(path)


def open_with_recovery_key(url: str, recovery_key: str) -> Store:
    """The last resort when every password is lost: the printed recovery key."""
    path = sqlite_path(parse_url(url))
    if path is None:
        raise KoersError("Een herstelsleutel hoort alleen bij de ingebouwde database.")
    try:
        keys = keyfile.KeyFile.load(keyfile.keyfile_path(path))
    except keyfile.KeyFileError as exc:
        raise KoersError(str(exc)) from None
    key = keys.unlock_with_recovery(recovery_key)
    if key is None:
        raise AuthenticationError("Deze herstelsleutel past niet bij deze database.")
    return open_store(url, key=key)


def create_encrypted_database(
    url: str, school: str, username: str, password: str
) -> tuple[Store, str]:
    """A new, empty encrypted database; returns the store and the recovery key to show once."""
    path = sqlite_path(parse_url(url))
    if path is None:
        return open_store(url), ""
    if path.exists() and path.stat().st_size > 0:
        raise KoersError("Op deze plek staat al een database.")
    key, recovery = keyfile.create(keyfile.keyfile_path(path), school, username, password)
    return open_store(url, key=key), recovery


def grant_key(store: Store, username: str, password: str) -> None:
    """Gives `username` a slot in the key file (after a password is set or reset)."""
    grant_keys(store, [username], password)


def grant_keys(store: Store, usernames: list[str], password: str) -> None:
    """One key-file write for several accounts that share a password (the demo school)."""
    path = store.sqlite_file
    if store.key is None or path is None:
        return
    keys = keyfile.KeyFile.load(keyfile.keyfile_path(path))
    for username in usernames:
        keys.set_user(username, password, store.key)
    keys.save()


def revoke_key(store: Store, username: str) -> None:
    """Takes a switched-off account's slot out of the key file and every kept backup."""
    path = store.sqlite_file
    if store.key is None or path is None:
        return
    keys = keyfile.KeyFile.load(keyfile.keyfile_path(path))
    keys.remove_user(username)
    keys.save()
    revoke_backup_keys(store, username)


def revoke_backup_keys(store: Store, username: str) -> None:
    """Closes the kept backups to `username` (switched off, or no longer a coordinator).

    The kept backups are those in the backup folder beside the database, and the
    databases a restore moved aside (`<db>.voor-herstel-*`): copies of old data too.
    """
    path = store.sqlite_file
    if store.key is None or path is None:
        return
    kept = [info.keys_path for info in backups.list_backups(path) if info.encrypted]
    aside = path.parent.glob(f"{glob.escape(path.name)}.voor-herstel-*{keyfile.SUFFIX}")
    backup_keys.remove_account([*kept, *aside], username)


def encrypt_plain_database(store: Store, path: Path, actor: Actor, password: str) -> Unlocked:
    """Replaces a plain SQLite file by an encrypted copy, verified before the old one goes."""
    from app.db.encrypt import encrypt_file

    school = store.run(accounts.school_info)
    url = store.url.render_as_string(hide_password=False)
    store.dispose()
    key, recovery = encrypt_file(path, school.name if school else "", actor.username, password)
    return Unlocked(open_store(url, key=key), actor, recovery)
