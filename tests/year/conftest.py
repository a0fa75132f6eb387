"""The year's shared state: one school, lived through step by step on one database.

The steps of tests/year/test_year.py run in file order on the same school (a module-scoped
fixture per database). When a step fails, the later ones are skipped with the name of the
failed step, so the report names the first step where the year went wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from app.core import clock
from tests.year.story import Year

_failed: dict[str, str] = {}  # database -> name of the first failed step


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def year(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Year]:
    folder = tmp_path_factory.mktemp(f"year-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'koers.db'}"
        yield from _lived(Year(url=url, folder=folder, database="sqlite"))
    else:
        from tests.conftest import _fresh_postgres_database

        for url in _fresh_postgres_database(request.getfixturevalue("postgres_server")):
            yield from _lived(Year(url=url, folder=folder, database="postgresql"))


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
