"""The school year's story run through the services, as the users' actions would run it.

Each step is dated: the clock (app.core.clock) is held at its day while the step calls the
services, so they date what they write as on that day. The steps of several cohorts run in
one order of days, and none after the real today: this year's cohort stops in the middle
of its year. The roles (`Role`) give each student of a cohort their part in the year; a
larger demo gives the ordinary role to more students.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.demo.employers import Network
from app.demo.year.aftercare import CALL_MONTHS, Aftercare
from app.demo.year.at_school import AtSchool
from app.demo.year.at_the_table import AtTheTable
from app.demo.year.base import Partners, mentors_of
from app.demo.year.calendar import Calendar
from app.demo.year.cohorts import (
    RETAIL_STORY,
    Cohort,
    Pupil,
    Role,
    carried_over,
    cohort_people,
    role_of,
    story_of,
)
from app.demo.year.leaving import Leaving
from app.models import Student
from app.services.admin.retention import add_months
from app.services.common.actor import Actor
from app.services.meetings.lists import archive_due

Step = tuple[date, int, Callable[[], None]]


class SchoolYear(AtSchool, AtTheTable, Leaving, Aftercare):
    """The story of one school's cohorts: builds their dated steps and runs them in order."""

    def run(self, cohorts: list[Cohort], until: date) -> int:
        """Every step of `cohorts` up to and including `until`, in the order of their days;
        returns how many ran. The clock is as it was before when this returns."""
        steps: list[Step] = []
        for n, cohort in enumerate(cohorts):
            steps += [(day, n, fn) for day, fn in self.steps(cohort)]
        steps.sort(key=lambda step: (step[0], step[1]))
        ran = 0
        with _held():
            for day, _n, fn in steps:
                if day > until:
                    break
                clock.hold(day)
                fn()
                ran += 1
        return ran

    def steps(self, c: Cohort) -> Iterator[tuple[date, Callable[[], None]]]:
        cal = c.calendar
        yield cal.september, lambda: self.import_september(c)
        yield cal.changed_csv, lambda: self.import_changed_csv(c)
        yield cal.mentors, lambda: self.give_mentors(c)
        yield cal.internships_planned, lambda: self.plan_block_internships(c)
        yield cal.block_start, lambda: self.start_internships(c)
        yield cal.profile, lambda: self.profiles(c)
        yield cal.key_decision, lambda: self.key_decision(c)
        yield cal.conversation, lambda: self.advisory_conversation(c)
        yield cal.submissions, lambda: self.first_meeting_planned(c)
        yield cal.evaluation, lambda: self.evaluate_and_break_off(c)
        yield cal.first_meeting, lambda: self.first_meeting_held(c)
        yield cal.block_end, lambda: self.complete_block_internships(c)
        yield cal.january_import, lambda: self.import_january(c)
        yield cal.second_meeting, lambda: self.second_meeting(c)
        yield cal.third_meeting, lambda: self.third_meeting(c)
        yield cal.consent, lambda: self.consents_and_reports(c)
        yield cal.transition_planned, lambda: self.transition_internship(c)
        yield cal.transition_completed, lambda: self.contract_and_hand_over(c)
        yield cal.destinations, lambda: self.destinations(c)
        yield cal.july_import, lambda: self.import_july(c)
        for months in CALL_MONTHS:
            due = add_months(cal.leaving, months)
            for attempt in range(3):
                yield due + timedelta(days=1 + 7 * attempt), lambda: self.calls(c)
        yield cal.safety_net_report, lambda: self.safety_net_report(c)
        yield cal.archive, lambda: archive_due(self.session, cal.archive)
        yield cal.figures, lambda: self.figures_export(c)
        yield cal.reopened, lambda: self.reopen_case(c)
        yield cal.reopened_meeting, lambda: self.reopened_case_discussed(c)


@contextmanager
def _held() -> Iterator[None]:
    """The clock as it was before the story, whatever happens in it."""
    before = clock.held()
    try:
        yield
    finally:
        clock.hold(before)


def live(
    session: Session,
    coordinator: Actor,
    *,
    cohorts: list[tuple[Calendar, int]],
    seed: int,
    network: Network | None,
    until: date,
) -> list[Cohort]:
    """Runs the story for each (calendar, size) in `cohorts`, up to `until`; the cohorts as
    they were lived. No two students share a name with each other or the school."""
    partners, mentors = Partners.of(session), mentors_of(session)
    if partners is None or mentors is None:
        return []
    taken = {
        (first, prefix or "", surname)
        for first, prefix, surname in session.execute(
            select(Student.first_name, Student.prefix, Student.surname)
        )
    }
    made: list[Cohort] = []
    for n, (calendar, size) in enumerate(cohorts):
        people, newcomer = cohort_people(calendar, size, seed + 101 * n, taken)
        pupils = [Pupil(p, role_of(i), story_of(role_of(i), i)) for i, p in enumerate(people)]
        made.append(
            Cohort(
                calendar, pupils + carried_over(made), Pupil(newcomer, Role.NEWCOMER, RETAIL_STORY)
            )
        )
    with tempfile.TemporaryDirectory(prefix="koers-demo-") as folder:
        SchoolYear(session, coordinator, mentors, partners, network, Path(folder)).run(made, until)
    return made
