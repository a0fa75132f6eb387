"""The transition report (overdrachtsdossier) for one student and one recipient.

The gate (`gate.check_all`) is asked at the moment of export; only what it allowed goes into
the file, and the export is logged with the consent(s) or legal basis it rested on. A refusal
raises `ConsentRefusedError` and writes no file; only its audit row (refusals.py) is kept.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.files import write_atomic
from app.core.validation import today
from app.export.transition_report import render_report
from app.services.common.permissions import require_export, require_student_access
from app.services.consent.gate import check_all
from app.services.consent.recipients import resolve_recipient, student_by_ref
from app.services.consent.refusals import refused
from app.services.consent.sending import ExportResult, basis_lines, log_export, sender_name
from app.services.consent.transition_report import gather


def export_report(
    session: Session,
    actor,
    student_ref: int | str,
    recipient_ref: int | str,
    out_path: str | Path,
    *,
    at: date | None = None,
) -> ExportResult:
    """Writes the transition report for one student and recipient, with what is allowed."""
    require_export(actor)
    student = student_by_ref(session, actor, student_ref)
    require_student_access(actor, student)
    recipient = resolve_recipient(session, student, recipient_ref)
    at = at or today()
    check = check_all(session, student, recipient, at)
    if not check.allowed:
        raise refused(
            session,
            actor,
            "overdrachtsdossier",
            student,
            recipient,
            check.decisions.values(),
            f"Geen overdrachtsdossier van {student.full_name} voor {recipient.name}: "
            + check.refusal(),
        )
    report = gather(
        session,
        student,
        recipient,
        check.allowed,
        school_name=sender_name(session),
        made_by=actor.display_name,
        made_by_id=actor.user_id,
        made_on=at,
        basis_lines=basis_lines(session, check),
    )
    data = render_report(report)
    entry = log_export(
        session, actor, "overdrachtsdossier", student.id, recipient.id, check, check.allowed
    )
    target = Path(out_path)
    write_atomic(target, data)
    return ExportResult(
        target, student.id, recipient.id, check.allowed, entry.basis or "", entry.id
    )
