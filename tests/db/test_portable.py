"""Portable mode: a marker file beside the frozen program puts the data folder beside it,
and a portable Koers on a network share refuses to start, with a Dutch message, writing
nothing (SQLite's locking is not safe there)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.db import integrity
from app.db.integrity import NetworkShareError
from app.db.portable import MARKER, portable_data_dir, refuse_portable_on_share
from app.db.urls import ENV_DATA_DIR, data_dir, default_database_url


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The frozen program in a folder on a 'USB stick', as PyInstaller runs it."""
    folder = (tmp_path / "stick" / "Koers").resolve()
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "koers.exe"))
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    return folder


def test_without_the_marker_the_data_stay_in_the_profile(stick: Path) -> None:
    assert portable_data_dir() is None
    assert stick not in data_dir().parents


def test_the_marker_puts_database_and_data_beside_the_program(stick: Path) -> None:
    (stick / MARKER).write_text("Koers draagbaar\n", encoding="utf-8")
    assert data_dir() == stick / "data"
    assert default_database_url() == f"sqlite:///{stick / 'data' / 'koers.db'}"


def test_a_checkout_is_never_portable(monkeypatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert portable_data_dir() is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's mount table")
def test_a_portable_koers_on_a_network_share_is_refused(stick: Path, monkeypatch, capsys):
    (stick / MARKER).write_text("", encoding="utf-8")
    share = stick.parent
    mounts = f"/dev/vda / ext4 rw 0 0\n//fileserver/usb {share} cifs rw,vers=3.0 0 0\n"
    monkeypatch.setattr(integrity, "read_proc_mounts", lambda: mounts)
    with pytest.raises(NetworkShareError) as refused:
        refuse_portable_on_share()
    assert "draagbaar programma" in refused.value.message
    assert "netwerkschijf" in refused.value.message
    # The command line says so and stops before it opens or writes anything.
    from app.cli import run

    assert run(["users", "list", "--user", "demo"]) != 0
    assert "draagbaar programma" in capsys.readouterr().err
    assert not (stick / "data").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's mount table")
def test_a_portable_koers_on_a_local_disk_runs(stick: Path, monkeypatch) -> None:
    (stick / MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(integrity, "read_proc_mounts", lambda: "/dev/vda / ext4 rw 0 0\n")
    refuse_portable_on_share()  # no refusal
