"""A fictional demo school: the accounts, then the generators per area in turn; never real
people (the names come from `app.demo.names`)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.passwords import hash_password
from app.core.validation import today
from app.demo import aftercare as demo_aftercare
from app.demo import consent as demo_consent
from app.demo import conversations as demo_conversations
from app.demo import employers as demo_employers
from app.demo import internships as demo_internships
from app.demo import meetings as demo_meetings
from app.demo import profile as demo_profile
from app.demo import students as demo_students
from app.demo.year import story as year_story
from app.demo.year.calendar import Calendar, school_year_of
from app.models import Role, User
from app.services.admin.accounts import check_new_school, initialise_school
from app.services.admin.opening import Entered, Found, fill_new_school
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.school_settings import save_settings

SCHOOL_NAME = "De Horizon, school voor vso en praktijkonderwijs (demo)"
MENTORS = [
    ("m.vandijk", "Marieke van Dijk"),
    ("j.bosman", "Jeroen Bosman"),
    ("f.elamrani", "Fatima El Amrani"),
    ("p.hermans", "Paul Hermans"),
    ("a.debruijn", "Anneke de Bruijn"),
    ("r.cools", "Ren\u00e9e Cools"),
    ("t.verbeek", "Tom Verbeek"),
    ("l.jacobs", "Linda Jacobs"),
]


READ_ONLY_USERNAME = "stagiair"
EMPLOYERS = 40


def other_usernames() -> list[str]:
    """The demo accounts besides 'demo': they share its password."""
    return [username for username, _name in MENTORS] + [READ_ONLY_USERNAME]


DEMO_RETENTION_MONTHS = 48
# The cohorts that live the year's story: the leavers of two years ago and of last year
# (in aftercare), and this year's cohort up to today.
STORY_YEARS_BACK = (2, 1, 0)
STORY_SHARE = 12  # one student in twelve per cohort, as far as STORY_MAX allows
STORY_MAX = 30
# The smallest story: each cohort's first student (the garage's, whose year touches every
# area) and the newcomer the changed CSV adds; the other roles join as the demo grows.
STORY_MIN_PER_COHORT = 1
STORY_MIN_STUDENTS = len(STORY_YEARS_BACK) * (STORY_MIN_PER_COHORT + 1)


def story_cohort_size(students: int) -> int:
    """Students per cohort that live the story (the newcomer of its CSV comes on top): one
    in STORY_SHARE, at least the smallest story once the demo can hold it in every cohort,
    else 0."""
    if students < STORY_MIN_STUDENTS:
        return 0
    return max(STORY_MIN_PER_COHORT, min(STORY_MAX, students // STORY_SHARE))


def generate(
    session: Session,
    *,
    password: str,
    students: int,
    seed: int = 2026,
    on_progress: Callable[[int, int], None] | None = None,
    mentors: Sequence[tuple[str, str]] = MENTORS,
) -> Actor:
    """Creates the demo school with a coordinator 'demo', `mentors` (username, name) and
    `students` students."""
    rng = random.Random(seed)
    coordinator = initialise_school(session, **_coordinator(password), is_demo=True)
    # Files are kept four years after aftercare (not two), so the five outflow years the
    # trends need are not offered for removal the day the demo starts.
    save_settings(session, coordinator, "demo: retention", retention_months=DEMO_RETENTION_MONTHS)
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
            for u, n in mentors
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
    # The employer network comes first: a student's story (`app.demo.stories`) leads to
    # work at one of its employers, where the transition internship was.
    network = demo_employers.generate(
        session,
        coordinator,
        random.Random(seed + 3),
        EMPLOYERS,
        demo_internships.school_year(today()),
    )
    # The recent cohorts live the school year's story (app.demo.year) through the services;
    # the rest of the school is generated in bulk around them.
    per_cohort = story_cohort_size(students)
    demo_students.add_students(
        session,
        coordinator,
        students - len(STORY_YEARS_BACK) * (per_cohort + 1) if per_cohort else students,
        mentor_ids,
        rng,
        on_progress=on_progress,
        network=network,
    )
    demo_profile.generate(session, coordinator, seed)
    demo_conversations.generate(session, coordinator, random.Random(seed + 8))
    demo_internships.generate(session, coordinator, rng, network)
    demo_aftercare.generate(session, coordinator, rng)
    demo_consent.generate(session, coordinator, rng)
    demo_meetings.generate(session, coordinator, random.Random(seed + 17))
    if per_cohort:
        now = today()
        this_year = school_year_of(now)
        year_story.live(
            session,
            coordinator,
            cohorts=[(Calendar(this_year - back), per_cohort) for back in STORY_YEARS_BACK],
            seed=seed,
            network=network,
            until=now,
        )
    audit.record(session, coordinator, "demo_generated", "school", None, f"students={students}")
    return coordinator


# The coordinator account `generate` makes; the key file needs its slot first.
DEMO_COORDINATOR = "demo"


def coordinator_fields(password: str) -> dict[str, str]:
    """The first coordinator and the school, as `initialise_school` takes them."""
    return _coordinator(password)


def _coordinator(password: str) -> dict[str, str]:
    return {
        "school_name": SCHOOL_NAME,
        "brin": "99ZZ",
        "username": DEMO_COORDINATOR,
        "display_name": "Ingrid Peeters",
        "password": password,
    }


def create_demo_school(found: Found, *, password: str, students: int) -> Entered:
    """First start with the fictional demo school; every demo account shares `password`.
    Checked like any first start before anything is written; made in one transaction."""
    check_new_school(**_coordinator(password))
    return fill_new_school(
        found,
        school=SCHOOL_NAME,
        username=DEMO_COORDINATOR,
        password=password,
        fill=lambda session: generate(session, password=password, students=students),
        shared_with=other_usernames(),
    )
