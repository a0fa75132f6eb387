"""`python -m app backup` and `restore` as an administrator's script runs them: a backup,
the database lost, the backup put back, the students there again."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.services.admin.unlock import open_for_user
from app.services.students import cohort
from tests.koers_cli import run_koers

PASSWORD = "cli-test-wachtwoord"


def _run(*args: str, data_dir: Path, password: str = PASSWORD) -> subprocess.CompletedProcess:
    return run_koers(*args, data_dir=data_dir, password=password)


def _students(url: str) -> int:
    unlocked = open_for_user(url, "demo", PASSWORD)
    try:
        return len(unlocked.store.run(cohort.list_cohort, unlocked.actor))
    finally:
        unlocked.store.dispose()


def test_backup_delete_restore_from_the_command_line(tmp_path: Path) -> None:
    database = tmp_path / "school" / "koers.db"
    url = f"sqlite:///{database}"
    data = tmp_path / "data"
    demo = _run("demo", "--students", "10", "--database", url, data_dir=data)
    assert demo.returncode == 0, demo.stderr

    made = _run("backup", "--database", url, "--user", "demo", data_dir=data)
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.split("gecontroleerd: ", 1)[1].splitlines()[0].strip())
    assert backup.parent == database.parent / "backups" and backup.suffix == ".bak"
    assert backup.with_name(backup.name + ".keys").exists()  # the first log-in encrypted it

    for suffix in ("", "-wal", "-shm", ".keys"):
        lost = database.with_name(database.name + suffix)
        if lost.exists():
            lost.unlink()

    wrong = _run(
        "restore",
        str(backup),
        "--database",
        url,
        "--user",
        "demo",
        data_dir=data,
        password="niet-het-wachtwoord",
    )
    assert wrong.returncode == 3
    assert "klopt niet" in wrong.stderr and "Traceback" not in wrong.stderr
    assert not database.exists()

    restored = _run("restore", str(backup), "--database", url, "--user", "demo", data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert "teruggezet" in restored.stdout
    assert _students(url) == 10


def test_restore_keeps_the_replaced_database_and_fails_cleanly(tmp_path: Path) -> None:
    database = tmp_path / "koers.db"
    url = f"sqlite:///{database}"
    data = tmp_path / "data"
    assert _run("demo", "--students", "3", "--database", url, data_dir=data).returncode == 0
    out = tmp_path / "elders"
    made = _run("backup", "--database", url, "--user", "demo", "--out", str(out), data_dir=data)
    assert made.returncode == 0, made.stderr
    [backup] = out.glob("*.bak")

    missing = _run(
        "restore", str(out / "weg.bak"), "--database", url, "--user", "demo", data_dir=data
    )
    assert missing.returncode == 1
    assert "bestaat niet" in missing.stderr and "Traceback" not in missing.stderr

    restored = _run("restore", str(backup), "--database", url, "--user", "demo", data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert "niet verwijderd" in restored.stdout
    assert list(tmp_path.glob("koers.db.voor-herstel-*"))
    assert _students(url) == 3

    server = _run(
        "backup", "--database", "postgresql://x@127.0.0.1:1/x", "--user", "demo", data_dir=data
    )
    assert server.returncode != 0 and "Traceback" not in server.stderr
