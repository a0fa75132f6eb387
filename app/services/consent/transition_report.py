"""Gathering the transition report (overdrachtsdossier) from the current models.

All reading for the report happens here, one function per section, so a section can grow
as the profile, path, internships, conversations and aftercare areas grow. A section is
read only when its scope is allowed: what may not leave is never even loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.validation import format_date
from app.export.transition_report import (
    AftercareLine,
    AgreementLine,
    InternshipLine,
    PathSection,
    ProfileSection,
    TransitionReport,
)
from app.models import (
    AftercareCall,
    AftercareSignal,
    Agreement,
    CallAction,
    Channel,
    ConsentScope,
    Conversation,
    ConversationStatus,
    Employer,
    Internship,
    InternshipStatus,
    KeyDecision,
    Organisation,
    OrganisationKind,
    PathEvent,
    PathEventKind,
    Phase,
    ProfileAssessment,
    SignalKind,
    Student,
    TransitionPath,
    User,
)
from app.services.common.labels import (
    CALL_ACTION,
    CHANCE_JOB,
    CHANNEL,
    CONSENT_SCOPE_SHORT,
    DESTINATION,
    FACTOR,
    INSTRUMENT_KIND,
    INSTRUMENT_STATUS,
    INTERNSHIP_STATUS,
    INTERNSHIP_TYPE,
    OUTFLOW_PROFILE,
    PATH_EVENT_KIND,
    PHASE,
    SIGNAL_KIND,
    STILL,
    WISH_JOB,
    label,
    outcome_label,
)
from app.services.common.school_settings import school_settings
from app.services.path.as_it_runs import PhasePeriod, current_period, phases_as_they_run
from app.services.profile.decisions import ParticipantInput, participants_text


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "—"
    return f"{format_date(start) or '?'} – {format_date(end) or 'heden'}"


def _lookup(mapping: dict, enum, value: str | None) -> str:
    """A stored enum value (a plain string column) in Dutch; an unknown one as typed."""
    if not value:
        return ""
    try:
        return mapping[enum(value)]
    except ValueError:
        return value


def profile_section(session: Session, student: Student) -> ProfileSection:
    latest = session.scalars(
        select(ProfileAssessment)
        .where(ProfileAssessment.student_id == student.id)
        .order_by(ProfileAssessment.assessed_on.desc(), ProfileAssessment.id.desc())
        .limit(1)
    ).first()
    decisions = session.scalars(
        select(KeyDecision)
        .where(KeyDecision.student_id == student.id)
        .options(selectinload(KeyDecision.participants))
        .order_by(KeyDecision.decided_on, KeyDecision.id)
    )
    texts = [
        (FACTOR[f], (getattr(latest, f"{f.value}_text") or "") if latest else "") for f in FACTOR
    ]
    return ProfileSection(
        assessed_on=format_date(latest.assessed_on) if latest else "",
        rows=[
            *texts,
            (WISH_JOB, (latest.wish_job or "") if latest else ""),
            (CHANCE_JOB, (latest.chance_job or "") if latest else ""),
        ],
        key_decisions=[
            (
                format_date(d.decided_on),
                d.decision,
                participants_text(
                    [ParticipantInput(p.role.value, p.name or "", p.agreed) for p in d.participants]
                )
                or "—",
            )
            for d in decisions
        ],
    )


def internship_lines(session: Session, student: Student) -> list[InternshipLine]:
    rows = session.execute(
        select(Internship, Employer.name)
        .join(Employer, Employer.id == Internship.employer_id)
        .where(Internship.student_id == student.id)
        .order_by(Internship.start_date, Internship.id)
    ).all()
    lines = []
    for internship, employer in rows:
        parts = [outcome_label(internship.outcome)]
        if internship.outcome_note:
            parts.append(internship.outcome_note)
        if internship.status is InternshipStatus.BROKEN_OFF or internship.broken_off_on:
            when = (
                f" op {format_date(internship.broken_off_on)}" if internship.broken_off_on else ""
            )
            why = f": {internship.broken_off_reason}" if internship.broken_off_reason else ""
            parts.append(f"Afgebroken{when}{why}")
        end = internship.broken_off_on or internship.end_date
        lines.append(
            InternshipLine(
                kind=label(INTERNSHIP_TYPE, internship.kind),
                employer=employer,
                period=_period(internship.start_date, end),
                status=label(INTERNSHIP_STATUS, internship.status),
                outcome=". ".join(p.rstrip(".") for p in parts if p),
            )
        )
    return lines


def _event_text(event: PathEvent) -> str:
    """'Bestemming: Regulier werk (Groenbedrijf Maasdal)', 'Nieuwe fase: nazorg', ..."""
    kind = PathEventKind(event.kind)
    text_value = label(PATH_EVENT_KIND, kind)
    if kind is PathEventKind.HANDOVER and event.phase:
        return f"{text_value} vanuit {label(PHASE, event.phase).lower()}"
    if kind is PathEventKind.PHASE_STARTED and event.phase:
        return f"{text_value}: {label(PHASE, event.phase).lower()}"
    if event.destination:
        where = label(DESTINATION, event.destination)
        text_value += f" uit {where}" if kind is PathEventKind.FALL_BACK else f": {where}"
    return text_value + (f" ({event.place})" if event.place else "")


def _phase_period(p: PhasePeriod) -> str:
    """'01-09-2025 – 30-06-2026'; while it runs '01-09-2025 – heden (gepland tot 30-06-2026)'."""
    planned = f" (gepland tot {format_date(p.planned_end)})" if p.planned_end and not p.end else ""
    return _period(p.start, p.end) + planned


def path_section(session: Session, student: Student) -> PathSection:
    path = session.scalars(
        select(TransitionPath).where(TransitionPath.student_id == student.id)
    ).first()
    # The phases as they run today: a running transition internship counts (as_it_runs).
    phases = phases_as_they_run(session, path) if path else []
    events = (
        list(
            session.scalars(
                select(PathEvent)
                .where(PathEvent.path_id == path.id)
                .order_by(PathEvent.happened_on, PathEvent.id)
            )
        )
        if path
        else []
    )
    after = [p for p in phases if p.phase in (Phase.AFTERCARE, Phase.OUTFLOW)]
    lead = (after or phases)[-1] if phases else None
    current = current_period(phases)
    instruments = sorted(
        path.instruments if path else [], key=lambda i: (i.start_date or date.min, i.id)
    )
    return PathSection(
        outflow_profile=label(OUTFLOW_PROFILE, student.outflow_profile) or "—",
        current_phase=f"{label(PHASE, current.phase)}, {_phase_period(current)}"
        if current
        else "—",
        destination=label(DESTINATION, path.destination) if path and path.destination else "—",
        destination_place=(path.destination_place or "") if path else "",
        destination_date=format_date(path.destination_date) if path else "",
        lead_after_school=(lead.lead if lead else "") or "—",
        phases=[(label(PHASE, p.phase), _phase_period(p), p.lead or "—") for p in phases],
        instruments=[
            (
                label(INSTRUMENT_KIND, i.kind) + (f" ({i.note})" if i.note else ""),
                label(INSTRUMENT_STATUS, i.status),
                _period(i.start_date, i.end_date),
            )
            for i in instruments
        ],
        events=[(format_date(e.happened_on), _event_text(e), e.reason or "") for e in events],
    )


def agreement_lines(session: Session, student: Student) -> list[AgreementLine]:
    rows = session.execute(
        select(Agreement, Conversation.held_at)
        .join(Conversation, Conversation.id == Agreement.conversation_id)
        .where(
            Conversation.student_id == student.id,
            Conversation.status == ConversationStatus.HELD,
            Agreement.done_on.is_(None),
        )
        .order_by(Agreement.due_date, Agreement.id)
    ).all()
    return [
        AgreementLine(a.what, a.who, format_date(a.due_date), format_date(held.date()))
        for a, held in rows
    ]


def aftercare_lines(session: Session, student: Student) -> list[AftercareLine]:
    calls = list(
        session.scalars(
            select(AftercareCall)
            .where(AftercareCall.student_id == student.id, AftercareCall.made_on.is_not(None))
            .order_by(AftercareCall.made_on, AftercareCall.id)
        )
    )
    raised: dict[int, list[SignalKind]] = {}
    for signal in session.scalars(
        select(AftercareSignal)
        .where(AftercareSignal.student_id == student.id, AftercareSignal.call_id.is_not(None))
        .order_by(AftercareSignal.id)
    ):
        raised.setdefault(signal.call_id, []).append(signal.kind)
    lines = []
    for c in calls:
        # The signals named at the call, and those raised from it (three times unreachable).
        kinds = [s for s in (c.signals or "").split(",") if s] + [
            k.value for k in raised.get(c.id, [])
        ]
        signals = ", ".join(_lookup(SIGNAL_KIND, SignalKind, k) for k in dict.fromkeys(kinds))
        how = _lookup(CHANNEL, Channel, c.channel)
        reached = {True: "bereikt", False: "niet bereikt"}.get(c.reached, "")
        action = _lookup(CALL_ACTION, CallAction, c.action) if c.action != "geen" else ""
        lines.append(
            AftercareLine(
                made_on=format_date(c.made_on),
                reached=", ".join(x for x in (how, reached) if x) or "—",
                still=label(STILL, c.still_at_destination) or "—",
                signals=signals,
                action=". ".join(x.rstrip(".") for x in (action, c.note or "") if x),
            )
        )
    return lines


# One reader per scope; a new area adds its reader here.
SECTIONS: dict[ConsentScope, tuple[str, Callable[[Session, Student], object]]] = {
    ConsentScope.PROFILE: ("profile", profile_section),
    ConsentScope.INTERNSHIPS: ("internships", internship_lines),
    ConsentScope.PATH: ("path", path_section),
    ConsentScope.CONVERSATIONS: ("agreements", agreement_lines),
    ConsentScope.AFTERCARE: ("aftercare", aftercare_lines),
}


def recipient_label(org: Organisation) -> str:
    """'Gemeente Venlo', 'RMC Noord-Limburg / Doorstroompunt Noord-Limburg', 'UWV Venlo'."""
    name = org.name
    if org.kind is OrganisationKind.MUNICIPALITY and not name.lower().startswith("gemeente"):
        name = f"Gemeente {name}"
    return name + (f" / {org.alt_name}" if org.alt_name else "")


def _leaving_date(student: Student) -> str:
    """The date the student left, or the planned one, said to be planned."""
    if student.actual_outflow_date:
        return format_date(student.actual_outflow_date)
    if student.planned_outflow_date:
        return f"{format_date(student.planned_outflow_date)} (gepland)"
    return "—"


def _person(name: str, role: str, user: User | None) -> str:
    """'Ingrid Peeters (uitstroomcoördinator, i.peeters@school.nl)'."""
    email = user.email if user is not None and user.email else ""
    return f"{name} ({', '.join(x for x in (role, email) if x)})"


def gather(
    session: Session,
    student: Student,
    recipient: Organisation,
    allowed: frozenset[ConsentScope],
    *,
    school_name: str,
    made_by: str,
    made_on: date,
    basis_lines: list[str],
    made_by_id: int | None = None,
) -> TransitionReport:
    """The report for `recipient` holding only the `allowed` scopes.

    The school contact says how to reach the school: the maker and the mentor with their
    e-mail, and the school's phone and e-mail from the school settings.
    """
    maker = session.get(User, made_by_id) if made_by_id else None
    mentor = session.get(User, student.mentor_id) if student.mentor_id else None
    contact = _person(made_by, "uitstroomcoördinator", maker)
    if mentor is not None and mentor.id != made_by_id:
        contact += "; " + _person(mentor.display_name, "mentor", mentor)
    school = school_settings(session)
    sections = {
        attr: reader(session, student)
        for scope, (attr, reader) in SECTIONS.items()
        if scope in allowed
    }
    return TransitionReport(
        school_name=school_name,
        student_name=student.full_name,
        birth_date=format_date(student.birth_date) or "—",
        las_key=student.las_key or "—",
        municipality=student.municipality or "—",
        leaving_date=_leaving_date(student),
        recipient=recipient_label(recipient),
        school_contact=contact,
        school_phone=school.phone or "—",
        school_email=school.email or "—",
        made_on=format_date(made_on),
        made_by=made_by,
        basis_lines=basis_lines,
        left_out=[CONSENT_SCOPE_SHORT[s] for s in SECTIONS if s not in allowed],
        **sections,
    )
