"""One place that knows where bundled files live, in a checkout and in a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))


def package_path(relative: str) -> Path:
    """A path below the project root (or the PyInstaller bundle root)."""
    return _ROOT / relative


def resource_path(relative: str) -> Path:
    """A file under resources/ (icons, fonts, translations)."""
    return _ROOT / "resources" / relative
