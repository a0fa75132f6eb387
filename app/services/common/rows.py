"""Reading and saving the one row a use case works on, with the Dutch message when it fails."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.core.errors import ConflictError, NotFoundError
from app.models import Student

STUDENT_GONE = "Deze leerling bestaat niet (meer)."


def existing_student(session: Session, student_id: int) -> Student:
    """The student, or NotFoundError when another PC removed them meanwhile."""
    student = session.get(Student, student_id)
    if student is None:
        raise NotFoundError(STUDENT_GONE)
    return student


def find_student(session: Session, las_key_or_id: str | int) -> Student:
    """By LAS key; an int, or digits no LAS key matches, are taken as the student's id."""
    student = None
    if isinstance(las_key_or_id, str):
        key = las_key_or_id.strip()
        student = session.scalars(select(Student).where(Student.las_key == key)).first()
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
