"""Browsing the audit trail: each filter narrows, names come along, and the chain report."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from app.core.errors import NotFoundError
from app.db import Store
from app.models import Role, User
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput


@pytest.fixture
def trail(store: Store, coordinator: Actor) -> dict:
    with store.session() as session:
        user = User(username="m.devries", display_name="Mark de Vries", role=Role.MENTOR)
        session.add(user)
        session.flush()
        mentor = Actor(user.id, user.username, user.display_name, user.role)
    sem = store.run(
        students.create_student,
        coordinator,
        StudentInput(first_name="Sem", surname="Smit", las_key="8001", mentor_id=mentor.user_id),
    )
    lotte = store.run(
        students.create_student, coordinator, StudentInput(first_name="Lotte", surname="Bakker")
    )
    store.run(students.open_student_file, mentor, sem)
    store.run(students.open_student_file, coordinator, lotte)
    return {"mentor": mentor, "sem": sem, "lotte": lotte}


def _actions(rows) -> list[tuple[str, int | None]]:
    return [(r.action, r.entity_id) for r in rows]


def test_filters_narrow_the_trail_newest_first(
    store: Store, coordinator: Actor, trail: dict
) -> None:
    sem, lotte, mentor = trail["sem"], trail["lotte"], trail["mentor"]
    everything = store.run(audit.browse, coordinator)
    assert _actions(everything) == [
        ("view", lotte),
        ("view", sem),
        ("create", lotte),
        ("create", sem),
        ("school_created", None),
    ]
    assert everything[1].user_name == "Mark de Vries"
    assert everything[1].action_label == "Bekeken"

    assert _actions(store.run(audit.browse, coordinator, action="view")) == [
        ("view", lotte),
        ("view", sem),
    ]
    by_mentor = store.run(audit.browse, coordinator, user_id=mentor.user_id)
    assert _actions(by_mentor) == [("view", sem)]
    assert _actions(store.run(audit.browse, coordinator, student="8001")) == [
        ("view", sem),
        ("create", sem),
    ]
    assert _actions(store.run(audit.browse, coordinator, entity="student", entity_id=lotte)) == [
        ("view", lotte),
        ("create", lotte),
    ]
    assert len(store.run(audit.browse, coordinator, limit=2)) == 2
    with pytest.raises(NotFoundError):
        store.run(audit.browse, coordinator, student="0000-onbekend")


def test_date_filters_take_whole_local_days(store: Store, coordinator: Actor, trail: dict) -> None:
    # Move the school's creation back three days, behind the trail's back.
    with store.session() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        else:
            session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(
            text("UPDATE audit_log SET at = :at WHERE action = 'school_created'"),
            {"at": datetime.now(UTC).replace(tzinfo=None) - timedelta(days=3)},
        )
    today = date.today()
    recent = store.run(audit.browse, coordinator, since=today - timedelta(days=1))
    assert "school_created" not in {r.action for r in recent}
    assert len(recent) == 4
    old = store.run(audit.browse, coordinator, until=today - timedelta(days=2))
    assert [r.action for r in old] == ["school_created"]
    assert store.run(audit.browse, coordinator, since=today, until=today) == recent

    # ...which the chain notices, of course.
    report = store.run(audit.check_chain, coordinator)
    assert not report.intact
    assert report.entries == 5
