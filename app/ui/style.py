"""The application's look: one calm style sheet, readable at a glance.

With Windows high contrast (or any contrast preference the platform reports as high) the
colours go: a style sheet's fixed colours would override the user's high-contrast theme,
so only sizes, weights and borders stay, drawn in the palette's own colours.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessibilityHints, QStyleHints
from PySide6.QtWidgets import QApplication

_SHAPES = """
QLabel#areaTitle, QLabel#fileTitle { font-size: 17pt; font-weight: 600; padding: 4px 0 8px 0; }
QListWidget#navigation { font-size: 11pt; border: none; }
QListWidget#navigation::item { padding-left: 10px; }
QGroupBox { font-weight: 600; margin-top: 10px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
"""

_COLOURS = """
QLabel#loginTitle { font-size: 22pt; font-weight: 700; color: #1f4e79; }
QLabel#loginMessage, QLabel#wizardProblem { color: #b00020; }
QLabel#demoBadge { background: #fff3c4; color: #6b4e00; border-radius: 3px; font-weight: 600; }
QListWidget#navigation { background: #eef2f6; }
QListWidget#navigation::item:selected { background: #1f4e79; color: white; }
QLineEdit[invalid="true"], QComboBox[invalid="true"] { border: 2px solid #b00020; }
"""

# High contrast: the theme's colours; a wrong field still stands out by a thicker border
# (and the message beside it names the field).
_HIGH_CONTRAST = """
QLabel#loginTitle { font-size: 22pt; font-weight: 700; }
QLabel#loginMessage, QLabel#wizardProblem, QLabel#demoBadge { font-weight: 700; }
QLineEdit[invalid="true"], QComboBox[invalid="true"] { border: 3px solid palette(text); }
"""

STYLE_SHEET = _SHAPES + _COLOURS
HIGH_CONTRAST_STYLE_SHEET = _SHAPES + _HIGH_CONTRAST


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
    """The style sheet that suits the contrast setting, again whenever the user changes it."""
    app.setStyleSheet(HIGH_CONTRAST_STYLE_SHEET if high_contrast(app) else STYLE_SHEET)
    if not app.property("koersFollowsContrast"):
        app.setProperty("koersFollowsContrast", True)
        _accessibility(app).contrastPreferenceChanged.connect(lambda _p: apply_style(app))
