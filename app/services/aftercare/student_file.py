"""A former student's aftercare in the file: the plan, the calls, signals, and proposals for
a drop-out report to the municipality's safety net (recorded here; sent only through the
consent gate, `dropout_report.send_dropout_report`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import KoersError, NotFoundError
from app.core.files import write_atomic
from app.export.dropout_report import DropoutReport, render_dropout_report
from app.importers.paths import safe_output_path
from app.models import (
    AftercareCall,
    AftercarePlan,
    AftercareSignal,
    CallAction,
    CallKind,
    Channel,
    Destination,
    DropoutReportProposal,
    ProposalStatus,
    SignalKind,
    Still,
    Student,
    User,
)
from app.services.aftercare.plan import load_student, plan_of
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.export_log import log_file_export
from app.services.common.labels import CALL_ACTION, DESTINATION, SIGNAL_KIND, label
from app.services.common.names import full_name
from app.services.common.permissions import require_export, require_student_access, visible_students
from app.services.common.school_settings import school_settings


@dataclass(frozen=True, slots=True)
class CallLine:
    call_id: int
    version: int
    due_date: date
    months_after_outflow: int | None
    kind: CallKind
    mentor_name: str
    made_on: date | None
    reached: bool | None
    channel: Channel | None
    still: Still | None
    signals: tuple[SignalKind, ...]
    action: CallAction | None
    refused_help: bool
    note: str


@dataclass(frozen=True, slots=True)
class ProposalLine:
    id: int
    student_id: int
    student_name: str
    proposed_on: date
    municipality: str
    status: ProposalStatus


@dataclass(frozen=True)
class StudentAftercare:
    student_id: int
    outflow_date: date | None
    ends_on: date | None
    destination: Destination | None
    waakvlam: bool
    waakvlam_since: date | None
    calls: list[CallLine]
    open_signals: list[tuple[SignalKind, date]]
    proposals: list[ProposalLine]


def _signals(value: str | None) -> tuple[SignalKind, ...]:
    return tuple(SignalKind(v) for v in (value or "").split(",") if v)


def _enum(cls, value):
    try:
        return cls(value) if value else None
    except ValueError:
        return None


def student_aftercare(session: Session, actor: Actor, student_id: int) -> StudentAftercare:
    """The student file's Nazorg tab: the plan and every call, oldest first (logged view)."""
    student = load_student(session, student_id)
    require_student_access(actor, student)
    plan = plan_of(session, student_id)
    names = dict(session.execute(select(User.id, User.display_name)).all())
    calls = [
        CallLine(
            c.id,
            c.version,
            c.due_date,
            c.months_after_outflow,
            c.kind,
            names.get(c.mentor_id, ""),
            c.made_on,
            c.reached,
            _enum(Channel, c.channel),
            c.still_at_destination,
            _signals(c.signals),
            _enum(CallAction, c.action),
            c.refused_help,
            c.note or "",
        )
        for c in session.scalars(
            select(AftercareCall)
            .where(AftercareCall.student_id == student_id)
            .order_by(AftercareCall.due_date, AftercareCall.id)
        )
    ]
    signals = [
        (s.kind, s.raised_on)
        for s in session.scalars(
            select(AftercareSignal)
            .where(AftercareSignal.student_id == student_id, AftercareSignal.resolved_on.is_(None))
            .order_by(AftercareSignal.raised_on)
        )
    ]
    audit.record(session, actor, "view", "aftercare", student_id)
    return StudentAftercare(
        student_id,
        plan.outflow_date if plan else None,
        plan.ends_on if plan else None,
        plan.destination if plan else None,
        bool(plan and plan.waakvlam),
        plan.waakvlam_since if plan else None,
        calls,
        signals,
        _proposals(session, actor, student_id=student_id),
    )


def _proposals(
    session: Session, actor: Actor, *, student_id: int | None = None, open_only: bool = False
) -> list[ProposalLine]:
    stmt = visible_students(
        select(DropoutReportProposal, Student.first_name, Student.prefix, Student.surname).join(
            Student, Student.id == DropoutReportProposal.student_id
        ),
        actor,
    ).order_by(DropoutReportProposal.proposed_on.desc(), DropoutReportProposal.id.desc())
    if student_id is not None:
        stmt = stmt.where(DropoutReportProposal.student_id == student_id)
    if open_only:
        stmt = stmt.where(DropoutReportProposal.status == ProposalStatus.PROPOSED)
    return [
        ProposalLine(
            p.id,
            p.student_id,
            full_name(first, prefix, surname),
            p.proposed_on,
            p.municipality or "",
            p.status,
        )
        for p, first, prefix, surname in session.execute(stmt)
    ]


def open_proposals(session: Session, actor: Actor) -> list[ProposalLine]:
    """Drop-out reports proposed and not yet sent, for the students `actor` may see."""
    found = _proposals(session, actor, open_only=True)
    audit.record(session, actor, "view", "dropout_report_proposals", None, f"rows={len(found)}")
    return found


def load_proposal(session: Session, proposal_id: int) -> DropoutReportProposal:
    proposal = session.get(DropoutReportProposal, proposal_id)
    if proposal is None:
        raise NotFoundError("Dit voorstel voor een melding bestaat niet (meer).")
    return proposal


def dropout_report_data(
    session: Session, proposal: DropoutReportProposal, municipality: str | None = None
) -> DropoutReport:
    """What the drop-out report says, as plain data (the concept and the sent report)."""
    student = load_student(session, proposal.student_id)
    plan = session.scalars(
        select(AftercarePlan).where(AftercarePlan.student_id == student.id)
    ).first()
    call = session.get(AftercareCall, proposal.call_id) if proposal.call_id else None
    school = school_settings(session)
    mentor = session.get(User, student.mentor_id) if student.mentor_id else None
    return DropoutReport(
        school=school.name,
        student_name=student.full_name,
        birth_date=student.birth_date,
        address=", ".join(
            p
            for p in (student.address, " ".join(filter(None, (student.postcode, student.city))))
            if p
        ),
        municipality=municipality or proposal.municipality or "",
        phone=student.phone or "",
        left_on=plan.outflow_date if plan else None,
        destination=label(DESTINATION, plan.destination) if plan else "",
        dropped_out_on=proposal.proposed_on,
        signals=", ".join(SIGNAL_KIND[s].lower() for s in _signals(call.signals if call else "")),
        action=label(CALL_ACTION, _enum(CallAction, call.action if call else None)) or "Geen",
        note=call.note if call and call.note else "",
        mentor=mentor.display_name if mentor else "",
        proposed_on=proposal.proposed_on,
    )


def dropout_report_pdf(session: Session, actor: Actor, proposal_id: int) -> bytes:
    """The proposed report as a concept PDF for the coordinator (logged; nothing is sent).

    Sending it to the municipality goes through the consent gate:
    `dropout_report.send_dropout_report`.
    """
    require_export(actor)
    proposal = load_proposal(session, proposal_id)
    student = load_student(session, proposal.student_id)
    require_student_access(actor, student)
    pdf = render_dropout_report(dropout_report_data(session, proposal))
    log_file_export(
        session,
        actor,
        "vangnetmelding (concept)",
        student_id=student.id,
        basis="niet verstuurd: concept ter inzage binnen de school",
        entity="dropout_report_proposal",
        entity_id=proposal.id,
        detail="concept",
    )
    return pdf


def save_dropout_report_draft(session: Session, actor: Actor, proposal_id: int, path: str) -> str:
    """Writes the concept PDF to `path` (atomically) and logs it, in one transaction: the
    log commits only if the file was written."""
    target = safe_output_path(path, allowed_suffixes=(".pdf",))
    pdf = dropout_report_pdf(session, actor, proposal_id)
    try:
        write_atomic(target, pdf)
    except OSError as exc:
        raise KoersError(
            f"Het bestand {path} kon niet worden geschreven: {exc.strerror or exc}."
        ) from None
    return str(target)
