"""The embedded database at rest: nothing readable, and only the right secrets open it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import AuthenticationError
from app.db.keyfile import KeyFile, keyfile_path
from app.services.admin import accounts, users
from app.services.admin.unlock import (
    create_encrypted_database,
    open_for_user,
    open_with_recovery_key,
)
from app.services.admin.users import UserInput
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput

COORDINATOR_PASSWORD = "coordinator-2026"
MENTOR_PASSWORD = "mentor-wachtwoord-2026"


@pytest.fixture
def encrypted(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store, recovery = create_encrypted_database(url, "Testschool", "coord", COORDINATOR_PASSWORD)
    actor = store.run(
        accounts.initialise_school,
        school_name="Testschool",
        brin="12AB",
        username="coord",
        display_name="Coördinator",
        password=COORDINATOR_PASSWORD,
    )
    store.run(
        students.create_student,
        actor,
        StudentInput(first_name="Wietske", surname="Quirijnsdochter", birth_date="14-03-2009"),
    )
    store.run(
        users.create_user,
        actor,
        UserInput(
            username="mentor1",
            display_name="Mentor Een",
            role="mentor",
            email="",
            password=MENTOR_PASSWORD,
        ),
    )
    store.dispose()
    return url, tmp_path / "koers.db", recovery


def test_no_name_or_birth_date_in_the_files_bytes(encrypted) -> None:
    _url, path, _recovery = encrypted
    # The database and its journal; the key file holds only wrapped keys and the school name.
    files = [path, path.with_name("koers.db-wal"), path.with_name("koers.db-shm")]
    on_disk = b"".join(p.read_bytes() for p in files if p.exists())
    assert on_disk
    for needle in ("Quirijnsdochter", "Wietske", "2009-03-14", "14-03-2009"):
        assert needle.encode() not in on_disk
        assert needle.encode("utf-16-le") not in on_disk
    assert not path.read_bytes().startswith(b"SQLite format 3")


def test_wrong_password_does_not_open_it(encrypted) -> None:
    url, path, _recovery = encrypted
    with pytest.raises(AuthenticationError):
        open_for_user(url, "coord", "niet-het-wachtwoord")
    assert KeyFile.load(keyfile_path(path)).unlock("coord", "niet-het-wachtwoord") is None


def test_each_user_opens_it_with_their_own_password(encrypted) -> None:
    url, _path, _recovery = encrypted
    for username, password in (("coord", COORDINATOR_PASSWORD), ("mentor1", MENTOR_PASSWORD)):
        unlocked = open_for_user(url, username, password)
        try:
            assert unlocked.actor.username == username
        finally:
            unlocked.store.dispose()
    with pytest.raises(AuthenticationError):
        open_for_user(url, "mentor1", COORDINATOR_PASSWORD)


def test_the_recovery_key_opens_it(encrypted) -> None:
    url, _path, recovery = encrypted
    store = open_with_recovery_key(url, recovery.lower().replace("-", " "))
    try:
        with store.session() as session:
            assert accounts.school_info(session).name == "Testschool"
    finally:
        store.dispose()
    with pytest.raises(AuthenticationError):
        open_with_recovery_key(url, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
