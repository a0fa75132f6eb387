"""What the Profile tab shows: the newest assessment, the history and the decisions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access
from app.services.common.rows import existing_student
from app.services.profile.assessments import (
    AssessmentSummary,
    AssessmentView,
    assessment_history,
    assessment_view,
    user_names,
)
from app.services.profile.decisions import DecisionView, decision_views
from app.services.profile.items import ItemView, list_items


@dataclass(frozen=True)
class ProfileOverview:
    student_id: int
    student_name: str
    items: list[ItemView]
    history: list[AssessmentSummary]
    newest: AssessmentView | None
    decisions: list[DecisionView]


def profile_overview(session: Session, actor: Actor, student_id: int) -> ProfileOverview:
    """What the Profile tab shows: the newest assessment, the history and the decisions."""
    student = existing_student(session, student_id)
    require_student_access(actor, student)
    history = assessment_history(session, student_id)
    names = user_names(session, {a.created_by_id for a in history})
    audit.record(session, actor, "view", "profile", student_id)
    return ProfileOverview(
        student_id=student_id,
        student_name=student.full_name,
        items=list_items(session, actor, include_retired=False),
        history=[
            AssessmentSummary(a.id, a.assessed_on, names.get(a.created_by_id or 0, ""))
            for a in history
        ],
        newest=assessment_view(session, history[0]) if history else None,
        decisions=decision_views(session, student_id),
    )
