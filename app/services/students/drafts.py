"""Drafts: unsaved work set aside when the window locks, given back at the next log-in.

Drafts live in the (encrypted) database, never in a plain file, and belong to one user.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import Draft
from app.services.common.actor import Actor
from app.services.students.student_file import GuardianInput, StudentInput

STUDENT_FILE = "student_file"


@dataclass(frozen=True)
class StudentDraft:
    id: int
    student_id: int | None
    base_version: int | None
    saved_at: datetime
    input: StudentInput


def _to_json(data: StudentInput) -> str:
    return json.dumps(asdict(data), ensure_ascii=False)


def _from_json(text: str) -> StudentInput:
    values = json.loads(text)
    guardians = [GuardianInput(**g) for g in values.pop("guardians", [])]
    return StudentInput(**values, guardians=guardians)


def save_student_draft(
    session: Session,
    actor: Actor,
    student_id: int | None,
    base_version: int | None,
    data: StudentInput,
) -> int:
    """Keeps the typed contents of a student file; replaces an older draft of the same file."""
    if student_id is not None:
        session.execute(
            delete(Draft).where(
                Draft.user_id == actor.user_id,
                Draft.kind == STUDENT_FILE,
                Draft.student_id == student_id,
            )
        )
    draft = Draft(
        user_id=actor.user_id,
        student_id=student_id,
        kind=STUDENT_FILE,
        payload=_to_json(data),
        base_version=base_version,
    )
    session.add(draft)
    session.flush()
    return draft.id


def student_drafts(session: Session, actor: Actor) -> list[StudentDraft]:
    """The actor's own drafts, oldest first."""
    if actor.is_board:
        return []  # the board edits no file (and its server login may not read drafts)
    stmt = (
        select(Draft)
        .where(Draft.user_id == actor.user_id, Draft.kind == STUDENT_FILE)
        .order_by(Draft.id)
    )
    return [
        StudentDraft(d.id, d.student_id, d.base_version, d.saved_at, _from_json(d.payload))
        for d in session.scalars(stmt)
    ]


def discard_drafts(session: Session, actor: Actor, draft_ids: list[int]) -> None:
    """Removes drafts once they are back on screen (only the actor's own)."""
    if draft_ids:
        session.execute(
            delete(Draft).where(Draft.user_id == actor.user_id, Draft.id.in_(draft_ids))
        )
