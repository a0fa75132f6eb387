"""The year's shared state: one school, lived through step by step on one database.

The steps of tests/year/test_year.py run in file order on the same school, in one test per
database (so xdist never splits the year). A failure names the step where the year went
wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from app.core import clock
from tests.year.story import Year

_failed: dict[str, str] = {}  # database -> name of the first failed step


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def year(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Year]:
    """A new, empty database for the year's school; the clock is let go at the end."""
    if request.param == "sqlite":
        yield from _lived(Year(url=f"sqlite:///{tmp_path / 'koers.db'}", folder=tmp_path,
                               database="sqlite"))  # fmt: skip
    else:
        from tests.conftest import _fresh_postgres_database

        for url in _fresh_postgres_database(request.getfixturevalue("postgres_server")):
            yield from _lived(Year(url=url, folder=tmp_path, database="postgresql"))


def _lived(year: Year) -> Iterator[Year]:
    try:
        yield year
    finally:
        year.close()
        clock.hold(None)


@pytest.fixture(autouse=True)
def _one_step_after_another(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """A step after a failed one is skipped; the data folder stays the year's own."""
    if "year" not in request.fixturenames:
        yield
        return
    year: Year = request.getfixturevalue("year")
    monkeypatch.setenv("KOERS_DATA_DIR", str(year.folder / "koers-data"))
    keyring.set_keyring(year.keyring)
    failed = _failed.get(year.database)
    if failed:
        pytest.skip(f"an earlier step of the year failed: {failed}")
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if report.failed and "year" in getattr(item, "fixturenames", ()):
        database = item.callspec.params.get("year", "?") if hasattr(item, "callspec") else "?"
        _failed.setdefault(database, item.originalname)
