"""Importing the cohort from the school's LAS: preview first, then one transaction.

The preview lists new students, changed fields (old -> new), students in Koers that the
file does not have (reported, never deleted) and every problem with its line and field.
Applying takes the students the user chose, all or nothing: any error in the file, or a
cancel, and nothing is written. A re-import keeps whatever Koers added (profile, paths,
internships, a postcode typed in Koers when the LAS has none): values missing from the
file or refused by a check never erase what Koers holds, and the same file twice changes
nothing the second time.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import KoersError, ValidationError
from app.core.validation import format_date
from app.importers.csv_file import read_csv
from app.importers.edexml import read_edexml
from app.importers.records import FIELD_LABELS, ImportedStaff, ImportedStudent, ParsedImport
from app.models import Role, SchoolType, Sex, Student, TransitionPath, User
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_current_coordinator
from app.services.las_import.csv_mappings import remember_mapping
from app.services.las_import.preview import (
    FieldChange,
    ImportPreview,
    ImportResult,
    MissingStudent,
    PreviewRow,
)

# Values the LAS owns and an import overwrites; None in the file keeps Koers's value,
# except for the name parts, which the LAS always decides together.
IMPORTED_FIELDS = (
    "first_name",
    "prefix",
    "surname",
    "birth_date",
    "sex",
    "bsn",
    "onderwijsnummer",
    "id_last4",
    "postcode",
    "enrolment_date",
    "planned_outflow_date",
    "jaargroep",
    "class_name",
    "las_group",
    "location",
)
NAME_FIELDS = ("first_name", "prefix", "surname")
MISSING_LABELS = {
    "first_name": "roepnaam",
    "birth_date": "geboortedatum (telt als minderjarig)",
    "sex": "geslacht",
    "bsn": "BSN of onderwijsnummer",
    "postcode": "postcode",
}
PROGRESS_EVERY = 100


class ImportCancelled(KoersError):
    """The user stopped the import; the transaction is rolled back, nothing is written."""

    def __init__(self) -> None:
        super().__init__("Het inlezen is afgebroken; er is niets opgeslagen.")


@dataclass(frozen=True)
class ImportSource:
    """A file to import, already read: its bytes, kind and (CSV) column mapping."""

    kind: str  # "edexml" | "csv"
    data: bytes
    name: str = ""
    mapping: dict[str, str] | None = None
    # Remember `mapping` under this name when the import is applied (CSV).
    mapping_name: str = ""


# --- reading ------------------------------------------------------------------------------


def parse_source(source: ImportSource, today: date | None = None) -> ParsedImport:
    """The file read and checked (no database involved).

    The last file read is kept, so the import after its preview does not read it again.
    """
    mapping = tuple(sorted((source.mapping or {}).items()))
    key = (source.kind, hashlib.sha256(source.data).digest(), mapping, source.name, today)
    with _cache_lock:
        if _last_parsed and _last_parsed[0] == key:
            return _last_parsed[1]
    if source.kind == "edexml":
        parsed = read_edexml(source.data, source=source.name, today=today)
    elif source.kind == "csv":
        parsed = read_csv(source.data, source.mapping or {}, source=source.name, today=today)
    else:
        raise ValueError(f"unknown import kind {source.kind!r}")
    with _cache_lock:
        _last_parsed[:] = [key, parsed]
    return parsed


_last_parsed: list = []
_cache_lock = threading.Lock()


@dataclass
class _Plan:
    parsed: ParsedImport
    existing: dict[str, Student]
    rows: list[PreviewRow] = field(default_factory=list)
    values: dict[str, dict] = field(default_factory=dict)  # las_key -> column values
    mentor_refs: dict[str, str] = field(default_factory=dict)  # las_key -> mentor ref
    new_mentors: dict[str, ImportedStaff] = field(default_factory=dict)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


class _Mentors:
    """Finds the Koers user for a staff key (EDEXML) or a name (CSV)."""

    def __init__(self, session: Session, parsed: ParsedImport) -> None:
        users = list(session.scalars(select(User)))
        self.by_key = {u.las_key: u for u in users if u.las_key}
        self.by_email = {u.email.lower(): u for u in users if u.email}
        self.by_name = {_norm(u.display_name): u for u in users}
        self.usernames = {u.username for u in users}
        self.parsed = parsed

    def staff_for(self, ref: str) -> ImportedStaff:
        staff = self.parsed.staff.get(ref)
        if staff is not None:
            return staff
        # CSV: the column holds a name; split it the simple way for a new account.
        first, _, rest = ref.strip().partition(" ")
        return ImportedStaff(key="", surname=rest or first, prefix=None, first_name=first)

    def find(self, ref: str) -> User | None:
        staff = self.parsed.staff.get(ref)
        if staff is not None:
            user = self.by_key.get(staff.key)
            if user is None and staff.email:
                user = self.by_email.get(staff.email.lower())
            if user is None and staff.display_name:
                user = self.by_name.get(_norm(staff.display_name))
            return user
        return self.by_name.get(_norm(ref))


def _display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Sex):
        return {"m": "man", "v": "vrouw", "x": "anders"}[value.value]
    return str(value)


def _values(student: ImportedStudent) -> dict:
    values = {name: getattr(student, name) for name in IMPORTED_FIELDS}
    values["sex"] = Sex(student.sex) if student.sex else None
    return values


def _missing(student: ImportedStudent, result: dict) -> str | None:
    gone = []
    for code in student.missing:
        if code == "bsn":
            held = result.get("bsn") or result.get("onderwijsnummer") or result.get("id_last4")
        else:
            held = result.get(code)
        if not held:
            gone.append(code)
    return ",".join(gone) or None


def _plan(session: Session, parsed: ParsedImport) -> _Plan:
    stmt = select(Student).where(Student.las_key.is_not(None))
    existing = {s.las_key: s for s in session.scalars(stmt)}
    # Students typed into Koers by hand (no LAS key yet) are linked to the file's student
    # with the same name and birth date, when exactly one fits, instead of doubled.
    unkeyed: dict[tuple, list[Student]] = {}
    hand_made = select(Student).where(Student.las_key.is_(None), Student.archived.is_(False))
    for s in session.scalars(hand_made):
        if s.birth_date is not None:
            unkeyed.setdefault((_norm(s.surname), _norm(s.first_name), s.birth_date), []).append(s)
    plan = _Plan(parsed, existing)
    mentors = _Mentors(session, parsed)
    issues_by_student: dict[str, list] = {}
    for issue in parsed.issues:
        if issue.las_key:
            issues_by_student.setdefault(issue.las_key, []).append(issue)
    for student in parsed.students:
        found = issues_by_student.get(student.las_key, []) if student.las_key else []
        if not student.las_key:
            found = [i for i in parsed.issues if i.where == student.where]
        errors = tuple(i.message for i in found if i.is_error)
        warnings = tuple(i.message for i in found if not i.is_error)
        values = _values(student)
        mentor_user = None
        if student.mentor_key:
            mentor_user = mentors.find(student.mentor_key)
            if mentor_user is None:
                staff = mentors.staff_for(student.mentor_key)
                plan.new_mentors.setdefault(student.mentor_key, staff)
            plan.mentor_refs[student.las_key] = student.mentor_key
        current = existing.get(student.las_key)
        changes: list[FieldChange] = []
        if current is None and student.las_key and student.birth_date is not None:
            match = (_norm(student.surname), _norm(student.first_name), student.birth_date)
            candidates = unkeyed.get(match, [])
            if len(candidates) == 1:
                current = existing[student.las_key] = candidates.pop()
                values["las_key"] = student.las_key  # shown as a change, set on import
        if current is None:
            status = "new"
        else:
            for name, new in values.items():
                old = getattr(current, name)
                if new is None and name not in NAME_FIELDS:
                    values[name] = old
                    continue
                if name == "first_name" and not new:
                    values[name] = old
                    continue
                if old != new:
                    changes.append(
                        FieldChange(name, FIELD_LABELS[name], _display(old), _display(new))
                    )
            if mentor_user is not None and current.mentor_id != mentor_user.id:
                old_name = ""
                if current.mentor_id is not None:
                    mentor = session.get(User, current.mentor_id)
                    old_name = mentor.display_name if mentor else ""
                changes.append(
                    FieldChange(
                        "mentor", FIELD_LABELS["mentor"], old_name, mentor_user.display_name
                    )
                )
            elif mentor_user is None and student.mentor_key:
                name = mentors.staff_for(student.mentor_key).display_name
                changes.append(FieldChange("mentor", FIELD_LABELS["mentor"], "", name + " (nieuw)"))
            status = "changed" if changes else "same"
        if errors:
            status = "error"
        values["las_missing"] = _missing(student, values)
        values["_mentor_id"] = mentor_user.id if mentor_user is not None else None
        plan.values[student.las_key] = values
        plan.rows.append(
            PreviewRow(
                las_key=student.las_key,
                name=" ".join(
                    p for p in (student.first_name, student.prefix, student.surname) if p
                ),
                where=student.where,
                status=status,
                changes=tuple(changes),
                class_name=student.class_name or student.las_group or "",
                jaargroep=student.jaargroep or "",
                planned_outflow=values["planned_outflow_date"],
                warnings=warnings,
                errors=errors,
            )
        )
    return plan


def _check_permission(session: Session, actor: Actor) -> None:
    require_current_coordinator(session, actor)


def preview_import(
    session: Session, actor: Actor, source: ImportSource, today: date | None = None
) -> ImportPreview:
    """What applying `source` would do; writes nothing but one audit line (counts)."""
    _check_permission(session, actor)
    parsed = parse_source(source, today)
    plan = _plan(session, parsed)
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
        warnings=tuple(i.message for i in parsed.warnings),
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
    try:
        return _apply(session, actor, source, selected, progress, today)
    finally:
        forget_parsed()


def forget_parsed() -> None:
    """Drops the kept copy of the last file read (personal data) from memory."""
    with _cache_lock:
        _last_parsed.clear()


def _apply(session, actor, source, selected, progress, today) -> ImportResult:
    parsed = parse_source(source, today)
    if parsed.errors:
        raise ValidationError(
            {f"fout{n}": i.message for n, i in enumerate(parsed.errors[:50], start=1)}
        )
    plan = _plan(session, parsed)
    chosen = [s for s in parsed.students if selected is None or s.las_key in selected]
    total = len(chosen)
    taken = {s.las_key for s in chosen}

    def tick(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ImportCancelled()

    tick(0)
    mentors = _Mentors(session, parsed)
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
        students_table, paths_table = Student.__table__, TransitionPath.__table__
        # Without RETURNING psycopg pipelines the rows; the ids are read back by LAS key.
        session.connection().execute(students_table.insert(), created)
        new_keys = [row["las_key"] for row in created]
        found = session.execute(
            select(Student.las_key, Student.id).where(Student.las_key.in_(new_keys))
        )
        id_of = {key: student_id for key, student_id in found}
        created_ids = [id_of[key] for key in new_keys]
        session.connection().execute(
            paths_table.insert(),
            [{"student_id": i, "created_by_id": actor.user_id} for i in created_ids],
        )
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


def missing_labels(codes: str | None) -> list[str]:
    """The Dutch words for what an import could not fill in (shown in the student file)."""
    return [MISSING_LABELS.get(c, c) for c in (codes or "").split(",") if c]
