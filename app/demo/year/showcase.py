"""The student the screenshots open: this year's first student of the story, whose file
is full in the middle of the year (profile, key decision, conversation with an
interpreter, a running internship, a case at the meeting table, a consent)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.year.calendar import WISH_JOB
from app.models import ProfileAssessment, Student
from app.services.common.actor import Actor


def showcase_student(session: Session, actor: Actor) -> int | None:
    """The newest student at school whose wish job is the story's; None outside the demo."""
    del actor  # who asks does not change which student it is; opening the file is logged
    return session.scalar(
        select(Student.id)
        .join(ProfileAssessment, ProfileAssessment.student_id == Student.id)
        .where(ProfileAssessment.wish_job == WISH_JOB, Student.actual_outflow_date.is_(None))
        .order_by(Student.id.desc())
        .limit(1)
    )
