"""Who is who at a conversation, by name and by the role recorded for them.

An agreement's "who" is typed freely: often a role ("Leerling", "Ouders", "Mentor") and
sometimes a name. Parents read the report, so each is shown as the person it meant, with the
role the school recorded: "Samira (leerling)", "Fatima Yılmaz (moeder)". What matches no one
stays as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.models import Guardian, GuardianRelation, Participant, ParticipantRole, Student
from app.services.common import labels

# Words people type for a role, beside the role's own label (compared case-insensitively).
ROLE_WORDS: dict[ParticipantRole, tuple[str, ...]] = {
    ParticipantRole.STUDENT: ("leerling", "de leerling", "student"),
    ParticipantRole.PARENT: (
        "ouder",
        "ouders",
        "ouder / verzorger",
        "ouders / verzorgers",
        "ouder of verzorger",
        "ouders of verzorgers",
        "ouder/verzorger",
        "ouders/verzorgers",
        "verzorger",
        "verzorgers",
    ),
    ParticipantRole.COORDINATOR: ("coördinator", "uitstroomcoördinator", "stagecoördinator"),
    ParticipantRole.MENTOR: ("mentor",),
    ParticipantRole.WORK_MATCHER: ("werkmatcher",),
    ParticipantRole.JOB_COACH: ("jobcoach",),
    ParticipantRole.RMC: ("rmc", "rmc-consulent"),
}


@dataclass(frozen=True)
class Person:
    """A participant as the report names them."""

    name: str
    role: ParticipantRole
    role_text: str  # as recorded: "Moeder" for a parent known as the mother, else the role
    relation: GuardianRelation | None = None

    @property
    def in_sentence(self) -> str:
        """'Fatima Yılmaz (moeder)', 'Kees Bos (RMC-consulent)'."""
        return f"{self.name} ({_lower_first(self.role_text)})"


def _lower_first(text: str) -> str:
    """'Moeder' -> 'moeder'; 'RMC-consulent' stays as it is."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def people(
    participants: Iterable[Participant], student: Student, guardians: Iterable[Guardian]
) -> list[Person]:
    """The participants with their recorded role; the student by first name, as parents say."""
    relation_of = {_key(g.name): GuardianRelation(g.relation) for g in guardians if g.name}
    result = []
    for p in participants:
        role = ParticipantRole(p.role)
        relation = relation_of.get(_key(p.name)) if role is ParticipantRole.PARENT else None
        name = (student.first_name or p.name) if role is ParticipantRole.STUDENT else p.name
        role_text = (
            labels.GUARDIAN_RELATION[relation]
            if relation is not None
            else labels.label(labels.PARTICIPANT_ROLE, role)
        )
        result.append(Person(name, role, role_text, relation))
    return result


def who_text(who: str, persons: list[Person], student: Student) -> str:
    """An agreement's 'who' as the person(s) it means; as typed when it matches no one."""
    key = _key(who)
    if not key:
        return who
    named = [
        p
        for p in persons
        if key == _key(p.name)
        or (p.role is ParticipantRole.STUDENT and key == _key(student.full_name))
    ]
    if named:
        return named[0].in_sentence
    meant = [
        p
        for p in persons
        if key in ROLE_WORDS.get(p.role, ())
        or key == _key(labels.label(labels.PARTICIPANT_ROLE, p.role))
        or (p.relation is not None and key == _key(labels.GUARDIAN_RELATION[p.relation]))
    ]
    if not meant and key in ROLE_WORDS[ParticipantRole.STUDENT]:
        # The student is meant, also when not listed among the participants.
        student_label = labels.PARTICIPANT_ROLE[ParticipantRole.STUDENT]
        return Person(student.first_name, ParticipantRole.STUDENT, student_label).in_sentence
    if not meant:
        return who
    return " en ".join(dict.fromkeys(p.in_sentence for p in meant))
