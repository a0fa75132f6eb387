"""The Denken/Doen/Willen/Zijn profile: assessments with a history, comparison, items the
school manages, key decisions, and mentors who only see their own students."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import ConflictError, PermissionDeniedError, ValidationError
from app.db import Store
from app.models import DecisionRole, Factor, Role, User
from app.services.common.actor import Actor
from app.services.profile import assessments, comparison, decisions, items, overview, printing
from app.services.profile.assessments import AssessmentInput, ScoreInput
from app.services.profile.decisions import DecisionInput, ParticipantInput
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput


@pytest.fixture
def student_id(store: Store, coordinator: Actor) -> int:
    data = StudentInput(first_name="Sanne", surname="Bakker", las_key="300001")
    return store.run(students.create_student, coordinator, data)


def _items(store: Store, actor: Actor, factor: Factor) -> list[items.ItemView]:
    return [i for i in store.run(items.list_items, actor) if i.factor is factor]


def _mentor(store: Store, username: str) -> Actor:
    with store.session() as session:
        user = User(username=username, display_name=username.title(), role=Role.MENTOR)
        session.add(user)
        session.flush()
        return Actor(user.id, user.username, user.display_name, user.role)


def test_default_items_ship_for_all_four_factors(store: Store, coordinator: Actor) -> None:
    offered = store.run(items.list_items, coordinator)
    assert {i.factor for i in offered} == set(Factor)
    assert "Instructies begrijpen" in [i.label for i in offered if i.factor is Factor.DENKEN]
    assert all(len(_items(store, coordinator, f)) >= 4 for f in Factor)


def test_create_revise_and_compare_assessments(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    denken = _items(store, coordinator, Factor.DENKEN)
    doen = _items(store, coordinator, Factor.DOEN)
    first = AssessmentInput(
        assessed_on="10-09-2025",
        student_present=True,
        wish_job="Kok",
        factor_texts={"denken": "Leest korte teksten."},
        scores=(ScoreInput(denken[0].id, 2, "met voorlezen"), ScoreInput(doen[0].id, 3)),
    )
    old_id = store.run(assessments.record_assessment, coordinator, student_id, first)
    second = AssessmentInput(
        assessed_on="15-03-2026",
        student_present=True,
        parents_present=True,
        wish_job="Kok",
        chance_job="Keukenhulp in een zorgcentrum",
        factor_texts={"denken": "Leest korte teksten."},
        scores=(ScoreInput(denken[0].id, 3, "met voorlezen"), ScoreInput(doen[0].id, 3)),
    )
    new_id = store.run(assessments.record_assessment, coordinator, student_id, second)

    shown = store.run(overview.profile_overview, coordinator, student_id)
    assert [h.id for h in shown.history] == [new_id, old_id]  # newest first
    assert shown.newest is not None and shown.newest.id == new_id
    assert shown.newest.chance_job == "Keukenhulp in een zorgcentrum"
    assert shown.history[0].assessed_by == "Ingrid Peeters"

    # Revising corrects the assessment itself, guarded by its version.
    view = store.run(assessments.get_assessment, coordinator, new_id)
    revised = AssessmentInput(**{**second.__dict__, "scores": (ScoreInput(denken[0].id, 4, ""),)})
    store.run(assessments.revise_assessment, coordinator, new_id, view.version, revised)
    with pytest.raises(ConflictError):
        store.run(assessments.revise_assessment, coordinator, new_id, view.version, revised)
    after = store.run(assessments.get_assessment, coordinator, new_id)
    assert [(s.item_id, s.score) for s in after.scores] == [(denken[0].id, 4)]

    # Either order: the older one is on the left, changes are marked.
    compared = store.run(comparison.compare_assessments, coordinator, new_id, old_id)
    assert (compared.older.id, compared.newer.id) == (old_id, new_id)
    by_label = {i.label: i for i in compared.items}
    first_item = by_label[denken[0].label]
    assert (first_item.old_score, first_item.new_score, first_item.changed) == (2, 4, True)
    assert first_item.direction == 1
    dropped = by_label[doen[0].label]
    assert (dropped.old_score, dropped.new_score, dropped.changed) == (3, None, True)
    untouched = by_label[doen[1].label]
    assert not untouched.changed
    texts = {t.label: t for t in compared.texts}
    assert texts["Kansbaan"].changed and not texts["Wensbaan"].changed
    assert not texts["Toelichting Denken"].changed


def test_assessment_input_is_checked_with_dutch_messages(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    item = _items(store, coordinator, Factor.ZIJN)[0]
    bad = AssessmentInput(assessed_on="31-02-2026", scores=(ScoreInput(item.id, 9),))
    with pytest.raises(ValidationError) as caught:
        store.run(assessments.record_assessment, coordinator, student_id, bad)
    assert "Datum" in caught.value.problems["assessed_on"]
    assert "1 tot en met 4" in caught.value.problems[f"score_{item.id}"]
    future = AssessmentInput(assessed_on="01-01-2999")
    with pytest.raises(ValidationError) as caught:
        store.run(assessments.record_assessment, coordinator, student_id, future)
    assert "toekomst" in caught.value.problems["assessed_on"]


def test_retiring_an_item_keeps_old_assessments_readable(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    item = _items(store, coordinator, Factor.WILLEN)[0]
    old_id = store.run(
        assessments.record_assessment,
        coordinator,
        student_id,
        AssessmentInput(assessed_on="01-10-2025", scores=(ScoreInput(item.id, 3, "wil graag"),)),
    )
    store.run(items.retire_item, coordinator, item.id)
    store.run(items.rename_item, coordinator, item.id, "Motivatie (oud)")

    old = store.run(assessments.get_assessment, coordinator, old_id)
    assert [(s.label, s.score, s.note, s.retired) for s in old.scores] == [
        ("Motivatie (oud)", 3, "wil graag", True)
    ]
    # A new assessment no longer offers or accepts the retired item ...
    shown = store.run(overview.profile_overview, coordinator, student_id)
    assert item.id not in {i.id for i in shown.items}
    with pytest.raises(ValidationError):
        store.run(
            assessments.record_assessment,
            coordinator,
            student_id,
            AssessmentInput(assessed_on="01-11-2025", scores=(ScoreInput(item.id, 2),)),
        )
    # ... but revising the old one keeps its score on it, and comparing shows it.
    store.run(assessments.revise_assessment, coordinator, old_id, old.version, old.to_input())
    new_id = store.run(
        assessments.record_assessment, coordinator, student_id, AssessmentInput("01-11-2025")
    )
    compared = store.run(comparison.compare_assessments, coordinator, old_id, new_id)
    retired_row = next(i for i in compared.items if i.label == "Motivatie (oud)")
    assert (retired_row.old_score, retired_row.new_score, retired_row.retired) == (3, None, True)


def test_coordinator_adds_renames_reorders_and_restores_items(
    store: Store, coordinator: Actor
) -> None:
    new_id = store.run(items.add_item, coordinator, Factor.DOEN, "Heftruck rijden")
    doen = _items(store, coordinator, Factor.DOEN)
    assert doen[-1].id == new_id
    store.run(items.move_item, coordinator, new_id, -1)
    doen = _items(store, coordinator, Factor.DOEN)
    assert doen[-2].id == new_id
    store.run(items.rename_item, coordinator, new_id, "Heftruck en palletwagen")
    store.run(items.retire_item, coordinator, new_id)
    store.run(items.retire_item, coordinator, new_id, False)
    item = next(i for i in _items(store, coordinator, Factor.DOEN) if i.id == new_id)
    assert (item.label, item.retired) == ("Heftruck en palletwagen", False)
    with pytest.raises(ValidationError) as caught:
        store.run(items.add_item, coordinator, Factor.DOEN, "  ")
    assert "Omschrijving" in caught.value.problems["label"]
    mentor = _mentor(store, "m.devries")
    with pytest.raises(PermissionDeniedError):
        store.run(items.add_item, mentor, Factor.DOEN, "Iets")


def test_key_decisions_record_who_took_part_and_agreed(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    data = DecisionInput(
        decided_on="20-01-2026",
        decision="Sanne kiest voor een transitiestage in de zorg.",
        participants=(
            ParticipantInput(DecisionRole.STUDENT.value, "", True),
            ParticipantInput(DecisionRole.PARENT.value, "Fatima Bakker", False),
            ParticipantInput(DecisionRole.MENTOR.value, "", None),
        ),
    )
    decision_id = store.run(decisions.add_decision, coordinator, student_id, data)
    decision = store.run(overview.profile_overview, coordinator, student_id).decisions[0]
    assert decision.id == decision_id and decision.decided_on == date(2026, 1, 20)
    assert decision.participants_text == (
        "Leerling (eens), Ouder / verzorger: Fatima Bakker (niet eens), Mentor (niet gezegd)"
    )
    agreed = DecisionInput(
        data.decided_on,
        data.decision,
        (*data.participants[:1], ParticipantInput(DecisionRole.PARENT.value, "Fatima", True)),
    )
    store.run(decisions.update_decision, coordinator, decision_id, decision.version, agreed)
    decision = store.run(overview.profile_overview, coordinator, student_id).decisions[0]
    assert [p.agreed for p in decision.participants] == [True, True]
    with pytest.raises(ValidationError) as caught:
        store.run(decisions.add_decision, coordinator, student_id, DecisionInput("", "", ()))
    assert set(caught.value.problems) == {"decided_on", "decision", "participants"}


def test_mentors_see_and_edit_only_their_own_students_profiles(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    own, other = _mentor(store, "m.eigen"), _mentor(store, "m.ander")
    data = store.run(students.open_student_file, coordinator, student_id).input
    data.mentor_id = own.user_id
    version = store.run(students.open_student_file, coordinator, student_id).version
    store.run(students.save_student, coordinator, student_id, version, data)

    assessment = AssessmentInput(assessed_on="01-02-2026", wish_job="Hovenier")
    assessment_id = store.run(assessments.record_assessment, own, student_id, assessment)
    assert store.run(overview.profile_overview, own, student_id).newest.wish_job == "Hovenier"
    for call, args in (
        (overview.profile_overview, (student_id,)),
        (assessments.get_assessment, (assessment_id,)),
        (assessments.record_assessment, (student_id, assessment)),
        (comparison.compare_assessments, (assessment_id, assessment_id)),
        (decisions.add_decision, (student_id, DecisionInput("01-02-2026", "x", ()))),
    ):
        with pytest.raises(PermissionDeniedError):
            store.run(call, other, *args)
    # Printing is an export: the coordinator's.
    with pytest.raises(PermissionDeniedError):
        store.run(printing.print_profile, own, student_id)
