"""`python -m app users add|list|disable|reset-password`: the accounts of Beheer from the
command line, with Beheer's rules (issue "Harden the data protection", item 10)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.exit_codes import EXIT_AUTH, EXIT_NOT_ALLOWED, EXIT_OK, EXIT_USAGE
from app.models import AuditEntry, User
from app.services.admin.unlock import open_for_user
from tests.koers_cli import run_koers

PASSWORD = "beheer-test-wachtwoord"
NEW_PASSWORD = "nieuwe-mentor-2026"


@pytest.fixture
def school(database_url: str, tmp_path: Path) -> str:
    made = run_koers("demo", "--students", "3", "--database", database_url, data_dir=tmp_path,
                     password=PASSWORD)  # fmt: skip
    assert made.returncode == 0, made.stderr
    return database_url


def _koers(
    url: str, tmp_path: Path, *args: str, user: str = "demo", password: str = PASSWORD
) -> subprocess.CompletedProcess:
    return run_koers(*args, "--database", url, "--user", user, data_dir=tmp_path,
                     password=password)  # fmt: skip


def test_add_log_in_list_disable_and_reset(
    school: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOERS_NEW_PASSWORD", NEW_PASSWORD)
    added = _koers(school, tmp_path, "users", "add", "J.Jansen", "--name", "Jan Jansen",
                   "--role", "mentor")  # fmt: skip
    assert added.returncode == EXIT_OK, added.stderr
    assert "j.jansen toegevoegd" in added.stdout
    # The new mentor logs in with the password from KOERS_NEW_PASSWORD (on SQLite: the
    # account got its own slot in the key file).
    as_mentor = _koers(school, tmp_path, "students", user="j.jansen", password=NEW_PASSWORD)
    assert as_mentor.returncode == EXIT_OK, as_mentor.stderr

    listed = _koers(school, tmp_path, "users", "list")
    assert listed.returncode == EXIT_OK, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["gebruikersnaam", "naam", "rol", "actief"]
    assert [line.split() for line in lines if line.startswith("j.jansen ")] == [
        ["j.jansen", "Jan", "Jansen", "Mentor", "ja"]
    ]

    disabled = _koers(school, tmp_path, "users", "disable", "j.jansen")
    assert disabled.returncode == EXIT_OK, disabled.stderr
    refused = _koers(school, tmp_path, "students", user="j.jansen", password=NEW_PASSWORD)
    assert refused.returncode == EXIT_AUTH and "Traceback" not in refused.stderr
    assert refused.stderr.startswith("koers: ")
    relisted = _koers(school, tmp_path, "users", "list").stdout.splitlines()
    assert [line.split()[-1] for line in relisted if line.startswith("j.jansen ")] == ["nee"]

    monkeypatch.setenv("KOERS_NEW_PASSWORD", "vergeten-en-hersteld-1")
    reset = _koers(school, tmp_path, "users", "reset-password", "m.vandijk")
    assert reset.returncode == EXIT_OK, reset.stderr
    old = _koers(school, tmp_path, "students", user="m.vandijk", password=PASSWORD)
    assert old.returncode == EXIT_AUTH
    new = _koers(school, tmp_path, "students", user="m.vandijk", password="vergeten-en-hersteld-1")
    assert new.returncode == EXIT_OK, new.stderr

    unlocked = open_for_user(school, "demo", PASSWORD)
    try:
        with unlocked.store.session() as session:
            ids = dict(session.execute(select(User.username, User.id)).all())
            logged = set(
                session.execute(
                    select(AuditEntry.action, AuditEntry.entity_id).where(
                        AuditEntry.user_id == ids["demo"]
                    )
                ).all()
            )
    finally:
        unlocked.store.dispose()
    assert {
        ("user_created", ids["j.jansen"]),
        ("user_deactivated", ids["j.jansen"]),
        ("password_reset", ids["m.vandijk"]),
    } <= logged


def test_a_mentor_may_not_add_an_account(
    school: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOERS_NEW_PASSWORD", NEW_PASSWORD)
    refused = _koers(school, tmp_path, "users", "add", "x.mentor", "--name", "X", "--role",
                     "uitstroomcoordinator", user="m.vandijk")  # fmt: skip
    assert refused.returncode == EXIT_NOT_ALLOWED
    assert "Traceback" not in refused.stderr
    assert refused.stderr == "koers: Alleen een uitstroomcoördinator kan dit doen.\n"
    listed = _koers(school, tmp_path, "users", "list")
    assert "x.mentor" not in listed.stdout


def test_passwords_never_come_from_arguments_and_beheer_rules_hold(
    school: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KOERS_NEW_PASSWORD", raising=False)
    as_argument = _koers(school, tmp_path, "users", "add", "p.arg", "--name", "P", "--role",
                         "mentor", "--password", NEW_PASSWORD)  # fmt: skip
    assert as_argument.returncode == EXIT_USAGE
    no_password = _koers(school, tmp_path, "users", "add", "p.none", "--name", "P", "--role",
                         "alleen-lezen")  # fmt: skip
    assert no_password.returncode == EXIT_USAGE and "KOERS_NEW_PASSWORD" in no_password.stderr

    monkeypatch.setenv("KOERS_NEW_PASSWORD", "kort")
    weak = _koers(school, tmp_path, "users", "add", "p.weak", "--name", "P", "--role", "mentor")
    assert weak.returncode == 1 and weak.stderr.startswith("koers: Wachtwoord")
    monkeypatch.setenv("KOERS_NEW_PASSWORD", NEW_PASSWORD)
    taken = _koers(school, tmp_path, "users", "add", "m.vandijk", "--name", "P", "--role",
                   "mentor")  # fmt: skip
    assert taken.returncode == 1 and "'m.vandijk' is al in gebruik" in taken.stderr
    unknown = _koers(school, tmp_path, "users", "disable", "niemand")
    assert unknown.returncode == EXIT_USAGE and "niemand" in unknown.stderr
    listed = _koers(school, tmp_path, "users", "list").stdout
    assert not any(name in listed for name in ("p.arg", "p.none", "p.weak"))
