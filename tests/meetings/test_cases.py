"""Case by case: one case lead that becomes the path's, actions, the agenda's order, the
active and follow lists and the closing rule (archived on 1 October, reopened with a new
question), bottlenecks, escalation and what a mentor sees."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import PermissionDeniedError, ValidationError
from app.models import ConsentScope, Destination, EscalationRoute, ListKind, Role, User
from app.services.common.actor import Actor
from app.services.consent import register as consents
from app.services.meetings import actions, agenda, bottlenecks, lists, recording
from app.services.meetings.closing import archive_day, follow_until, list_on
from app.services.meetings.student_file import meeting_section
from app.services.meetings.submissions import SubmissionInput, submit
from app.services.path.overview import path_view
from app.services.path.timeline import set_destination
from tests.consent.helpers import consent_input
from tests.meetings.helpers import meeting, network, student


@pytest.fixture
def ids(store, coordinator):
    return store.run(network)


def _submitted(store, actor, ids, mid, first, on, question="Wat is de volgende stap?"):
    sid = store.run(student, first, "Verbeek", date(2007, 5, 1))
    store.run(
        consents.record_consent,
        actor,
        sid,
        consent_input(ids["rmc"], scopes=(ConsentScope.MEETING,), given_by_guardian=""),
    )
    result = store.run(submit, actor, mid, SubmissionInput(sid, question), on=on)
    return sid, result.case_id


def test_the_closing_rule() -> None:
    march = date(2026, 3, 12)
    assert follow_until(march) == date(2027, 9, 30)
    assert archive_day(march) == date(2027, 10, 1)
    assert list_on(ListKind.FOLLOW, date(2027, 9, 30), date(2027, 9, 30)) is ListKind.FOLLOW
    assert list_on(ListKind.FOLLOW, date(2027, 9, 30), date(2027, 10, 1)) is ListKind.ARCHIVED
    assert list_on(ListKind.ACTIVE, None, date(2030, 1, 1)) is ListKind.ACTIVE


def test_submitted_in_march_active_in_june_archived_on_1_october_next_year(store, coordinator, ids):
    mid = meeting(store, coordinator, ids, date(2026, 3, 19))
    sid, case_id = _submitted(store, coordinator, ids, mid, "Milan", date(2026, 3, 10))
    store.run(
        recording.record_case,
        coordinator,
        mid,
        case_id,
        recording.CaseRecord("Zoekt werk in de groenvoorziening.", ids["consulent"]),
    )
    # June 2026: a job; the young person is active again.
    store.run(
        set_destination, coordinator, sid, Destination.REGULAR_WORK, "Groen BV", date(2026, 6, 15)
    )

    def on_list(list_kind, on):
        return [r.student_id for r in store.run(lists.list_cases, coordinator, list_kind, on)]

    assert on_list(ListKind.ACTIVE, date(2026, 6, 16)) == []
    assert on_list(ListKind.FOLLOW, date(2027, 9, 30)) == [sid]
    assert on_list(ListKind.ARCHIVED, date(2027, 9, 30)) == []
    assert on_list(ListKind.ARCHIVED, date(2027, 10, 1)) == [sid]
    assert store.run(lists.archive_due, date(2027, 9, 30)) == 0
    assert store.run(lists.archive_due, date(2027, 10, 1)) == 1
    [row] = store.run(lists.list_cases, coordinator, ListKind.ARCHIVED, date(2027, 10, 2))
    assert row.archived_on == date(2027, 10, 1)

    # It goes wrong again: brought back with a new question, on the active list.
    later = meeting(store, coordinator, ids, date(2027, 11, 18))
    again = store.run(
        submit,
        coordinator,
        later,
        SubmissionInput(sid, "Baan kwijt; wat nu?"),
        on=date(2027, 11, 4),
    )
    assert again.case_id == case_id and again.reopened
    [active] = store.run(lists.list_cases, coordinator, ListKind.ACTIVE, date(2027, 11, 4))
    assert (active.student_id, active.question) == (sid, "Baan kwijt; wat nu?")
    assert active.registered_on == date(2027, 11, 4)


def test_one_case_lead_becomes_the_paths_case_lead(store, coordinator, ids):
    mid = meeting(store, coordinator, ids, date(2026, 3, 19))
    sid, case_id = _submitted(store, coordinator, ids, mid, "Milan", date(2026, 3, 10))
    with pytest.raises(ValidationError) as caught:
        store.run(recording.record_case, coordinator, mid, case_id, recording.CaseRecord("x"))
    assert "Regievoerder" in caught.value.message
    store.run(
        recording.record_case,
        coordinator,
        mid,
        case_id,
        recording.CaseRecord("Besproken", ids["klantmanager"]),
    )
    view = store.run(path_view, coordinator, sid)
    current = view.phases[-1]
    assert (current.lead_name, current.lead_organisation) == ("Bram Hendriks", "Roermond")
    assert any("Regievoerder gekozen" in e.detail for e in view.timeline)
    [summary] = store.run(meeting_section, coordinator, sid, date(2026, 3, 20))
    assert summary.lead == "Bram Hendriks (Roermond)"
    assert summary.lead_since == date(2026, 3, 19)
    assert summary.discussions[0].note == "Besproken"


def test_agenda_order_actions_and_overdue_flags(store, coordinator, ids):
    first = meeting(store, coordinator, ids, date(2026, 3, 19))
    _sid_a, case_a = _submitted(store, coordinator, ids, first, "Anna", date(2026, 3, 10))
    _sid_b, case_b = _submitted(store, coordinator, ids, first, "Bas", date(2026, 3, 10))
    for case_id, list_kind in ((case_a, ListKind.ACTIVE), (case_b, ListKind.FOLLOW)):
        store.run(
            recording.record_case,
            coordinator,
            first,
            case_id,
            recording.CaseRecord("", ids["consulent"], list_kind),
        )
    store.run(
        actions.add_action,
        coordinator,
        case_a,
        actions.ActionInput(
            "Intake UWV plannen", owner_contact_id=ids["arbeidsdeskundige"], due_date="01-04-2026"
        ),
        first,
    )
    store.run(
        actions.add_action,
        coordinator,
        case_b,
        actions.ActionInput(
            "Jobcoach aanvragen", owner_user_id=coordinator.user_id, due_date="30-04-2026"
        ),
        first,
    )
    store.run(
        bottlenecks.add_bottleneck,
        coordinator,
        first,
        store.run(bottlenecks.categories)[0].id,
        "Geen beschut werk in Roermond",
    )
    store.run(recording.save_minutes, coordinator, first, "Opening", date(2026, 3, 19))
    second = meeting(store, coordinator, ids, date(2026, 5, 21))
    _sid_c, _case_c = _submitted(store, coordinator, ids, second, "Cas", date(2026, 5, 1))
    composed = store.run(agenda.compose_agenda, coordinator, second)
    assert [c.student_name for c in composed.submissions] == ["Cas Verbeek"]
    assert [c.student_name for c in composed.running] == ["Anna Verbeek"]
    # Bas is on the follow list with an action due before the meeting: up for review.
    assert [c.student_name for c in composed.follow_review] == ["Bas Verbeek"]
    [overdue] = composed.running[0].overdue_actions(composed.held_on)
    assert overdue.what == "Intake UWV plannen"
    # The bottlenecks of a meeting are listed apart, after the cases.
    held = store.run(agenda.compose_agenda, coordinator, first)
    assert [b.description for b in held.bottlenecks] == ["Geen beschut werk in Roermond"]
    assert [c.student_name for c in held.submissions] == ["Anna Verbeek", "Bas Verbeek"]


def test_a_mentor_sees_and_ticks_off_own_actions_only(store, coordinator, ids):
    def make(session):
        user = User(username="m.vos", display_name="Mark Vos", role=Role.MENTOR)
        session.add(user)
        session.flush()
        return Actor(user.id, user.username, user.display_name, user.role)

    mentor = store.run(make)
    mid = meeting(store, coordinator, ids, date(2026, 3, 19))
    _sid, case_id = _submitted(store, coordinator, ids, mid, "Anna", date(2026, 3, 10))
    own = store.run(
        actions.add_action, coordinator, case_id, actions.ActionInput("Bellen", mentor.user_id)
    )
    other = store.run(
        actions.add_action,
        coordinator,
        case_id,
        actions.ActionInput("Intake", owner_contact_id=ids["consulent"]),
    )
    grouped = store.run(actions.open_actions_by_owner, mentor)
    assert [a.id for rows in grouped.values() for a in rows] == [own]
    with pytest.raises(PermissionDeniedError):
        store.run(actions.set_done, mentor, other, date(2026, 3, 25))
    store.run(actions.set_done, mentor, own, date(2026, 3, 25))
    assert store.run(actions.open_actions_by_owner, mentor) == {}
    with pytest.raises(PermissionDeniedError):
        store.run(recording.save_minutes, mentor, mid, "x", None)


def test_bottleneck_categories_extend_and_escalation_follows_the_rule(store, coordinator, ids):
    names = [c.name for c in store.run(bottlenecks.categories)]
    assert names[:3] == ["Geen passende plek", "Wachtlijst zorg", "Vervoer"]
    new = store.run(bottlenecks.add_category, coordinator, "Schulden")
    assert "Schulden" in [c.name for c in store.run(bottlenecks.categories)]
    mid = meeting(store, coordinator, ids, date(2026, 3, 19))
    store.run(bottlenecks.add_bottleneck, coordinator, mid, new, "Jongeren met schulden")
    assert store.run(bottlenecks.count_by_category) == {"Schulden": 1}
    _sid, case_id = _submitted(store, coordinator, ids, mid, "Anna", date(2026, 3, 10))
    esc = store.run(
        bottlenecks.record_escalation,
        coordinator,
        case_id,
        "Geen plek na 3 maanden",
        "",
        date(2026, 6, 1),
    )

    def route(session):
        from app.models import Escalation

        row = session.get(Escalation, esc)
        return row.route, row.to_name

    # Still at school (VSO): to the samenwerkingsverband's coordinator.
    assert store.run(route) == (
        EscalationRoute.SWV_COORDINATOR,
        "Coördinator van het samenwerkingsverband",
    )
