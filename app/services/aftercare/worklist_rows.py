"""What the aftercare worklist shows: its rows, its buckets and the line about the last call.

Apart from `plan.worklist`, which reads them, so the UI and the reports can use the shapes
without the queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from app.core.validation import format_date
from app.models import CallKind, Destination, Still
from app.services.common.labels import STILL

OVERDUE, THIS_WEEK, UPCOMING = "te_laat", "deze_week", "binnenkort"


class WorklistRow(NamedTuple):
    """One open call as the worklist shows it (a tuple: thousands are built per refresh)."""

    call_id: int
    call_version: int
    student_id: int
    student_name: str
    phone: str
    mentor_name: str
    due_date: date
    months_after_outflow: int | None
    kind: CallKind
    bucket: str
    destination: Destination | None
    place: str
    waakvlam: bool
    open_signals: int
    last_call: str


@dataclass(frozen=True)
class Worklist:
    on: date
    rows: list[WorklistRow]

    @property
    def due_count(self) -> int:
        return sum(1 for r in self.rows if r.bucket != UPCOMING)


def call_summary(made_on: date, reached: bool | None, still: Still | None, note: str | None) -> str:
    """One line about a call: when, reached or not, and where the former student stands."""
    if not reached:
        line = f"{format_date(made_on)}: niet bereikt"
    else:
        line = f"{format_date(made_on)}: bereikt"
        if still is not None:
            line += f", {STILL[still].lower()}"
    if note:
        short = note.strip().splitlines()[0] if note.strip() else ""
        if short:
            line += f" — {short[:60]}{'…' if len(short) > 60 else ''}"
    return line
