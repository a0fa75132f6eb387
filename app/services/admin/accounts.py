"""First-run set-up and logging in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import AuthenticationError
from app.core.passwords import hash_password, password_problem, verify_password
from app.core.validation import Problems, text
from app.models import Role, School, SchoolMember, Student, User
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import school_scope
from app.services.common.school_settings import new_school_row, school_settings

# After this many failures in a row the account waits a while before the next try.
LOCKOUT_AFTER = 5
LOCKOUT_DELAY = timedelta(seconds=30)


@dataclass(frozen=True, slots=True)
class SchoolInfo:
    name: str
    brin: str
    is_demo: bool
    idle_lock_minutes: int


def is_initialised(session: Session) -> bool:
    return school_settings(session).exists


def school_info(session: Session) -> SchoolInfo | None:
    school = school_settings(session)
    if not school.exists:
        return None
    return SchoolInfo(school.name, school.brin, school.is_demo, school.idle_lock_minutes)


def _validate_brin(value: str | None, problems: Problems) -> str | None:
    brin = text(value, "BRIN", "brin", problems, max_length=6, required=True)
    if brin and not (len(brin) == 4 and brin[:2].isdigit() and brin[2:].isalnum()):
        problems.add("brin", f"BRIN: '{brin}' is geen BRIN-nummer (vier tekens, zoals 12AB).")
        return None
    return brin.upper() if brin else None


def _new_school_fields(
    problems: Problems,
    *,
    school_name: str,
    brin: str,
    username: str,
    display_name: str,
    password: str,
) -> tuple[str | None, str | None, str | None, str | None]:
    """The first-run form checked field by field: (name, BRIN, user name, display name)."""
    name = text(
        school_name, "Naam van de school", "school_name", problems, max_length=120, required=True
    )
    brin_value = _validate_brin(brin, problems)
    login = text(username, "Gebruikersnaam", "username", problems, max_length=60, required=True)
    shown = text(display_name, "Uw naam", "display_name", problems, max_length=120, required=True)
    weak = password_problem(password)
    if weak:
        problems.add("password", weak)
    return name, brin_value, login, shown


def check_new_school(
    *, school_name: str, brin: str, username: str, display_name: str, password: str
) -> None:
    """The first-run form's checks without a database (ValidationError): run before a new
    database file is made for the school, so a typo never leaves an empty file behind."""
    problems = Problems()
    _new_school_fields(
        problems,
        school_name=school_name,
        brin=brin,
        username=username,
        display_name=display_name,
        password=password,
    )
    problems.raise_if_any()


def initialise_school(
    session: Session,
    *,
    school_name: str,
    brin: str,
    username: str,
    display_name: str,
    password: str,
    is_demo: bool = False,
) -> Actor:
    """Creates the school and its first coordinator; refused when a school exists."""
    problems = Problems()
    name, brin_value, login, shown = _new_school_fields(
        problems,
        school_name=school_name,
        brin=brin,
        username=username,
        display_name=display_name,
        password=password,
    )
    if is_initialised(session):
        problems.add("school_name", "Deze database heeft al een school.")
    problems.raise_if_any()
    session.add(new_school_row(name, brin_value, is_demo=is_demo))
    user = User(
        username=login.lower(),
        display_name=shown,
        role=Role.COORDINATOR,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    actor = _actor(session, user)
    audit.record(session, actor, "school_created", "school", None)
    return actor


def _actor(session: Session, user: User) -> Actor:
    return Actor(
        user.id,
        user.username,
        user.display_name,
        user.role,
        member_of=memberships(session, user.id),
    )


def memberships(session: Session, user_id: int) -> tuple[int, ...] | None:
    """The schools `user_id` works for, in one statement; None when the database has no
    schools (a school's own database: nobody is narrowed to a school)."""
    rows = session.execute(
        select(School.id, SchoolMember.user_id)
        .outerjoin(
            SchoolMember,
            (SchoolMember.school_id == School.id) & (SchoolMember.user_id == user_id),
        )
        .order_by(School.id)
    ).all()
    if not rows:
        return None
    return tuple(row.id for row in rows if row.user_id is not None)


@dataclass(frozen=True, slots=True)
class LoginResult:
    """A failed login still commits (the attempt is counted and logged), so it is returned."""

    actor: Actor | None
    message: str = ""

    def actor_or_raise(self) -> Actor:
        if self.actor is None:
            raise AuthenticationError(self.message)
        return self.actor


def login(
    session: Session, username: str, password: str, *, password_checked: bool = False
) -> LoginResult:
    """Checks the password; a wrong one is logged and counted towards a short lock-out.

    `password_checked`: the key file of the encrypted database already proved the password
    (one argon2id derivation instead of two).
    """
    failure = LoginResult(None, "Gebruikersnaam of wachtwoord klopt niet.")
    user = session.scalars(
        select(User).where(User.username == (username or "").strip().lower())
    ).first()
    if _read_only(session):
        # A database opened read-only (damaged, or changed outside Koers) is not written
        # to, not even for the log-in's own bookkeeping: the password is still checked.
        if user is None or not user.active:
            return failure
        if not password_checked and not verify_password(user.password_hash, password):
            return failure
        return LoginResult(_actor(session, user))
    if user is None or not user.active:
        audit.record(session, None, "login_failed")
        return failure
    now = utcnow()
    if user.locked_until and user.locked_until > now:
        audit.record(session, None, "login_locked_out", "user", user.id)
        return LoginResult(
            None, "Te vaak een verkeerd wachtwoord. Probeer het over een halve minuut opnieuw."
        )
    if user.locked_until:
        # The wait is over: the next failures count from zero again.
        user.locked_until = None
        user.failed_logins = 0
    if not password_checked and not verify_password(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= LOCKOUT_AFTER:
            user.locked_until = now + LOCKOUT_DELAY
        audit.record(session, None, "login_failed", "user", user.id)
        return failure
    if user.failed_logins:
        user.failed_logins = 0
        user.locked_until = None
    actor = _actor(session, user)
    audit.record(session, actor, "login", "user", user.id)
    return LoginResult(actor)


def _read_only(session: Session) -> bool:
    store = session.info.get("store")
    return store is not None and store.read_only


def mentors(session: Session, actor: Actor | None = None) -> list[tuple[int, str]]:
    """Users who can be a student's mentor, as (id, name): the active ones, and inactive
    ones who still mentor a student (a mentor imported from the LAS and not yet activated,
    or switched off), marked, so opening and saving a file never drops its mentor."""
    mentoring = select(Student.mentor_id).where(Student.mentor_id.is_not(None))
    stmt = (
        select(User.id, User.display_name, User.active)
        .where(User.role.not_in((Role.READ_ONLY, Role.BOARD)))
        .where(User.active.is_(True) | User.id.in_(mentoring))
        .order_by(User.display_name)
    )
    scope = school_scope(actor) if actor is not None else None
    if scope is not None:
        # A shared database: the colleagues of the actor's schools, not the region's.
        colleagues = select(SchoolMember.user_id).where(SchoolMember.school_id.in_(scope))
        stmt = stmt.where(User.id.in_(colleagues))
    return [
        (row.id, row.display_name if row.active else f"{row.display_name} (niet actief)")
        for row in session.execute(stmt)
    ]


def my_schools(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """The schools `actor` works for, as (id, name) by name: the toolbar's school choice."""
    if not actor.member_of:
        return []
    stmt = select(School.id, School.name).where(School.id.in_(actor.member_of))
    return [(row.id, row.name) for row in session.execute(stmt.order_by(School.name))]
