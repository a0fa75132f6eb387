"""Noticing that nobody is at the PC: idle time on the wall clock, and sleep."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
CHECK_INTERVAL_MS = 5_000


class IdleWatcher(QObject):
    """Emits `idle` once the user has done nothing for `idle_seconds` of wall-clock time.

    Wall clock, not a Qt timer's count: time the PC spent asleep counts as idle, so a
    laptop that wakes up after lunch is locked at once.
    """

    idle = Signal()

    def __init__(
        self,
        idle_seconds: float,
        *,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.last_activity = clock()
        self.enabled = True
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self, application: QObject) -> None:
        application.installEventFilter(self)
        self.touch()
        self.timer.start()

    def stop(self, application: QObject) -> None:
        application.removeEventFilter(self)
        self.timer.stop()

    def touch(self) -> None:
        self.last_activity = self.clock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.last_activity = self.clock()
        return False

    def check(self) -> None:
        if self.enabled and self.clock() - self.last_activity >= self.idle_seconds:
            self.enabled = False
            self.idle.emit()
