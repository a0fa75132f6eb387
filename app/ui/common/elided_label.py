"""A one-line label that never asks for more room than its cap: what does not fit is '…'.

For the status bar, where a long database path or name would push the message on the left
out of sight on a small screen. The whole text stays in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    def __init__(
        self,
        text: str,
        maximum_width: int,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._full_text = text
        self._mode = mode
        self.setMaximumWidth(maximum_width)
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full_text

    def sizeHint(self) -> QSize:
        # The whole text's width up to the cap, not the elided text's: else the label
        # could only ever shrink.
        margins = self.contentsMargins()
        wanted = (
            self.fontMetrics().horizontalAdvance(self._full_text)
            + margins.left()
            + margins.right()
            + 2 * self.margin()
        )
        return QSize(min(wanted, self.maximumWidth()), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin()
        self.setText(self.fontMetrics().elidedText(self._full_text, self._mode, max(width, 0)))
