"""The Help menu a Koers window carries: F1 for the page of where the user is, the whole
handbook, the shortcuts, the tour and "Over Koers"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from app.ui.help.pages import page_for_area
from app.ui.help.tour import Tour
from app.ui.help.window import WHOLE, HelpWindow


class HelpMenu(QObject):
    """Builds the menu on `window`; `where` names the area the user is in (for F1)."""

    def __init__(
        self,
        window: QMainWindow,
        where: Callable[[], str | None],
        about: Callable[[], None] | None = None,
    ) -> None:
        # No Python reference to the window: a student file is deleted on close, and a
        # reference kept here would keep a wrapper of a deleted window alive.
        super().__init__(window)
        self.where = where
        self.help_window: HelpWindow | None = None
        self.tour: Tour | None = None
        menu = window.menuBar().addMenu(self.tr("&Help"))
        self.context_action = self._add(
            menu, self.tr("&Hulp bij dit scherm"), self.show_context_help
        )
        self.context_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.handbook_action = self._add(
            menu, self.tr("&Handleiding"), lambda: self.show_page(WHOLE)
        )
        self.shortcuts_action = self._add(
            menu, self.tr("&Sneltoetsen"), lambda: self.show_page("sneltoetsen")
        )
        self.tour_action = self._add(menu, self.tr("&Rondleiding"), self.show_tour)
        if about is not None:
            menu.addSeparator()
            self._add(menu, self.tr("&Over Koers"), about)
        self.menu = menu

    def _window(self) -> QMainWindow:
        return self.parent()  # type: ignore[return-value]

    def _add(self, menu, text: str, slot) -> QAction:
        action = QAction(text, menu)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def show_page(self, key: str) -> HelpWindow:
        if self.help_window is None:
            self.help_window = HelpWindow(self._window())
        self.help_window.show_page(key)
        return self.help_window

    def show_context_help(self) -> HelpWindow:
        return self.show_page(page_for_area(self.where()))

    def show_tour(self) -> Tour:
        self.tour = Tour(self._window())
        self.tour.setModal(False)
        self.tour.show()
        return self.tour
