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
    "enrolment_date": "Inschrijfdatum",
    "planned_outflow_date": "Geplande uitstroomdatum",
    "jaargroep": "Jaargroep",
    "class_name": "Klas",
    "las_group": "Groep (LAS)",
    "location": "Vestiging",
    "mentor": "Mentor",
}


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

    def label(self, name: str) -> str:
        return self.labels.get(name, FIELD_LABELS.get(name, name))


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
