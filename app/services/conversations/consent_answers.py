"""What was answered to the consent question at a conversation, for the consent area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ConsentAnswer, Conversation


@dataclass(frozen=True)
class ConsentAnswers:
    """What was answered to the consent question at one conversation (for the consent area)."""

    conversation_id: int
    held_on: date
    municipality: ConsentAnswer | None
    rmc: ConsentAnswer | None
    answered_by: str


def consent_answers_for(session: Session, student_id: int) -> list[ConsentAnswers]:
    """The student's answers to the consent question, newest first.

    A plain read for other services (the consent records), which check access themselves;
    a "ja" here is what was said, not yet a consent record.
    """
    rows = session.scalars(
        select(Conversation)
        .where(Conversation.student_id == student_id, Conversation.share_consent_asked)
        .order_by(Conversation.held_at.desc())
    )
    return [
        ConsentAnswers(
            c.id,
            c.held_at.date(),
            c.consent_municipality,
            c.consent_rmc,
            c.consent_answered_by or "",
        )
        for c in rows
    ]
