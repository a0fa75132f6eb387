"""The contact side of an import: the municipality of residence and the guardians.

The municipality is what the reports go to (`network.report_recipients.municipality_of`,
by name). A file may give its name, its CBS code or both; the code is looked up in the CBS
table Koers holds (Beheer → Netwerk, `network.cbs_tables`), and Koers never invents a name
for a code it does not know.

Guardians are matched with the student's guardians in Koers by name. A new name is added, a
known one gets the file's phone, e-mail and relation where the file has them; an empty value
never erases one, and no guardian is ever removed by an import.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.importers.records import FIELD_LABELS, WARNING, ImportedGuardian, ImportedStudent, Issue
from app.models import Guardian, GuardianRelation, Organisation, OrganisationKind
from app.services.common.labels import GUARDIAN_RELATION

# Relations that hold parental authority unless Koers is told otherwise; a foster parent or
# "anders" is a contact, not someone who signs for the student.
AUTHORITY = {
    GuardianRelation.MOTHER,
    GuardianRelation.FATHER,
    GuardianRelation.PARENT,
    GuardianRelation.GUARDIAN,
    GuardianRelation.CURATOR,
    GuardianRelation.MENTOR_LEGAL,
}


def cbs_municipalities(session: Session) -> dict[str, str]:
    """CBS code -> municipality name, from the municipalities Koers holds."""
    rows = session.execute(
        select(Organisation.cbs_code, Organisation.name).where(
            Organisation.kind == OrganisationKind.MUNICIPALITY,
            Organisation.cbs_code.is_not(None),
        )
    )
    return {code: name for code, name in rows}


def _same_place(a: str, b: str) -> bool:
    def bare(text: str) -> str:
        return " ".join(text.lower().removeprefix("gemeente ").split())

    return bare(a) == bare(b)


CBS_TABLE_HINT = "zet de CBS-gemeenten in Koers via Beheer → Netwerk"


def municipality(
    student: ImportedStudent, table: dict[str, str]
) -> tuple[str | None, Issue | None]:
    """The municipality to store and, where the file and the CBS table disagree, a warning."""
    code, name = student.municipality_code, student.municipality
    if code is None:
        return name, None
    known = table.get(code)
    if known is None:
        taken = f"de gemeente '{name}' is overgenomen" if name else "niet overgenomen"
        text = f"{code} staat niet in de CBS-tabel van Koers ({CBS_TABLE_HINT}); {taken}"
        result = name
    elif name and not _same_place(name, known):
        text, result = f"{code} is {known}, niet '{name}'; {known} overgenomen", known
    else:
        return known, None
    label = FIELD_LABELS["municipality_code"]
    return result, Issue(WARNING, student.where, label, text, "municipality_code", student.las_key)


@dataclass(frozen=True)
class GuardianChange:
    """One guardian added or changed by the import, as the preview words it."""

    label: str
    old: str
    new: str


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _relation(value: str | None) -> GuardianRelation | None:
    return GuardianRelation(value) if value else None


def _describe(g: ImportedGuardian) -> str:
    relation = _relation(g.relation)
    parts = [g.name]
    if relation is not None:
        parts.append(f"({GUARDIAN_RELATION[relation].lower()})")
    parts += [p for p in (g.phone, g.email) if p]
    return " ".join(parts)


def guardian_changes(
    wanted: list[ImportedGuardian], held: list[Guardian]
) -> tuple[list[GuardianChange], list[tuple[Guardian | None, ImportedGuardian]]]:
    """What the file's guardians change for a student who has `held` in Koers: the preview's
    words, and (guardian in Koers or None for a new one, file's guardian) to write."""
    by_name = {_norm(g.name): g for g in held}
    changes: list[GuardianChange] = []
    writes: list[tuple[Guardian | None, ImportedGuardian]] = []
    for g in wanted:
        current = by_name.get(_norm(g.name))
        if current is None:
            changes.append(GuardianChange(FIELD_LABELS["guardians"], "", _describe(g) + " (nieuw)"))
            writes.append((None, g))
            continue
        differs = False
        for attr, word in (("phone", "telefoon"), ("email", "e-mail")):
            new = getattr(g, attr)
            if new and new != getattr(current, attr):
                old = getattr(current, attr) or ""
                changes.append(GuardianChange(f"{current.name}, {word}", old, new))
                differs = True
        relation = _relation(g.relation)
        if relation is not None and relation != current.relation:
            changes.append(
                GuardianChange(
                    f"{current.name}, relatie",
                    GUARDIAN_RELATION[current.relation],
                    GUARDIAN_RELATION[relation],
                )
            )
            differs = True
        if differs:
            writes.append((current, g))
    return changes, writes


def new_guardian_row(student_id: int, g: ImportedGuardian, user_id: int | None) -> dict:
    """The insert values of a guardian the file brings for a new student."""
    relation = _relation(g.relation) or GuardianRelation.PARENT
    return {
        "student_id": student_id,
        "name": g.name,
        "relation": relation,
        "has_authority": relation in AUTHORITY,
        "phone": g.phone,
        "email": g.email,
        "created_by_id": user_id,
        "updated_by_id": user_id,
    }


def write_guardians(
    session: Session,
    student_id: int,
    writes: list[tuple[Guardian | None, ImportedGuardian]],
    user_id: int | None,
) -> None:
    """Adds and updates an existing student's guardians as `guardian_changes` planned."""
    for current, g in writes:
        if current is None:
            session.add(Guardian(**new_guardian_row(student_id, g, user_id)))
            continue
        for attr in ("phone", "email"):
            if getattr(g, attr):
                setattr(current, attr, getattr(g, attr))
        if g.relation:
            current.relation = GuardianRelation(g.relation)
        current.updated_by_id = user_id
