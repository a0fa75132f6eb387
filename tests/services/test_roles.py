"""The role matrix: every service use case, for each role, allowed or refused, on both
databases.

coordinator: everything. mentor: the students they mentor, no exports, no accounts, no
audit log. read-only: sees the cohort, changes nothing, exports nothing.

One school is built per database for the whole module; every attempt runs in a
transaction that is rolled back afterwards, so the attempts cannot influence each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.core.errors import PermissionDeniedError
from app.core.passwords import hash_password
from app.db import Store, open_store
from app.models import Role, User
from app.services.admin import accounts, subject_access, users
from app.services.admin.users import UserChanges, UserInput
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.students import cohort
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from tests.conftest import COORDINATOR_PASSWORD, _fresh_postgres_database

PASSWORD = COORDINATOR_PASSWORD
NEW_PASSWORD = "een-heel-nieuw-wachtwoord"


@dataclass
class World:
    store: Store
    actors: dict[Role, Actor]
    own_student: int  # mentored by the mentor
    other_student: int  # mentored by another mentor
    other_mentor: int
    las_key: str  # the own student's
    out_dir: Path


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def world(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("roles")
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{folder / 'koers.db'}"])
    else:
        urls = _fresh_postgres_database(request.getfixturevalue("postgres_server"))
    url = next(urls)
    store = open_store(url)
    coordinator = store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password=PASSWORD,
    )
    shared = hash_password(PASSWORD)
    with store.session() as session:
        made = {}
        for username, role in (
            ("m.devries", Role.MENTOR),
            ("m.jansen", Role.MENTOR),
            ("k.timmermans", Role.READ_ONLY),
            ("b.bestuur", Role.BOARD),
        ):
            user = User(username=username, display_name=username, role=role, password_hash=shared)
            session.add(user)
            session.flush()
            made[username] = Actor(user.id, user.username, user.display_name, user.role)
    mentor, other_mentor = made["m.devries"], made["m.jansen"]
    own = store.run(
        students.create_student,
        coordinator,
        StudentInput(first_name="Sem", surname="Smit", las_key="5001", mentor_id=mentor.user_id),
    )
    other = store.run(
        students.create_student,
        coordinator,
        StudentInput(
            first_name="Lotte", surname="Bakker", las_key="5002", mentor_id=other_mentor.user_id
        ),
    )
    yield World(
        store,
        {
            Role.COORDINATOR: coordinator,
            Role.MENTOR: mentor,
            Role.READ_ONLY: made["k.timmermans"],
            Role.BOARD: made["b.bestuur"],
        },
        own,
        other,
        other_mentor.user_id,
        "5001",
        folder,
    )
    store.dispose()
    for _rest in urls:  # drops the PostgreSQL database
        pass


def attempt(store: Store, fn: Callable, *args):
    """Runs one use case in a transaction that is always rolled back."""
    with store.engine.connect() as connection:
        transaction = connection.begin()
        session = Session(bind=connection, expire_on_commit=False)
        session.info["store"] = store
        try:
            return fn(session, *args)
        finally:
            session.close()
            transaction.rollback()


def _edit(session: Session, actor: Actor, student_id: int, **changes) -> int:
    """Reads the file as the coordinator would, then saves a change as `actor`."""
    loaded = students._load(session, student_id)
    data = replace(students._to_input(loaded), **changes)
    return students.save_student(session, actor, student_id, loaded.version, data)


ALL = {Role.COORDINATOR, Role.MENTOR, Role.READ_ONLY}
EDITORS = {Role.COORDINATOR, Role.MENTOR}
COORDINATOR = {Role.COORDINATOR}
NOT_MENTOR = {Role.COORDINATOR, Role.READ_ONLY}
# The board sees counts, never a name: of the use cases here only its own account's.
EVERY_USER = ALL | {Role.BOARD}

# use case -> (how to call it as `actor` in world `w`, the roles that may)
USE_CASES: dict[str, tuple[Callable[[Session, Actor, World], object], set[Role]]] = {
    "cohort list": (lambda s, a, w: cohort.list_cohort(s, a), ALL),
    "cohort overview": (lambda s, a, w: cohort.cohort_overview(s, a), ALL),
    "open own student's file": (
        lambda s, a, w: students.open_student_file(s, a, w.own_student),
        ALL,
    ),
    "open other mentor's student's file": (
        lambda s, a, w: students.open_student_file(s, a, w.other_student),
        NOT_MENTOR,
    ),
    "create student": (
        lambda s, a, w: students.create_student(
            s, a, StudentInput(first_name="Nieuw", surname="Leerling")
        ),
        EDITORS,
    ),
    "save own student": (lambda s, a, w: _edit(s, a, w.own_student, class_name="V6B"), EDITORS),
    "save other mentor's student": (
        lambda s, a, w: _edit(s, a, w.other_student, class_name="V6B"),
        COORDINATOR,
    ),
    "change a student's mentor": (
        lambda s, a, w: _edit(s, a, w.own_student, mentor_id=w.other_mentor),
        COORDINATOR,
    ),
    "list users": (lambda s, a, w: users.list_users(s, a), COORDINATOR),
    "get user": (lambda s, a, w: users.get_user(s, a, w.other_mentor), COORDINATOR),
    "create user": (
        lambda s, a, w: users.create_user(
            s, a, UserInput("nieuw", "Nieuwe Collega", Role.MENTOR.value, "", NEW_PASSWORD)
        ),
        COORDINATOR,
    ),
    "update user": (
        lambda s, a, w: users.update_user(
            s, a, w.other_mentor, UserChanges("Andere Naam", "", Role.READ_ONLY.value, True)
        ),
        COORDINATOR,
    ),
    "deactivate user": (
        lambda s, a, w: users.update_user(
            s, a, w.other_mentor, UserChanges("m.jansen", "", Role.MENTOR.value, False)
        ),
        COORDINATOR,
    ),
    "reset password": (
        lambda s, a, w: users.reset_password(s, a, w.other_mentor, NEW_PASSWORD),
        COORDINATOR,
    ),
    "change own password": (
        lambda s, a, w: users.change_own_password(s, a, PASSWORD, NEW_PASSWORD),
        EVERY_USER,
    ),
    "log out": (lambda s, a, w: users.record_logout(s, a), EVERY_USER),
    "browse audit log": (lambda s, a, w: audit.browse(s, a), COORDINATOR),
    "audit filter choices": (lambda s, a, w: audit.actions_in_use(s, a), COORDINATOR),
    "verify audit chain": (lambda s, a, w: audit.check_chain(s, a), COORDINATOR),
    "subject access export": (
        lambda s, a, w: subject_access.export_subject_data(s, a, w.las_key),
        COORDINATOR,
    ),
    "subject access to file": (
        lambda s, a, w: subject_access.save_subject_access(
            s, a, w.las_key, str(w.out_dir / f"inzage-{a.username}.json")
        ),
        COORDINATOR,
    ),
}


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
@pytest.mark.parametrize("use_case", list(USE_CASES))
def test_role_matrix(world: World, use_case: str, role: Role) -> None:
    call, allowed = USE_CASES[use_case]
    actor = world.actors[role]
    if role in allowed:
        attempt(world.store, lambda s: call(s, actor, world))
    else:
        with pytest.raises(PermissionDeniedError) as refused:
            attempt(world.store, lambda s: call(s, actor, world))
        assert refused.value.message  # a Dutch sentence fit to show as is


def test_refused_attempts_leave_no_file_behind(world: World) -> None:
    for role in (Role.MENTOR, Role.READ_ONLY):
        assert not (world.out_dir / f"inzage-{world.actors[role].username}.json").exists()


def test_a_mentor_sees_only_their_own_students(world: World) -> None:
    rows = attempt(world.store, lambda s: cohort.list_cohort(s, world.actors[Role.MENTOR]))
    assert [r.id for r in rows] == [world.own_student]
    everyone = attempt(world.store, lambda s: cohort.list_cohort(s, world.actors[Role.READ_ONLY]))
    assert {r.id for r in everyone} == {world.own_student, world.other_student}


def test_a_mentors_new_student_is_their_own(world: World) -> None:
    mentor = world.actors[Role.MENTOR]

    def create_and_read(session: Session):
        new_id = students.create_student(
            session,
            mentor,
            StudentInput(first_name="Nieuw", surname="Leerling", mentor_id=world.other_mentor),
        )
        return students.open_student_file(session, mentor, new_id)

    assert attempt(world.store, create_and_read).input.mentor_id == mentor.user_id


def test_a_coordinator_demoted_elsewhere_loses_coordinator_rights_at_once(world: World) -> None:
    """The Actor remembered at log-in still says coordinator; the database no longer does."""
    coordinator = world.actors[Role.COORDINATOR]

    def demote_then_list(session: Session):
        user = session.get(User, coordinator.user_id)
        user.role = Role.MENTOR
        session.flush()
        return users.list_users(session, coordinator)

    with pytest.raises(PermissionDeniedError):
        attempt(world.store, demote_then_list)
