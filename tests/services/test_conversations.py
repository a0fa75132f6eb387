"""Conversations: recorded with participants and agreements, checked, followed up, planned."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.errors import ConflictError, KoersError, PermissionDeniedError, ValidationError
from app.core.validation import format_date, today
from app.db import Store
from app.models import AuditEntry, ConsentAnswer, ConversationType, ExportLog, Role, User
from app.services.common.actor import Actor
from app.services.conversations import agreements, parent_reports
from app.services.conversations import planning as conversation_planning
from app.services.conversations import recording as conversations
from app.services.conversations.consent_answers import consent_answers_for
from app.services.conversations.forms import AgreementInput, ConversationInput, ParticipantInput
from app.services.conversations.reading import list_for_student, open_conversation
from app.services.students import student_file as student_service
from app.services.students.student_file import StudentInput


def _user(store: Store, username: str, role: Role) -> Actor:
    with store.session() as session:
        user = User(username=username, display_name=username.title(), role=role, password_hash="-")
        session.add(user)
        session.flush()
        return Actor(user.id, user.username, user.display_name, user.role)


@pytest.fixture
def mentor(store: Store, coordinator: Actor) -> Actor:
    return _user(store, "m.devries", Role.MENTOR)


@pytest.fixture
def student(store: Store, coordinator: Actor, mentor: Actor) -> int:
    data = StudentInput(first_name="Sem", surname="Smit", mentor_id=mentor.user_id)
    return store.run(student_service.create_student, coordinator, data)


def _advice(day: date, owner_id: int | None = None) -> ConversationInput:
    return ConversationInput(
        kind=ConversationType.ADVIES.value,
        date=format_date(day),
        time="14:30",
        place="De Horizon, kamer 12",
        agenda="Welke stap past na school?",
        summary="Sem werkt graag buiten.",
        advice="Wij raden een transitiestage bij een hovenier aan.",
        contact_name="Ingrid Peeters",
        contact_phone="030-1234567",
        participants=[
            ParticipantInput("Sem Smit", "leerling"),
            ParticipantInput("Anja Smit", "ouder", "", True),
            ParticipantInput("Piet Smit", "ouder", "", False),
            ParticipantInput("Ingrid Peeters", "coordinator", "De Horizon"),
        ],
        agreements=[
            AgreementInput(
                "Vraagt een stageplek aan", "School", format_date(day + timedelta(14)), owner_id
            ),
            AgreementInput(
                "Gaat kijken bij de hovenier", "Sem en moeder", format_date(day + timedelta(30))
            ),
        ],
    )


def test_conversation_crud_with_participants_and_agreements(
    store: Store, coordinator: Actor, student: int
) -> None:
    held = today() - timedelta(days=7)
    cid = store.run(conversations.create, coordinator, student, _advice(held, coordinator.user_id))

    file = store.run(open_conversation, coordinator, cid)
    assert file.student_name == "Sem Smit"
    assert file.input.time == "14:30"
    assert [(p.name, p.role, p.present) for p in file.input.participants] == [
        ("Sem Smit", "leerling", True),
        ("Anja Smit", "ouder", True),
        ("Piet Smit", "ouder", False),
        ("Ingrid Peeters", "coordinator", True),
    ]
    assert [a.what for a in file.input.agreements] == [
        "Vraagt een stageplek aan",
        "Gaat kijken bij de hovenier",
    ]

    changed = file.input
    changed.summary = "Sem werkt graag buiten en met dieren."
    changed.participants = [*changed.participants[:3], ParticipantInput("Tolk Arabisch", "tolk")]
    changed.agreements[1].who = "Sem"
    changed.agreements.append(AgreementInput("Belt de jobcoach", "Moeder"))
    version = store.run(conversations.save, coordinator, cid, file.version, changed)
    assert version == file.version + 1
    again = store.run(open_conversation, coordinator, cid)
    assert again.input.summary.endswith("met dieren.")
    assert [p.role for p in again.input.participants][-1] == "tolk"
    assert [a.who for a in again.input.agreements] == ["School", "Sem", "Moeder"]
    # The agreement rows kept their identity (so a done mark survives an edit).
    assert again.input.agreements[0].id == file.input.agreements[0].id

    with pytest.raises(ConflictError):
        store.run(conversations.save, coordinator, cid, file.version, changed)

    changed.consent_asked = True
    changed.consent_municipality = "ja"
    changed.consent_rmc = "later"
    changed.consent_answered_by = "Sem en moeder"
    version = store.run(conversations.save, coordinator, cid, version, changed)
    with store.session() as session:
        (answers,) = consent_answers_for(session, student)
    assert (answers.conversation_id, answers.held_on) == (cid, held)
    assert (answers.municipality, answers.rmc, answers.answered_by) == (
        ConsentAnswer.YES,
        ConsentAnswer.LATER,
        "Sem en moeder",
    )

    rows = store.run(list_for_student, coordinator, student)
    assert [(r.id, r.open_agreements) for r in rows] == [(cid, 3)]

    store.run(conversations.delete, coordinator, cid, version)
    assert store.run(list_for_student, coordinator, student) == []
    with store.session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "conversation")
        ).all()
    assert {"create", "view", "update", "delete"} <= set(actions)


def test_agreements_done_and_overdue(store: Store, coordinator: Actor, student: int) -> None:
    held = today() - timedelta(days=40)
    data = _advice(held, coordinator.user_id)
    data.agreements[1].owner_id = coordinator.user_id  # due 10 days ago: overdue
    data.agreements[0].due_date = format_date(today() + timedelta(days=3))
    store.run(conversations.create, coordinator, student, data)

    mine = store.run(agreements.mine, coordinator)
    assert [(a.what, a.overdue) for a in mine] == [
        ("Gaat kijken bij de hovenier", True),
        ("Vraagt een stageplek aan", False),
    ]
    late = mine[0]
    store.run(agreements.mark_done, coordinator, late.id, late.version)
    open_now = store.run(agreements.open_for_student, coordinator, student)
    assert [a.what for a in open_now] == ["Vraagt een stageplek aan"]
    everything = store.run(agreements.mine, coordinator, include_done=True)
    done = next(a for a in everything if a.id == late.id)
    assert done.done_on == today() and not done.overdue

    with pytest.raises(ValidationError) as refused:
        store.run(
            agreements.mark_done,
            coordinator,
            open_now[0].id,
            open_now[0].version,
            format_date(today() + timedelta(days=1)),
        )
    assert "Afgerond op" in refused.value.problems["done_on"]
    store.run(agreements.reopen, coordinator, done.id, done.version)
    assert len(store.run(agreements.open_for_student, coordinator, student)) == 2


def test_overdue_rule() -> None:
    day = date(2026, 3, 10)
    assert agreements.is_overdue(date(2026, 3, 9), None, day)
    assert not agreements.is_overdue(date(2026, 3, 10), None, day)
    assert not agreements.is_overdue(date(2026, 3, 1), date(2026, 3, 2), day)
    assert not agreements.is_overdue(None, None, day)


@pytest.mark.parametrize(
    ("kind", "held", "expected_kind", "expected"),
    [
        # The second transition conversation: half a year after the first.
        (
            ConversationType.TRANSITIE_1,
            date(2026, 3, 12),
            ConversationType.TRANSITIE_2,
            date(2026, 9, 14),
        ),
        (
            ConversationType.TRANSITIE_1,
            date(2026, 8, 31),
            ConversationType.TRANSITIE_2,
            date(2027, 3, 1),
        ),
        (
            ConversationType.ADVIES,
            date(2026, 1, 15),
            ConversationType.TRANSITIE_1,
            date(2026, 4, 15),
        ),
        (
            ConversationType.TRANSITIE_2,
            date(2026, 10, 1),
            ConversationType.UITSTROOM,
            date(2027, 1, 1),
        ),
        (ConversationType.UITSTROOM, date(2026, 6, 25), ConversationType.OTHER, date(2026, 12, 25)),
        (
            ConversationType.KEUKENTAFEL,
            date(2026, 5, 5),
            ConversationType.KEUKENTAFEL,
            date(2026, 6, 16),
        ),
    ],
)
def test_follow_up_proposal_dates(kind, held, expected_kind, expected) -> None:
    proposal = conversation_planning.propose_follow_up(kind, held)
    assert (proposal.kind, proposal.on) == (expected_kind, expected)
    assert proposal.on.weekday() < 5


def test_planned_follow_up_is_linked_and_listed_per_week(
    store: Store, coordinator: Actor, student: int
) -> None:
    held = today() - timedelta(days=180)
    data = _advice(held)
    data.kind = ConversationType.TRANSITIE_1.value
    data.agreements = []
    first = store.run(conversations.create, coordinator, student, data)
    proposal = store.run(conversation_planning.follow_up_input, coordinator, first)
    assert proposal.kind == ConversationType.TRANSITIE_2.value
    assert proposal.status == "gepland" and proposal.follow_up_of_id == first
    assert proposal.place == "Gemeentehuis"
    assert {"rmc", "werkmatcher"} <= {p.role for p in proposal.participants}
    proposal.date = format_date(today() + timedelta(days=9))
    second = store.run(conversations.create, coordinator, student, proposal)

    file = store.run(open_conversation, coordinator, first)
    assert file.next is not None and file.next.id == second
    weeks = store.run(conversation_planning.upcoming_by_week, coordinator)
    assert len(weeks) == 8 and weeks[0].monday.weekday() == 0
    found = [(w.monday, c.id) for w in weeks for c in w.conversations]
    assert found == [(conversation_planning.week_start(today() + timedelta(days=9)), second)]

    # A planned conversation whose date passed without a report stays in view.
    forgotten = _advice(today() - timedelta(days=3))
    forgotten.status = "gepland"
    forgotten.agreements = []
    late = store.run(conversations.create, coordinator, student, forgotten)
    past = store.run(conversation_planning.past_still_planned, coordinator)
    assert [c.id for c in past] == [late]
    weeks = store.run(conversation_planning.upcoming_by_week, coordinator)
    assert late not in [c.id for w in weeks for c in w.conversations]


def test_far_future_and_no_participants_are_refused_in_dutch(
    store: Store, coordinator: Actor, student: int
) -> None:
    data = _advice(today())
    data.status = "gepland"
    data.date = format_date(today() + timedelta(days=3 * 365))
    data.participants = []
    with pytest.raises(ValidationError) as refused:
        store.run(conversations.create, coordinator, student, data)
    problems = refused.value.problems
    assert problems["date"].startswith("Datum:") and "toekomst" in problems["date"]
    assert problems["participants"] == "Deelnemers: voeg minstens één deelnemer toe."


def test_other_checks_name_the_field(store: Store, coordinator: Actor, student: int) -> None:
    data = _advice(today() - timedelta(days=2))
    data.agreements[0].due_date = format_date(today() - timedelta(days=5))
    data.agreements[1].what = ""
    data.time = "25:00"
    data.consent_municipality = "ja"
    with pytest.raises(ValidationError) as refused:
        store.run(conversations.create, coordinator, student, data)
    problems = refused.value.problems
    assert "vóór de datum van het gesprek" in problems["agreement1.due_date"]
    assert problems["agreement2.what"] == "Afspraak 2, wat: dit veld is verplicht."
    assert problems["time"].startswith("Tijd:")
    assert problems["consent_asked"].startswith("Toestemmingsvraag:")
    # A held conversation cannot lie ahead: it must be planned instead.
    later = _advice(today() + timedelta(days=5))
    with pytest.raises(ValidationError) as ahead:
        store.run(conversations.create, coordinator, student, later)
    assert "Gepland" in ahead.value.problems["date"]


def test_mentor_only_for_own_students_and_may_print_the_parent_report(
    store: Store, coordinator: Actor, mentor: Actor, student: int, tmp_path
) -> None:
    other = store.run(
        student_service.create_student,
        coordinator,
        StudentInput(first_name="Lotte", surname="Bakker"),
    )
    cid = store.run(conversations.create, mentor, student, _advice(today() - timedelta(days=1)))
    with pytest.raises(PermissionDeniedError):
        store.run(conversations.create, mentor, other, _advice(today()))
    reader = _user(store, "k.timmermans", Role.READ_ONLY)
    with pytest.raises(PermissionDeniedError):
        store.run(parent_reports.report_pdf, reader, cid)

    saved = store.run(parent_reports.save_parent_report, mentor, cid, tmp_path / "verslag")
    assert saved.suffix == ".pdf" and saved.read_bytes().startswith(b"%PDF")
    store.run(parent_reports.record_printed, mentor, cid)
    with store.session() as session:
        logged = session.scalars(select(ExportLog).order_by(ExportLog.id)).all()
    assert [(e.what, e.scopes, e.student_id, e.user_id) for e in logged] == [
        ("oudergespreksverslag", "opgeslagen als pdf", student, mentor.user_id),
        ("oudergespreksverslag", "afgedrukt", student, mentor.user_id),
    ]


def test_a_planned_conversation_has_no_report_yet(
    store: Store, coordinator: Actor, student: int
) -> None:
    data = _advice(today() + timedelta(days=10))
    data.status = "gepland"
    data.agreements = []
    cid = store.run(conversations.create, coordinator, student, data)
    with pytest.raises(KoersError, match="nog gepland"):
        store.run(parent_reports.report_pdf, coordinator, cid)
