"""The checks at start: a damaged file opens read-only with the newest good backup offered,
never wiped; and SQLite on a network share is refused with the PostgreSQL advice."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import AuthenticationError, KoersError
from app.db import Store, backup, integrity
from app.db.integrity import NetworkShareError, check_database, refuse_network_path
from app.db.store import sqlcipher_connect
from app.services.admin import maintenance
from app.services.admin.unlock import create_encrypted_database
from tests.db.test_backup import DAY, PASSWORD, _school, flip_bytes, quick_kdf  # noqa: F401


@pytest.fixture
def encrypted(tmp_path: Path) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store, _ = create_encrypted_database(url, "De Horizon", "c.peeters", PASSWORD)
    _school(store, pupils=20)
    yield store
    store.dispose()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _page_of(store: Store, table: str) -> int:
    connection = sqlcipher_connect(store.sqlite_file, store.key, read_only=True)
    try:
        query = "SELECT rootpage FROM sqlite_master WHERE type='table' AND name=?"
        return connection.execute(query, (table,)).fetchone()[0]
    finally:
        connection.close()


# --- integrity ------------------------------------------------------------------------


def test_a_whole_database_passes(encrypted: Store) -> None:
    report = check_database(encrypted.sqlite_file, encrypted.key)
    assert report.ok and report.problems == []


def test_flipped_bytes_in_the_file_are_found(encrypted: Store) -> None:
    path = encrypted.sqlite_file
    encrypted.dispose()
    flip_bytes(path)
    before = _digest(path)
    report = check_database(path, encrypted.key)
    assert not report.ok and report.readable
    assert any("HMAC" in p or "page" in p for p in report.problems)
    assert len(report.problems) <= integrity.MAX_PROBLEMS
    assert _digest(path) == before  # the check changed nothing


def test_a_wrong_key_an_empty_file_and_garbage_fail(tmp_path: Path, encrypted: Store) -> None:
    wrong = check_database(encrypted.sqlite_file, secrets.token_bytes(32))
    assert not wrong.ok and not wrong.readable
    empty = tmp_path / "leeg.db"
    empty.write_bytes(b"")
    assert check_database(empty, None).problems == ["Het databasebestand is leeg."]
    garbage = tmp_path / "rommel.db"
    garbage.write_bytes(secrets.token_bytes(8192))
    for key in (None, encrypted.key):
        report = check_database(garbage, key)
        assert not report.ok and not report.readable
        assert "geen (leesbare) database" in report.problems[0]
    assert not check_database(tmp_path / "weg.db", None).ok


def test_start_checks_mark_a_damaged_database_read_only_and_offer_the_newest_good_backup(
    encrypted: Store,
) -> None:
    path = encrypted.sqlite_file
    older = backup.make_backup(encrypted, "dagelijks", now=DAY)
    newest_good = backup.make_backup(encrypted, "dagelijks", now=DAY.replace(day=3))
    rotten = backup.make_backup(encrypted, "handmatig", now=DAY.replace(day=4))
    flip_bytes(rotten)
    assert maintenance.start_checks(encrypted).ok
    assert not encrypted.read_only
    encrypted.dispose()
    flip_bytes(path)
    before = _digest(path)

    report = maintenance.start_checks(encrypted)

    assert not report.ok and encrypted.read_only
    assert report.offer is not None and report.offer.path == newest_good != older
    assert report.message == (
        "De database is beschadigd. Koers opent haar alleen-lezen. Wilt u de nieuwste "
        "goede back-up van 03-03-2026 07:30 terugzetten?"
    )
    assert _digest(path) == before  # never wiped, never repaired behind the user's back
    assert maintenance.daily_backup(encrypted) is None  # no backup of a damaged file

    restored = maintenance.restore_as_user(
        str(encrypted.url), report.offer.path, "c.peeters", PASSWORD
    )
    assert check_database(path, encrypted.key).ok
    damaged_copy = next(p for p in restored.moved_aside if p.suffix != ".keys")
    assert _digest(damaged_copy) == before


def test_a_file_too_damaged_to_log_in_opens_read_only_with_the_offer(encrypted: Store) -> None:
    path, url = encrypted.sqlite_file, str(encrypted.url)
    good = backup.make_backup(encrypted, "dagelijks", now=DAY)
    # The first thing a log-in reads is the schema version: damage exactly that page.
    page = _page_of(encrypted, "alembic_version")
    encrypted.dispose()
    flip_bytes(path, page=page)
    before = _digest(path)

    opened = maintenance.open_checked(url, "c.peeters", PASSWORD)
    try:
        assert opened.store.read_only
        assert opened.actor.username == "c.peeters" and opened.actor.is_coordinator
        assert opened.report is not None and not opened.report.ok
        assert opened.report.offer is not None and opened.report.offer.path == good
    finally:
        opened.store.dispose()
    assert _digest(path) == before
    with pytest.raises(AuthenticationError):
        maintenance.open_checked(url, "c.peeters", "niet-het-wachtwoord")


def test_a_file_without_a_readable_user_table_names_the_backup(encrypted: Store) -> None:
    path, url = encrypted.sqlite_file, str(encrypted.url)
    backup.make_backup(encrypted, "dagelijks", now=DAY)
    pages = {_page_of(encrypted, "alembic_version"), _page_of(encrypted, "users")}
    encrypted.dispose()
    for page in pages:
        flip_bytes(path, page=page)
    with pytest.raises(maintenance.DamagedDatabaseError) as caught:
        maintenance.open_checked(url, "c.peeters", PASSWORD)
    assert "02-03-2026 07:30" in caught.value.message
    assert caught.value.report.offer is not None


def test_postgresql_is_not_checked_here(store: Store) -> None:
    report = maintenance.start_checks(store)
    assert report.ok
    assert report.checked == (store.sqlite_file is not None)


# --- network shares -------------------------------------------------------------------

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
//fileserver/koers /mnt/school cifs rw,vers=3.0 0 0
nas:/export /srv/nfs nfs4 rw 0 0
/dev/vdb /srv/nfs/local ext4 rw 0 0
//fs/met\\040spatie /mnt/met\\040spatie smb3 rw 0 0
"""


def _mounts() -> str:
    return MOUNTS


@pytest.mark.parametrize(
    "path",
    [
        r"\\fileserver\koers\koers.db",
        "//fileserver/koers/koers.db",
        r"\\?\UNC\fileserver\koers\koers.db",
    ],
)
def test_unc_paths_are_refused_everywhere(path: str) -> None:
    for platform in ("win32", "linux", "darwin"):
        with pytest.raises(NetworkShareError, match="PostgreSQL"):
            refuse_network_path(path, platform=platform, read_mounts=_mounts)


def test_a_mapped_network_drive_is_refused_on_windows() -> None:
    remote = {"Z:\\": integrity.DRIVE_REMOTE}
    drive_type = lambda root: remote.get(root, 3)  # noqa: E731  3: a fixed local disk
    with pytest.raises(NetworkShareError) as caught:
        refuse_network_path(r"Z:\Koers\koers.db", platform="win32", drive_type=drive_type)
    assert "Z:" in caught.value.message and "PostgreSQL" in caught.value.message
    refuse_network_path(r"C:\Users\ib\koers.db", platform="win32", drive_type=drive_type)
    refuse_network_path(r"\\?\C:\Users\ib\koers.db", platform="win32", drive_type=drive_type)


@pytest.mark.parametrize(
    "path",
    [
        "/mnt/school/koers.db",
        "/mnt/school/a/b/koers.db",
        "/srv/nfs/koers.db",
        "/mnt/met spatie/k.db",
    ],
)
def test_a_linux_network_mount_is_refused(path: str) -> None:
    with pytest.raises(NetworkShareError) as caught:
        refuse_network_path(path, platform="linux", read_mounts=_mounts)
    message = caught.value.message
    assert "netwerkschijf" in message and "PostgreSQL" in message


@pytest.mark.parametrize(
    "path", ["/home/ib/koers.db", "/mnt/schoolbord/koers.db", "/srv/nfs/local/koers.db"]
)
def test_a_local_linux_path_is_accepted(path: str) -> None:
    refuse_network_path(path, platform="linux", read_mounts=_mounts)


def test_this_machines_test_folder_is_accepted(tmp_path: Path) -> None:
    refuse_network_path(tmp_path / "koers.db")


def test_a_database_on_a_share_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = f"//fs/koers {tmp_path} cifs rw 0 0\n/dev/vda / ext4 rw 0 0\n"
    monkeypatch.setattr(integrity, "read_proc_mounts", lambda: share)
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    with pytest.raises(NetworkShareError, match="PostgreSQL"):
        maintenance.open_checked(url, "c.peeters", PASSWORD)
    assert not (tmp_path / "koers.db").exists()
    assert isinstance(NetworkShareError("x"), KoersError)
