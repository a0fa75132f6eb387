"""The demo school's employer network and internships: every kind of internship is there."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import func, select

from app.core.validation import today
from app.db import Store
from app.demo import school as demo
from app.demo.year.calendar import GARAGE
from app.models import (
    CompetencyScore,
    Employer,
    EmployerContact,
    EmployerPlaces,
    Internship,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
)
from app.services.internships import planner

# The demo tells the story up to today: the same story whatever month the tests run.
pytestmark = pytest.mark.usefixtures("demo_day")


def test_demo_fills_the_network_and_the_planner(store: Store) -> None:
    actor = store.run(demo.generate, password="demo-wachtwoord-2026", students=80)
    with store.session() as s:
        # The generated network, and the garage the school year's story adds to it.
        assert s.scalar(select(func.count()).select_from(Employer)) == demo.EMPLOYERS + 1
        assert s.scalar(select(Employer.id).where(Employer.name == GARAGE))
        assert s.scalar(select(func.count()).select_from(EmployerContact)) >= 40
        assert s.scalar(select(func.count()).select_from(EmployerPlaces)) >= 40
        kinds = set(s.scalars(select(Internship.kind).distinct()))
        assert kinds == set(InternshipType)
        statuses = set(s.scalars(select(Internship.status).distinct()))
        assert InternshipStatus.BROKEN_OFF in statuses
        assert InternshipStatus.COMPLETED in statuses
        outcomes = set(s.scalars(select(Internship.outcome).distinct()))
        assert InternshipOutcome.CONTRACT_OFFERED.value in outcomes
        assert s.scalar(select(func.count()).select_from(CompetencyScore)) > 0
        # No student has two internships on the same day in the demo either.
        rows = s.execute(
            select(Internship.student_id, Internship.start_date, Internship.end_date)
        ).all()
    by_student: dict[int, list] = {}
    for sid, start, end in rows:
        by_student.setdefault(sid, []).append((start, end))
    for periods in by_student.values():
        periods.sort()
        assert all(a[1] < b[0] for a, b in itertools.pairwise(periods))
    year = planner.school_year_of(today())
    view = store.run(planner.open_planner, actor, planner.PlannerQuery.school_year(year))
    assert view.internships and view.without and view.free_places
