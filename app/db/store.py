"""The Store: one engine and the unit-of-work sessions built on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, StaticPool

from app.db.urls import parse_url, sqlite_path

P = ParamSpec("P")
T = TypeVar("T")


def _configure_sqlite(dbapi_connection, _record) -> None:
    # Transactions are begun explicitly (see _begin_immediate), not by the driver.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a transaction the user saw confirmed survives a power cut.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _begin_immediate(connection) -> None:
    # Take the write lock at the start, so a transaction never acts on what it read
    # before another one committed (the audit chain depends on it).
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str | URL) -> Engine:
    from sqlalchemy import create_engine

    parsed = parse_url(str(url)) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        if path is None:
            engine = create_engine(
                parsed, poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                parsed, poolclass=NullPool, connect_args={"check_same_thread": False}
            )
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    return create_engine(parsed, pool_pre_ping=True, pool_size=2, max_overflow=4)


class Store:
    """Owns the engine; every user action runs in one session and one transaction."""

    def __init__(self, url: str | URL, engine: Engine | None = None) -> None:
        self.url = parse_url(str(url)) if isinstance(url, str) else url
        self.engine = engine or make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back on any error."""
        with self._sessions.begin() as session:
            yield session

    def run(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kw: P.kwargs) -> T:
        """Runs one use case in its own transaction: all of it is saved, or none."""
        with self.session() as session:
            return fn(session, *args, **kw)

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Opens the database at `url`, bringing its schema up to date first."""
    store = Store(url)
    if migrate:
        from app.db.migrate import upgrade

        upgrade(store)
    return store
