"""The consent register: a student's consents with their status, recording and withdrawing
one, and the scanned form. Whether a consent lets anything leave the school is decided by
`gate.may_share` alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, KoersError, NotFoundError
from app.core.files import write_atomic
from app.core.validation import Problems, parse_date, text, today
from app.importers.paths import safe_output_path
from app.models import Consent, ConsentForm, ConsentScope, Conversation, Organisation
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.export_log import log_file_export
from app.services.common.permissions import (
    require_coordinator,
    require_student_access,
    require_student_edit,
)
from app.services.common.rows import existing_student
from app.services.common.school_settings import school_settings
from app.services.consent.givers import given_by_text, givers_missing, join_phrases

MAX_ATTACHMENT = 10 * 1024 * 1024


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
    limit = school_settings(session).consent_age
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
                problem=("ontbreekt: toestemming van " + join_phrases(missing)) if missing else "",
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


def save_consent_attachment(session: Session, actor, consent_id: int, path: str) -> str:
    """Writes the scanned form to `path` (atomically) and logs it as a file of personal
    data leaving Koers (export log and audit trail), in one transaction: the log commits
    only if the file was written. Returns the path written."""
    _name, data = consent_attachment(session, actor, consent_id)  # a PDF (checked on save)
    if not Path(path).suffix:
        path = f"{path}.pdf"
    target = safe_output_path(path, allowed_suffixes=(".pdf",))
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise KoersError(
            f"Het bestand {path} kon niet worden geschreven: {exc.strerror or exc}."
        ) from None
    consent = session.get(Consent, consent_id)
    log_file_export(
        session,
        actor,
        "scan toestemmingsformulier",
        student_id=consent.student_id,
        organisation_id=consent.organisation_id,
        basis="kopie van de eigen toestemming",
        entity="consent",
        entity_id=consent.id,
    )
    return str(target)
