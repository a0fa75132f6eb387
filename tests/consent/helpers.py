"""Building a student whose every report section carries a recognisable marker."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from app.models import (
    AftercareCall,
    AftercareSignal,
    Agreement,
    CallAction,
    Channel,
    ConsentScope,
    Conversation,
    ConversationType,
    DecisionParticipant,
    DecisionRole,
    Destination,
    Employer,
    Guardian,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Internship,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
    KeyDecision,
    LegalRepresentation,
    Organisation,
    OrganisationKind,
    OutflowProfile,
    PathEvent,
    PathEventKind,
    PathPhase,
    Phase,
    ProfileAssessment,
    SignalKind,
    Still,
    Student,
    TransitionPath,
)
from app.services.consent.register import ConsentInput

# A marker per scope; a refused scope's marker must never appear in an exported file.
MARKERS = {
    ConsentScope.PROFILE: "Zorgvuldigwerker",
    ConsentScope.INTERNSHIPS: "Bloemenkwekerij Zonnedauw",
    ConsentScope.CONVERSATIONS: "Fietsroute oefenen",
    ConsentScope.PATH: "Groenbedrijf Maasdal",
    ConsentScope.AFTERCARE: "Verhuisd naar Tegelen",
}
PDF = b"%PDF-1.4\n% scan\n"


def organisations(session: Session) -> dict[str, Organisation]:
    rmc = Organisation(
        code="RMC-NL",
        name="RMC Noord-Limburg",
        alt_name="Doorstroompunt Noord-Limburg",
        kind=OrganisationKind.RMC,
    )
    session.add(rmc)
    session.flush()
    venlo = Organisation(
        code="VENLO", name="Venlo", kind=OrganisationKind.MUNICIPALITY, rmc_region_id=rmc.id
    )
    uwv = Organisation(code="UWV", name="UWV Venlo", kind=OrganisationKind.UWV)
    session.add_all([venlo, uwv])
    session.flush()
    return {"rmc": rmc, "venlo": venlo, "uwv": uwv}


def full_student(
    session: Session,
    *,
    las_key: str,
    birth_date: date | None = date(2007, 3, 1),
    representation: LegalRepresentation = LegalRepresentation.NONE,
    leaving: date = date(2026, 7, 10),
) -> Student:
    student = Student(
        las_key=las_key,
        first_name="Noémie",
        surname="Ozturk",
        birth_date=birth_date,
        municipality="Venlo",
        outflow_profile=OutflowProfile.ARBEIDSMARKT,
        legal_representation=representation,
        planned_outflow_date=leaving,
    )
    session.add(student)
    session.flush()
    session.add(Guardian(student_id=student.id, name="Fatma Ozturk"))
    session.add(
        ProfileAssessment(
            student_id=student.id,
            assessed_on=date(2026, 2, 1),
            denken_text="Leert het best door te doen.",
            doen_text=f"{MARKERS[ConsentScope.PROFILE]} met oog voor detail.",
            willen_text="Wil buiten werken.",
            zijn_text="Rustig en betrouwbaar.",
            wish_job="Hovenier",
            chance_job="Medewerker groen",
        )
    )
    session.add(
        KeyDecision(
            student_id=student.id,
            decided_on=date(2026, 1, 10),
            decision="Kiest voor groen.",
            participants=[
                DecisionParticipant(role=DecisionRole.STUDENT, agreed=True),
                DecisionParticipant(role=DecisionRole.PARENT, name="Fatma Ozturk", agreed=False),
            ],
        )
    )
    employer = Employer(name=MARKERS[ConsentScope.INTERNSHIPS])
    session.add(employer)
    session.flush()
    session.add(
        Internship(
            student_id=student.id,
            employer_id=employer.id,
            kind=InternshipType.TRANSITIE,
            start_date=date(2025, 9, 1),
            end_date=date(2026, 6, 30),
            status=InternshipStatus.COMPLETED,
            outcome=InternshipOutcome.CONTRACT_OFFERED.value,
            outcome_note="Vanaf augustus 24 uur per week",
        )
    )
    path = TransitionPath(
        student_id=student.id,
        current_phase=Phase.AFTERCARE,
        destination=Destination.REGULAR_WORK,
        destination_place=MARKERS[ConsentScope.PATH],
        destination_date=date(2026, 8, 1),
    )
    session.add(path)
    session.flush()
    session.add(
        PathPhase(
            path_id=path.id,
            phase=Phase.AFTERCARE,
            start_date=date(2026, 7, 11),
            lead_name="Jobcoach Anouk",
            lead_organisation="Gemeente Venlo",
        )
    )
    session.add_all(
        [
            PathEvent(
                path_id=path.id,
                kind=PathEventKind.HANDOVER,
                happened_on=date(2026, 7, 10),
                phase=Phase.OUTFLOW,
                reason="Warm overgedragen aan de jobcoach",
            ),
            PathEvent(
                path_id=path.id,
                kind=PathEventKind.DESTINATION_SET,
                happened_on=date(2026, 8, 1),
                destination=Destination.REGULAR_WORK,
                place=MARKERS[ConsentScope.PATH],
            ),
        ]
    )
    session.add(
        Instrument(
            path_id=path.id,
            kind=InstrumentKind.WAGE_SUBSIDY,
            status=InstrumentStatus.REQUESTED,
            start_date=date(2026, 8, 1),
        )
    )
    conversation = Conversation(
        student_id=student.id,
        kind=ConversationType.TRANSITIE_1,
        held_at=datetime(2026, 3, 2, 10, 0),
    )
    session.add(conversation)
    session.flush()
    session.add(
        Agreement(
            conversation_id=conversation.id,
            what=MARKERS[ConsentScope.CONVERSATIONS],
            who="Mentor",
            due_date=date(2026, 9, 1),
        )
    )
    call = AftercareCall(
        student_id=student.id,
        due_date=date(2026, 10, 1),
        made_on=date(2026, 10, 2),
        reached=True,
        channel=Channel.PHONE.value,
        still_at_destination=Still.SAME,
        signals=SignalKind.HOUSING.value,
        action=CallAction.JOB_COACH.value,
        note=MARKERS[ConsentScope.AFTERCARE],
    )
    session.add(call)
    session.flush()
    session.add(
        AftercareSignal(
            student_id=student.id,
            call_id=call.id,
            kind=SignalKind.HOUSING,
            raised_on=date(2026, 10, 2),
        )
    )
    session.flush()
    return student


def consent_input(org_id: int, scopes=tuple(ConsentScope), **kw) -> ConsentInput:
    values = dict(
        organisation_id=org_id,
        scopes=[s.value for s in scopes],
        given_by_student=True,
        given_by_guardian="Fatma Ozturk",
        given_on="01-03-2026",
        form="papier",
        attachment=PDF,
        attachment_name="toestemming.pdf",
    )
    values.update(kw)
    return ConsentInput(**values)


def pdf_text(path) -> str:
    import subprocess

    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(raw.split())
