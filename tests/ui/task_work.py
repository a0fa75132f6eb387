"""Work for the task-runner tests, at module level so a child process can import it (no Qt)."""

from __future__ import annotations

import os
import threading
import time

from app.core.errors import ConflictError, KoersError, ValidationError
from app.core.progress import Progress


def count_to(total: int, progress: Progress) -> list[int]:
    """Reports each step; returns the steps done and where it ran."""
    for done in range(1, total + 1):
        progress.report(done, total)
    return [total, os.getpid(), threading.get_ident()]


def until_cancelled(limit: int, progress: Progress) -> int:
    """Reports steps until stopped (or `limit`); returns the step it stopped at."""
    for done in range(limit):
        if progress.cancelled():
            return done
        progress.report(done, limit)
        time.sleep(0.002)
    return limit


def refuse(kind: str, progress: Progress) -> None:
    if kind == "conflict":
        raise ConflictError("Iemand anders heeft deze leerling net gewijzigd.")
    if kind == "validation":
        raise ValidationError({"date": "Datum: vul een datum in."})
    if kind == "koers":
        raise KoersError("Deze leerling bestaat niet meer.")
    raise ZeroDivisionError("details that must not reach the user")


def die(progress: Progress) -> None:
    progress.report(1, 2)
    os._exit(3)  # as if the process were killed: no outcome is sent
