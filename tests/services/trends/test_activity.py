"""Signals over time and internship figures, counted by hand from named students."""

from __future__ import annotations

from datetime import date

from app.db import Store
from app.models import (
    Destination,
    Employer,
    Internship,
    InternshipStatus,
    InternshipType,
    PathEvent,
    PathEventKind,
    Student,
    TransitionPath,
)
from app.services.common.actor import Actor
from app.services.trends import activity
from app.services.trends.activity import EmployerJobs, InternshipRow, SignalRow
from app.services.trends.filters import TrendFilters

from .conftest import LEAVERS, Leaver, add_leavers


def test_signals_per_school_year(school: Store, coordinator: Actor) -> None:
    with school.session() as session:
        # Left before the split: back to school, which one still to settle.
        add_leavers(session, {"Lars": Leaver(LEAVERS["Jan"].left, Destination.SCHOOL_UNSETTLED)})
    rows = school.run(activity.signals_over_time, coordinator, TrendFilters())
    assert rows == [
        # Without a destination: Dirk, Eva, Hugo; dropped out in aftercare: Cees.
        SignalRow(2023, leavers=9, without_destination=3, to_settle=0, dropped_out=1),
        # Lars's school is to be settled.
        SignalRow(2024, leavers=3, without_destination=0, to_settle=1, dropped_out=0),
    ]


def test_internships_per_sector_and_outcome_and_the_employers_that_hired(
    store: Store, coordinator: Actor
) -> None:
    with store.session() as session:
        bakery = Employer(name="Bakkerij Van Dijk", sector="Horeca")
        garden = Employer(name="Groenvoorziening Oost", sector="Groen")
        session.add_all([bakery, garden])
        session.flush()
        for name, employer, status, outcome, hired in (
            ("Mila", bakery, InternshipStatus.COMPLETED, "contract_aangeboden", True),
            ("Noah", bakery, InternshipStatus.COMPLETED, "contract_aangeboden", False),
            ("Olaf", garden, InternshipStatus.BROKEN_OFF, None, False),
        ):
            student = Student(first_name=name, surname="Stage")
            session.add(student)
            session.flush()
            internship = Internship(
                student_id=student.id,
                employer_id=employer.id,
                kind=InternshipType.TRANSITIE,
                start_date=date(2025, 9, 1),
                status=status,
                outcome=outcome,
            )
            session.add(internship)
            path = TransitionPath(student_id=student.id)
            session.add(path)
            session.flush()
            if hired:
                session.add(
                    PathEvent(
                        path_id=path.id,
                        kind=PathEventKind.DESTINATION_SET,
                        happened_on=date(2026, 7, 1),
                        destination=Destination.REGULAR_WORK,
                        internship_id=internship.id,
                    )
                )
    rows = store.run(activity.internships, coordinator, TrendFilters())
    assert rows == [
        InternshipRow(2025, "Groen", "Afgebroken", 1),  # Olaf
        InternshipRow(2025, "Horeca", "Contract aangeboden", 2),  # Mila, Noah
    ]
    jobs = store.run(activity.employers_turning_internships_into_jobs, coordinator, TrendFilters())
    assert jobs == [EmployerJobs("Bakkerij Van Dijk", "Horeca", 1)]  # Mila
