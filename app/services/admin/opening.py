"""Opening the school: from a database URL to a logged-in user, one path for the window and
the command line, so neither can skip a check.

In order, before anything is written: SQLite on a network share is refused (its file locking
is unsafe there; PostgreSQL is the way to share); the state of the database is read (new,
encrypted file, plain file, server, or what an interrupted first start left, which is refused
until the user has it moved aside); a server is opened and migrated at once, to show the
school's name; the embedded file opens only with a user's password, which unlocks it, brings
its schema up to date (a verified backup first) and logs in (app.services.admin.unlock); a
database without a school gets one on first start, an empty school or the demo school.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from app.core.errors import AuthenticationError, KoersError
from app.db.credentials import is_password_refusal
from app.db.store import Store, open_store
from app.db.urls import as_user, describe, parse_url, sqlite_path
from app.services.admin import accounts, data_folder, first_start, login_throttle, maintenance
from app.services.admin.unlock import database_state, open_for_user, without_school
from app.services.common.actor import Actor

T = TypeVar("T")

log = logging.getLogger(__name__)

NO_SCHOOL = "Deze database heeft nog geen school. Start Koers om de school aan te maken."
HAS_SCHOOL = "Deze database heeft al een school; kies een nieuwe database."


@dataclass
class Found:
    """What is at a URL before log-in. A server is opened at once; the embedded database is
    encrypted and opens only with a user's password, so `store` stays None for it."""

    url: str
    kind: str  # see app.services.admin.unlock.DatabaseState
    label: str
    school_name: str = ""
    is_demo: bool = False
    store: Store | None = None
    # What an interrupted first start left here (kind "half_made"); see data_folder.
    half_made: data_folder.HalfMade | None = None

    @property
    def is_new(self) -> bool:
        return self.kind == "new" or (self.store is not None and not self.school_name)

    def close(self) -> None:
        if self.store is not None:
            self.store.dispose()


@dataclass
class Entered:
    """A logged-in database. `recovery_key` is set once, when this log-in or start encrypted
    the file (to show and print); `report` when the file was found damaged (then read-only)."""

    store: Store
    actor: Actor
    recovery_key: str = ""
    report: maintenance.StartReport | None = None


def find_school(url: str) -> Found:
    """What is at `url`; an SQLite file on a network share is refused (NetworkShareError)
    before anything is opened or created there."""
    maintenance.refuse_network_database(url)
    state = database_state(url)
    found = Found(
        url, state.kind, describe(url), school_name=state.school, half_made=state.half_made
    )
    if state.kind in ("server", "memory"):
        found.store = open_store(url)
        try:
            school = found.store.run(accounts.school_info)
        except Exception:
            found.close()
            raise
        if school is not None:
            found.school_name, found.is_demo = school.name, school.is_demo
    return found


def log_in(
    found: Found,
    username: str,
    password: str,
    *,
    damaged_read_only: bool,
    throttle: login_throttle.LoginThrottle | None = None,
) -> Entered:
    """Logs in on what `find_school` found; wrong credentials raise, in Dutch.

    `damaged_read_only`: an embedded file too damaged to log in normally opens read-only with
    its report (the window then offers a backup); without it the damage raises. What an
    interrupted first start left is refused (HalfMadeFolderError), never opened. Every try
    first waits out the account's growing wait after failures (`throttle`, see
    app.services.admin.login_throttle).
    """
    if found.half_made is not None:
        raise data_folder.HalfMadeFolderError(found.half_made)
    throttle = throttle or login_throttle.LoginThrottle()
    throttle.wait(found.url, username)
    try:
        entered = _log_in(found, username, password, damaged_read_only)
    except KoersError as exc:
        if exc.is_auth:
            # No user name or path here: the app log holds no personal data.
            failures = throttle.failed(found.url, username)
            log.warning("log-in failed (%d in a row for this account)", failures)
        raise
    throttle.succeeded(found.url, username)
    return entered


def _log_in(found: Found, username: str, password: str, damaged_read_only: bool) -> Entered:
    if found.store is None:
        if damaged_read_only:
            checked = maintenance.open_checked(found.url, username, password)
            return Entered(checked.store, checked.actor, checked.recovery_key, checked.report)
        unlocked = open_for_user(found.url, username, password)
        return Entered(unlocked.store, unlocked.actor, unlocked.recovery_key)
    if found.store.server_roles:
        return _log_in_with_own_role(found, username, password)
    # One transaction: a failed attempt is still committed (counted and logged).
    with found.store.session() as session:
        result = accounts.login(session, username, password)
    return Entered(found.store, result.actor_or_raise())


def _log_in_with_own_role(found: Found, username: str, password: str) -> Entered:
    """Roles enforced by the server: the user's own login role and password open the
    connection, so the server decides which rows this user reads; the found store (the
    settings' own role) is closed. A refused password never reaches the app's lock-out count:
    the server refused it before Koers could write anything."""
    name = (username or "").strip().lower()
    store = Store(as_user(found.url, name, password))
    try:
        with store.session() as session:
            result = accounts.login(session, name, password)
        actor = result.actor_or_raise()
    except Exception as exc:
        store.dispose()
        if is_password_refusal(exc):
            raise AuthenticationError("Gebruikersnaam of wachtwoord klopt niet.") from exc
        raise
    found.close()
    found.store = store
    return Entered(store, actor)


def open_as_user(
    url: str,
    username: str,
    password: str,
    *,
    throttle: login_throttle.LoginThrottle | None = None,
) -> Entered:
    """Every check of the window, for a run without one (the command line): a database
    without a school or a damaged file is refused rather than set up or opened read-only."""
    found = find_school(url)
    try:
        if found.is_new:
            raise KoersError(NO_SCHOOL)
        return log_in(found, username, password, damaged_read_only=False, throttle=throttle)
    except BaseException:
        found.close()
        raise


def read_first(entered: Entered, read: Callable[[Session], T]) -> T:
    """The first read after log-in, in one transaction. On a file opened read-only after
    damage, a failure here means it is too damaged to work with: DamagedDatabaseError with
    the backup to offer, and its connections are closed."""
    try:
        return entered.store.run(read)
    except Exception:
        if entered.report is None:
            raise
        entered.store.dispose()
        raise maintenance.DamagedDatabaseError(entered.report) from None


# One start-up check at a time in this process: a log-out and a log-in again while the
# first check still ran made two daily backups of the same second, each renaming the
# other's temporary file (an error box). The second now waits, then finds today's backup.
_one_check_at_a_time = threading.Lock()


def after_start(store: Store) -> maintenance.StartReport:
    """Once the user can work: the integrity check (it grows with the database), then the
    daily backup of a sound file."""
    with _one_check_at_a_time:
        report = maintenance.start_checks(store)
        if report.ok:
            maintenance.daily_backup(store)
        return report


def create_school(
    found: Found,
    *,
    school_name: str,
    brin: str,
    username: str,
    display_name: str,
    password: str,
) -> Entered:
    """First start: an empty school with its first coordinator, in a new encrypted file
    (or on the empty server). Every field is checked before anything is written; the
    recovery key of a new file is returned once."""
    accounts.check_new_school(
        school_name=school_name,
        brin=brin,
        username=username,
        display_name=display_name,
        password=password,
    )
    return fill_new_school(
        found,
        school=school_name,
        username=username,
        password=password,
        fill=lambda session: accounts.initialise_school(
            session,
            school_name=school_name,
            brin=brin,
            username=username,
            display_name=display_name,
            password=password,
        ),
    )


def fill_new_school(
    found: Found,
    *,
    school: str,
    username: str,
    password: str,
    fill: Callable[[Session], Actor],
    shared_with: Iterable[str] = (),
) -> Entered:
    """A new school made by `fill` in one transaction: in a new encrypted file that only
    takes its name once the school is committed (app.services.admin.first_start), or on the
    empty server. Refused where a school already is, or what a crash left."""
    if found.half_made is not None:
        raise data_folder.HalfMadeFolderError(found.half_made)
    if not found.is_new:
        raise KoersError(HAS_SCHOOL)
    if found.store is not None:
        return Entered(found.store, found.store.run(fill))
    path = sqlite_path(parse_url(found.url))
    if path is None:  # pragma: no cover - a URL without a file has a store (see find_school)
        raise KoersError(NO_SCHOOL)
    store, actor, recovery = first_start.create_encrypted_school(
        path,
        school=school,
        username=username,
        password=password,
        fill=fill,
        shared_with=shared_with,
    )
    return Entered(store, actor, recovery)


def clean_start(url: str, now: datetime, username: str = "", password: str = "") -> Path:
    """Moves what an interrupted first start left at `url` into a dated folder beside it,
    after the user agreed, so the first start can begin again; returns that folder.

    The folder is read again here, never trusted from earlier: an encrypted file counts only
    when `username`'s password opens it and it holds no school. Nothing is deleted.
    """
    path = sqlite_path(parse_url(url))
    found = None if path is None else data_folder.half_made(path)
    if found is None and username:
        found = without_school(url, username, password)
    if found is None:
        raise KoersError("Hier staat geen onvolledige database; er is niets opzij gezet.")
    return data_folder.set_aside(found, now)


def warm_up() -> None:
    """Runs the log-in and cohort queries once on an empty in-memory database, and reads the
    migration scripts, while the user types.

    SQLAlchemy's first compile of each kind of statement pays a one-time set-up (about
    60 ms here) that would otherwise fall between the password and the cohort. Nothing of
    the real database is touched.
    """
    from app.db import migrate
    from app.models import Base, Role
    from app.services.students import cohort

    migrate.known_revisions()
    scratch = Store("sqlite://")
    try:
        Base.metadata.create_all(scratch.engine)
        with scratch.session() as session:
            accounts.login(session, "warm-up", "", password_checked=True)
            accounts.school_info(session)
            warm_actor = Actor(0, "warm-up", "", Role.COORDINATOR)
            cohort.cohort_first_page(session, warm_actor)
            cohort.cohort_overview(session, warm_actor)
    finally:
        scratch.dispose()
