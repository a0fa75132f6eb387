"""Slowing down password guessing: a growing wait per account after failed log-ins.

The encrypted embedded database is unlocked by the password itself, before anything in it
can count a failure, so the count lives outside it: a small owner-only file in the user's
data folder, kept across restarts, shared by the window and the command line (both log in
through app.services.admin.opening). Accounts are named there by a hash of the database and
the user name, so the file holds no names. The wait grows 0, 0, 1, 2, 4, 8 ... seconds,
capped at 30, and is taken before the next try, whatever its password; a right password
clears it. The clock and the sleep are parameters, so tests count the waits.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.files import write_atomic

log = logging.getLogger(__name__)

FILE_NAME = "aanmeldpogingen.json"
FREE_FAILURES = 2  # a typo or two costs nothing
MAX_WAIT = 30.0


def wait_after(failures: int) -> float:
    """Seconds to wait before the next try after `failures` failures in a row."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(MAX_WAIT, 2.0 ** (failures - FREE_FAILURES))


def default_path() -> Path:
    from app.db.urls import data_dir

    return data_dir() / FILE_NAME


def pause(seconds: float) -> None:
    """The real wait; looked up at each call, so a test of many log-ins can count instead."""
    time.sleep(seconds)


@dataclass
class LoginThrottle:
    path: Path = field(default_factory=default_path)
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] | None = None  # None: pause() above

    def wait(self, database: str, username: str) -> float:
        """Sleeps what is left of this account's wait; returns how long it slept."""
        entry = self._load().get(_account(database, username))
        if not entry:
            return 0.0
        needed = wait_after(int(entry.get("failures", 0)))
        # A clock set back never makes the wait longer than its step.
        elapsed = max(0.0, self.clock() - float(entry.get("last", 0.0)))
        remaining = needed - elapsed
        if remaining <= 0:
            return 0.0
        (self.sleep or pause)(remaining)
        return remaining

    def failed(self, database: str, username: str) -> int:
        """Counts a failure; returns the number in a row for this account."""
        state = self._load()
        entry = state.setdefault(_account(database, username), {"failures": 0})
        entry["failures"] = int(entry.get("failures", 0)) + 1
        entry["last"] = self.clock()
        self._save(state)
        return entry["failures"]

    def succeeded(self, database: str, username: str) -> None:
        state = self._load()
        if state.pop(_account(database, username), None) is not None:
            self._save(state)

    def _load(self) -> dict[str, dict]:
        try:
            state = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("the file of failed log-ins is unreadable; counting starts again")
            return {}
        return state if isinstance(state, dict) else {}

    def _save(self, state: dict[str, dict]) -> None:
        try:
            write_atomic(self.path, json.dumps(state).encode("utf-8"))
        except OSError as exc:
            log.warning("could not keep the count of failed log-ins (%s)", type(exc).__name__)


def _account(database: str, username: str) -> str:
    name = f"{database}\0{(username or '').strip().lower()}"
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:32]
