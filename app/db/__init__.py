"""Engine, sessions and migrations for SQLite (embedded) and PostgreSQL (shared).

Nothing is imported eagerly: app.db.urls and app.db.credentials run on the GUI thread
before the login window shows and must not pull in SQLAlchemy (about 300 ms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.db.store import Store, open_store

__all__ = ["Store", "open_store"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from app.db import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
