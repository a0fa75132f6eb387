"""Two PCs reading in the same LAS file at once on one PostgreSQL server: they take turns,
so the second finds the first's new students instead of inserting them again."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from sqlalchemy import func, select, text

from app.demo.las_files import edexml_document, generate_students
from app.models import Student
from app.services.las_import.importer import ImportResult, apply_import
from app.services.las_import.source import ImportSource


def _waiting_for_a_lock(store) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted"))


def test_two_imports_at_once_take_turns(store, coordinator, database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite serialises writers itself (BEGIN IMMEDIATE)")
    people = generate_students(15, seed=3, reference=date(2026, 10, 1))
    source = ImportSource("edexml", edexml_document(people, peildatum=date(2026, 10, 1)))
    second: list[ImportResult | BaseException] = []

    def other_pc() -> None:
        try:
            second.append(store.run(apply_import, coordinator, source))
        except BaseException as exc:  # handed to the test thread, which asserts on it
            second.append(exc)

    with store.session() as session:
        first = apply_import(session, coordinator, source)
        thread = threading.Thread(target=other_pc)
        thread.start()
        # Until the other PC's import waits for this one (counted, never timed).
        while _waiting_for_a_lock(store) == 0:
            assert thread.is_alive(), second
            time.sleep(0.01)
    thread.join()

    assert first.created == 15
    assert len(second) == 1 and isinstance(second[0], ImportResult), second
    assert (second[0].created, second[0].unchanged) == (0, 15)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Student)) == 15
