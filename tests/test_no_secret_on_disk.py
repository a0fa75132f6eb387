"""Without a secure keyring the app works by password and leaves no key anywhere on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.db.keyfile import KeyFile, keyfile_path

PASSWORD = "zonder-sleutelbos-2026"


def _run(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOERS_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KOERS_PASSWORD=PASSWORD,
        KOERS_DATA_DIR=str(home / "data"),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "share"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_fail_keyring_still_opens_by_password_and_stores_no_key(tmp_path: Path) -> None:
    database = tmp_path / "data" / "koers.db"
    url = f"sqlite:///{database}"
    made = _run("demo", "--students", "8", "--database", url, home=tmp_path)
    assert made.returncode == 0, made.stderr
    smoke = _run("--smoke", "--database", url, "--user", "demo", home=tmp_path)
    assert smoke.returncode == 0, smoke.stderr
    assert "8 leerlingen" in smoke.stdout

    key = KeyFile.load(keyfile_path(database)).unlock("demo", PASSWORD)
    assert key is not None
    needles = [key, key.hex().encode(), key.hex().upper().encode(), PASSWORD.encode()]
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert database in written
    for path in written:
        content = path.read_bytes()
        for needle in needles:
            assert needle not in content, f"{path.name} holds a secret"
