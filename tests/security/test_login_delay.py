"""Item 4, second half: guessing passwords meets a growing wait per account.

Six wrong passwords in a row wait 0, 0, 1, 2, 4, 8 seconds before each try (never slept
for real here: the clock and the sleep are fakes that count); the count survives a restart,
the command line feeds it too, a right password clears it, and every failure is in the app
log without the user's name.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from app.core.errors import AuthenticationError
from app.services.admin import opening
from app.services.admin.login_throttle import LoginThrottle, default_path

USER = "c.peeters"
PASSWORD = "Horizon-wachtwoord-2026"


class FakeTime:
    """A clock that only moves when someone sleeps; the sleeps are counted."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


@pytest.fixture
def school_url(database_url: str) -> str:
    opening.create_school(
        opening.find_school(database_url),
        school_name="De Horizon",
        brin="12AB",
        username=USER,
        display_name="Ingrid Peeters",
        password=PASSWORD,
    ).store.dispose()
    return database_url


def _try(url: str, password: str, throttle: LoginThrottle) -> bool:
    found = opening.find_school(url)
    try:
        entered = opening.log_in(found, USER, password, damaged_read_only=True, throttle=throttle)
    except AuthenticationError:
        found.close()
        return False
    entered.store.dispose()
    if entered.store is not found.store:
        found.close()
    return True


def test_six_wrong_passwords_meet_a_growing_wait_kept_across_restarts(
    school_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    time = FakeTime()
    state = tmp_path / "pogingen.json"
    caplog.set_level(logging.WARNING)

    for attempt in range(6):
        # A new throttle each time: as if Koers were started again for every try.
        throttle = LoginThrottle(state, clock=time.clock, sleep=time.sleep)
        assert not _try(school_url, f"fout-{attempt}", throttle)

    assert time.waits == [1, 2, 4, 8]
    failures = [r.getMessage() for r in caplog.records if "log-in failed" in r.getMessage()]
    assert len(failures) == 6 and failures[-1] == "log-in failed (6 in a row for this account)"
    assert not any(USER in record.getMessage() for record in caplog.records)


def test_the_wait_is_capped_and_a_right_password_clears_it(school_url: str, tmp_path: Path) -> None:
    time = FakeTime()
    throttle = LoginThrottle(tmp_path / "pogingen.json", clock=time.clock, sleep=time.sleep)
    for _ in range(12):
        throttle.failed(school_url, USER)
        time.now += 0.1
    assert throttle.wait(school_url, USER) == pytest.approx(30 - 0.1)

    # The right password waits too (or guessing would be free), then clears the count.
    assert _try(school_url, PASSWORD, throttle)
    time.waits.clear()
    assert not _try(school_url, "fout", throttle)
    assert not _try(school_url, "fout", throttle)
    assert time.waits == []


def test_the_command_line_counts_its_failures_in_the_same_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import run

    url = f"sqlite:///{tmp_path / 'koers.db'}"
    monkeypatch.setenv("KOERS_PASSWORD", PASSWORD)
    assert run(["demo", "--students", "3", "--database", url]) == 0
    monkeypatch.setenv("KOERS_PASSWORD", "fout-wachtwoord")
    for _ in range(2):
        assert run(["students", "--database", url, "--user", "demo"]) == 3
    capsys.readouterr()

    # One entry, named by a hash (no user name in the file), in the user's data folder.
    (entry,) = json.loads(default_path().read_text("utf-8")).values()
    assert entry["failures"] == 2
    # The window's next try, at that moment, waits a second first.
    time = FakeTime()
    time.now = entry["last"]
    throttle = LoginThrottle(clock=time.clock, sleep=time.sleep)
    assert throttle.wait(url, "demo") == 1


def test_the_lock_screen_meets_the_same_growing_wait(school_url: str, tmp_path: Path) -> None:
    """A locked PC is no free guessing ground: wrong passwords at the lock screen wait as at
    the log-in, count toward the log-in's wait on the same file, and a right one clears it."""
    from app.services.admin import session_lock

    time = FakeTime()
    throttle = LoginThrottle(tmp_path / "pogingen.json", clock=time.clock, sleep=time.sleep)
    found = opening.find_school(school_url)
    entered = opening.log_in(found, USER, PASSWORD, damaged_read_only=True, throttle=throttle)
    store, actor = entered.store, entered.actor
    try:
        for attempt in range(4):
            assert not session_lock.unlock_after_wait(store, actor, f"fout-{attempt}", throttle)
        assert time.waits == [1, 2]
        with store.session() as session:
            failed = [e for e in accounts_audit(session) if e == "unlock_failed"]
        assert len(failed) == 4
        if school_url.startswith("sqlite"):
            # The log-in on the same file waits for the lock screen's failures too.
            assert throttle.wait(school_url, USER) == 4
            time.waits.clear()
        assert session_lock.unlock_after_wait(store, actor, PASSWORD, throttle)
        time.waits.clear()
        assert not session_lock.unlock_after_wait(store, actor, "fout", throttle)
        assert time.waits == []  # the right password cleared the count
    finally:
        store.dispose()
        if store is not found.store:
            found.close()


def accounts_audit(session) -> list[str]:
    from sqlalchemy import select

    from app.models import AuditEntry

    return list(session.scalars(select(AuditEntry.action)))
