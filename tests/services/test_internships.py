"""Employers, internships, evaluations and the planner queries, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from app.core.errors import PermissionDeniedError, ValidationError
from app.db import Store
from app.models import (
    Destination,
    Employer,
    Internship,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
    PathEvent,
    Role,
    TransitionPath,
)
from app.services.admin import users
from app.services.admin.users import UserInput
from app.services.common.actor import Actor
from app.services.internships import (
    competencies,
    employer_lists,
    employer_merge,
    employers,
    evaluations,
    lifecycle,
    listing,
    planner,
    planning,
    sectors,
)
from app.services.internships.employers import (
    ContactInput,
    DuplicateEmployerError,
    EmployerInput,
    PlacesInput,
)
from app.services.internships.evaluations import EvaluationInput
from app.services.internships.planning import InternshipInput
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput


def _student(store: Store, actor: Actor, first: str = "Daan", **extra) -> int:
    data = StudentInput(first_name=first, surname="Jansen", **extra)
    return store.run(students.create_student, actor, data)


def _employer(store: Store, actor: Actor, name: str = "Bakkerij Bos", **extra) -> int:
    data = EmployerInput(
        name=name,
        postcode=extra.pop("postcode", "6041 AB"),
        city="Roermond",
        sector="Voeding",
        contacts=[ContactInput("Anouk Smit", "praktijkbegeleider", "077-1234567")],
        **extra,
    )
    return store.run(employers.create_employer, actor, data)


def _plan(store, actor, student_id, employer_id, start, end, days=("ma", "di"), **kw) -> int:
    data = InternshipInput(
        employer_id=employer_id,
        kind=kw.pop("kind", InternshipType.BLOK.value),
        start_date=start,
        end_date=end,
        days=list(days),
        hours_per_week="12",
        learning_goals="Op tijd komen.",
        **kw,
    )
    return store.run(planning.plan_internship, actor, student_id, data)


def _version(store: Store, internship_id: int) -> int:
    with store.session() as s:
        return s.get(Internship, internship_id).version


# --- employers ---------------------------------------------------------------------------


def test_employer_crud_and_duplicate_caught_on_entry(store: Store, coordinator: Actor) -> None:
    employer_id = _employer(
        store, coordinator, places=[PlacesInput(2026, "blokstage", 2)], banenafspraak_places="1"
    )
    detail = store.run(employers.open_employer, coordinator, employer_id)
    assert detail.input.sector == "Voeding"
    assert [c.name for c in detail.input.contacts] == ["Anouk Smit"]
    assert [(p.school_year, p.kind, p.places) for p in detail.input.places] == [
        (2026, "blokstage", 2)
    ]
    # Same name in other spelling and the same postcode without the space: a duplicate.
    with pytest.raises(DuplicateEmployerError) as caught:
        _employer(store, coordinator, name="bakkerij  BOS", postcode="6041ab")
    assert caught.value.matches[0].id == employer_id
    assert "staat al in het netwerk" in caught.value.message
    # The same name elsewhere is another branch, not a duplicate.
    _employer(store, coordinator, postcode="5911 AA")

    changed = detail.input
    changed.notes = "Social return: twee plekken per jaar afgesproken."
    changed.contacts.append(ContactInput("Bram Kok", "hr", email="b.kok@voorbeeld.nl"))
    store.run(employers.save_employer, coordinator, employer_id, detail.version, changed)
    again = store.run(employers.open_employer, coordinator, employer_id)
    assert again.input.notes.startswith("Social return")
    assert {c.role for c in again.input.contacts} == {"praktijkbegeleider", "hr"}

    with pytest.raises(ValidationError) as bad:
        store.run(
            employers.create_employer,
            coordinator,
            EmployerInput(name="X", sector="Ruimtevaart", postcode="12"),
        )
    assert set(bad.value.problems) == {"sector", "postcode"}

    store.run(sectors.add_sector, coordinator, "Ruimtevaart")
    assert "Ruimtevaart" in store.run(sectors.sectors, coordinator)


def test_merge_keeps_the_history_of_both(store: Store, coordinator: Actor) -> None:
    keep = _employer(store, coordinator, places=[PlacesInput(2026, "blokstage", 1)])
    dup = store.run(
        employers.create_employer,
        coordinator,
        EmployerInput(
            name="Bakkerij Bos",
            postcode="6041 AB",
            notes="Oude notitie",
            contacts=[ContactInput("Yara Post", "hr")],
            places=[PlacesInput(2026, "blokstage", 2)],
        ),
        allow_duplicate=True,
    )
    student = _student(store, coordinator)
    first = _plan(store, coordinator, student, keep, "01-09-2026", "30-10-2026")
    second = _plan(store, coordinator, student, dup, "01-11-2026", "20-12-2026")

    store.run(employer_merge.merge_employers, coordinator, keep, dup)

    detail = store.run(employers.open_employer, coordinator, keep)
    assert {h.internship_id for h in detail.history} == {first, second}
    assert {c.name for c in detail.input.contacts} == {"Anouk Smit", "Yara Post"}
    assert detail.input.places[0].places == 3
    assert "Oude notitie" in detail.input.notes
    assert dup not in {r.id for r in store.run(employer_lists.list_employers, coordinator)}
    with store.session() as s:
        assert s.get(Employer, dup).merged_into_id == keep
    with pytest.raises(ValidationError):
        store.run(employers.delete_employer, coordinator, keep)


# --- internships -------------------------------------------------------------------------


def test_life_cycle_overlap_and_evaluation(store: Store, coordinator: Actor) -> None:
    student = _student(store, coordinator)
    employer = _employer(store, coordinator)
    iid = _plan(store, coordinator, student, employer, "01-09-2026", "31-01-2027")
    assert store.run(listing.list_for_student, coordinator, student)[0].status is (
        InternshipStatus.PLANNED
    )

    # Same student, overlapping period, a shared day: refused with a clear message.
    with pytest.raises(ValidationError) as clash:
        _plan(store, coordinator, student, employer, "01-10-2026", "", days=("di", "wo"))
    message = clash.value.problems["start_date"]
    assert "dinsdag" in message and "Bakkerij Bos" in message and "overlappen" in message
    # Other days in the same period are fine.
    other = _plan(store, coordinator, student, employer, "01-10-2026", "", days=("do",))

    with pytest.raises(ValidationError):  # planned cannot be completed
        store.run(
            lifecycle.complete_internship,
            coordinator,
            iid,
            _version(store, iid),
            "positief_afgerond",
        )
    store.run(lifecycle.start_internship, coordinator, iid, _version(store, iid))
    store.run(
        lifecycle.complete_internship,
        coordinator,
        iid,
        _version(store, iid),
        InternshipOutcome.FOLLOW_UP_INTERNSHIP.value,
        "31-01-2027",
    )
    with pytest.raises(ValidationError) as empty:
        store.run(lifecycle.break_off, coordinator, other, _version(store, other), "", "")
    assert set(empty.value.problems) == {"broken_off_on", "broken_off_reason"}
    store.run(
        lifecycle.break_off,
        coordinator,
        other,
        _version(store, other),
        "15-10-2026",
        "Past niet bij de leerling.",
    )
    rows = {r.id: r for r in store.run(listing.list_for_student, coordinator, student)}
    assert rows[iid].status is InternshipStatus.COMPLETED
    assert rows[iid].outcome == "vervolgstage"
    assert rows[other].status is InternshipStatus.BROKEN_OFF
    assert rows[other].broken_off_reason == "Past niet bij de leerling."
    # After the break-off the Thursday is free again.
    _plan(store, coordinator, student, employer, "22-10-2026", "20-12-2026", days=("do",))

    skills = store.run(competencies.competencies, coordinator)
    assert len(skills) >= 8 and skills[1][1] == "Werktempo"
    scores = {skills[0][0]: 4, skills[1][0]: 2, skills[2][0]: None}
    store.run(
        evaluations.record_evaluation,
        coordinator,
        iid,
        EvaluationInput(
            "15-11-2026", False, "praktijkbegeleider", scores, "Werkt netjes.", "Tempo oefenen."
        ),
    )
    [evaluation] = store.run(evaluations.evaluations, coordinator, iid)
    assert evaluation.evaluated_on == date(2026, 11, 15)
    assert [(s.label, s.score) for s in evaluation.scores] == [
        (skills[0][1], 4),
        ("Werktempo", 2),
    ]
    assert evaluation.supervisor_comment == "Werkt netjes."
    with pytest.raises(ValidationError):
        store.run(
            evaluations.record_evaluation,
            coordinator,
            iid,
            EvaluationInput("16-11-2026", scores={skills[0][0]: 7}),
        )


# What each action of the life-cycle needs besides the internship and its version.
ACTIONS = {
    "may_start": (lifecycle.start_internship, ()),
    "may_complete": (
        lifecycle.complete_internship,
        (InternshipOutcome.POSITIVE.value, "01-12-2025"),
    ),
    "may_break_off": (lifecycle.break_off, ("15-09-2025", "Het werk was te zwaar.")),
    "may_end_with_contract": (lifecycle.end_with_contract, ("01-01-2026",)),
}


@pytest.mark.parametrize("kind", [InternshipType.BLOK, InternshipType.TRANSITIE])
@pytest.mark.parametrize("status", list(InternshipStatus))
def test_the_row_offers_exactly_the_actions_the_life_cycle_accepts(
    store: Store, coordinator: Actor, status: InternshipStatus, kind: InternshipType
) -> None:
    """The Stages tab enables its buttons from these flags: each must match the service."""
    employer = _employer(store, coordinator)
    for flag, (use_case, args) in ACTIONS.items():
        student = _student(store, coordinator)
        iid = _plan(
            store, coordinator, student, employer, "01-09-2025", "31-12-2025", kind=kind.value
        )
        with store.session() as s:
            s.get(Internship, iid).status = status
        (row,) = store.run(listing.list_for_student, coordinator, student)
        assert row.status is status
        try:
            store.run(use_case, coordinator, iid, row.version, *args)
            accepted = True
        except ValidationError as refused:
            # Refused for what the internship is, never for the data the test gives.
            assert set(refused.problems) <= {"status", "kind"}, refused.problems
            accepted = False
        assert getattr(row, flag) is accepted, (flag, status, kind)


def test_transition_internship_with_contract_becomes_the_destination(
    store: Store, coordinator: Actor
) -> None:
    student = _student(store, coordinator)
    employer = _employer(store, coordinator, offers_durable_internships=True)
    iid = _plan(
        store, coordinator, student, employer, "01-09-2026", "30-06-2027", kind="transitiestage"
    )
    store.run(lifecycle.start_internship, coordinator, iid, _version(store, iid))
    store.run(
        lifecycle.end_with_contract,
        coordinator,
        iid,
        _version(store, iid),
        "01-07-2027",
        Destination.WORK_BANENAFSPRAAK.value,
    )
    with store.session() as s:
        internship = s.get(Internship, iid)
        assert internship.status is InternshipStatus.COMPLETED
        assert internship.outcome == InternshipOutcome.CONTRACT_OFFERED.value
        path = s.query(TransitionPath).filter_by(student_id=student).one()
        assert path.destination is Destination.WORK_BANENAFSPRAAK
        assert path.destination_place == "Bakkerij Bos"
        assert path.destination_date == date(2027, 7, 1)
        event = s.query(PathEvent).filter_by(path_id=path.id).one()
        assert event.internship_id == iid


def test_mentors_plan_for_their_own_students_only(store: Store, coordinator: Actor) -> None:
    mentor_id = store.run(
        users.create_user,
        coordinator,
        UserInput("m.vandijk", "Marieke van Dijk", Role.MENTOR.value, "", "mentor-wachtwoord-1"),
    )
    mentor = Actor(mentor_id, "m.vandijk", "Marieke van Dijk", Role.MENTOR)
    mine = _student(store, coordinator, "Sem", mentor_id=mentor_id)
    other = _student(store, coordinator, "Lotte")
    employer = _employer(store, coordinator)
    _plan(store, mentor, mine, employer, "01-09-2026", "30-10-2026")
    with pytest.raises(PermissionDeniedError):
        _plan(store, mentor, other, employer, "01-09-2026", "30-10-2026")
    _plan(store, coordinator, other, employer, "01-09-2026", "30-10-2026")
    view = store.run(planner.open_planner, mentor, planner.PlannerQuery.school_year(2026))
    assert {r.student_id for r in view.internships} == {mine}
    history = store.run(employers.open_employer, mentor, employer).history
    assert sorted(h.student_name for h in history) == [
        "(leerling van een andere mentor)",
        "Sem Jansen",
    ]
    with pytest.raises(PermissionDeniedError):
        store.run(employer_merge.merge_employers, mentor, employer, employer)


# --- the planner queries on a generated data set ------------------------------------------


def test_planner_queries_on_generated_data(store: Store, coordinator: Actor) -> None:
    rng = random.Random(7)
    student_ids = [
        _student(
            store,
            coordinator,
            f"Leerling{n}",
            class_name=rng.choice(["V5A", "V6B"]),
            planned_outflow_date=rng.choice(["10-07-2027", "09-07-2028"]),
        )
        for n in range(30)
    ]
    employer_ids = []
    for n in range(8):
        places = [PlacesInput(2026, kind.value, rng.randint(0, 3)) for kind in InternshipType]
        employer_ids.append(
            _employer(
                store, coordinator, name=f"Bedrijf {n}", postcode=f"60{n:02d} AB", places=places
            )
        )
    # Internships spread over two school years, some broken off.
    planned: list[tuple[int, int, date, date | None, InternshipType, bool]] = []
    for sid in student_ids:
        for _ in range(rng.randint(0, 2)):
            start = date(2025, 9, 1) + timedelta(days=rng.randint(0, 600))
            end = start + timedelta(weeks=rng.randint(2, 20))
            kind = rng.choice(list(InternshipType))
            employer = rng.choice(employer_ids)
            try:
                iid = _plan(
                    store,
                    coordinator,
                    sid,
                    employer,
                    start.strftime("%d-%m-%Y"),
                    end.strftime("%d-%m-%Y"),
                    kind=kind.value,
                )
            except ValidationError:
                continue  # overlapping: refused, as it should be
            broken = rng.random() < 0.2
            if broken:
                store.run(
                    lifecycle.break_off,
                    coordinator,
                    iid,
                    _version(store, iid),
                    (start + timedelta(days=7)).strftime("%d-%m-%Y"),
                    "Ziek geworden.",
                )
                end = start + timedelta(days=7)
            planned.append((sid, employer, start, end, kind, broken))

    period = (date(2026, 11, 1), date(2026, 12, 31))
    busy = {sid for sid, _e, s, e, _k, _b in planned if s <= period[1] and e >= period[0]}
    expected_without = set(student_ids) - busy
    got = store.run(planner.students_without_internship, coordinator, *period)
    assert {b.id for b in got} == expected_without
    assert 0 < len(expected_without) < len(student_ids)

    with store.session() as s:
        offered = {(e.id, p.kind): p.places for e in s.query(Employer).all() for p in e.places}
    year_start, year_end = planner.school_year_bounds(2026)
    taken: dict = {}
    for _sid, employer, start, _end, kind, broken in planned:
        if year_start <= start <= year_end and not broken:
            taken[(employer, kind)] = taken.get((employer, kind), 0) + 1
    expected_free = {
        key: n - taken.get(key, 0) for key, n in offered.items() if n > taken.get(key, 0)
    }
    free = store.run(planner.employers_with_free_places, coordinator, 2026)
    assert {(f.employer_id, f.kind): f.free for f in free} == expected_free
    only_blok = store.run(
        planner.employers_with_free_places, coordinator, 2026, InternshipType.BLOK
    )
    assert all(f.kind is InternshipType.BLOK for f in only_blok)

    view = store.run(planner.open_planner, coordinator, planner.PlannerQuery(*period))
    assert {r.student_id for r in view.internships} == busy
    assert {b.id for b in view.without} == expected_without

    # The year view's transition list (filtered from its rows) equals the query's.
    year_view = store.run(planner.open_planner, coordinator, planner.PlannerQuery.school_year(2026))
    expected_transitions = {r.id for r in store.run(planner.transition_list, coordinator, 2026)}
    assert {r.id for r in year_view.transitions} == expected_transitions
    assert expected_transitions


def test_the_school_adjusts_the_competency_set(store: Store, coordinator: Actor) -> None:
    before = store.run(competencies.competencies, coordinator)
    added = store.run(competencies.add_competency, coordinator, "Werken met de kassa")
    store.run(competencies.retire_competency, coordinator, before[0][0])
    after = store.run(competencies.competencies, coordinator)
    assert after[-1] == (added, "Werken met de kassa")
    assert before[0] not in after
    with pytest.raises(ValidationError):
        store.run(competencies.add_competency, coordinator, "Werken met de kassa")
