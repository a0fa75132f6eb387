"""The Store: one engine and the unit-of-work sessions built on it.

An embedded database opened with a key is an SQLCipher file: every page is encrypted with
the random database key (see app/db/keyfile.py for how that key is kept, app/db/cipher.py
for the connection). Imports run one way: store -> migrate -> backup -> integrity -> cipher.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool, StaticPool

from app.core.files import PRIVATE_DIR, make_private
from app.db.cipher import sqlcipher_connect
from app.db.urls import driver_url, parse_url, server_roles_enforced, sqlite_path

P = ParamSpec("P")
T = TypeVar("T")

AFTER_COMMIT = "after_commit"
AFTER_ROLLBACK = "after_rollback"
# A session of `Store.read`: a snapshot without the write lock, which must not write.
READS_ONLY = "reads_only"
DEFERRED = "koers_deferred_begin"

log = logging.getLogger(__name__)


def after_commit(session: Session, hook: Callable[[], None]) -> None:
    """Runs `hook` once the session's transaction has committed (never after a rollback)."""
    session.info.setdefault(AFTER_COMMIT, []).append(hook)


def after_rollback(session: Session, hook: Callable[[Session], None]) -> None:
    """Runs `hook(fresh_session)` in a transaction of its own once the session's work has
    been rolled back (never after a commit): a record that must outlive the failed action,
    such as the audit row of a refused export. Without a Store behind the session (a bare
    session in a test) there is no second transaction to open and the hook is dropped."""
    session.info.setdefault(AFTER_ROLLBACK, []).append(hook)


@contextmanager
def undone_on_error(session: Session) -> Iterator[None]:
    """The block in a savepoint of the session's transaction: on an error its work is
    rolled back and the after-rollback hooks it queued (a refused export's audit row) run
    in the transaction that goes on, as `Store.session` runs them after a rollback; the
    error is raised. For actions inside one long transaction, such as the demo's story."""
    hooks: list[Callable[[Session], None]] = session.info.setdefault(AFTER_ROLLBACK, [])
    queued_before = len(hooks)
    savepoint = session.begin_nested()
    try:
        yield
    except BaseException:
        savepoint.rollback()
        queued = hooks[queued_before:]
        del hooks[queued_before:]
        for hook in queued:
            hook(session)
        raise
    savepoint.commit()


def _configure_sqlite(dbapi_connection, _record) -> None:
    # Transactions are begun explicitly (see _begin_immediate), not by the driver.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a transaction the user saw confirmed survives a power cut.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Deleted records are overwritten, not left readable in free pages (retention purge).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


READ_ONLY_MESSAGE = (
    "De database is beschadigd en alleen te lezen; wijzigen kan niet. "
    "Zet een back-up terug via Beheer > Back-ups."
)


def _refuse_flush(session, _context, _instances) -> None:
    if session.info.get(READS_ONLY) and (session.new or session.dirty or session.deleted):
        raise RuntimeError("Store.read is for reading only; run writes with Store.run")
    store = session.info.get("store")
    if store is not None and store.read_only and (session.new or session.dirty or session.deleted):
        from app.core.errors import ReadOnlyError

        raise ReadOnlyError(store.read_only_message)


def _refuse_statement(state) -> None:
    """Core insert()/update()/delete() run through a session are refused too."""
    if state.session.info.get(READS_ONLY) and (
        state.is_insert or state.is_update or state.is_delete
    ):
        raise RuntimeError("Store.read is for reading only; run writes with Store.run")
    store = state.session.info.get("store")
    if (
        store is not None
        and store.read_only
        and (state.is_insert or state.is_update or state.is_delete)
    ):
        from app.core.errors import ReadOnlyError

        raise ReadOnlyError(store.read_only_message)


# SQLite's default page cache is 2 MB: on a large encrypted file every miss decrypts a page
# again. Measured on the 3,000-student reference (bench/, SQLCipher): the cohort list 120 ->
# 70 ms and the signals 213 -> 135 ms from 2 MB to 8 MB, no further gain at 64 MB. Sized to
# the file, capped so a few pooled connections stay inside the 300 MB budget.
PAGE_CACHE_CAP_KIB = 32 * 1024
PAGE_CACHE_MIN_KIB = 2 * 1024


def page_cache_kib(path: Path) -> int:
    """The page cache for a connection to the file at `path`: its size, within bounds."""
    try:
        size_kib = path.stat().st_size // 1024
    except OSError:
        size_kib = 0
    return max(PAGE_CACHE_MIN_KIB, min(size_kib, PAGE_CACHE_CAP_KIB))


def _size_page_cache(path: Path):
    def configure(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        # Negative: a size in KiB rather than in pages.
        cursor.execute(f"PRAGMA cache_size=-{page_cache_kib(path)}")
        cursor.close()

    return configure


def _owner_only(path: Path) -> None:
    # SQLite gives the -wal and -shm files the mode of the database file: owner-only too.
    for member in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        make_private(member)


def _begin_immediate(connection) -> None:
    # Take the write lock at the start, so a transaction never acts on what it read
    # before another one committed (the audit chain depends on it). A read-only session
    # (`Store.read`) takes a plain snapshot instead: a long read beside the user's work
    # (the whole cohort after its first page) must never hold up a save or an audit row.
    if connection.get_execution_options().get(DEFERRED):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str | URL, key: bytes | None = None) -> Engine:
    from sqlalchemy import create_engine

    parsed = parse_url(str(url)) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        if path is None:
            engine = create_engine(
                parsed, poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        else:
            path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
            # A small pool: a keyed connection keeps its decrypted page cache between
            # actions instead of re-keying and re-reading the schema for each one.
            options: dict = {"poolclass": QueuePool, "pool_size": 2, "max_overflow": 2}
            if key is None:
                options["connect_args"] = {"check_same_thread": False}
            else:
                options["creator"] = lambda: sqlcipher_connect(path, key)
            engine = create_engine(parsed, **options)
        event.listen(engine, "connect", _configure_sqlite)
        if path is not None:
            event.listen(engine, "connect", lambda *_: _owner_only(path))
            event.listen(engine, "connect", _size_page_cache(path))
        event.listen(engine, "begin", _begin_immediate)
        return engine
    # Pessimistic disconnect handling: each checkout tests its connection first, so after
    # a server restart the pool reconnects instead of handing out a dead connection.
    # A server that does not answer is given up on after a while, so the user hears of it.
    connect_args = {} if "connect_timeout" in parsed.query else {"connect_timeout": 10}
    return create_engine(
        driver_url(parsed),
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=4,
        connect_args=connect_args,
    )


class Store:
    """Owns the engine; every user action runs in one session and one transaction.

    `key` is the SQLCipher key of an encrypted embedded database (None: plain SQLite, or
    PostgreSQL). `read_only` marks a database that failed its integrity check: the UI shows
    it, offers a restore, and services refuse every change. `schema_problems` lists what
    the check at open found changed outside Koers (then it is read-only too).
    """

    def __init__(
        self,
        url: str | URL,
        engine: Engine | None = None,
        *,
        key: bytes | None = None,
        read_only: bool = False,
    ) -> None:
        self.url = parse_url(str(url)) if isinstance(url, str) else url
        self.key = key
        self.read_only = read_only
        self.schema_problems: list[str] = []
        self.engine = engine or make_engine(self.url, key)
        # Whether this store has ever reached its server: a server missing from the start
        # is a setting to fix (the login says so), one that goes away later is an outage.
        self.has_connected = False
        event.listen(self.engine, "connect", self._connected)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            self.engine.execution_options(**{DEFERRED: True}), expire_on_commit=False
        )
        for sessions in (self._sessions, self._read_sessions):
            event.listen(sessions, "before_flush", _refuse_flush)
            event.listen(sessions, "do_orm_execute", _refuse_statement)

    def _connected(self, _dbapi_connection, _record) -> None:
        self.has_connected = True

    def _outage(self, exc: BaseException) -> BaseException | None:
        """The user's error for a server that went away mid-session, else None."""
        if self.is_sqlite or not self.has_connected:
            return None
        from app.db.connection_errors import LOST_MESSAGE, is_connection_lost

        if not is_connection_lost(exc):
            return None
        from app.core.errors import ConnectionLostError

        log.warning("database connection lost: %s", type(getattr(exc, "orig", exc)).__name__)
        return ConnectionLostError(LOST_MESSAGE)

    @property
    def read_only_message(self) -> str:
        """Why nothing may change, in Dutch: a changed schema, or else damage."""
        if self.schema_problems:
            from app.db.schema_check import tampered_message

            return tampered_message(self.schema_problems)
        return READ_ONLY_MESSAGE

    def check_schema(self) -> list[str]:
        """Compares the schema with what the migrations made; a difference (a dropped
        trigger, a changed table) makes the store read-only. Returns the differences."""
        from app.db.schema_check import schema_problems

        self.schema_problems = schema_problems(self.engine)
        if self.schema_problems:
            import logging

            logging.getLogger(__name__).error(
                "schema check failed, opened read-only: %s", self.schema_problems[:5]
            )
            self.read_only = True
        return self.schema_problems

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def server_roles(self) -> bool:
        """Each user connects with an own PostgreSQL role; the server enforces who reads
        which rows, and account changes are mirrored to those roles."""
        return server_roles_enforced(self.url)

    @property
    def sqlite_file(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back on any error.

        Work outside the database that must follow only a successful commit (the key file
        of an encrypted database) is queued with `after_commit(session, fn)`.
        """
        rollback_hooks: list[Callable[[Session], None]] = []
        try:
            with self._sessions.begin() as session:
                session.info["store"] = self
                session.info[AFTER_ROLLBACK] = rollback_hooks
                yield session
        except DBAPIError as exc:
            outage = self._outage(exc)
            if outage is None:
                self._after_rollback(rollback_hooks)
                raise
            # No rollback hooks: they need the server that just went away. The pool has
            # dropped the dead connections; the next action connects afresh.
            raise outage from exc
        except BaseException:
            self._after_rollback(rollback_hooks)
            raise
        for hook in session.info.get(AFTER_COMMIT, []):
            hook()

    def _after_rollback(self, hooks: list[Callable[[Session], None]]) -> None:
        # Each hook in its own transaction, after the failed one has released its locks (an
        # SQLite write lock would otherwise block it). A hook that fails is logged, never
        # raised: the caller must still see why its action failed.
        for hook in hooks:
            try:
                with self._sessions.begin() as fresh:
                    fresh.info["store"] = self
                    hook(fresh)
            except Exception:
                log.exception("after-rollback hook failed")

    def run(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kw: P.kwargs) -> T:
        """Runs one use case in its own transaction: all of it is saved, or none."""
        with self.session() as session:
            return fn(session, *args, **kw)

    def read(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kw: P.kwargs) -> T:
        """Runs a use case that only reads, in a snapshot without the write lock (on SQLite
        a plain BEGIN): for long reads beside the user's work. Writing in it is refused."""
        try:
            with self._read_sessions.begin() as session:
                session.info["store"] = self
                session.info[READS_ONLY] = True
                return fn(session, *args, **kw)
        except DBAPIError as exc:
            outage = self._outage(exc)
            if outage is None:
                raise
            raise outage from exc

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str, *, key: bytes | None = None, migrate: bool = True) -> Store:
    """Opens the database at `url`, bringing its schema up to date first, then checking
    that its tables and triggers are the ones Koers made (read-only when not)."""
    store = Store(url, key=key)
    if migrate:
        from app.db.migrate import upgrade

        try:
            upgrade(store)
            store.check_schema()
        except BaseException:
            store.dispose()
            raise
    return store
