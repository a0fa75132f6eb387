"""The audit trail is hash-chained: any change made behind Koers's back is found."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.db import Store
from app.models import AuditEntry
from app.services.admin import accounts
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput


@pytest.fixture
def trail(store: Store, coordinator: Actor, coordinator_password: str) -> list[int]:
    """A short, realistic trail: set-up, a log-in, a new student opened twice."""
    store.run(accounts.login, coordinator.username, coordinator_password)
    student_id = store.run(
        students.create_student, coordinator, StudentInput(first_name="Sem", surname="Smit")
    )
    store.run(students.open_student_file, coordinator, student_id)
    store.run(students.open_student_file, coordinator, student_id)
    with store.session() as session:
        return list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))


def _behind_koers_back(session) -> None:
    """Someone with direct database access first removes the append-only triggers."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
    else:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("DROP TRIGGER audit_log_no_delete"))


def test_the_app_cannot_change_or_delete_audit_entries(store: Store, trail: list[int]) -> None:
    for statement in (
        "UPDATE audit_log SET detail = 'niets gebeurd' WHERE id = :id",
        "DELETE FROM audit_log WHERE id = :id",
    ):
        with pytest.raises(DBAPIError, match="append-only"), store.session() as session:
            session.execute(text(statement), {"id": trail[2]})
    assert store.run(audit.verify_chain) is None
    with store.session() as session:
        assert len(session.scalars(select(AuditEntry.id)).all()) == len(trail)


def test_untouched_chain_verifies(store: Store, trail: list[int]) -> None:
    assert len(trail) == 5
    assert store.run(audit.verify_chain) is None


def test_editing_one_entry_by_hand_is_found(store: Store, trail: list[int]) -> None:
    tampered = trail[2]
    with store.session() as session:
        _behind_koers_back(session)
        session.execute(
            text("UPDATE audit_log SET detail = 'niets gebeurd' WHERE id = :id"), {"id": tampered}
        )
    assert store.run(audit.verify_chain) == tampered


def test_rewriting_who_did_it_is_found(store: Store, trail: list[int]) -> None:
    with store.session() as session:
        _behind_koers_back(session)
        session.execute(
            text("UPDATE audit_log SET user_id = NULL WHERE id = :id"), {"id": trail[3]}
        )
    assert store.run(audit.verify_chain) == trail[3]


def test_deleting_an_entry_breaks_the_chain_at_the_next_one(store: Store, trail: list[int]) -> None:
    with store.session() as session:
        _behind_koers_back(session)
        session.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": trail[1]})
    assert store.run(audit.verify_chain) == trail[2]


def test_entries_for_one_student_in_order(store: Store, trail: list[int]) -> None:
    with store.session() as session:
        (student_id,) = session.scalars(
            select(AuditEntry.entity_id).where(AuditEntry.action == "create")
        ).all()
        entries = audit.entries_for(session, "student", student_id)
    assert [e.action for e in entries] == ["create", "view", "view"]
    assert [e.id for e in entries] == trail[2:]


def test_two_pcs_logging_at_the_same_moment_keep_one_chain(
    store: Store, coordinator: Actor
) -> None:
    pc1_has_read, pc2_done = threading.Event(), threading.Event()
    errors: list[Exception] = []

    def pc2() -> None:
        pc1_has_read.wait(timeout=10)
        try:
            store.run(audit.record, coordinator, "view", "student", 2)
        except Exception as exc:  # reported below, not lost in the thread
            errors.append(exc)
        finally:
            pc2_done.set()

    thread = threading.Thread(target=pc2)
    thread.start()
    with store.session() as pc1:
        audit.record(pc1, coordinator, "view", "student", 1)
        pc1_has_read.set()
        # With appends serialised PC 2 waits for this commit; unserialised it finishes first.
        pc2_done.wait(timeout=1)
    thread.join(timeout=30)

    assert errors == []
    assert store.run(audit.verify_chain) is None
