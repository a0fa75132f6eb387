"""The application's look: a few calm accents, readable at a glance.

Each accent is a style sheet on the widgets that carry it (`styled`), never one on the
whole application: an application style sheet puts every widget of every window under
Qt's style-sheet style, which made building and painting the main window about twice as
slow (a fifth of the log-in's time to the painted cohort, issue 19).

With Windows high contrast (or any contrast preference the platform reports as high) the
colours go: a style sheet's fixed colours would override the user's high-contrast theme,
so only sizes, weights and borders stay, drawn in the palette's own colours.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessibilityHints, QStyleHints
from PySide6.QtWidgets import QApplication, QWidget

_TITLE = "QLabel { font-size: 17pt; font-weight: 600; padding: 4px 0 8px 0; }"
_GROUP = (
    "QGroupBox { font-weight: 600; margin-top: 10px; }"
    " QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }"
)
_NAVIGATION = (
    "QListWidget { font-size: 11pt; border: none; } QListWidget::item { padding-left: 10px; }"
)

# Per role: (the normal sheet, the high-contrast sheet). High contrast: the theme's colours;
# a wrong field still stands out by a thicker border (and the message beside it names it).
SHEETS: dict[str, tuple[str, str]] = {
    "title": (_TITLE, _TITLE),
    "group": (_GROUP, _GROUP),
    "navigation": (
        _NAVIGATION
        + " QListWidget { background: #eef2f6; }"
        + " QListWidget::item:selected { background: #1f4e79; color: white; }",
        _NAVIGATION,
    ),
    "login_title": (
        "QLabel { font-size: 22pt; font-weight: 700; color: #1f4e79; }",
        "QLabel { font-size: 22pt; font-weight: 700; }",
    ),
    "problem": ("QLabel { color: #b00020; }", "QLabel { font-weight: 700; }"),
    "badge": (
        "QLabel { background: #fff3c4; color: #6b4e00; border-radius: 3px; font-weight: 600; }",
        "QLabel { font-weight: 700; }",
    ),
    "invalid": ("border: 2px solid #b00020;", "border: 3px solid palette(text);"),
}

_styled: weakref.WeakKeyDictionary[QWidget, str] = weakref.WeakKeyDictionary()
_contrast = {"high": False}


def sheet(role: str) -> str:
    """The style sheet of `role` for the contrast setting in force."""
    normal, high = SHEETS[role]
    return high if _contrast["high"] else normal


def styled(widget: QWidget, role: str) -> QWidget:
    """Gives `widget` the accent of `role` (again whenever the contrast setting changes)."""
    _styled[widget] = role
    widget.setStyleSheet(sheet(role))
    return widget


def unstyled(widget: QWidget) -> None:
    """Takes the accent off `widget` (a field that is no longer wrong)."""
    if _styled.pop(widget, None) is not None:
        widget.setStyleSheet("")


# The style hints and their accessibility hints, fetched once and kept: when PySide6
# collects a temporary `styleHints()` wrapper, the accessibility wrapper taken from it dies
# with it ("Internal C++ object already deleted").
_hints: dict[int, tuple[QStyleHints, QAccessibilityHints]] = {}


def _accessibility(app: QApplication) -> QAccessibilityHints:
    if id(app) not in _hints:
        style_hints = app.styleHints()
        _hints[id(app)] = (style_hints, style_hints.accessibility())
    return _hints[id(app)][1]


def high_contrast(app: QApplication) -> bool:
    """Whether the platform asks for high contrast (Windows: Settings > Contrast themes)."""
    return _accessibility(app).contrastPreference() == Qt.ContrastPreference.HighContrast


def apply_style(app: QApplication) -> None:
    """The accents that suit the contrast setting, again whenever the user changes it."""
    _contrast["high"] = high_contrast(app)
    for widget, role in list(_styled.items()):
        try:
            widget.setStyleSheet(sheet(role))
        except RuntimeError:  # its window is gone, the Python side not yet
            _styled.pop(widget, None)
    if not app.property("koersFollowsContrast"):
        app.setProperty("koersFollowsContrast", True)
        _accessibility(app).contrastPreferenceChanged.connect(lambda _p: apply_style(app))
