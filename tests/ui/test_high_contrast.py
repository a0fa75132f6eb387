"""Windows high contrast: Koers's style sheet then sets no colour of its own, so the user's
contrast theme colours every window; a wrong field still stands out by its border."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from app.ui import style


def test_the_high_contrast_sheet_sets_no_colour() -> None:
    sheet = style.HIGH_CONTRAST_STYLE_SHEET
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", sheet)
    assert not re.search(r"\b(color|background)\s*:", sheet)
    assert "white" not in sheet
    assert re.search(r'\[invalid="true"\][^}]*border: 3px solid palette\(text\)', sheet)


def test_the_sheet_follows_the_contrast_setting(qapp: QApplication, monkeypatch) -> None:
    before = qapp.styleSheet()
    try:
        monkeypatch.setattr(style, "high_contrast", lambda _app: True)
        style.apply_style(qapp)
        assert qapp.styleSheet() == style.HIGH_CONTRAST_STYLE_SHEET
        monkeypatch.setattr(style, "high_contrast", lambda _app: False)
        style.apply_style(qapp)
        assert qapp.styleSheet() == style.STYLE_SHEET
    finally:
        qapp.setStyleSheet(before)


def test_the_platform_is_asked(qapp: QApplication) -> None:
    # The offscreen platform reports no preference: the normal, coloured sheet.
    assert style.high_contrast(qapp) is False
