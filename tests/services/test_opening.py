"""Opening the school (app.services.admin.opening): the path the window and the command
line share, from a URL to a logged-in user or a new school."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import AuthenticationError, KoersError, ValidationError
from app.demo import school as demo_school
from app.services.admin import opening

PASSWORD = "opening-test-wachtwoord"
SCHOOL = {
    "school_name": "De Horizon",
    "brin": "12AB",
    "username": "c.peeters",
    "display_name": "Ingrid Peeters",
    "password": PASSWORD,
}


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'koers.db'}"


def test_first_start_makes_an_encrypted_school_that_opens_with_the_password(
    tmp_path: Path,
) -> None:
    found = opening.find_school(_url(tmp_path))
    assert found.is_new and found.store is None
    made = opening.create_school(found, **SCHOOL)
    made.store.dispose()
    assert len(made.recovery_key.replace("-", "")) == 32

    again = opening.find_school(_url(tmp_path))
    assert (again.kind, again.school_name, again.is_new) == ("encrypted", "De Horizon", False)
    entered = opening.open_as_user(_url(tmp_path), "c.peeters", PASSWORD)
    try:
        assert entered.actor.is_coordinator and entered.report is None
    finally:
        entered.store.dispose()
    with pytest.raises(AuthenticationError):
        opening.open_as_user(_url(tmp_path), "c.peeters", "niet-het-wachtwoord")


def test_a_typo_in_the_first_run_form_leaves_no_file_and_can_be_corrected(
    tmp_path: Path,
) -> None:
    found = opening.find_school(_url(tmp_path))
    with pytest.raises(ValidationError) as caught:
        opening.create_school(found, **{**SCHOOL, "brin": "XYZ"})
    assert "BRIN" in caught.value.message
    assert list(tmp_path.iterdir()) == []
    made = opening.create_school(found, **SCHOOL)
    made.store.dispose()


def test_a_database_without_a_school_is_not_opened_or_created(tmp_path: Path) -> None:
    with pytest.raises(KoersError) as caught:
        opening.open_as_user(_url(tmp_path), "c.peeters", PASSWORD)
    assert caught.value.message == opening.NO_SCHOOL
    assert list(tmp_path.iterdir()) == []


def test_a_school_is_never_made_twice(tmp_path: Path) -> None:
    opening.create_school(opening.find_school(_url(tmp_path)), **SCHOOL).store.dispose()
    found = opening.find_school(_url(tmp_path))
    with pytest.raises(KoersError) as caught:
        demo_school.create_demo_school(found, password=PASSWORD, students=2)
    assert caught.value.message == opening.HAS_SCHOOL


def test_a_server_with_a_school_logs_in_on_the_store_it_opened(tmp_path: Path) -> None:
    """`sqlite://` stands in for a server: opened at once, the school's name read before
    log-in, the same store used after it."""
    found = opening.find_school("sqlite://")
    try:
        assert found.store is not None and found.is_new
        made = opening.create_school(found, **SCHOOL)
        assert made.store is found.store and made.recovery_key == ""
        entered = opening.log_in(found, "c.peeters", PASSWORD, damaged_read_only=True)
        assert entered.store is found.store and entered.actor.username == "c.peeters"
        with pytest.raises(AuthenticationError):
            opening.log_in(found, "c.peeters", "fout", damaged_read_only=True)
    finally:
        found.close()


def test_two_start_up_checks_at_once_make_one_daily_backup(tmp_path: Path) -> None:
    """A log-out and a log-in again while the first start-up check still runs: both checks
    report a sound file and exactly one daily backup is made (two at once each renamed the
    other's temporary file)."""
    import threading

    opening.create_school(opening.find_school(_url(tmp_path)), **SCHOOL).store.dispose()
    entered = opening.open_as_user(_url(tmp_path), "c.peeters", PASSWORD)
    reports: list[object] = []
    failures: list[BaseException] = []
    start = threading.Barrier(2)

    def check() -> None:
        start.wait(10)
        try:
            reports.append(opening.after_start(entered.store))
        except BaseException as exc:  # collected for the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=check) for _ in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        entered.store.dispose()
    assert failures == []
    assert len(reports) == 2 and all(report.ok for report in reports)
    backups = [p for p in (tmp_path / "backups").glob("*dagelijks*.bak")]
    assert len(backups) == 1 and not backups[0].name.startswith(".")
