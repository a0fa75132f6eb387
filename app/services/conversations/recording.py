"""Recording, changing and removing a conversation with the student and parents.

Mentors record conversations for the students they mentor, coordinators for every student;
read-only users only read. Each change is in the audit trail (ids only). A conversation has a
kind, a status (planned or held), a date, participants, the texts and the agreements;
`reading` shows them, `agreements` follows the agreements up afterwards and `planning`
proposes the next conversation.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.errors import ConflictError, ValidationError
from app.models import Agreement, Conversation, Participant
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_edit
from app.services.common.rows import existing_student as student_for
from app.services.common.rows import flush_or_conflict
from app.services.conversations.forms import ConversationInput
from app.services.conversations.reading import load
from app.services.conversations.validation import validated

CONFLICT_MESSAGE = (
    "Iemand anders heeft dit gesprek opgeslagen nadat u het opende. "
    "Uw wijzigingen zijn niet opgeslagen. Open het gesprek opnieuw en voer ze nogmaals in."
)


def create(session: Session, actor: Actor, student_id: int, data: ConversationInput) -> int:
    """Records a conversation (held or planned) for a student; returns its id."""
    student = student_for(session, student_id)
    require_student_edit(actor, student)
    values, participants, agreements = validated(session, data, student)
    _check_follow_up_link(session, values["follow_up_of_id"], student_id, None)
    conversation = Conversation(
        student_id=student_id, created_by_id=actor.user_id, updated_by_id=actor.user_id, **values
    )
    conversation.participants = [
        Participant(**{k: v for k, v in item.items() if k != "id"}) for item in participants
    ]
    conversation.agreements = [
        Agreement(
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
            **{k: v for k, v in item.items() if k != "id"},
        )
        for item in agreements
    ]
    session.add(conversation)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "conversation",
        conversation.id,
        f"student={student_id},participants={len(participants)},agreements={len(agreements)}",
    )
    return conversation.id


def _check_follow_up_link(
    session: Session, follow_up_of_id: int | None, student_id: int, own_id: int | None
) -> None:
    if follow_up_of_id is None:
        return
    earlier = session.get(Conversation, follow_up_of_id)
    if earlier is None or earlier.student_id != student_id or earlier.id == own_id:
        raise ValidationError(
            {"follow_up_of_id": "Vervolg op: dat gesprek hoort niet bij deze leerling."}
        )


def save(
    session: Session,
    actor: Actor,
    conversation_id: int,
    expected_version: int,
    data: ConversationInput,
) -> int:
    """Saves changes to a conversation read at `expected_version`; returns the new version."""
    conversation = load(session, conversation_id)
    student = student_for(session, conversation.student_id)
    require_student_edit(actor, student)
    if conversation.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)
    values, participants, agreements = validated(session, data, student)
    _check_follow_up_link(
        session, values["follow_up_of_id"], conversation.student_id, conversation.id
    )
    changed = [key for key, value in values.items() if getattr(conversation, key) != value]
    for key in changed:
        setattr(conversation, key, values[key])
    changed += _apply_participants(conversation, participants)
    changed += _apply_agreements(actor, conversation, agreements)
    if not changed:
        return conversation.version
    conversation.updated_by_id = actor.user_id
    conversation.updated_at = utcnow()
    flush_or_conflict(session, CONFLICT_MESSAGE)
    audit.record(session, actor, "update", "conversation", conversation.id, ",".join(changed))
    return conversation.version


def _apply_participants(conversation: Conversation, items: list[dict]) -> list[str]:
    existing = {p.id: p for p in conversation.participants}
    kept: list[Participant] = []
    changed: list[str] = []
    for values in items:
        participant = existing.get(values.pop("id"))
        if participant is None:
            participant = Participant(**values)
            changed.append("participant_added")
        else:
            if any(getattr(participant, k) != v for k, v in values.items()):
                changed.append("participant_changed")
            for key, value in values.items():
                setattr(participant, key, value)
        kept.append(participant)
    if set(existing) - {p.id for p in kept if p.id is not None}:
        changed.append("participant_removed")
    conversation.participants = kept
    return sorted(set(changed))


def _apply_agreements(actor: Actor, conversation: Conversation, items: list[dict]) -> list[str]:
    existing = {a.id: a for a in conversation.agreements}
    kept: list[Agreement] = []
    changed: list[str] = []
    for values in items:
        agreement = existing.get(values.pop("id"))
        if agreement is None:
            agreement = Agreement(
                created_by_id=actor.user_id, updated_by_id=actor.user_id, **values
            )
            changed.append("agreement_added")
        elif any(getattr(agreement, k) != v for k, v in values.items()):
            changed.append("agreement_changed")
            for key, value in values.items():
                setattr(agreement, key, value)
            agreement.updated_by_id = actor.user_id
        kept.append(agreement)
    if set(existing) - {a.id for a in kept if a.id is not None}:
        changed.append("agreement_removed")
    conversation.agreements = kept
    return sorted(set(changed))


def delete(session: Session, actor: Actor, conversation_id: int, expected_version: int) -> None:
    """Removes a conversation with its participants and agreements."""
    conversation = load(session, conversation_id)
    student = student_for(session, conversation.student_id)
    require_student_edit(actor, student)
    if conversation.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)
    session.delete(conversation)
    session.flush()
    audit.record(session, actor, "delete", "conversation", conversation_id, f"student={student.id}")
