"""A new conversation starts as planned, a held one has a summary, and after the student left
the school-time conversations are refused with a message pointing to Nazorg."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.errors import ValidationError
from app.core.validation import format_date, today
from app.db import Store
from app.demo import school as demo
from app.models import Conversation, ConversationStatus, ConversationType, Student
from app.services.common.actor import Actor
from app.services.conversations import recording as conversations
from app.services.conversations.forms import ConversationInput, ParticipantInput, to_input
from app.services.conversations.reading import open_conversation, school_contact_default
from app.services.conversations.validation import validated
from app.services.students import student_file as student_service
from app.services.students.student_file import GuardianInput, StudentInput

LEFT = today() - timedelta(days=90)
T = ConversationType


@pytest.fixture
def leaver(store: Store, coordinator: Actor) -> int:
    """Sem left school three months ago."""
    data = StudentInput(
        first_name="Sem",
        surname="Smit",
        guardians=[GuardianInput(name="Anja Smit", relation="moeder")],
    )
    student_id = store.run(student_service.create_student, coordinator, data)
    with store.session() as session:
        session.get(Student, student_id).actual_outflow_date = LEFT
    return student_id


def _conversation(kind: ConversationType, day: date, **typed) -> ConversationInput:
    return ConversationInput(
        kind=kind.value,
        date=format_date(day),
        participants=[ParticipantInput("Sem Smit", "leerling")],
        **typed,
    )


def test_a_new_conversation_starts_planned_with_nobody_present(
    store: Store, coordinator: Actor, leaver: int
) -> None:
    start = store.run(school_contact_default, coordinator, leaver)
    assert start.status == ConversationStatus.PLANNED.value
    assert start.date == format_date(today())
    assert [(p.name, p.present) for p in start.participants] == [
        ("Sem Smit", False),
        ("Anja Smit", False),
        (coordinator.display_name, False),
    ]


def test_a_held_conversation_needs_a_summary(store: Store, coordinator: Actor, leaver: int) -> None:
    before = LEFT - timedelta(days=30)
    with pytest.raises(ValidationError) as caught:
        store.run(conversations.create, coordinator, leaver, _conversation(T.ADVIES, before))
    assert list(caught.value.problems) == ["summary"]
    assert caught.value.problems["summary"].startswith("Samenvatting: schrijf op wat er")
    assert "'Gepland'" in caught.value.problems["summary"]
    planned = _conversation(T.ADVIES, before, status=ConversationStatus.PLANNED.value)
    cid = store.run(conversations.create, coordinator, leaver, planned)
    # Recording it as held later needs the summary too.
    file = store.run(open_conversation, coordinator, cid)
    file.input.status = ConversationStatus.HELD.value
    with pytest.raises(ValidationError) as caught:
        store.run(conversations.save, coordinator, cid, file.version, file.input)
    assert "summary" in caught.value.problems
    file.input.summary = "Sem wil naar de Entree-opleiding."
    store.run(conversations.save, coordinator, cid, file.version, file.input)


def test_school_time_conversations_after_leaving_point_to_nazorg(
    store: Store, coordinator: Actor, leaver: int
) -> None:
    after = LEFT + timedelta(days=14)
    for kind in (T.ADVIES, T.TRANSITIE_1):
        for status in ConversationStatus:
            typed = _conversation(kind, after, status=status.value, summary="Gesproken.")
            with pytest.raises(ValidationError) as caught:
                store.run(conversations.create, coordinator, leaver, typed)
            message = caught.value.problems["date"]
            assert message.startswith(f"Datum: {format_date(after)} ligt na het vertrek van")
            assert f"Sem Smit ({format_date(LEFT)})" in message
            assert "nazorgcontact op het tabblad Nazorg" in message
    # What the path plans after leaving stays possible: the municipality, a check-in.
    for kind in (T.TRANSITIE_2, T.UITSTROOM, T.OTHER, T.KEUKENTAFEL):
        store.run(
            conversations.create, coordinator, leaver, _conversation(kind, after, summary="Ja.")
        )
    # An advice before leaving is fine, and moving it past the leaving date is refused.
    advice = _conversation(T.ADVIES, LEFT - timedelta(days=1), summary="Advies gegeven.")
    cid = store.run(conversations.create, coordinator, leaver, advice)
    file = store.run(open_conversation, coordinator, cid)
    file.input.date = format_date(after)
    with pytest.raises(ValidationError) as caught:
        store.run(conversations.save, coordinator, cid, file.version, file.input)
    assert "Nazorg" in caught.value.problems["date"]


def test_the_demo_school_keeps_the_conversation_rules(store: Store) -> None:
    store.run(demo.generate, password="demo-wachtwoord-1", students=60)
    with store.session() as session:
        made = session.scalars(select(Conversation)).all()
        assert made
        for conversation in made:
            student = session.get(Student, conversation.student_id)
            validated(session, to_input(conversation), student)  # raises on a broken rule
