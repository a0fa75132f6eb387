"""Backups: verified, encrypted like the database, rotated, daily, before a migration, and
a restore that gives back the same data without deleting what it replaces."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command

from app.core.errors import AuthenticationError, KoersError, PermissionDeniedError
from app.db import Store, backup, keyfile, migrate, open_store
from app.db.encrypt import SQLITE_MAGIC
from app.db.keyfile import KeyFile, keyfile_path
from app.db.store import sqlcipher_connect
from app.models import Role
from app.services.admin import accounts, maintenance
from app.services.admin.unlock import create_encrypted_database, open_for_user
from app.services.common.actor import Actor
from app.services.students import cohort
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput

PASSWORD = "horizon-2026-veilig"
DAY = datetime(2026, 3, 2, 7, 30)


def _school(store: Store, pupils: int = 3) -> Actor:
    actor = store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password=PASSWORD,
    )
    for number in range(pupils):
        store.run(
            students.create_student,
            actor,
            StudentInput(first_name=f"Leerling{number}", surname="Bos"),
        )
    return actor


def flip_bytes(path: Path, page: int | None = None, count: int = 16) -> None:
    """Inverts `count` bytes in the middle of a page (default: the middle page of the file)."""
    size = path.stat().st_size
    pages = size // 4096
    page = pages // 2 + 1 if page is None else page
    assert 1 < page <= pages, "damage a page past the header"
    offset = (page - 1) * 4096 + 2048
    with open(path, "r+b") as handle:
        handle.seek(offset)
        data = handle.read(count)
        handle.seek(offset)
        handle.write(bytes(b ^ 0xFF for b in data))


def snapshot(path: Path, key: bytes | None) -> dict[str, list[tuple]]:
    """Every row of every table, read without changing the file."""
    if key is None:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    else:
        connection = sqlcipher_connect(path, key, read_only=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for name in names
        }
    finally:
        connection.close()


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".keys"):
        target = path.with_name(path.name + suffix)
        if target.exists():
            target.unlink()


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Key-file slots with a light argon2id cost: the cost is stored in each slot, so this
    changes nothing but the time these tests take."""
    monkeypatch.setattr(keyfile, "KDF", {"time_cost": 1, "memory_cost": 8192, "parallelism": 1})


@pytest.fixture
def encrypted(tmp_path: Path) -> Iterator[tuple[Store, Actor, str]]:
    """An encrypted database with a school and three students; yields (store, actor,
    recovery key)."""
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store, recovery = create_encrypted_database(url, "De Horizon", "c.peeters", PASSWORD)
    actor = _school(store)
    yield store, actor, recovery
    store.dispose()


# --- backup -> delete the database -> restore -------------------------------------------


def test_encrypted_backup_delete_restore_gives_the_same_data(encrypted) -> None:
    store, actor, _ = encrypted
    path, key, url = store.sqlite_file, store.key, str(store.url)
    before = snapshot(path, key)
    made = maintenance.backup_now(store, actor)  # audited after the copy was made
    store.dispose()
    remove_database(path)
    assert not path.exists()

    result = maintenance.restore_as_user(url, made.path, "c.peeters", PASSWORD)

    assert result.moved_aside == []  # there was nothing left to keep
    after = snapshot(path, key)
    audit_before = before.pop("audit_log")
    audit_after = after.pop("audit_log")
    assert after == before
    assert audit_after[: len(audit_before)] == audit_before
    assert [row[3] for row in audit_after[len(audit_before) :]] == ["restore"]
    unlocked = open_for_user(url, "c.peeters", PASSWORD)
    try:
        assert len(unlocked.store.run(cohort.list_cohort, unlocked.actor)) == 3
    finally:
        unlocked.store.dispose()


def test_plain_backup_delete_restore_gives_the_same_data(tmp_path: Path) -> None:
    path = tmp_path / "koers.db"
    store = open_store(f"sqlite:///{path}")
    _school(store, pupils=2)
    made = backup.make_backup(store, "handmatig")
    before = snapshot(path, None)
    store.dispose()
    remove_database(path)

    backup.restore_backup(made, path, None)

    assert snapshot(path, None) == before


def test_backup_is_encrypted_verified_and_carries_its_key_file(encrypted) -> None:
    store, _, recovery = encrypted
    made = backup.make_backup(store, "handmatig", now=DAY)

    assert made.parent == store.sqlite_file.parent / "backups"
    assert made.name == "koers.handmatig-20260302-073000.bak"
    assert made.read_bytes()[:16] != SQLITE_MAGIC
    keys = KeyFile.load(keyfile_path(made))
    assert keys.unlock("c.peeters", PASSWORD) == store.key
    assert keys.unlock_with_recovery(recovery) == store.key
    info = backup.list_backups(store.sqlite_file, key=store.key, verify=True)[0]
    assert (info.path, info.verified, info.encrypted, info.label) == (
        made,
        True,
        True,
        "handmatig",
    )
    assert not list(made.parent.glob(".*"))  # no temporary file left behind


def test_restore_moves_the_current_database_aside_and_never_deletes_it(encrypted) -> None:
    store, actor, _ = encrypted
    path, url = store.sqlite_file, str(store.url)
    made = maintenance.backup_now(store, actor)
    store.run(students.create_student, actor, StudentInput(first_name="Na", surname="Backup"))
    newer = snapshot(path, store.key)
    store.dispose()

    result = maintenance.restore_as_user(url, made.path, "c.peeters", PASSWORD)

    aside = [p for p in result.moved_aside if p.name.startswith("koers.db.voor-herstel-")]
    database = next(p for p in aside if p.suffix != ".keys")
    assert keyfile_path(database) in aside
    assert snapshot(database, store.key)["students"] == newer["students"]
    assert len(snapshot(path, store.key)["students"]) == 3


def test_restore_asks_the_backups_own_password_and_a_coordinator(encrypted) -> None:
    store, actor, _ = encrypted
    path, url = store.sqlite_file, str(store.url)
    made = maintenance.backup_now(store, actor)
    store.dispose()
    untouched = path.read_bytes()
    with pytest.raises(AuthenticationError, match="klopt niet voor deze back-up"):
        maintenance.restore_as_user(url, made.path, "c.peeters", "een-ander-wachtwoord")
    with pytest.raises(AuthenticationError):
        maintenance.restore_as_user(url, made.path, "onbekend", PASSWORD)
    with pytest.raises(KoersError, match="bestaat niet"):
        maintenance.restore_as_user(url, path.parent / "weg.bak", "c.peeters", PASSWORD)
    assert path.read_bytes() == untouched


def test_a_damaged_backup_is_not_restored_and_changes_nothing(encrypted) -> None:
    store, actor, _ = encrypted
    path, url = store.sqlite_file, str(store.url)
    made = maintenance.backup_now(store, actor)
    store.dispose()
    flip_bytes(made.path)
    untouched = path.read_bytes()
    with pytest.raises(KoersError, match="beschadigd"):
        maintenance.restore_as_user(url, made.path, "c.peeters", PASSWORD)
    assert path.read_bytes() == untouched
    assert not list(path.parent.glob("*voor-herstel*"))


# --- permissions and backends -----------------------------------------------------------


def test_only_a_coordinator_makes_backups(encrypted) -> None:
    store, actor, _ = encrypted
    mentor = Actor(actor.user_id, "mentor", "Mentor", Role.MENTOR)
    with pytest.raises(PermissionDeniedError, match="uitstroomcoördinator"):
        maintenance.backup_now(store, mentor)
    with pytest.raises(PermissionDeniedError):
        maintenance.restore(store, mentor, Path("x.bak"), PASSWORD)
    assert backup.list_backups(store.sqlite_file) == []


def test_backup_now_is_audited_and_runs_in_a_session_too(store: Store, coordinator) -> None:
    if store.sqlite_file is None:
        with pytest.raises(KoersError, match="PostgreSQL"):
            maintenance.backup_now(store, coordinator)
        return
    first = maintenance.backup_now(store, coordinator)
    second = store.run(maintenance.backup_now, coordinator)  # as Workspace.call runs it
    assert first.path != second.path
    listed = store.run(maintenance.list_backups, coordinator)
    assert [info.path for info in listed] == [second.path, first.path]
    trail = snapshot(store.sqlite_file, None)["audit_log"]
    assert [row[6] for row in trail if row[3] == "backup"] == [first.path.name, second.path.name]


# --- rotation ---------------------------------------------------------------------------


def test_rotation_keeps_n_good_backups_and_never_the_broken_ones(encrypted) -> None:
    store, _, _ = encrypted
    path = store.sqlite_file
    made = [backup.make_backup(store, "dagelijks", now=DAY + timedelta(days=d)) for d in range(5)]
    for damaged in made[3:]:  # the two newest rot on disk
        flip_bytes(damaged)

    removed = backup.rotate(path, keep=2, key=store.key)

    kept = [info.path for info in backup.list_backups(path)]
    assert kept == [made[2], made[1]]
    assert set(removed) == {made[0], made[3], made[4]}
    assert sorted(p.name for p in path.parent.joinpath("backups").iterdir()) == sorted(
        [made[1].name, made[1].name + ".keys", made[2].name, made[2].name + ".keys"]
    )


def test_rotation_removes_nothing_without_a_good_backup(encrypted) -> None:
    store, _, _ = encrypted
    made = [backup.make_backup(store, "dagelijks", now=DAY + timedelta(days=d)) for d in range(3)]
    for damaged in made:
        flip_bytes(damaged)
    assert backup.rotate(store.sqlite_file, keep=1, key=store.key) == []
    assert len(backup.list_backups(store.sqlite_file)) == 3


def test_rotation_keeps_backups_it_cannot_open(encrypted) -> None:
    """A backup under another key (from before a restore) is not called damaged."""
    store, _, _ = encrypted
    path = store.sqlite_file
    foreign = backup.make_backup(store, "dagelijks", now=DAY + timedelta(days=2))
    good = backup.make_backup(store, "dagelijks", now=DAY + timedelta(days=1))
    other_key = bytes(32)
    backup.rotate(path, keep=1, key=other_key)  # nothing opens: nothing goes
    assert {i.path for i in backup.list_backups(path)} == {foreign, good}
    assert backup.rotate(path, keep=5, key=store.key) == []


# --- daily and before a migration --------------------------------------------------------


def test_the_daily_backup_is_made_when_the_newest_is_a_day_old(encrypted) -> None:
    store, _, _ = encrypted
    first = backup.backup_if_due(store, DAY)
    assert first is not None and first.name.startswith("koers.dagelijks-20260302-0730")
    assert backup.backup_if_due(store, DAY + timedelta(hours=23, minutes=59)) is None
    second = maintenance.daily_backup(store, DAY + timedelta(hours=24, minutes=1))
    assert second is not None and second.created == DAY + timedelta(hours=24, minutes=1)
    assert len(backup.list_backups(store.sqlite_file)) == 2
    store.read_only = True  # a damaged database is not backed up over its good backups
    assert maintenance.daily_backup(store, DAY + timedelta(days=5)) is None


def test_daily_backups_rotate(encrypted) -> None:
    store, _, _ = encrypted
    for day in range(4):
        backup.backup_if_due(store, DAY + timedelta(days=day), keep=2)
    names = [info.path.name for info in backup.list_backups(store.sqlite_file)]
    assert names == ["koers.dagelijks-20260305-073000.bak", "koers.dagelijks-20260304-073000.bak"]


def _encrypted_at_revision(tmp_path: Path, revision: str) -> Store:
    path = tmp_path / "koers.db"
    key, _ = keyfile.create(keyfile_path(path), "De Horizon", "c.peeters", PASSWORD)
    store = Store(f"sqlite:///{path}", key=key)
    with store.engine.begin() as connection:
        config = migrate.alembic_config(store)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return store


def test_upgrading_an_encrypted_database_backs_it_up_first(tmp_path: Path) -> None:
    store = _encrypted_at_revision(tmp_path, "0001")
    try:
        assert migrate.upgrade(store) is True
        assert migrate.current_revision(store) == migrate.head_revision()
    finally:
        store.dispose()
    [info] = backup.list_backups(tmp_path / "koers.db", key=store.key, verify=True)
    assert info.label == "voor-upgrade-0001" and info.verified and info.encrypted
    versions = snapshot(info.path, store.key)["alembic_version"]
    assert versions == [("0001",)]


def test_a_damaged_database_is_not_migrated(tmp_path: Path) -> None:
    store = _encrypted_at_revision(tmp_path, "0001")
    path = store.sqlite_file
    store.dispose()
    flip_bytes(path)
    untouched = path.read_bytes()
    with pytest.raises(backup.BackupError, match="beschadigd"):
        migrate.upgrade(store)
    assert path.read_bytes() == untouched
    assert backup.list_backups(path) == []
    assert not [p for p in (path.parent / "backups").iterdir()]
