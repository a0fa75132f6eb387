"""Accounts: validation, the last coordinator, password resets, and the key file that
follows each password on the encrypted database."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.core.errors import AuthenticationError, PermissionDeniedError, ValidationError
from app.db import Store
from app.db.keyfile import KeyFile, keyfile_path
from app.models import AuditEntry, Role, User
from app.services.admin import accounts, unlock, users
from app.services.admin.users import UserChanges, UserInput
from app.services.common.actor import Actor

# The rules here do not depend on the database; those that could (the uniqueness check,
# the row lock that keeps one coordinator) run on both.
sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

PASSWORD = "welkom-bij-koers-1"
OTHER_PASSWORD = "een-ander-wachtwoord"


def _logs_in(store: Store, username: str, password: str) -> bool:
    return store.run(accounts.login, username, password).actor is not None


def _user_count(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(User))


def _changes(row: users.UserRow, **changes) -> UserChanges:
    values = {
        "display_name": row.display_name,
        "email": row.email,
        "role": row.role.value,
        "active": row.active,
    }
    return UserChanges(**(values | changes))


def _actor(store: Store, user_id: int) -> Actor:
    with store.session() as session:
        user = session.get(User, user_id)
        return Actor(user.id, user.username, user.display_name, user.role)


BAD_INPUT = [
    (UserInput("", "Jan", "mentor"), {"username": "Gebruikersnaam: dit veld is verplicht."}),
    (UserInput("jan de vries", "Jan", "mentor"), {"username": "Gebruikersnaam: alleen"}),
    (UserInput("C.Peeters", "Jan", "mentor"), {"username": "'c.peeters' is al in gebruik"}),
    (UserInput("jan", "", "mentor"), {"display_name": "Naam: dit veld is verplicht."}),
    (UserInput("jan", "Jan", "mentor", "geen-adres"), {"email": "E-mail: 'geen-adres'"}),
    (UserInput("jan", "Jan", "baas"), {"role": "Rol: 'baas' is geen geldige keuze."}),
    (UserInput("jan", "Jan", ""), {"role": "Rol: dit veld is verplicht."}),
    (UserInput("jan", "Jan", "mentor", "", "kort"), {"password": "minstens 10 tekens"}),
    (
        UserInput("", "", "mentor", "x@", "kort"),
        {"username": "", "display_name": "", "email": "", "password": ""},
    ),
]


def test_bad_input_names_the_field_in_dutch_and_adds_nobody(
    store: Store, coordinator: Actor
) -> None:
    before = _user_count(store)
    for data, problems in BAD_INPUT:
        with pytest.raises(ValidationError) as error:
            store.run(users.create_user, coordinator, data)
        assert set(error.value.problems) == set(problems), data
        for field, fragment in problems.items():
            assert fragment in error.value.problems[field]
    assert _user_count(store) == before


def test_a_new_user_logs_in_with_the_password_given(store: Store, coordinator: Actor) -> None:
    data = UserInput(" J.deVries ", "Jan de Vries", "mentor", "j.devries@school.nl", PASSWORD)
    user_id = store.run(users.create_user, coordinator, data)

    row = store.run(users.get_user, coordinator, user_id)
    assert (row.username, row.role, row.has_password, row.active) == (
        "j.devries",
        Role.MENTOR,
        True,
        True,
    )
    assert _logs_in(store, "j.devries", PASSWORD)
    with store.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "user_created")).one()
    assert (entry.user_id, entry.entity, entry.entity_id) == (coordinator.user_id, "user", user_id)


@sqlite_only
def test_a_user_without_password_cannot_log_in_until_one_is_set(
    store: Store, coordinator: Actor
) -> None:
    user_id = store.run(users.create_user, coordinator, UserInput("jan", "Jan", "read_only"))
    assert not store.run(users.get_user, coordinator, user_id).has_password
    assert not _logs_in(store, "jan", "")
    store.run(users.reset_password, coordinator, user_id, PASSWORD)
    assert _logs_in(store, "jan", PASSWORD)


@sqlite_only
def test_a_reset_password_replaces_the_old_one_and_ends_a_lock_out(
    store: Store, coordinator: Actor
) -> None:
    user_id = store.run(
        users.create_user, coordinator, UserInput("jan", "Jan", "mentor", "", PASSWORD)
    )
    for _ in range(accounts.LOCKOUT_AFTER):
        assert not _logs_in(store, "jan", "fout-fout-fout")
    assert store.run(users.get_user, coordinator, user_id).locked
    assert not _logs_in(store, "jan", PASSWORD)  # locked out, even with the right password

    store.run(users.reset_password, coordinator, user_id, OTHER_PASSWORD)

    assert not store.run(users.get_user, coordinator, user_id).locked
    assert not _logs_in(store, "jan", PASSWORD)
    assert _logs_in(store, "jan", OTHER_PASSWORD)
    with pytest.raises(ValidationError) as weak:
        store.run(users.reset_password, coordinator, user_id, "kort")
    assert "password" in weak.value.problems


@sqlite_only
def test_changing_ones_own_password_needs_the_current_one(store: Store, coordinator: Actor) -> None:
    user_id = store.run(
        users.create_user, coordinator, UserInput("jan", "Jan", "read_only", "", PASSWORD)
    )
    jan = _actor(store, user_id)
    with pytest.raises(ValidationError) as wrong:
        store.run(users.change_own_password, jan, "niet-het-huidige", OTHER_PASSWORD)
    assert set(wrong.value.problems) == {"old_password"}
    with pytest.raises(ValidationError) as short:
        store.run(users.change_own_password, jan, PASSWORD, "kort")
    assert set(short.value.problems) == {"new_password"}
    assert _logs_in(store, "jan", PASSWORD)

    store.run(users.change_own_password, jan, PASSWORD, OTHER_PASSWORD)
    assert _logs_in(store, "jan", OTHER_PASSWORD)
    assert not _logs_in(store, "jan", PASSWORD)


def test_nobody_can_remove_the_last_active_coordinator(store: Store, coordinator: Actor) -> None:
    me = store.run(users.get_user, coordinator, coordinator.user_id)
    with pytest.raises(ValidationError) as demote:
        store.run(users.update_user, coordinator, me.id, _changes(me, role="mentor"))
    assert "laatste actieve uitstroomcoördinator" in demote.value.problems["role"]
    with pytest.raises(ValidationError) as off:
        store.run(users.update_user, coordinator, me.id, _changes(me, active=False))
    assert "active" in off.value.problems

    # With a second coordinator the first may step down; then the second is the last.
    second_id = store.run(
        users.create_user, coordinator, UserInput("b.smit", "Bea Smit", "coordinator")
    )
    store.run(users.update_user, coordinator, me.id, _changes(me, role="read_only"))
    assert store.run(users.get_user, _actor(store, second_id), me.id).role is Role.READ_ONLY
    second = _actor(store, second_id)
    second_row = store.run(users.get_user, second, second_id)
    with pytest.raises(ValidationError):
        store.run(users.update_user, second, second_id, _changes(second_row, role="mentor"))
    # The demoted one has lost the rights at once, although logged in as coordinator.
    with pytest.raises(PermissionDeniedError):
        store.run(users.list_users, coordinator)


@sqlite_only
def test_an_inactive_coordinator_does_not_count(store: Store, coordinator: Actor) -> None:
    second_id = store.run(
        users.create_user, coordinator, UserInput("b.smit", "Bea Smit", "coordinator")
    )
    second = store.run(users.get_user, coordinator, second_id)
    store.run(users.update_user, coordinator, second_id, _changes(second, active=False))
    me = store.run(users.get_user, coordinator, coordinator.user_id)
    with pytest.raises(ValidationError):
        store.run(users.update_user, coordinator, me.id, _changes(me, role="mentor"))


def test_switching_off_ends_log_in_and_switching_on_needs_a_new_password(
    store: Store, coordinator: Actor
) -> None:
    user_id = store.run(
        users.create_user, coordinator, UserInput("jan", "Jan", "mentor", "", PASSWORD)
    )
    row = store.run(users.get_user, coordinator, user_id)
    store.run(users.update_user, coordinator, user_id, _changes(row, active=False))
    assert not _logs_in(store, "jan", PASSWORD)
    with pytest.raises(ValidationError):
        store.run(users.reset_password, coordinator, user_id, OTHER_PASSWORD)

    row = store.run(users.get_user, coordinator, user_id)
    store.run(users.update_user, coordinator, user_id, _changes(row, active=True))
    assert not _logs_in(store, "jan", PASSWORD)
    assert not store.run(users.get_user, coordinator, user_id).has_password
    store.run(users.reset_password, coordinator, user_id, OTHER_PASSWORD)
    assert _logs_in(store, "jan", OTHER_PASSWORD)


@sqlite_only
def test_the_trail_names_changed_fields_never_values(store: Store, coordinator: Actor) -> None:
    user_id = store.run(users.create_user, coordinator, UserInput("jan", "Jan", "mentor"))
    row = store.run(users.get_user, coordinator, user_id)
    store.run(
        users.update_user,
        coordinator,
        user_id,
        _changes(row, display_name="Jan Geheimnaam", role="read_only"),
    )
    with store.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "user", AuditEntry.entity_id == user_id)
        ).all()
    assert [(e.action, e.detail) for e in entries] == [
        ("user_created", None),
        ("user_updated", "display_name,role"),
    ]
    assert store.run(users.get_user, coordinator, user_id).display_name == "Jan Geheimnaam"


@sqlite_only
def test_a_stale_version_is_refused(store: Store, coordinator: Actor) -> None:
    from app.core.errors import ConflictError

    user_id = store.run(users.create_user, coordinator, UserInput("jan", "Jan", "mentor"))
    row = store.run(users.get_user, coordinator, user_id)
    store.run(users.update_user, coordinator, user_id, _changes(row, display_name="Jan A"), 1)
    with pytest.raises(ConflictError):
        store.run(users.update_user, coordinator, user_id, _changes(row, display_name="Jan B"), 1)


@sqlite_only
def test_logging_out_is_in_the_trail(store: Store, coordinator: Actor) -> None:
    store.run(users.record_logout, coordinator)
    with store.session() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (last.action, last.user_id, last.entity_id) == (
        "logout",
        coordinator.user_id,
        coordinator.user_id,
    )


# --- the encrypted embedded database ------------------------------------------------------


def test_key_file_slots_follow_passwords_on_the_encrypted_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    keys_path = keyfile_path(tmp_path / "koers.db")
    store, _recovery = unlock.create_encrypted_database(url, "De Horizon", "c.peeters", PASSWORD)
    try:
        coordinator = store.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username="c.peeters",
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
        user_id = store.run(
            users.create_user, coordinator, UserInput("jan", "Jan", "mentor", "", PASSWORD)
        )
        assert KeyFile.load(keys_path).has_user("jan")
        opened = unlock.open_for_user(url, "jan", PASSWORD)
        assert opened.actor.user_id == user_id
        opened.store.dispose()

        store.run(users.reset_password, coordinator, user_id, OTHER_PASSWORD)
        with pytest.raises(AuthenticationError):
            unlock.open_for_user(url, "jan", PASSWORD)
        unlock.open_for_user(url, "jan", OTHER_PASSWORD).store.dispose()

        row = store.run(users.get_user, coordinator, user_id)
        store.run(users.update_user, coordinator, user_id, _changes(row, active=False))
        assert not KeyFile.load(keys_path).has_user("jan")
        with pytest.raises(AuthenticationError):
            unlock.open_for_user(url, "jan", OTHER_PASSWORD)
        # The coordinator's own slot is untouched throughout.
        unlock.open_for_user(url, "c.peeters", PASSWORD).store.dispose()
    finally:
        store.dispose()


def test_a_refused_change_leaves_the_key_file_alone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    keys_path = keyfile_path(tmp_path / "koers.db")
    store, _recovery = unlock.create_encrypted_database(url, "De Horizon", "c.peeters", PASSWORD)
    try:
        coordinator = store.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username="c.peeters",
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
        before = keys_path.read_bytes()
        with pytest.raises(ValidationError):
            store.run(
                users.create_user, coordinator, UserInput("c.peeters", "", "mentor", "", PASSWORD)
            )
        assert keys_path.read_bytes() == before
    finally:
        store.dispose()


def test_two_coordinators_demoting_each_other_at_once_leave_one(
    store: Store, coordinator: Actor
) -> None:
    """Two PCs: each coordinator demotes the other; the second must find it is the last."""
    second_id = store.run(users.create_user, coordinator, UserInput("b.smit", "Bea", "coordinator"))
    second = _actor(store, second_id)
    first_row = store.run(users.get_user, coordinator, coordinator.user_id)
    second_row = store.run(users.get_user, coordinator, second_id)
    pc1_checked, pc2_done = threading.Event(), threading.Event()
    outcome: list[BaseException | None] = []

    def pc2() -> None:
        pc1_checked.wait(timeout=10)
        try:
            store.run(
                users.update_user, second, coordinator.user_id, _changes(first_row, role="mentor")
            )
            outcome.append(None)
        except BaseException as exc:  # reported below
            outcome.append(exc)
        finally:
            pc2_done.set()

    thread = threading.Thread(target=pc2)
    thread.start()
    with store.session() as pc1:
        users.update_user(pc1, coordinator, second_id, _changes(second_row, role="mentor"))
        pc1_checked.set()
        # Unguarded, PC 2 would check now (seeing two coordinators) and win the race.
        pc2_done.wait(timeout=1)
    thread.join(timeout=30)

    # Refused either way: on SQLite PC 2 starts after PC 1 committed and is no longer a
    # coordinator; on PostgreSQL it waits on the row lock and finds it is the last one.
    assert len(outcome) == 1, outcome
    assert isinstance(outcome[0], ValidationError | PermissionDeniedError), outcome
    with store.session() as session:
        coordinators = session.scalars(
            select(User.username).where(User.role == Role.COORDINATOR, User.active.is_(True))
        ).all()
    assert coordinators == ["c.peeters"]
