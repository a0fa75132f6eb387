"""Item 1(b): Beheer tells the coordinator what the embedded store protects against and
what not, and where to go when the database itself must enforce roles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from app.ui.admin.backups import BackupsTab
from tests.ui.helpers import new_school, workspace_for


def test_the_backups_tab_says_what_the_encryption_does_not_stop(qtbot, tmp_path: Path) -> None:
    store, coordinator = new_school(tmp_path, "Horizon-wachtwoord-2026")
    try:
        tab = BackupsTab(workspace_for(store, coordinator))
        qtbot.addWidget(tab)
        note = tab.findChild(QLabel, "securityNote")
        assert note is not None
        text = note.text()
        assert "gestolen" in text and "andere Windows-gebruikers" in text  # what it stops
        assert "account" in text and "hulpprogramma's" in text  # what it does not
        assert "PostgreSQL" in text and "beveiliging per rij" in text  # where to go
    finally:
        store.dispose()
