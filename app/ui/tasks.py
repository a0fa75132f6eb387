"""One task runner for database and long work: off the GUI thread, results back on it.

Database work is serialised on a single worker thread so two actions never interleave.
Tests construct it with `synchronous=True` and get results immediately.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class TaskRunner(QObject):
    _finished = Signal(object, object)  # (callback, value)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._executor = None if synchronous else ThreadPoolExecutor(1, "koers-db")
        # Emitted from the worker thread, so Qt queues the call onto the GUI thread.
        self._finished.connect(self._deliver)
        self.pending = 0

    def submit(
        self,
        work: Callable[[], Any],
        on_success: Callback,
        on_error: Callback | None = None,
    ) -> None:
        """Runs `work` on the worker; `on_success(result)` or `on_error(exc)` on the GUI thread."""
        self.pending += 1
        if self._executor is None:
            self._run(work, on_success, on_error, deliver=self._deliver)
            return
        self._executor.submit(self._run, work, on_success, on_error, self._finished.emit)

    @staticmethod
    def _run(work, on_success, on_error, deliver) -> None:
        try:
            result = work()
        except Exception as exc:  # handed to the GUI thread, which shows it
            if not _is_user_error(exc):
                log.exception("background task failed")
            deliver(on_error or _raise_later, exc)
            return
        deliver(on_success, result)

    @Slot(object, object)
    def _deliver(self, callback: Callback, value: Any) -> None:
        self.pending -= 1
        callback(value)

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)


def _is_user_error(exc: BaseException) -> bool:
    from app.core.errors import KoersError

    return isinstance(exc, KoersError)


def _raise_later(exc: BaseException) -> None:
    raise exc
