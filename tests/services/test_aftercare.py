"""Aftercare: the call plan, the mentor's worklist and what a logged call sets in motion."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.core.errors import ConflictError, PermissionDeniedError, ValidationError
from app.db import Store
from app.models import (
    AftercareCall,
    AftercareSignal,
    CallKind,
    Destination,
    DropoutReportProposal,
    PathEventKind,
    Role,
    SignalKind,
    User,
)
from app.services.aftercare import calls as aftercare_calls
from app.services.aftercare import plan as aftercare
from app.services.aftercare.calls import CallInput
from app.services.common.actor import Actor
from app.services.path import timeline
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput

LEFT = date(2025, 7, 10)
DEFAULT_DATES = [
    (1, date(2025, 8, 10)),
    (3, date(2025, 10, 10)),
    (6, date(2026, 1, 10)),
    (12, date(2026, 7, 10)),
    (18, date(2027, 1, 10)),
    (24, date(2027, 7, 10)),
]


def _mentor(store: Store, username: str = "m.jansen", name: str = "Mila Jansen") -> Actor:
    with store.session() as session:
        user = User(username=username, display_name=name, role=Role.MENTOR)
        session.add(user)
        session.flush()
        return Actor(user.id, user.username, user.display_name, user.role)


@pytest.fixture
def mentor(store: Store) -> Actor:
    return _mentor(store)


def _student(store: Store, coordinator: Actor, mentor: Actor, leaving: str, las: str) -> int:
    data = StudentInput(
        first_name="Daan",
        surname="Jansen",
        las_key=las,
        phone="06-12345678",
        municipality="Venlo",
        mentor_id=mentor.user_id,
        planned_outflow_date=leaving,
    )
    return store.run(students.create_student, coordinator, data)


def _left(store: Store, coordinator: Actor, mentor: Actor, las: str = "300001") -> int:
    """A student who left on 10-07-2025 for a job: the outflow is registered."""
    sid = _student(store, coordinator, mentor, "10-07-2025", las)
    store.run(
        timeline.set_destination, coordinator, sid, Destination.REGULAR_WORK, "Bakkerij Smits", LEFT
    )
    return sid


def _calls(store: Store, sid: int) -> list[AftercareCall]:
    with store.session() as session:
        return list(
            session.scalars(
                select(AftercareCall)
                .where(AftercareCall.student_id == sid)
                .order_by(AftercareCall.due_date, AftercareCall.id)
            )
        )


def _log(store: Store, actor: Actor, call: AftercareCall, on: date, **fields) -> object:
    data = CallInput(made_on=on.strftime("%d-%m-%Y"), **fields)
    return store.run(aftercare_calls.log_call, actor, call.id, call.version, data, on=on)


def test_registering_the_outflow_plans_the_default_calls_for_the_mentor(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _student(store, coordinator, mentor, "10-07-2025", "300001")
    assert _calls(store, sid) == []  # a leaving date alone is no registered outflow

    store.run(timeline.set_destination, coordinator, sid, Destination.REGULAR_WORK, "Smits", LEFT)

    calls = _calls(store, sid)
    assert [(c.months_after_outflow, c.due_date) for c in calls] == DEFAULT_DATES
    assert {c.mentor_id for c in calls} == {mentor.user_id}
    assert {c.kind for c in calls} == {CallKind.PLANNED}
    with store.session() as session:
        plan = aftercare.plan_of(session, sid)
        assert (plan.outflow_date, plan.ends_on, plan.destination) == (
            LEFT,
            date(2027, 7, 10),  # two years after leaving
            Destination.REGULAR_WORK,
        )
    # Idempotent: a second sync (or a new destination) adds nothing.
    store.run(aftercare.sync_plan, coordinator, sid)
    assert len(_calls(store, sid)) == 6


def test_the_31st_becomes_the_last_day_of_a_short_month(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _student(store, coordinator, mentor, "31-08-2025", "300002")
    store.run(timeline.set_destination, coordinator, sid, Destination.DAGBESTEDING, None, LEFT)
    assert [c.due_date for c in _calls(store, sid)][:3] == [
        date(2025, 9, 30),
        date(2025, 11, 30),
        date(2026, 2, 28),
    ]


def test_the_school_sets_its_own_call_moments(store: Store, coordinator: Actor, mentor) -> None:
    assert store.run(aftercare.set_call_moments, coordinator, "2, 12; 24") == (2, 12, 24)
    sid = _left(store, coordinator, mentor)
    assert [c.months_after_outflow for c in _calls(store, sid)] == [2, 12, 24]
    with pytest.raises(ValidationError) as caught:
        store.run(aftercare.set_call_moments, coordinator, "6, 36")
    assert "Belmomenten" in caught.value.message
    with pytest.raises(PermissionDeniedError):
        store.run(aftercare.set_call_moments, mentor, "6")


def test_moving_the_leaving_date_moves_only_the_calls_not_yet_made(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _left(store, coordinator, mentor)
    first = _calls(store, sid)[0]
    _log(store, mentor, first, date(2025, 8, 12), still="zelfde")

    with store.session() as session:
        loaded = students.open_student_file(session, coordinator, sid)
    loaded.input.planned_outflow_date = "01-09-2025"
    store.run(students.save_student, coordinator, sid, loaded.version, loaded.input)

    calls = _calls(store, sid)
    assert [(c.months_after_outflow, c.due_date, c.made_on) for c in calls] == [
        (1, date(2025, 8, 10), date(2025, 8, 12)),  # made: stays where it was
        (3, date(2025, 12, 1), None),
        (6, date(2026, 3, 1), None),
        (12, date(2026, 9, 1), None),
        (18, date(2027, 3, 1), None),
        (24, date(2027, 9, 1), None),
    ]


def test_the_worklist_of_a_mentor_on_a_given_date(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _left(store, coordinator, mentor)
    other_mentor = _mentor(store, "p.bakker", "Pieter Bakker")
    _left(store, coordinator, other_mentor, las="300009")
    calls = _calls(store, sid)
    _log(store, mentor, calls[0], date(2025, 8, 11), still="zelfde", note="Werkt vier dagen.")

    # Wednesday 07-01-2026: the 3-month call is overdue, the 6-month one due on Saturday.
    work = store.run(aftercare.worklist, mentor, date(2026, 1, 7))
    assert [(r.months_after_outflow, r.due_date, r.bucket) for r in work.rows] == [
        (3, date(2025, 10, 10), aftercare.OVERDUE),
        (6, date(2026, 1, 10), aftercare.THIS_WEEK),
    ]
    row = work.rows[0]
    assert (row.student_name, row.phone, row.destination, row.place) == (
        "Daan Jansen",
        "06-12345678",
        Destination.REGULAR_WORK,
        "Bakkerij Smits",
    )
    assert row.last_call == "11-08-2025: bereikt, nog op dezelfde plek — Werkt vier dagen."
    assert work.due_count == 2
    assert store.run(aftercare.due_count, mentor, date(2026, 1, 7)) == 2
    # Six weeks ahead the next call shows as upcoming; before that nothing more.
    later = store.run(aftercare.worklist, mentor, date(2026, 6, 1))
    assert [(r.months_after_outflow, r.bucket) for r in later.rows][-1] == (
        12,
        aftercare.UPCOMING,
    )
    # The coordinator sees every mentor's calls; or one mentor's.
    everything = store.run(aftercare.worklist, coordinator, date(2026, 1, 7))
    assert {r.mentor_name for r in everything.rows} == {"Mila Jansen", "Pieter Bakker"}
    one = store.run(aftercare.worklist, coordinator, date(2026, 1, 7), mentor_id=mentor.user_id)
    assert [r.call_id for r in one.rows] == [r.call_id for r in work.rows]


def test_a_coordinator_reassigns_calls_to_another_mentor(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _left(store, coordinator, mentor)
    stand_in = _mentor(store, "s.dekker", "Sanne Dekker")
    call = _calls(store, sid)[1]
    with pytest.raises(PermissionDeniedError):
        store.run(aftercare.reassign_calls, mentor, [call.id], stand_in.user_id)
    assert store.run(aftercare.reassign_calls, coordinator, [call.id], stand_in.user_id) == 1
    rows = store.run(aftercare.worklist, stand_in, date(2025, 10, 8)).rows
    assert [r.call_id for r in rows] == [call.id]
    # The stand-in may log the call given to them.
    _log(store, stand_in, _calls(store, sid)[1], date(2025, 10, 8), still="zelfde")


def test_three_unreachable_attempts_in_a_row_raise_a_signal(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _left(store, coordinator, mentor)
    unreached = {"reached": False, "channel": "telefoon"}
    outcome = _log(store, mentor, _calls(store, sid)[0], date(2025, 8, 11), **unreached)
    assert outcome.raised == () and outcome.retry_call_id is not None
    retry = next(c for c in _calls(store, sid) if c.id == outcome.retry_call_id)
    assert (retry.kind, retry.due_date) == (CallKind.RETRY, date(2025, 8, 18))
    outcome = _log(store, mentor, retry, date(2025, 8, 18), **unreached)
    assert outcome.raised == ()
    retry = next(c for c in _calls(store, sid) if c.id == outcome.retry_call_id)
    outcome = _log(store, mentor, retry, date(2025, 8, 25), reached=False, channel="whatsapp")
    assert outcome.raised == (SignalKind.UNREACHABLE,)

    with store.session() as session:
        signals = list(session.scalars(select(AftercareSignal)))
    assert [(s.kind, s.raised_on, s.resolved_on) for s in signals] == [
        (SignalKind.UNREACHABLE, date(2025, 8, 25), None)
    ]
    work = store.run(aftercare.worklist, mentor, date(2025, 9, 1))
    assert work.rows[0].open_signals == 1
    # Reached at last: the signal is resolved.
    retry = next(c for c in _calls(store, sid) if c.id == outcome.retry_call_id)
    _log(store, mentor, retry, date(2025, 9, 1), still="zelfde")
    with store.session() as session:
        assert session.scalar(select(AftercareSignal.resolved_on)) == date(2025, 9, 1)


def test_a_drop_out_is_a_fall_back_on_the_timeline_and_proposes_a_report(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _left(store, coordinator, mentor)
    outcome = _log(
        store,
        mentor,
        _calls(store, sid)[1],
        date(2025, 10, 13),
        still="uitgevallen",
        signals=["werk", "inkomen"],
        action="vangnet",
        note="Contract niet verlengd.",
    )
    with store.session() as session:
        events = [(e.kind, e.happened_on, e.place) for e in timeline.events(session, sid)]
        proposal = session.get(DropoutReportProposal, outcome.proposal_id)
        kinds = sorted(s.kind.value for s in session.scalars(select(AftercareSignal)))
        current = timeline.path_of(session, sid).destination
    assert events == [
        (PathEventKind.DESTINATION_SET, LEFT, "Bakkerij Smits"),
        (PathEventKind.FALL_BACK, date(2025, 10, 13), "Bakkerij Smits"),
    ]
    assert current is Destination.NOTHING
    assert (proposal.student_id, proposal.municipality, proposal.status.value) == (
        sid,
        "Venlo",
        "voorgesteld",
    )
    assert kinds == ["inkomen", "werk"]
    # The plan goes on: only the logged call is done.
    assert len([c for c in _calls(store, sid) if c.made_on is None]) == 5


def test_a_changed_place_records_the_new_destination(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _left(store, coordinator, mentor)
    with pytest.raises(ValidationError) as caught:
        _log(store, mentor, _calls(store, sid)[0], date(2025, 8, 11), still="veranderd")
    assert "Nieuwe bestemming" in caught.value.message
    _log(
        store,
        mentor,
        _calls(store, sid)[0],
        date(2025, 8, 11),
        still="veranderd",
        new_destination="entree_mbo",
        new_place="Gilde Opleidingen",
    )
    with store.session() as session:
        last = timeline.events(session, sid)[-1]
    assert (last.kind, last.destination, last.place) == (
        PathEventKind.DESTINATION_SET,
        Destination.ENTREE_MBO,
        "Gilde Opleidingen",
    )
    assert len(_calls(store, sid)) == 6  # the plan did not grow


def test_refusing_help_keeps_a_light_waakvlam_schedule(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _left(store, coordinator, mentor)
    outcome = _log(
        store, mentor, _calls(store, sid)[1], date(2025, 10, 10), still="zelfde", refused_help=True
    )
    assert outcome.waakvlam
    calls = _calls(store, sid)
    assert [(c.months_after_outflow, c.kind, c.made_on is not None) for c in calls] == [
        (1, CallKind.PLANNED, False),
        (3, CallKind.PLANNED, True),
        (6, CallKind.WAAKVLAM, False),
        (12, CallKind.WAAKVLAM, False),
        (18, CallKind.WAAKVLAM, False),
        (24, CallKind.WAAKVLAM, False),
    ]
    assert store.run(aftercare.worklist, mentor, date(2026, 1, 7)).rows[-1].waakvlam


def test_a_call_is_logged_once_and_only_by_its_mentor(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    sid = _left(store, coordinator, mentor)
    stranger = _mentor(store, "k.visser", "Kees Visser")
    call = _calls(store, sid)[0]
    with pytest.raises(PermissionDeniedError):
        _log(store, stranger, call, date(2025, 8, 11), still="zelfde")
    future = CallInput(made_on="01-01-2030")
    with pytest.raises(ValidationError) as caught:
        store.run(
            aftercare_calls.log_call, mentor, call.id, call.version, future, on=date(2025, 8, 11)
        )
    assert "toekomst" in caught.value.message
    _log(store, mentor, call, date(2025, 8, 11), still="zelfde")
    with pytest.raises(ConflictError):
        _log(store, mentor, call, date(2025, 8, 11), still="zelfde")


def test_the_drop_out_proposal_is_visible_and_its_pdf_is_a_logged_concept(
    store: Store, coordinator: Actor, mentor: Actor
) -> None:
    from app.models import ExportLog
    from app.services.aftercare import student_file as aftercare_file

    sid = _left(store, coordinator, mentor)
    _log(store, mentor, _calls(store, sid)[0], date(2025, 8, 11), still="uitgevallen")

    view = store.run(aftercare_file.student_aftercare, mentor, sid)
    assert [(p.student_name, p.municipality, p.status.value) for p in view.proposals] == [
        ("Daan Jansen", "Venlo", "voorgesteld")
    ]
    assert view.calls[0].still.value == "uitgevallen" and view.outflow_date == LEFT
    proposals = store.run(aftercare_file.open_proposals, mentor)
    assert [p.student_id for p in proposals] == [sid]
    with pytest.raises(PermissionDeniedError):
        store.run(aftercare_file.dropout_report_pdf, mentor, proposals[0].id)

    pdf = store.run(aftercare_file.dropout_report_pdf, coordinator, proposals[0].id)
    assert pdf.startswith(b"%PDF")
    with store.session() as session:
        logged = session.scalars(select(ExportLog)).all()
    assert [(e.student_id, e.what, e.organisation_id) for e in logged] == [
        (sid, "vangnetmelding (concept)", None)  # to nobody: nothing was sent
    ]


_numbers = iter(range(500000, 600000))


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    left=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    moved=st.integers(min_value=-200, max_value=200),
    made=st.integers(min_value=0, max_value=6),
)
def test_the_plan_follows_any_leaving_date_and_keeps_what_was_made(
    store: Store, coordinator: Actor, mentor: Actor, left: date, moved: int, made: int
) -> None:
    from datetime import timedelta

    from app.services.admin.retention import add_months

    sid = _student(store, coordinator, mentor, left.strftime("%d-%m-%Y"), str(next(_numbers)))
    store.run(timeline.set_destination, coordinator, sid, Destination.BESCHUT_WERK, None, left)
    calls = _calls(store, sid)
    assert [c.due_date for c in calls] == [add_months(left, m) for m, _ in DEFAULT_DATES]
    with store.session() as session:
        for call in session.scalars(
            select(AftercareCall)
            .where(AftercareCall.student_id == sid)
            .order_by(AftercareCall.due_date)
            .limit(made)
        ):
            call.made_on, call.reached = call.due_date, True
    before = {c.id: c.due_date for c in _calls(store, sid) if c.made_on}

    new_left = left + timedelta(days=moved)
    with store.session() as session:
        loaded = students.open_student_file(session, coordinator, sid)
    loaded.input.planned_outflow_date = new_left.strftime("%d-%m-%Y")
    store.run(students.save_student, coordinator, sid, loaded.version, loaded.input)

    after = _calls(store, sid)
    assert {c.id: c.due_date for c in after if c.made_on} == before
    assert [(c.months_after_outflow, c.due_date) for c in after if not c.made_on] == [
        (m, add_months(new_left, m)) for m, _ in DEFAULT_DATES[made:]
    ]
