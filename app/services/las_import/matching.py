"""How a LAS file meets Koers: each student matched by LAS key (or a hand-made student by name
and birth date), each mentor by staff key, e-mail or name, and per student the values an
import would write and the changes the preview shows. Values missing from the file never
erase what Koers holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import format_date
from app.importers.records import FIELD_LABELS, ImportedStaff, ImportedStudent, ParsedImport
from app.models import Sex, Student, User
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


@dataclass
class ImportPlan:
    """What the file would do to Koers: the preview rows and, per LAS key, the values to write."""

    parsed: ParsedImport
    existing: dict[str, Student]
    rows: list[PreviewRow] = field(default_factory=list)
    values: dict[str, dict] = field(default_factory=dict)  # las_key -> column values
    mentor_refs: dict[str, str] = field(default_factory=dict)  # las_key -> mentor ref
    new_mentors: dict[str, ImportedStaff] = field(default_factory=dict)


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


def plan_import(session: Session, parsed: ParsedImport) -> ImportPlan:
    """Matches the file's students and mentors with Koers; reads, writes nothing."""
    stmt = select(Student).where(Student.las_key.is_not(None))
    existing = {s.las_key: s for s in session.scalars(stmt)}
    # Students typed into Koers by hand (no LAS key yet) are linked to the file's student
    # with the same name and birth date, when exactly one fits, instead of doubled.
    unkeyed: dict[tuple, list[Student]] = {}
    hand_made = select(Student).where(Student.las_key.is_(None), Student.archived.is_(False))
    for s in session.scalars(hand_made):
        if s.birth_date is not None:
            unkeyed.setdefault((_norm(s.surname), _norm(s.first_name), s.birth_date), []).append(s)
    plan = ImportPlan(parsed, existing)
    mentors = MentorLookup(session, parsed)
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


def missing_labels(codes: str | None) -> list[str]:
    """The Dutch words for what an import could not fill in (shown in the student file)."""
    return [MISSING_LABELS.get(c, c) for c in (codes or "").split(",") if c]
