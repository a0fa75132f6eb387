"""For every window test: a message box nobody expected fails the test instead of hanging it.

Offscreen, a modal QMessageBox waits for a click that never comes until the suite's
timeout. A test that expects one replaces the static method itself (monkeypatch), which
overrides this guard.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


def _unexpected(kind: str):
    def fail(_parent, title, text, *args, **kwargs):
        raise AssertionError(f"unexpected QMessageBox.{kind}: {title}: {text}")

    return staticmethod(fail)


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, _unexpected(kind))
