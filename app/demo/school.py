"""A fictional demo school: generated Dutch names, places and paths; never real people."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from app.core.passwords import hash_password
from app.core.validation import today
from app.demo import aftercare as demo_aftercare
from app.demo import consent as demo_consent
from app.demo import conversations as demo_conversations
from app.demo import internships as demo_internships
from app.demo import profile as demo_profile
from app.models import (
    Destination,
    Guardian,
    GuardianRelation,
    OutflowProfile,
    PathPhase,
    Phase,
    Role,
    SchoolType,
    Sex,
    Student,
    TransitionPath,
    User,
)
from app.services.admin.accounts import initialise_school
from app.services.common import audit
from app.services.common.actor import Actor

FIRST_NAMES_M = [
    "Daan",
    "Sem",
    "Luuk",
    "Milan",
    "Jesse",
    "Thijs",
    "Bram",
    "Noah",
    "Mohammed",
    "Yusuf",
    "Kevin",
    "Dani\u00ebl",
    "Ruben",
    "Jo\u00ebl",
    "Ren\u00e9",
    "Ayoub",
    "Stijn",
    "Tim",
    "Mats",
    "Sven",
    "Bilal",
    "Ilias",
    "Jayden",
    "Dylan",
]
FIRST_NAMES_F = [
    "Emma",
    "Julia",
    "Sanne",
    "Lotte",
    "Fleur",
    "Zo\u00eb",
    "No\u00e9mie",
    "Aya",
    "Fatima",
    "Sara",
    "Chlo\u00eb",
    "Ingrid",
    "Lieke",
    "Anouk",
    "Ilse",
    "Esm\u00e9e",
    "Nour",
    "Mila",
    "Britt",
    "Romy",
    "Ma\u00eblle",
    "Yara",
    "Do\u00e9",
    "Eline",
]
SURNAMES = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("", "Bakker"),
    ("van", "Dijk"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("", "\u00d6zt\u00fcrk"),
    ("", "El Amrani"),
    ("", "Yilmaz"),
    ("", "Kramer"),
    ("van", "Beek"),
    ("", "Schouten"),
    ("in 't", "Veld"),
    ("", "Ko\u00e7"),
    ("", "Wouters"),
    ("", "Post"),
    ("", "Willems"),
    ("", "Goossens"),
    ("van", "Es"),
]
PLACES = [
    ("Roermond", "Roermond", "6041"),
    ("Venlo", "Venlo", "5911"),
    ("Weert", "Weert", "6001"),
    ("Helden", "Peel en Maas", "5988"),
    ("Panningen", "Peel en Maas", "5981"),
    ("Venray", "Venray", "5801"),
    ("Horst", "Horst aan de Maas", "5961"),
    ("Echt", "Echt-Susteren", "6101"),
    ("Swalmen", "Roermond", "6071"),
    ("Tegelen", "Venlo", "5931"),
    ("Beesel", "Beesel", "5954"),
]
STREETS = [
    "Kerkstraat",
    "Molenweg",
    "Schoolstraat",
    "Maasboulevard",
    "Dorpsstraat",
    "Lindelaan",
    "Beukenhof",
    "Julianastraat",
    "Prins Bernhardlaan",
    "Akkerweg",
]
SCHOOL_NAME = "De Horizon, school voor vso en praktijkonderwijs (demo)"
LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
MENTORS = [
    ("m.vandijk", "Marieke van Dijk"),
    ("j.bosman", "Jeroen Bosman"),
    ("s.elidrissi", "Samira El Idrissi"),
    ("p.hermans", "Paul Hermans"),
    ("a.debruijn", "Anneke de Bruijn"),
    ("r.cools", "Ren\u00e9e Cools"),
    ("t.verbeek", "Tom Verbeek"),
    ("l.jacobs", "Linda Jacobs"),
]
PLACEMENTS = {
    Destination.REGULAR_WORK: [
        "Albert Heijn Roermond",
        "Hoveniersbedrijf Groen",
        "Bouwbedrijf Maas",
    ],
    Destination.WORK_BANENAFSPRAAK: ["Jumbo Venlo", "Gemeente Venlo, groenbeheer", "Hotel De Maas"],
    Destination.WORK_BBL: ["Garage Hermans (bbl)", "Zorgcentrum De Linde (bbl)"],
    Destination.BESCHUT_WERK: ["Werkbedrijf Noord-Limburg"],
    Destination.DAGBESTEDING: ["Zorgboerderij De Hoeve", "Dagcentrum Het Anker"],
    Destination.ENTREE_MBO: ["Gilde Opleidingen, Entree", "Gilde Opleidingen, mbo 2"],
    Destination.TRAINING_ROUTE: ["Leerwerktraject Werkbedrijf"],
}


def _pick_destination(rng: random.Random, profile: OutflowProfile) -> Destination:
    weights = {
        OutflowProfile.ARBEIDSMARKT: [
            (Destination.REGULAR_WORK, 30),
            (Destination.WORK_BANENAFSPRAAK, 25),
            (Destination.WORK_BBL, 8),
            (Destination.BESCHUT_WERK, 8),
            (Destination.TRAINING_ROUTE, 8),
            (Destination.NOTHING, 5),
            (Destination.UNKNOWN, 4),
        ],
        OutflowProfile.DAGBESTEDING: [
            (Destination.DAGBESTEDING, 80),
            (Destination.BESCHUT_WERK, 10),
            (Destination.UNKNOWN, 3),
        ],
        OutflowProfile.VERVOLGONDERWIJS: [
            (Destination.ENTREE_MBO, 75),
            (Destination.WORK_BBL, 10),
            (Destination.NOTHING, 4),
            (Destination.UNKNOWN, 3),
        ],
    }[profile]
    options, w = zip(*weights, strict=True)
    return rng.choices(options, weights=w)[0]


def _school_year_end(year_start: int) -> date:
    """The last school day students leave on: early July."""
    return date(year_start + 1, 7, 10)


READ_ONLY_USERNAME = "stagiair"


def other_usernames() -> list[str]:
    """The demo accounts besides 'demo': they share its password."""
    return [username for username, _name in MENTORS] + [READ_ONLY_USERNAME]


def generate(
    session: Session,
    *,
    password: str,
    students: int,
    seed: int = 2026,
    on_progress: Callable[[int, int], None] | None = None,
) -> Actor:
    """Creates the demo school with a coordinator 'demo', mentors and `students` students."""
    rng = random.Random(seed)
    coordinator = initialise_school(
        session,
        school_name=SCHOOL_NAME,
        brin="99ZZ",
        username="demo",
        display_name="Ingrid Peeters",
        password=password,
        is_demo=True,
    )
    shared_hash = hash_password(password)
    session.execute(
        insert(User),
        [
            {
                "username": u,
                "display_name": n,
                "role": Role.MENTOR,
                "password_hash": shared_hash,
                "created_by_id": coordinator.user_id,
            }
            for u, n in MENTORS
        ],
    )
    session.execute(
        insert(User),
        [
            {
                "username": "stagiair",
                "display_name": "Kees Timmermans (alleen lezen)",
                "role": Role.READ_ONLY,
                "password_hash": shared_hash,
            }
        ],
    )
    mentor_ids = list(session.scalars(select(User.id).where(User.role == Role.MENTOR)))
    add_students(session, coordinator, students, mentor_ids, rng, on_progress=on_progress)
    demo_profile.generate(session, coordinator, seed)
    demo_conversations.generate(session, coordinator, random.Random(seed + 8))
    demo_internships.generate(session, coordinator, rng)
    demo_aftercare.generate(session, coordinator, rng)
    demo_consent.generate(session, coordinator, rng)
    audit.record(session, coordinator, "demo_generated", "school", None, f"students={students}")
    return coordinator


def add_students(
    session: Session,
    actor: Actor,
    count: int,
    mentor_ids: list[int],
    rng: random.Random,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    batch: int = 2000,
) -> None:
    """Bulk-inserts generated students with guardians and paths (also used by bench/)."""
    now = today()
    this_year = now.year if now.month >= 8 else now.year - 1
    done = 0
    next_id = (session.scalar(select(Student.id).order_by(Student.id.desc()).limit(1)) or 0) + 1
    while done < count:
        size = min(batch, count - done)
        students, guardians, paths, phases = [], [], [], []
        for offset in range(size):
            sid = next_id + done + offset
            s, g, p, ph = _one_student(rng, sid, this_year, mentor_ids, actor.user_id)
            students.append(s)
            guardians.extend(g)
            paths.append(p)
            phases.extend(ph)
        session.execute(insert(Student), students)
        session.execute(insert(Guardian), guardians)
        session.execute(insert(TransitionPath), paths)
        if phases:
            session.execute(insert(PathPhase), phases)
        done += size
        if on_progress:
            on_progress(done, count)
    if session.get_bind().dialect.name == "postgresql":
        # Explicit ids leave the serial sequences behind; the next new row would clash.
        for table in ("students", "transition_paths"):
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            )


def _one_student(
    rng: random.Random, sid: int, this_year: int, mentor_ids: list[int], user_id: int
) -> tuple[dict, list[dict], dict, list[dict]]:
    sex = rng.choice([Sex.MALE, Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.OTHER])
    pool = FIRST_NAMES_M if sex is Sex.MALE else FIRST_NAMES_F
    if sex is Sex.OTHER:
        pool = FIRST_NAMES_M + FIRST_NAMES_F
    first = rng.choice(pool)
    prefix, surname = rng.choice(SURNAMES)
    city, municipality, pc = rng.choice(PLACES)
    school_type = rng.choice([SchoolType.VSO, SchoolType.VSO, SchoolType.PRO, SchoolType.ENTREE])
    profile = rng.choices(list(OutflowProfile), weights=[55, 25, 20])[0]
    # Leaving this year, next year, or already left one or two years ago (aftercare).
    year_offset = rng.choices([0, 1, -1, -2], weights=[40, 35, 15, 10])[0]
    leaving = _school_year_end(this_year + year_offset)
    age_at_leaving = rng.randint(17, 20) if profile is not OutflowProfile.DAGBESTEDING else 20
    birth = date(leaving.year - age_at_leaving, rng.randint(1, 12), rng.randint(1, 28))
    enrolled = date(leaving.year - rng.randint(3, 6), 8, rng.randint(18, 31))
    grade = {0: 6, 1: 5, -1: 6, -2: 6}[year_offset] if school_type is SchoolType.VSO else 4
    class_prefix = {SchoolType.VSO: "V", SchoolType.PRO: "P", SchoolType.ENTREE: "E"}[school_type]
    class_name = f"{class_prefix}{grade}{rng.choice('ABC')}"
    student = {
        "id": sid,
        "las_key": f"{100000 + sid}",
        "first_name": first,
        "prefix": prefix or None,
        "surname": surname,
        "birth_date": birth,
        "sex": sex,
        "phone": f"06-{rng.randint(10000000, 99999999)}",
        "email": f"{first.lower()[:1]}.{surname.lower().replace(' ', '')}{sid}@voorbeeld.nl".encode(
            "ascii", "ignore"
        ).decode(),
        "address": f"{rng.choice(STREETS)} {rng.randint(1, 180)}",
        "postcode": f"{pc} {rng.choice(LETTERS)}{rng.choice(LETTERS)}",
        "city": city,
        "municipality": municipality,
        "school_type": school_type,
        "outflow_profile": profile,
        "class_name": class_name,
        "mentor_id": rng.choice(mentor_ids) if mentor_ids else None,
        "enrolment_date": enrolled,
        "planned_outflow_date": leaving,
        "actual_outflow_date": leaving if year_offset < 0 else None,
        "created_by_id": user_id,
    }
    family = " ".join(p for p in (prefix, surname) if p)
    guardians = [
        {
            "student_id": sid,
            "name": f"{rng.choice(FIRST_NAMES_F)} {family}",
            "relation": GuardianRelation.MOTHER,
            "phone": f"06-{rng.randint(10000000, 99999999)}",
            "has_authority": True,
        }
    ]
    if rng.random() < 0.6:
        guardians.append(
            {
                "student_id": sid,
                "name": f"{rng.choice(FIRST_NAMES_M)} {family}",
                "relation": GuardianRelation.FATHER,
                "phone": f"06-{rng.randint(10000000, 99999999)}",
                "has_authority": True,
                "needs_interpreter": rng.random() < 0.1,
                "language": "Arabisch" if rng.random() < 0.1 else None,
            }
        )
    path, phases = _path(rng, sid, year_offset, profile, leaving, enrolled)
    return student, guardians, path, phases


def _path(
    rng: random.Random,
    sid: int,
    year_offset: int,
    profile: OutflowProfile,
    leaving: date,
    enrolled: date,
) -> tuple[dict, list[dict]]:
    orientation_start = max(enrolled, leaving - timedelta(days=730))
    phases = [
        {
            "path_id": sid,
            "phase": Phase.ORIENTATION,
            "start_date": orientation_start,
            "lead_name": "Mentor",
            "lead_organisation": "School",
        }
    ]
    path = {"id": sid, "student_id": sid, "current_phase": Phase.ORIENTATION}
    in_transition = year_offset < 0 or (year_offset == 0 and rng.random() < 0.6)
    if in_transition:
        start = leaving - timedelta(days=300)
        phases.append(
            {
                "path_id": sid,
                "phase": Phase.TRANSITION_INTERNSHIP,
                "start_date": start,
                "lead_name": "Stagecoördinator",
                "lead_organisation": "School",
            }
        )
        path["current_phase"] = Phase.TRANSITION_INTERNSHIP
    if year_offset == 0 and in_transition and rng.random() < 0.4:
        destination = _pick_destination(rng, profile)
        path["destination"] = destination
        path["destination_place"] = rng.choice(PLACEMENTS.get(destination, [""])) or None
        path["destination_date"] = leaving + timedelta(days=rng.randint(20, 60))
    if year_offset < 0:
        destination = _pick_destination(rng, profile)
        path.update(
            current_phase=Phase.AFTERCARE,
            destination=destination,
            destination_place=rng.choice(PLACEMENTS.get(destination, [""])) or None,
            destination_date=leaving + timedelta(days=rng.randint(20, 60)),
        )
        phases.append(
            {
                "path_id": sid,
                "phase": Phase.OUTFLOW,
                "start_date": leaving,
                "lead_name": "Uitstroomcoördinator",
                "lead_organisation": "School",
            }
        )
        phases.append(
            {
                "path_id": sid,
                "phase": Phase.AFTERCARE,
                "start_date": leaving + timedelta(days=1),
                "lead_name": "Mentor (nazorg)",
                "lead_organisation": "School",
            }
        )
    return path, phases
