"""Setting up the school and logging in, including the lock-out after wrong passwords."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.core.errors import AuthenticationError, ValidationError
from app.db import Store
from app.models import AuditEntry, Role, User
from app.models.base import utcnow
from app.services.admin import accounts
from app.services.common.actor import Actor

SCHOOL = {
    "school_name": "De Horizon",
    "brin": "12ab",
    "username": "C.Peeters",
    "display_name": "Ingrid Peeters",
    "password": "horizon-2026-veilig",
}


@pytest.mark.parametrize(
    ("field", "value", "label"),
    [
        ("school_name", "   ", "Naam van de school"),
        ("brin", "12-A", "BRIN"),
        ("brin", "", "BRIN"),
        ("password", "kort", "Wachtwoord"),
        ("username", "", "Gebruikersnaam"),
    ],
)
def test_initialise_school_names_the_bad_field_and_saves_nothing(
    store: Store, field: str, value: str, label: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        store.run(accounts.initialise_school, **{**SCHOOL, field: value})
    assert list(caught.value.problems) == [field]
    assert caught.value.problems[field].startswith(f"{label}:")
    assert not store.run(accounts.is_initialised)


def test_initialise_school_reports_every_problem_at_once(store: Store) -> None:
    with pytest.raises(ValidationError) as caught:
        store.run(accounts.initialise_school, **{**SCHOOL, "school_name": "", "brin": "ABCD"})
    assert set(caught.value.problems) == {"school_name", "brin"}


def test_initialise_school_creates_the_first_coordinator(store: Store) -> None:
    actor = store.run(accounts.initialise_school, **SCHOOL)
    assert actor.role is Role.COORDINATOR
    assert actor.username == "c.peeters"
    info = store.run(accounts.school_info)
    assert (info.name, info.brin, info.is_demo) == ("De Horizon", "12AB", False)
    with store.session() as session:
        user = session.get(User, actor.user_id)
        assert user.password_hash and SCHOOL["password"] not in user.password_hash


def test_a_second_school_is_refused(store: Store, coordinator: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        store.run(accounts.initialise_school, **{**SCHOOL, "username": "iemand.anders"})
    assert "al een school" in caught.value.problems["school_name"]
    with store.session() as session:
        assert session.scalars(select(User.username)).all() == [coordinator.username]


def test_login_accepts_the_right_password_whatever_the_case_of_the_name(
    store: Store, coordinator: Actor, coordinator_password: str
) -> None:
    result = store.run(accounts.login, "  C.Peeters ", coordinator_password)
    assert result.actor == coordinator
    assert result.actor_or_raise() == coordinator


def _failed_logins(store: Store, user_id: int) -> tuple[int, list[AuditEntry]]:
    with store.session() as session:
        user = session.get(User, user_id)
        failures = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "login_failed").order_by(AuditEntry.id)
        ).all()
        return user.failed_logins, list(failures)


def test_wrong_password_is_counted_and_logged(store: Store, coordinator: Actor) -> None:
    result = store.run(accounts.login, coordinator.username, "niet-het-wachtwoord")

    assert result.actor is None
    assert result.message == "Gebruikersnaam of wachtwoord klopt niet."
    with pytest.raises(AuthenticationError, match="klopt niet"):
        result.actor_or_raise()
    # Read back in a new session: the failure must survive the commit of store.run.
    count, entries = _failed_logins(store, coordinator.user_id)
    assert count == 1
    assert [(e.entity, e.entity_id, e.user_id) for e in entries] == [
        ("user", coordinator.user_id, None)
    ]


def test_unknown_user_gets_the_same_answer_and_is_logged(store: Store, coordinator: Actor) -> None:
    result = store.run(accounts.login, "onbekend", "wat-dan-ook-123")
    assert result.actor is None
    assert result.message == "Gebruikersnaam of wachtwoord klopt niet."
    _, entries = _failed_logins(store, coordinator.user_id)
    assert [(e.entity, e.entity_id) for e in entries] == [(None, None)]


def test_five_wrong_passwords_lock_the_account_for_a_while(
    store: Store, coordinator: Actor, coordinator_password: str
) -> None:
    for _ in range(accounts.LOCKOUT_AFTER):
        assert store.run(accounts.login, coordinator.username, "fout-wachtwoord").actor is None

    locked = store.run(accounts.login, coordinator.username, coordinator_password)
    assert locked.actor is None
    assert "Te vaak" in locked.message

    count, _ = _failed_logins(store, coordinator.user_id)
    assert count == accounts.LOCKOUT_AFTER
    # Once the delay has passed, the right password works and the counter starts over.
    with store.session() as session:
        session.get(User, coordinator.user_id).locked_until = utcnow() - timedelta(seconds=1)
    assert store.run(accounts.login, coordinator.username, coordinator_password).actor
    with store.session() as session:
        user = session.get(User, coordinator.user_id)
        assert (user.failed_logins, user.locked_until) == (0, None)


def test_four_wrong_passwords_do_not_lock(
    store: Store, coordinator: Actor, coordinator_password: str
) -> None:
    for _ in range(accounts.LOCKOUT_AFTER - 1):
        store.run(accounts.login, coordinator.username, "fout-wachtwoord")
    assert store.run(accounts.login, coordinator.username, coordinator_password).actor
