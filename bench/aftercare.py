"""Aftercare on the reference school (36,000 calls): the worklist and the retention table.

Both are service calls (one transaction each, as the GUI makes them), measured as the
median of repeated runs after one unmeasured warm-up run.
"""

from __future__ import annotations

import time
from datetime import date

from sqlalchemy import func, select

from app.db.store import Store
from app.models import AftercareCall, Role, User
from app.services.aftercare import plan as aftercare
from app.services.aftercare.retention import retention_figures
from app.services.common.actor import Actor
from bench.results import Result, median

RUNS = 15
BUDGET_MS = 100


def _timed(store: Store, use_case, actor: Actor, *args) -> tuple[float, list[float], object]:
    store.run(use_case, actor, *args)
    samples, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = store.run(use_case, actor, *args)
        samples.append((time.perf_counter() - started) * 1000)
    return median(samples), samples, result


def measure(store: Store, coordinator: Actor, on: date | None = None) -> list[Result]:
    on = on or date.today()
    # The generator bulk-inserts its calls around the call log, which keeps each plan's
    # latest call; point the plans at it as the call log would have.
    store.run(aftercare.refresh_last_calls, coordinator)
    with store.session() as session:
        calls = session.scalar(select(func.count(AftercareCall.id)))
        user = session.scalars(
            select(User).where(User.role == Role.MENTOR).order_by(User.id).limit(1)
        ).one()
    mentor = Actor(user.id, user.username, user.display_name, user.role)
    results = []
    # Both worklists count (issue 19): the mentor's own ("Mijn nazorg") and the
    # coordinator's list of every mentor's open calls.
    for name, actor in (("mentor", mentor), ("coordinator", coordinator)):
        value, samples, work = _timed(store, aftercare.worklist, actor, on)
        results.append(
            Result(
                f"aftercare_worklist_{name}",
                value,
                "ms",
                BUDGET_MS,
                samples=samples,
                note=f"{len(work.rows)} open calls listed of {calls} calls",
            )
        )
    value, samples, rows = _timed(store, retention_figures, coordinator, on)
    results.append(
        Result(
            "aftercare_retention_table",
            value,
            "ms",
            BUDGET_MS,
            samples=samples,
            note=f"{len(rows)} rows (year x destination) from {calls} calls",
        )
    )
    value, samples, _count = _timed(store, aftercare.due_count, mentor, on)
    results.append(Result("aftercare_due_count_mentor", value, "ms", None, samples=samples))
    return results
