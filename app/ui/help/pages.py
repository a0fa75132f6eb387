"""The handbook's pages: Markdown files in resources/help, one per work area, in this order.

F1 shows the page of the area the user is in; Help → Handleiding shows them all.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.core.resources import resource_path

# (file name without .md, title in the page list)
PAGES: list[tuple[str, str]] = [
    ("leerlingen", QT_TRANSLATE_NOOP("help.pages", "Leerlingen en dossier")),
    ("stages", QT_TRANSLATE_NOOP("help.pages", "Stages")),
    ("gesprekken", QT_TRANSLATE_NOOP("help.pages", "Gesprekken en verslagen voor ouders")),
    ("nazorg", QT_TRANSLATE_NOOP("help.pages", "Nazorg")),
    ("overleg", QT_TRANSLATE_NOOP("help.pages", "Overleg")),
    ("trends", QT_TRANSLATE_NOOP("help.pages", "Trends")),
    ("netwerk", QT_TRANSLATE_NOOP("help.pages", "Netwerk en overdracht")),
    ("beheer", QT_TRANSLATE_NOOP("help.pages", "Beheer")),
    ("regels", QT_TRANSLATE_NOOP("help.pages", "Regels en bronnen")),
    ("sneltoetsen", QT_TRANSLATE_NOOP("help.pages", "Sneltoetsen")),
]

# The main window's area keys (and "dossier" for a student file) -> their page.
AREA_PAGES = {
    "cohort": "leerlingen",
    "dossier": "leerlingen",
    "stages": "stages",
    "gesprekken": "gesprekken",
    "nazorg": "nazorg",
    "overleg": "overleg",
    "trends": "trends",
    "netwerk": "netwerk",
    "beheer": "beheer",
}


def page_for_area(area: str | None) -> str:
    """The page F1 opens in `area`; the first page for an area without its own."""
    return AREA_PAGES.get(area or "", PAGES[0][0])


@cache
def page_text(key: str) -> str:
    """The Markdown of one page."""
    return resource_path(f"help/{key}.md").read_text(encoding="utf-8")


def handbook_text() -> str:
    """Every page in order, as one Markdown document."""
    return "\n\n---\n\n".join(page_text(key) for key, _title in PAGES)
