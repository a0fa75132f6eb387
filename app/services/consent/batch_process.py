"""The batch export as one picklable piece of work, so the window can run it in a child
process (through the UI's task runner) and never wait for it.

A thread would share the interpreter lock with the window: on a busy PC the worker can be
descheduled while it holds that lock, and the window freezes with it. In a child process
`export_batch` opens the same database (the key travels through the pipe, never through a
file), plans and writes the reports through `batch_export`, and reports progress; the first
report, (0, n), says how many reports are planned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.core.errors import KoersError
from app.core.progress import Progress
from app.services.consent.batch_export import BatchOutcome, plan_batch, run_batch


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


def export_batch(request: BatchRequest, progress: Progress) -> BatchOutcome:
    """The child's whole life: open, plan, export, report, close."""
    from app.db.store import Store

    store = Store(request.url, key=request.key, read_only=request.read_only)
    try:
        plan = store.run(plan_batch, request.actor, request.year, request.at)
        progress.report(0, len(plan.jobs))
        return run_batch(
            store,
            request.actor,
            plan,
            request.folder,
            on_progress=progress.report,
            cancelled=progress.cancelled,
            at=request.at,
        )
    except KoersError:
        raise
    except Exception as exc:  # the window shows a plain message; details stay out
        raise KoersError(f"De uitvoer is mislukt ({type(exc).__name__}).") from exc
    finally:
        store.dispose()
