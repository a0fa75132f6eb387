"""The student the screenshots open: this year's first student of the story, whose file
is full in the middle of the year (profile, key decision, conversation with an
interpreter, a running internship, a case at the meeting table, a consent)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.year.calendar import KEY_DECISION
from app.models import KeyDecision, Student
from app.services.common.actor import Actor


def showcase_student(session: Session, actor: Actor) -> int | None:
    """The newest student at school with the story's key decision; None outside the demo."""
    del actor  # who asks does not change which student it is; opening the file is logged
    return session.scalar(
        select(Student.id)
        .join(KeyDecision, KeyDecision.student_id == Student.id)
        .where(KeyDecision.decision == KEY_DECISION, Student.actual_outflow_date.is_(None))
        .order_by(Student.id.desc())
        .limit(1)
    )
