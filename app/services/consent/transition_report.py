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
    PathPhase,
    Phase,
    ProfileAssessment,
    SignalKind,
    Student,
    TransitionPath,
    User,
)
from app.services.common.labels import (
    CALL_ACTION,
    CHANNEL,
    CONSENT_SCOPE_SHORT,
    DESTINATION,
    INSTRUMENT_KIND,
    INSTRUMENT_STATUS,
    INTERNSHIP_STATUS,
    INTERNSHIP_TYPE,
    OUTFLOW_PROFILE,
    PATH_EVENT_KIND,
    PHASE,
    SIGNAL_KIND,
    STILL,
    label,
    outcome_label,
)
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
    return ProfileSection(
        assessed_on=format_date(latest.assessed_on) if latest else "",
        denken=(latest.denken_text or "") if latest else "",
        doen=(latest.doen_text or "") if latest else "",
        willen=(latest.willen_text or "") if latest else "",
        zijn=(latest.zijn_text or "") if latest else "",
        wish_job=(latest.wish_job or "") if latest else "",
        chance_job=(latest.chance_job or "") if latest else "",
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


def path_section(session: Session, student: Student) -> PathSection:
    path = session.scalars(
        select(TransitionPath).where(TransitionPath.student_id == student.id)
    ).first()
    phases = (
        list(
            session.scalars(
                select(PathPhase)
                .where(PathPhase.path_id == path.id)
                .order_by(PathPhase.start_date, PathPhase.id)
            )
        )
        if path
        else []
    )
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
    lead_text = ", ".join(x for x in (lead.lead_name, lead.lead_organisation) if x) if lead else ""
    instruments = sorted(
        path.instruments if path else [], key=lambda i: (i.start_date or date.min, i.id)
    )
    return PathSection(
        outflow_profile=label(OUTFLOW_PROFILE, student.outflow_profile) or "—",
        destination=label(DESTINATION, path.destination) if path and path.destination else "—",
        destination_place=(path.destination_place or "") if path else "",
        destination_date=format_date(path.destination_date) if path else "",
        lead_after_school=lead_text or "—",
        phases=[
            (
                label(PHASE, p.phase),
                _period(p.start_date, p.end_date),
                ", ".join(x for x in (p.lead_name, p.lead_organisation) if x) or "—",
            )
            for p in phases
        ],
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
) -> TransitionReport:
    """The report for `recipient` holding only the `allowed` scopes."""
    mentor = session.get(User, student.mentor_id) if student.mentor_id else None
    contact = made_by + " (uitstroomcoördinator)"
    if mentor is not None:
        contact += f"; mentor {mentor.display_name}"
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
        leaving_date=format_date(student.actual_outflow_date or student.planned_outflow_date)
        or "—",
        recipient=recipient_label(recipient),
        school_contact=contact,
        made_on=format_date(made_on),
        made_by=made_by,
        basis_lines=basis_lines,
        left_out=[CONSENT_SCOPE_SHORT[s] for s in SECTIONS if s not in allowed],
        **sections,
    )
