"""A throwaway PostgreSQL server for the region measurements: a temp dir, 127.0.0.1 only.

Root cannot run initdb, so as root the server runs as the 'postgres' user (runuser).
Unlike the test server this one keeps fsync on: the figures should be a real server's.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    superuser: str = "postgres"
    # What `restart` needs: the data folder, pg_ctl, and who runs it.
    data: Path | None = None
    pg_ctl: Path | None = None
    as_user: list[str] = field(default_factory=list)
    log: Path | None = None
    options: str = ""

    def restart(self) -> None:
        """Stops the server as an update would (fast: open sessions are ended) and starts
        it again on the same port and data."""
        if self.data is None or self.pg_ctl is None:
            raise RuntimeError("this server was not started by bench.postgres")
        # Stop and start rather than `pg_ctl restart`: that forgets the log file, and the
        # new server would hold this process's output pipes open for ever.
        ctl = [*self.as_user, str(self.pg_ctl)]
        stop = [*ctl, "stop", "-w", "-D", str(self.data), "-m", "fast"]
        start = [*ctl, "start", "-w", "-D", str(self.data), "-l", str(self.log)]
        subprocess.run(stop, check=True, capture_output=True, text=True)
        subprocess.run([*start, "-o", self.options], check=True, capture_output=True, text=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.superuser}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user=self.superuser, dbname="postgres", autocommit=True
        ) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _bin_dir() -> Path:
    found = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")]
    found.sort(key=lambda b: int(b.parent.name) if b.parent.name.isdigit() else -1)
    if found:
        return found[-1]
    on_path = shutil.which("pg_ctl")
    if on_path is None:
        raise RuntimeError("PostgreSQL not found: install the Debian package postgresql")
    return Path(on_path).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """Starts a server in a new temp dir and always stops it and removes the dir."""
    bin_dir = _bin_dir()
    as_user: list[str] = []
    account = None
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="koers-bench-pg-"))
    if account is not None:
        os.chown(root, account.pw_uid, account.pw_gid)
    data, log = root / "data", root / "server.log"
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, text=True)

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root}"
        run(str(bin_dir / "pg_ctl"), "start", "-w", "-D", str(data), "-l", str(log),
            "-o", options)  # fmt: skip
    except subprocess.CalledProcessError as exc:
        server_log = log.read_text() if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(
            f"could not start PostgreSQL: {exc.stderr}\n{exc.stdout}\n{server_log}"
        ) from exc
    try:
        yield PostgresServer("127.0.0.1", port, data=data, pg_ctl=bin_dir / "pg_ctl",
                             as_user=as_user, log=log, options=options)  # fmt: skip
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "stop", "-w", "-D", str(data), "-m", "fast"],
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)
