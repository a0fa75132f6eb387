"""Noticing that nobody is at the PC: idle time on the wall clock, and sleep."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

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

    The watcher filters the top-level windows, not the application: input from the system
    reaches a window before its widgets, while a filter on the application would run
    Python for every event of every widget (layouts, paints: about 11 µs each, a fifth of
    the log-in's time to the first painted cohort, issue 19).
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
        self._application: QGuiApplication | None = None

    def start(self, application: QGuiApplication) -> None:
        # A window is watched from the moment it first has the focus, or is on screen when
        # another one gets it; Qt keeps one filter per window however often it is installed.
        if self._application is None:
            self._application = application
            application.focusWindowChanged.connect(self._watch_windows)
        self._watch_windows()
        self.touch()
        self.timer.start()

    def stop(self, application: QGuiApplication) -> None:
        if self._application is not None:  # a window may be closed more than once
            application.focusWindowChanged.disconnect(self._watch_windows)
            self._application = None
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)
        self.timer.stop()

    def _watch_windows(self, _focus: QWindow | None = None) -> None:
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)

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
