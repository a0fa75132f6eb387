"""A PostgreSQL server a single test owns and may stop, start and reconfigure.

The session's shared server (conftest `postgres_server`) must never go away under other
tests; a test about outages or TLS starts one of these instead and always stops it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def postgres_bin() -> Path | None:
    """The newest Debian-style PostgreSQL install, else whatever pg_ctl is on PATH."""
    found = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")]
    found.sort(key=lambda b: int(b.parent.name) if b.parent.name.isdigit() else -1)
    if found:
        return found[-1]
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OwnServer:
    """initdb'd in a temp dir, 127.0.0.1 only, trust auth unless `hba` is rewritten."""

    def __init__(self, bin_dir: Path, as_user: list[str], root: Path) -> None:
        self.bin_dir, self.as_user, self.root = bin_dir, as_user, root
        self.data, self.log = root / "data", root / "server.log"
        self.host = "127.0.0.1"
        self.port = free_port()
        self.options = f"-F -c fsync=off -c listen_addresses=127.0.0.1 -p {self.port} -k {root}"

    def _run(self, *args: str | Path) -> None:
        try:
            subprocess.run(
                [*self.as_user, *map(str, args)], check=True, capture_output=True, text=True
            )
        except subprocess.CalledProcessError as exc:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl failed: {exc.stderr}\n{exc.stdout}\n{log}") from exc

    def initdb(self) -> None:
        self._run(self.bin_dir / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust",
                  "--no-sync", "-E", "UTF8", "--locale=C")  # fmt: skip

    def start(self) -> None:
        self._run(self.bin_dir / "pg_ctl", "start", "-w", "-D", self.data, "-l", self.log,
                  "-o", self.options)  # fmt: skip

    def stop(self) -> None:
        # Fast: open connections are ended, as when the server is restarted for an update.
        self._run(self.bin_dir / "pg_ctl", "stop", "-w", "-D", self.data, "-m", "fast")

    def give_to_server(self, path: Path, mode: int = 0o600) -> None:
        """A file the server reads (a key must be private to the server's account)."""
        path.chmod(mode)
        if self.as_user:
            import pwd

            account = pwd.getpwnam("postgres")
            os.chown(path, account.pw_uid, account.pw_gid)

    def add_config(self, lines: str) -> None:
        conf = self.data / "postgresql.conf"
        conf.write_text(conf.read_text() + "\n" + lines + "\n")

    def set_hba(self, text: str) -> None:
        (self.data / "pg_hba.conf").write_text(text)

    def url(self, database: str = "postgres", **query: str) -> str:
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg",
            username="postgres",
            host=self.host,
            port=self.port,
            database=database,
            query=query,
        ).render_as_string(hide_password=False)

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextmanager
def own_server(*, started: bool = True) -> Iterator[OwnServer]:
    """A server for one test, stopped and removed afterwards; skipped without PostgreSQL."""
    bin_dir = postgres_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        if os.environ.get("CI") == "true":
            raise RuntimeError("PostgreSQL tests cannot run under CI: pg_ctl not found")
        pytest.skip("PostgreSQL not installed")
    as_user: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="koers-own-pg-"))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        import pwd

        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    server = OwnServer(bin_dir, as_user, root)
    try:
        server.initdb()
        if started:
            server.start()
        yield server
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "stop", "-w", "-D", str(server.data), "-m",
             "immediate"],
            capture_output=True,
        )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)
