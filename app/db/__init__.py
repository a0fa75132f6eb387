"""Engine, sessions and migrations for SQLite (embedded) and PostgreSQL (shared)."""

from app.db.store import Store, open_store

__all__ = ["Store", "open_store"]
