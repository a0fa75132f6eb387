"""Reading and saving the one row a use case works on, with the Dutch message when it fails."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.core.errors import ConflictError, NotFoundError
from app.models import Student
from app.services.common.actor import Actor
from app.services.common.permissions import school_filter

STUDENT_GONE = "Deze leerling bestaat niet (meer)."


def existing_student(session: Session, student_id: int) -> Student:
    """The student, or NotFoundError when another PC removed them meanwhile."""
    student = session.get(Student, student_id)
    if student is None:
        raise NotFoundError(STUDENT_GONE)
    return student


def in_school(school_id: int | None) -> ColumnElement[bool]:
    """The students of one school; None: those of no school (a school's own database)."""
    if school_id is None:
        return Student.school_id.is_(None)
    return Student.school_id == school_id


def student_by_las_key(session: Session, actor: Actor, key: str) -> Student | None:
    """The student with this LAS number among `actor`'s schools: a number is unique per
    school only (0019); of several schools' the chosen school's comes first."""
    stmt = select(Student).where(Student.las_key == key.strip())
    schools = school_filter(actor)
    if schools is not None:
        stmt = stmt.where(schools)
    if actor.school_id is not None:
        stmt = stmt.order_by((Student.school_id == actor.school_id).desc())
    return session.scalars(stmt.order_by(Student.id)).first()


def find_student(session: Session, actor: Actor, las_key_or_id: str | int) -> Student:
    """By LAS key; an int, or digits no LAS key matches, are taken as the student's id."""
    student = None
    if isinstance(las_key_or_id, str):
        key = las_key_or_id.strip()
        student = student_by_las_key(session, actor, key)
        if student is None and key.isdigit():
            student = session.get(Student, int(key))
    else:
        student = session.get(Student, int(las_key_or_id))
    if student is None:
        raise NotFoundError(f"Geen leerling gevonden met leerlingnummer '{las_key_or_id}'.")
    return student


def flush_or_conflict(session: Session, message: str) -> None:
    """Writes the changes; a row saved elsewhere since it was read raises ConflictError."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(message) from exc
