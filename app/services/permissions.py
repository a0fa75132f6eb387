"""Who may see and change what. Every service call checks here; the UI only hides."""

from __future__ import annotations

from app.models import Role, Student
from app.services.actor import Actor
from app.services.errors import PermissionDeniedError


def require_edit(actor: Actor) -> None:
    if not actor.may_edit:
        raise PermissionDeniedError("U hebt alleen leesrechten; wijzigen kan niet.")


def may_see_student(actor: Actor, student: Student) -> bool:
    """Mentors see only the students they mentor; the others see the whole cohort."""
    return actor.role is not Role.MENTOR or student.mentor_id == actor.user_id


def require_student_access(actor: Actor, student: Student) -> None:
    if not may_see_student(actor, student):
        raise PermissionDeniedError("Deze leerling hoort niet bij uw mentorleerlingen.")
