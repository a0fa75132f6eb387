"""The batch export in a process of its own, so the window never waits for it.

A thread would share the interpreter lock with the window: on a busy PC the worker can be
descheduled while it holds that lock, and the window freezes with it. A child process has
its own interpreter; it opens the same database (the key travels through the pipe, never
through a file), plans and writes the reports through `batch_export`, and reports back through
a queue: ("planned", n), ("progress", done, total), ("done", BatchOutcome) or
("failed", Dutch message).
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class BatchRequest:
    url: str
    key: bytes | None
    read_only: bool
    actor: object
    year: int
    folder: str
    at: date | None = None


def request_for(
    store, actor, year: int, folder: str | Path, at: date | None = None
) -> BatchRequest:
    url = store.url.render_as_string(hide_password=False)
    return BatchRequest(url, store.key, store.read_only, actor, year, str(folder), at)


def child(request: BatchRequest, queue, cancel) -> None:
    """The child's whole life: open, plan, export, report, close."""
    from app.core.errors import KoersError
    from app.db.store import Store
    from app.services.consent.batch_export import plan_batch, run_batch

    store = Store(request.url, key=request.key, read_only=request.read_only)
    try:
        plan = store.run(plan_batch, request.actor, request.year)
        queue.put(("planned", len(plan.jobs)))
        outcome = run_batch(
            store,
            request.actor,
            plan,
            request.folder,
            on_progress=lambda done, total: queue.put(("progress", done, total)),
            cancelled=cancel.is_set,
            at=request.at,
        )
        queue.put(("done", outcome))
    except KoersError as exc:
        queue.put(("failed", exc.message))
    except Exception as exc:  # the window shows a plain message; details stay out
        queue.put(("failed", f"De uitvoer is mislukt ({type(exc).__name__})."))
    finally:
        store.dispose()


class BatchProcess:
    """Starts the child; `poll()` returns the messages that arrived since the last call."""

    def __init__(self, request: BatchRequest) -> None:
        context = multiprocessing.get_context("spawn")
        self.queue = context.Queue()
        self.cancel_event = context.Event()
        self.process = context.Process(
            target=child, args=(request, self.queue, self.cancel_event), daemon=True
        )

    def start(self) -> None:
        self.process.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    def poll(self) -> list[tuple]:
        import queue as queue_module

        messages = []
        while True:
            try:
                messages.append(self.queue.get_nowait())
            except queue_module.Empty:
                break
        if not messages and not self.process.is_alive() and self.process.exitcode not in (0, None):
            messages.append(("failed", "De uitvoer is onverwacht gestopt."))
        return messages
