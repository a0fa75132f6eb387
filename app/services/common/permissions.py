"""Who may see and change what. Every service call checks here; the UI only hides.

The roles:
- coordinator: everything, including users, settings, the audit log and exports;
- mentor: the students they mentor (their files, conversations, aftercare calls), no exports;
- read-only: sees the whole cohort, changes nothing, exports nothing;
- board ("bestuur"): counts across its schools only: no name, no student file, no export.

In a database several schools share, every user also sees only the students of his or her
schools (`school_scope`); PostgreSQL enforces the same with row-level security (0017), this
keeps SQLite (and a single app role) to it as well.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from sqlalchemy import ColumnElement, Select, false, or_, select
from sqlalchemy.orm import Session

from app.core.errors import PermissionDeniedError, ValidationError
from app.db.unindexed import unindexed
from app.models import Role, Student, User
from app.services.common.actor import Actor

S = TypeVar("S", bound=Select)

READ_ONLY_MESSAGE = "U hebt alleen leesrechten; wijzigen kan niet."
COORDINATOR_MESSAGE = "Alleen een uitstroomcoördinator kan dit doen."
EXPORT_MESSAGE = "Alleen een uitstroomcoördinator kan gegevens uitvoeren of afdrukken."
NOT_YOUR_STUDENT = "Deze leerling hoort niet bij uw mentorleerlingen."
NOT_YOUR_SCHOOL = "Deze leerling hoort niet bij uw school."
CHOOSE_SCHOOL = "U werkt voor meer scholen: kies eerst in de werkbalk voor welke school."
BOARD_MESSAGE = "Het bestuur ziet alleen aantallen per school, geen leerlingen."
ACCOUNT_GONE = "Uw account is uitgeschakeld of gewijzigd; meld u opnieuw aan."


class HasMentor(Protocol):
    mentor_id: int | None
    school_id: int | None


def school_scope(actor: Actor) -> tuple[int, ...] | None:
    """The schools whose students `actor` works with: the one place that says so.

    None: a school's own database (no schools), nothing to narrow. Otherwise the school
    chosen in the toolbar, or else all the user's schools; none for a user of no school, who
    then sees only students of no school, as the server's row-level security does.
    """
    if actor.member_of is None:
        return None
    if actor.school_id is not None and actor.school_id in actor.member_of:
        return (actor.school_id,)
    return actor.member_of


def new_student_school(actor: Actor) -> int | None:
    """The school a student added by `actor` joins (by hand or from the LAS): the user's
    one school, or the chosen one of several; none in a school's own database."""
    scope = school_scope(actor)
    if not scope:
        return None
    if len(scope) > 1:
        raise ValidationError({"school": CHOOSE_SCHOOL})
    return scope[0]


def in_school_scope(actor: Actor, school_id: int | None) -> bool:
    scope = school_scope(actor)
    return scope is None or school_id is None or school_id in scope


def school_filter(actor: Actor) -> ColumnElement[bool] | None:
    """The WHERE clause on `Student.school_id` for `actor`, None when nothing narrows."""
    scope = school_scope(actor)
    if scope is None:
        return None
    return or_(Student.school_id.is_(None), Student.school_id.in_(scope))


def narrows_students(actor: Actor) -> bool:
    """Whether a query must join `Student` to keep `actor` to his or her students."""
    return actor.role in (Role.MENTOR, Role.BOARD) or school_scope(actor) is not None


def not_archived(actor: Actor, *, whole: bool) -> ColumnElement[bool]:
    """The current students (not archived). `whole`: the query reads every student the
    actor sees; where that is the whole table, SQLite reads it front to back instead of
    through an index (`app.db.unindexed`): on an encrypted file larger than the page cache
    an index walk decrypts pages again and again (issue 19). A mentor's or one school's
    students keep their index."""
    if whole and not narrows_students(actor):
        return unindexed(Student.archived).is_(False)
    return Student.archived.is_(False)


def require_coordinator(actor: Actor, message: str = COORDINATOR_MESSAGE) -> None:
    if not actor.is_coordinator:
        raise PermissionDeniedError(message)


def require_edit(actor: Actor) -> None:
    if not actor.may_edit:
        raise PermissionDeniedError(READ_ONLY_MESSAGE)


def require_names(actor: Actor) -> None:
    """Any list or file that names students: everyone but the board."""
    if actor.role is Role.BOARD:
        raise PermissionDeniedError(BOARD_MESSAGE)


def require_board(actor: Actor) -> None:
    if actor.role is not Role.BOARD:
        raise PermissionDeniedError("Alleen het bestuur ziet dit overzicht.")


def require_export(actor: Actor) -> None:
    """Exports and prints of personal data: the coordinator only."""
    if not actor.is_coordinator:
        raise PermissionDeniedError(EXPORT_MESSAGE)


def may_see_student(actor: Actor, student: HasMentor) -> bool:
    """Mentors see only the students they mentor; the others the whole cohort of their
    schools; the board no student at all."""
    if actor.role is Role.BOARD or not in_school_scope(actor, student.school_id):
        return False
    return actor.role is not Role.MENTOR or student.mentor_id == actor.user_id


def require_student_access(actor: Actor, student: HasMentor) -> None:
    if actor.role is Role.BOARD:
        raise PermissionDeniedError(BOARD_MESSAGE)
    if not in_school_scope(actor, student.school_id):
        raise PermissionDeniedError(NOT_YOUR_SCHOOL)
    if not may_see_student(actor, student):
        raise PermissionDeniedError(NOT_YOUR_STUDENT)


def require_own_school(actor: Actor, student: HasMentor) -> None:
    """Only the school check (not the mentor's), for work on a student by another id."""
    if not in_school_scope(actor, student.school_id):
        raise PermissionDeniedError(NOT_YOUR_SCHOOL)


def require_student_edit(actor: Actor, student: HasMentor) -> None:
    """Changing anything in a student's file: not read-only, and the student in view."""
    require_edit(actor)
    require_student_access(actor, student)


def visible_students(stmt: S, actor: Actor) -> S:
    """Narrows a query over `Student` to the students `actor` may see."""
    if actor.role is Role.BOARD:
        return stmt.where(false())
    if actor.role is Role.MENTOR:
        stmt = stmt.where(Student.mentor_id == actor.user_id)
    schools = school_filter(actor)
    return stmt if schools is None else stmt.where(schools)


def require_current_coordinator(session: Session, actor: Actor) -> None:
    """The coordinator check against the database, not the role remembered at log-in.

    Used where the stakes are highest (accounts, the audit log, subject access): a
    coordinator demoted or switched off on another PC loses these rights at once.
    """
    require_coordinator(actor)
    row = session.execute(select(User.role, User.active).where(User.id == actor.user_id)).first()
    if row is None or not row.active or row.role is not Role.COORDINATOR:
        raise PermissionDeniedError(ACCOUNT_GONE)
