"""Windows high contrast: Koers's accents then set no colour of their own, so the user's
contrast theme colours every window; a wrong field still stands out by its border. The
accents sit on their widgets, never on the whole application (issue 19: an application
style sheet made every window slower to build and paint)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from app.ui import style
from app.ui.common.fields import mark_invalid


def test_the_high_contrast_sheets_set_no_colour() -> None:
    for role, (_normal, high) in style.SHEETS.items():
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b", high), role
        assert not re.search(r"\b(color|background)\s*:", high), role
        assert "white" not in high, role
    assert style.SHEETS["invalid"][1] == "border: 3px solid palette(text);"


def test_the_accents_follow_the_contrast_setting(qapp: QApplication, monkeypatch) -> None:
    title = style.styled(QLabel("Leerlingen in de uitstroom"), "title")
    problem = style.styled(QLabel("Gebruikersnaam of wachtwoord klopt niet."), "problem")
    try:
        monkeypatch.setattr(style, "high_contrast", lambda _app: True)
        style.apply_style(qapp)
        assert problem.styleSheet() == style.SHEETS["problem"][1]
        assert title.styleSheet() == style.SHEETS["title"][1]
        monkeypatch.setattr(style, "high_contrast", lambda _app: False)
        style.apply_style(qapp)
        assert problem.styleSheet() == style.SHEETS["problem"][0]
        assert "#b00020" in problem.styleSheet()
        assert qapp.styleSheet() == ""  # nothing for every widget of every window
    finally:
        monkeypatch.setattr(style, "high_contrast", lambda _app: False)
        style.apply_style(qapp)


def test_a_wrong_field_gets_its_border_and_loses_it_when_right(qapp: QApplication) -> None:
    field = QLineEdit()
    mark_invalid(field, "Vul een datum in als dd-mm-jjjj.")
    assert field.property("invalid") is True and "border" in field.styleSheet()
    assert field.toolTip() == "Vul een datum in als dd-mm-jjjj."
    mark_invalid(field, None)
    assert field.property("invalid") is False and field.styleSheet() == ""


def test_the_platform_is_asked(qapp: QApplication) -> None:
    # The offscreen platform reports no preference: the normal, coloured accents.
    assert style.high_contrast(qapp) is False
