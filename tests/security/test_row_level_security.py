"""Issue "Harden the data protection", item 1(c): on the shared PostgreSQL store the server,
not the app, keeps a mentor to his or her own students.

Each user connects with an own login role and password (pg_hba asks a password of every
member of a Koers group here, the rest of the test server stays on trust), straight from
SQL, outside the app: what the server hands out is what such a user can ever read.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import text

from app.core.errors import AuthenticationError
from app.db import Store, open_store, server_roles
from app.db.migrate import alembic_config
from app.db.urls import as_user
from app.models import Role, Student
from app.models.aftercare import AftercareCall, AftercarePlan
from app.models.consent import Consent, ConsentForm, Organisation, OrganisationKind
from app.models.conversation import Agreement, Conversation, ConversationType
from app.models.student import Guardian
from app.services.admin import accounts, opening, users
from app.services.common.actor import Actor
from app.services.students.cohort import list_cohort
from tests.conftest import PostgresServer

pytestmark = pytest.mark.postgres

PASSWORD = "horizon-2026-veilig"
STUDENT_TABLES = (
    "students",
    "guardians",
    "conversations",
    "agreements",
    "aftercare_plans",
    "aftercare_calls",
    "consents",
)
GROUP_LINE = "host all +koers_coordinator,+koers_mentor,+koers_readonly 127.0.0.1/32 scram-sha-256"
_numbers = itertools.count(1)


@dataclass
class SharedSchool:
    server: PostgresServer
    database: str
    owner_url: str
    logins: dict[str, str] = field(default_factory=dict)  # "coordinator" -> role name
    students: dict[str, set[int]] = field(default_factory=dict)  # "a" -> own student ids

    def connect(self, who: str, password: str = PASSWORD) -> psycopg.Connection:
        """A plain SQL connection with that user's own credentials, outside the app."""
        return psycopg.connect(
            host=self.server.host,
            port=self.server.port,
            user=self.logins[who],
            password=password,
            dbname=self.database,
            autocommit=True,
        )

    def app_url(self, who: str) -> str:
        return as_user(self.owner_url + "?koers_roles=server", self.logins[who], PASSWORD)


def _passwords_for_koers_roles(server: PostgresServer) -> None:
    """Members of the Koers groups log in with a password; the superuser stays on trust."""
    with server.admin() as admin:
        hba = Path(admin.execute("SHOW hba_file").fetchone()[0])
        lines = hba.read_text()
        if GROUP_LINE not in lines:
            hba.write_text(GROUP_LINE + "\n" + lines)
            admin.execute("SELECT pg_reload_conf()")


def _student(session, mentor_id: int | None, surname: str, organisation_id: int) -> int:
    student = Student(first_name="Sam", surname=surname, mentor_id=mentor_id)
    session.add(student)
    session.flush()
    conversation = Conversation(
        student_id=student.id, kind=ConversationType.OTHER, held_at=datetime(2026, 11, 2, 10)
    )
    conversation.agreements.append(Agreement(what="Stageplek zoeken", who="Sam"))
    session.add_all(
        [
            Guardian(student_id=student.id, name=f"Ouder {surname}"),
            conversation,
            AftercarePlan(
                student_id=student.id, outflow_date=date(2026, 7, 1), ends_on=date(2028, 7, 1)
            ),
            AftercareCall(student_id=student.id, due_date=date(2027, 1, 1)),
            Consent(
                student_id=student.id,
                organisation_id=organisation_id,
                scopes="",
                given_on=date(2026, 9, 1),
                form=ConsentForm.DIGITAL,
            ),
        ]
    )
    session.flush()
    return student.id


@pytest.fixture(scope="module")
def school(postgres_server: PostgresServer) -> Iterator[SharedSchool]:
    """A shared store with two mentors, a read-only account and a coordinator, each with an
    own login role; the mentors' roles are made by the coordinator through the app."""
    _passwords_for_koers_roles(postgres_server)
    number = next(_numbers)
    database = f"koers_rls_{number}"
    suffix = uuid.uuid4().hex[:6]
    with postgres_server.admin() as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    owner_url = postgres_server.url(database)
    shared = SharedSchool(postgres_server, database, owner_url)
    shared.logins = {who: f"{who}.{suffix}" for who in ("coordinator", "a", "b", "readonly")}
    try:
        # The DBA: schema, school, and the first coordinator's login role.
        owner = open_store(owner_url)
        owner.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username=shared.logins["coordinator"],
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
        owner.run(
            server_roles.set_login, shared.logins["coordinator"], PASSWORD, "coordinator", True
        )
        # The coordinator, on an own connection, adds the accounts (and so their roles).
        coordinator = Store(shared.app_url("coordinator"))
        actor = coordinator.run(accounts.login, shared.logins["coordinator"], PASSWORD).actor
        assert actor is not None
        ids = {}
        for who, role in (("a", Role.MENTOR), ("b", Role.MENTOR), ("readonly", Role.READ_ONLY)):
            data = users.UserInput(shared.logins[who], f"Gebruiker {who}", role.value, "", PASSWORD)
            ids[who] = coordinator.run(users.create_user, actor, data)
        with owner.session() as session:
            organisation = Organisation(
                code="GEM", name="Gemeente", kind=OrganisationKind.MUNICIPALITY
            )
            session.add(organisation)
            session.flush()
            for who in ("a", "b"):
                shared.students[who] = {
                    _student(session, ids[who], f"{who}{n}", organisation.id) for n in range(2)
                }
            shared.students["none"] = {_student(session, None, "zonder", organisation.id)}
        coordinator.dispose()
        owner.dispose()
        yield shared
    finally:
        with postgres_server.admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            for role in shared.logins.values():
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')


def _student_ids(connection: psycopg.Connection, table: str) -> set[int]:
    column = "id" if table == "students" else "student_id"
    if table == "agreements":
        query = (
            "SELECT c.student_id FROM agreements a JOIN conversations c ON c.id = a.conversation_id"
        )
        # The join runs as this user too: count the agreements themselves as well.
        count = connection.execute("SELECT count(*) FROM agreements").fetchone()[0]
        ids = {row[0] for row in connection.execute(query)}
        assert count == len(ids)
        return ids
    return {row[0] for row in connection.execute(f"SELECT {column} FROM {table}")}


@pytest.mark.parametrize("mentor,other", [("a", "b"), ("b", "a")])
def test_a_mentor_reads_only_own_students_and_their_rows(
    school: SharedSchool, mentor: str, other: str
) -> None:
    with school.connect(mentor) as connection:
        for table in STUDENT_TABLES:
            assert _student_ids(connection, table) == school.students[mentor], table
        # Asking for the other mentor's student by id gets no row either.
        other_id = min(school.students[other])
        found = connection.execute("SELECT * FROM students WHERE id = %s", (other_id,))
        assert found.fetchall() == []


def test_read_only_gets_no_student_row_but_the_school(school: SharedSchool) -> None:
    with school.connect("readonly") as connection:
        for table in STUDENT_TABLES:
            assert _student_ids(connection, table) == set(), table
        assert connection.execute("SELECT count(*) FROM school_settings").fetchone()[0] == 1


def test_the_coordinator_reads_every_student(school: SharedSchool) -> None:
    every = school.students["a"] | school.students["b"] | school.students["none"]
    with school.connect("coordinator") as connection:
        for table in STUDENT_TABLES:
            assert _student_ids(connection, table) == every, table


def test_a_wrong_password_gets_no_connection(school: SharedSchool) -> None:
    with pytest.raises(psycopg.OperationalError, match="password"):
        school.connect("a", password="geraden-wachtwoord-1")


def test_a_mentor_cannot_become_coordinator_or_someone_else(school: SharedSchool) -> None:
    with school.connect("a") as connection:
        for attack in (
            "SET ROLE koers_coordinator",
            f'SET SESSION AUTHORIZATION "{school.logins["coordinator"]}"',
            # The binding of login to Koers user: name and role are not the mentor's to change.
            f"UPDATE users SET username = '{school.logins['coordinator']}'",
            "UPDATE users SET role = 'coordinator'",
            f"SELECT koers_set_login('{school.logins['a']}', NULL, 'coordinator', true)",
            "GRANT koers_coordinator TO CURRENT_USER",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(attack)
        # Taking over the other mentor's student touches no row: it is not there to touch.
        other_id = min(school.students["b"])
        changed = connection.execute(
            "UPDATE students SET mentor_id = koers_current_user_id() WHERE id = %s", (other_id,)
        )
        assert changed.rowcount == 0
        # Handing an own student to nobody is refused: the row would leave the mentor's view.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "UPDATE students SET mentor_id = NULL WHERE id = %s", (min(school.students["a"]),)
            )
        # SET ROLE to the own group changes nothing of who the server thinks this is.
        connection.execute("SET ROLE koers_mentor")
        assert _student_ids(connection, "students") == school.students["a"]


def test_the_app_logged_in_as_the_mentor_lists_that_cohort(school: SharedSchool) -> None:
    store = Store(school.app_url("a"))
    try:
        result = store.run(accounts.login, school.logins["a"], PASSWORD)
        assert result.actor is not None
        ids = {row.id for row in store.run(list_cohort, result.actor)}
        assert ids == school.students["a"]
        # An app that wrongly believed this mentor a coordinator still gets only those rows.
        forged = Actor(result.actor.user_id, result.actor.username, "x", Role.COORDINATOR)
        assert {row.id for row in store.run(list_cohort, forged)} == school.students["a"]
    finally:
        store.dispose()


def test_switching_a_mentor_off_ends_the_server_login(school: SharedSchool) -> None:
    coordinator = Store(school.app_url("coordinator"))
    try:
        actor = coordinator.run(accounts.login, school.logins["coordinator"], PASSWORD).actor
        data = users.UserInput(
            f"tijdelijk.{uuid.uuid4().hex[:6]}", "Tijdelijk", "mentor", "", PASSWORD
        )
        user_id = coordinator.run(users.create_user, actor, data)
        school.logins["tijdelijk"] = data.username
        school.connect("tijdelijk").close()
        changes = users.UserChanges("Tijdelijk", "", "mentor", active=False)
        coordinator.run(users.update_user, actor, user_id, changes)
        with pytest.raises(psycopg.OperationalError):
            school.connect("tijdelijk")
    finally:
        coordinator.dispose()


# --- the migration ------------------------------------------------------------------------

PROTECTED = ("students", "guardians", "conversations", "agreements", "aftercare_calls", "drafts")


@pytest.fixture
def postgres_store(postgres_server: PostgresServer) -> Iterator[Store]:
    database = f"koers_rls_migration_{next(_numbers)}"
    with postgres_server.admin() as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    store = open_store(postgres_server.url(database))
    try:
        yield store
    finally:
        store.dispose()
        with postgres_server.admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_upgrade_on_postgresql_installs_forced_row_security(postgres_store: Store) -> None:
    store = postgres_store
    with store.engine.connect() as connection:
        flags = dict(
            connection.execute(
                text(
                    "SELECT relname, relrowsecurity AND relforcerowsecurity FROM pg_class "
                    "WHERE relname = ANY(:names)"
                ),
                {"names": list(PROTECTED)},
            ).all()
        )
        policies = set(connection.execute(text("SELECT tablename FROM pg_policies")).scalars())
    assert flags == dict.fromkeys(PROTECTED, True)
    assert set(PROTECTED) <= policies


def test_upgrade_on_sqlite_changes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store = Store(url)
    try:
        config = alembic_config(store)
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0011")
        schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        with store.engine.connect() as connection:
            before = connection.execute(text(schema)).all()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0012")
        with store.engine.connect() as connection:
            assert connection.execute(text(schema)).all() == before
            assert (
                connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                == "0012"
            )
    finally:
        store.dispose()


def test_the_single_role_mode_app_role_still_reads_every_student(school: SharedSchool) -> None:
    """An install set up with `audit grants --role ...` (one role for the whole app, in no
    Koers group) keeps working after the upgrade: the app decides, as before."""
    role = f"koers_app_{uuid.uuid4().hex[:6]}"
    school.logins["app"] = role  # dropped with the others, after the database
    with school.server.admin() as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN")
    owner = Store(school.owner_url)
    try:
        with owner.engine.begin() as connection:
            connection.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    finally:
        owner.dispose()
    every = school.students["a"] | school.students["b"] | school.students["none"]
    with school.connect("app", password="") as connection:
        for table in STUDENT_TABLES:
            assert _student_ids(connection, table) == every, table


def test_logging_in_through_the_app_connects_with_the_own_role(school: SharedSchool) -> None:
    found = opening.find_school(school.owner_url + "?koers_roles=server")
    try:
        with pytest.raises(AuthenticationError):
            opening.log_in(
                found, school.logins["b"], "geraden-wachtwoord-1", damaged_read_only=False
            )
        entered = opening.log_in(found, school.logins["b"], PASSWORD, damaged_read_only=False)
        assert entered.store.url.username == school.logins["b"]
        assert {row.id for row in entered.store.run(list_cohort, entered.actor)} == school.students[
            "b"
        ]
    finally:
        found.close()
