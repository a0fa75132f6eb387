"""Running `python -m app` as a user would, in a clean environment, for the CLI tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_koers(*args: str, data_dir: Path, password: str | None) -> subprocess.CompletedProcess:
    """The CLI in a subprocess: offscreen Qt, its own data folder, the password (or none)
    in KOERS_PASSWORD, no database URL from the environment and no standard input."""
    env = {k: v for k, v in os.environ.items() if k not in ("KOERS_PASSWORD", "KOERS_DATABASE_URL")}
    env.update(QT_QPA_PLATFORM="offscreen", KOERS_DATA_DIR=str(data_dir))
    if password is not None:
        env["KOERS_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        stdin=subprocess.DEVNULL,
    )
