"""The printed one-page profile: the four factors and the student's name, on one page,
logged as an export."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import select

from app.db import Store
from app.models import DecisionRole, ExportLog, Factor
from app.services.common.actor import Actor
from app.services.profile import assessments, decisions, items, printing
from app.services.profile.assessments import AssessmentInput, ScoreInput
from app.services.profile.decisions import DecisionInput, ParticipantInput
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput


def test_the_profile_pdf_has_the_four_factors_and_the_name_on_one_page(
    store: Store, coordinator: Actor
) -> None:
    student_id = store.run(
        students.create_student,
        coordinator,
        StudentInput(first_name="Zoë", prefix="van den", surname="Berg & Zn", class_name="V6A"),
    )
    offered = store.run(items.list_items, coordinator)
    scores = tuple(
        ScoreInput(i.id, 1 + n % 4, "Gaat steeds beter <b>") for n, i in enumerate(offered)
    )
    store.run(
        assessments.record_assessment,
        coordinator,
        student_id,
        AssessmentInput(
            assessed_on="12-01-2026",
            student_present=True,
            parents_present=True,
            wish_job="Dierenverzorger",
            chance_job="Medewerker kinderboerderij",
            factor_texts={f.value: "Een langere toelichting. " * 12 for f in Factor},
            scores=scores,
        ),
    )
    store.run(
        decisions.add_decision,
        coordinator,
        student_id,
        DecisionInput(
            "15-01-2026",
            "Transitiestage bij de kinderboerderij",
            (ParticipantInput(DecisionRole.STUDENT.value, "", True),),
        ),
    )
    data = store.run(printing.print_profile, coordinator, student_id)

    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    for name in ("Denken", "Doen", "Willen", "Zijn"):
        assert name in text
    assert "Zoë van den Berg & Zn" in text
    assert "Dierenverzorger" in text and "Medewerker kinderboerderij" in text
    assert "Gaat steeds beter <b>" in text
    with store.session() as session:
        logged = session.scalars(select(ExportLog)).all()
        assert [(e.student_id, e.what) for e in logged] == [(student_id, "profiel")]


def test_an_empty_profile_still_prints(store: Store, coordinator: Actor) -> None:
    student_id = store.run(
        students.create_student, coordinator, StudentInput(first_name="Sem", surname="Kok")
    )
    text = PdfReader(io.BytesIO(store.run(printing.print_profile, coordinator, student_id)))
    content = text.pages[0].extract_text()
    assert "Sem Kok" in content and "Nog niet besproken" in content


def test_each_item_is_printed_in_the_words_of_its_own_scale(
    store: Store, coordinator: Actor
) -> None:
    student_id = store.run(
        students.create_student, coordinator, StudentInput(first_name="Noor", surname="Bakker")
    )
    offered = {i.label: i for i in store.run(items.list_items, coordinator)}
    # The default items: a skill, a support need and a wish, each scored 3.
    scored = ("Zelfstandig werken", "Steun van gezin en netwerk", "Motivatie voor werk")
    assessment_id = store.run(
        assessments.record_assessment,
        coordinator,
        student_id,
        AssessmentInput(
            assessed_on="12-01-2026", scores=tuple(ScoreInput(offered[x].id, 3) for x in scored)
        ),
    )
    data = store.run(printing.print_profile, coordinator, student_id)
    text = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())

    assert "Zelfstandig werken: Lukt met een beetje hulp" in text
    assert "Steun van gezin en netwerk: Af en toe steun nodig" in text
    assert "Motivatie voor werk: Duidelijk" in text
    assert "Steun van gezin en netwerk: Lukt" not in text
    # The legend explains each scale used.
    assert "vaardigheid: lukt nog niet" in text and "steun die nodig is: veel steun nodig" in text
    # The profile tab shows the same words (it reads the same score views).
    view = store.run(assessments.get_assessment, coordinator, assessment_id)
    shown = {s.label: s.score_text for s in view.scores}
    assert shown["Steun van gezin en netwerk"] == "Af en toe steun nodig"
