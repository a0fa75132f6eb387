"""The PostgreSQL server restarting mid-session: a Dutch message, nothing half-saved, and
the same save succeeding once the server is back. Each test owns its server (it stops it),
so the session's shared server is never disturbed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from app.core.errors import ConflictError, ConnectionLostError
from app.db import Store, open_store
from app.db.connection_errors import LOST_MESSAGE, is_connection_lost
from app.models import AuditEntry, Student
from app.services.admin import accounts
from app.services.common.actor import Actor
from app.services.students.student_file import (
    StudentInput,
    create_student,
    open_student_file,
    save_student,
)
from tests.pg_control import OwnServer, own_server

pytestmark = pytest.mark.postgres

PASSWORD = "verbinding-test-2026"


@pytest.fixture
def server() -> Iterator[OwnServer]:
    with own_server() as started:
        yield started


@pytest.fixture
def school(server: OwnServer) -> Iterator[tuple[Store, Actor]]:
    store = open_store(server.create_database("koers"))
    coordinator = store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password=PASSWORD,
    )
    yield store, coordinator
    store.dispose()


def _students_with_las(store: Store, las_key: str) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).where(Student.las_key == las_key))


def test_a_new_file_saved_while_the_server_is_down_is_refused_then_saved_once(
    server: OwnServer, school: tuple[Store, Actor]
) -> None:
    store, coordinator = school
    data = StudentInput(first_name="Noor", surname="Bakker", las_key="700001")
    server.stop()

    with pytest.raises(ConnectionLostError) as refused:
        store.run(create_student, coordinator, data)
    assert refused.value.message == LOST_MESSAGE

    server.start()
    assert _students_with_las(store, "700001") == 0  # nothing was written during the outage
    store.run(create_student, coordinator, data)  # the same save, as the user clicks again
    assert _students_with_las(store, "700001") == 1


def test_an_edit_whose_connection_dies_mid_transaction_is_kept_for_the_next_try(
    server: OwnServer, school: tuple[Store, Actor]
) -> None:
    store, coordinator = school
    student_id = store.run(
        create_student, coordinator, StudentInput(first_name="Sem", surname="Jansen")
    )
    opened = store.run(open_student_file, coordinator, student_id)
    edited = replace(opened.input, notes="Belt maandag terug over de stage.")
    with store.session() as session:
        audit_rows_before = session.scalar(select(func.count()).select_from(AuditEntry))

    def save_across_a_restart(session, *args):
        # The transaction has begun and read; then the server is restarted under it.
        session.scalar(select(Student.version).where(Student.id == student_id))
        server.stop()
        server.start()
        return save_student(session, *args)

    with pytest.raises(ConnectionLostError, match="verbinding met de database is verbroken"):
        store.run(save_across_a_restart, coordinator, student_id, opened.version, edited)

    with store.session() as session:
        student = session.get(Student, student_id)
        assert (student.version, student.notes or "") == (opened.version, "")
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audit_rows_before
    # The edit the user still has on screen saves at the version it was read at.
    new_version = store.run(save_student, coordinator, student_id, opened.version, edited)
    assert new_version == opened.version + 1
    assert store.run(open_student_file, coordinator, student_id).input.notes == edited.notes


def test_a_server_restarted_between_actions_is_not_even_noticed(
    server: OwnServer, school: tuple[Store, Actor]
) -> None:
    # The pool tests each connection before use (pool_pre_ping) and reconnects.
    store, coordinator = school
    store.run(create_student, coordinator, StudentInput(first_name="Lotte", surname="Smit"))
    server.stop()
    server.start()
    store.run(create_student, coordinator, StudentInput(first_name="Bram", surname="Smit"))
    with store.session() as session:
        assert session.scalar(select(func.count()).where(Student.surname == "Smit")) == 2


def test_a_conflict_stays_a_conflict_after_a_reconnect(
    server: OwnServer, school: tuple[Store, Actor]
) -> None:
    store, coordinator = school
    student_id = store.run(
        create_student, coordinator, StudentInput(first_name="Mila", surname="Visser")
    )
    opened = store.run(open_student_file, coordinator, student_id)
    # A colleague saves first; this PC's save of the older version must still be refused.
    theirs = replace(opened.input, notes="Gebeld met de moeder.")
    store.run(save_student, coordinator, student_id, opened.version, theirs)
    server.stop()
    server.start()
    mine = replace(opened.input, notes="Stageplek gevonden.")
    with pytest.raises(ConflictError):
        store.run(save_student, coordinator, student_id, opened.version, mine)


class _DriverError(Exception):
    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


class OperationalError(Exception):
    """Named as SQLAlchemy's wrapper is: the classifier reads class names, not imports."""

    def __init__(self, orig: Exception, invalidated: bool = False) -> None:
        super().__init__(str(orig))
        self.orig = orig
        self.connection_invalidated = invalidated


@pytest.mark.parametrize(
    ("error", "lost"),
    [
        (OperationalError(_DriverError("x"), invalidated=True), True),
        (OperationalError(_DriverError("terminating connection", "57P01")), True),
        (OperationalError(_DriverError("connection failure", "08006")), True),
        (OperationalError(_DriverError("connection failed: Connection refused")), True),
        (OperationalError(_DriverError("deadlock detected", "40P01")), False),
        (OperationalError(_DriverError("could not serialize access", "40001")), False),
        (OperationalError(_DriverError('password authentication failed for user "x"')), False),
        (OperationalError(_DriverError("SSL error: certificate verify failed")), False),
        (ValueError("connection refused"), False),
    ],
)
def test_only_a_server_that_went_away_counts_as_a_lost_connection(
    error: Exception, lost: bool
) -> None:
    assert is_connection_lost(error) is lost
