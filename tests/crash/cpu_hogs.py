"""Busy processes that keep every core of the machine loaded while a test runs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def busy_cores(count: int | None = None) -> Iterator[list[subprocess.Popen[bytes]]]:
    """One process spinning in a busy loop per core (or `count`), stopped on the way out
    whatever happened inside."""
    hogs: list[subprocess.Popen[bytes]] = []
    try:
        for _ in range(count or os.cpu_count() or 1):
            hogs.append(
                subprocess.Popen(
                    [sys.executable, "-c", "while True: pass"],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        yield hogs
    finally:
        for hog in hogs:
            hog.kill()
        for hog in hogs:
            hog.wait(timeout=30)


def cpu_seconds(hog: subprocess.Popen[bytes]) -> float | None:
    """The processor time a running hog has used so far, where /proc tells it (Linux)."""
    stat = Path(f"/proc/{hog.pid}/stat")
    try:
        # Fields 14 and 15 (user, system time in clock ticks) follow the ")" of the name.
        fields = stat.read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
