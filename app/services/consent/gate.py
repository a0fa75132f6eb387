"""THE consent gate: `may_share` is the only code that decides whether a piece of a
student's information may leave the school; `check_all` asks it for every scope of one export.

Rules (domain.md, "Consent and the reports that leave the school"):
- A data flow (document x kind of recipient) rests on consent unless the coordinator set a
  legal basis for it; a legal basis names its article and the scopes it covers.
- Consent is specific: one student, one recipient organisation, a set of scopes.
- Who must give it is judged on the day it was given (`givers.givers_missing`): a student at
  or above the school's consent age gives it alone; a younger student (or one whose birth date
  is unknown) only together with a named parent or guardian; an adult under curatele or
  mentorschap only together with the named legal representative.
- It counts from the day it was given up to and including `valid_until`; a withdrawal
  stops it from the day of withdrawal on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import KoersError
from app.core.validation import format_date
from app.models import Basis, Consent, ConsentScope, FlowDocument, Organisation, Student
from app.services.common.labels import CONSENT_SCOPE_SHORT
from app.services.common.school_settings import school_settings
from app.services.consent.data_flows import flow_of, scope_set
from app.services.consent.givers import givers_missing, join_phrases


class ConsentRefusedError(KoersError):
    """An export that the gate (or another rule) refuses; the message says what is missing."""


@dataclass(frozen=True)
class Decision:
    """What `may_share` decided, and why, in Dutch."""

    allowed: bool
    reason: str
    scope: ConsentScope
    basis: Basis | None = None
    consent_id: int | None = None
    article: str | None = None
    # The reason without the scope, so that one cause for several scopes is said once.
    cause: str = ""
    # A refusal's short code (REFUSAL_CODES): what the audit trail keeps instead of the text.
    code: str = ""

    @property
    def basis_text(self) -> str:
        if self.basis is Basis.LEGAL:
            return f"wettelijke grondslag ({self.article})"
        if self.basis is Basis.CONSENT:
            return f"toestemming #{self.consent_id}"
        return ""


def may_share(
    session: Session,
    student: Student,
    recipient: Organisation,
    scope: ConsentScope,
    at: date,
    *,
    document: FlowDocument = FlowDocument.TRANSITION_REPORT,
) -> Decision:
    """May `scope` of `student`'s information go to `recipient` on day `at`? The only decider."""
    scope = ConsentScope(scope)
    what = f"'{CONSENT_SCOPE_SHORT[scope]}'"
    to = f"{recipient.name}"
    if not recipient.active:
        return _refuse(scope, "inactive", f"{to} staat op niet actief; er gaat niets naartoe")
    flow = flow_of(session, document, recipient.kind)
    # Scopes outside a legal basis still need consent.
    legal = flow is not None and flow.basis is Basis.LEGAL and (flow.article or "").strip()
    if legal and scope in scope_set(flow.scopes):
        return Decision(
            True,
            f"Wettelijke grondslag: {flow.article}.",
            scope,
            basis=Basis.LEGAL,
            article=flow.article,
        )
    limit = school_settings(session).consent_age
    consents = list(
        session.scalars(
            select(Consent)
            .where(Consent.student_id == student.id, Consent.organisation_id == recipient.id)
            .order_by(Consent.given_on.desc(), Consent.id.desc())
        )
    )
    if not consents:
        return _refuse(
            scope,
            "no_consent",
            f"Er is geen toestemming vastgelegd om gegevens te delen met {to}",
            f"Er is geen toestemming vastgelegd om {what} te delen met {to}.",
        )
    causes: list[tuple[str, str, str]] = []
    for consent in consents:
        if scope not in consent.scope_set:
            causes.append(
                (
                    "not_covered",
                    f"De toestemming voor {to} omvat dit niet",
                    f"De toestemming voor {to} omvat {what} niet.",
                )
            )
            continue
        if consent.given_on > at:
            cause = f"De toestemming voor {to} geldt pas vanaf {format_date(consent.given_on)}"
            causes.append(("not_yet", cause, cause + "."))
            continue
        if consent.withdrawn_on is not None and consent.withdrawn_on <= at:
            by = f" door {consent.withdrawn_by}" if consent.withdrawn_by else ""
            cause = (
                f"De toestemming voor {to} is ingetrokken op "
                f"{format_date(consent.withdrawn_on)}{by}; er is geen nieuwe toestemming"
            )
            causes.append(("withdrawn", cause, f"{cause} voor {what}."))
            continue
        if consent.valid_until is not None and consent.valid_until < at:
            cause = (
                f"De toestemming voor {to} is verlopen op {format_date(consent.valid_until)}; "
                f"er is geen nieuwe toestemming"
            )
            causes.append(("expired", cause, f"{cause} voor {what}."))
            continue
        missing = givers_missing(consent, student, limit)
        if missing:
            cause = (
                f"De toestemming voor {to} is niet volledig: de toestemming van "
                f"{join_phrases(missing)} ontbreekt"
            )
            causes.append(("givers_missing", cause, cause + "."))
            continue
        return Decision(
            True,
            f"Toestemming van {format_date(consent.given_on)}.",
            scope,
            basis=Basis.CONSENT,
            consent_id=consent.id,
        )
    # The most specific cause: one about a consent that names the scope, else the first.
    specific = [c for c in causes if c[0] != "not_covered"]
    code, cause, reason = (specific or causes)[0]
    return _refuse(scope, code, cause, reason)


# The short codes of a refusal, as the audit trail keeps them (audit_labels has their Dutch).
REFUSAL_CODES = (
    "inactive",
    "no_consent",
    "not_covered",
    "not_yet",
    "withdrawn",
    "expired",
    "givers_missing",
)


def _refuse(scope: ConsentScope, code: str, cause: str, reason: str | None = None) -> Decision:
    return Decision(False, reason or cause + ".", scope, cause=cause, code=code)


@dataclass
class ShareCheck:
    """The gate's answer for every scope of one export."""

    decisions: dict[ConsentScope, Decision] = field(default_factory=dict)

    @property
    def allowed(self) -> frozenset[ConsentScope]:
        return frozenset(s for s, d in self.decisions.items() if d.allowed)

    @property
    def refused(self) -> list[Decision]:
        return [d for d in self.decisions.values() if not d.allowed]

    @property
    def consent_ids(self) -> list[int]:
        return sorted({d.consent_id for d in self.decisions.values() if d.consent_id})

    @property
    def legal_articles(self) -> list[str]:
        return sorted({d.article for d in self.decisions.values() if d.article})

    def basis_text(self) -> str:
        parts = []
        if self.consent_ids:
            parts.append("toestemming " + ", ".join(f"#{i}" for i in self.consent_ids))
        for article in self.legal_articles:
            parts.append(f"wettelijke grondslag: {article}")
        return "; ".join(parts)

    def refusal(self) -> str:
        """Dutch: why nothing may go, each cause once with the scopes it concerns."""
        grouped: dict[str, list[str]] = {}
        for decision in self.refused:
            grouped.setdefault(decision.cause, []).append(CONSENT_SCOPE_SHORT[decision.scope])
        return " ".join(
            f"{cause} (voor: {', '.join(scopes)})." for cause, scopes in grouped.items()
        )


# What a report can carry; being discussed at a meeting is consent of its own, not a section.
REPORT_SCOPES = tuple(s for s in ConsentScope if s is not ConsentScope.MEETING)


def check_all(
    session: Session,
    student: Student,
    recipient: Organisation,
    at: date,
    scopes: Iterable[ConsentScope] = REPORT_SCOPES,
    *,
    document: FlowDocument = FlowDocument.TRANSITION_REPORT,
) -> ShareCheck:
    return ShareCheck(
        {s: may_share(session, student, recipient, s, at, document=document) for s in scopes}
    )
