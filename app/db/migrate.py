"""Schema upgrades with Alembic: a backup first, and never onto a newer database."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.core.resources import package_path
from app.db.urls import sqlite_path

if TYPE_CHECKING:
    # Only the type: app.db.store imports this module to migrate what it opens.
    from app.db.store import Store


class DatabaseTooNewError(RuntimeError):
    """The database was written by a newer Koers; opening it could damage it."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            "Deze database is gemaakt met een nieuwere versie van Koers "
            f"(schema {revision}). Installeer de nieuwste versie van Koers."
        )


def alembic_config(store: Store | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(package_path("app/db/migrations")))
    if store is not None:
        # The option goes through ConfigParser interpolation: a '%' (a quoted path such as
        # sslrootcert, or a password) is doubled, and read back single.
        url = store.url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def scripts() -> ScriptDirectory:
    """The migration scripts, read once per process (warmed up before log-in)."""
    return _scripts_at(str(package_path("app/db/migrations")))


@functools.cache
def _scripts_at(location: str) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> frozenset[str]:
    return _known_at(str(package_path("app/db/migrations")))


@functools.cache
def _known_at(location: str) -> frozenset[str]:
    return frozenset(script.revision for script in _scripts_at(location).walk_revisions())


def head_revision() -> str:
    head = scripts().get_current_head()
    assert head is not None
    return head


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(store: Store) -> bool:
    current = current_revision(store)
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(current)
    return current != head_revision()


def backup_sqlite(path: Path, label: str) -> Path:
    """A verified backup of a plain SQLite file beside it (see app.db.backup)."""
    from app.db.backup import backup_file

    return backup_file(path, None, label, target_dir=path.parent)


def upgrade(store: Store) -> bool:
    """Brings the schema to head; returns whether anything was done."""
    if not needs_upgrade(store):
        return False
    path = sqlite_path(store.url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        current = current_revision(store)
        if current is not None:
            from app.db.backup import make_backup

            # Verified, and encrypted like the database; a damaged file stops the upgrade.
            make_backup(store, "voor-upgrade-" + re.sub(r"[^A-Za-z0-9_-]", "-", current))
    config = alembic_config(store)
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return True
