"""The batch export: every leaver's transition report to their municipality of residence, one
transaction per report so one refusal leaves the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Organisation, OrganisationKind
from app.services.common.permissions import require_export
from app.services.consent.leavers_list import leavers
from app.services.consent.report_export import export_report


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


def plan_batch(session: Session, actor, year: int) -> BatchPlan:
    """All leavers of `year` to their municipality of residence; who cannot go and why."""
    require_export(actor)
    plan = BatchPlan(year)
    by_name: dict[str, Organisation] = {}
    for org in session.scalars(
        select(Organisation).where(Organisation.kind == OrganisationKind.MUNICIPALITY)
    ):
        by_name.setdefault(org.name.lower(), org)
        by_name.setdefault(f"gemeente {org.name}".lower(), org)
    for student in leavers(session, year):
        name = (student.municipality or "").strip().lower()
        municipality = by_name.get(name) or by_name.get(f"gemeente {name}")
        if municipality is None:
            where = student.municipality or "onbekend"
            plan.left_out.append(
                (student.full_name, f"Woongemeente {where} staat niet in het netwerk.")
            )
            continue
        key = student.las_key or f"id{student.id}"
        plan.jobs.append(
            BatchJob(
                student.id,
                municipality.id,
                student.full_name,
                municipality.name,
                f"overdracht_{key}_{municipality.code}.pdf",
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
