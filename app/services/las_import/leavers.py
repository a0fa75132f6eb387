"""Students the LAS says have left: a leaving date in the past makes a former student.

Koers's former student (docs/architecture.md, "Aftercare") is a student with an
`actual_outflow_date` whose path has moved on to the Nazorg phase; the aftercare plan follows
once the path has a destination (`aftercare.plan.resync`). A student who left longer ago than
the school's aftercare period is taken as a former student whose path is closed, with a
warning: the file probably holds an old enrolment, and the coordinator may leave it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import format_date
from app.models import PathPhase, Phase, TransitionPath
from app.services.admin.retention import add_months

# Phases a leaving date moves on; a path already in aftercare or closed stays as it is.
AT_SCHOOL_PHASES = (Phase.ORIENTATION, Phase.TRANSITION_INTERNSHIP, Phase.OUTFLOW)


@dataclass(frozen=True)
class Leaver:
    """A student the file says has left: when, and the phase the path moves to."""

    left_on: date
    aftercare_ends: date
    phase: Phase  # AFTERCARE, or CLOSED when the aftercare period is over

    @property
    def note(self) -> str:
        """What the preview says about this student."""
        if self.phase is Phase.CLOSED:
            return (
                f"Oud-leerling: vertrokken op {format_date(self.left_on)}, nazorg voorbij "
                f"sinds {format_date(self.aftercare_ends)}; traject afgesloten"
            )
        return (
            f"Oud-leerling: vertrokken op {format_date(self.left_on)}; nazorg tot "
            f"{format_date(self.aftercare_ends)}"
        )

    @property
    def warning(self) -> str | None:
        """The warning for a leaver past the aftercare period (None otherwise)."""
        if self.phase is not Phase.CLOSED:
            return None
        return (
            f"{format_date(self.left_on)} ligt langer dan de nazorgperiode geleden; "
            "ingelezen als oud-leerling met een afgesloten traject, zonder nazorg "
            "(vink de leerling uit om hem niet in te lezen)"
        )


def leaver(left_on: date | None, today: date, aftercare_months: int) -> Leaver | None:
    """The leaver a file's leaving date makes, or None when it lies today or later."""
    if left_on is None or left_on >= today:
        return None
    ends = add_months(left_on, aftercare_months)
    return Leaver(left_on, ends, Phase.AFTERCARE if ends >= today else Phase.CLOSED)


def phase_rows(path_id: int, found: Leaver, user_id: int | None) -> list[dict]:
    """The phase rows that record the leaving on a path: Nazorg from the leaving date, and
    Afgesloten from the end of aftercare when that has passed."""
    rows = [
        {
            "path_id": path_id,
            "phase": Phase.AFTERCARE,
            "start_date": found.left_on,
            "end_date": found.aftercare_ends if found.phase is Phase.CLOSED else None,
            "created_by_id": user_id,
            "updated_by_id": user_id,
        }
    ]
    if found.phase is Phase.CLOSED:
        rows.append(
            {
                "path_id": path_id,
                "phase": Phase.CLOSED,
                "start_date": found.aftercare_ends + timedelta(days=1),
                "end_date": None,
                "created_by_id": user_id,
                "updated_by_id": user_id,
            }
        )
    return rows


def move_path(session: Session, student_id: int, found: Leaver, user_id: int | None) -> bool:
    """Moves an existing student's path on to the leaver's phase; the open phase ends the
    day before. False (nothing written) when the path is past school already."""
    path = session.scalars(
        select(TransitionPath).where(TransitionPath.student_id == student_id)
    ).first()
    if path is None or path.current_phase not in AT_SCHOOL_PHASES:
        return False
    for phase in session.scalars(select(PathPhase).where(PathPhase.path_id == path.id)):
        if phase.end_date is None and phase.start_date < found.left_on:
            phase.end_date = found.left_on - timedelta(days=1)
            phase.updated_by_id = user_id
    for row in phase_rows(path.id, found, user_id):
        session.add(PathPhase(**row))
    path.current_phase = found.phase
    path.updated_by_id = user_id
    return True
