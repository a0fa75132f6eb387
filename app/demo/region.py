"""A fictional region: several demo schools in one database, as a samenwerkingsverband or a
school board runs Koers on one PostgreSQL server (issue 19, item 4).

The demo school's generation runs once for the whole region (`school.generate`), with a few
mentors per school; each student then belongs to the school of his or her mentor, so every
call, conversation and meeting case that follows a student's mentor stays within one school.
The employer network is the region's, shared by its schools. Each school has its own
coordinator ('demo' for the first, 'demo2', 'demo3', ... for the others); 'bestuur' is the
board, a member of every school, who sees counts and no names.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.core.passwords import hash_password
from app.demo import school as demo_school
from app.models import Role, School, SchoolMember, Student, User
from app.services.admin.accounts import check_new_school
from app.services.admin.opening import Entered, Found, fill_new_school
from app.services.common import audit
from app.services.common.actor import Actor

MAX_SCHOOLS = 20
MENTORS_PER_SCHOOL = 4
BOARD_USERNAME = "bestuur"
SCHOOL_NAMES = [
    "De Horizon",
    "De Branding",
    "Het Baken",
    "De Vaart",
    "De Brug",
    "Het Kompas",
    "De Kade",
    "Het Anker",
    "De Sluis",
    "De Dijk",
]
# Extra mentors for the schools after the first: the demo's mentors' colleagues.
EXTRA_MENTOR_NAMES = [
    ("Fleur", "Hendriks"),
    ("Bram", "Koster"),
    ("Nadia", "Bouzid"),
    ("Koen", "Wouters"),
    ("Eva", "Mulder"),
    ("Daan", "Peters"),
    ("Yara", "Öztürk"),
    ("Stijn", "Claes"),
    ("Lieke", "Vos"),
    ("Ruben", "Maas"),
]


def school_name(number: int) -> str:
    """ "De Branding (demo)": the demo region's school `number` (1-based)."""
    base = SCHOOL_NAMES[(number - 1) % len(SCHOOL_NAMES)]
    round_ = (number - 1) // len(SCHOOL_NAMES)
    return f"{base}{f' {round_ + 1}' if round_ else ''} (demo)"


def coordinator_username(number: int) -> str:
    return (
        demo_school.DEMO_COORDINATOR if number == 1 else f"{demo_school.DEMO_COORDINATOR}{number}"
    )


def region_mentors(schools: int) -> list[list[tuple[str, str]]]:
    """Per school its mentors (username, name): the demo's own first, then colleagues."""
    pool = list(demo_school.MENTORS)
    n = 0
    while len(pool) < schools * MENTORS_PER_SCHOOL:
        first, last = EXTRA_MENTOR_NAMES[n % len(EXTRA_MENTOR_NAMES)]
        suffix = f"{n // len(EXTRA_MENTOR_NAMES) + 2}" if n >= len(EXTRA_MENTOR_NAMES) else ""
        pool.append((f"{first[0].lower()}.{last.lower()}{suffix}", f"{first} {last}"))
        n += 1
    return [pool[k * MENTORS_PER_SCHOOL : (k + 1) * MENTORS_PER_SCHOOL] for k in range(schools)]


def other_usernames(schools: int) -> list[str]:
    """Every region account besides 'demo': they share its password (and key-file slots)."""
    names = [u for mentors in region_mentors(schools) for u, _n in mentors]
    names += [demo_school.READ_ONLY_USERNAME, BOARD_USERNAME]
    names += [coordinator_username(k) for k in range(2, schools + 1)]
    return names


def generate_region(
    session: Session,
    *,
    password: str,
    schools: int,
    students: int,
    seed: int = 2026,
    on_progress: Callable[[int, int], None] | None = None,
) -> Actor:
    """`schools` demo schools of about `students` students each, in one database; returns
    the first school's coordinator ('demo')."""
    per_school = region_mentors(schools)
    coordinator = demo_school.generate(
        session,
        password=password,
        students=students * schools,
        seed=seed,
        on_progress=on_progress,
        mentors=[m for mentors in per_school for m in mentors],
    )
    user_id = dict(session.execute(select(User.username, User.id)).all())
    shared_hash = hash_password(password)
    school_ids: list[int] = []
    memberships: list[dict[str, int]] = []
    for number in range(1, schools + 1):
        made = School(name=school_name(number), brin=f"{99 - number:02d}ZZ", location="00")
        session.add(made)
        session.flush()
        school_ids.append(made.id)
        if number > 1:
            user = User(
                username=coordinator_username(number),
                display_name=f"Coördinator {school_name(number).removesuffix(' (demo)')}",
                role=Role.COORDINATOR,
                password_hash=shared_hash,
                created_by_id=coordinator.user_id,
            )
            session.add(user)
            session.flush()
            user_id[user.username] = user.id
        mentor_ids = [user_id[u] for u, _n in per_school[number - 1]]
        members = [coordinator_username(number), *(u for u, _n in per_school[number - 1])]
        if number == 1:
            members.append(demo_school.READ_ONLY_USERNAME)
        memberships += [{"user_id": user_id[u], "school_id": made.id} for u in members]
        # A student belongs to the school of his or her mentor.
        session.execute(
            update(Student).where(Student.mentor_id.in_(mentor_ids)).values(school_id=made.id)
        )
    session.execute(
        update(Student).where(Student.school_id.is_(None)).values(school_id=school_ids[0])
    )
    board = User(
        username=BOARD_USERNAME,
        display_name="Bestuur (demo)",
        role=Role.BOARD,
        password_hash=shared_hash,
        created_by_id=coordinator.user_id,
    )
    session.add(board)
    session.flush()
    memberships += [{"user_id": board.id, "school_id": sid} for sid in school_ids]
    session.execute(insert(SchoolMember), memberships)
    audit.record(session, coordinator, "demo_generated", "schools", None, f"schools={schools}")
    return Actor(
        coordinator.user_id,
        coordinator.username,
        coordinator.display_name,
        coordinator.role,
        member_of=(school_ids[0],),
    )


def create_demo_region(found: Found, *, password: str, schools: int, students: int) -> Entered:
    """First start with a fictional region of `schools` demo schools (see `generate_region`);
    the same checks and single transaction as one demo school."""
    check_new_school(**demo_school.coordinator_fields(password))
    return fill_new_school(
        found,
        school=demo_school.SCHOOL_NAME,
        username=demo_school.DEMO_COORDINATOR,
        password=password,
        fill=lambda session: generate_region(
            session, password=password, schools=schools, students=students
        ),
        shared_with=other_usernames(schools),
    )
