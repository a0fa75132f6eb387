"""Who may see and change what. Every service call checks here; the UI only hides.

The roles:
- coordinator: everything, including users, settings, the audit log and exports;
- mentor: the students they mentor (their files, conversations, aftercare calls), no exports;
- read-only: sees the whole cohort, changes nothing, exports nothing.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.core.errors import PermissionDeniedError
from app.models import Role, Student, User
from app.services.common.actor import Actor

S = TypeVar("S", bound=Select)

READ_ONLY_MESSAGE = "U hebt alleen leesrechten; wijzigen kan niet."
COORDINATOR_MESSAGE = "Alleen een uitstroomcoördinator kan dit doen."
EXPORT_MESSAGE = "Alleen een uitstroomcoördinator kan gegevens uitvoeren of afdrukken."
NOT_YOUR_STUDENT = "Deze leerling hoort niet bij uw mentorleerlingen."
ACCOUNT_GONE = "Uw account is uitgeschakeld of gewijzigd; meld u opnieuw aan."


class HasMentor(Protocol):
    mentor_id: int | None


def require_coordinator(actor: Actor, message: str = COORDINATOR_MESSAGE) -> None:
    if not actor.is_coordinator:
        raise PermissionDeniedError(message)


def require_edit(actor: Actor) -> None:
    if not actor.may_edit:
        raise PermissionDeniedError(READ_ONLY_MESSAGE)


def require_export(actor: Actor) -> None:
    """Exports and prints of personal data: the coordinator only."""
    if not actor.is_coordinator:
        raise PermissionDeniedError(EXPORT_MESSAGE)


def may_see_student(actor: Actor, student: HasMentor) -> bool:
    """Mentors see only the students they mentor; the others see the whole cohort."""
    return actor.role is not Role.MENTOR or student.mentor_id == actor.user_id


def require_student_access(actor: Actor, student: HasMentor) -> None:
    if not may_see_student(actor, student):
        raise PermissionDeniedError(NOT_YOUR_STUDENT)


def require_student_edit(actor: Actor, student: HasMentor) -> None:
    """Changing anything in a student's file: not read-only, and the student in view."""
    require_edit(actor)
    require_student_access(actor, student)


def visible_students(stmt: S, actor: Actor) -> S:
    """Narrows a query over `Student` to the students `actor` may see."""
    if actor.role is Role.MENTOR:
        return stmt.where(Student.mentor_id == actor.user_id)
    return stmt


def require_current_coordinator(session: Session, actor: Actor) -> None:
    """The coordinator check against the database, not the role remembered at log-in.

    Used where the stakes are highest (accounts, the audit log, subject access): a
    coordinator demoted or switched off on another PC loses these rights at once.
    """
    require_coordinator(actor)
    row = session.execute(select(User.role, User.active).where(User.id == actor.user_id)).first()
    if row is None or not row.active or row.role is not Role.COORDINATOR:
        raise PermissionDeniedError(ACCOUNT_GONE)
