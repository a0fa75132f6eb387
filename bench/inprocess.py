"""Measurements inside this process, with a QApplication on the offscreen platform.

(c) cohort filter keystrokes: CohortModel.set_filter per typed or deleted character;
    and through the real CohortView (QLineEdit -> model -> table repaint): the budget.
(d) student file open: StudentFileWindow on a synchronous TaskRunner until `loaded` is set,
    and the bare service open_student_file.
"""

from __future__ import annotations

import gc
import random
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from app.db.store import Store
from app.db.urls import describe
from app.services.admin import accounts
from app.services.common.actor import Actor
from app.services.students.cohort import CohortRow, list_cohort
from app.services.students.cohort_filter import CohortFilter
from app.services.students.student_file import open_student_file
from app.ui.cohort.model import CohortModel
from app.ui.cohort.view import CohortView
from app.ui.student.window import StudentFileWindow
from app.ui.tasks import TaskRunner
from app.ui.workspace import Workspace
from bench.generate import say
from bench.results import Result, median, ms

# What a coordinator types: a surname with prefix, a surname, a class, a profile.
QUERIES = ["van den berg", "jansen", "v6b", "dagbesteding"]
ROUNDS = 3


def application() -> QApplication:
    from app.ui.launch import create_application

    qInstallMessageHandler(_quiet)
    return create_application()  # the app's style sheet and Dutch locale too


def _quiet(_mode, _context, message: str) -> None:
    # The offscreen platform warns on every window shown; anything else still prints.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def keystrokes() -> list[str]:
    """Each query typed one character at a time, then deleted back to empty."""
    texts: list[str] = []
    for query in QUERIES:
        texts += [query[:i] for i in range(1, len(query) + 1)]
        texts += [query[:i] for i in range(len(query) - 1, -1, -1)]
    return texts


def load_cohort(store: Store, actor: Actor, label: str) -> tuple[list[CohortRow], list[Result]]:
    started = time.perf_counter()
    rows = store.run(list_cohort, actor)
    listed = time.perf_counter() - started
    model = CohortModel()
    started = time.perf_counter()
    model.set_rows(rows)
    indexed = time.perf_counter() - started
    say(f"cohort {label}: {len(rows)} rows listed in {listed:.2f} s, model {indexed:.2f} s")
    return rows, [
        Result(f"cohort_load_list_{label}", listed, "s", note=f"list_cohort, {len(rows)} rows"),
        Result(f"cohort_load_model_{label}", indexed, "s", note="CohortModel.set_rows"),
    ]


def filter_keystrokes(rows: list[CohortRow], label: str) -> list[Result]:
    """The model alone, without a repaint: shown beside the budgeted view figure."""
    model = CohortModel()
    model.set_rows(rows)
    texts = keystrokes()
    times: list[float] = []
    for _ in range(ROUNDS):
        for typed in texts:
            started = time.perf_counter()
            model.set_filter(CohortFilter(text=typed))
            times.append(time.perf_counter() - started)
    values = ms(times)
    note = f"{len(values)} keystrokes over {QUERIES}"
    return [
        Result(f"cohort_filter_{label}_median", median(values), "ms", samples=values, note=note),
        Result(f"cohort_filter_{label}_worst", max(values), "ms"),
    ]


def filter_keystrokes_in_view(
    app: QApplication,
    rows: list[CohortRow],
    label: str,
    *,
    median_budget_ms: float | None,
    worst_budget_ms: float | None,
) -> list[Result]:
    """The same keystrokes into the real search box, each until the table is repainted:
    the figure with the budget (keystroke to repaint, issue 19)."""
    view = CohortView()
    view.resize(1280, 800)
    view.set_rows(rows)
    view.show()
    app.processEvents()
    painted = _PaintClock()
    view.table.viewport().installEventFilter(painted)
    times: list[float] = []
    for typed in keystrokes():
        painted.at = None
        started = time.perf_counter()
        view.search.setText(typed)
        app.processEvents()
        if painted.at is None:  # the rows on screen, not only the model, have changed
            view.table.viewport().repaint()
        times.append(time.perf_counter() - started)
    view.table.viewport().removeEventFilter(painted)
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    values = ms(times)
    return [
        Result(
            f"cohort_filter_view_{label}_median",
            median(values),
            "ms",
            budget=median_budget_ms,
            samples=values,
        ),
        Result(f"cohort_filter_view_{label}_worst", max(values), "ms", budget=worst_budget_ms),
    ]


class _PaintClock(QObject):
    """Notes that the table's viewport has painted (the keystroke's result is on screen)."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.at = time.perf_counter()
        return False


def student_file_open(
    app: QApplication,
    store: Store,
    actor: Actor,
    label: str = "",
    count: int = 20,
    *,
    budget_ms: float | None = 100,
) -> list[Result]:
    """Median over `count` different students, after one unmeasured (first) open."""
    school = store.run(accounts.school_info)
    mentors = store.run(accounts.mentors)
    workspace = Workspace(
        store, actor, school, TaskRunner(synchronous=True), describe(str(store.url))
    )
    ids = [row.id for row in store.run(list_cohort, actor)]
    chosen = random.Random(7).sample(ids, count * 2 + 1)
    first, window_ids, service_ids = chosen[0], chosen[1 : count + 1], chosen[count + 1 :]

    def open_window(student_id: int) -> tuple[float, float]:
        started = time.perf_counter()
        window = StudentFileWindow(workspace, mentors, student_id)
        loaded = time.perf_counter() - started
        if window.loaded is None or window.loaded.id != student_id:
            raise RuntimeError(f"student {student_id} did not load")
        window.show()
        app.processEvents()
        shown = time.perf_counter() - started
        window.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return loaded, shown

    gc.collect()
    cold, _ = open_window(first)
    opened = [open_window(i) for i in window_ids]
    service: list[float] = []
    for student_id in service_ids:
        started = time.perf_counter()
        store.run(open_student_file, actor, student_id)
        service.append(time.perf_counter() - started)
    suffix = f"_{label}" if label else ""
    loaded_ms, shown_ms, service_ms = (
        ms([o[0] for o in opened]),
        ms([o[1] for o in opened]),
        ms(service),
    )
    budget = budget_ms
    return [
        Result(
            f"student_file_open{suffix}",
            median(loaded_ms),
            "ms",
            budget=budget,
            samples=loaded_ms,
            note=f"median of {count} students; worst {max(loaded_ms):.1f} ms",
        ),
        Result(
            f"student_file_open_first{suffix}",
            cold * 1000,
            "ms",
            note="the first file opened in this process",
        ),
        Result(
            f"student_file_open_and_paint{suffix}",
            median(shown_ms),
            "ms",
            samples=shown_ms,
            note="construct, load, show and first paint",
        ),
        Result(
            f"student_file_service{suffix}",
            median(service_ms),
            "ms",
            samples=service_ms,
            note="open_student_file in its own transaction (incl. the audit row)",
        ),
    ]
