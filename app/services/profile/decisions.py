"""Key decisions taken with the student: what was decided, when, and who agreed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import ConflictError, NotFoundError
from app.core.validation import Problems, choice, parse_date, text
from app.models import DecisionParticipant, DecisionRole, KeyDecision
from app.models.base import utcnow
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_edit
from app.services.common.rows import existing_student

DECISION_CONFLICT = (
    "Deze sleutelbeslissing is intussen door iemand anders gewijzigd. Laad het profiel opnieuw."
)


@dataclass(frozen=True, slots=True)
class ParticipantInput:
    role: str
    name: str = ""
    agreed: bool | None = None


@dataclass(frozen=True)
class DecisionInput:
    decided_on: str = ""
    decision: str = ""
    participants: tuple[ParticipantInput, ...] = ()


@dataclass(frozen=True)
class DecisionView:
    id: int
    version: int
    decided_on: date
    decision: str
    participants: list[ParticipantInput]

    def to_input(self) -> DecisionInput:
        from app.core.validation import format_date

        return DecisionInput(format_date(self.decided_on), self.decision, tuple(self.participants))

    @property
    def participants_text(self) -> str:
        """'Leerling (eens), Ouder: Fatima Jansen (oneens)' for lists and prints."""
        return participants_text(self.participants)


AGREED_TEXT = {True: "eens", False: "niet eens", None: "niet gezegd"}


def participants_text(participants: list[ParticipantInput]) -> str:
    parts = []
    for p in participants:
        who = labels.label(labels.DECISION_ROLE, DecisionRole(p.role))
        if p.name:
            who += f": {p.name}"
        parts.append(f"{who} ({AGREED_TEXT[p.agreed]})")
    return ", ".join(parts)


def _validated_decision(data: DecisionInput) -> tuple[dict, list[ParticipantInput]]:
    problems = Problems()
    decided_on = parse_date(data.decided_on, "Datum", "decided_on", problems)
    if decided_on is None and "decided_on" not in problems.by_field:
        problems.add("decided_on", "Datum: dit veld is verplicht.")
    decision = text(
        data.decision, "Beslissing", "decision", problems, max_length=2000, required=True
    )
    people = []
    for n, p in enumerate(data.participants):
        role = choice(p.role, DecisionRole, "Deelnemer", f"participant_{n}", problems)
        name = text(p.name, "Naam deelnemer", f"participant_{n}", problems, max_length=160)
        if role is not None:
            people.append(ParticipantInput(role.value, name or "", p.agreed))
    if not people and "participants" not in problems.by_field:
        problems.add("participants", "Deelnemers: kies wie er bij de beslissing waren.")
    problems.raise_if_any()
    return {"decided_on": decided_on, "decision": decision}, people


def add_decision(session: Session, actor: Actor, student_id: int, data: DecisionInput) -> int:
    require_student_edit(actor, existing_student(session, student_id))
    values, people = _validated_decision(data)
    decision = KeyDecision(
        student_id=student_id, created_by_id=actor.user_id, updated_by_id=actor.user_id, **values
    )
    decision.participants = [
        DecisionParticipant(role=DecisionRole(p.role), name=p.name or None, agreed=p.agreed)
        for p in people
    ]
    session.add(decision)
    session.flush()
    audit.record(session, actor, "create", "key_decision", decision.id)
    return decision.id


def update_decision(
    session: Session, actor: Actor, decision_id: int, expected_version: int, data: DecisionInput
) -> int:
    decision = session.get(KeyDecision, decision_id)
    if decision is None:
        raise NotFoundError("Deze sleutelbeslissing bestaat niet (meer).")
    require_student_edit(actor, existing_student(session, decision.student_id))
    if decision.version != expected_version:
        raise ConflictError(DECISION_CONFLICT)
    values, people = _validated_decision(data)
    for key, value in values.items():
        setattr(decision, key, value)
    decision.participants = [
        DecisionParticipant(role=DecisionRole(p.role), name=p.name or None, agreed=p.agreed)
        for p in people
    ]
    decision.updated_by_id = actor.user_id
    decision.updated_at = utcnow()  # bumps the version, also when only child rows changed
    session.flush()
    audit.record(session, actor, "update", "key_decision", decision.id)
    return decision.version


def decision_views(session: Session, student_id: int) -> list[DecisionView]:
    rows = session.scalars(
        select(KeyDecision)
        .where(KeyDecision.student_id == student_id)
        .options(selectinload(KeyDecision.participants))
        .order_by(KeyDecision.decided_on.desc(), KeyDecision.id.desc())
    )
    return [
        DecisionView(
            d.id,
            d.version,
            d.decided_on,
            d.decision,
            [ParticipantInput(p.role.value, p.name or "", p.agreed) for p in d.participants],
        )
        for d in rows
    ]
