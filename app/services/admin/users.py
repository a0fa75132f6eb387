"""User accounts: the coordinator adds, changes, switches off and resets; everyone can
change their own password.

On the encrypted embedded database every account with a password has a slot in the key
file; the slot follows the password (set, reset, changed) and goes when the account is
switched off. A switched-off or demoted coordinator's slot also goes from the key files of
the kept backups. Key files are written only after the database transaction commits.

A user's name to log in with never changes: the key-file slot is bound to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError
from app.core.passwords import hash_password, password_problem, verify_password
from app.core.validation import Problems, choice, email, text
from app.db import server_roles
from app.db.store import after_commit
from app.models import Role, User
from app.models.base import utcnow
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.permissions import require_current_coordinator
from app.services.common.rows import flush_or_conflict

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

CHANGED_ELSEWHERE = (
    "Iemand anders heeft deze gebruiker gewijzigd nadat u hem opende. Laad de lijst "
    "opnieuw en probeer het nog eens."
)
LAST_COORDINATOR = (
    "{label}: dit is de laatste actieve uitstroomcoördinator. Maak eerst iemand anders "
    "uitstroomcoördinator."
)


@dataclass(frozen=True, slots=True)
class UserRow:
    """An account as the user list shows it; never the password hash."""

    id: int
    username: str
    display_name: str
    email: str
    role: Role
    active: bool
    has_password: bool
    locked: bool
    version: int

    @property
    def role_label(self) -> str:
        return labels.ROLE[self.role]


@dataclass
class UserInput:
    """A new account as typed; `password` None makes an account that cannot log in yet."""

    username: str = ""
    display_name: str = ""
    role: str = Role.MENTOR.value
    email: str = ""
    password: str | None = None


@dataclass
class UserChanges:
    """What a coordinator can change about an existing account."""

    display_name: str = ""
    email: str = ""
    role: str = Role.MENTOR.value
    active: bool = True


def _row(user: User) -> UserRow:
    now = utcnow()
    return UserRow(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        email=user.email or "",
        role=user.role,
        active=user.active,
        has_password=bool(user.password_hash),
        locked=bool(user.locked_until and user.locked_until > now),
        version=user.version,
    )


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError("Deze gebruiker bestaat niet (meer).")
    return user


def _grant_after_commit(session: Session, username: str, password: str) -> None:
    from app.services.admin.unlock import grant_key

    store = session.info.get("store")
    if store is not None:
        after_commit(session, lambda: grant_key(store, username, password))


def _revoke_after_commit(session: Session, username: str) -> None:
    from app.services.admin.unlock import revoke_key

    store = session.info.get("store")
    if store is not None:
        after_commit(session, lambda: revoke_key(store, username))


def _revoke_backups_after_commit(session: Session, username: str) -> None:
    from app.services.admin.unlock import revoke_backup_keys

    store = session.info.get("store")
    if store is not None:
        after_commit(session, lambda: revoke_backup_keys(store, username))


def list_users(session: Session, actor: Actor) -> list[UserRow]:
    """Every account, active ones first; coordinator only."""
    require_current_coordinator(session, actor)
    users = session.scalars(select(User).order_by(User.active.desc(), User.display_name))
    return [_row(u) for u in users]


def get_user(session: Session, actor: Actor, user_id: int) -> UserRow:
    require_current_coordinator(session, actor)
    return _row(_get(session, user_id))


def create_user(session: Session, actor: Actor, data: UserInput) -> int:
    """Adds an account; with a password it can log in (and open the encrypted file) at once."""
    require_current_coordinator(session, actor)
    p = Problems()
    username = text(data.username, "Gebruikersnaam", "username", p, max_length=60, required=True)
    if username:
        username = username.lower()
        if not _USERNAME.match(username):
            p.add(
                "username",
                "Gebruikersnaam: alleen kleine letters, cijfers, punt, streepje en liggend "
                "streepje, zonder spaties.",
            )
        elif session.scalar(select(User.id).where(User.username == username)) is not None:
            p.add("username", f"Gebruikersnaam: '{username}' is al in gebruik.")
    display_name = text(data.display_name, "Naam", "display_name", p, max_length=120, required=True)
    address = email(data.email, "E-mail", "email", p)
    role = _role(data.role, p)
    if data.password is not None:
        weak = password_problem(data.password)
        if weak:
            p.add("password", weak)
    p.raise_if_any()
    user = User(
        username=username,
        display_name=display_name,
        email=address,
        role=role,
        password_hash=hash_password(data.password) if data.password is not None else None,
        active=True,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, "user_created", "user", user.id)
    server_roles.mirror_account(session, username, data.password, role.value, True)
    if data.password is not None:
        _grant_after_commit(session, username, data.password)
    return user.id


def _role(value: str | Role | None, p: Problems) -> Role | None:
    role = choice(value, Role, "Rol", "role", p)
    if role is None and "role" not in p.by_field:
        p.add("role", "Rol: dit veld is verplicht.")
    return role


def _active_coordinators(session: Session) -> set[int]:
    stmt = select(User.id).where(User.role == Role.COORDINATOR, User.active.is_(True))
    if session.get_bind().dialect.name == "postgresql":
        # Locks every active coordinator, the one being changed too: two coordinators
        # demoting each other on two PCs at once, the second waits for the first and then
        # finds it is the last one. (SQLite takes the write lock at BEGIN already.)
        stmt = stmt.with_for_update()
    return set(session.scalars(stmt))


def update_user(
    session: Session,
    actor: Actor,
    user_id: int,
    changes: UserChanges,
    expected_version: int | None = None,
) -> int:
    """Changes name, e-mail, role or active; returns the new version.

    Nobody can demote or switch off the last active coordinator. Switching an account off
    also removes its password and key-file slot: switched on again, it needs a new password.
    """
    require_current_coordinator(session, actor)
    user = _get(session, user_id)
    if expected_version is not None and user.version != expected_version:
        raise ConflictError(CHANGED_ELSEWHERE)
    p = Problems()
    display_name = text(
        changes.display_name, "Naam", "display_name", p, max_length=120, required=True
    )
    address = email(changes.email, "E-mail", "email", p)
    role = _role(changes.role, p)
    active = bool(changes.active)
    if user.id == actor.user_id and not active:
        p.add("active", "Actief: u kunt uw eigen account niet uitschakelen.")
    was_coordinator = user.active and user.role is Role.COORDINATOR
    stays_coordinator = active and role is Role.COORDINATOR
    demoted = was_coordinator and role is not None and not stays_coordinator
    if demoted and not _active_coordinators(session) - {user.id}:
        field = "role" if role is not Role.COORDINATOR else "active"
        label = "Rol" if field == "role" else "Actief"
        p.add(field, LAST_COORDINATOR.format(label=label))
    p.raise_if_any()

    values = {"display_name": display_name, "email": address, "role": role, "active": active}
    changed = [key for key, value in values.items() if getattr(user, key) != value]
    if not changed:
        return user.version
    for key in changed:
        setattr(user, key, values[key])
    if "active" in changed and not active:
        user.password_hash = None
        user.failed_logins = 0
        user.locked_until = None
        _revoke_after_commit(session, user.username)
    elif demoted:
        # Still an account, but no longer one that may restore: out of the kept backups.
        _revoke_backups_after_commit(session, user.username)
    user.updated_by_id = actor.user_id
    flush_or_conflict(session, CHANGED_ELSEWHERE)
    if "active" in changed or "role" in changed:
        server_roles.mirror_account(session, user.username, None, user.role.value, active)
    if "active" in changed:
        audit.record(
            session, actor, "user_activated" if active else "user_deactivated", "user", user.id
        )
    rest = [key for key in changed if key != "active"]
    if rest:
        audit.record(session, actor, "user_updated", "user", user.id, ",".join(rest))
    return user.version


def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> None:
    """A coordinator sets a new password for someone who forgot theirs; ends a lock-out."""
    require_current_coordinator(session, actor)
    user = _get(session, user_id)
    p = Problems()
    weak = password_problem(new_password or "")
    if weak:
        p.add("password", weak)
    if not user.active:
        p.add("password", "Wachtwoord: dit account is uitgeschakeld; schakel het eerst in.")
    p.raise_if_any()
    _set_password(session, user, new_password, actor)
    server_roles.mirror_account(session, user.username, new_password, user.role.value, True)
    audit.record(session, actor, "password_reset", "user", user.id)


def change_own_password(session: Session, actor: Actor, old: str, new: str) -> None:
    """Any user changes their own password, after giving the current one."""
    user = _get(session, actor.user_id)
    p = Problems()
    if not user.active or not verify_password(user.password_hash, old or ""):
        p.add("old_password", "Huidig wachtwoord: klopt niet.")
    weak = password_problem(new or "")
    if weak:
        p.add("new_password", "Nieuw " + weak[0].lower() + weak[1:])
    elif new == old:
        p.add("new_password", "Nieuw wachtwoord: kies een ander wachtwoord dan het huidige.")
    p.raise_if_any()
    _set_password(session, user, new, actor)
    server_roles.mirror_own_password(session, new)
    audit.record(session, actor, "password_changed", "user", user.id)


def _set_password(session: Session, user: User, password: str, actor: Actor) -> None:
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    user.updated_by_id = actor.user_id
    flush_or_conflict(session, CHANGED_ELSEWHERE)
    _grant_after_commit(session, user.username, password)


def record_logout(session: Session, actor: Actor) -> None:
    """Logging out (or closing the window) ends the session: in the trail like the log-in."""
    audit.record(session, actor, "logout", "user", actor.user_id)
