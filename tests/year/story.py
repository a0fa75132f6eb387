"""The people, the calendar and the drivers of the year test.

A coordinator (Ingrid Peeters) and two mentors (Jeroen Bosman, Fatima El Amrani) at De
Horizon, a VSO school, from the first start on 1 September 2026 until the retention period
of the 2027 leavers ends. The clock (app.core.clock) is held at each step's day.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings

from app.core import clock
from app.db.store import Store
from app.demo.year import calendar as cast
from app.services.admin import accounts, opening
from app.services.common.actor import Actor
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from app.ui.workspace import Workspace
from tests.conftest import MemoryKeyring

COORDINATOR = "c.peeters"
# The mentors of the school year's story, as the demo school has them (app.demo.year).
MENTOR_A, MENTOR_B = cast.MENTOR_A[0], cast.MENTOR_B[0]
PASSWORDS = {
    COORDINATOR: "horizon-coordinator-2026",
    MENTOR_A: "bosman-mentor-2026",
    MENTOR_B: "elamrani-mentor-2026",
}


@dataclass
class Cli:
    code: int
    out: str
    err: str


@dataclass
class Year:
    """One school's database and what the steps learned about it (ids by name)."""

    url: str
    folder: Path
    database: str
    keyring: MemoryKeyring = field(default_factory=MemoryKeyring)
    stores: dict[str, tuple[Store, Actor]] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    day: date | None = None  # the year's day so far; held again at each step's start

    def on(self, day: date) -> None:
        """The clock moves to `day`: every service, window and command reads it."""
        self.day = day
        clock.hold(day)

    def login(self, username: str) -> tuple[Store, Actor]:
        """The user's log-in, kept for the rest of the year (one per user, as on a PC)."""
        if username not in self.stores:
            entered = opening.open_as_user(self.url, username, PASSWORDS[username])
            self.stores[username] = (entered.store, entered.actor)
        return self.stores[username]

    def run(self, username: str, fn, *args, **kwargs):
        store, actor = self.login(username)
        return store.run(fn, actor, *args, **kwargs)

    def store(self) -> Store:
        return self.login(COORDINATOR)[0]

    def window(self, qtbot, username: str) -> MainWindow:
        """The main window as `username` sees it after logging in on the clock's day."""
        store, actor = self.login(username)
        school = store.run(accounts.school_info)
        workspace = Workspace(store, actor, school, TaskRunner(synchronous=True), "year")
        settings = QSettings(str(self.folder / f"{username}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, settings)
        qtbot.addWidget(window)
        window.show()
        window.refresh()
        return window

    def cli(self, username: str, *args: str, new_password: str | None = None) -> Cli:
        """`python -m app ARGS --database URL --user NAME`, run in this process so it reads
        the year's clock; KOERS_PASSWORD holds the user's password as the README says."""
        import os

        from app.cli import run

        before = {k: os.environ.get(k) for k in ("KOERS_PASSWORD", "KOERS_NEW_PASSWORD")}
        os.environ["KOERS_PASSWORD"] = PASSWORDS[username]
        if new_password is not None:
            os.environ["KOERS_NEW_PASSWORD"] = new_password
        out, err = io.StringIO(), io.StringIO()
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code = run([*args, "--database", self.url, "--user", username])
        finally:
            for key, value in before.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        return Cli(code, out.getvalue(), err.getvalue())

    def close(self) -> None:
        for store, _actor in self.stores.values():
            store.dispose()
        self.stores.clear()
