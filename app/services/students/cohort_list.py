"""The cohort as a list of text rows, for `python -m app students` (checking an import).

The list carries names and birth dates, so it is an export like any other: a mentor gets the
students they mentor, the coordinator every student, a read-only account nothing; each run
is in the export log (with its count) and in the audit trail.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import PermissionDeniedError
from app.core.validation import format_date
from app.models import ExportLog, Role, Student
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_names, visible_students

READ_ONLY_LIST_MESSAGE = (
    "Met alleen leesrechten kunt u geen leerlingenlijst uitvoeren; "
    "vraag het de uitstroomcoördinator."
)
# What the export log calls this list.
LIST_EXPORT = "leerlingenlijst (opdrachtregel)"


def cohort_table(session: Session, actor: Actor) -> list[list[str]]:
    """The students `actor` may list as text rows (LAS key, surname, prefix, first name,
    birth date, class, leaving date); logged with the count only."""
    from app.export.tabular import neutralise

    require_names(actor)
    if actor.role is Role.READ_ONLY:
        # Read-only accounts see the cohort on screen, but take no personal data away.
        raise PermissionDeniedError(READ_ONLY_LIST_MESSAGE)
    stmt = select(
        Student.las_key,
        Student.surname,
        Student.prefix,
        Student.first_name,
        Student.birth_date,
        Student.class_name,
        Student.planned_outflow_date,
    ).where(Student.archived.is_(False))
    stmt = visible_students(stmt, actor).order_by(Student.las_key, Student.surname, Student.id)
    rows = [
        [
            neutralise(r.las_key or ""),
            neutralise(r.surname),
            neutralise(r.prefix or ""),
            neutralise(r.first_name),
            format_date(r.birth_date),
            neutralise(r.class_name or ""),
            format_date(r.planned_outflow_date),
        ]
        for r in session.execute(stmt)
    ]
    entry = ExportLog(user_id=actor.user_id, what=LIST_EXPORT, basis=f"{len(rows)} leerlingen")
    session.add(entry)
    session.flush()
    detail = f"aantal={len(rows)};log={entry.id}"
    audit.record(session, actor, "students_listed", "student", None, detail)
    return rows
