"""A shared server's password is asked only when the server wants one, and never stored
in the URL that the settings keep."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.services.admin.opening import Found
from app.ui import startup
from app.ui.tasks import TaskRunner

URL = "postgresql+psycopg://coordinator@db.school.local/koers"


class OperationalError(Exception):
    """Named like SQLAlchemy's, which is how the controller recognises it."""


def _controller(tmp_path, asked):
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)

    def ask(url):
        asked.append(url)
        return "server-geheim"

    return startup.StartupController(URL, settings, TaskRunner(synchronous=True), ask_password=ask)


def test_password_asked_after_refusal_then_retried(qtbot, tmp_path, monkeypatch):
    tried: list[str] = []

    def fake_open(url):
        tried.append(url)
        if "server-geheim" not in url:
            raise OperationalError("connection failed: fe_sendauth: no password supplied")
        return Found(url, "server", "PostgreSQL", school_name="Testschool")

    monkeypatch.setattr(startup, "_prepare", fake_open)
    asked: list[str] = []
    controller = _controller(tmp_path, asked)
    monkeypatch.setattr(controller, "_start_wizard", lambda: None)
    qtbot.addWidget(controller.login)
    controller.start()
    assert asked == [URL]
    assert len(tried) == 2 and "server-geheim" not in tried[0] and "server-geheim" in tried[1]
    assert controller.opened is not None


def test_other_failures_are_reported_without_asking(qtbot, tmp_path, monkeypatch):
    def fake_open(url):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(startup, "_prepare", fake_open)
    asked: list[str] = []
    controller = _controller(tmp_path, asked)
    qtbot.addWidget(controller.login)
    controller.start()
    assert asked == []
    assert "kan niet worden geopend" in controller.login.message.text()
