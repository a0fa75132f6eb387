"""Demo conversations: every kind, with participants, agreements (some done, some overdue)
and planned follow-ups, for part of the demo cohort. Generated texts; no real people."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import today
from app.demo import stories
from app.models import (
    Agreement,
    ConsentAnswer,
    Conversation,
    ConversationStatus,
    ConversationType,
    Guardian,
    OutflowProfile,
    Participant,
    ParticipantRole,
    Student,
    User,
)
from app.services.common.actor import Actor
from app.services.conversations.planning import propose_follow_up

T = ConversationType
R = ParticipantRole

WORK_MATCHERS = ["Ruud Hendriks", "Sandra Koster", "Erik Mulder"]
RMC_CONSULTANTS = ["Nicole Verhoeven", "Hakim Bouzid", "Petra Smeets"]
JOB_COACHES = ["Wendy Janssen (Jobcoach Limburg)", "Tom Peters (WerkSaam)"]
INTERPRETERS = ["Yasmina Amrani"]
NEIGHBOURHOOD = ["Linda Vos"]

ADVICE = {
    OutflowProfile.ARBEIDSMARKT: (
        "{name} werkt graag met de handen en is betrouwbaar. Wij raden een transitiestage aan "
        "bij een werkgever in de buurt, met de kans op een baan."
    ),
    OutflowProfile.DAGBESTEDING: (
        "{name} heeft structuur en vaste begeleiders nodig. Wij raden dagbesteding aan met "
        "werk in een kleine groep, bijvoorbeeld in een zorgboerderij."
    ),
    OutflowProfile.VERVOLGONDERWIJS: (
        "{name} wil verder leren en kan dat ook. Wij raden de Entree-opleiding aan, met extra "
        "hulp bij het plannen."
    ),
}
SUMMARIES = [
    "{name} vertelde over de stage. Het gaat goed. Soms is de reistijd lang.",
    # The sector is the student's own (`app.demo.stories`).
    "We hebben gepraat over wat {name} na school wil. Werk in de sector {sector} spreekt het "
    "meest aan.",
    "De ouders maken zich zorgen over het reizen. We hebben besproken hoe {name} kan oefenen.",
    "{name} is trots op het werk. De werkgever is tevreden en wil graag verder.",
]
AGREEMENTS = [
    ("Mentor", "Vraagt bij de werkgever na of een contract mogelijk is"),
    ("School", "Stuurt het stageverslag naar de ouders"),
    ("Ouders", "Maken een afspraak bij het wijkteam"),
    ("Leerling", "Oefent de busreis naar de stage twee keer met begeleiding"),
    ("Coördinator", "Vraagt een jobcoach aan bij de gemeente"),
    ("Werkmatcher", "Zoekt uit of een indicatie banenafspraak kan"),
    ("Ouders", "Leveren het ingevulde toestemmingsformulier in"),
    ("Leerling", "Schrijft op welke taken het leukst zijn"),
]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0 if hour % 2 else 30))


def _weekday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def generate(session: Session, coordinator: Actor, rng: random.Random, *, limit: int = 400) -> int:
    """Adds conversations for up to `limit` students; returns how many were made."""
    now = today()
    students = session.scalars(
        select(Student).order_by(Student.planned_outflow_date, Student.id).limit(limit)
    ).all()
    mentor_names = {
        row.id: row.display_name for row in session.execute(select(User.id, User.display_name))
    }
    made = 0
    for n, student in enumerate(students):
        guardians = session.scalars(select(Guardian).where(Guardian.student_id == student.id)).all()
        mentor = mentor_names.get(student.mentor_id, "Mentor")
        owners = [coordinator.user_id, student.mentor_id or coordinator.user_id]
        family = [(g.name, R.PARENT) for g in guardians[:2]]
        if any(g.needs_interpreter for g in guardians):
            family.append((rng.choice(INTERPRETERS), R.INTERPRETER))
        school_side = [(mentor, R.MENTOR), (coordinator.display_name, R.COORDINATOR)]
        profile = student.outflow_profile or OutflowProfile.ARBEIDSMARKT
        if student.actual_outflow_date is not None:
            # Already left: the advice a year before, the outflow conversation at the end.
            left = student.actual_outflow_date
            advice = _conversation(
                session,
                coordinator,
                rng,
                student,
                T.ADVIES,
                _weekday(left - timedelta(days=rng.randint(300, 400))),
                [(student.full_name, R.STUDENT), *family, *school_side],
                owners,
                advice=ADVICE[profile].format(name=student.first_name),
            )
            _conversation(
                session,
                coordinator,
                rng,
                student,
                T.UITSTROOM,
                _weekday(left - timedelta(days=rng.randint(10, 30))),
                [
                    (student.full_name, R.STUDENT),
                    *family,
                    *school_side,
                    (rng.choice(JOB_COACHES), R.JOB_COACH),
                ],
                owners,
                follow_up_of=advice,
                aftercare=_first_call_agreement(left, now + timedelta(days=rng.randint(5, 60))),
            )
            made += 2
            continue
        # Students leaving this year are further along: advice, then the transition talks.
        leaving_soon = student.planned_outflow_date and student.planned_outflow_date <= (
            now + timedelta(days=300)
        )
        advice_day = _weekday(
            now - timedelta(days=rng.randint(150, 240) if leaving_soon else rng.randint(10, 60))
        )
        advice = _conversation(
            session,
            coordinator,
            rng,
            student,
            T.ADVIES,
            advice_day,
            [(student.full_name, R.STUDENT), *family, *school_side],
            owners,
            advice=ADVICE[profile].format(name=student.first_name),
        )
        made += 1
        if leaving_soon:
            first_day = _weekday(advice_day + timedelta(days=rng.randint(20, 50)))
            first = _conversation(
                session,
                coordinator,
                rng,
                student,
                T.TRANSITIE_1,
                first_day,
                [
                    (student.full_name, R.STUDENT),
                    *family,
                    *school_side,
                    (rng.choice(RMC_CONSULTANTS), R.RMC),
                ],
                owners,
                follow_up_of=advice,
            )
            proposal = propose_follow_up(T.TRANSITIE_1, first_day)
            # The second transition conversation: planned in the coming weeks.
            planned_day = max(proposal.on, _weekday(now + timedelta(days=rng.randint(1, 50))))
            _conversation(
                session,
                coordinator,
                rng,
                student,
                T.TRANSITIE_2,
                planned_day,
                [
                    (student.full_name, R.STUDENT),
                    *family,
                    (mentor, R.MENTOR),
                    (rng.choice(RMC_CONSULTANTS), R.RMC),
                    (rng.choice(WORK_MATCHERS), R.WORK_MATCHER),
                ],
                owners,
                follow_up_of=first,
                planned=True,
                place="Gemeentehuis",
            )
            made += 2
        elif n % 3 == 0:
            later = propose_follow_up(T.ADVIES, advice_day).on
            _conversation(
                session,
                coordinator,
                rng,
                student,
                T.TRANSITIE_1,
                max(later, now + timedelta(days=3)),
                [(student.full_name, R.STUDENT), *family, *school_side],
                owners,
                follow_up_of=advice,
                planned=True,
            )
            made += 1
        if n % 5 == 2:
            home = [
                (student.full_name, R.STUDENT),
                *family,
                (mentor, R.MENTOR),
                (rng.choice(NEIGHBOURHOOD), R.NEIGHBOURHOOD_TEAM),
            ]
            _conversation(
                session,
                coordinator,
                rng,
                student,
                T.KEUKENTAFEL,
                _weekday(now - timedelta(days=rng.randint(5, 30))),
                home,
                owners,
                place="Bij de familie thuis",
            )
            made += 1
        if n % 7 == 3:
            _conversation(
                session,
                coordinator,
                rng,
                student,
                T.UITSTROOM,
                _weekday(now - timedelta(days=rng.randint(3, 20))),
                [
                    (student.full_name, R.STUDENT),
                    *family,
                    *school_side,
                    (rng.choice(JOB_COACHES), R.JOB_COACH),
                ],
                owners,
            )
            made += 1
        if n % 11 == 5:
            _conversation(
                session,
                coordinator,
                rng,
                student,
                T.OTHER,
                _weekday(now - timedelta(days=rng.randint(3, 20))),
                [(student.full_name, R.STUDENT), (mentor, R.MENTOR)],
                owners,
            )
            made += 1
        if n % 60 == 17:
            # Its date has passed, but nobody wrote the report yet: "Gepland" shows it.
            _conversation(
                session,
                coordinator,
                rng,
                student,
                T.KEUKENTAFEL,
                _weekday(now - timedelta(days=rng.randint(3, 9))),
                [(student.full_name, R.STUDENT), *family, (mentor, R.MENTOR)],
                owners,
                planned=True,
                place="Bij de familie thuis",
            )
            made += 1
    session.flush()
    return made


def _first_call_agreement(left: date, soon: date) -> date | None:
    """The day of the outflow talk's agreement about the first aftercare call: half a year
    after leaving, or soon if that has passed. For a student who left more than a year ago
    the call is history, not an agreement (and it would lie beyond the talk's two years)."""
    day = max(left + timedelta(days=180), soon)
    return day if day < left + timedelta(days=365) else None


def _conversation(
    session: Session,
    coordinator: Actor,
    rng: random.Random,
    student: Student,
    kind: ConversationType,
    day: date,
    people: list[tuple[str, ParticipantRole]],
    owners: list[int],
    *,
    advice: str | None = None,
    follow_up_of: Conversation | None = None,
    planned: bool = False,
    place: str | None = None,
    aftercare: date | None = None,
) -> Conversation:
    now = today()
    conversation = Conversation(
        student_id=student.id,
        kind=kind,
        status=ConversationStatus.PLANNED if planned else ConversationStatus.HELD,
        held_at=_at(day, rng.choice([9, 10, 13, 14, 15])),
        place=place or "De Horizon, kamer 12",
        follow_up_of_id=follow_up_of.id if follow_up_of else None,
        contact_name=coordinator.display_name,
        contact_phone="077-1234567",
        contact_email="uitstroom@dehorizon.example",
        created_by_id=coordinator.user_id,
    )
    absent = rng.random() < 0.2 and len(people) > 3
    conversation.participants = [
        Participant(
            name=name,
            role=role,
            organisation={
                R.RMC: "RMC Noord-Limburg",
                R.WORK_MATCHER: "Werkbedrijf gemeente",
                R.NEIGHBOURHOOD_TEAM: "Wijkteam",
                R.MENTOR: "De Horizon",
                R.COORDINATOR: "De Horizon",
            }.get(role),
            # Now and then the second parent was invited but could not come.
            present=not (absent and i == 2),
        )
        for i, (name, role) in enumerate(people)
    ]
    if not planned:
        conversation.agenda = "Hoe gaat het op school en op stage? Wat is de volgende stap?"
        story = stories.story_for(student.id, student.outflow_profile)
        conversation.summary = rng.choice(SUMMARIES).format(
            name=student.first_name, sector=story.sector.lower()
        )
        conversation.advice = advice
        conversation.decisions = (
            "We gaan verder met het plan. Over een paar maanden kijken we samen hoe het gaat."
        )
        conversation.share_consent_asked = kind in (T.TRANSITIE_1, T.TRANSITIE_2, T.ADVIES)
        if conversation.share_consent_asked:
            conversation.consent_municipality = rng.choice(
                [ConsentAnswer.YES, ConsentAnswer.YES, ConsentAnswer.LATER]
            )
            conversation.consent_rmc = rng.choice([ConsentAnswer.YES, ConsentAnswer.NO])
            conversation.consent_answered_by = "leerling en ouder"
        for who, what in rng.sample(AGREEMENTS, rng.randint(2, 3)):
            due = day + timedelta(days=rng.choice([7, 14, 21, 30, 45]))
            # Older agreements are mostly done; some slipped past their date.
            done_on = None
            if due < now and rng.random() < (0.97 if due < now - timedelta(days=30) else 0.8):
                done_on = min(now, due - timedelta(days=rng.randint(0, 5)))
            conversation.agreements.append(
                Agreement(
                    what=what,
                    who=who,
                    owner_id=rng.choice(owners),
                    due_date=due,
                    done_on=max(done_on, day) if done_on else None,
                    created_by_id=coordinator.user_id,
                )
            )
        if aftercare is not None:
            conversation.agreements.append(
                Agreement(
                    what="Belt om te horen hoe het gaat op het werk (nazorg)",
                    who="Mentor",
                    owner_id=student.mentor_id or coordinator.user_id,
                    due_date=_weekday(aftercare),
                    created_by_id=coordinator.user_id,
                )
            )
    session.add(conversation)
    session.flush()
    return conversation
