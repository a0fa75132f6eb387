"""How a LAS file meets Koers: each student matched by LAS key (or a hand-made student by name
and birth date), each mentor by staff key, e-mail or name, and per student the values an
import would write and the changes the preview shows. Values missing from the file never
erase what Koers holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from app.core import clock
from app.core.validation import format_date
from app.importers.records import (
    FIELD_LABELS,
    WARNING,
    ImportedGuardian,
    ImportedStaff,
    ImportedStudent,
    Issue,
    ParsedImport,
)
from app.models import Guardian, Phase, Sex, Student, TransitionPath, User
from app.services.common.actor import Actor
from app.services.common.labels import PHASE
from app.services.common.permissions import new_student_school, school_scope
from app.services.common.school_settings import school_settings
from app.services.las_import import contacts
from app.services.las_import.leavers import AT_SCHOOL_PHASES, Leaver, leaver
from app.services.las_import.preview import FieldChange, PreviewRow

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
    "city",
    "municipality",
    "phone",
    "email",
    "enrolment_date",
    "planned_outflow_date",
    "actual_outflow_date",
    "jaargroep",
    "class_name",
    "las_group",
    "location",
)
NAME_FIELDS = ("first_name", "prefix", "surname")


@dataclass
class ImportPlan:
    """What the file would do to Koers: the preview rows and, per LAS key, the values to write."""

    parsed: ParsedImport
    existing: dict[str, Student]
    rows: list[PreviewRow] = field(default_factory=list)
    values: dict[str, dict] = field(default_factory=dict)  # las_key -> column values
    mentor_refs: dict[str, str] = field(default_factory=dict)  # las_key -> mentor ref
    new_mentors: dict[str, ImportedStaff] = field(default_factory=dict)
    # Warnings found against Koers's own tables (the CBS municipalities), beside the file's.
    issues: list[Issue] = field(default_factory=list)
    leavers: dict[str, Leaver] = field(default_factory=dict)  # las_key -> leaving
    # las_key -> (guardian in Koers or None: new, the file's guardian) to write.
    guardian_writes: dict[str, list[tuple[Guardian | None, ImportedGuardian]]] = field(
        default_factory=dict
    )


def importing_school_filter(actor: Actor) -> ColumnElement[bool] | None:
    """The students a LAS file of `actor`'s school is matched with: that school's (the one
    new students join) and those of no school; None in a school's own database."""
    if school_scope(actor) is None:
        return None
    school = new_student_school(actor)  # asks to choose one of several first
    if school is None:  # a user of no school: only students of no school
        return Student.school_id.is_(None)
    return or_(Student.school_id.is_(None), Student.school_id == school)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


class MentorLookup:
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


def _values(student: ImportedStudent, left: Leaver | None) -> dict:
    values = {name: getattr(student, name, None) for name in IMPORTED_FIELDS}
    values["sex"] = Sex(student.sex) if student.sex else None
    # A leaving date in the past is when the student left; a future one leaves Koers's alone.
    values["actual_outflow_date"] = left.left_on if left is not None else None
    return values


def _guardians_of(session: Session, parsed: ParsedImport, existing: dict) -> dict[int, list]:
    """Koers's guardians of the students in the file, in one query (only when the file
    carries guardians at all)."""
    if not any(s.guardians for s in parsed.students):
        return {}
    ids = [s.id for s in existing.values()]
    held: dict[int, list[Guardian]] = {}
    for start in range(0, len(ids), 500):
        stmt = select(Guardian).where(Guardian.student_id.in_(ids[start : start + 500]))
        for g in session.scalars(stmt):
            held.setdefault(g.student_id, []).append(g)
    return held


def _phases_of(session: Session, plan: ImportPlan) -> dict[int, Phase]:
    if not plan.leavers:
        return {}
    rows = session.execute(select(TransitionPath.student_id, TransitionPath.current_phase))
    return {student_id: phase for student_id, phase in rows}


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


def plan_import(
    session: Session, parsed: ParsedImport, today: date | None = None, actor: Actor | None = None
) -> ImportPlan:
    """Matches the file's students and mentors with Koers; reads, writes nothing.

    With `actor`, only the students of the importing school (and of no school) are
    matched: in a shared database each school has its own LAS numbers.
    """
    schools = importing_school_filter(actor) if actor is not None else None
    today = today or clock.today()
    aftercare_months = school_settings(session).aftercare_months
    coded = any(s.municipality_code for s in parsed.students)
    cbs = contacts.cbs_municipalities(session) if coded else {}
    places: dict[str, str | None] = {}
    stmt = select(Student).where(Student.las_key.is_not(None))
    # The school's own student before one of no school with the same number (dict: last wins).
    stmt = stmt.order_by(Student.school_id.is_not(None), Student.id)
    existing = {
        s.las_key: s for s in session.scalars(stmt if schools is None else stmt.where(schools))
    }
    # Students typed into Koers by hand (no LAS key yet) are linked to the file's student
    # with the same name and birth date, when exactly one fits, instead of doubled.
    unkeyed: dict[tuple, list[Student]] = {}
    hand_made = select(Student).where(Student.las_key.is_(None), Student.archived.is_(False))
    hand_made = hand_made if schools is None else hand_made.where(schools)
    for s in session.scalars(hand_made):
        if s.birth_date is not None:
            unkeyed.setdefault((_norm(s.surname), _norm(s.first_name), s.birth_date), []).append(s)
    plan = ImportPlan(parsed, existing)
    mentors = MentorLookup(session, parsed)
    issues_by_student: dict[str, list] = {}
    for student in parsed.students:
        left = leaver(student.planned_outflow_date, today, aftercare_months)
        if left is not None:
            plan.leavers[student.las_key] = left
            if left.warning:
                label = FIELD_LABELS["planned_outflow_date"]
                where, key = student.where, student.las_key
                plan.issues.append(
                    Issue(WARNING, where, label, left.warning, "planned_outflow_date", key)
                )
        places[student.las_key], problem = contacts.municipality(student, cbs)
        if problem is not None:
            plan.issues.append(problem)
    for issue in [*parsed.issues, *plan.issues]:
        if issue.las_key:
            issues_by_student.setdefault(issue.las_key, []).append(issue)
    held_guardians = _guardians_of(session, parsed, existing)
    phases = _phases_of(session, plan)
    for student in parsed.students:
        found = issues_by_student.get(student.las_key, []) if student.las_key else []
        if not student.las_key:
            found = [i for i in parsed.issues if i.where == student.where]
        errors = tuple(i.message for i in found if i.is_error)
        warnings = tuple(i.message for i in found if not i.is_error)
        left = plan.leavers.get(student.las_key)
        values = _values(student, left)
        values["municipality"] = places[student.las_key]
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
            if student.guardians:
                plan.guardian_writes[student.las_key] = [(None, g) for g in student.guardians]
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
            found, writes = contacts.guardian_changes(
                student.guardians, held_guardians.get(current.id, [])
            )
            changes += [FieldChange("guardians", c.label, c.old, c.new) for c in found]
            if writes:
                plan.guardian_writes[student.las_key] = writes
            phase = phases.get(current.id)
            if left is not None and phase in AT_SCHOOL_PHASES:
                changes.append(FieldChange("phase", "Trajectfase", PHASE[phase], PHASE[left.phase]))
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
                leaving_note=left.note if left is not None else "",
                warnings=warnings,
                errors=errors,
            )
        )
    return plan
