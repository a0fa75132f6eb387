"""The demo school's students: names, guardians, the path with its phases and, for those
who left, a destination. Bulk inserts only, so the bench's large schools stay quick."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from app.core.validation import today
from app.demo import stories
from app.demo.employers import Network
from app.demo.names import FIRST_NAMES_F, FIRST_NAMES_M, LETTERS, PLACES, STREETS, SURNAMES
from app.models import (
    Destination,
    Guardian,
    GuardianRelation,
    OutflowProfile,
    PathPhase,
    Phase,
    SchoolType,
    Sex,
    Student,
    TransitionPath,
)
from app.services.common.actor import Actor

# Languages the demo school's parents speak at home, each with a parent report translation.
HOME_LANGUAGES = ["Arabisch", "Turks", "Tigrinya", "Pools", "Oekraïens", "Engels"]


def _home_language(draw: float) -> str | None:
    """One guardian in ten has a recorded language; one draw picks whether and which, so the
    rest of the demo school stays as it was."""
    if draw >= 0.1:
        return None
    return HOME_LANGUAGES[min(int(draw * 10 * len(HOME_LANGUAGES)), len(HOME_LANGUAGES) - 1)]


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


def add_students(
    session: Session,
    actor: Actor,
    count: int,
    mentor_ids: list[int],
    rng: random.Random,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    batch: int = 2000,
    network: Network | None = None,
) -> None:
    """Bulk-inserts generated students with guardians and paths (also used by bench/). Who
    goes to work goes to an employer of the `network` in the sector of their story."""
    now = today()
    this_year = now.year if now.month >= 8 else now.year - 1
    done = 0
    next_id = (session.scalar(select(Student.id).order_by(Student.id.desc()).limit(1)) or 0) + 1
    # Every demo student has a name of their own (first + last), as long as the lists last.
    taken: set[tuple[str, str, str]] = {
        (first, prefix or "", surname)
        for first, prefix, surname in session.execute(
            select(Student.first_name, Student.prefix, Student.surname)
        )
    }
    while done < count:
        size = min(batch, count - done)
        students, guardians, paths, phases = [], [], [], []
        for offset in range(size):
            sid = next_id + done + offset
            s, g, p, ph = _one_student(
                rng, sid, this_year, mentor_ids, actor.user_id, taken, network
            )
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


# Tries for a name nobody has yet before a repeat is accepted (only past ~2,000 students).
NAME_TRIES = 200


def _unique_name(
    rng: random.Random, sid: int, pool: list[str], taken: set[tuple[str, str, str]]
) -> tuple[str, str, str]:
    """A first name and surname no other demo student has. Retries draw from a generator
    of their own, so the rest of the school (paths, internships) stays as seeded."""
    first = rng.choice(pool)
    prefix, surname = rng.choice(SURNAMES)
    retry = random.Random(sid)
    for _attempt in range(NAME_TRIES):
        if (first, prefix, surname) not in taken:
            break
        first = retry.choice(pool)
        prefix, surname = retry.choice(SURNAMES)
    taken.add((first, prefix, surname))
    return first, prefix, surname


def _one_student(
    rng: random.Random,
    sid: int,
    this_year: int,
    mentor_ids: list[int],
    user_id: int,
    taken: set[tuple[str, str, str]],
    network: Network | None,
) -> tuple[dict, list[dict], dict, list[dict]]:
    sex = rng.choice([Sex.MALE, Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.OTHER])
    pool = FIRST_NAMES_M if sex is Sex.MALE else FIRST_NAMES_F
    if sex is Sex.OTHER:
        pool = FIRST_NAMES_M + FIRST_NAMES_F
    first, prefix, surname = _unique_name(rng, sid, pool, taken)
    city, municipality, pc = rng.choice(PLACES)
    school_type = rng.choice([SchoolType.VSO, SchoolType.VSO, SchoolType.PRO, SchoolType.ENTREE])
    profile = rng.choices(list(OutflowProfile), weights=[55, 25, 20])[0]
    # Leaving this year, next year, or already left one to five years ago: aftercare for
    # the last two, and five outflow years behind every trend chart.
    year_offset = rng.choices([0, 1, -1, -2, -3, -4, -5], weights=[36, 32, 10, 7, 6, 5, 4])[0]
    leaving = _school_year_end(this_year + year_offset)
    age_at_leaving = rng.randint(17, 20) if profile is not OutflowProfile.DAGBESTEDING else 20
    birth = date(leaving.year - age_at_leaving, rng.randint(1, 12), rng.randint(1, 28))
    enrolled = date(leaving.year - rng.randint(3, 6), 8, rng.randint(18, 31))
    grade = (5 if year_offset == 1 else 6) if school_type is SchoolType.VSO else 4
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
                "language": _home_language(rng.random()),
            }
        )
    path, phases = _path(rng, sid, year_offset, profile, leaving, enrolled, network)
    return student, guardians, path, phases


def _path(
    rng: random.Random,
    sid: int,
    year_offset: int,
    profile: OutflowProfile,
    leaving: date,
    enrolled: date,
    network: Network | None,
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
        path["destination_place"] = _place(rng, sid, profile, destination, network)
        path["destination_date"] = leaving + timedelta(days=rng.randint(20, 60))
    if year_offset < 0:
        destination = _pick_destination(rng, profile)
        path.update(
            current_phase=Phase.AFTERCARE,
            destination=destination,
            destination_place=_place(rng, sid, profile, destination, network),
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


def _place(
    rng: random.Random,
    sid: int,
    profile: OutflowProfile,
    destination: Destination,
    network: Network | None,
) -> str | None:
    """Where the student goes, after their story: work at an employer of the story's sector
    (the transition internship follows it there), the matching course, the day-care place."""
    story = stories.story_for(sid, profile)
    if network is not None and destination in stories.WORK:
        employers = network.in_sector(story.sector)
        if employers:
            return network.name[rng.choice(employers)]
    return stories.place_without_network(story, destination)
