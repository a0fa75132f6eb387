"""The parent report in the guardians' language: chosen per guardian (default: the language
recorded for the one who was there), logged with its language, refused in Dutch when unknown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.core.errors import ValidationError
from app.core.validation import today
from app.db import Store
from app.models import ExportLog, Guardian
from app.services.common.actor import Actor
from app.services.conversations import parent_reports
from app.services.conversations import recording as conversations
from app.services.students import student_file as student_service
from app.services.students.student_file import StudentInput
from tests.services.test_conversations import _advice


@pytest.fixture
def student(store: Store, coordinator: Actor) -> int:
    return store.run(
        student_service.create_student, coordinator, StudentInput(first_name="Sem", surname="Smit")
    )


def _languages(store: Store, student_id: int, **by_name: str) -> None:
    def write(session) -> None:
        for name, language in by_name.items():
            session.add(Guardian(student_id=student_id, name=name, language=language))

    store.run(write)


def test_the_language_of_the_guardian_who_was_there_is_the_default(
    store: Store,
    coordinator: Actor,
    student: int,
) -> None:
    # Piet (Turkish) was invited but absent; Anja (Arabic) was there.
    _languages(store, student, **{"Piet Smit": "Turks", "Anja Smit": "Arabisch"})
    cid = store.run(conversations.create, coordinator, student, _advice(today() - timedelta(1)))
    found = store.run(parent_reports.parent_languages, coordinator, cid)
    assert [(g.guardian, g.recorded, g.code) for g in found] == [
        ("Anja Smit", "Arabisch", "ar"),
        ("Piet Smit", "Turks", "tr"),
    ]
    assert store.run(parent_reports.report_data, coordinator, cid).language == "ar"
    report = store.run(parent_reports.report_pdf, coordinator, cid, "tr")
    assert report.language == "tr" and report.filename.endswith("-tr.pdf")
    assert store.run(parent_reports.report_pdf, coordinator, cid, "nl").language == "nl"


def test_a_print_and_a_saved_file_are_logged_with_their_language(
    store: Store,
    coordinator: Actor,
    student: int,
    tmp_path,
) -> None:
    cid = store.run(conversations.create, coordinator, student, _advice(today() - timedelta(1)))
    store.run(parent_reports.save_parent_report, coordinator, cid, tmp_path / "v.pdf", "ti")
    store.run(parent_reports.record_printed, coordinator, cid, "ar")
    store.run(parent_reports.record_printed, coordinator, cid)
    with store.session() as session:
        logged = [e.scopes for e in session.scalars(select(ExportLog).order_by(ExportLog.id))]
    assert logged == [
        "opgeslagen als pdf, in het Nederlands en Tigrinya",
        "afgedrukt, in het Nederlands en Arabisch",
        "afgedrukt",
    ]


def test_an_unknown_language_is_refused_in_dutch_and_writes_nothing(
    store: Store,
    coordinator: Actor,
    student: int,
    tmp_path,
) -> None:
    cid = store.run(conversations.create, coordinator, student, _advice(today() - timedelta(1)))
    target = tmp_path / "v.pdf"
    with pytest.raises(ValidationError) as refused:
        store.run(parent_reports.save_parent_report, coordinator, cid, target, "sw")
    assert refused.value.problems["language"].startswith("Taal 'sw' is onbekend. Kies uit: nl")
    assert not target.exists()
    with store.session() as session:
        assert session.scalars(select(ExportLog)).first() is None
