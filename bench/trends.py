"""The Trends area on the reference school (3,000 students, their leavers, 36,000 aftercare
calls, 12,000 internships): built, loaded on a synchronous TaskRunner and shown with the
figures of its first tab (the others load when opened, timed once each as information),
and the bare use case `trends_view` that counts in SQL.
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
from app.services.trends.area import Tab, trends_view
from app.services.trends.figures import Shape
from app.services.trends.filters import Dimension, TrendFilters
from app.ui.tasks import TaskRunner
from app.ui.trends.view import TrendsArea
from app.ui.workspace import Workspace
from bench.generate import say
from bench.results import Result, median, ms

BUDGET_MS = 300
RUNS = 7


def trends_open(
    app: QApplication,
    store: Store,
    actor: Actor,
    *,
    label: str = "",
    budget_ms: float = BUDGET_MS,
) -> list[Result]:
    """The figures of one data set; `label` (e.g. "150000_postgres") names a larger one."""
    suffix = f"_{label}" if label else ""
    say(f"trends{suffix}: the area opened {RUNS} times")
    workspace = Workspace(
        store,
        actor,
        store.run(accounts.school_info),
        TaskRunner(synchronous=True),
        describe(str(store.url)),
    )

    def every_tab() -> dict[str, float]:
        """Each further tab opened once after the first: informational."""
        area = TrendsArea(workspace)
        area.resize(1280, 800)
        area.refresh()
        area.show()
        app.processEvents()
        times = {}
        for index in range(1, area.tabs.count()):
            started = time.perf_counter()
            area.tabs.setCurrentIndex(index)
            app.processEvents()
            times[list(Tab)[index].value] = (time.perf_counter() - started) * 1000
        area.close()
        area.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return times

    def open_area() -> tuple[float, int]:
        started = time.perf_counter()
        area = TrendsArea(workspace)
        area.resize(1280, 800)
        area.refresh()
        area.show()
        app.processEvents()
        elapsed = time.perf_counter() - started
        leavers = area.view.leavers if area.view else 0
        area.close()
        area.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return elapsed, leavers

    gc.collect()
    cold, leavers = open_area()
    opened = ms([open_area()[0] for _ in range(RUNS)])
    service = []
    for _ in range(RUNS):
        started = time.perf_counter()
        store.run(
            trends_view,
            actor,
            TrendFilters(),
            Shape.KOERS,
            Dimension.PROFILE,
            today(),
            (Tab.DESTINATIONS,),
        )
        service.append(time.perf_counter() - started)
    service_ms = ms(service)
    tabs = every_tab()
    return [
        Result(
            f"trends_open{suffix}",
            median(opened),
            "ms",
            budget=budget_ms,
            samples=opened,
            note=f"median of {RUNS}; worst {max(opened):.1f} ms; {leavers} leavers",
        ),
        Result(
            f"trends_open_first{suffix}", cold * 1000, "ms", note="the first open in this process"
        ),
        Result(
            f"trends_service{suffix}",
            median(service_ms),
            "ms",
            samples=service_ms,
            note="trends_view of the first tab in its own transaction (incl. audit rows)",
        ),
        *(
            Result(
                f"trends_tab_{name}{suffix}", value, "ms", note="opening this tab after the first"
            )
            for name, value in tabs.items()
        ),
    ]
