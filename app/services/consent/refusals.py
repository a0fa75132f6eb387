"""A refused export leaves a trace: one audit row saying who was refused what, about which
student, for which recipient and why (the gate's short codes and the scopes refused, never
the report's text).

The export runs in one transaction (`Store.run`) that the refusal rolls back, so the row is
written by an after-rollback hook in a transaction of its own. Writing it before raising
would be rolled back with the rest; writing it on a second connection while the export's
transaction is still open would wait on that transaction's lock (SQLite's write lock, the
audit chain's advisory lock on PostgreSQL). After the rollback nothing of the export is left
to wait on, and the chain is appended to as for any other action.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from app.db.store import after_rollback
from app.models import ConsentScope, Organisation, Student
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.consent.gate import ConsentRefusedError, Decision

# The code of a refusal that is not the gate's: no recipient could be found for the student.
NO_RECIPIENT = "no_recipient"


def refusal_detail(
    what: str, recipient_id: int | None, codes: Iterable[str], scopes: Iterable[ConsentScope]
) -> str:
    """'overdrachtsdossier;org=3;reden=withdrawn;scopes=profiel,stages': codes only."""
    reasons = ",".join(dict.fromkeys(c for c in codes if c)) or "refused"
    parts = [what, f"org={recipient_id if recipient_id is not None else '-'}"]
    parts.append(f"reden={reasons}")
    scope_list = ",".join(s.value for s in ConsentScope if s in set(scopes))
    if scope_list:
        parts.append(f"scopes={scope_list}")
    return ";".join(parts)


def refused(
    session: Session,
    actor: Actor,
    what: str,
    student: Student,
    recipient: Organisation | None,
    decisions: Iterable[Decision],
    message: str,
) -> ConsentRefusedError:
    """The error to raise for a refused export, with its audit row queued to be written
    once the export's transaction has been rolled back."""
    refused_decisions = [d for d in decisions if not d.allowed]
    codes = [d.code for d in refused_decisions] or [NO_RECIPIENT]
    detail = refusal_detail(
        what,
        recipient.id if recipient is not None else None,
        codes,
        [d.scope for d in refused_decisions],
    )
    student_id = student.id

    def write(fresh: Session) -> None:
        audit.record(fresh, actor, "export_refused", "student", student_id, detail)

    after_rollback(session, write)
    return ConsentRefusedError(message)
