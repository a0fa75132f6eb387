"""Demo data for the profile and the path: assessments (some revised), wish-jobs and
chance-jobs, key decisions, case leads with warm hand-overs, instruments and a few
fall-backs. Built on the students and phases `demo.add_students` made; bulk inserts only,
so the bench's large demo schools stay quick."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import bindparam, insert, select, text, update
from sqlalchemy.orm import Session

from app.core.validation import today
from app.models import (
    DecisionParticipant,
    DecisionRole,
    Destination,
    Factor,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    KeyDecision,
    OutflowProfile,
    PathEvent,
    PathEventKind,
    PathPhase,
    Phase,
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
    Factor.WILLEN: [
        "Is gemotiveerd voor werk in de groenvoorziening en wil graag een eigen inkomen.",
        "Droomt van werk in de zorg of met kinderen; staat open voor andere richtingen.",
    ],
    Factor.ZIJN: [
        "Vriendelijk en behulpzaam. Thuis is er steun; vader gaat mee naar gesprekken.",
        "Wat teruggetrokken in grote groepen. Een vaste contactpersoon op het werk helpt.",
    ],
}

JOBS = {
    OutflowProfile.ARBEIDSMARKT: [
        ("Hovenier", "Medewerker groenvoorziening"),
        ("Kok", "Keukenhulp in een zorgcentrum"),
        ("Automonteur", "Medewerker bandenservice"),
        ("Vakkenvuller", "Medewerker supermarkt"),
        ("Magazijnmedewerker", "Orderpicker met jobcoach"),
        ("Schilder", "Assistent schilder"),
    ],
    OutflowProfile.DAGBESTEDING: [
        ("Werken op de boerderij", "Dagbesteding op een zorgboerderij"),
        ("Koken", "Dagbesteding met horeca-activiteiten"),
        ("Werken met dieren", "Dagbesteding kinderboerderij"),
    ],
    OutflowProfile.VERVOLGONDERWIJS: [
        ("Pedagogisch medewerker", "Entree-opleiding Dienstverlening"),
        ("Monteur", "Mbo 2 Mobiliteit"),
        ("Verkoper", "Entree-opleiding Retail"),
    ],
}

DECISIONS = [
    "Kiest voor een transitiestage in de richting van de wensbaan.",
    "Stopt met de blokstage en begint een nieuwe stage dichter bij huis.",
    "Gaat na de zomer naar de Entree-opleiding; de school regelt de overdracht.",
    "Kiest voor werk met een jobcoach in plaats van een vervolgopleiding.",
    "Vraagt samen met ouders de indicatie banenafspraak aan.",
    "Start met dagbesteding drie dagen per week, twee dagen stage.",
]

HANDOVER_NOTES = [
    "Kennismakingsgesprek met leerling en ouders; profiel en stageverslagen overgedragen.",
    "Driegesprek op school gehouden; afspraken over contactmomenten gemaakt.",
    "Warme overdracht op de werkplek met de praktijkbegeleider erbij.",
]

EXTERNAL_LEADS = [
    ("Ahmed Ko\u00e7", "Werkbedrijf Noord-Limburg"),
    ("Esther Claessens", "Gemeente Venlo, team werk"),
    ("Bas Geurts", "UWV Roermond"),
    ("Mirjam Hendrix", "Gilde Opleidingen"),
]

FALL_BACK_REASONS = [
    "Contract niet verlengd na de proeftijd",
    "Stage afgebroken: te zware werkdagen",
    "Gestopt met de opleiding, miste structuur",
]


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
    next_assessment = _next_id(session, ProfileAssessment)
    next_decision = _next_id(session, KeyDecision)
    assessments, scores, decisions, participants = [], [], [], []
    events, instruments, path_updates = [], [], []
    for s in students:
        profile = OutflowProfile(s.outflow_profile or OutflowProfile.ARBEIDSMARKT)
        left = s.actual_outflow_date is not None
        if rng.random() < 0.92:
            newest = (
                now - timedelta(days=rng.randint(20, 330))
                if rng.random() < 0.85
                else now - timedelta(days=rng.randint(400, 560))
            )
            if left:
                newest = s.actual_outflow_date - timedelta(days=rng.randint(30, 200))
            count = rng.choice([1, 2, 2, 3])
            base = {item_id: rng.randint(1, 4) for item_id, _f in items}
            wish, chance = rng.choice(JOBS[profile])
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
                            f"{f.value}_text": rng.choice(FACTOR_TEXTS[f])
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
                            "decision": rng.choice(DECISIONS),
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
        _path_extras(rng, s, events, instruments, path_updates)

    if assessments:
        session.execute(insert(ProfileAssessment), assessments)
        session.execute(insert(ProfileScore), scores)
    if decisions:
        session.execute(insert(KeyDecision), decisions)
        session.execute(insert(DecisionParticipant), participants)
    if events:
        session.execute(insert(PathEvent), events)
    if instruments:
        session.execute(insert(Instrument), instruments)
    if path_updates:
        _bulk_update(session, TransitionPath, path_updates)
    _leads(session, rng, users, actor)
    if session.get_bind().dialect.name == "postgresql":
        for table in ("profile_assessments", "key_decisions"):
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
            )


def _bulk_update(session: Session, model, rows: list[dict]) -> None:
    """Core executemany UPDATE by id, one statement per set of columns (demo data only)."""
    table = model.__table__
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(
            {("row_id" if k == "id" else k): v for k, v in row.items()}
        )
    for keys, group in groups.items():
        values = {k: bindparam(k) for k in keys if k != "id"}
        stmt = update(table).where(table.c.id == bindparam("row_id")).values(values)
        session.connection().execute(stmt, group)


def _next_id(session: Session, model) -> int:
    return (session.scalar(select(model.id).order_by(model.id.desc()).limit(1)) or 0) + 1


def _path_extras(rng: random.Random, s, events: list, instruments: list, updates: list) -> None:
    """Destination events for the destinations demo.py set, a fall-back now and then, and
    the instruments that go with the placement."""
    if s.destination is None:
        if s.actual_outflow_date is None and rng.random() < 0.2:
            instruments.append(
                {
                    "path_id": s.path_id,
                    "kind": InstrumentKind.PRACTICE_CERTIFICATE,
                    "status": InstrumentStatus.REQUESTED,
                    "start_date": None,
                }
            )
        return
    on = s.destination_date
    if s.actual_outflow_date is not None and rng.random() < 0.12:
        # A fall-back: the first placement ended; the current destination came after it.
        first = rng.choice([Destination.REGULAR_WORK, Destination.ENTREE_MBO, Destination.WORK_BBL])
        first_place = {
            Destination.REGULAR_WORK: "Albert Heijn Roermond",
            Destination.ENTREE_MBO: "Gilde Opleidingen, Entree",
            Destination.WORK_BBL: "Garage Hermans (bbl)",
        }[first]
        fell = on + timedelta(days=rng.randint(60, 200))
        events.append(_event(s.path_id, PathEventKind.DESTINATION_SET, on, first, first_place))
        events.append(
            _event(
                s.path_id,
                PathEventKind.FALL_BACK,
                fell,
                first,
                first_place,
                rng.choice(FALL_BACK_REASONS),
            )
        )
        if rng.random() < 0.4:
            updates.append(
                {
                    "id": s.path_id,
                    "destination": Destination.NOTHING,
                    "destination_place": None,
                    "destination_date": fell,
                }
            )
            return
        new_on = fell + timedelta(days=rng.randint(20, 90))
        events.append(
            _event(
                s.path_id, PathEventKind.DESTINATION_SET, new_on, s.destination, s.destination_place
            )
        )
        updates.append({"id": s.path_id, "destination_date": new_on})
        on = new_on
    else:
        events.append(
            _event(s.path_id, PathEventKind.DESTINATION_SET, on, s.destination, s.destination_place)
        )
    kinds: list[tuple[InstrumentKind, InstrumentStatus]] = []
    if s.destination is Destination.WORK_BANENAFSPRAAK:
        kinds = [
            (InstrumentKind.BANENAFSPRAAK, InstrumentStatus.GRANTED),
            (InstrumentKind.WAGE_SUBSIDY, InstrumentStatus.ACTIVE),
            (InstrumentKind.NO_RISK, InstrumentStatus.ACTIVE),
        ]
        if rng.random() < 0.6:
            kinds.append((InstrumentKind.JOB_COACH, InstrumentStatus.ACTIVE))
    elif s.destination is Destination.BESCHUT_WERK:
        kinds = [(InstrumentKind.WORKPLACE_ADJUSTMENT, InstrumentStatus.GRANTED)]
    elif s.destination in (Destination.REGULAR_WORK, Destination.WORK_BBL) and rng.random() < 0.5:
        kinds = [(InstrumentKind.SECTOR_CERTIFICATE, InstrumentStatus.GRANTED)]
    for kind, status in kinds:
        instruments.append(
            {
                "path_id": s.path_id,
                "kind": kind,
                "status": status,
                "start_date": on,
                "end_date": on + timedelta(days=730)
                if kind is InstrumentKind.WAGE_SUBSIDY
                else None,
                "note": "Aangevraagd via UWV" if kind is InstrumentKind.BANENAFSPRAAK else None,
            }
        )


def _event(path_id, kind, on, destination, place, reason=None) -> dict:
    return {
        "path_id": path_id,
        "kind": kind,
        "happened_on": on,
        "destination": destination,
        "place": place,
        "reason": reason,
    }


def _leads(session: Session, rng: random.Random, users: dict, actor: Actor) -> None:
    """Real (generated) case leads instead of demo.py's role names, with warm hand-overs;
    a few current phases keep no lead, so the cohort shows that signal."""
    rows = list(
        session.execute(
            select(
                PathPhase.id,
                PathPhase.path_id,
                PathPhase.phase,
                PathPhase.start_date,
                Student.mentor_id,
            )
            .join(TransitionPath, TransitionPath.id == PathPhase.path_id)
            .join(Student, Student.id == TransitionPath.student_id)
            .order_by(PathPhase.path_id, PathPhase.start_date)
        )
    )
    school = "De Horizon"
    coordinator = users.get(actor.user_id, "Uitstroomcoördinator")
    changes = []
    for n, row in enumerate(rows):
        following = (
            rows[n + 1] if n + 1 < len(rows) and rows[n + 1].path_id == row.path_id else None
        )
        mentor = users.get(row.mentor_id, "Mentor")
        if row.phase == Phase.ORIENTATION:
            lead, org = mentor, school
        elif row.phase == Phase.TRANSITION_INTERNSHIP:
            lead, org = rng.choice(EXTERNAL_LEADS) if rng.random() < 0.35 else (coordinator, school)
        elif row.phase == Phase.OUTFLOW:
            lead, org = coordinator, school
        else:
            lead, org = mentor, f"{school} (nazorg)"
        change = {
            "id": row.id,
            "lead_name": lead,
            "lead_organisation": org,
            "end_date": None,
            "handover_date": None,
            "handover_note": None,
        }
        if following is not None:
            change["end_date"] = following.start_date - timedelta(days=1)
            if rng.random() < 0.8:
                change["handover_date"] = max(
                    row.start_date, following.start_date - timedelta(days=rng.randint(1, 14))
                )
                change["handover_note"] = rng.choice(HANDOVER_NOTES)
        elif rng.random() < 0.06:
            change["lead_name"] = None
            change["lead_organisation"] = None
        changes.append(change)
    if changes:
        _bulk_update(session, PathPhase, changes)
