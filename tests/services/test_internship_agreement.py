"""The stageovereenkomst: all parties and signature lines in the PDF, and the print logged."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.core.errors import PermissionDeniedError
from app.db import Store
from app.export.internship_agreement import render_agreement
from app.models import AuditEntry, ExportLog
from app.services.common.actor import Actor
from app.services.internships import agreement as internship_agreement
from app.services.internships import employers, planning
from app.services.internships.employers import ContactInput, EmployerInput
from app.services.internships.planning import InternshipInput
from app.services.students import student_file as students
from app.services.students.student_file import GuardianInput, StudentInput


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _internship(store: Store, actor: Actor, birth: str) -> int:
    student = store.run(
        students.create_student,
        actor,
        StudentInput(
            first_name="Zoë",
            surname="Bakker",
            birth_date=birth,
            class_name="V6A",
            guardians=[GuardianInput(name="Fatima Bakker", relation="moeder")],
        ),
    )
    employer = store.run(
        employers.create_employer,
        actor,
        EmployerInput(
            name="Zorgcentrum De Linde & Co",
            address="Lindelaan 4",
            postcode="5911 AB",
            city="Venlo",
            sector="Zorg en welzijn",
            contacts=[ContactInput("Anouk Smit", "praktijkbegeleider", "077-1234567")],
        ),
    )
    with store.session() as s:
        from app.models import EmployerContact

        supervisor = s.scalars(select(EmployerContact.id)).one()
    return store.run(
        planning.plan_internship,
        actor,
        student,
        InternshipInput(
            employer_id=employer,
            supervisor_id=supervisor,
            kind="transitiestage",
            start_date="01-09-2026",
            end_date="30-06-2027",
            days=["ma", "di", "do"],
            hours_per_week="24",
            learning_goals="Zelfstandig de koffieronde doen <en> om hulp vragen.",
        ),
    )


def test_agreement_names_every_party_and_has_signature_lines(
    store: Store, coordinator: Actor, tmp_path: Path
) -> None:
    iid = _internship(store, coordinator, "12-03-2010")
    data = store.run(internship_agreement.agreement_data, coordinator, iid)
    assert data.is_minor
    text = _text(render_agreement(data))
    assert text.count("Handtekening") == 4 and text.count("Datum") >= 4
    for expected in (
        "Stageovereenkomst",
        "Zoë Bakker",
        "Fatima Bakker",
        "Zorgcentrum De Linde & Co",
        "De Horizon",
        "Anouk Smit",
        "01-09-2026",
        "30-06-2027",
        "maandag, dinsdag, donderdag",
        "24 uur per week",
        "<en>",
        "Leerling: Zoë Bakker",
        "Ouder / verzorger: Fatima Bakker",
        "Werkgever: Zorgcentrum De Linde & Co, namens deze: Anouk Smit",
        "School: De Horizon, namens deze: Ingrid Peeters",
        "Handtekening",
    ):
        assert expected in text, expected

    target = tmp_path / "overeenkomst.pdf"
    written = store.run(internship_agreement.save_agreement, coordinator, iid, str(target))
    assert Path(written).read_bytes().startswith(b"%PDF")
    with store.session() as s:
        log = s.scalars(select(ExportLog)).one()
        assert log.what == "stageovereenkomst" and log.user_id == coordinator.user_id
        assert s.scalars(
            select(AuditEntry).where(AuditEntry.action == "export", AuditEntry.entity_id == iid)
        ).one()


def test_an_adult_signs_alone(store: Store, coordinator: Actor) -> None:
    iid = _internship(store, coordinator, "01-01-2006")
    data = store.run(internship_agreement.agreement_data, coordinator, iid)
    assert not data.is_minor
    text = _text(render_agreement(data))
    assert "Ouder / verzorger" not in text and text.count("Handtekening") == 3


def test_only_a_coordinator_prints(store: Store, coordinator: Actor, tmp_path: Path) -> None:
    from app.models import Role

    iid = _internship(store, coordinator, "12-03-2010")
    reader = Actor(coordinator.user_id, "x", "x", Role.READ_ONLY)
    with pytest.raises(PermissionDeniedError):
        store.run(internship_agreement.save_agreement, reader, iid, str(tmp_path / "a.pdf"))
