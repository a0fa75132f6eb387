"""The command line as a new user and the batch scripts use it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.services.admin.unlock import open_for_user
from app.services.students import cohort
from tests.koers_cli import run_koers

PASSWORD = "cli-test-wachtwoord"


def _run(
    *args: str, data_dir: Path, password: str | None = PASSWORD
) -> subprocess.CompletedProcess:
    return run_koers(*args, data_dir=data_dir, password=password)


def test_demo_then_smoke(database_url: str, tmp_path: Path) -> None:
    demo = _run("demo", "--students", "300", "--database", database_url, data_dir=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "300 leerlingen" in demo.stdout
    smoke = _run("--smoke", "--database", database_url, "--user", "demo", data_dir=tmp_path)
    assert smoke.returncode == 0, smoke.stderr
    assert "Koers smoke: hoofdvenster open, 300 leerlingen" in smoke.stdout


def test_wrong_password_exits_3_and_opens_nothing(database_url: str, tmp_path: Path) -> None:
    assert _run("demo", "--students", "5", "--database", database_url, data_dir=tmp_path)
    result = _run(
        "--smoke",
        "--database",
        database_url,
        "--user",
        "demo",
        password="niet-het-wachtwoord",
        data_dir=tmp_path,
    )
    assert result.returncode == 3
    assert "klopt niet" in result.stderr
    assert "Koers smoke" not in result.stdout
    unlocked = open_for_user(database_url, "demo", PASSWORD)
    try:
        assert len(unlocked.store.run(cohort.list_cohort, unlocked.actor)) == 5
    finally:
        unlocked.store.dispose()


def test_demo_school_on_sqlite_is_encrypted_and_every_demo_account_opens_it(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    made = _run("demo", "--students", "12", "--database", url, data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Herstelsleutel" in made.stdout
    assert (tmp_path / "k.db.keys").exists()
    raw = (tmp_path / "k.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for username in ("demo", "m.vandijk", "stagiair"):
        unlocked = open_for_user(url, username, PASSWORD)
        try:
            assert unlocked.actor.username == username
        finally:
            unlocked.store.dispose()


def test_demo_refuses_a_database_that_has_a_school(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert _run("demo", "--students", "3", "--database", url, data_dir=tmp_path).returncode == 0
    again = _run("demo", "--students", "3", "--database", url, data_dir=tmp_path)
    assert again.returncode == 1
    assert "al een school" in again.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["demo", "--students", "veel"],
        ["demo", "--students", "-4"],
        ["--smoke"],
        ["--onbekend"],
        ["demo", "--database", "geen-url"],
    ],
)
def test_bad_arguments_exit_2_with_a_message(args: list[str], tmp_path: Path) -> None:
    result = _run(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr


def test_demo_without_password_exits_2(tmp_path: Path) -> None:
    result = _run("demo", "--students", "1", password=None, data_dir=tmp_path)
    assert result.returncode == 2
    assert "KOERS_PASSWORD" in result.stderr


def test_help_lists_the_sub_commands(tmp_path: Path) -> None:
    result = _run("--help", data_dir=tmp_path)
    assert result.returncode == 0
    assert "demo" in result.stdout and "--screenshots" in result.stdout


def test_demo_schools_makes_a_region_every_account_opens(tmp_path: Path) -> None:
    """`demo --schools 2`: two schools in one (encrypted) database, a coordinator each who
    sees only the own school's students, and the board, who sees no student at all."""
    from datetime import date

    from app.core.errors import PermissionDeniedError
    from app.models import Role
    from app.services.trends.board import board_overview

    url = f"sqlite:///{tmp_path / 'regio.db'}"
    made = _run("demo", "--schools", "2", "--students", "15", "--database", url, data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Demoregio met 2 scholen" in made.stdout
    seen: dict[str, set[int]] = {}
    for username in ("demo", "demo2"):
        unlocked = open_for_user(url, username, PASSWORD)
        try:
            assert len(unlocked.actor.member_of) == 1
            seen[username] = {r.id for r in unlocked.store.run(cohort.list_cohort, unlocked.actor)}
        finally:
            unlocked.store.dispose()
    assert seen["demo"] and seen["demo2"] and not seen["demo"] & seen["demo2"]
    board = open_for_user(url, "bestuur", PASSWORD)
    try:
        assert board.actor.role is Role.BOARD and len(board.actor.member_of) == 2
        view = board.store.run(board_overview, board.actor, date.today())
        assert [s.cohort > 0 for s in view.schools] == [True, True]
        with pytest.raises(PermissionDeniedError):
            board.store.run(cohort.list_cohort, board.actor)
    finally:
        board.store.dispose()


def test_demo_schools_refuses_too_many(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'regio.db'}"
    result = _run("demo", "--schools", "99", "--database", url, data_dir=tmp_path)
    assert result.returncode == 2
    assert "hoogstens 20 scholen" in result.stderr
