"""SQLite on a network share is refused by the command line as by the window: one service
(app.services.admin.opening) opens the school for both, and nothing is written on the share.

The share is a cifs mount simulated the way tests/db/test_integrity.py does it: the mount
table that app.db.integrity reads says the folder is mounted from a file server.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.db import integrity
from app.demo.las_files import csv_document, generate_students
from app.services.admin import accounts
from app.services.admin.unlock import create_encrypted_database
from app.ui.startup import StartupController
from app.ui.tasks import TaskRunner

PASSWORD = "netwerk-test-wachtwoord"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the simulated mount table is Linux's"
)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = (tmp_path / "share").resolve()
    folder.mkdir()
    return folder


def _mount(monkeypatch, share: Path) -> None:
    mounts = f"/dev/vda / ext4 rw 0 0\n//fileserver/koers {share} cifs rw,vers=3.0 0 0\n"
    monkeypatch.setattr(integrity, "read_proc_mounts", lambda: mounts)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _koers(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    from app.cli import run

    monkeypatch.setenv("KOERS_PASSWORD", PASSWORD)
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_refused(code: int, out: str, err: str) -> None:
    assert code == 1
    assert "netwerkschijf" in err
    assert out == ""
    assert "PostgreSQL-server" in err  # the way to share a database
    assert "Traceback" not in err


def test_demo_is_not_created_on_a_network_share(monkeypatch, capsys, share: Path) -> None:
    _mount(monkeypatch, share)
    url = f"sqlite:///{share / 'koers.db'}"
    code, out, err = _koers(monkeypatch, capsys, "demo", "--students", "3", "--database", url)
    _assert_refused(code, out, err)
    assert _files(share) == {}


@pytest.mark.parametrize(
    "command",
    [
        ("students", "--format", "csv"),
        ("import", "csv", "{csv}", "--mapping", "standaard"),
        ("backup",),
        ("purge",),
    ],
    ids=["students", "import-csv", "backup", "purge"],
)
def test_a_school_on_a_network_share_is_not_opened(
    monkeypatch, capsys, tmp_path: Path, share: Path, command: tuple[str, ...]
) -> None:
    """A school made on a local disk that is now on a share: no command opens, migrates,
    logs in to or imports into it."""
    url = f"sqlite:///{share / 'koers.db'}"
    store, _recovery = create_encrypted_database(url, "De Horizon", "c.peeters", PASSWORD)
    try:
        store.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username="c.peeters",
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
    finally:
        store.dispose()
    students = tmp_path / "export.csv"
    students.write_bytes(csv_document(generate_students(8)))
    before = _files(share)
    assert "koers.db" in before

    _mount(monkeypatch, share)
    args = [part.format(csv=students) for part in command]
    code, out, err = _koers(monkeypatch, capsys, *args, "--database", url, "--user", "c.peeters")
    _assert_refused(code, out, err)
    assert _files(share) == before


def test_the_window_refuses_the_same_share(qtbot, monkeypatch, tmp_path: Path, share) -> None:
    _mount(monkeypatch, share)
    settings = QSettings(str(tmp_path / "koers.ini"), QSettings.Format.IniFormat)
    url = f"sqlite:///{share / 'koers.db'}"
    controller = StartupController(url, settings, TaskRunner(synchronous=True))
    qtbot.addWidget(controller.login)
    with qtbot.waitSignal(controller.failed) as failed:
        controller.start()
    assert "netwerkschijf" in controller.login.message.text()
    assert failed.args[1] == 1
    assert controller.wizard is None  # no first-run set-up on the share
    assert _files(share) == {}
