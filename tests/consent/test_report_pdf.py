"""The transition report renders every section; the text in the PDF is what the database
holds; the consent it rests on stands in the footer of every page, marked confidential."""

from __future__ import annotations

import re
import subprocess
from datetime import date

from sqlalchemy import select

from app.models import (
    ConsentScope,
    Employer,
    Internship,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
    Student,
)
from app.services.consent import register as consents
from app.services.consent.consent_form import consent_form
from app.services.consent.report_export import export_report
from tests.consent.helpers import MARKERS, consent_input, full_student, organisations, pdf_text

AT = date(2026, 9, 1)


def test_report_with_every_section_matches_the_database(store, coordinator, tmp_path):
    def arrange(session):
        orgs = organisations(session)
        student = full_student(session, las_key="777")
        # Enough internships for a second page, so the footer is seen on both.
        employer = session.scalars(select(Employer)).first()
        for month in range(1, 13):
            session.add(
                Internship(
                    student_id=student.id,
                    employer_id=employer.id,
                    kind=InternshipType.BLOK,
                    start_date=date(2024, month, 1),
                    end_date=date(2024, month, 20),
                    status=InternshipStatus.COMPLETED,
                    outcome=InternshipOutcome.POSITIVE.value,
                    outcome_note=f"Blok {month}: werktempo omhoog",
                )
            )
        return student.id, orgs["venlo"].id

    sid, venlo = store.run(arrange)
    store.run(consents.record_consent, coordinator, sid, consent_input(venlo))
    out = tmp_path / "dossier.pdf"
    store.run(export_report, coordinator, "777", "auto", out, at=AT)
    text = pdf_text(out)
    for heading in (
        "Overdrachtsdossier",
        "Grondslag voor dit dossier",
        "Uitstroomprofiel en bestemming",
        "Instrumenten",
        "Profiel",
        "Sleutelbeslissingen",
        "Stages",
        "Afspraken die nog openstaan",
        "Nazorg",
        "Contactpersoon school",
        "Regie na school",
    ):
        assert heading in text, heading
    for marker in MARKERS.values():
        assert marker in text
    with store.session() as session:
        student = session.get(Student, sid)
        for value in (
            student.full_name,
            "01-03-2007",
            "Venlo",
            "Hovenier",
            "Medewerker groen",
            "Loonkostensubsidie",
            "Jobcoach Anouk, Gemeente Venlo",
            "Regulier werk",
            "Kiest voor groen.",
            "Contract aangeboden",
            "Ingrid Peeters",
            # Dutch labels, never the stored values.
            "Aangevraagd",
            "Transitiestage",
            "Afgerond",
            "Contract aangeboden. Vanaf augustus 24 uur per week",
            "Positief afgerond. Blok 3: werktempo omhoog",
            "Leerling (eens), Ouder / verzorger: Fatma Ozturk (niet eens)",
            "Telefoon, bereikt",
            "Nog op dezelfde plek",
            "Wonen",
            "Jobcoach ingeschakeld",
            "Warme overdracht vanuit uitstroom",
            "Bestemming: Regulier werk (Groenbedrijf Maasdal)",
        ):
            assert value in text, value
        for raw in (
            "loonkostensubsidie",
            "aangevraagd",
            "contract_aangeboden",
            "zelfde",
            "wonen",
            "regulier_werk",
        ):
            assert not re.search(rf"\b{raw}\b", text), raw
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    count = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")))
    assert count >= 2
    for page in range(1, count + 1):
        one = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(out), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        flat = " ".join(one.split())
        assert "VERTROUWELIJK" in flat and "Toestemming van 01-03-2026 door leerling" in flat
        assert f"pagina {page} van {count}" in flat


def test_report_for_a_demo_student_and_the_consent_form(store, coordinator, tmp_path):
    import random

    from app.demo import consent as demo_consent
    from app.demo import students as demo_students

    def arrange(session):
        rng = random.Random(7)
        demo_students.add_students(session, coordinator, 12, [], rng)
        demo_consent.generate(session, coordinator, rng)

    store.run(arrange)
    with store.session() as session:
        student = session.scalars(select(Student).order_by(Student.id)).first()
        las = student.las_key
    out = tmp_path / "form.pdf"
    store.run(consent_form, coordinator, student.id, out)
    text = pdf_text(out)
    assert "Toestemming om gegevens te delen" in text and student.full_name in text
    assert "U kunt uw toestemming altijd weer intrekken" in text

    # Whatever the demo gave this student, the report holds exactly what the gate allows.
    def ensure_consent(session):
        from app.services.network.report_recipients import municipality_of

        return municipality_of(session, session.get(Student, student.id)).id

    org = store.run(ensure_consent)
    store.run(
        consents.record_consent,
        coordinator,
        student.id,
        consent_input(org, scopes=[ConsentScope.PATH], given_by_guardian="ouder"),
    )
    report = tmp_path / "demo.pdf"
    result = store.run(export_report, coordinator, las, "auto", report)
    assert ConsentScope.PATH in result.scopes
    assert "Uitstroomprofiel en bestemming" in pdf_text(report)
