"""The task runner: database and long work off the GUI thread, results back on it.

Database work (`submit`) is serialised on one worker thread so two actions never interleave.
Checks the user never waits for (`background`: the integrity check and daily backup after
log-in) run on a second thread with their own connections, so a student file opened right
after log-in is not queued behind them.
Long work (`task(...).start()`) is handed a `Progress` (report, cancelled) and runs on that
worker, or in a child process when it must not share the window's interpreter (`child.py`).
Results, errors and progress always arrive on the GUI thread; an error nobody handles is
shown in Dutch.
Tests construct it with `synchronous=True`: everything runs in line, child work included.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from app.core import child_process as child
from app.core import thread_priority
from app.core.errors import KoersError
from app.ui.common import messages

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]


class Task:
    """One piece of long work: made by `TaskRunner.task`, then `start()`ed; the caller keeps
    it to cancel it (also from a progress callback, which in tests runs before `start`
    returns)."""

    def __init__(
        self,
        runner: TaskRunner,
        work: Callable[..., Any],
        args: tuple,
        on_success: Callback,
        on_error: ErrorCallback,
        on_progress: ProgressCallback,
        child_process: bool,
    ) -> None:
        self._runner = runner
        self.work, self.args = work, args
        self.on_success, self.on_error, self.on_progress = on_success, on_error, on_progress
        self.child_process = child_process
        # A threading.Event, or a multiprocessing one a child can see.
        self._cancel = child.cancel_event(in_line=runner.synchronous or not child_process)
        self.started = False
        self.finished = False

    def start(self) -> Task:
        if self.started:
            raise RuntimeError("a task runs once")
        self.started = True
        self._runner._start(self)
        return self

    def cancel(self) -> None:
        """Asks the work to stop at its next step; its outcome still arrives as usual."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _done(self, callback: Callable[[Any], None]) -> Callback:
        def finished(value: Any) -> None:
            self.finished = True
            callback(value)

        return finished


class _ThreadProgress:
    """The `Progress` handed to work on the worker thread."""

    def __init__(self, report: ProgressCallback, cancel: threading.Event) -> None:
        self._report = report
        self._cancel = cancel

    def report(self, done: int, total: int) -> None:
        self._report(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class TaskRunner(QObject):
    _finished = Signal(object, object)  # (callback, value)
    _progressed = Signal(object, int, int)  # (callback, done, total)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._executor = None if synchronous else ThreadPoolExecutor(1, "koers-db")
        # Two: the rest of the cohort is not queued behind the integrity check either.
        self._background = None if synchronous else ThreadPoolExecutor(2, "koers-beside")
        # Emitted from the worker (or a child's listener) thread, so Qt queues the call
        # onto the GUI thread.
        self._finished.connect(self._deliver)
        self._progressed.connect(self._deliver_progress)
        self.pending = 0
        self.closed = False
        # Where the default error message appears: the window the user is looking at.
        self.error_parent: Callable[[], QWidget | None] = QApplication.activeWindow

    def submit(
        self,
        work: Callable[[], Any],
        on_success: Callback,
        on_error: ErrorCallback | None = None,
    ) -> None:
        """Runs `work` on the worker; `on_success(result)` or `on_error(exc)` on the GUI
        thread. Without `on_error` the error's Dutch message is shown (`show_error`)."""
        if self.closed:
            return
        self.pending += 1
        self._on_worker(work, on_success, on_error or self.show_error)

    def background(
        self,
        work: Callable[[], Any],
        on_success: Callback,
        on_error: ErrorCallback | None = None,
        *,
        low_priority: bool = False,
    ) -> None:
        """Runs `work` beside the user's own work, never ahead of it: on a thread of its
        own, so what `submit` queues meanwhile runs at once. `work` must use connections of
        its own (a Store's pool, a check's own connection), never a session shared with the
        worker. Results arrive on the GUI thread as with `submit`; synchronous: in line.

        `low_priority`: on a new thread at the platform's lowest priority, for work that
        reads much and that nobody waits for (the checks after log-in), so that it takes
        only the processor time the window and the worker leave."""
        if self.closed:
            return
        self.pending += 1
        if self._background is None:
            _run(work, on_success, on_error or self.show_error, deliver=self._deliver)
            return
        if low_priority:
            threading.Thread(
                target=_run_low,
                args=(work, on_success, on_error or self.show_error, self._finished.emit),
                name="koers-low-priority",
            ).start()
            return
        self._background.submit(
            _run, work, on_success, on_error or self.show_error, self._finished.emit
        )

    def task(
        self,
        work: Callable[..., Any],
        *args: Any,
        on_success: Callback,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
        child_process: bool = False,
    ) -> Task:
        """Long work `work(*args, progress)`, to `start()`: `on_progress(done, total)`
        arrives on the GUI thread, then `on_success` or `on_error` as with `submit`.

        With `child_process` the work runs in a process of its own (a thread would share
        the interpreter lock with the window): `work` must be a module-level function and
        the arguments and result must pickle. In synchronous mode it runs in line, through
        the same pickling, so a test sees what the child would have done.
        """
        return Task(
            self,
            work,
            args,
            on_success,
            on_error or self.show_error,
            on_progress or _ignore_progress,
            child_process,
        )

    def _start(self, task: Task) -> None:
        self.pending += 1
        success, failure, report = (
            task._done(task.on_success),
            task._done(task.on_error),
            task.on_progress,
        )
        if task.child_process:
            progress_to = self._deliver_progress if self.synchronous else self._progressed.emit
            deliver = self._deliver if self.synchronous else self._finished.emit

            def on_message(message: tuple) -> None:
                if message[0] == "progress":
                    progress_to(report, message[1], message[2])
                elif message[0] == "done":
                    deliver(success, message[1])
                else:
                    deliver(failure, message[1])

            try:
                child.run(task.work, task.args, on_message, task._cancel, in_line=self.synchronous)
            except Exception as exc:  # the work or its arguments cannot cross to a child
                log.exception("could not start the child process")
                self._deliver(failure, exc)
            return
        if self._executor is None:
            progress = _ThreadProgress(report, task._cancel)
        else:
            progress = _ThreadProgress(
                lambda done, total: self._progressed.emit(report, done, total), task._cancel
            )
        work, args = task.work, task.args
        self._on_worker(lambda: work(*args, progress), success, failure)

    def show_error(self, exc: BaseException) -> None:
        """The default `on_error`: the Dutch message of a KoersError (else a plain
        'something went wrong') in a message box over the active window."""
        messages.show_error(self.error_parent(), exc)

    def _on_worker(
        self, work: Callable[[], Any], on_success: Callback, on_error: ErrorCallback
    ) -> None:
        if self._executor is None:
            _run(work, on_success, on_error, deliver=self._deliver)
            return
        self._executor.submit(_run, work, on_success, on_error, self._finished.emit)

    @Slot(object, object)
    def _deliver(self, callback: Callback, value: Any) -> None:
        self.pending -= 1
        callback(value)

    @Slot(object, int, int)
    def _deliver_progress(self, callback: ProgressCallback, done: int, total: int) -> None:
        callback(done, total)

    def shutdown(self) -> None:
        """Waits for the work under way; work asked for afterwards (a result that arrives
        while the application closes and asks for more) is dropped, not an error."""
        self.closed = True
        for executor in (self._executor, self._background):
            if executor is not None:
                executor.shutdown(wait=True)


def _run(
    work: Callable[[], Any],
    on_success: Callback,
    on_error: ErrorCallback,
    deliver: Callable[[Callable[[Any], None], Any], None],
) -> None:
    try:
        result = work()
    except Exception as exc:  # handed to the GUI thread, which shows it
        if not isinstance(exc, KoersError):
            log.exception("background task failed")
        deliver(on_error, exc)
        return
    deliver(on_success, result)


def _run_low(
    work: Callable[[], Any],
    on_success: Callback,
    on_error: ErrorCallback,
    deliver: Callable[[Callable[[Any], None], Any], None],
) -> None:
    thread_priority.lower_current_thread()
    _run(work, on_success, on_error, deliver)


def _ignore_progress(_done: int, _total: int) -> None:
    pass
