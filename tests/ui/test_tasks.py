"""The task runner: results, errors and progress on the GUI thread, cancel, a child process
behind the same interface, and the synchronous mode tests use (child work included)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core.child_process import STOPPED
from app.core.errors import ConflictError, KoersError
from app.ui.common.messages import UNEXPECTED
from app.ui.tasks import TaskRunner
from tests.ui import task_work


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The message boxes the default error handler opened: (title, text)."""
    boxes: list[tuple[str, str]] = []

    def warning(_parent, title, text, *args, **kwargs):
        boxes.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return boxes


def _on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_result_arrives_on_the_gui_thread_from_the_worker(qtbot, runner) -> None:
    got: list[tuple[int, bool]] = []
    runner.submit(threading.get_ident, lambda ident: got.append((ident, _on_gui_thread())))
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert got and got[0][0] != threading.get_ident() and got[0][1]


def test_an_error_without_handler_shows_its_dutch_message(qtbot, shown) -> None:
    runner = TaskRunner(synchronous=True)

    def gone() -> None:
        raise KoersError("Deze leerling bestaat niet meer.")

    def bug() -> None:
        raise ZeroDivisionError("details that must not reach the user")

    def busy() -> None:
        raise ConflictError("Iemand anders heeft deze leerling net gewijzigd.")

    for work in (gone, bug, busy):
        runner.submit(work, lambda _r: pytest.fail("no result expected"))
    assert shown == [
        ("Koers", "Deze leerling bestaat niet meer."),
        ("Koers", UNEXPECTED),
        ("Tegelijk gewijzigd", "Iemand anders heeft deze leerling net gewijzigd."),
    ]
    assert runner.pending == 0


def test_a_given_error_handler_replaces_the_message(qtbot, shown) -> None:
    runner = TaskRunner(synchronous=True)
    errors: list[BaseException] = []
    runner.submit(lambda: 1 / 0, lambda _r: None, errors.append)
    assert isinstance(errors[0], ZeroDivisionError) and shown == []


def test_progress_arrives_on_the_gui_thread_in_order_before_the_result(qtbot, runner) -> None:
    events: list[tuple] = []
    task = runner.task(
        task_work.count_to,
        5,
        on_progress=lambda done, total: events.append((done, total, _on_gui_thread())),
        on_success=lambda result: events.append(("done", result[2], _on_gui_thread())),
    )
    task.start()
    qtbot.waitUntil(lambda: task.finished)
    assert events[:5] == [(n, 5, True) for n in range(1, 6)]
    kind, worker_thread, on_gui = events[5]
    assert kind == "done" and on_gui and worker_thread != threading.get_ident()


def test_cancel_stops_the_work_at_its_next_step(qtbot, runner) -> None:
    stopped_at: list[int] = []
    task = runner.task(
        task_work.until_cancelled,
        10_000,
        on_progress=lambda done, _total: done >= 3 and task.cancel(),
        on_success=stopped_at.append,
    )
    task.start()
    qtbot.waitUntil(lambda: task.finished, timeout=10_000)
    assert task.cancelled() and 3 < stopped_at[0] < 10_000


def test_synchronous_cancel_from_a_progress_callback(qtbot) -> None:
    runner = TaskRunner(synchronous=True)
    stopped_at: list[int] = []
    task = runner.task(
        task_work.until_cancelled,
        10_000,
        on_progress=lambda done, _total: done == 3 and task.cancel(),
        on_success=stopped_at.append,
    )
    task.start()
    assert task.finished and stopped_at == [4]


def test_child_process_reports_progress_on_the_gui_thread_and_stops_when_cancelled(
    qtbot, runner
) -> None:
    seen: list[tuple[int, bool]] = []
    results: list = []
    counted = runner.task(
        task_work.count_to,
        3,
        on_progress=lambda done, _total: seen.append((done, _on_gui_thread())),
        on_success=results.append,
        child_process=True,
    )
    counted.start()
    qtbot.waitUntil(lambda: counted.finished, timeout=30_000)
    total, pid, _thread = results[0]
    assert total == 3 and pid != os.getpid()
    assert seen == [(1, True), (2, True), (3, True)]

    stopping = runner.task(
        task_work.until_cancelled,
        100_000,
        on_progress=lambda done, _total: done >= 2 and stopping.cancel(),
        on_success=results.append,
        child_process=True,
    )
    stopping.start()
    qtbot.waitUntil(lambda: stopping.finished, timeout=30_000)
    assert 2 <= results[1] < 100_000
    assert runner.pending == 0


def test_a_child_that_dies_is_reported_not_waited_for(qtbot, runner) -> None:
    errors: list[BaseException] = []
    task = runner.task(
        task_work.die, on_success=lambda _r: None, on_error=errors.append, child_process=True
    )
    task.start()
    qtbot.waitUntil(lambda: task.finished, timeout=30_000)
    assert isinstance(errors[0], KoersError) and errors[0].message == STOPPED


def test_synchronous_child_mode_runs_in_line_with_the_childs_results(qtbot, shown) -> None:
    runner = TaskRunner(synchronous=True)
    seen: list[int] = []
    results: list = []
    task = runner.task(
        task_work.count_to,
        3,
        on_progress=lambda done, _total: seen.append(done),
        on_success=results.append,
        child_process=True,
    )
    task.start()
    assert task.finished and seen == [1, 2, 3] and results[0][:2] == [3, os.getpid()]

    # Errors cross as they would from a child: a KoersError keeps its class and message
    # (a ValidationError, which cannot be rebuilt from its message, keeps the message),
    # anything else only says something went wrong.
    errors: list[BaseException] = []
    for kind in ("conflict", "validation", "bug"):
        runner.task(
            task_work.refuse,
            kind,
            on_success=lambda _r: None,
            on_error=errors.append,
            child_process=True,
        ).start()
    assert isinstance(errors[0], ConflictError)
    assert type(errors[1]) is KoersError
    assert errors[1].message == "Datum: vul een datum in."
    assert not isinstance(errors[2], (KoersError, ZeroDivisionError))
    runner.task(task_work.refuse, "bug", on_success=lambda _r: None, child_process=True).start()
    assert shown == [("Koers", UNEXPECTED)]


def test_synchronous_child_mode_refuses_what_a_child_could_not_receive(qtbot) -> None:
    runner = TaskRunner(synchronous=True)
    errors: list[BaseException] = []
    runner.task(
        lambda progress: 1,  # a lambda cannot be sent to a child process
        on_success=lambda _r: pytest.fail("a child could not have run this"),
        on_error=errors.append,
        child_process=True,
    ).start()
    assert len(errors) == 1 and runner.pending == 0


def _niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="niceness is a POSIX notion")
def test_low_priority_work_runs_below_the_users_threads_and_does_not_hold_them_up(
    qtbot, runner
) -> None:
    """The checks after log-in read the whole file: on their own thread at the lowest
    priority, while the worker stays at the window's and answers meanwhile (issue 19)."""
    release = threading.Event()
    seen: dict[str, object] = {}

    def check() -> int:
        seen["check"] = (_niceness(), threading.current_thread().name)
        release.wait(10)
        return 7

    runner.background(check, lambda value: seen.setdefault("result", value), low_priority=True)
    runner.submit(_niceness, lambda value: seen.setdefault("worker", value))
    qtbot.waitUntil(lambda: "worker" in seen and "check" in seen)
    assert "result" not in seen  # the worker answered while the check still ran
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    niceness, thread = seen["check"]
    assert niceness == 19 and seen["worker"] == _niceness() < 19
    assert thread != threading.current_thread().name and seen["result"] == 7


def test_low_priority_work_of_a_synchronous_runner_runs_in_line_untouched(qtbot) -> None:
    runner = TaskRunner(synchronous=True)
    before = os.getpriority(os.PRIO_PROCESS, 0) if hasattr(os, "getpriority") else None
    got: list[int] = []
    runner.background(lambda: 3, got.append, low_priority=True)
    assert got == [3]
    if before is not None:
        assert os.getpriority(os.PRIO_PROCESS, 0) == before
