"""Importing the cohort from the school's LAS: preview first, then one transaction.

The preview lists new students, changed fields (old -> new), students in Koers that the
file does not have (reported, never deleted) and every problem with its line and field.
Applying takes the students the user chose, all or nothing: any error in the file, or a
cancel, and nothing is written. A re-import keeps whatever Koers added (profile, paths,
internships, a postcode typed in Koers when the LAS has none): values missing from the
file or refused by a check never erase what Koers holds (`matching`), and the same file
twice changes nothing the second time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.core.errors import ConflictError, KoersError, ValidationError
from app.importers.records import ImportedStaff
from app.models import Guardian, PathPhase, Phase, Role, SchoolType, Student, TransitionPath, User
from app.services.aftercare import plan as aftercare
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import new_student_school, require_current_coordinator
from app.services.common.rows import in_school
from app.services.las_import import contacts, leavers
from app.services.las_import.csv_mappings import remember_mapping
from app.services.las_import.matching import ImportPlan, MentorLookup, plan_import
from app.services.las_import.preview import ImportPreview, ImportResult, MissingStudent
from app.services.las_import.source import ImportSource, forget_parsed, parse_source

PROGRESS_EVERY = 100
# On PostgreSQL two PCs importing at once take turns (an advisory lock held to commit): the
# second plans against what the first committed instead of inserting the same new students.
# On SQLite BEGIN IMMEDIATE already serialises writers.
IMPORT_LOCK = 0x4B6F657202
IMPORT_CONFLICT = (
    "Een leerling uit het bestand is intussen op een andere pc gewijzigd. Er is niets "
    "ingelezen; lees het bestand opnieuw in."
)


class ImportCancelled(KoersError):
    """The user stopped the import; the transaction is rolled back, nothing is written."""

    def __init__(self) -> None:
        super().__init__("Het inlezen is afgebroken; er is niets opgeslagen.")


def _check_permission(session: Session, actor: Actor) -> None:
    require_current_coordinator(session, actor)
    new_student_school(actor)


def preview_import(
    session: Session, actor: Actor, source: ImportSource, today: date | None = None
) -> ImportPreview:
    """What applying `source` would do; writes nothing but one audit line (counts)."""
    _check_permission(session, actor)
    parsed = parse_source(source, today)
    plan = plan_import(session, parsed, today, actor)
    in_file = {s.las_key for s in parsed.students}
    missing = tuple(
        MissingStudent(s.id, s.las_key, s.full_name)
        for key, s in sorted(plan.existing.items(), key=lambda kv: (kv[1].surname, kv[0]))
        if key not in in_file and not s.archived
    )
    preview = ImportPreview(
        kind=parsed.kind,
        school_year=parsed.school_year,
        rows=tuple(plan.rows),
        missing=missing,
        errors=tuple(i.message for i in parsed.errors),
        warnings=tuple(i.message for i in [*parsed.warnings, *plan.issues]),
        new_mentors=tuple(sorted({s.display_name for s in plan.new_mentors.values()})),
    )
    audit.record(
        session,
        actor,
        "las_import_preview",
        None,
        None,
        f"bron={parsed.kind},leerlingen={len(plan.rows)},fouten={len(preview.errors)}",
    )
    return preview


def _username(staff: ImportedStaff, taken: set[str]) -> str:
    def ascii_part(text: str) -> str:
        folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]", "", folded.lower())

    base = ".".join(p for p in (ascii_part(staff.first_name)[:1], ascii_part(staff.surname)) if p)
    base = (base or "mentor")[:50]
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    taken.add(name)
    return name


def apply_import(
    session: Session,
    actor: Actor,
    source: ImportSource,
    selected: set[str] | None = None,
    progress: Callable[[int, int], bool | None] | None = None,
    today: date | None = None,
) -> ImportResult:
    """Takes the chosen students (`selected` LAS keys; None: all) in this transaction.

    Refused with ValidationError when the file has any error. `progress(done, total)` is
    called now and then; returning False cancels (ImportCancelled: nothing is written).
    """
    _check_permission(session, actor)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(IMPORT_LOCK)))
    try:
        return _apply(session, actor, source, selected, progress, today)
    except StaleDataError as exc:
        # A file saved elsewhere between the plan and the write: all or nothing still holds.
        raise ConflictError(IMPORT_CONFLICT) from exc
    finally:
        forget_parsed()


def _apply(session, actor, source, selected, progress, today) -> ImportResult:
    parsed = parse_source(source, today)
    if parsed.errors:
        raise ValidationError(
            {f"fout{n}": i.message for n, i in enumerate(parsed.errors[:50], start=1)}
        )
    plan = plan_import(session, parsed, today, actor)
    chosen = [s for s in parsed.students if selected is None or s.las_key in selected]
    school_id = new_student_school(actor)
    total = len(chosen)
    taken = {s.las_key for s in chosen}

    def tick(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ImportCancelled()

    tick(0)
    mentors = MentorLookup(session, parsed)
    created_users: dict[str, User] = {}
    for student in chosen:
        ref = plan.mentor_refs.get(student.las_key)
        if ref and ref in plan.new_mentors and ref not in created_users:
            staff = plan.new_mentors[ref]
            # Inactive and without a password: the coordinator activates the account and
            # sets a password in Beheer (which also gives it a key-file slot).
            user = User(
                username=_username(staff, mentors.usernames),
                display_name=staff.display_name[:120] or "Mentor",
                email=staff.email,
                role=Role.MENTOR,
                password_hash=None,
                active=False,
                las_key=staff.key or None,
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
            )
            session.add(user)
            created_users[ref] = user
    if created_users:
        session.flush()

    created: list[dict] = []
    updated: list[tuple[Student, list[str]]] = []
    unchanged = 0
    for done, student in enumerate(chosen, start=1):
        values = dict(plan.values[student.las_key])
        mentor_id = values.pop("_mentor_id")
        ref = plan.mentor_refs.get(student.las_key)
        if ref in created_users:
            mentor_id = created_users[ref].id
        current = plan.existing.get(student.las_key)
        if current is None:
            jaargroep = values.get("jaargroep") or ""
            created.append(
                {
                    **values,
                    "las_key": student.las_key,
                    "school_type": SchoolType.PRO
                    if jaargroep.isdigit() and int(jaargroep) > 10
                    else SchoolType.VSO,
                    "mentor_id": mentor_id,
                    "school_id": school_id,
                    "created_by_id": actor.user_id,
                    "updated_by_id": actor.user_id,
                    "first_name": values["first_name"] or "",
                }
            )
        else:
            changed = [k for k, v in values.items() if getattr(current, k) != v]
            if mentor_id is not None and current.mentor_id != mentor_id:
                changed.append("mentor_id")
                values["mentor_id"] = mentor_id
            for key in changed:
                setattr(current, key, values[key])
            moved = bool({"actual_outflow_date", "planned_outflow_date"} & set(changed))
            changed += _write_related(session, actor, plan, student.las_key, current, moved)
            if changed:
                current.updated_by_id = actor.user_id
                updated.append((current, changed))
            else:
                unchanged += 1
        if done % PROGRESS_EVERY == 0:
            tick(done)
    session.flush()
    created_ids: list[int] = []
    if created:
        # Bulk INSERT ... RETURNING: one round trip per batch instead of one per student.
        # Core, not the ORM's bulk path: that splits rows by which values are None.
        students_table = Student.__table__
        # Without RETURNING psycopg pipelines the rows; the ids are read back by LAS key.
        session.connection().execute(students_table.insert(), created)
        new_keys = [row["las_key"] for row in created]
        found = session.execute(
            select(Student.las_key, Student.id).where(
                Student.las_key.in_(new_keys), in_school(school_id)
            )
        )
        id_of = {key: student_id for key, student_id in found}
        created_ids = [id_of[key] for key in new_keys]
        _insert_paths_and_guardians(session, actor, plan, id_of)
    tick(total)
    result = ImportResult(
        created=len(created),
        updated=len(updated),
        unchanged=unchanged,
        # Only students with something to take count as left out; unchanged ones are
        # unchanged whether chosen or not.
        skipped=sum(
            1 for r in plan.rows if r.status in ("new", "changed") and r.las_key not in taken
        ),
        mentors_created=len(created_users),
    )
    entries = [("user_created", "user", u.id, "las_import") for u in created_users.values()]
    entries += [("create", "student", i, "las_import") for i in created_ids]
    entries += [
        ("update", "student", s.id, ",".join(sorted(c for c in changed if c != "las_missing")))
        for s, changed in updated
    ]
    entries.append(
        (
            "las_import",
            None,
            None,
            f"bron={parsed.kind},nieuw={result.created},bijgewerkt={result.updated},"
            f"ongewijzigd={result.unchanged},overgeslagen={result.skipped},"
            f"mentoren={result.mentors_created}",
        )
    )
    audit.record_many(session, actor, entries)
    if source.kind == "csv" and source.mapping_name and source.mapping:
        remember_mapping(session, actor, source.mapping_name, source.mapping)
    return result


def _insert_paths_and_guardians(
    session: Session, actor: Actor, plan: ImportPlan, id_of: dict[str, int]
) -> None:
    """The new students' paths (a leaver's on to Nazorg or Afgesloten, with its phases) and
    guardians, in one insert each."""
    user = actor.user_id
    paths = []
    for key, student_id in id_of.items():
        # Every row names every column: an executemany takes its columns from the first row.
        left = plan.leavers.get(key)
        phase = left.phase if left is not None else Phase.ORIENTATION
        paths.append({"student_id": student_id, "current_phase": phase, "created_by_id": user})
    connection = session.connection()
    connection.execute(TransitionPath.__table__.insert(), paths)
    leaving = {id_of[k]: left for k, left in plan.leavers.items() if k in id_of}
    if leaving:
        path_ids = session.execute(
            select(TransitionPath.student_id, TransitionPath.id).where(
                TransitionPath.student_id.in_(list(leaving))
            )
        )
        phase_rows = [
            row
            for student_id, path_id in path_ids
            for row in leavers.phase_rows(path_id, leaving[student_id], user)
        ]
        connection.execute(PathPhase.__table__.insert(), phase_rows)
    guardian_rows = [
        contacts.new_guardian_row(id_of[key], g, user)
        for key, writes in plan.guardian_writes.items()
        if key in id_of
        for _current, g in writes
    ]
    if guardian_rows:
        connection.execute(Guardian.__table__.insert(), guardian_rows)


def _write_related(
    session: Session, actor: Actor, plan: ImportPlan, las_key: str, student: Student, moved: bool
) -> list[str]:
    """An existing student's guardians and path as the plan says; the names of what changed.

    A leaving date that moved re-plans the aftercare calls (`aftercare.resync` is idempotent
    and waits for a destination), as a leaving date saved in the student file does.
    """
    changed: list[str] = []
    writes = plan.guardian_writes.get(las_key)
    if writes:
        contacts.write_guardians(session, student.id, writes, actor.user_id)
        changed.append("guardians")
    left = plan.leavers.get(las_key)
    if left is not None and leavers.move_path(session, student.id, left, actor.user_id):
        changed.append("phase")
    if moved:
        session.flush()
        aftercare.resync(session, actor, student)
    return changed
