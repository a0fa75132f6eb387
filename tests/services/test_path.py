"""The path as a timeline: a new destination or a fall-back never erases the earlier one."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import PermissionDeniedError
from app.db import Store
from app.models import Destination, PathEventKind, Role, User
from app.services.common.actor import Actor
from app.services.path import timeline
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput


@pytest.fixture
def student_id(store: Store, coordinator: Actor) -> int:
    data = StudentInput(first_name="Daan", surname="Jansen", las_key="200001")
    return store.run(students.create_student, coordinator, data)


def _timeline(store: Store, student_id: int) -> list[tuple]:
    with store.session() as session:
        return [
            (e.kind, e.happened_on, e.destination, e.place, e.reason)
            for e in timeline.events(session, student_id)
        ]


def test_fall_back_keeps_the_earlier_destination_in_the_timeline(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    store.run(
        timeline.set_destination,
        coordinator,
        student_id,
        Destination.REGULAR_WORK,
        "Bakkerij Smits",
        date(2026, 8, 1),
    )
    store.run(
        timeline.record_fall_back, coordinator, student_id, date(2026, 10, 5), "Contract beëindigd"
    )

    assert _timeline(store, student_id) == [
        (
            PathEventKind.DESTINATION_SET,
            date(2026, 8, 1),
            Destination.REGULAR_WORK,
            "Bakkerij Smits",
            None,
        ),
        (
            PathEventKind.FALL_BACK,
            date(2026, 10, 5),
            Destination.REGULAR_WORK,
            "Bakkerij Smits",
            "Contract beëindigd",
        ),
    ]
    with store.session() as session:
        current = timeline.path_of(session, student_id)
        assert (current.destination, current.destination_date) == (
            Destination.NOTHING,
            date(2026, 10, 5),
        )


def test_a_mentor_cannot_change_the_path_of_another_mentors_student(
    store: Store, student_id: int
) -> None:
    with store.session() as session:
        user = User(username="mentor2", display_name="Mentor Twee", role=Role.MENTOR)
        session.add(user)
        session.flush()
        other = Actor(user.id, user.username, user.display_name, user.role)

    with pytest.raises(PermissionDeniedError):
        store.run(
            timeline.set_destination,
            other,
            student_id,
            Destination.DAGBESTEDING,
            None,
            date(2026, 8, 1),
        )
    assert _timeline(store, student_id) == []
