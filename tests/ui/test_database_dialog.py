"""Choosing a shared server: the URL is remembered, the password only in a secure keyring."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings

from app.db import credentials
from app.db.urls import resolve_database_url
from app.ui.settings.database_dialog import SETTINGS_KEY, DatabaseDialog


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "koers.ini"), QSettings.Format.IniFormat)


def _fill_server(dialog: DatabaseDialog) -> None:
    dialog.server.setChecked(True)
    dialog.host.setText("db.school.local")
    dialog.port.setValue(5433)
    dialog.database.setText("koers")
    dialog.user.setText("coordinator")
    dialog.password.setText("geheim-wachtwoord")


def test_server_choice_keeps_password_out_of_settings(qtbot, settings, tmp_path):
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    _fill_server(dialog)
    dialog.remember.setChecked(True)
    dialog.accept()
    url = settings.value(SETTINGS_KEY)
    assert url == "postgresql+psycopg://coordinator@db.school.local:5433/koers"
    settings.sync()
    assert "geheim-wachtwoord" not in (tmp_path / "koers.ini").read_text()
    assert credentials.get_password(url) == "geheim-wachtwoord"
    assert credentials.needs_server_password(url)


def test_without_secure_keyring_nothing_is_stored(qtbot, settings, monkeypatch):
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    assert "geen veilige opslag" in dialog.note.text()
    _fill_server(dialog)
    dialog.accept()
    assert credentials.set_password(settings.value(SETTINGS_KEY), "x") is False


def test_missing_server_fields_are_named(qtbot, settings):
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    dialog.server.setChecked(True)
    dialog.accept()
    assert "Server: dit veld is verplicht." in dialog.problem.text()
    assert settings.value(SETTINGS_KEY) is None


def test_database_url_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("KOERS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("KOERS_DATABASE_URL", raising=False)
    assert resolve_database_url(None) == f"sqlite:///{tmp_path / 'koers.db'}"
    assert resolve_database_url(None, "postgresql://a@b/c") == "postgresql://a@b/c"
    monkeypatch.setenv("KOERS_DATABASE_URL", "sqlite:///env.db")
    assert resolve_database_url(None, "postgresql://a@b/c") == "sqlite:///env.db"
    assert resolve_database_url("sqlite:///arg.db", "postgresql://a@b/c") == "sqlite:///arg.db"
