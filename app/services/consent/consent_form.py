"""The printable consent form for parents and students."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.core.files import write_atomic
from app.core.validation import format_date
from app.export.transition_report import ConsentFormData, render_consent_form
from app.models import ConsentScope, Organisation
from app.services.common.labels import CONSENT_SCOPE
from app.services.common.parent_language import (
    check_language,
    default_language,
    guardian_languages,
)
from app.services.common.permissions import require_export, require_student_access
from app.services.common.school_settings import school_settings
from app.services.consent.recipients import student_by_ref
from app.services.consent.sending import log_export, sender_name
from app.services.consent.transition_report import recipient_label


def consent_form(
    session: Session,
    actor,
    student_id: int,
    out_path: str | Path,
    recipient_ids: list[int] | None = None,
    language: str | None = None,
) -> Path:
    """The printable consent form for parents and students (a print: logged).

    `language`: a parent's language printed under the Dutch ("nl": Dutch only); without one,
    the language recorded for the student's guardians."""
    require_export(actor)
    student = student_by_ref(session, actor, student_id)
    require_student_access(actor, student)
    if recipient_ids:
        recipients = [session.get(Organisation, i) for i in recipient_ids]
    else:
        from app.services.network.report_recipients import default_recipients

        recipients = default_recipients(session, student)
    data = ConsentFormData(
        school_name=sender_name(session),
        student_name=student.full_name,
        birth_date=format_date(student.birth_date) or "onbekend",
        recipients=[recipient_label(r) for r in recipients if r],
        scopes=[(s.value, CONSENT_SCOPE[s]) for s in ConsentScope],
        consent_age=school_settings(session).consent_age,
        guardians=[g.name for g in student.guardians if g.has_authority][:2],
        needs_representative=student.legal_representation.value != "geen",
        language=check_language(language)
        if language
        else default_language(guardian_languages(student.guardians)),
    )
    pdf = render_consent_form(data)
    log_export(session, actor, "toestemmingsformulier", student.id, None, None)
    target = Path(out_path)
    write_atomic(target, pdf)
    return target
