"""What every export that leaves the school shares: its result, the sending school's name,
the lines naming the consent(s) or legal basis it rests on, and its entry in the export log
and the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.validation import format_date
from app.models import Consent, ConsentScope, ExportLog
from app.services.common.export_log import log_file_export
from app.services.common.labels import CONSENT_SCOPE_SHORT
from app.services.common.school_settings import school_settings
from app.services.consent.gate import ShareCheck
from app.services.consent.givers import given_by_text


@dataclass(frozen=True)
class ExportResult:
    path: Path
    student_id: int
    organisation_id: int
    scopes: frozenset[ConsentScope]
    basis: str
    log_id: int


def sender_name(session: Session) -> str:
    """The school's name as the sender on what leaves it."""
    return school_settings(session).name or "School"


def basis_lines(session: Session, check: ShareCheck) -> list[str]:
    """What the export rests on, in Dutch: per consent its date, givers and scopes."""
    lines = []
    by_consent: dict[int, list[ConsentScope]] = {}
    by_article: dict[str, list[ConsentScope]] = {}
    for scope, decision in check.decisions.items():
        if decision.allowed and decision.consent_id:
            by_consent.setdefault(decision.consent_id, []).append(scope)
        elif decision.allowed and decision.article:
            by_article.setdefault(decision.article, []).append(scope)
    for consent_id, scopes in sorted(by_consent.items()):
        consent = session.get(Consent, consent_id)
        until = f", geldig t/m {format_date(consent.valid_until)}" if consent.valid_until else ""
        lines.append(
            f"Toestemming van {format_date(consent.given_on)} door {given_by_text(consent)}"
            f"{until} voor: {', '.join(CONSENT_SCOPE_SHORT[s] for s in scopes)}."
        )
    for article, scopes in sorted(by_article.items()):
        lines.append(
            f"Wettelijke grondslag ({article}), zonder toestemming, voor: "
            f"{', '.join(CONSENT_SCOPE_SHORT[s] for s in scopes)}."
        )
    return lines


def log_export(
    session: Session,
    actor,
    what: str,
    student_id: int | None,
    organisation_id: int | None,
    check: ShareCheck | None,
    scopes: frozenset[ConsentScope] = frozenset(),
) -> ExportLog:
    """The export log and audit entry of a report that leaves the school, with the consents
    or legal basis it rested on."""
    return log_file_export(
        session,
        actor,
        what,
        student_id=student_id,
        organisation_id=organisation_id,
        scopes=",".join(s.value for s in ConsentScope if s in scopes),
        basis=check.basis_text() if check else None,
        consent_ids=check.consent_ids if check else (),
        entity="student" if student_id else "organisation",
        entity_id=student_id or organisation_id,
    )
