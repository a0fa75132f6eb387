"""Where the database lives: the embedded default, or a URL the user gave."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

ENV_DATABASE_URL = "KOERS_DATABASE_URL"
ENV_DATA_DIR = "KOERS_DATA_DIR"
# `?koers_roles=server` on a PostgreSQL URL: the school chose "roles enforced by the
# server"; every user connects with an own login role (see app/db/server_roles.py).
SERVER_ROLES_OPTION = "koers_roles"


def data_dir() -> Path:
    """The per-user data folder; KOERS_DATA_DIR overrides it (tests), then portable mode
    (a marker file beside the program: app.db.portable)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    from app.db.portable import portable_data_dir

    portable = portable_data_dir()
    if portable is not None:
        return portable
    import platformdirs

    return Path(platformdirs.user_data_dir("Koers", "Koers"))


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'koers.db'}"


def resolve_database_url(explicit: str | None, configured: str | None = None) -> str:
    """--database wins, then KOERS_DATABASE_URL, then the settings dialog's choice, then
    the embedded file."""
    return explicit or os.environ.get(ENV_DATABASE_URL) or configured or default_database_url()


def parse_url(url: str) -> URL:
    """Parses a database URL; PostgreSQL URLs use the psycopg 3 driver."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", "psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def server_roles_enforced(url: URL) -> bool:
    """Whether each user logs in to PostgreSQL with an own role (row-level security)."""
    return url.get_backend_name() == "postgresql" and url.query.get(SERVER_ROLES_OPTION) == "server"


def driver_url(url: URL) -> URL:
    """The URL as the driver gets it: without Koers's own options."""
    return url.difference_update_query([SERVER_ROLES_OPTION])


def as_user(url: str, username: str, password: str) -> str:
    """The shared store's URL with a user's own login role and password, for the
    server-roles mode: the server, not the app, then decides which rows that user reads."""
    parsed = parse_url(url).set(username=username, password=password)
    return parsed.render_as_string(hide_password=False)


def sqlite_path(url: URL) -> Path | None:
    """The file behind an SQLite URL, or None for memory or another backend."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def describe(url: str) -> str:
    """A short description for the status bar, never with a password."""
    parsed = parse_url(url)
    path = sqlite_path(parsed)
    if path is not None:
        return f"SQLite: {path}"
    if parsed.get_backend_name() == "sqlite":
        return "SQLite (in het geheugen)"
    host = parsed.host or "localhost"
    return f"PostgreSQL: {parsed.database} op {host}"
