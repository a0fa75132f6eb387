"""A PostgreSQL login role per Koers user, for a school that has the server enforce who
reads which rows (migration 0012 installs the groups, the policies and `koers_set_login`).

The users service calls `mirror_account` in the same transaction as the account change:
role DDL is transactional on PostgreSQL, so the account and its login role change together
or not at all. The coordinator's own connection runs it through `koers_set_login`, a
function owned by the schema owner (who needs CREATEROLE); the coordinator never gets
CREATEROLE and can only touch roles Koers made for its own users.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

GROUPS = {
    "coordinator": "koers_coordinator",
    "mentor": "koers_mentor",
    "read_only": "koers_readonly",
    # Counts across its schools only: no SELECT on any table with student data (0018).
    "board": "koers_board",
}


def enforced(session: Session) -> bool:
    """Whether the session's store runs in the server-roles mode."""
    store = session.info.get("store")
    return bool(store is not None and getattr(store, "server_roles", False))


def set_login(
    session: Session, username: str, password: str | None, role: str, active: bool
) -> None:
    """Creates or updates the login role `username`: its group follows `role`; a password
    lets it log in; `active` False takes log-in and password away."""
    session.execute(
        text("SELECT koers_set_login(:username, :password, :role, :active)"),
        {"username": username, "password": password, "role": role, "active": active},
    )


def mirror_account(
    session: Session, username: str, password: str | None, role: str, active: bool
) -> None:
    """`set_login`, only in the server-roles mode; a no-op for SQLite and single-role mode."""
    if enforced(session):
        set_login(session, username, password, role, active)


def mirror_own_password(session: Session, password: str) -> None:
    """The logged-in user's new password becomes the own login role's, in that mode."""
    if enforced(session):
        session.execute(text("SELECT koers_set_own_password(:password)"), {"password": password})
