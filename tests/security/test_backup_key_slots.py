"""Attack: a switched-off account (or a mentor) opens the kept backups with its password.

Up to ten backups are kept, each with a key file beside it. That key file now holds only
the recovery key and the slots of the backup's own coordinators, and switching an account
off (or demoting a coordinator) takes its slot out of every kept backup. Backups exist only
for the embedded (SQLite) database; a PostgreSQL server backs itself up, so there is no
PostgreSQL variant of this attack.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core.errors import AuthenticationError
from app.db import Store, backup, keyfile
from app.db.backup import BackupInfo
from app.db.integrity import check_database
from app.models import Role
from app.services.admin import accounts, maintenance, users
from app.services.admin.unlock import create_encrypted_database, open_for_user
from app.services.admin.users import UserChanges, UserInput
from app.services.common.actor import Actor

COORDINATOR = ("c.peeters", "horizon-2026-veilig")
SECOND_COORDINATOR = ("k.devries", "tweede-coord-2026!")
MENTOR_LEAVING = ("m.jansen", "mentor-vertrekt-2026")
MENTOR_STAYING = ("m.bakker", "mentor-blijft-2026")
DAY = datetime(2026, 3, 2, 7, 30)
DOES_NOT_OPEN = "opent deze back-up niet"


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Light argon2id: the cost is stored in each slot, so only the test time changes."""
    monkeypatch.setattr(keyfile, "KDF", {"time_cost": 1, "memory_cost": 8192, "parallelism": 1})


@dataclass
class School:
    store: Store
    actor: Actor
    recovery: str
    ids: dict[str, int]

    @property
    def url(self) -> str:
        return str(self.store.url)


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    """An encrypted school: a coordinator, a second coordinator and two mentors."""
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store, recovery = create_encrypted_database(url, "De Horizon", *COORDINATOR)
    actor = store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username=COORDINATOR[0],
        display_name="Ingrid Peeters",
        password=COORDINATOR[1],
    )
    ids = {}
    for (username, password), role in (
        (SECOND_COORDINATOR, Role.COORDINATOR),
        (MENTOR_LEAVING, Role.MENTOR),
        (MENTOR_STAYING, Role.MENTOR),
    ):
        data = UserInput(username, username.title(), role.value, password=password)
        ids[username] = store.run(users.create_user, actor, data)
    yield School(store, actor, recovery, ids)
    store.dispose()


def make_backups(school: School, days: int = 4) -> list[BackupInfo]:
    """A daily backup on each of `days` days and a manual one: the kept backups."""
    for day in range(days):
        assert maintenance.daily_backup(school.store, now=DAY + timedelta(days=day)) is not None
    maintenance.backup_now(school.store, school.actor)
    kept = backup.list_backups(school.store.sqlite_file)
    assert len(kept) == days + 1
    return kept


def switch_off(school: School, username: str) -> None:
    row = school.store.run(users.get_user, school.actor, school.ids[username])
    changes = UserChanges(row.display_name, row.email, row.role.value, active=False)
    school.store.run(users.update_user, school.actor, row.id, changes, row.version)


def opens(info: BackupInfo, username: str, password: str) -> bool:
    """Whether the password turns the backup's key file into a key that opens the backup:
    what an attacker holding the files could do, without Koers's checks."""
    key = keyfile.KeyFile.load(info.keys_path).unlock(username, password)
    return key is not None and check_database(info.path, key).ok


def test_switched_off_accounts_open_no_kept_backup(school: School) -> None:
    kept = make_backups(school)
    # Before the switch-off the second coordinator could open them: the attack is real.
    assert all(opens(info, *SECOND_COORDINATOR) for info in kept)

    switch_off(school, MENTOR_LEAVING[0])
    switch_off(school, SECOND_COORDINATOR[0])
    school.store.dispose()

    # Every backup is still kept: closed to those accounts, not thrown away.
    assert [i.path for i in backup.list_backups(school.store.sqlite_file)] == [i.path for i in kept]
    for info in kept:
        for username, password in (MENTOR_LEAVING, SECOND_COORDINATOR):
            assert not opens(info, username, password), (info.path.name, username)
            with pytest.raises(AuthenticationError, match=DOES_NOT_OPEN):
                maintenance.restore_as_user(school.url, info.path, username, password)


def test_the_remaining_coordinator_and_the_recovery_key_open_every_backup(
    school: School,
) -> None:
    kept = make_backups(school)
    switch_off(school, MENTOR_LEAVING[0])
    switch_off(school, SECOND_COORDINATOR[0])
    school.store.dispose()

    for info in kept:
        assert opens(info, *COORDINATOR), info.path.name
        key = keyfile.KeyFile.load(info.keys_path).unlock_with_recovery(school.recovery)
        assert key is not None and check_database(info.path, key).ok, info.path.name
    result = maintenance.restore_as_user(school.url, kept[-1].path, *COORDINATOR)
    assert result.restored_from == kept[-1].path
    open_for_user(school.url, *COORDINATOR).store.dispose()


def test_an_active_mentor_opens_no_backup(school: School) -> None:
    kept = make_backups(school, days=2)
    school.store.dispose()
    for info in kept:
        assert not opens(info, *MENTOR_STAYING), info.path.name
        with pytest.raises(AuthenticationError, match=DOES_NOT_OPEN):
            maintenance.restore_as_user(school.url, info.path, *MENTOR_STAYING)


def test_a_demoted_coordinator_opens_no_kept_backup(school: School) -> None:
    kept = make_backups(school, days=2)
    row = school.store.run(users.get_user, school.actor, school.ids[SECOND_COORDINATOR[0]])
    changes = UserChanges(row.display_name, row.email, Role.MENTOR.value, active=True)
    school.store.run(users.update_user, school.actor, row.id, changes, row.version)
    school.store.dispose()

    for info in kept:
        assert not opens(info, *SECOND_COORDINATOR), info.path.name
    # Still an account: the demoted coordinator logs in to the database as a mentor.
    unlocked = open_for_user(school.url, *SECOND_COORDINATOR)
    try:
        assert unlocked.actor.role is Role.MENTOR
    finally:
        unlocked.store.dispose()


def test_after_a_restore_the_active_mentors_still_log_in(school: School) -> None:
    """A backup carries no mentor slots; the restore takes their current slots over, so a
    restore does not lock the school's mentors out. The one switched off stays out."""
    kept = make_backups(school, days=1)
    switch_off(school, MENTOR_LEAVING[0])
    school.store.dispose()

    maintenance.restore_as_user(school.url, kept[0].path, *COORDINATOR)

    unlocked = open_for_user(school.url, *MENTOR_STAYING)
    unlocked.store.dispose()
    with pytest.raises(AuthenticationError):
        open_for_user(school.url, *MENTOR_LEAVING)
