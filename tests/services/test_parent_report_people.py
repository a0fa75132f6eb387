"""The parent report names the people in the agreements by name and recorded role:
'Samira (leerling)', 'Fatima Yılmaz (moeder)', never just 'Leerling' or a long role label."""

from __future__ import annotations

import io
from datetime import date, timedelta

from pypdf import PdfReader

from app.core.validation import format_date
from app.db import Store
from app.models import ConversationType
from app.services.common.actor import Actor
from app.services.conversations import parent_reports
from app.services.conversations import recording as conversations
from app.services.conversations.forms import AgreementInput, ConversationInput, ParticipantInput
from app.services.students import student_file as student_service
from app.services.students.student_file import GuardianInput, StudentInput

PARENT_ROLE = "Ouder, verzorger of vertrouwenspersoon"


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_agreements_and_participants_name_the_student_and_the_mother(
    store: Store, coordinator: Actor
) -> None:
    student_id = store.run(
        student_service.create_student,
        coordinator,
        StudentInput(
            first_name="Samira",
            surname="Yılmaz",
            guardians=[GuardianInput("Fatima Yılmaz", "moeder")],
        ),
    )
    day = date.today() - timedelta(days=2)
    due = format_date(day + timedelta(days=14))
    conversation_id = store.run(
        conversations.create,
        coordinator,
        student_id,
        ConversationInput(
            kind=ConversationType.ADVIES.value,
            date=format_date(day),
            summary="Samira wil na de zomer werken in de zorg; de busreis oefent ze eerst.",
            participants=[
                ParticipantInput("Samira Yılmaz", "leerling"),
                ParticipantInput("Fatima Yılmaz", "ouder"),
                ParticipantInput("Ingrid Peeters", "coordinator", "De Horizon"),
            ],
            agreements=[
                AgreementInput("Oefent de busreis naar de stage", "Leerling", due),
                AgreementInput("Levert het toestemmingsformulier in", PARENT_ROLE, due),
                AgreementInput("Vraagt een jobcoach aan", "Ingrid Peeters", due),
                AgreementInput("Belt de huisarts", "Oom Hasan", due),
            ],
        ),
    )
    text = _text(store.run(parent_reports.report_pdf, coordinator, conversation_id).pdf)

    # Who was there: the mother as the mother.
    assert "Fatima Yılmaz Moeder" in text
    assert PARENT_ROLE not in text
    # Who does what: each by name and role.
    assert "Samira (leerling) Oefent de busreis naar de stage" in text
    assert "Fatima Yılmaz (moeder) Levert het toestemmingsformulier in" in text
    assert "Ingrid Peeters (uitstroomcoördinator) Vraagt een jobcoach aan" in text
    # Someone who was not at the table stays as typed.
    assert "Oom Hasan Belt de huisarts" in text
