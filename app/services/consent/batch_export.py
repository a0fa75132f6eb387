"""The batch export: every leaver's transition report to their municipality of residence, one
transaction per report so one refusal leaves the others.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import today
from app.models import Organisation, OrganisationKind, Student
from app.services.common.file_names import file_name
from app.services.common.permissions import require_export
from app.services.consent.leavers_list import leavers
from app.services.consent.report_export import export_report

# The kind the consent tab uses for one student's report, so both sort together.
_KIND = "overdrachtsdossier"


@dataclass(frozen=True)
class BatchJob:
    student_id: int
    organisation_id: int
    student_name: str
    recipient: str
    file_name: str


@dataclass
class BatchPlan:
    year: int
    jobs: list[BatchJob] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (student, reason)


def plan_batch(session: Session, actor, year: int, on: date | None = None) -> BatchPlan:
    """All leavers of `year` to their municipality of residence; who cannot go and why.

    Each report is named by the one scheme (`file_names.file_name`) for the day it is made
    (`on`, else today), with the municipality's code as suffix.
    """
    require_export(actor)
    on = on or today()
    plan = BatchPlan(year)
    by_name: dict[str, Organisation] = {}
    for org in session.scalars(
        select(Organisation).where(Organisation.kind == OrganisationKind.MUNICIPALITY)
    ):
        by_name.setdefault(org.name.lower(), org)
        by_name.setdefault(f"gemeente {org.name}".lower(), org)
    found: list[tuple[Student, Organisation]] = []
    for student in leavers(session, year, actor):
        name = (student.municipality or "").strip().lower()
        municipality = by_name.get(name) or by_name.get(f"gemeente {name}")
        if municipality is None:
            where = student.municipality or "onbekend"
            plan.left_out.append(
                (student.full_name, f"Woongemeente {where} staat niet in het netwerk.")
            )
            continue
        found.append((student, municipality))
    # Two leavers of the same name to the same municipality would overwrite each other's
    # report in the one folder: those files also carry the student's LAS number.
    named = Counter((s.full_name, m.id) for s, m in found)
    for student, municipality in found:
        suffix = municipality.code
        if named[(student.full_name, municipality.id)] > 1:
            suffix += f" {student.las_key or f'id{student.id}'}"
        plan.jobs.append(
            BatchJob(
                student.id,
                municipality.id,
                student.full_name,
                municipality.name,
                file_name(_KIND, student.full_name, on, suffix=suffix),
            )
        )
    return plan


@dataclass
class BatchOutcome:
    written: list[Path] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False


def run_batch(
    store,
    actor,
    plan: BatchPlan,
    folder: str | Path,
    *,
    on_progress=None,
    cancelled=None,
    at: date | None = None,
) -> BatchOutcome:
    """Writes one report per job, each in its own transaction, so a refusal or error for
    one student leaves the others; `cancelled()` is asked between reports."""
    from app.core.errors import KoersError

    outcome = BatchOutcome(left_out=list(plan.left_out))
    target = Path(folder)
    for done, job in enumerate(plan.jobs, start=1):
        if cancelled is not None and cancelled():
            outcome.cancelled = True
            outcome.left_out += [
                (j.student_name, "Niet gemaakt: de uitvoer is afgebroken.")
                for j in plan.jobs[done - 1 :]
            ]
            break
        try:
            result = store.run(
                export_report,
                actor,
                job.student_id,
                job.organisation_id,
                target / job.file_name,
                at=at,
            )
            outcome.written.append(result.path)
        except KoersError as exc:
            outcome.left_out.append((job.student_name, exc.message))
        if on_progress is not None:
            on_progress(done, len(plan.jobs))
    return outcome
