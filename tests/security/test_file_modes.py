"""Item 4, first half: another account on the PC must not read what Koers writes.

Every file Koers writes (database, its -wal, key file, backups, exports) is 0600 and every
folder it makes 0700: through the process umask set at start, and through explicit modes
where the files are written, which hold even under a wide umask.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.files import write_atomic
from app.db import backup as backups
from app.db.keyfile import keyfile_path
from app.services.admin import opening
from tests.koers_cli import run_koers

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")

PASSWORD = "modes-wachtwoord-2026"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _walk(folder: Path) -> Iterator[Path]:
    yield folder
    yield from folder.rglob("*")


def _too_open(folder: Path) -> list[str]:
    return [
        f"{path.relative_to(folder.parent)} {oct(_mode(path))}"
        for path in _walk(folder)
        if _mode(path) != (0o700 if path.is_dir() else 0o600)
    ]


def test_the_data_folder_after_a_demo_start_backup_and_export_is_owner_only(
    tmp_path: Path,
) -> None:
    data, exports = tmp_path / "data", tmp_path / "exports"

    def koers(*args: str) -> None:
        done = run_koers(*args, data_dir=data, password=PASSWORD)
        assert done.returncode == 0, done.stderr

    koers("demo", "--students", "5")
    koers("backup", "--user", "demo")
    koers("students", "--user", "demo", "--format", "csv")
    # The demo's leavers list goes to its RMC region (which one depends on the demo).
    for region in ("RMC-NLB", "RMC-MLB"):
        listed = run_koers("export", "leavers", "--user", "demo", "--year", "2027",
                           "--recipient", region, "--out", str(exports / "vertrekkers.csv"),
                           data_dir=data, password=PASSWORD)  # fmt: skip
        if listed.returncode == 0:
            break
    assert listed.returncode == 0, listed.stderr

    names = {path.name for path in data.rglob("*")}
    assert "koers.db" in names and "koers.db.keys" in names and "backups" in names
    assert any(name.endswith(".bak") for name in names)
    assert (exports / "vertrekkers.csv").exists()
    assert _too_open(data) == []
    assert _too_open(exports) == []


@pytest.fixture
def wide_umask() -> Iterator[None]:
    """Another program (or a shell) left the usual 022: the explicit modes must hold."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def test_explicit_modes_hold_under_a_wide_umask(tmp_path: Path, wide_umask: None) -> None:
    url = f"sqlite:///{tmp_path / 'school' / 'koers.db'}"
    made = opening.create_school(
        opening.find_school(url),
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password=PASSWORD,
    )
    try:
        database = made.store.sqlite_file
        assert database is not None
        made.store.run(lambda session: session.connection())  # the -wal exists while open
        backup = backups.make_backup(made.store, "handmatig")
        export = tmp_path / "nieuw" / "lijst.csv"
        write_atomic(export, b"a;b\n")

        for path in (database, database.with_name("koers.db-wal"), keyfile_path(database),
                     backup, keyfile_path(backup), export):  # fmt: skip
            assert _mode(path) == 0o600, path
        for folder in (database.parent, backup.parent, export.parent):
            assert _mode(folder) == 0o700, folder
    finally:
        made.store.dispose()
