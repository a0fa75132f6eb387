"""Long work in a process of its own, behind the task runner's interface (no Qt: the child
imports only this module and the work's own).

The child runs `work(*args, progress)` and sends pickled messages through a queue:
("progress", done, total), then ("done", result) or ("failed", error). A listener thread in
the window's process waits for them (a blocking read costs the window nothing) and hands
them on; the runner turns them into calls on the GUI thread. `run(in_line=True)` (tests)
runs the same code in this process, with the same pickling on the way in and out.
"""

from __future__ import annotations

import logging
import pickle
import queue as queue_module
import threading
from collections.abc import Callable
from typing import Any

from app.core.errors import KoersError

log = logging.getLogger(__name__)

Message = tuple
# Shown when the child ends without a word (killed, out of memory): it only runs exports.
STOPPED = "De uitvoer is onverwacht gestopt."
POLL_SECONDS = 0.2


class ChildFailed(Exception):
    """An unexpected error in the child; only its type crosses (details stay in its log)."""


class _SentProgress:
    """The `Progress` handed to the work: reports become messages, cancel is an Event."""

    def __init__(self, send: Callable[[bytes], None], cancelled: Callable[[], bool]) -> None:
        self._send = send
        self.cancelled = cancelled

    def report(self, done: int, total: int) -> None:
        self._send(pickle.dumps(("progress", done, total)))


def run_work(
    work: Callable[..., Any],
    args: tuple,
    send: Callable[[bytes], None],
    cancelled: Callable[[], bool],
) -> None:
    """Runs the work and sends its outcome; the one body of a child, and of `in_line`."""
    try:
        result = work(*args, _SentProgress(send, cancelled))
        outcome = pickle.dumps(("done", result))
    except Exception as exc:
        outcome = pickle.dumps(("failed", _portable(exc)))
    send(outcome)


def _portable(exc: Exception) -> BaseException:
    """The error as it can cross: a KoersError keeps its class and Dutch message when it
    pickles; anything else arrives as unexpected."""
    if isinstance(exc, KoersError):
        try:
            return pickle.loads(pickle.dumps(exc))
        except Exception:  # e.g. a ValidationError rebuilt from its message alone
            return KoersError(exc.message)
    log.exception("background work in a child process failed")
    return ChildFailed(type(exc).__name__)


def _spawn_context() -> Any:
    # Imported when a child is first needed: multiprocessing cost 12 ms of the time to the
    # log-in window, which has no child work (issue 19).
    import multiprocessing

    return multiprocessing.get_context("spawn")


def cancel_event(in_line: bool) -> Any:
    if in_line:
        return threading.Event()
    return _spawn_context().Event()


def run(
    work: Callable[..., Any],
    args: tuple,
    on_message: Callable[[Message], None],
    cancel: Any,
    *,
    in_line: bool,
) -> None:
    """Starts the child (or, `in_line`, runs the work here); `on_message` gets each
    message, from a listener thread for a real child."""
    if in_line:
        # What the child would receive: fails here as it would fail there.
        work, args = pickle.loads(pickle.dumps((work, args)))
        run_work(work, args, lambda payload: on_message(pickle.loads(payload)), cancel.is_set)
        return
    context = _spawn_context()
    messages = context.Queue()
    process = context.Process(target=_child_main, args=(work, args, messages, cancel), daemon=True)
    process.start()
    listener = threading.Thread(
        target=_listen, args=(process, messages, on_message), name="koers-child", daemon=True
    )
    listener.start()


def _child_main(work: Callable[..., Any], args: tuple, messages: Any, cancel: Any) -> None:
    run_work(work, args, messages.put, cancel.is_set)


def _listen(process: Any, messages: Any, on_message: Callable[[Message], None]) -> None:
    while True:
        try:
            payload = messages.get(timeout=POLL_SECONDS)
        except queue_module.Empty:
            if process.is_alive():
                continue
            try:  # what it sent just before it ended
                payload = messages.get(timeout=POLL_SECONDS)
            except queue_module.Empty:
                on_message(("failed", KoersError(STOPPED)))
                break
        message = pickle.loads(payload)
        on_message(message)
        if message[0] != "progress":
            break
    process.join()  # reaped here, never on the GUI thread
