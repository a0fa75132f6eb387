"""Internship rows for the lists (student tab, planner) and one internship for its dialog.

A row carries what may happen to it next (`may_start`, ...), computed from the life-cycle's
own rules, so a screen offers exactly the actions the service accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import format_date
from app.models import (
    Employer,
    EmployerContact,
    Internship,
    InternshipStatus,
    InternshipType,
    Student,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access
from app.services.common.rows import existing_student
from app.services.internships.evaluations import EvaluationView, evaluation_views
from app.services.internships.lifecycle import may_end_with_contract, may_move
from app.services.internships.planning import InternshipInput, find_internship, parse_days


@dataclass(frozen=True, slots=True)
class InternshipRow:
    id: int
    version: int
    student_id: int
    student_name: str
    class_name: str
    employer_id: int
    employer_name: str
    sector: str
    supervisor_name: str
    kind: InternshipType
    start_date: date
    end_date: date | None
    days: str
    hours_per_week: int | None
    status: InternshipStatus
    outcome: str | None
    broken_off_reason: str | None
    # Dutch lists sort on the surname without its prefix: "Berg, Anna van den".
    sort_name: str = ""
    # What the life-cycle accepts next for this internship (see lifecycle.ALLOWED).
    may_start: bool = False
    may_complete: bool = False
    may_break_off: bool = False
    may_end_with_contract: bool = False

    @property
    def period_text(self) -> str:
        return f"{format_date(self.start_date)} t/m {format_date(self.end_date) or 'open'}"


@dataclass(frozen=True)
class InternshipDetail:
    row: InternshipRow
    input: InternshipInput
    learning_goals: str
    evaluations: list[EvaluationView]


def row_query():
    """Internship rows with student, employer and supervisor names: one query, no N+1,
    plain columns rather than ORM objects (the planner reads thousands of them)."""
    return (
        select(
            Internship.id,
            Internship.version,
            Internship.student_id,
            Student.first_name,
            Student.prefix,
            Student.surname,
            Student.class_name,
            Internship.employer_id,
            Employer.name,
            Employer.sector,
            EmployerContact.name,
            Internship.kind,
            Internship.start_date,
            Internship.end_date,
            Internship.days,
            Internship.hours_per_week,
            Internship.status,
            Internship.outcome,
            Internship.broken_off_reason,
        )
        .join(Student, Student.id == Internship.student_id)
        .join(Employer, Employer.id == Internship.employer_id)
        .outerjoin(EmployerContact, EmployerContact.id == Internship.supervisor_id)
    )


def to_row(values) -> InternshipRow:
    (
        iid,
        version,
        sid,
        first,
        prefix,
        surname,
        class_name,
        eid,
        employer,
        sector,
        supervisor,
        kind,
        start,
        end,
        days,
        hours,
        status,
        outcome,
        reason,
    ) = values
    return InternshipRow(
        iid,
        version,
        sid,
        f"{first} {prefix} {surname}" if prefix else f"{first} {surname}",
        class_name or "",
        eid,
        employer,
        sector or "",
        supervisor or "",
        kind,
        start,
        end,
        days or "",
        hours,
        status,
        outcome,
        reason,
        f"{surname}, {first} {prefix or ''}".strip().lower(),
        may_start=may_move(status, InternshipStatus.RUNNING),
        may_complete=may_move(status, InternshipStatus.COMPLETED),
        may_break_off=may_move(status, InternshipStatus.BROKEN_OFF),
        may_end_with_contract=may_end_with_contract(kind, status),
    )


def list_for_student(session: Session, actor: Actor, student_id: int) -> list[InternshipRow]:
    """A student's internships, newest first; the view is in the audit trail."""
    require_student_access(actor, existing_student(session, student_id))
    stmt = row_query().where(Internship.student_id == student_id)
    rows = [to_row(v) for v in session.execute(stmt.order_by(Internship.start_date.desc()))]
    audit.record(session, actor, "view", "internships", student_id)
    return rows


def open_internship(session: Session, actor: Actor, internship_id: int) -> InternshipDetail:
    """One internship with its evaluations, for the dialog; the view is audited."""
    internship = find_internship(session, internship_id)
    require_student_access(actor, existing_student(session, internship.student_id))
    row = to_row(session.execute(row_query().where(Internship.id == internship_id)).one())
    data = InternshipInput(
        employer_id=internship.employer_id,
        supervisor_id=internship.supervisor_id,
        kind=internship.kind.value,
        start_date=format_date(internship.start_date),
        end_date=format_date(internship.end_date),
        days=parse_days(internship.days),
        hours_per_week=str(internship.hours_per_week or ""),
        learning_goals=internship.learning_goals or "",
        outcome=internship.outcome or "",
        outcome_note=internship.outcome_note or "",
    )
    audit.record(session, actor, "view", "internship", internship.id)
    return InternshipDetail(
        row, data, data.learning_goals, evaluation_views(session, internship.id)
    )
