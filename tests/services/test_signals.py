"""The signals service on a generated cohort: each signal yields exactly the students that
match it, and a mentor only hears about their own students."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.db import Store
from app.models import (
    Destination,
    Employer,
    Internship,
    InternshipStatus,
    InternshipType,
    PathPhase,
    Phase,
    ProfileAssessment,
    Role,
    Student,
    TransitionPath,
    User,
)
from app.services.common.actor import Actor
from app.services.students import signals
from app.services.students.signals import Signal

ON = date(2026, 3, 1)  # six months ahead: 1 September 2026


@dataclass(frozen=True)
class Case:
    planned: date | None
    left: bool
    transition_phase: bool
    transition_internship: InternshipStatus | None
    destination: Destination | None
    profile_age_days: int | None
    lead: str | None  # None: no phase at all
    closed: bool
    mentor: int


def _cases(rng: random.Random, count: int, mentors: list[int]) -> list[Case]:
    cases = []
    for _ in range(count):
        planned = rng.choice(
            [
                None,
                ON - timedelta(days=400),
                ON + timedelta(days=40),
                ON + timedelta(days=183),
                ON + timedelta(days=185),
                ON + timedelta(days=400),
            ]
        )
        cases.append(
            Case(
                planned=planned,
                left=planned is not None and planned < ON and rng.random() < 0.8,
                transition_phase=rng.random() < 0.4,
                transition_internship=rng.choice([None, None, *InternshipStatus]),
                destination=rng.choice([None, *Destination]),
                profile_age_days=rng.choice([None, 30, 364, 366, 700]),
                lead=rng.choice([None, "", "Jan Smit", "Mentor"]),
                closed=rng.random() < 0.1,
                mentor=rng.choice(mentors),
            )
        )
    return cases


def _expected(case: Case) -> set[Signal]:
    """The signals by their definitions, from what the case was generated with."""
    found = set()
    # Generated paths record no reason for having no work or study.
    if case.destination in (
        Destination.SCHOOL_UNSETTLED,
        Destination.NOTHING,
        Destination.BENEFIT,
    ):
        found.add(Signal.DESTINATION_TO_SETTLE)
    at_school = not case.left
    soon = at_school and case.planned is not None and case.planned <= date(2026, 9, 1)
    if case.closed:
        # Closing the case does not give the young person a place.
        without_place = case.destination in (None, Destination.UNKNOWN, Destination.NOTHING)
        if (soon or case.left) and without_place:
            found.add(Signal.NO_DESTINATION)
        return found
    has_internship = case.transition_internship not in (None, InternshipStatus.BROKEN_OFF)
    if soon and not case.transition_phase and not has_internship:
        found.add(Signal.LEAVING_WITHOUT_TRANSITION)
    if (soon or case.left) and case.destination in (None, Destination.UNKNOWN, Destination.NOTHING):
        found.add(Signal.NO_DESTINATION)
    if at_school and (case.profile_age_days is None or case.profile_age_days >= 365):
        found.add(Signal.PROFILE_OUTDATED)
    if not case.lead:
        found.add(Signal.NO_CASE_LEAD)
    return found


def _insert(store: Store, coordinator: Actor, cases: list[Case]) -> list[int]:
    ids = []
    with store.session() as session:
        employer = Employer(name="Zorgcentrum De Linde")
        session.add(employer)
        session.flush()
        for n, case in enumerate(cases):
            student = Student(
                first_name=f"Leerling{n}",
                surname="Test",
                planned_outflow_date=case.planned,
                actual_outflow_date=case.planned if case.left else None,
                mentor_id=case.mentor,
            )
            session.add(student)
            session.flush()
            ids.append(student.id)
            path = TransitionPath(
                student_id=student.id,
                current_phase=Phase.CLOSED if case.closed else Phase.ORIENTATION,
                destination=case.destination,
            )
            session.add(path)
            session.flush()
            if case.lead is not None:
                session.add(
                    PathPhase(
                        path_id=path.id,
                        phase=Phase.ORIENTATION,
                        start_date=date(2024, 9, 1),
                        lead_name="Iemand anders",  # an earlier row; the latest one counts
                    )
                )
                session.add(
                    PathPhase(
                        path_id=path.id,
                        phase=Phase.ORIENTATION,
                        start_date=date(2025, 9, 1),
                        lead_name=case.lead,
                    )
                )
            if case.transition_phase:
                # An earlier transition phase counts even though the path moved back.
                session.add(
                    PathPhase(
                        path_id=path.id,
                        phase=Phase.TRANSITION_INTERNSHIP,
                        start_date=date(2025, 1, 1),
                        end_date=date(2025, 6, 1),
                        lead_name="Stagecoördinator",
                    )
                )
            if case.transition_internship is not None:
                session.add(
                    Internship(
                        student_id=student.id,
                        employer_id=employer.id,
                        kind=InternshipType.TRANSITIE,
                        start_date=date(2025, 9, 1),
                        status=case.transition_internship,
                    )
                )
            if case.profile_age_days is not None:
                session.add(
                    ProfileAssessment(
                        student_id=student.id,
                        assessed_on=ON - timedelta(days=case.profile_age_days),
                    )
                )
                session.add(  # an older one never makes the profile recent
                    ProfileAssessment(student_id=student.id, assessed_on=date(2020, 1, 1))
                )
        archived = Student(first_name="Oud", surname="Archief", archived=True)
        session.add(archived)
    return ids


def test_each_signal_yields_exactly_the_matching_students(store: Store, coordinator: Actor) -> None:
    with store.session() as session:
        mentors = []
        for name in ("m.een", "m.twee"):
            user = User(username=name, display_name=name, role=Role.MENTOR)
            session.add(user)
            session.flush()
            mentors.append(Actor(user.id, user.username, user.display_name, user.role))
    cases = _cases(random.Random(5), 120, [m.user_id for m in mentors])
    ids = _insert(store, coordinator, cases)
    expected = {sid: _expected(case) for sid, case in zip(ids, cases, strict=True)}

    found = store.run(signals.compute, coordinator, on=ON, months=6)
    assert {sid: set(s) for sid, s in found.items()} == {sid: s for sid, s in expected.items() if s}
    for signal in Signal:
        wanted = {sid for sid, s in expected.items() if signal in s}
        assert wanted, f"the generated cohort should raise {signal}"
        assert store.run(signals.students_with, coordinator, signal, on=ON, months=6) == wanted

    mentor = mentors[0]
    own = {sid for sid, case in zip(ids, cases, strict=True) if case.mentor == mentor.user_id}
    mine = store.run(signals.compute, mentor, on=ON, months=6)
    assert set(mine) == {sid for sid in own if expected[sid]}


def test_add_months_keeps_the_day_within_the_month() -> None:
    assert signals.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert signals.add_months(date(2026, 3, 1), 6) == date(2026, 9, 1)
