"""The idle watcher: what the user does in any window postpones the lock, nothing else does,
and watching costs a few calls per window event, not one per widget event (issue 19)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.ui.lock.idle import IdleWatcher


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class CountingWatcher(IdleWatcher):
    calls = 0

    def eventFilter(self, watched, event) -> bool:
        CountingWatcher.calls += 1
        return super().eventFilter(watched, event)


def _window(qtbot, labels: int = 0) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLineEdit())
    for n in range(labels):
        layout.addWidget(QLabel(f"regel {n}"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def _watcher(qtbot, clock: FakeClock, cls=IdleWatcher) -> IdleWatcher:
    watcher = cls(300, clock=clock)
    watcher.start(QApplication.instance())
    qtbot.waitUntil(lambda: QApplication.focusWindow() is not None)
    return watcher


def test_typing_and_the_mouse_in_any_window_postpone_the_lock(qtbot) -> None:
    clock = FakeClock()
    first = _window(qtbot)
    watcher = _watcher(qtbot, clock)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    try:
        clock.now += 299
        QTest.keyClick(first.windowHandle(), Qt.Key.Key_A)
        clock.now += 299
        watcher.check()
        assert fired == []  # 299 s after the key press: not yet

        # A window opened later (a student's file) counts from its first focus on.
        second = _window(qtbot)
        qtbot.waitUntil(lambda: QApplication.focusWindow() is second.windowHandle())
        QTest.mouseMove(second.windowHandle(), QPoint(10, 10))
        clock.now += 299
        watcher.check()
        assert fired == []

        QTest.mouseClick(first.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        clock.now += 300
        watcher.check()
        assert fired == [True]  # five minutes without a key or the mouse
    finally:
        watcher.stop(QApplication.instance())


def test_repainting_and_relayouting_do_not_count_as_activity(qtbot) -> None:
    clock = FakeClock()
    window = _window(qtbot, labels=40)
    watcher = _watcher(qtbot, clock)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    try:
        clock.now += 300
        window.resize(window.width() + 50, window.height() + 50)
        window.repaint()
        QApplication.processEvents()
        watcher.check()
        assert fired == [True]
    finally:
        watcher.stop(QApplication.instance())


def test_a_repaint_of_many_widgets_costs_the_watcher_a_few_calls(qtbot) -> None:
    window = _window(qtbot, labels=60)
    watcher = _watcher(qtbot, FakeClock(), cls=CountingWatcher)
    try:
        QApplication.processEvents()
        CountingWatcher.calls = 0
        for label in window.findChildren(QLabel):
            label.setText(label.text() + "!")
        window.repaint()
        QApplication.processEvents()
        # One filter on the application would be called for each of the 60 labels' events.
        assert CountingWatcher.calls < 10
    finally:
        watcher.stop(QApplication.instance())


def test_stop_takes_the_watcher_off_every_window(qtbot) -> None:
    clock = FakeClock()
    window = _window(qtbot)
    watcher = _watcher(qtbot, clock)
    watcher.stop(QApplication.instance())
    before = watcher.last_activity
    clock.now += 10
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert watcher.last_activity == before
