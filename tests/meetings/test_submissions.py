"""Submitting a student: the consent rule of seed 003 through the consent gate (on SQLite
and PostgreSQL), the follow list for a student with a plan, and the roles."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.core.errors import PermissionDeniedError, ValidationError
from app.models import AgendaItem, ConsentScope, ListKind, MeetingCase, Role, User
from app.services.common.actor import Actor
from app.services.consent import register as consents
from app.services.consent.gate import ConsentRefusedError
from app.services.meetings.submissions import SubmissionInput, submit
from tests.consent.helpers import consent_input
from tests.meetings.helpers import meeting, network, student

ON = date(2026, 3, 10)
MEETING_DAY = date(2026, 3, 19)


@pytest.fixture
def ids(store, coordinator):
    return store.run(network)


def _meeting_rows(store) -> tuple[int, int]:
    def count(session):
        return (
            session.scalar(select(func.count()).select_from(MeetingCase)),
            session.scalar(select(func.count()).select_from(AgendaItem)),
        )

    return store.run(count)


def _consent(store, actor, sid, org, **kw):
    store.run(
        consents.record_consent,
        actor,
        sid,
        consent_input(org, scopes=(ConsentScope.MEETING,), **kw),
    )


def test_minor_without_a_parent_is_refused_naming_who_must_agree(store, coordinator, ids):
    sid = store.run(student, "Daan", "Willems", date(2010, 6, 15))  # 15 on the day
    mid = meeting(store, coordinator, ids, MEETING_DAY)
    _consent(store, coordinator, sid, ids["rmc"], given_by_guardian="")
    with pytest.raises(ConsentRefusedError) as caught:
        store.run(submit, coordinator, mid, SubmissionInput(sid, "Welke dagbesteding?"), on=ON)
    message = caught.value.message
    assert message.startswith("Daan Willems kan niet worden aangemeld")
    assert "de toestemming van een ouder of voogd" in message
    assert "eerst moeten de leerling zelf en een ouder of voogd" in message
    assert _meeting_rows(store) == (0, 0)


def test_a_student_who_agrees_alone_is_named_with_a_singular_verb(store, coordinator, ids):
    # Found by the year test (issue 21): "eerst moeten de leerling zelf akkoord gaan".
    sid = store.run(student, "Doé", "de Haan", date(2008, 6, 15))  # 17 on the day
    mid = meeting(store, coordinator, ids, MEETING_DAY)
    with pytest.raises(ConsentRefusedError) as caught:
        store.run(submit, coordinator, mid, SubmissionInput(sid, "Welke garage?"), on=ON)
    assert "Doé is 17 jaar; eerst moet de leerling zelf akkoord gaan" in caught.value.message
    assert _meeting_rows(store) == (0, 0)


def test_no_consent_at_all_is_refused_and_nothing_is_written(store, coordinator, ids):
    sid = store.run(student, "Lotte", "Jansen", date(2010, 6, 1))
    mid = meeting(store, coordinator, ids, MEETING_DAY)
    with pytest.raises(ConsentRefusedError) as caught:
        store.run(submit, coordinator, mid, SubmissionInput(sid, "Hulp bij werk?"), on=ON)
    assert "Er is geen toestemming vastgelegd" in caught.value.message
    assert "de leerling zelf en een ouder of voogd" in caught.value.message
    assert _meeting_rows(store) == (0, 0)


def test_an_adult_who_agreed_alone_is_submitted(store, coordinator, ids):
    sid = store.run(student, "Ravi", "Bakker", date(2007, 2, 1))  # 19
    mid = meeting(store, coordinator, ids, MEETING_DAY)
    _consent(store, coordinator, sid, ids["rmc"], given_by_guardian="")
    result = store.run(
        submit,
        coordinator,
        mid,
        SubmissionInput(sid, "Wie helpt bij een baan met loonkostensubsidie?", None, "Ingrid"),
        on=ON,
    )
    assert result.list_kind is ListKind.ACTIVE and result.item_id is not None
    assert _meeting_rows(store) == (1, 1)


def test_consent_for_another_scope_does_not_count(store, coordinator, ids):
    sid = store.run(student, "Ravi", "Bakker", date(2007, 2, 1))
    mid = meeting(store, coordinator, ids, MEETING_DAY)
    store.run(
        consents.record_consent,
        coordinator,
        sid,
        consent_input(ids["rmc"], scopes=(ConsentScope.PATH,), given_by_guardian=""),
    )
    with pytest.raises(ConsentRefusedError):
        store.run(submit, coordinator, mid, SubmissionInput(sid, "Vraag"), on=ON)
    assert _meeting_rows(store) == (0, 0)


def test_a_plan_without_a_question_goes_straight_to_the_follow_list(store, coordinator, ids):
    sid = store.run(student, "Ravi", "Bakker", date(2007, 2, 1))
    mid = meeting(store, coordinator, ids, MEETING_DAY)
    _consent(store, coordinator, sid, ids["rmc"], given_by_guardian="")
    result = store.run(submit, coordinator, mid, SubmissionInput(sid, has_plan=True), on=ON)
    assert result.list_kind is ListKind.FOLLOW and result.item_id is None
    with pytest.raises(ValidationError) as caught:
        store.run(submit, coordinator, mid, SubmissionInput(sid, ""), on=ON)
    assert "Hulpvraag" in caught.value.message


def _mentor(store, coordinator, username: str) -> Actor:
    def make(session):
        user = User(username=username, display_name=username.title(), role=Role.MENTOR)
        session.add(user)
        session.flush()
        return Actor(user.id, user.username, user.display_name, user.role)

    return store.run(make)


def test_a_mentor_submits_own_students_only_and_before_the_deadline(store, coordinator, ids):
    mentor = _mentor(store, coordinator, "m.vos")
    own = store.run(student, "Ravi", "Bakker", date(2007, 2, 1), mentor_id=mentor.user_id)
    other = store.run(student, "Sem", "Peters", date(2007, 2, 1))
    mid = meeting(store, coordinator, ids, MEETING_DAY)
    for sid in (own, other):
        _consent(store, coordinator, sid, ids["rmc"], given_by_guardian="")
    with pytest.raises(PermissionDeniedError):
        store.run(submit, mentor, mid, SubmissionInput(other, "Vraag"), on=ON)
    with pytest.raises(ValidationError) as caught:
        store.run(submit, mentor, mid, SubmissionInput(own, "Vraag"), on=date(2026, 3, 13))
    assert "Aanmelden kon tot en met 12-03-2026" in caught.value.message
    result = store.run(submit, mentor, mid, SubmissionInput(own, "Vraag"), on=ON)
    assert result.item_id is not None
