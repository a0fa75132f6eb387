"""Shared fixtures: a private keyring and data folder per test, and a fresh database on
SQLite and on a throwaway PostgreSQL server that the test run starts itself."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from app.core import clock
from app.db import Store, open_store
from app.services.admin import accounts
from app.services.common.actor import Actor
from tests.pg_control import free_port, postgres_bin

COORDINATOR_PASSWORD = "horizon-2026-veilig"


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict, so no test reads or writes the machine's real keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(f"{service}/{username} is not stored")


# A day in the middle of a school year. The demo's story is dated by the clock and stops at
# today: a test that builds the demo holds the clock here, so it tells the same story in
# whatever month the tests run.
DEMO_DAY = date(2026, 12, 3)


@pytest.fixture
def demo_day() -> Iterator[date]:
    """The clock held at DEMO_DAY for the whole test, then let go."""
    with clock.held_at(DEMO_DAY):
        yield DEMO_DAY


@pytest.fixture(autouse=True)
def private_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[MemoryKeyring]:
    """Every test gets its own empty keyring and data folder; nothing of the user's leaks in."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("KOERS_DATA_DIR", str(tmp_path / "koers-data"))
    monkeypatch.delenv("KOERS_DATABASE_URL", raising=False)
    yield backend


# --- PostgreSQL -------------------------------------------------------------------------


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    superuser: str = "postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.superuser}@{self.host}:{self.port}/{database}"

    def admin(self):
        import psycopg

        return psycopg.connect(
            host=self.host, port=self.port, user=self.superuser, dbname="postgres", autocommit=True
        )


def _unavailable(reason: str):
    # Under CI a missing server is a broken pipeline, never a quietly skipped test.
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"PostgreSQL tests cannot run under CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason} (install the Debian package postgresql)")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL for this test run: trust auth, 127.0.0.1 only, fsync off."""
    bin_dir = postgres_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        _unavailable("initdb/pg_ctl not found")
    # initdb refuses to run as root, so root runs the server as the postgres user.
    as_user: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        import pwd

        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root and there is no 'postgres' user")
        as_user = ["runuser", "-u", "postgres", "--"]

    root = Path(tempfile.mkdtemp(prefix="koers-pg-"))
    if as_user:
        os.chown(root, account.pw_uid, account.pw_gid)
    data, log = root / "data", root / "server.log"

    initdb = [bin_dir / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]
    initdb += ["-E", "UTF8", "--locale=C"]  # the same collation on every machine
    try:
        subprocess.run([*as_user, *initdb], check=True, capture_output=True, text=True)
        # Parallel test workers each start a server: a port taken between choosing it and
        # listening on it is tried again with another.
        for attempt in range(3):
            port = free_port()
            options = f"-F -c fsync=off -c listen_addresses=127.0.0.1 -p {port} -k {root}"
            start = [bin_dir / "pg_ctl", "start", "-w", "-D", data, "-l", log, "-o", options]
            try:
                subprocess.run([*as_user, *start], check=True, capture_output=True, text=True)
                break
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
    except subprocess.CalledProcessError as exc:
        server_log = log.read_text() if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(
            f"could not start PostgreSQL: {exc.stderr}\n{exc.stdout}\n{server_log}"
        ) from exc
    stop = [*as_user, bin_dir / "pg_ctl", "stop", "-w", "-D", data, "-m", "fast"]
    if shutil.which("sh"):
        _stop_when_gone(os.getpid(), stop, root)
    try:
        yield PostgresServer("127.0.0.1", port)
    finally:
        subprocess.run(stop, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _stop_when_gone(pid: int, stop: list, root: Path) -> None:
    """A detached watcher stops the server if this run dies without its teardown
    (killed, or hung in a Qt event loop and then killed)."""
    script = 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; shift; root=$1; shift; '
    script += '"$@" >/dev/null 2>&1; rm -rf "$root"'
    subprocess.Popen(
        ["sh", "-c", script, "watch", str(pid), root, *stop],
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


_database_numbers = itertools.count(1)


def _fresh_postgres_database(server: PostgresServer) -> Iterator[str]:
    name = f"koers_test_{next(_database_numbers)}"
    with server.admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.url(name)
    finally:
        # FORCE ends connections a test left open (engines are disposed before this runs).
        with server.admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: an SQLite file, or a new database on the test PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'koers.db'}"
    else:
        yield from _fresh_postgres_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """The database opened as the app opens it: migrated to the newest schema."""
    opened = open_store(database_url)
    yield opened
    opened.dispose()


@pytest.fixture
def coordinator_password() -> str:
    return COORDINATOR_PASSWORD


@pytest.fixture
def coordinator(store: Store) -> Actor:
    """A set-up school with its first coordinator, logged in."""
    return store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password=COORDINATOR_PASSWORD,
    )
