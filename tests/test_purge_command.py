"""`python -m app purge`: shows who is due, changes nothing with --dry-run, purges without."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.models import Student
from app.services.admin import accounts
from app.services.admin.unlock import create_encrypted_database, open_for_user
from tests.koers_cli import run_koers

PASSWORD = "purge-test-wachtwoord"


def _run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return run_koers(*args, data_dir=data_dir, password=PASSWORD)


def _surnames(store) -> list[str]:
    with store.session() as session:
        return sorted(session.scalars(select(Student.surname)))


def test_purge_lists_then_removes_only_the_due_files(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store, _ = create_encrypted_database(url, "De Horizon", "c.peeters", PASSWORD)
    try:
        store.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username="c.peeters",
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
        with store.session() as session:
            session.add_all(
                [
                    Student(
                        first_name="Fenna",
                        surname="Zwanenburg",
                        actual_outflow_date=date(2015, 7, 10),
                    ),
                    Student(
                        first_name="Jelle", surname="Oosterbroek", actual_outflow_date=date.today()
                    ),
                ]
            )
    finally:
        store.dispose()

    dry = _run("purge", "--database", url, "--user", "c.peeters", "--dry-run", data_dir=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "1 dossier voorbij de bewaartermijn" in dry.stdout
    assert "Fenna Zwanenburg  uitstroom 10-07-2015  bewaren tot 10-07-2019" in dry.stdout
    assert "Oosterbroek" not in dry.stdout
    assert "Proefdraai: er is niets verwijderd." in dry.stdout

    real = _run("purge", "--database", url, "--user", "c.peeters", data_dir=tmp_path)
    assert real.returncode == 0, real.stderr
    assert "1 dossier verwijderd; 0 oude back-up(s) verwijderd." in real.stdout

    unlocked = open_for_user(url, "c.peeters", PASSWORD)
    try:
        assert _surnames(unlocked.store) == ["Oosterbroek"]
    finally:
        unlocked.store.dispose()

    again = _run("purge", "--database", url, "--user", "c.peeters", data_dir=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Geen dossiers voorbij de bewaartermijn." in again.stdout
    assert "0 dossiers verwijderd" in again.stdout

    wrong = _run("purge", "--database", url, "--user", "niemand", data_dir=tmp_path)
    assert wrong.returncode == 3
