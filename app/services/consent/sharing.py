"""Everything that leaves the school about a student, each through the one gate.

Every path here asks `consent.may_share` (via `check_all`) at the moment of export,
puts only what it allowed into the file, and logs the export (export_log + audit) with
the consent(s) or legal basis it rested on. A refusal raises `ConsentRefusedError` and
writes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError
from app.core.files import write_atomic
from app.core.validation import format_date, today
from app.export import tabular
from app.export.dropout_report import Sending, render_dropout_report
from app.export.transition_report import (
    ConsentFormData,
    render_consent_form,
    render_report,
)
from app.models import (
    Consent,
    ConsentScope,
    ExportLog,
    FlowDocument,
    Organisation,
    OrganisationKind,
    ProposalStatus,
    SchoolSettings,
    Student,
    TransitionPath,
)
from app.services.common import audit
from app.services.common.labels import (
    CONSENT_SCOPE,
    CONSENT_SCOPE_SHORT,
    DESTINATION,
    OUTFLOW_PROFILE,
    label,
)
from app.services.common.permissions import require_export, require_student_access
from app.services.consent.register import (
    ConsentRefusedError,
    ShareCheck,
    check_all,
    consent_age,
    given_by_text,
)
from app.services.consent.transition_report import gather, recipient_label
from app.services.network.organisations import find_recipient, municipality_of

AUTO = "auto"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    student_id: int
    organisation_id: int
    scopes: frozenset[ConsentScope]
    basis: str
    log_id: int


def _student(session: Session, ref: int | str) -> Student:
    if isinstance(ref, int):
        student = session.get(Student, ref)
    else:
        student = session.scalars(
            select(Student).where(Student.las_key == str(ref).strip())
        ).first()
    if student is None:
        raise NotFoundError(f"Er is geen leerling met leerlingnummer '{ref}'.")
    return student


def resolve_recipient(session: Session, student: Student, ref: int | str) -> Organisation:
    """An organisation by id, short code, CBS code, or `auto` (municipality of residence)."""
    if isinstance(ref, int):
        org = session.get(Organisation, ref)
    elif str(ref).strip().lower() == AUTO:
        org = municipality_of(session, student)
        if org is None:
            where = student.municipality or "(onbekend)"
            raise ConsentRefusedError(
                f"De woongemeente {where} van {student.full_name} staat niet in het netwerk; "
                "voeg de gemeente toe onder Netwerk of kies de ontvanger zelf."
            )
    else:
        org = find_recipient(session, str(ref))
    if org is None:
        raise NotFoundError(f"Er is geen organisatie met code '{ref}'.")
    return org


def _school_name(session: Session) -> str:
    return session.scalar(select(SchoolSettings.name).limit(1)) or "School"


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


def _log(
    session: Session,
    actor,
    what: str,
    student_id: int | None,
    organisation_id: int | None,
    check: ShareCheck | None,
    scopes: frozenset[ConsentScope] = frozenset(),
) -> ExportLog:
    ids = check.consent_ids if check else []
    entry = ExportLog(
        user_id=actor.user_id,
        student_id=student_id,
        organisation_id=organisation_id,
        what=what,
        scopes=",".join(s.value for s in ConsentScope if s in scopes) or None,
        basis=(check.basis_text() if check else None) or None,
        consent_id=ids[0] if ids else None,
        consent_ids=",".join(str(i) for i in ids) or None,
    )
    session.add(entry)
    session.flush()
    audit.record(
        session,
        actor,
        "export",
        "student" if student_id else "organisation",
        student_id or organisation_id,
        f"{what};org={organisation_id};log={entry.id}",
    )
    return entry


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
    student = _student(session, student_ref)
    require_student_access(actor, student)
    recipient = resolve_recipient(session, student, recipient_ref)
    at = at or today()
    check = check_all(session, student, recipient, at)
    if not check.allowed:
        raise ConsentRefusedError(
            f"Geen overdrachtsdossier van {student.full_name} voor {recipient.name}: "
            + check.refusal()
        )
    report = gather(
        session,
        student,
        recipient,
        check.allowed,
        school_name=_school_name(session),
        made_by=actor.display_name,
        made_on=at,
        basis_lines=basis_lines(session, check),
    )
    data = render_report(report)
    entry = _log(
        session, actor, "overdrachtsdossier", student.id, recipient.id, check, check.allowed
    )
    target = Path(out_path)
    write_atomic(target, data)
    return ExportResult(
        target, student.id, recipient.id, check.allowed, entry.basis or "", entry.id
    )


def consent_form(
    session: Session,
    actor,
    student_id: int,
    out_path: str | Path,
    recipient_ids: list[int] | None = None,
) -> Path:
    """The printable consent form for parents and students (a print: logged)."""
    require_export(actor)
    student = _student(session, student_id)
    require_student_access(actor, student)
    if recipient_ids:
        recipients = [session.get(Organisation, i) for i in recipient_ids]
    else:
        from app.services.network.organisations import default_recipients

        recipients = default_recipients(session, student)
    explain = {
        ConsentScope.PROFILE: "Wat u goed kunt, wat u wilt en welk werk bij u past.",
        ConsentScope.INTERNSHIPS: "Waar u stage liep en hoe dat ging.",
        ConsentScope.CONVERSATIONS: "Afspraken uit gesprekken die nog niet klaar zijn.",
        ConsentScope.PATH: "Wat u na school gaat doen en welke hulp of regeling u hebt.",
        ConsentScope.AFTERCARE: "Hoe het gaat na school (school belt u twee jaar lang).",
    }
    data = ConsentFormData(
        school_name=_school_name(session),
        student_name=student.full_name,
        birth_date=format_date(student.birth_date) or "onbekend",
        recipients=[recipient_label(r) for r in recipients if r],
        scopes=[(CONSENT_SCOPE[s], explain[s]) for s in ConsentScope],
        consent_age=consent_age(session),
        guardians=[g.name for g in student.guardians if g.has_authority][:2],
        needs_representative=student.legal_representation.value != "geen",
    )
    pdf = render_consent_form(data)
    _log(session, actor, "toestemmingsformulier", student.id, None, None)
    target = Path(out_path)
    write_atomic(target, pdf)
    return target


# --- the drop-out report to the municipality's safety net (vangnet) ---------------------

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
    student = _student(session, proposal.student_id)
    require_student_access(actor, student)
    if proposal.status is not ProposalStatus.PROPOSED:
        state = "al verstuurd" if proposal.status is ProposalStatus.SENT else "afgezien"
        raise ConflictError(f"Deze melding voor {student.full_name} is {state}.")
    recipient = resolve_recipient(session, student, AUTO)
    at = at or today()
    check = check_all(session, student, recipient, at, (DROPOUT_SCOPE,))
    if DROPOUT_SCOPE not in check.allowed:
        raise ConsentRefusedError(
            f"Geen melding uitval van {student.full_name} aan {recipient.name}: "
            + check.decisions[DROPOUT_SCOPE].reason
        )
    data = dropout_report_data(session, proposal, recipient.name)
    sending = Sending(recipient_label(recipient), at, basis_lines(session, check))
    pdf = render_dropout_report(data, sending)
    entry = _log(session, actor, "vangnetmelding", student.id, recipient.id, check, check.allowed)
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


# --- the leavers list for the RMC ---------------------------------------------------------


@dataclass(frozen=True)
class LeaversResult:
    path: Path
    named: int
    counted: int


LEAVERS_HEADER = (
    "Leerlingnummer",
    "Naam",
    "Geboortedatum",
    "Woongemeente",
    "Uitstroomprofiel",
    "Uitstroomdatum",
    "Bestemming",
    "Plaats",
    "Grondslag",
)


def _leavers(session: Session, year: int) -> list[Student]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    stmt = (
        select(Student)
        .where(
            or_(
                Student.actual_outflow_date.between(start, end),
                Student.actual_outflow_date.is_(None)
                & Student.planned_outflow_date.between(start, end),
            )
        )
        .order_by(Student.surname, Student.first_name, Student.id)
    )
    return list(session.scalars(stmt))


def _in_region(session: Session, student: Student, region: Organisation) -> bool:
    municipality = municipality_of(session, student)
    return municipality is not None and municipality.rmc_region_id == region.id


def export_leavers(
    session: Session,
    actor,
    year: int,
    recipient_ref: int | str,
    out_path: str | Path,
    *,
    at: date | None = None,
) -> LeaversResult:
    """The region's leavers of `year` with destination, CSV or XLSX; named only where the
    gate allows the path scope, the others only as counts per destination."""
    require_export(actor)
    if not 2000 <= year <= 2100:
        raise ConsentRefusedError(f"{year} is geen bruikbaar jaar.")
    target = Path(out_path)
    if target.suffix.lower() not in (".csv", ".xlsx"):
        raise ConsentRefusedError("Kies een bestandsnaam die eindigt op .csv of .xlsx.")
    region = (
        find_recipient(session, str(recipient_ref))
        if not isinstance(recipient_ref, int)
        else session.get(Organisation, recipient_ref)
    )
    if region is None:
        raise NotFoundError(f"Er is geen organisatie met code '{recipient_ref}'.")
    if region.kind is not OrganisationKind.RMC:
        raise ConsentRefusedError(
            f"De lijst van vertrekkers gaat alleen naar een RMC-regio / Doorstroompunt, "
            f"niet naar {region.name}."
        )
    at = at or today()
    rows: list[list[object]] = []
    hidden: Counter[str] = Counter()
    named_logs = []
    for student in _leavers(session, year):
        if not _in_region(session, student, region):
            continue
        check = check_all(
            session,
            student,
            region,
            at,
            (ConsentScope.PATH,),
            document=FlowDocument.LEAVERS_LIST,
        )
        path = session.scalars(
            select(TransitionPath).where(TransitionPath.student_id == student.id)
        ).first()
        destination = (
            label(DESTINATION, path.destination) if path and path.destination else "Onbekend"
        )
        if ConsentScope.PATH not in check.allowed:
            hidden[destination] += 1
            continue
        rows.append(
            [
                student.las_key or "",
                student.full_name,
                student.birth_date,
                student.municipality or "",
                label(OUTFLOW_PROFILE, student.outflow_profile),
                student.actual_outflow_date or student.planned_outflow_date,
                destination,
                (path.destination_place or "") if path else "",
                check.basis_text(),
            ]
        )
        named_logs.append((student.id, check))
    if not rows and not hidden:
        raise ConsentRefusedError(
            f"Er zijn in {year} geen vertrekkers uit gemeenten van {region.name}."
        )
    if hidden:
        rows.append([""] * len(LEAVERS_HEADER))
        rows.append(
            ["", "Niet op naam (geen toestemming of grondslag): aantallen per bestemming"]
            + [""] * (len(LEAVERS_HEADER) - 2)
        )
        for destination, count in sorted(hidden.items()):
            rows.append(["", f"{destination}: {count}"] + [""] * (len(LEAVERS_HEADER) - 2))
    for student_id, check in named_logs:
        _log(session, actor, "vertrekkerslijst", student_id, region.id, check, check.allowed)
    summary = _log(session, actor, "vertrekkerslijst (aantallen)", None, region.id, None)
    summary.basis = f"{len(named_logs)} op naam, {sum(hidden.values())} als aantal"
    if target.suffix.lower() == ".csv":
        tabular.write_csv(LEAVERS_HEADER, rows, target)
    else:
        tabular.write_xlsx(LEAVERS_HEADER, rows, target, sheet=f"Vertrekkers {year}")
    return LeaversResult(target, len(named_logs), sum(hidden.values()))


# --- the batch export ---------------------------------------------------------------------


@dataclass(frozen=True)
class BatchJob:
    student_id: int
    organisation_id: int
    student_name: str
    recipient: str
    file_name: str


@dataclass
class BatchPlan:
    year: int
    jobs: list[BatchJob] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (student, reason)


def plan_batch(session: Session, actor, year: int) -> BatchPlan:
    """All leavers of `year` to their municipality of residence; who cannot go and why."""
    require_export(actor)
    plan = BatchPlan(year)
    by_name: dict[str, Organisation] = {}
    for org in session.scalars(
        select(Organisation).where(Organisation.kind == OrganisationKind.MUNICIPALITY)
    ):
        by_name.setdefault(org.name.lower(), org)
        by_name.setdefault(f"gemeente {org.name}".lower(), org)
    for student in _leavers(session, year):
        name = (student.municipality or "").strip().lower()
        municipality = by_name.get(name) or by_name.get(f"gemeente {name}")
        if municipality is None:
            where = student.municipality or "onbekend"
            plan.left_out.append(
                (student.full_name, f"Woongemeente {where} staat niet in het netwerk.")
            )
            continue
        key = student.las_key or f"id{student.id}"
        plan.jobs.append(
            BatchJob(
                student.id,
                municipality.id,
                student.full_name,
                municipality.name,
                f"overdracht_{key}_{municipality.code}.pdf",
            )
        )
    return plan


@dataclass
class BatchOutcome:
    written: list[Path] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False


def run_batch(
    store,
    actor,
    plan: BatchPlan,
    folder: str | Path,
    *,
    on_progress=None,
    cancelled=None,
    at: date | None = None,
) -> BatchOutcome:
    """Writes one report per job, each in its own transaction, so a refusal or error for
    one student leaves the others; `cancelled()` is asked between reports."""
    from app.core.errors import KoersError

    outcome = BatchOutcome(left_out=list(plan.left_out))
    target = Path(folder)
    for done, job in enumerate(plan.jobs, start=1):
        if cancelled is not None and cancelled():
            outcome.cancelled = True
            outcome.left_out += [
                (j.student_name, "Niet gemaakt: de uitvoer is afgebroken.")
                for j in plan.jobs[done - 1 :]
            ]
            break
        try:
            result = store.run(
                export_report,
                actor,
                job.student_id,
                job.organisation_id,
                target / job.file_name,
                at=at,
            )
            outcome.written.append(result.path)
        except KoersError as exc:
            outcome.left_out.append((job.student_name, exc.message))
        if on_progress is not None:
            on_progress(done, len(plan.jobs))
    return outcome


@dataclass(frozen=True)
class RecipientChoice:
    id: int
    label: str


def recipient_choices(
    session: Session, actor, student_id: int
) -> tuple[list[RecipientChoice], int | None]:
    """Every active organisation, and the default one for this student (municipality)."""
    from app.services.network.organisations import default_recipients

    student = _student(session, student_id)
    require_student_access(actor, student)
    orgs = session.scalars(
        select(Organisation)
        .where(Organisation.active.is_(True))
        .order_by(Organisation.kind, Organisation.name)
    )
    choices = [RecipientChoice(o.id, f"{recipient_label(o)} ({o.code})") for o in orgs]
    defaults = default_recipients(session, student)
    return choices, defaults[0].id if defaults else None
