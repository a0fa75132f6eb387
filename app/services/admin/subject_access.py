"""A data-subject access request (AVG art. 15): everything Koers holds about one student.

The rows are found through the schema itself: every table with a foreign key to the
student, then every table with a foreign key to those rows, and so on. A table added later
is therefore included without changes here. Rows the student's rows merely point at
(organisations, employers, staff) are added with a few identifying columns only, so the
export does not leak other people's details; the audit entries about the student's rows
come along, with the names of the staff who made them.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.core.errors import KoersError
from app.models import AuditEntry, Base, Student, User
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.export_log import log_file_export
from app.services.common.permissions import (
    require_current_coordinator,
    require_export,
    require_student_access,
)
from app.services.common.rows import find_student
from app.services.common.school_settings import school_settings

FORMAT = "koers-inzageverzoek-1"

# Tables the student's rows refer to, with the columns that say what the reference is.
# Unlisted referenced tables give their id only.
RELATED_COLUMNS: dict[str, tuple[str, ...]] = {
    "users": ("id", "display_name", "role"),
    "organisations": ("id", "code", "name", "kind"),
    "employers": ("id", "name", "city", "sector"),
    "employer_contacts": ("id", "employer_id", "name", "role"),
    "profile_items": ("id", "factor", "label"),
    "outflow_meetings": ("id", "held_on", "place"),
    "work_competencies": ("id", "label"),
}
# Never followed as part of the file: the trail is added separately, accounts are staff.
NOT_PART_OF_FILE = {AuditEntry.__tablename__, User.__tablename__}


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _row_dict(row, table: Table) -> dict:
    values = {column: _plain(value) for column, value in row._mapping.items()}
    if table.name == "drafts" and isinstance(values.get("payload"), str):
        with contextlib.suppress(ValueError):
            values["payload"] = json.loads(values["payload"])
    return values


def _primary_key(table: Table, row) -> tuple:
    return tuple(row._mapping[c.name] for c in table.primary_key.columns)


def _file_tables() -> list[Table]:
    """Every table reachable from `students` over foreign keys that point towards it."""
    tables = Base.metadata.tables
    reached = {Student.__tablename__}
    grew = True
    while grew:
        grew = False
        for table in tables.values():
            if table.name in reached or table.name in NOT_PART_OF_FILE:
                continue
            if any(fk.column.table.name in reached for fk in table.foreign_keys):
                reached.add(table.name)
                grew = True
    return [t for t in Base.metadata.sorted_tables if t.name in reached]


def _collect_rows(session: Session, student_id: int) -> dict[str, dict[tuple, dict]]:
    tables = _file_tables()
    found: dict[str, dict[tuple, dict]] = {t.name: {} for t in tables}
    ids: dict[str, set] = {t.name: set() for t in tables}
    students = Base.metadata.tables[Student.__tablename__]
    for row in session.execute(select(students).where(students.c.id == student_id)):
        found[students.name][_primary_key(students, row)] = _row_dict(row, students)
        ids[students.name].add(student_id)
    # Until nothing new turns up: a row may be reached through more than one parent.
    grew = True
    while grew:
        grew = False
        for table in tables:
            if table.name == students.name:
                continue
            for fk in table.foreign_keys:
                parent_ids = ids.get(fk.column.table.name)
                if not parent_ids:
                    continue
                for row in session.execute(select(table).where(fk.parent.in_(parent_ids))):
                    key = _primary_key(table, row)
                    if key in found[table.name]:
                        continue
                    found[table.name][key] = _row_dict(row, table)
                    if "id" in row._mapping:
                        ids[table.name].add(row._mapping["id"])
                    grew = True
    return found


def _related(session: Session, found: dict[str, dict[tuple, dict]]) -> dict[str, list[dict]]:
    """The rows outside the file that its rows point at, with identifying columns only."""
    wanted: dict[str, set] = {}
    for name, rows in found.items():
        table = Base.metadata.tables[name]
        for fk in table.foreign_keys:
            target = fk.column.table.name
            if target in found:
                continue
            values = {r.get(fk.parent.name) for r in rows.values()} - {None}
            if values:
                wanted.setdefault(target, set()).update(values)
    related: dict[str, list[dict]] = {}
    for name in sorted(wanted):
        table = Base.metadata.tables[name]
        columns = [table.c[c] for c in RELATED_COLUMNS.get(name, ("id",)) if c in table.c]
        key = next(iter(table.primary_key.columns))
        stmt = select(*columns).where(key.in_(wanted[name])).order_by(key)
        related[name] = [
            {k: _plain(v) for k, v in row._mapping.items()} for row in session.execute(stmt)
        ]
    return related


def _entity_names(table_name: str) -> set[str]:
    # Services name entities in the singular ("student", "conversation"); the tables are
    # mostly plural.
    return {table_name, table_name.removesuffix("s")}


def _trail(session: Session, found: dict[str, dict[tuple, dict]]) -> list[dict]:
    entries: dict[int, dict] = {}
    for name, rows in found.items():
        row_ids = {r["id"] for r in rows.values() if r.get("id") is not None}
        if not row_ids:
            continue
        stmt = (
            select(AuditEntry, User.display_name)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .where(
                AuditEntry.entity.in_(_entity_names(name)),
                AuditEntry.entity_id.in_(row_ids),
            )
        )
        for entry, user_name in session.execute(stmt):
            entries[entry.id] = {
                "id": entry.id,
                "at": _plain(entry.at),
                "user_id": entry.user_id,
                "user_name": user_name or "",
                "action": entry.action,
                "action_label": audit.action_label(entry.action),
                "entity": entry.entity,
                "entity_id": entry.entity_id,
                "detail": entry.detail,
            }
    return [entries[k] for k in sorted(entries)]


def export_subject_data(session: Session, actor: Actor, las_key_or_id: str | int) -> dict:
    """Everything held about one student, as JSON-ready plain data; coordinator only.

    The request itself goes into the audit trail (with the row count, no values).
    """
    require_export(actor)
    require_current_coordinator(session, actor)
    student = find_student(session, actor, las_key_or_id)
    require_student_access(actor, student)  # another school's student: not this coordinator's
    found = _collect_rows(session, student.id)
    school = school_settings(session)
    tables = {name: list(rows.values()) for name, rows in found.items()}
    count = sum(len(rows) for rows in tables.values())
    data = {
        "format": FORMAT,
        "generated_at": utcnow().isoformat() + "Z",
        "generated_by": actor.display_name,
        "school": {"name": school.name, "brin": school.brin} if school.exists else {},
        "student": {
            "id": student.id,
            "las_key": student.las_key,
            "name": student.full_name,
        },
        "tables": tables,
        "related": _related(session, found),
        "audit_log": _trail(session, found),
    }
    audit.record(session, actor, "subject_access_export", "student", student.id, f"rows={count}")
    return data


@dataclass(frozen=True, slots=True)
class SavedExport:
    path: str
    rows: int
    audit_entries: int


def save_subject_access(
    session: Session, actor: Actor, las_key_or_id: str | int, path: str
) -> SavedExport:
    """Exports one student's data to a JSON file; the audit entry commits only if the file
    was written."""
    from app.export.subject_access import write_subject_access
    from app.importers.paths import safe_output_path

    data = export_subject_data(session, actor, las_key_or_id)
    target = safe_output_path(path, allowed_suffixes=(".json",))
    try:
        written = write_subject_access(data, target)
    except OSError as exc:
        raise KoersError(
            f"Het bestand {path} kon niet worden geschreven: {exc.strerror or exc}."
        ) from None
    rows = sum(len(r) for r in data["tables"].values())
    log_file_export(
        session,
        actor,
        "inzageverzoek",
        student_id=data["student"]["id"],
        basis="AVG art. 15 (recht op inzage)",
    )
    return SavedExport(str(written), rows, len(data["audit_log"]))
