"""The consent register and THE gate: `may_share` is the only code that decides whether a
piece of a student's information may leave the school.

Rules (domain.md, "Consent and the reports that leave the school"):
- A data flow (document x kind of recipient) rests on consent unless the coordinator set a
  legal basis for it; a legal basis names its article and the scopes it covers.
- Consent is specific: one student, one recipient organisation, a set of scopes.
- Who must give it is judged on the day it was given: a student at or above the school's
  consent age gives it alone; a younger student (or one whose birth date is unknown) only
  together with a named parent or guardian; an adult under curatele or mentorschap only
  together with the named legal representative.
- It counts from the day it was given up to and including `valid_until`; a withdrawal
  stops it from the day of withdrawal on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.dates import age_on
from app.core.errors import ConflictError, KoersError, NotFoundError
from app.core.validation import Problems, format_date, parse_date, text, today
from app.models import (
    Basis,
    Consent,
    ConsentForm,
    ConsentScope,
    Conversation,
    DataFlow,
    FlowDocument,
    LegalRepresentation,
    Organisation,
    OrganisationKind,
    SchoolSettings,
    Student,
)
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.labels import CONSENT_SCOPE_SHORT, LEGAL_REPRESENTATION
from app.services.common.permissions import (
    require_coordinator,
    require_student_access,
    require_student_edit,
)
from app.services.common.rows import existing_student

DEFAULT_CONSENT_AGE = 16
MAX_ATTACHMENT = 10 * 1024 * 1024


class ConsentRefusedError(KoersError):
    """An export that the gate (or another rule) refuses; the message says what is missing."""


# --- the gate -----------------------------------------------------------------------------


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

    @property
    def basis_text(self) -> str:
        if self.basis is Basis.LEGAL:
            return f"wettelijke grondslag ({self.article})"
        if self.basis is Basis.CONSENT:
            return f"toestemming #{self.consent_id}"
        return ""


def consent_age(session: Session) -> int:
    value = session.scalar(select(SchoolSettings.consent_age).limit(1))
    return value if value else DEFAULT_CONSENT_AGE


def flow_of(session: Session, document: FlowDocument, kind: OrganisationKind) -> DataFlow | None:
    return session.scalars(
        select(DataFlow).where(DataFlow.document == document, DataFlow.recipient_kind == kind)
    ).first()


def _scope_set(text_value: str | None) -> frozenset[ConsentScope]:
    known = {s.value for s in ConsentScope}
    return frozenset(ConsentScope(s) for s in (text_value or "").split(",") if s in known)


def givers_missing(consent: Consent, student: Student, age_limit: int) -> list[str]:
    """Who should have given this consent but did not, as Dutch phrases (empty: complete)."""
    missing: list[str] = []
    age = age_on(student.birth_date, consent.given_on)
    if not consent.given_by_student:
        missing.append("de leerling zelf")
    if (age is None or age < age_limit) and not (consent.given_by_guardian or "").strip():
        why = (
            "de geboortedatum is onbekend"
            if age is None
            else f"de leerling was toen {age} jaar, jonger dan {age_limit}"
        )
        missing.append(f"een ouder of voogd ({why})")
    representation = student.legal_representation or LegalRepresentation.NONE
    if (
        representation is not LegalRepresentation.NONE
        and not (consent.given_by_representative or "").strip()
    ):
        kind = LEGAL_REPRESENTATION[representation].lower()
        missing.append(f"de wettelijk vertegenwoordiger (de leerling staat onder {kind})")
    return missing


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


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
        return _refuse(scope, f"{to} staat op niet actief; er gaat niets naartoe")
    flow = flow_of(session, document, recipient.kind)
    # Scopes outside a legal basis still need consent.
    legal = flow is not None and flow.basis is Basis.LEGAL and (flow.article or "").strip()
    if legal and scope in _scope_set(flow.scopes):
        return Decision(
            True,
            f"Wettelijke grondslag: {flow.article}.",
            scope,
            basis=Basis.LEGAL,
            article=flow.article,
        )
    limit = consent_age(session)
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
            f"Er is geen toestemming vastgelegd om gegevens te delen met {to}",
            f"Er is geen toestemming vastgelegd om {what} te delen met {to}.",
        )
    causes: list[tuple[str, str]] = []
    for consent in consents:
        if scope not in consent.scope_set:
            causes.append(
                (
                    f"De toestemming voor {to} omvat dit niet",
                    f"De toestemming voor {to} omvat {what} niet.",
                )
            )
            continue
        if consent.given_on > at:
            cause = f"De toestemming voor {to} geldt pas vanaf {format_date(consent.given_on)}"
            causes.append((cause, cause + "."))
            continue
        if consent.withdrawn_on is not None and consent.withdrawn_on <= at:
            by = f" door {consent.withdrawn_by}" if consent.withdrawn_by else ""
            cause = (
                f"De toestemming voor {to} is ingetrokken op "
                f"{format_date(consent.withdrawn_on)}{by}; er is geen nieuwe toestemming"
            )
            causes.append((cause, f"{cause} voor {what}."))
            continue
        if consent.valid_until is not None and consent.valid_until < at:
            cause = (
                f"De toestemming voor {to} is verlopen op {format_date(consent.valid_until)}; "
                f"er is geen nieuwe toestemming"
            )
            causes.append((cause, f"{cause} voor {what}."))
            continue
        missing = givers_missing(consent, student, limit)
        if missing:
            cause = (
                f"De toestemming voor {to} is niet volledig: de toestemming van "
                f"{_join(missing)} ontbreekt"
            )
            causes.append((cause, cause + "."))
            continue
        return Decision(
            True,
            f"Toestemming van {format_date(consent.given_on)}.",
            scope,
            basis=Basis.CONSENT,
            consent_id=consent.id,
        )
    # The most specific cause: one about a consent that names the scope, else the first.
    specific = [c for c in causes if "omvat" not in c[0]]
    cause, reason = (specific or causes)[0]
    return _refuse(scope, cause, reason)


def _refuse(scope: ConsentScope, cause: str, reason: str | None = None) -> Decision:
    return Decision(False, reason or cause + ".", scope, cause=cause)


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


def check_all(
    session: Session,
    student: Student,
    recipient: Organisation,
    at: date,
    scopes: Iterable[ConsentScope] = tuple(ConsentScope),
    *,
    document: FlowDocument = FlowDocument.TRANSITION_REPORT,
) -> ShareCheck:
    return ShareCheck(
        {s: may_share(session, student, recipient, s, at, document=document) for s in scopes}
    )


# --- the register -------------------------------------------------------------------------


@dataclass
class ConsentInput:
    """A consent as typed in the dialog."""

    organisation_id: int | None = None
    scopes: list[str] = field(default_factory=list)
    given_by_student: bool = True
    given_by_guardian: str = ""
    given_by_representative: str = ""
    given_on: str = ""
    form: str = ConsentForm.PAPER.value
    witness: str = ""
    valid_until: str = ""
    conversation_id: int | None = None
    note: str = ""
    attachment: bytes | None = None
    attachment_name: str = ""


@dataclass(frozen=True)
class ConsentRow:
    """One line of the register as the consent tab shows it."""

    id: int
    version: int
    organisation_id: int
    organisation: str
    scopes: tuple[ConsentScope, ...]
    given_on: date
    given_by: str
    form: ConsentForm
    witness: str
    valid_until: date | None
    withdrawn_on: date | None
    withdrawn_by: str
    conversation_id: int | None
    has_attachment: bool
    status: str
    problem: str


def given_by_text(consent: Consent) -> str:
    parts = []
    if consent.given_by_student:
        parts.append("leerling")
    if consent.given_by_guardian:
        parts.append(f"ouder/voogd {consent.given_by_guardian}")
    if consent.given_by_representative:
        parts.append(f"wettelijk vertegenwoordiger {consent.given_by_representative}")
    return ", ".join(parts) or "—"


def status_on(consent: Consent, on: date) -> str:
    if consent.withdrawn_on is not None and consent.withdrawn_on <= on:
        return "Ingetrokken"
    if consent.valid_until is not None and consent.valid_until < on:
        return "Verlopen"
    if consent.given_on > on:
        return "Nog niet geldig"
    return "Geldig"


def register(session: Session, actor, student_id: int, on: date | None = None) -> list[ConsentRow]:
    """The student's consents, newest first, with their status and what is missing."""
    student = existing_student(session, student_id)
    require_student_access(actor, student)
    on = on or today()
    limit = consent_age(session)
    rows = session.execute(
        select(Consent, Organisation.name, Consent.attachment_name)
        .join(Organisation, Organisation.id == Consent.organisation_id)
        .where(Consent.student_id == student_id)
        .order_by(Consent.given_on.desc(), Consent.id.desc())
    ).all()
    audit.record(session, actor, "view", "consent_register", student_id, None)
    result = []
    for consent, org_name, attachment_name in rows:
        missing = givers_missing(consent, student, limit)
        result.append(
            ConsentRow(
                id=consent.id,
                version=consent.version,
                organisation_id=consent.organisation_id,
                organisation=org_name,
                scopes=tuple(s for s in ConsentScope if s in consent.scope_set),
                given_on=consent.given_on,
                given_by=given_by_text(consent),
                form=consent.form,
                witness=consent.witness or "",
                valid_until=consent.valid_until,
                withdrawn_on=consent.withdrawn_on,
                withdrawn_by=consent.withdrawn_by or "",
                conversation_id=consent.conversation_id,
                has_attachment=bool(attachment_name),
                status=(
                    "Onvolledig"
                    if missing and status_on(consent, on) == "Geldig"
                    else status_on(consent, on)
                ),
                problem=("ontbreekt: toestemming van " + _join(missing)) if missing else "",
            )
        )
    return result


def record_consent(session: Session, actor, student_id: int, data: ConsentInput) -> int:
    """Adds a consent to the register; everything checked, nothing half saved."""
    require_coordinator(actor, "Alleen een uitstroomcoördinator legt toestemming vast.")
    student = existing_student(session, student_id)
    require_student_edit(actor, student)
    problems = Problems()
    organisation = session.get(Organisation, data.organisation_id) if data.organisation_id else None
    if organisation is None:
        problems.add("organisation", "Ontvanger: kies de organisatie die de gegevens krijgt.")
    scopes: list[ConsentScope] = []
    for value in data.scopes:
        try:
            scopes.append(ConsentScope(value))
        except ValueError:
            problems.add(
                "scopes", f"Onderdelen: '{value}' is geen onderdeel dat gedeeld kan worden."
            )
    if not scopes:
        problems.add("scopes", "Onderdelen: kies ten minste één onderdeel dat gedeeld mag worden.")
    given_on = parse_date(data.given_on, "Datum toestemming", "given_on", problems)
    if given_on is None and "given_on" not in problems.by_field:
        problems.add("given_on", "Datum toestemming: dit veld is verplicht.")
    if given_on is not None and given_on > today():
        problems.add("given_on", "Datum toestemming: een datum in de toekomst kan niet.")
    valid_until = parse_date(data.valid_until, "Geldig tot en met", "valid_until", problems)
    if given_on and valid_until and valid_until < given_on:
        problems.add("valid_until", "Geldig tot en met: ligt vóór de datum van de toestemming.")
    guardian = text(
        data.given_by_guardian, "Ouder of voogd", "given_by_guardian", problems, max_length=160
    )
    representative = text(
        data.given_by_representative,
        "Wettelijk vertegenwoordiger",
        "given_by_representative",
        problems,
        max_length=160,
    )
    if not data.given_by_student and not guardian and not representative:
        problems.add("given_by", "Gegeven door: vink de leerling aan of noem wie toestemming gaf.")
    try:
        form = ConsentForm(data.form)
    except ValueError:
        problems.add("form", "Vorm: kies papier, mondeling of digitaal.")
        form = None
    witness = text(data.witness, "Getuige", "witness", problems, max_length=160)
    if form is ConsentForm.VERBAL and not witness:
        problems.add("witness", "Getuige: bij mondelinge toestemming is een getuige verplicht.")
    attachment = data.attachment or None
    if attachment is not None:
        if not attachment.startswith(b"%PDF-"):
            problems.add("attachment", "Scan: het bestand is geen PDF.")
        elif len(attachment) > MAX_ATTACHMENT:
            problems.add("attachment", "Scan: het bestand is groter dan 10 MB.")
    if form is ConsentForm.PAPER and attachment is None:
        problems.add("attachment", "Scan: voeg de scan van het getekende formulier toe (PDF).")
    if data.conversation_id is not None:
        conversation = session.get(Conversation, data.conversation_id)
        if conversation is None or conversation.student_id != student_id:
            problems.add("conversation", "Gesprek: dit gesprek hoort niet bij deze leerling.")
    note = text(data.note, "Opmerking", "note", problems, max_length=2000)
    problems.raise_if_any()
    consent = Consent(
        student_id=student_id,
        organisation_id=organisation.id,
        scopes=",".join(s.value for s in ConsentScope if s in scopes),
        given_by_student=bool(data.given_by_student),
        given_by_guardian=guardian,
        given_by_representative=representative,
        given_on=given_on,
        form=form,
        witness=witness,
        attachment=attachment,
        attachment_name=(data.attachment_name or "scan.pdf")[:200] if attachment else None,
        valid_until=valid_until,
        conversation_id=data.conversation_id,
        note=note,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(consent)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "consent",
        consent.id,
        f"student={student_id};org={organisation.id};scopes={consent.scopes}",
    )
    return consent.id


def withdraw_consent(
    session: Session,
    actor,
    consent_id: int,
    withdrawn_on: str,
    withdrawn_by: str,
    expected_version: int | None = None,
) -> None:
    """Records a withdrawal: from that day on the gate refuses everything it allowed."""
    require_coordinator(actor, "Alleen een uitstroomcoördinator legt een intrekking vast.")
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise NotFoundError("Deze toestemming bestaat niet (meer).")
    require_student_edit(actor, existing_student(session, consent.student_id))
    if expected_version is not None and consent.version != expected_version:
        raise ConflictError("Iemand anders heeft deze toestemming intussen gewijzigd.")
    problems = Problems()
    on = parse_date(withdrawn_on, "Datum intrekking", "withdrawn_on", problems)
    if on is None and "withdrawn_on" not in problems.by_field:
        problems.add("withdrawn_on", "Datum intrekking: dit veld is verplicht.")
    if on is not None and on < consent.given_on:
        problems.add("withdrawn_on", "Datum intrekking: ligt vóór de datum van de toestemming.")
    if on is not None and on > today():
        problems.add("withdrawn_on", "Datum intrekking: een datum in de toekomst kan niet.")
    by = text(
        withdrawn_by, "Ingetrokken door", "withdrawn_by", problems, max_length=160, required=True
    )
    if consent.withdrawn_on is not None:
        problems.add("withdrawn_on", "Deze toestemming is al ingetrokken.")
    problems.raise_if_any()
    consent.withdrawn_on, consent.withdrawn_by = on, by
    consent.updated_by_id = actor.user_id
    consent.updated_at = utcnow()
    session.flush()
    audit.record(session, actor, "update", "consent", consent.id, "ingetrokken")


def consent_attachment(session: Session, actor, consent_id: int) -> tuple[str, bytes]:
    """The scanned form, for viewing (logged)."""
    consent = session.get(Consent, consent_id)
    if consent is None or consent.attachment is None:
        raise NotFoundError("Bij deze toestemming is geen scan opgeslagen.")
    require_student_access(actor, existing_student(session, consent.student_id))
    audit.record(session, actor, "view", "consent_attachment", consent.id, None)
    return consent.attachment_name or "scan.pdf", consent.attachment


# --- the bases per data flow --------------------------------------------------------------


@dataclass(frozen=True)
class FlowRow:
    document: FlowDocument
    recipient_kind: OrganisationKind
    basis: Basis
    article: str
    scopes: tuple[ConsentScope, ...]
    version: int | None


def list_flows(session: Session, actor) -> list[FlowRow]:
    """Every document x recipient kind, with the basis set (consent when none was set)."""
    require_coordinator(actor)
    stored = {(f.document, f.recipient_kind): f for f in session.scalars(select(DataFlow))}
    rows = []
    for document in FlowDocument:
        for kind in OrganisationKind:
            flow = stored.get((document, kind))
            rows.append(
                FlowRow(
                    document,
                    kind,
                    flow.basis if flow else Basis.CONSENT,
                    (flow.article or "") if flow else "",
                    tuple(s for s in ConsentScope if flow and s in _scope_set(flow.scopes)),
                    flow.version if flow else None,
                )
            )
    return rows


def set_flow_basis(
    session: Session,
    actor,
    document: str,
    recipient_kind: str,
    basis: str,
    article: str = "",
    scopes: Iterable[str] = (),
) -> None:
    """The coordinator sets the basis of one data flow; the choice is audited."""
    require_coordinator(actor, "Alleen een uitstroomcoördinator stelt de grondslag in.")
    problems = Problems()
    try:
        doc, kind, chosen = FlowDocument(document), OrganisationKind(recipient_kind), Basis(basis)
    except ValueError:
        problems.add("basis", "Grondslag: onbekende gegevensstroom of grondslag.")
        problems.raise_if_any()
        raise
    cleaned = text(article, "Wetsartikel", "article", problems, max_length=200)
    chosen_scopes = []
    for value in scopes:
        try:
            chosen_scopes.append(ConsentScope(value))
        except ValueError:
            problems.add("scopes", f"Onderdelen: '{value}' is geen onderdeel.")
    if chosen is Basis.LEGAL:
        if not cleaned:
            problems.add("article", "Wetsartikel: noem het artikel waarop de gegevensstroom rust.")
        if not chosen_scopes:
            problems.add("scopes", "Onderdelen: kies wat op grond van de wet gedeeld wordt.")
    problems.raise_if_any()
    flow = flow_of(session, doc, kind)
    if flow is None:
        flow = DataFlow(document=doc, recipient_kind=kind, created_by_id=actor.user_id)
        session.add(flow)
    flow.basis = chosen
    flow.article = cleaned if chosen is Basis.LEGAL else None
    flow.scopes = (
        ",".join(s.value for s in ConsentScope if s in chosen_scopes)
        if chosen is Basis.LEGAL
        else ""
    )
    flow.updated_by_id = actor.user_id
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "data_flow",
        flow.id,
        f"{doc.value}>{kind.value}:{chosen.value};{flow.scopes}",
    )


@dataclass(frozen=True)
class GiverFacts:
    """What the consent dialog offers and reminds: who can give consent for this student."""

    guardians: list[str]
    representatives: list[str]
    hint: str


def giver_facts(session: Session, actor, student_id: int, on: date | None = None) -> GiverFacts:
    from app.models import GuardianRelation

    student = existing_student(session, student_id)
    require_student_access(actor, student)
    on = on or today()
    legal = (GuardianRelation.CURATOR, GuardianRelation.MENTOR_LEGAL)
    guardians = [g.name for g in student.guardians if g.has_authority and g.relation not in legal]
    representatives = [g.name for g in student.guardians if g.relation in legal]
    limit = consent_age(session)
    age = age_on(student.birth_date, on)
    parts = []
    if age is None:
        parts.append(
            "De geboortedatum is onbekend: de leerling telt als jonger dan "
            f"{limit}, dus ook een ouder of voogd geeft toestemming."
        )
    elif age < limit:
        parts.append(
            f"{student.first_name} is {age} jaar, jonger dan {limit}: "
            "ook een ouder of voogd geeft toestemming."
        )
    else:
        parts.append(f"{student.first_name} is {age} jaar en geeft zelf toestemming.")
    representation = student.legal_representation or LegalRepresentation.NONE
    if representation is not LegalRepresentation.NONE:
        kind = LEGAL_REPRESENTATION[representation].lower()
        parts.append(f"Onder {kind}: ook de wettelijk vertegenwoordiger geeft toestemming.")
    return GiverFacts(guardians, representatives, " ".join(parts))
