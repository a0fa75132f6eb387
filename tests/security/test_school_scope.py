"""Issue 19, item 4: many schools on one PostgreSQL server; the server keeps each user to the
rows of his or her own schools (migration 0017).

Two schools share one database. Each coordinator connects with an own login role, straight
from SQL, outside the app: what the server hands out is all that user can ever read.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import psycopg
import pytest
from sqlalchemy import update

from app.db import Store, open_store, server_roles
from app.models import Role, School, SchoolMember, Student
from app.models.consent import Organisation, OrganisationKind
from app.services.admin import accounts, users
from app.services.students.cohort import list_cohort
from tests.conftest import PostgresServer
from tests.security.test_row_level_security import (
    PASSWORD,
    STUDENT_TABLES,
    _passwords_for_koers_roles,
    _student,
    _student_ids,
)

pytestmark = pytest.mark.postgres


@dataclass
class Region:
    server: PostgresServer
    database: str
    owner_url: str
    logins: dict[str, str] = field(default_factory=dict)  # "coordinator_a" -> role name
    schools: dict[str, int] = field(default_factory=dict)  # "a" -> school id
    students: dict[str, set[int]] = field(default_factory=dict)  # "a" -> its student ids

    def connect(self, who: str) -> psycopg.Connection:
        return psycopg.connect(
            host=self.server.host,
            port=self.server.port,
            user=self.logins[who],
            password=PASSWORD,
            dbname=self.database,
            autocommit=True,
        )


@pytest.fixture(scope="module")
def region(postgres_server: PostgresServer) -> Iterator[Region]:
    """Schools A and B in one database: a coordinator of each, a mentor of A with students
    in both schools, a coordinator of no school, and one student of no school."""
    _passwords_for_koers_roles(postgres_server)
    database = f"koers_region_{uuid.uuid4().hex[:8]}"
    suffix = uuid.uuid4().hex[:6]
    with postgres_server.admin() as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    owner_url = postgres_server.url(database)
    shared = Region(postgres_server, database, owner_url)
    shared.logins = {
        who: f"{who}.{suffix}"
        for who in ("coordinator_a", "coordinator_b", "mentor_a", "coordinator_none", "board")
    }
    try:
        owner = open_store(owner_url)
        first = owner.run(
            accounts.initialise_school,
            school_name="Samenwerkingsverband De Delta",
            brin="00XX",
            username=shared.logins["coordinator_a"],
            display_name="Coördinator A",
            password=PASSWORD,
        )
        owner.run(
            server_roles.set_login, shared.logins["coordinator_a"], PASSWORD, "coordinator", True
        )
        ids = {"coordinator_a": first.user_id}
        for who, role in (
            ("coordinator_b", Role.COORDINATOR),
            ("mentor_a", Role.MENTOR),
            ("coordinator_none", Role.COORDINATOR),
            ("board", Role.BOARD),
        ):
            data = users.UserInput(shared.logins[who], f"Gebruiker {who}", role.value, "", PASSWORD)
            ids[who] = owner.run(users.create_user, first, data)
            owner.run(server_roles.set_login, shared.logins[who], PASSWORD, role.value, True)
        with owner.session() as session:
            for key, brin in (("a", "11AA"), ("b", "22BB")):
                school = School(name=f"School {key.upper()}", brin=brin, location="00")
                session.add(school)
                session.flush()
                shared.schools[key] = school.id
            # Memberships are the DBA's to set (the owner here).
            session.add_all(
                [
                    SchoolMember(user_id=ids["coordinator_a"], school_id=shared.schools["a"]),
                    SchoolMember(user_id=ids["mentor_a"], school_id=shared.schools["a"]),
                    SchoolMember(user_id=ids["coordinator_b"], school_id=shared.schools["b"]),
                    SchoolMember(user_id=ids["board"], school_id=shared.schools["a"]),
                    SchoolMember(user_id=ids["board"], school_id=shared.schools["b"]),
                ]
            )
            organisation = Organisation(
                code="GEM", name="Gemeente", kind=OrganisationKind.MUNICIPALITY
            )
            session.add(organisation)
            session.flush()
            for key in ("a", "b"):
                made = {
                    # The mentor of school A also mentors a student in B: the school decides.
                    _student(session, ids["mentor_a"], f"{key}{n}", organisation.id)
                    for n in range(3)
                }
                session.execute(
                    update(Student)
                    .where(Student.id.in_(made))
                    .values(school_id=shared.schools[key])
                )
                shared.students[key] = made
            shared.students["none"] = {_student(session, None, "zonder", organisation.id)}
        owner.dispose()
        yield shared
    finally:
        with postgres_server.admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            for role in shared.logins.values():
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.mark.parametrize("own,other", [("a", "b"), ("b", "a")])
def test_a_coordinator_of_one_school_gets_none_of_the_other_schools_rows(
    region: Region, own: str, other: str
) -> None:
    with region.connect(f"coordinator_{own}") as connection:
        for table in STUDENT_TABLES:
            # The school's own students, and those of no school (a single school's rows).
            assert _student_ids(connection, table) == (
                region.students[own] | region.students["none"]
            ), table
        other_id = min(region.students[other])
        found = connection.execute("SELECT * FROM students WHERE id = %s", (other_id,))
        assert found.fetchall() == []
        # Writing the other school's rows touches nothing: they are not there to touch.
        changed = connection.execute(
            "UPDATE students SET surname = 'Overschreven' WHERE id = %s", (other_id,)
        )
        assert changed.rowcount == 0
        deleted = connection.execute("DELETE FROM guardians WHERE student_id = %s", (other_id,))
        assert deleted.rowcount == 0


def test_a_coordinator_cannot_move_a_student_into_another_school_or_join_it(
    region: Region,
) -> None:
    with region.connect("coordinator_a") as connection:
        own_id = min(region.students["a"])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "UPDATE students SET school_id = %s WHERE id = %s", (region.schools["b"], own_id)
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "INSERT INTO school_members (user_id, school_id) "
                "SELECT id, %s FROM users WHERE username = session_user",
                (region.schools["b"],),
            )


def test_a_mentor_is_kept_to_own_students_within_own_school(region: Region) -> None:
    """The school scope adds to the mentor's scope: B's student of this mentor stays out."""
    with region.connect("mentor_a") as connection:
        for table in STUDENT_TABLES:
            assert _student_ids(connection, table) == region.students["a"], table


def test_a_coordinator_of_no_school_gets_only_the_rows_of_no_school(region: Region) -> None:
    with region.connect("coordinator_none") as connection:
        assert _student_ids(connection, "students") == region.students["none"]


def test_the_owner_still_reads_every_school(region: Region) -> None:
    owner = Store(region.owner_url)
    try:
        with owner.session() as session:
            ids = set(session.scalars(Student.__table__.select().with_only_columns(Student.id)))
    finally:
        owner.dispose()
    assert ids == region.students["a"] | region.students["b"] | region.students["none"]


def test_the_app_logged_in_as_coordinator_of_a_lists_only_school_a(region: Region) -> None:
    from app.db.urls import as_user

    url = as_user(
        region.owner_url + "?koers_roles=server", region.logins["coordinator_a"], PASSWORD
    )
    store = Store(url)
    try:
        actor = store.run(accounts.login, region.logins["coordinator_a"], PASSWORD).actor
        assert actor is not None
        listed = {row.id for row in store.run(list_cohort, actor)}
        assert listed == region.students["a"] | region.students["none"]
    finally:
        store.dispose()


PERSONAL_TABLES = (*STUDENT_TABLES, "drafts", "export_log", "profile_scores", "meeting_actions")


def test_the_board_reads_no_row_of_any_student_table_from_sql(region: Region) -> None:
    """Not even a count: the board's group holds no privilege on a table with student data
    (migration 0018); its counts come from the server's function, per school only."""
    with region.connect("board") as connection:
        for table in PERSONAL_TABLES:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(f"SELECT count(*) FROM {table}")
        counts = connection.execute(
            "SELECT school_id, students FROM koers_board_school_counts("
            "'2000-01-01', '2100-01-01', ARRAY[6], ARRAY[DATE '2100-01-01']) "
            "WHERE figure = 'cohort'"
        ).fetchall()
        assert dict(counts) == {
            region.schools["a"]: len(region.students["a"]),
            region.schools["b"]: len(region.students["b"]),
        }
        # The own account's password is the board's to change, another's is not.
        changed = connection.execute(
            "UPDATE users SET password_hash = 'x' WHERE username = %s",
            (region.logins["coordinator_a"],),
        )
        assert changed.rowcount == 0


def test_only_the_board_gets_the_board_counts(region: Region) -> None:
    with (
        region.connect("coordinator_a") as connection,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        connection.execute(
            "SELECT * FROM koers_board_school_counts("
            "'2000-01-01', '2100-01-01', ARRAY[6], ARRAY[DATE '2100-01-01'])"
        )


def test_the_app_logged_in_as_the_board_shows_counts_per_school(region: Region) -> None:
    from datetime import date

    from app.core.errors import PermissionDeniedError
    from app.db.urls import as_user
    from app.services.trends.board import board_overview

    url = as_user(region.owner_url + "?koers_roles=server", region.logins["board"], PASSWORD)
    store = Store(url)
    try:
        actor = store.run(accounts.login, region.logins["board"], PASSWORD).actor
        assert actor is not None and actor.role is Role.BOARD
        view = store.run(board_overview, actor, date.today())
        assert {s.school_id: s.cohort for s in view.schools} == {
            region.schools["a"]: len(region.students["a"]),
            region.schools["b"]: len(region.students["b"]),
        }
        with pytest.raises(PermissionDeniedError):
            store.run(list_cohort, actor)
    finally:
        store.dispose()


def test_a_coordinator_sets_memberships_of_own_schools_through_the_server(
    region: Region,
) -> None:
    """The groups may not write `school_members`; the coordinator's login changes it through
    `koers_set_school_members` (0019), which refuses another school from SQL too."""
    from app.db.urls import as_user
    from app.services.admin import memberships

    url = as_user(
        region.owner_url + "?koers_roles=server", region.logins["coordinator_a"], PASSWORD
    )
    store = Store(url)
    ids = _user_ids(store)
    newcomer, other = ids[region.logins["coordinator_none"]], ids[region.logins["coordinator_b"]]
    try:
        actor = store.run(accounts.login, region.logins["coordinator_a"], PASSWORD).actor
        assert store.run(memberships.memberships, actor).schools_of(newcomer) == frozenset()
        store.run(memberships.set_memberships, actor, newcomer, {region.schools["a"]})
        # At once, from SQL: the newcomer reads school A's students.
        with region.connect("coordinator_none") as connection:
            assert _student_ids(connection, "students") == (
                region.students["a"] | region.students["none"]
            )
        for who, user_id in (("coordinator_a", other), ("mentor_a", newcomer)):
            with (
                region.connect(who) as connection,
                pytest.raises(psycopg.errors.InsufficientPrivilege),
            ):
                connection.execute(
                    "SELECT koers_set_school_members(%s, ARRAY[%s])",
                    (user_id, region.schools["a"]),
                )
    finally:
        store.dispose()
        with psycopg.connect(
            host=region.server.host,
            port=region.server.port,
            user=region.server.superuser,
            dbname=region.database,
            autocommit=True,
        ) as owner:
            owner.execute("DELETE FROM school_members WHERE user_id = %s", (newcomer,))


def _user_ids(store: Store) -> dict[str, int]:
    from sqlalchemy import select

    from app.models import User

    with store.session() as session:
        return {name: uid for uid, name in session.execute(select(User.id, User.username))}
