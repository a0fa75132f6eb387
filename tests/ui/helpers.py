"""What the window tests build again and again: a school, a workspace and the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.db import Store, open_store
from app.services.admin import accounts
from app.services.common.actor import Actor
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from app.ui.workspace import Workspace


def new_school(tmp_path: Path, password: str) -> tuple[Store, Actor]:
    """A fresh school on SQLite with its coordinator (the caller disposes the store)."""
    store = open_store(f"sqlite:///{tmp_path / 'koers.db'}")
    coordinator = store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password=password,
    )
    return store, coordinator


def workspace_for(store: Store, actor: Actor) -> Workspace:
    """The workspace of a logged-in user, its use cases run synchronously."""
    school = store.run(accounts.school_info)
    return Workspace(store, actor, school, TaskRunner(synchronous=True), "test")


def main_window(qtbot, workspace: Workspace, tmp_path: Path) -> MainWindow:
    """The main window with its own settings file, closed by qtbot after the test."""
    settings = QSettings(str(tmp_path / "koers.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    return window
