"""The transition report a receiver can act on: how to reach the school, whether the leaving
date is planned, the app's own words, and the phase the path is in today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.db import Store
from app.models import (
    Employer,
    Internship,
    InternshipStatus,
    InternshipType,
    PathPhase,
    Phase,
    Student,
    TransitionPath,
)
from app.services.admin.school_contact import set_school_contact
from app.services.common.actor import Actor
from app.services.consent import register as consents
from app.services.consent.report_export import export_report
from tests.consent.helpers import consent_input, full_student, organisations, pdf_text

AT = date(2026, 3, 15)


def _export(store: Store, coordinator: Actor, las_key: str, out: Path) -> str:
    store.run(export_report, coordinator, las_key, "auto", out, at=AT)
    return pdf_text(out)


def test_the_report_gives_the_school_phone_and_email_a_planned_date_and_the_apps_words(
    store: Store, coordinator: Actor, tmp_path: Path
) -> None:
    store.run(set_school_contact, coordinator, "077-1234567", "uitstroom@dehorizon.example")

    def arrange(session):
        orgs = organisations(session)
        student = full_student(session, las_key="778", leaving=date(2026, 7, 10))
        return student.id, orgs["venlo"].id

    sid, venlo = store.run(arrange)
    store.run(consents.record_consent, coordinator, sid, consent_input(venlo))
    text = _export(store, coordinator, "778", tmp_path / "dossier.pdf")

    assert "Telefoon school 077-1234567" in text
    assert "E-mail school uitstroom@dehorizon.example" in text
    # Not left yet: the date is the planned one, and the report says so.
    assert "Uitstroomdatum 10-07-2026 (gepland)" in text
    assert "Wensbaan Hovenier" in text and "Kansbaan Medewerker groen" in text
    assert "Wensberoep" not in text and "Kansberoep" not in text

    # Once the student has left, the date stands without "gepland".
    def left(session):
        session.get(Student, sid).actual_outflow_date = date(2026, 7, 3)

    store.run(left)
    text = _export(store, coordinator, "778", tmp_path / "dossier-2.pdf")
    assert "Uitstroomdatum 03-07-2026 Contactpersoon" in text
    assert "(gepland) Contactpersoon" not in text


def test_a_running_transition_internship_is_the_phase_the_report_shows(
    store: Store, coordinator: Actor, tmp_path: Path
) -> None:
    def arrange(session):
        orgs = organisations(session)
        student = Student(
            las_key="779",
            first_name="Samira",
            surname="Yılmaz",
            birth_date=date(2008, 5, 4),
            municipality="Venlo",
            planned_outflow_date=date(2026, 7, 10),
        )
        session.add(student)
        employer = Employer(name="Tuincentrum De Wilg")
        session.add(employer)
        session.flush()
        path = TransitionPath(student_id=student.id, current_phase=Phase.ORIENTATION)
        session.add(path)
        session.flush()
        # The path was never moved on: orientation is still recorded as running.
        session.add(
            PathPhase(
                path_id=path.id,
                phase=Phase.ORIENTATION,
                start_date=date(2024, 9, 1),
                lead_name="Mentor Jan",
                lead_organisation="De Horizon",
            )
        )
        session.add(
            Internship(
                student_id=student.id,
                employer_id=employer.id,
                kind=InternshipType.TRANSITIE,
                start_date=date(2025, 9, 1),
                end_date=date(2026, 6, 30),
                status=InternshipStatus.RUNNING,
            )
        )
        return student.id, orgs["venlo"].id

    sid, venlo = store.run(arrange)
    store.run(consents.record_consent, coordinator, sid, consent_input(venlo))
    text = _export(store, coordinator, "779", tmp_path / "dossier.pdf")

    assert "Huidige fase Transitiestage, 01-09-2025 – heden (gepland tot 30-06-2026)" in text
    assert "Transitiestage 01-09-2025 – heden (gepland tot 30-06-2026)" in text
    # Orientation ended the day before the transition internship began.
    assert "Oriëntatie 01-09-2024 – 31-08-2025 Mentor Jan, De Horizon" in text
    assert "01-09-2024 – heden" not in text
