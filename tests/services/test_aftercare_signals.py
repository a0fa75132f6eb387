"""What aftercare finds reaches the coordinator: the signals service serves three unreachable
attempts, a drop-out without a new destination and overdue calls, to the coordinator for every
former student and to a mentor for their own."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.db import Store
from app.models import AftercareCall, Destination, PathPhase, Phase, Role, TransitionPath, User
from app.services.aftercare import calls as aftercare_calls
from app.services.aftercare.calls import CallInput
from app.services.common.actor import Actor
from app.services.path import timeline
from app.services.students import cohort, signals
from app.services.students import student_file as students
from app.services.students.signals import AftercareFlag
from app.services.students.student_file import StudentInput
from tests.services.plans import query_plan

LEFT = date(2025, 7, 10)
FIRST_CALL = date(2025, 8, 10)  # one month after leaving


def _mentor(store: Store, username: str, name: str) -> Actor:
    with store.session() as session:
        user = User(username=username, display_name=name, role=Role.MENTOR)
        session.add(user)
        session.flush()
        return Actor(user.id, user.username, user.display_name, user.role)


@pytest.fixture
def mentor(store: Store) -> Actor:
    return _mentor(store, "m.jansen", "Mila Jansen")


@pytest.fixture
def other_mentor(store: Store) -> Actor:
    return _mentor(store, "m.bakker", "Mo Bakker")


def _former_student(
    store: Store,
    coordinator: Actor,
    mentor: Actor,
    las: str,
    destination: Destination = Destination.REGULAR_WORK,
    since: date = LEFT,
) -> int:
    """Left on 10-07-2025 with a registered destination: the aftercare calls are planned."""
    data = StudentInput(
        first_name="Daan",
        surname="Jansen",
        las_key=las,
        mentor_id=mentor.user_id,
        planned_outflow_date=LEFT.strftime("%d-%m-%Y"),
    )
    sid = store.run(students.create_student, coordinator, data)
    store.run(timeline.set_destination, coordinator, sid, destination, "Bakkerij Smits", since)
    return sid


def _open_calls(store: Store, sid: int) -> list[AftercareCall]:
    with store.session() as session:
        return list(
            session.scalars(
                select(AftercareCall)
                .where(AftercareCall.student_id == sid, AftercareCall.made_on.is_(None))
                .order_by(AftercareCall.due_date, AftercareCall.id)
            )
        )


def _log_next(store: Store, actor: Actor, sid: int, on: date, **fields) -> None:
    """Logs the earliest open call of the student as made on `on`."""
    call = _open_calls(store, sid)[0]
    data = CallInput(made_on=on.strftime("%d-%m-%Y"), **fields)
    store.run(aftercare_calls.log_call, actor, call.id, call.version, data, on=on)


def _flags(store: Store, actor: Actor, on: date) -> dict[int, set[AftercareFlag]]:
    found = store.run(signals.compute, actor, on=on)
    return {
        sid: {kind for kind in kinds if isinstance(kind, AftercareFlag)}
        for sid, kinds in found.items()
        if any(isinstance(kind, AftercareFlag) for kind in kinds)
    }


def test_three_unreachable_attempts_reach_the_coordinator_until_reached(
    store: Store, coordinator: Actor, mentor: Actor, other_mentor: Actor
) -> None:
    sid = _former_student(store, coordinator, mentor, "500001")
    for day in (date(2025, 8, 11), date(2025, 8, 18), date(2025, 8, 25)):
        _log_next(store, mentor, sid, day, reached=False)
    on = date(2025, 8, 26)  # the next retry is not due yet: only the unreachable signal

    assert _flags(store, coordinator, on) == {sid: {AftercareFlag.UNREACHABLE}}
    assert _flags(store, mentor, on) == {sid: {AftercareFlag.UNREACHABLE}}
    assert _flags(store, other_mentor, on) == {}  # not their student
    (row,) = [row for row in store.run(cohort.list_cohort, coordinator) if row.id == sid]
    assert "Onbereikbaar" in row.signals  # what the cohort's Aandacht column shows

    _log_next(store, mentor, sid, date(2025, 9, 1), reached=True)
    assert _flags(store, coordinator, date(2025, 9, 2)) == {}


def test_a_drop_out_stays_flagged_until_a_new_destination_is_recorded_on_the_path(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _former_student(store, coordinator, mentor, "500002")
    _log_next(store, mentor, sid, FIRST_CALL, still="uitgevallen")

    assert _flags(store, coordinator, FIRST_CALL) == {sid: {AftercareFlag.DROPPED_OUT}}
    # Months later, after a call that found nothing new, it still stands.
    _log_next(store, mentor, sid, date(2025, 10, 10), still="onbekend")
    assert _flags(store, coordinator, date(2025, 10, 11)) == {sid: {AftercareFlag.DROPPED_OUT}}
    # "No work or study" on the path is no new destination.
    store.run(
        timeline.set_destination, coordinator, sid, Destination.NOTHING, None, date(2025, 10, 12)
    )
    assert _flags(store, coordinator, date(2025, 10, 13)) == {sid: {AftercareFlag.DROPPED_OUT}}

    store.run(
        timeline.record_destination,
        coordinator,
        sid,
        Destination.ENTREE_MBO.value,
        "Gilde Opleidingen",
        "01-10-2025",  # recorded now, started earlier: still a new destination
    )
    assert _flags(store, coordinator, date(2025, 10, 13)) == {}


def test_a_drop_out_goes_once_a_later_call_records_a_new_place(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    # Registered before leaving: the course starts after the drop-out was logged.
    sid = _former_student(
        store, coordinator, mentor, "500003", Destination.ENTREE_MBO, date(2025, 9, 1)
    )
    _log_next(store, mentor, sid, date(2025, 8, 20), still="uitgevallen")
    assert _flags(store, coordinator, date(2025, 8, 21)) == {sid: {AftercareFlag.DROPPED_OUT}}

    _log_next(
        store,
        mentor,
        sid,
        date(2025, 10, 10),
        still="veranderd",
        new_destination=Destination.BESCHUT_WERK.value,
        new_place="Werkbedrijf Venlo",
    )
    assert _flags(store, coordinator, date(2025, 10, 11)) == {}


def test_an_overdue_call_is_flagged_also_on_a_closed_path(
    store: Store, coordinator: Actor, mentor: Actor, other_mentor: Actor
) -> None:
    sid = _former_student(store, coordinator, mentor, "500004")
    with store.session() as session:
        path_id = session.scalar(select(TransitionPath.id).where(TransitionPath.student_id == sid))
        session.add(PathPhase(path_id=path_id, phase=Phase.CLOSED, start_date=LEFT))
        session.get(TransitionPath, path_id).current_phase = Phase.CLOSED

    assert _flags(store, coordinator, FIRST_CALL) == {}  # due today: not late yet
    late = date(2025, 12, 1)  # months past the one- and three-month calls
    assert _flags(store, coordinator, late) == {sid: {AftercareFlag.CALL_OVERDUE}}
    assert _flags(store, other_mentor, late) == {}

    _log_next(store, mentor, sid, date(2025, 11, 30))
    _log_next(store, mentor, sid, date(2025, 11, 30))
    assert _flags(store, coordinator, late) == {}


def test_the_aandacht_filter_offers_every_kind_the_service_knows() -> None:
    offered = cohort.signal_choices()
    assert offered == [signals.SHORT[kind] for kind in signals.KINDS]
    for flag in AftercareFlag:
        assert signals.SHORT[flag] in offered


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("student_ids", [None, [3, 5, 8]], ids=["whole school", "a page"])
def test_the_aftercare_flags_are_read_from_indexes_alone(store: Store, student_ids) -> None:
    """Read through the student index, every call of the page's students came from its own
    table page: on an encrypted file a cold log-in decrypted hundreds of pages for the first
    page's flags (issue 19). Both flags are answered from a covering index."""
    from app.services.aftercare import attention

    dropped = query_plan(store, attention.dropped_out_select(student_ids))
    assert "COVERING INDEX ix_aftercare_calls_dropped_out" in dropped
    assert "SCAN aftercare_calls" not in dropped
    overdue = query_plan(store, attention.calls_overdue_select(date(2026, 3, 1), student_ids))
    assert "COVERING INDEX ix_aftercare_calls_open" in overdue
    assert "SCAN aftercare_calls" not in overdue
