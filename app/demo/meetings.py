"""The demo school's outflow meetings: an uitstroomoverleg over a year ago (its case now
archived), one two months ago with minutes, open and overdue actions and a bottleneck, and
an upcoming one with submissions; the cases spread over the active and follow lists."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.dates import age_on
from app.core.validation import today
from app.models import (
    Consent,
    ConsentForm,
    ConsentScope,
    Guardian,
    GuardianRelation,
    LegalRepresentation,
    ListKind,
    Organisation,
    OrganisationContact,
    OrganisationKind,
    Student,
)
from app.services.common.actor import Actor
from app.services.common.school_settings import school_settings
from app.services.meetings import actions, bottlenecks, recording
from app.services.meetings.planning import MeetingInput, ParticipantInput, save_meeting
from app.services.meetings.submissions import SubmissionInput, submit

QUESTIONS = [
    "Wie helpt bij het vinden van een baan met loonkostensubsidie?",
    "Welke dagbesteding past, nu de zorgaanbieder een wachtlijst heeft?",
    "Kan de jongere een bbl-plek krijgen met jobcoach?",
    "Hoe regelen we vervoer naar een werkplek buiten de gemeente?",
    "Wie neemt de regie als de stage na de zomer stopt?",
    "Is beschut werk mogelijk, en wie vraagt de indicatie aan?",
    "Hoe houden we contact nu de jongere thuis zit?",
]


def _thursday(day: date) -> date:
    return day + timedelta(days=(3 - day.weekday()) % 7)


def _contacts(session: Session) -> dict[OrganisationKind, list[OrganisationContact]]:
    found: dict[OrganisationKind, list[OrganisationContact]] = {}
    for contact, kind in session.execute(
        select(OrganisationContact, Organisation.kind)
        .join(Organisation, Organisation.id == OrganisationContact.organisation_id)
        .order_by(OrganisationContact.id)
    ):
        found.setdefault(kind, []).append(contact)
    return found


def _consent(session: Session, actor: Actor, student: Student, host_id: int, on: date) -> None:
    """Seed 003's consent to be discussed at the table, given before the submission."""
    limit = school_settings(session).consent_age
    age = age_on(student.birth_date, on)
    guardian = None
    if age is None or age < limit:
        guardian = (
            session.scalars(select(Guardian.name).where(Guardian.student_id == student.id)).first()
            or "ouder"
        )
    representative = None
    if student.legal_representation is not LegalRepresentation.NONE:
        representative = (
            session.scalars(
                select(Guardian.name).where(
                    Guardian.student_id == student.id,
                    Guardian.relation.in_(
                        (GuardianRelation.CURATOR, GuardianRelation.MENTOR_LEGAL)
                    ),
                )
            ).first()
            or "wettelijk vertegenwoordiger"
        )
    session.add(
        Consent(
            student_id=student.id,
            organisation_id=host_id,
            scopes=ConsentScope.MEETING.value,
            given_by_student=True,
            given_by_guardian=guardian,
            given_by_representative=representative,
            given_on=on,
            form=ConsentForm.PAPER,
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
        )
    )
    session.flush()


def generate(session: Session, actor: Actor, rng: random.Random) -> None:
    now = today()
    contacts = _contacts(session)
    if not contacts.get(OrganisationKind.RMC) or not contacts.get(OrganisationKind.MUNICIPALITY):
        return
    rmc = contacts[OrganisationKind.RMC][0]
    municipal = contacts[OrganisationKind.MUNICIPALITY][0]
    table = [rmc, municipal]
    for kind in (OrganisationKind.UWV, OrganisationKind.CARE, OrganisationKind.EDUCATION):
        table += contacts.get(kind, [])[:1]
    students = list(
        session.scalars(
            select(Student)
            .where(Student.archived.is_(False))
            .order_by(Student.surname, Student.first_name)
        )
    )
    if len(students) < 9:
        return
    # The student a new user opens first has a history at the table.
    chosen = [students[0], *rng.sample(students[1:], 8)]
    for student in chosen:
        _consent(session, actor, student, rmc.organisation_id, now - timedelta(days=600))

    def meeting(day: date, *, unsigned: int = 0) -> int:
        participants = [
            ParticipantInput(c.organisation_id, c.id, None if n >= len(table) - unsigned else day)
            for n, c in enumerate(table)
        ]
        data = MeetingInput(
            kind="uitstroomoverleg",
            held_on=day,
            place="Vergaderkamer De Horizon",
            starts_at="14:00",
            host_organisation_id=rmc.organisation_id,
            chair_contact_id=rmc.id,
            secretary_contact_id=municipal.id,
            participants=participants,
        )
        return save_meeting(session, actor, data)

    def submitted(meeting_id: int, student: Student, on: date, question: str) -> int:
        result = submit(
            session,
            actor,
            meeting_id,
            SubmissionInput(student.id, question, None, actor.display_name),
            on=on,
        )
        return result.case_id

    def decide(meeting_id, case_id, lead, list_kind, note=""):
        recording.record_case(
            session, actor, meeting_id, case_id, recording.CaseRecord(note, lead.id, list_kind)
        )

    # Over a year ago: one case, settled, now archived (1 October after the year after).
    old_day = _thursday(now - timedelta(days=430))
    old = meeting(old_day)
    archived = submitted(old, chosen[8], old_day - timedelta(days=10), QUESTIONS[6])
    decide(old, archived, municipal, ListKind.FOLLOW, "Werkt bij een hovenier; in beeld houden.")
    recording.save_minutes(session, actor, old, "Kennismaking met de nieuwe partners.", old_day)

    # Two months ago: four new cases, two on each list, actions (one overdue) and a bottleneck.
    past_day = _thursday(now - timedelta(days=60))
    past = meeting(past_day)
    cases = []
    for n, student in enumerate(chosen[:4]):
        cases.append(submitted(past, student, past_day - timedelta(days=9), QUESTIONS[n]))
    leads = [municipal, rmc, *table[2:], rmc]
    notes = [
        "De klantmanager zoekt een werkgever; proefplaatsing in overleg met UWV.",
        "Plan is rond: dagbesteding start na de zomer. Op de volglijst.",
        "Bbl-plek bij een installatiebedrijf in beeld; jobcoach aanvragen.",
        "Stage loopt goed; contract in zicht. Op de volglijst.",
    ]
    for n, case_id in enumerate(cases):
        list_kind = ListKind.FOLLOW if n % 2 else ListKind.ACTIVE
        decide(past, case_id, leads[n], list_kind, notes[n])
    first_action = actions.add_action(
        session,
        actor,
        cases[0],
        actions.ActionInput(
            "Werkgever benaderen voor een proefplaatsing",
            None,
            municipal.id,
            past_day + timedelta(days=21),
        ),
        past,
    )
    actions.add_action(
        session,
        actor,
        cases[0],
        actions.ActionInput(
            "Indicatie banenafspraak controleren", actor.user_id, None, now + timedelta(days=10)
        ),
        past,
    )
    done = actions.add_action(
        session,
        actor,
        cases[2],
        actions.ActionInput(
            "Jobcoach aanvragen bij UWV", None, table[2].id, past_day + timedelta(days=14)
        ),
        past,
    )
    actions.set_done(session, actor, done, past_day + timedelta(days=12))
    del first_action  # stays open past its date: flagged on the next agenda
    category = bottlenecks.categories(session)[1]
    bottlenecks.add_bottleneck(
        session,
        actor,
        past,
        category.id,
        "Wachtlijst van zes maanden voor dagbesteding in de regio.",
        "Samenwerkingsverband en gemeente bespreken extra plekken.",
    )
    recording.save_minutes(
        session, actor, past, "Welkom aan de nieuwe consulent van het Doorstroompunt.", past_day
    )

    # Coming up: two new submissions; one partner has not signed the declaration yet.
    next_day = _thursday(now + timedelta(days=14))
    upcoming = meeting(next_day, unsigned=1)
    for n, student in enumerate(chosen[4:6]):
        submitted(upcoming, student, now, QUESTIONS[4 + n])
