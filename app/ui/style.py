"""The application's look: one calm style sheet, readable at a glance."""

STYLE_SHEET = """
QLabel#areaTitle, QLabel#fileTitle { font-size: 17pt; font-weight: 600; padding: 4px 0 8px 0; }
QLabel#loginTitle { font-size: 22pt; font-weight: 700; color: #1f4e79; }
QLabel#loginMessage, QLabel#wizardProblem { color: #b00020; }
QLabel#demoBadge { background: #fff3c4; color: #6b4e00; border-radius: 3px; font-weight: 600; }
QListWidget#navigation { font-size: 11pt; border: none; background: #eef2f6; }
QListWidget#navigation::item { padding-left: 10px; }
QListWidget#navigation::item:selected { background: #1f4e79; color: white; }
QLineEdit[invalid="true"], QComboBox[invalid="true"] { border: 2px solid #b00020; }
QGroupBox { font-weight: 600; margin-top: 10px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
"""
