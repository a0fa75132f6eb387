"""What an LAS file says, as plain data: the students and staff read, and every problem.

Both readers (EDEXML and CSV) fill a `RawStudent` with the file's text and where it stands;
`app.importers.checks.check_student` turns it into an `ImportedStudent` with clean values
and the problems found. An error means the file cannot be taken; a warning means the
student is taken without that one value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ERROR = "fout"
WARNING = "waarschuwing"

# The student values an import sets, with the Dutch label the preview and the file use.
FIELD_LABELS = {
    "las_key": "Leerlingnummer (LAS)",
    "surname": "Achternaam",
    "prefix": "Tussenvoegsel",
    "first_name": "Roepnaam",
    "birth_date": "Geboortedatum",
    "sex": "Geslacht",
    "bsn": "BSN",
    "onderwijsnummer": "Onderwijsnummer",
    "id_last4": "Laatste 4 cijfers BSN/onderwijsnummer",
    "postcode": "Postcode",
    "city": "Woonplaats",
    "municipality": "Gemeente",
    "municipality_code": "Gemeentecode (CBS)",
    "phone": "Telefoon",
    "email": "E-mail",
    "enrolment_date": "Inschrijfdatum",
    "planned_outflow_date": "Geplande uitstroomdatum",
    "actual_outflow_date": "Uitstroomdatum (vertrokken)",
    "jaargroep": "Jaargroep",
    "class_name": "Klas",
    "las_group": "Groep (LAS)",
    "location": "Vestiging",
    "mentor": "Mentor",
    "guardians": "Ouder/verzorger",
}
# The parts of one guardian a file can carry; a CSV names them per slot ("guardian1_phone").
GUARDIAN_PARTS = {
    "name": "naam",
    "first_name": "voornaam",
    "prefix": "tussenvoegsel",
    "surname": "achternaam",
    "relation": "relatie",
    "phone": "telefoon",
    "email": "e-mail",
}
GUARDIAN_SLOTS = (1, 2)


def guardian_field(slot: int, part: str) -> str:
    """The field code of one part of one guardian: guardian_field(1, "phone") ->
    "guardian1_phone"."""
    return f"guardian{slot}_{part}"


def guardian_label(slot: int, part: str) -> str:
    """ "Ouder/verzorger 1, telefoon": how the preview names a guardian's value."""
    return f"Ouder/verzorger {slot}, {GUARDIAN_PARTS[part]}"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem, worded for the user: "Regel 14, geboortedatum: '31-02-2009' is ...".

    `field` is the Koers field code (or "" for the file as a whole); `las_key` the student
    it belongs to, when known.
    """

    severity: str
    where: str
    label: str
    text: str
    field: str = ""
    las_key: str = ""

    @property
    def message(self) -> str:
        if not self.where:  # about the file as a whole: "Kolom 'X' is niet gebruikt."
            return self.text
        head = f"{self.where}, {self.label}" if self.label else self.where
        return f"{head}: {self.text}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


@dataclass
class RawStudent:
    """One student as the file has it: text per Koers field, the file's own field names
    (`labels`) and where it stands (`where`: "Regel 14")."""

    where: str
    values: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    # "iso" (EDEXML, xs:date) or "nl" (CSV: dd-mm-jjjj, ISO also accepted).
    date_style: str = "iso"
    # Group and location references that point at nothing in the file (EDEXML).
    broken_refs: list[tuple[str, str]] = field(default_factory=list)
    foreign_postcode: str = ""
    # The age band birth dates are judged by (checks._AGES); None: from the jaargroep.
    age_band: str | None = None
    # Guardian slot -> the relation a column's name gives ("Telefoon moeder": "moeder").
    relation_hints: dict[int, str] = field(default_factory=dict)

    def label(self, name: str) -> str:
        if name in self.labels:
            return self.labels[name]
        if name.startswith("guardian") and "_" in name:
            slot, part = name.removeprefix("guardian").split("_", 1)
            if slot.isdigit() and part in GUARDIAN_PARTS:
                return guardian_label(int(slot), part)
        return FIELD_LABELS.get(name, name)


@dataclass(frozen=True, slots=True)
class ImportedGuardian:
    """A parent or other contact as the file has it; `relation` is a GuardianRelation value
    ("moeder", "vader", "ouder", ...) or None when the file does not say."""

    name: str
    relation: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass
class ImportedStudent:
    """A student with values ready to store; None where the file has none (or it failed)."""

    where: str
    las_key: str
    surname: str
    first_name: str
    prefix: str | None = None
    birth_date: date | None = None
    sex: str | None = None  # "m", "v", "x" (app.models.Sex values)
    bsn: str | None = None
    onderwijsnummer: str | None = None
    id_last4: str | None = None
    postcode: str | None = None
    city: str | None = None
    municipality: str | None = None
    municipality_code: str | None = None  # "GM0363"; the name comes from the CBS table
    phone: str | None = None
    email: str | None = None
    guardians: list[ImportedGuardian] = field(default_factory=list)
    enrolment_date: date | None = None
    planned_outflow_date: date | None = None
    jaargroep: str | None = None
    class_name: str | None = None
    las_group: str | None = None
    location: str | None = None
    mentor_key: str | None = None  # a staff key (EDEXML) or a name (CSV)
    # Koers field codes the file left empty or the checks refused (shown in the file).
    missing: list[str] = field(default_factory=list)
    has_error: bool = False


@dataclass
class ImportedStaff:
    """A `leerkracht` who mentors a group, to be matched with or created as a Koers user."""

    key: str
    surname: str
    prefix: str | None
    first_name: str
    email: str | None = None

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.prefix, self.surname) if p)


@dataclass
class ParsedImport:
    """Everything read from one file."""

    kind: str  # "edexml" | "csv"
    students: list[ImportedStudent] = field(default_factory=list)
    staff: dict[str, ImportedStaff] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    school_year: str = ""
    brin: str = ""
    reference_date: date | None = None

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if not i.is_error]
