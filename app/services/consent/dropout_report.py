"""The drop-out report to the municipality's safety net (vangnet), through the gate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.errors import ConflictError
from app.core.files import write_atomic
from app.core.validation import today
from app.export.dropout_report import Sending, render_dropout_report
from app.models import ConsentScope, ProposalStatus
from app.services.common import audit
from app.services.common.permissions import require_export, require_student_access
from app.services.consent.gate import check_all
from app.services.consent.recipients import AUTO, resolve_recipient, student_by_ref
from app.services.consent.refusals import refused
from app.services.consent.sending import ExportResult, basis_lines, log_export
from app.services.consent.transition_report import recipient_label

# The drop-out report goes through the transition report's data flow (document
# "overdrachtsdossier" to a municipality) with the aftercare scope: a consent that covers
# "nazorg" for the municipality, or a legal basis set for that flow and scope, lets it go.
DROPOUT_SCOPE = ConsentScope.AFTERCARE


def send_dropout_report(
    session: Session,
    actor,
    proposal_id: int,
    out_path: str | Path,
    *,
    at: date | None = None,
) -> ExportResult:
    """Writes a proposed drop-out report for the student's municipality of residence, if the
    gate allows the aftercare scope; logs it with its consent and marks the proposal sent."""
    from app.services.aftercare.student_file import dropout_report_data, load_proposal

    require_export(actor)
    proposal = load_proposal(session, proposal_id)
    student = student_by_ref(session, actor, proposal.student_id)
    require_student_access(actor, student)
    if proposal.status is not ProposalStatus.PROPOSED:
        state = "al verstuurd" if proposal.status is ProposalStatus.SENT else "afgezien"
        raise ConflictError(f"Deze melding voor {student.full_name} is {state}.")
    recipient = resolve_recipient(session, student, AUTO)
    at = at or today()
    check = check_all(session, student, recipient, at, (DROPOUT_SCOPE,))
    if DROPOUT_SCOPE not in check.allowed:
        raise refused(
            session,
            actor,
            "vangnetmelding",
            student,
            recipient,
            check.decisions.values(),
            f"Geen melding uitval van {student.full_name} aan {recipient.name}: "
            + check.decisions[DROPOUT_SCOPE].reason,
        )
    data = dropout_report_data(session, proposal, recipient.name)
    sending = Sending(recipient_label(recipient), at, basis_lines(session, check))
    pdf = render_dropout_report(data, sending)
    entry = log_export(
        session, actor, "vangnetmelding", student.id, recipient.id, check, check.allowed
    )
    proposal.status = ProposalStatus.SENT
    proposal.updated_by_id = actor.user_id
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "dropout_report_proposal",
        proposal.id,
        f"verstuurd;log={entry.id}",
    )
    target = Path(out_path)
    write_atomic(target, pdf)
    return ExportResult(
        target, student.id, recipient.id, check.allowed, entry.basis or "", entry.id
    )
