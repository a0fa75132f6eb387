"""The command line on a data folder a killed first start left: a Dutch message naming it,
a non-zero exit that is not "wrong password" (3), no traceback, and nothing changed."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from app.core.exit_codes import EXIT_AUTH, EXIT_FAILED
from tests.crash.first_start_kill import kill_first_start
from tests.koers_cli import run_koers

PASSWORD = "cli-test-wachtwoord"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "command",
    [
        ("students", "--user", "c.peeters"),
        ("--smoke", "--user", "c.peeters"),
        ("demo", "--students", "3"),
    ],
)
def test_a_half_made_folder_is_named_and_left_alone(tmp_path: Path, command) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    url = f"sqlite:///{folder / 'koers.db'}"
    killed = kill_first_start(url, "before_key_file", PASSWORD)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    before = _files(folder)

    result = run_koers(*command, "--database", url, data_dir=tmp_path / "app", password=PASSWORD)

    assert result.returncode == EXIT_FAILED != EXIT_AUTH, result.stderr
    assert "onvolledig" in result.stderr and "een database zonder sleutelbestand" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert _files(folder) == before, "nothing changed"
