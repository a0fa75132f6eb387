"""The LAS import of 3,000 students (design.md: under 3 s), from EDEXML and from CSV.

Each figure is the wall time of the preview plus the import itself (parse, check, compare,
one transaction with every student, mentor and audit line), into an empty school. The
re-import of the same file (nothing changes) is measured as well, informational.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.generate import say
from bench.results import Result

STUDENTS = 3_000
BUDGET_S = 3.0


def _school(url: str):
    from app.db.store import open_store
    from app.services.admin import accounts

    store = open_store(url)
    actor = store.run(
        accounts.initialise_school,
        school_name="Bench",
        brin="12AB",
        username="demo",
        display_name="Demo",
        password="bench-wachtwoord-2026",
    )
    return store, actor


def _source(kind: str, store, actor):
    from app.demo.las_files import csv_document, edexml_document, generate_students
    from app.services.las_import import csv_mappings
    from app.services.las_import.source import ImportSource

    people = generate_students(STUDENTS, seed=3)
    if kind == "edexml":
        return ImportSource("edexml", edexml_document(people), "bench.xml")
    data = csv_document(people, encoding="cp1252")
    headers, _e, _d = csv_mappings.csv_headers(data)
    mapping = store.run(csv_mappings.load_mapping, actor, "standaard", headers)
    return ImportSource("csv", data, "bench.csv", mapping)


def _timed(store, actor, source) -> tuple[float, int]:
    from app.services.las_import import importer as las_import

    started = time.perf_counter()
    preview = store.run(las_import.preview_import, actor, source)
    result = store.run(las_import.apply_import, actor, source)
    elapsed = time.perf_counter() - started
    assert preview.can_apply
    return elapsed, result.created


def measure(url_for, suffix: str = "") -> list[Result]:
    """`url_for(name)` gives an empty database's URL; one database per format."""
    results = []
    for kind in ("edexml", "csv"):
        store, actor = _school(url_for(f"koers_import_{kind}"))
        try:
            source = _source(kind, store, actor)
            say(f"LAS import: {STUDENTS} students from {kind}{suffix}")
            first, created = _timed(store, actor, source)
            assert created == STUDENTS
            again, _ = _timed(store, actor, source)
        finally:
            store.dispose()
        name = f"las_import_{kind}_{STUDENTS}{suffix}"
        results.append(Result(name, round(first, 3), "s", BUDGET_S, note="preview + commit"))
        results.append(Result(f"{name}_again", round(again, 3), "s", note="same file, unchanged"))
    return results


def sqlite_figures(work: Path) -> list[Result]:
    return measure(lambda name: f"sqlite:///{work / 'import' / (name + '.db')}")


def postgres_figures() -> list[Result]:
    from bench.postgres import postgres_server

    with postgres_server() as server:
        return measure(server.create_database, suffix="_postgres")
