"""SQLite connections get a page cache sized to the file, within a cap (issue 19)."""

from __future__ import annotations

import pytest
from sqlalchemy import column, insert, table, text

from app.db.store import PAGE_CACHE_CAP_KIB, PAGE_CACHE_MIN_KIB, Store, page_cache_kib


def test_the_page_cache_follows_the_file_size_between_floor_and_cap(tmp_path):
    small, large, middle = tmp_path / "small.db", tmp_path / "large.db", tmp_path / "mid.db"
    small.write_bytes(b"\0" * 1024)
    middle.write_bytes(b"\0" * (5 * 1024 * 1024))
    with large.open("wb") as handle:  # sparse: no real disk used
        handle.truncate(500 * 1024 * 1024)
    assert page_cache_kib(small) == PAGE_CACHE_MIN_KIB
    assert page_cache_kib(middle) == 5 * 1024
    assert page_cache_kib(large) == PAGE_CACHE_CAP_KIB
    assert page_cache_kib(tmp_path / "missing.db") == PAGE_CACHE_MIN_KIB


def test_a_store_connection_carries_the_sized_cache(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'koers.db'}")
    try:
        with store.engine.connect() as connection:
            cache = connection.execute(text("PRAGMA cache_size")).scalar_one()
        assert cache == -PAGE_CACHE_MIN_KIB  # a new, empty file: the floor
    finally:
        store.dispose()


def test_a_long_read_beside_the_user_never_holds_the_write_lock(tmp_path):
    """Store.read takes a snapshot without the write lock: a save (BEGIN IMMEDIATE) goes
    through while the read is still open; a write inside the read is refused."""
    store = Store(f"sqlite:///{tmp_path / 'koers.db'}")
    try:
        store.run(lambda s: s.execute(text("CREATE TABLE t (name TEXT)")))
        store.run(lambda s: s.execute(text("INSERT INTO t VALUES ('A')")))

        def read_then_save(session):
            before = session.execute(text("SELECT name FROM t")).scalar_one()
            # Another transaction writes while this read is open (the user's save).
            store.run(lambda s: s.execute(text("UPDATE t SET name = 'B'")))
            again = session.execute(text("SELECT name FROM t")).scalar_one()
            return before, again

        assert store.read(read_then_save) == ("A", "A")  # one snapshot throughout
        assert store.run(lambda s: s.execute(text("SELECT name FROM t")).scalar_one()) == "B"
        with pytest.raises(RuntimeError):
            store.read(lambda s: s.execute(insert(table("t", column("name"))).values(name="C")))
    finally:
        store.dispose()
