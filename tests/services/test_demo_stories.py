"""The demo school reads as real students: names of their own, one story per student (the
wish job's sector, the internships, the job after school) and aftercare notes that fit where
each former student went."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from app.db import Store
from app.demo import school as demo
from app.demo.aftercare import DESTINATION_KIND, NONE, REACHED_NOTES
from app.demo.stories import ORIENTATION, sectors_of_job
from app.models import (
    AftercareCall,
    Destination,
    Employer,
    Internship,
    InternshipStatus,
    InternshipType,
    ProfileAssessment,
    Still,
    Student,
    TransitionPath,
)

WORK = {
    Destination.REGULAR_WORK,
    Destination.WORK_BANENAFSPRAAK,
    Destination.WORK_BBL,
    Destination.BESCHUT_WERK,
}


# The demo tells the story up to today: the same story whatever month the tests run.
pytestmark = pytest.mark.usefixtures("demo_day")


def test_no_two_demo_students_share_first_and_last_name(store: Store) -> None:
    store.run(demo.generate, password="demo-wachtwoord-2026", students=400)
    with store.session() as s:
        names = Counter(
            (first, prefix or "", surname)
            for first, prefix, surname in s.execute(
                select(Student.first_name, Student.prefix, Student.surname)
            )
        )
    assert sum(names.values()) == 400
    assert [name for name, n in names.items() if n > 1] == []


def test_aftercare_notes_fit_the_destination(store: Store) -> None:
    store.run(demo.generate, password="demo-wachtwoord-2026", students=300)
    kind_of_note = {
        note: kind
        for kind, by_still in REACHED_NOTES.items()
        for notes in by_still.values()
        for note in notes
    }
    with store.session() as s:
        rows = s.execute(
            select(
                AftercareCall.student_id,
                AftercareCall.made_on,
                AftercareCall.still_at_destination,
                AftercareCall.note,
                TransitionPath.destination,
            )
            .join(TransitionPath, TransitionPath.student_id == AftercareCall.student_id)
            .where(AftercareCall.made_on.is_not(None))
        ).all()
    # A note tells the destination of its day: after the last change (a new place, a drop
    # out) the notes must fit where the student is now.
    last_change: dict[int, object] = {}
    for sid, made_on, still, _note, _destination in rows:
        if still in (Still.CHANGED, Still.DROPPED_OUT):
            last_change[sid] = max(made_on, last_change.get(sid, made_on))
    checked = [
        (note, destination)
        for sid, made_on, _still, note, destination in rows
        if note in kind_of_note and (sid not in last_change or made_on > last_change[sid])
    ]
    assert len(checked) > 50  # the check saw the school's calls, not a handful
    wrong = [
        (note, destination)
        for note, destination in checked
        if kind_of_note[note] != DESTINATION_KIND.get(destination, NONE)
    ]
    assert wrong == [], wrong


def _sectors(store: Store, column) -> dict[int, set[str]]:
    """Per student, the sectors of the jobs in `column` over all their profile assessments."""
    with store.session() as s:
        rows = s.execute(select(ProfileAssessment.student_id, column)).all()
    sectors: dict[int, set[str]] = {}
    for sid, job in rows:
        sectors.setdefault(sid, set()).update(sectors_of_job(job))
    return sectors


def test_internships_lie_in_the_sector_of_the_wish_job(store: Store) -> None:
    store.run(demo.generate, password="demo-wachtwoord-2026", students=200)
    wish_sectors = _sectors(store, ProfileAssessment.wish_job)
    with store.session() as s:
        rows = s.execute(
            select(Internship.student_id, Employer.sector, Internship.learning_goals).join(
                Employer, Employer.id == Internship.employer_id
            )
        ).all()
    checked = [row for row in rows if row.student_id in wish_sectors]
    assert len(checked) > 150
    # An internship elsewhere is allowed when its goals say why (orientation).
    wrong = [
        (sid, sector, wish_sectors[sid])
        for sid, sector, goals in checked
        if sector not in wish_sectors[sid] and ORIENTATION not in (goals or "")
    ]
    assert wrong == [], wrong


def test_who_went_to_work_works_in_the_sector_of_their_jobs(store: Store) -> None:
    store.run(demo.generate, password="demo-wachtwoord-2026", students=300)
    job_sectors = _sectors(store, ProfileAssessment.wish_job)
    for sid, sectors in _sectors(store, ProfileAssessment.chance_job).items():
        job_sectors.setdefault(sid, set()).update(sectors)
    with store.session() as s:
        sector_of = dict(s.execute(select(Employer.name, Employer.sector)).all())
        paths = s.execute(
            select(
                TransitionPath.student_id,
                TransitionPath.destination,
                TransitionPath.destination_place,
            ).where(TransitionPath.destination.in_(WORK))
        ).all()
        transition = dict(
            s.execute(
                select(Internship.student_id, Employer.name)
                .join(Employer, Employer.id == Internship.employer_id)
                .where(
                    Internship.kind == InternshipType.TRANSITIE,
                    Internship.status != InternshipStatus.BROKEN_OFF,
                )
            ).all()
        )
    assert len(paths) > 30
    wrong = [
        (sid, place, sector_of.get(place), job_sectors.get(sid))
        for sid, _destination, place in paths
        if sector_of.get(place) not in job_sectors.get(sid, set())
    ]
    assert wrong == [], wrong
    # Where there was a transition internship, the job is with that employer.
    hired = [(sid, place) for sid, _d, place in paths if sid in transition]
    assert len(hired) > 10
    assert [(sid, place) for sid, place in hired if transition[sid] != place] == []
