"""(g) the internship planner: one school year of the reference data (3,000 students,
12,000 internships over ten years plus the demo's own), opened in the Stages area.

Measured: the PlannerTab built and loaded on a synchronous TaskRunner (service, models,
column fitting) until its tables are filled, and the bare service `open_planner`.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.core.validation import today
from app.db.store import Store
from app.db.urls import describe
from app.services.admin import accounts
from app.services.common.actor import Actor
from app.services.internships.planner import PlannerQuery, open_planner, school_year_of
from app.ui.internships.planner import PlannerTab
from app.ui.tasks import TaskRunner
from app.ui.workspace import Workspace
from bench.generate import say
from bench.results import Result, median, ms

BUDGET_MS = 100  # issue 19: the planner at 3,000 students
RUNS = 10


def planner_open(app: QApplication, store: Store, actor: Actor) -> list[Result]:
    year = school_year_of(today())
    say(f"planner: school year {year}-{year + 1}, {RUNS} opens")
    workspace = Workspace(
        store,
        actor,
        store.run(accounts.school_info),
        TaskRunner(synchronous=True),
        describe(str(store.url)),
    )

    def open_tab() -> tuple[float, int]:
        started = time.perf_counter()
        tab = PlannerTab(workspace)
        tab.load()
        tab.show()
        app.processEvents()
        elapsed = time.perf_counter() - started
        rows = tab.internships.rowCount()
        tab.close()
        tab.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return elapsed, rows

    gc.collect()
    cold, rows = open_tab()
    opened = ms([open_tab()[0] for _ in range(RUNS)])
    service = []
    for _ in range(RUNS):
        started = time.perf_counter()
        view = store.run(open_planner, actor, PlannerQuery.school_year(year))
        service.append(time.perf_counter() - started)
    service_ms = ms(service)
    detail = (
        f"{rows} internships, {len(view.without)} without, {len(view.free_places)} free, "
        f"{len(view.transitions)} transition"
    )
    return [
        Result(
            "planner_open",
            median(opened),
            "ms",
            budget=BUDGET_MS,
            samples=opened,
            note=f"median of {RUNS}; worst {max(opened):.1f} ms; {detail}",
        ),
        Result("planner_open_first", cold * 1000, "ms", note="the first open in this process"),
        Result(
            "planner_service",
            median(service_ms),
            "ms",
            samples=service_ms,
            note="open_planner in its own transaction (incl. the audit row)",
        ),
    ]
