"""The one way a file of personal data written by Koers is logged: the export log and the
audit trail, in the transaction that writes it.

Every writer in app/services, app/commands and app/ui either passes through
`log_file_export` (directly, or through a service that does, such as
`app.services.consent.sending.log_export`) or is on the allow-list, with its reason, of
tests/security/test_every_file_is_logged.py, which fails on a new writer that is neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.models import ExportLog
from app.services.common import audit
from app.services.common.actor import Actor


def log_file_export(
    session: Session,
    actor: Actor,
    what: str,
    *,
    student_id: int | None = None,
    organisation_id: int | None = None,
    scopes: str | None = None,
    basis: str | None = None,
    consent_ids: Sequence[int] = (),
    entity: str = "student",
    entity_id: int | None = None,
    detail: str | None = None,
) -> ExportLog:
    """One export-log entry (what, about whom, to whom, on what basis) and its audit entry.

    The audit entry names `entity`/`entity_id` (the student by default) and `detail`
    (default: what, the recipient organisation and the export-log id).
    """
    entry = ExportLog(
        user_id=actor.user_id,
        student_id=student_id,
        organisation_id=organisation_id,
        what=what,
        scopes=scopes or None,
        basis=basis or None,
        consent_id=consent_ids[0] if consent_ids else None,
        consent_ids=",".join(str(i) for i in consent_ids) or None,
    )
    session.add(entry)
    session.flush()
    audit.record(
        session,
        actor,
        "export",
        entity,
        entity_id if entity_id is not None else student_id,
        detail if detail is not None else f"{what};org={organisation_id};log={entry.id}",
    )
    return entry
