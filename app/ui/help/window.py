"""The help window: the page list on the left, the page on the right (Markdown, read-only).

One window for the whole app; F1 and Help → Handleiding bring it up on the right page.
Everything in it is reachable by keyboard: the list takes arrow keys, Tab moves to the text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ui.help.pages import PAGES, handbook_text, page_text

WHOLE = "handleiding"


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handleiding — Koers"))
        self.setModal(False)
        self.resize(900, 640)
        self.pages = QListWidget()
        self.pages.setAccessibleName(self.tr("Onderwerpen van de handleiding"))
        self.pages.setMaximumWidth(260)
        whole = QListWidgetItem(self.tr("De hele handleiding"))
        whole.setData(Qt.ItemDataRole.UserRole, WHOLE)
        self.pages.addItem(whole)
        for key, title in PAGES:
            item = QListWidgetItem(QCoreApplication.translate("help.pages", title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.pages.addItem(item)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Tekst van de handleiding"))
        self.text.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.pages)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.pages.currentRowChanged.connect(self._show_row)
        # F1 inside the help window goes to its own page list, not another window.
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, self.pages.setFocus)
        self.current = ""

    def show_page(self, key: str) -> None:
        """Shows one page (or WHOLE: the handbook) and brings the window forward."""
        for row in range(self.pages.count()):
            if self.pages.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.pages.setCurrentRow(row)
                break
        self._show(key)
        self.show()
        self.raise_()
        self.activateWindow()

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self._show(self.pages.item(row).data(Qt.ItemDataRole.UserRole))

    def _show(self, key: str) -> None:
        if key == self.current:
            return
        self.current = key
        self.text.setMarkdown(handbook_text() if key == WHOLE else page_text(key))
