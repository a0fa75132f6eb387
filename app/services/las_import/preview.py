"""What the LAS import shows before and after: the preview's rows and the result's counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.services.students.cohort import school_year


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class PreviewRow:
    """One student of the file as the preview shows it."""

    las_key: str
    name: str
    where: str
    status: str  # "new" | "changed" | "same" | "error"
    changes: tuple[FieldChange, ...]
    class_name: str
    jaargroep: str
    planned_outflow: date | None
    warnings: tuple[str, ...]
    errors: tuple[str, ...]
    # "Oud-leerling: vertrokken op ..." when the file's leaving date has passed.
    leaving_note: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def outflow_year(self) -> str:
        return school_year(self.planned_outflow)

    @property
    def changes_text(self) -> str:
        return "; ".join(f"{c.label}: {c.old or '—'} → {c.new or '—'}" for c in self.changes)


STATUS_LABELS = {"new": "Nieuw", "changed": "Gewijzigd", "same": "Ongewijzigd", "error": "Fout"}


@dataclass(frozen=True)
class MissingStudent:
    id: int
    las_key: str
    name: str


@dataclass(frozen=True)
class ImportPreview:
    kind: str
    school_year: str
    rows: tuple[PreviewRow, ...]
    missing: tuple[MissingStudent, ...]
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    new_mentors: tuple[str, ...]

    @property
    def can_apply(self) -> bool:
        return not self.errors

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def summary(self) -> str:
        parts = [
            f"{len(self.rows)} leerlingen in het bestand",
            f"{self.count('new')} nieuw",
            f"{self.count('changed')} gewijzigd",
            f"{self.count('same')} ongewijzigd",
            f"{len(self.missing)} in Koers maar niet in het bestand",
            f"{len(self.errors)} fouten",
            f"{len(self.warnings)} waarschuwingen",
        ]
        return ", ".join(parts) + "."


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int
    mentors_created: int

    @property
    def summary(self) -> str:
        return (
            f"{self.created} nieuw, {self.updated} bijgewerkt, {self.unchanged} ongewijzigd, "
            f"{self.skipped} niet gekozen; {self.mentors_created} mentoren toegevoegd."
        )
