"""Demo data for the profile: assessments (some revised), wish-jobs and chance-jobs and key
decisions. Built on the students `app.demo.students` made; bulk inserts only, so the bench's
large demo schools stay quick. One random stream walks the students for the profile and the
path (`app.demo.path`), so a seed gives the same demo school every time."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from app.core.validation import today
from app.demo import path as demo_path
from app.demo import stories
from app.demo.bulk import next_id
from app.demo.path import EXTERNAL_LEADS
from app.models import (
    DecisionParticipant,
    DecisionRole,
    Destination,
    Factor,
    KeyDecision,
    OutflowProfile,
    ProfileAssessment,
    ProfileItem,
    ProfileScore,
    Student,
    TransitionPath,
    User,
)
from app.services.common.actor import Actor

# Short notes that fit the default items (a school's own items get no demo notes).
NOTES = {
    "Lezen en teksten begrijpen": ["Leest korte werkinstructies zelf", "Laat teksten voorlezen"],
    "Rekenen en omgaan met geld": [
        "Rekent met geld bij de kassa-oefening",
        "Gebruikt een rekenmachine",
    ],
    "Instructies begrijpen": [
        "Korte instructies, één stap tegelijk",
        "Vraagt na als iets onduidelijk is",
    ],
    "Plannen en organiseren": [
        "Een checklist helpt bij de volgorde",
        "Gebruikt een dagplanning met plaatjes",
    ],
    "Nieuwe taken leren": ["Leert door voordoen en nadoen", "Heeft een paar keer herhaling nodig"],
    "Uithoudingsvermogen": ["Houdt een hele ochtend vol", "Na de pauze zakt de energie"],
    "Werktempo": ["Werkt rustig maar gestaag", "Tempo groeit met herhaling"],
    "Nauwkeurigheid": ["Werkt netjes en precies", "Controleert eigen werk nog niet"],
    "Zelfstandig werken": ["Maakt een taak zelfstandig af", "Zoekt snel contact met de begeleider"],
    "Veilig werken": ["Let goed op veiligheid in de werkplaats", "Draagt zelf de juiste kleding"],
    "Motivatie voor werk": ["Wil graag een eigen inkomen", "Is trots op eigen werk"],
    "Interesses en hobby's": ["Wil graag buiten werken", "Houdt van dieren"],
    "Doorzettingsvermogen": ["Geeft niet snel op", "Haakt af bij saaie taken"],
    "Openstaan voor feedback": ["Vraagt zelf om feedback", "Moet wennen aan kritiek"],
    "Steun van gezin en netwerk": ["Ouders denken actief mee", "Oudere zus helpt met afspraken"],
    "Zelfstandig reizen": ["Reist zelfstandig met de bus", "Oefent de route met de fiets"],
    "Gedrag op de werkplek": ["Vriendelijk naar klanten", "Houdt zich aan afspraken"],
    "Samenwerken met collega's": ["Werkt prettig in een klein team", "Werkt liever alleen"],
    "Omgaan met spanning en verandering": [
        "Heeft tijd nodig om te wennen",
        "Raakt van slag bij drukte",
    ],
    "Begeleidingsbehoefte": ["Vaste begeleider op de werkvloer", "Jobcoach de eerste maanden"],
}

FACTOR_TEXTS = {
    Factor.DENKEN: [
        "Begrijpt mondelinge instructies goed als ze kort zijn. Schriftelijke instructies "
        "liefst met pictogrammen.",
        "Kan een dagplanning volgen; bij veranderingen helpt het om die vooraf te bespreken.",
    ],
    Factor.DOEN: [
        "Sterk in praktisch werk met de handen. Tempo groeit met herhaling.",
        "Werkt nauwkeurig. Lange dagen zijn nog zwaar; vier dagen per week lukt.",
    ],
    # Factor.WILLEN tells the student's story (`Story.motivation`).
    Factor.ZIJN: [
        "Vriendelijk en behulpzaam. Thuis is er steun; vader gaat mee naar gesprekken.",
        "Wat teruggetrokken in grote groepen. Een vaste contactpersoon op het werk helpt.",
    ],
}

# Key decisions that fit any story, and those that fit where the student goes (or, before a
# destination is known, the outflow profile): no "goes to Entree" beside a job.
DECISIONS = [
    "Kiest voor een transitiestage in de richting van de wensbaan.",
    "Stopt met de blokstage en begint een nieuwe stage dichter bij huis.",
]
DECISIONS_TOWARDS = {
    OutflowProfile.ARBEIDSMARKT: [
        "Kiest voor werk met een jobcoach in plaats van een vervolgopleiding.",
        "Vraagt samen met ouders de indicatie banenafspraak aan.",
    ],
    OutflowProfile.VERVOLGONDERWIJS: [
        "Gaat na de zomer naar de Entree-opleiding; de school regelt de overdracht.",
    ],
    OutflowProfile.DAGBESTEDING: [
        "Start met dagbesteding drie dagen per week, twee dagen stage.",
    ],
}


def _decisions(profile: OutflowProfile, destination: Destination | None) -> list[str]:
    if destination in stories.WORK:
        towards = OutflowProfile.ARBEIDSMARKT
    elif destination in stories.BACK_TO_LEARNING:
        towards = OutflowProfile.VERVOLGONDERWIJS
    elif destination is Destination.DAGBESTEDING:
        towards = OutflowProfile.DAGBESTEDING
    elif destination is None:
        towards = profile
    else:
        return DECISIONS
    return DECISIONS + DECISIONS_TOWARDS[towards]


def generate(session: Session, actor: Actor, seed: int) -> None:
    """Adds profile and path demo data to the students already in the database."""
    rng = random.Random(seed + 5)
    now = today()
    rows = list(
        session.execute(
            select(ProfileItem.id, ProfileItem.factor, ProfileItem.label).where(
                ProfileItem.retired.is_(False)
            )
        )
    )
    if not rows:
        return
    items = [(r.id, r.factor) for r in rows]
    notes = {r.id: NOTES[r.label] for r in rows if r.label in NOTES}
    users = dict(session.execute(select(User.id, User.display_name)).all())
    students = list(
        session.execute(
            select(
                Student.id,
                Student.mentor_id,
                Student.outflow_profile,
                Student.planned_outflow_date,
                Student.actual_outflow_date,
                TransitionPath.id.label("path_id"),
                TransitionPath.destination,
                TransitionPath.destination_place,
                TransitionPath.destination_date,
            ).join(TransitionPath, TransitionPath.student_id == Student.id)
        )
    )
    next_assessment = next_id(session, ProfileAssessment)
    next_decision = next_id(session, KeyDecision)
    assessments, scores, decisions, participants = [], [], [], []
    events, instruments, path_updates = [], [], []
    for s in students:
        profile = OutflowProfile(s.outflow_profile or OutflowProfile.ARBEIDSMARKT)
        left = s.actual_outflow_date is not None
        # Who has a destination had their profile made; a few others not yet.
        if rng.random() < 0.92 or s.destination is not None:
            newest = (
                now - timedelta(days=rng.randint(20, 330))
                if rng.random() < 0.85
                else now - timedelta(days=rng.randint(400, 560))
            )
            if left:
                newest = s.actual_outflow_date - timedelta(days=rng.randint(30, 200))
            count = rng.choice([1, 2, 2, 3])
            base = {item_id: rng.randint(1, 4) for item_id, _f in items}
            story = stories.story_for(s.id, profile)
            wish, chance = rng.choice(story.wish_jobs), rng.choice(story.chance_jobs)
            for n in range(count):
                aid = next_assessment
                next_assessment += 1
                on = newest - timedelta(days=182 * (count - 1 - n))
                revised = rng.random() < 0.15
                assessments.append(
                    {
                        "id": aid,
                        "student_id": s.id,
                        "assessed_on": on,
                        "student_present": True,
                        "parents_present": rng.random() < 0.6,
                        "wish_job": wish,
                        "chance_job": chance if n > 0 or rng.random() < 0.5 else None,
                        "version": 2 if revised else 1,
                        "created_by_id": s.mentor_id or actor.user_id,
                        "updated_by_id": actor.user_id if revised else s.mentor_id,
                        **{
                            f"{f.value}_text": _factor_text(rng, f, story)
                            for f in Factor
                            if rng.random() < 0.8
                        },
                    }
                )
                for item_id, _factor in items:
                    if rng.random() < 0.1:
                        continue
                    if n > 0 and rng.random() < 0.3:
                        base[item_id] = min(4, base[item_id] + 1)
                    scores.append(
                        {
                            "assessment_id": aid,
                            "item_id": item_id,
                            "score": base[item_id],
                            "note": rng.choice(notes[item_id])
                            if item_id in notes and rng.random() < 0.25
                            else None,
                        }
                    )
            if rng.random() < 0.55:
                for k in range(rng.choice([1, 1, 2])):
                    did = next_decision
                    next_decision += 1
                    decisions.append(
                        {
                            "id": did,
                            "student_id": s.id,
                            "decided_on": newest + timedelta(days=7 + 60 * k),
                            "decision": rng.choice(_decisions(profile, s.destination)),
                            "created_by_id": s.mentor_id or actor.user_id,
                        }
                    )
                    people = [
                        (DecisionRole.STUDENT, None, True),
                        (DecisionRole.MENTOR, users.get(s.mentor_id), True),
                    ]
                    if rng.random() < 0.7:
                        people.append((DecisionRole.PARENT, None, rng.random() < 0.85))
                    if rng.random() < 0.3:
                        name, _org = rng.choice(EXTERNAL_LEADS)
                        people.append((DecisionRole.CASE_LEAD, name, True))
                    participants += [
                        {"decision_id": did, "role": role, "name": name, "agreed": agreed}
                        for role, name, agreed in people
                    ]
        demo_path.path_extras(rng, s, events, instruments, path_updates)

    if assessments:
        session.execute(insert(ProfileAssessment), assessments)
        session.execute(insert(ProfileScore), scores)
    if decisions:
        session.execute(insert(KeyDecision), decisions)
        session.execute(insert(DecisionParticipant), participants)
    demo_path.save_extras(session, events, instruments, path_updates)
    demo_path.add_leads(session, rng, users, actor)
    if session.get_bind().dialect.name == "postgresql":
        for table in ("profile_assessments", "key_decisions"):
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
            )


def _factor_text(rng: random.Random, factor: Factor, story: stories.Story) -> str:
    if factor is Factor.WILLEN:
        return story.motivation
    return rng.choice(FACTOR_TEXTS[factor])
