"""The cohorts of the story: each student's role in the year, their story (sector,
jobs, course), and the LAS files that list them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from app.demo import stories
from app.demo.las_files import GeneratedStudent, generate_students
from app.demo.year.calendar import Calendar
from app.models import OutflowProfile
from app.services.common.actor import Actor


class Role(Enum):
    """A student's part in the year (the year test's cohort has one student of each)."""

    GARAGE = 0  # profile, decision, conversation, meetings, reports, contract, hand-over
    BROKEN_OFF = 1  # the block internship broken off; unreachable three times after leaving
    LATER = 2  # the changed CSV moves the leaving date to December after the year
    DROP_OUT = 3  # drops out of the course after leaving: the safety-net report
    WITHDRAWN = 4  # consent withdrawn: the transition report refused
    FOLLOW = 5  # to the follow list at the first meeting; drops out after a year
    NEXT_YEAR = 6  # leaves a year later
    NEWCOMER = 7  # added by the changed CSV
    ORDINARY = 8  # the rest of a larger cohort: a profile, an internship, a destination


# Each role's story (its sector, jobs and course); the ordinary students cycle through
# the labour-market stories.
_WORK = stories.STORIES[OutflowProfile.ARBEIDSMARKT]
_TECHNICAL = next(s for s in _WORK if s.sector == stories.TECHNICAL)
RETAIL_STORY = next(s for s in _WORK if s.sector == stories.RETAIL)
_STORY = {
    Role.GARAGE: _TECHNICAL,
    Role.BROKEN_OFF: _TECHNICAL,
    Role.LATER: stories.STORIES[OutflowProfile.VERVOLGONDERWIJS][0],
    Role.DROP_OUT: stories.STORIES[OutflowProfile.VERVOLGONDERWIJS][0],
    Role.WITHDRAWN: stories.STORIES[OutflowProfile.DAGBESTEDING][0],
    Role.FOLLOW: stories.STORIES[OutflowProfile.VERVOLGONDERWIJS][-1],
    Role.NEXT_YEAR: RETAIL_STORY,
    Role.NEWCOMER: RETAIL_STORY,
}
_LEAVE_IN_JULY = {Role.GARAGE, Role.BROKEN_OFF, Role.DROP_OUT, Role.WITHDRAWN, Role.FOLLOW,
                  Role.NEWCOMER, Role.ORDINARY}  # fmt: skip


@dataclass
class Pupil:
    """One student of a cohort: as the LAS knows them, their role and story, and (once
    imported) their id and mentor."""

    person: GeneratedStudent
    role: Role
    story: stories.Story
    id: int = 0
    mentor: Actor | None = None
    internship: int = 0
    # Still at school after their cohort left (a later leaving date): in the next cohort's
    # files, leaving with it.
    carried: bool = False


@dataclass
class Cohort:
    calendar: Calendar
    pupils: list[Pupil]
    newcomer: Pupil | None = None
    meetings: list[int] = field(default_factory=list)
    cases: dict[Role, int] = field(default_factory=dict)
    actions: list[int] = field(default_factory=list)

    def by_role(self, role: Role) -> Pupil | None:
        return next((p for p in self.everyone if p.role is role), None)

    @property
    def everyone(self) -> list[Pupil]:
        return [*self.pupils, *([self.newcomer] if self.newcomer else [])]

    @property
    def leaving_in_july(self) -> list[Pupil]:
        return [p for p in self.everyone if p.role in _LEAVE_IN_JULY or p.carried]


def cohort_people(
    calendar: Calendar, size: int, seed: int, taken: set[tuple[str, str, str]] | None = None
) -> tuple[list[GeneratedStudent], GeneratedStudent]:
    """The cohort in the LAS on 1 September (`size` students: the roles 0-6 first, then
    ordinary ones), and the newcomer the changed CSV adds. No name twice (nor in `taken`)."""
    taken = set() if taken is None else taken
    people = _new_names(calendar, size + 1, seed, taken)
    *chosen, newcomer = people
    leaving = [
        calendar.next_year_leaving if n == Role.NEXT_YEAR.value else calendar.leaving
        for n in range(len(chosen))
    ]
    chosen = [replace(p, leaving_date=day) for p, day in zip(chosen, leaving, strict=True)]
    newcomer = replace(newcomer, key=f"{newcomer.key[:-3]}900", leaving_date=calendar.leaving)
    return chosen, newcomer


# Pools drawn before a large school's story gives up on names no one else has.
_POOLS = 12


def _new_names(
    calendar: Calendar, count: int, seed: int, taken: set[tuple[str, str, str]]
) -> list[GeneratedStudent]:
    """`count` generated people whose names are not in `taken` (added to it). A school of
    thousands may hold every name the generator can make: the story's students then share
    a name with someone in the bulk, never with each other (`python -m app demo --students
    3000` stopped here)."""
    people: list[GeneratedStudent] = []
    ours: set[tuple[str, str, str]] = set()
    for attempt in range(_POOLS + 1):
        pool = generate_students(
            count * 3 + 4, seed=seed + 7919 * attempt, reference=calendar.september
        )
        for person in pool:
            name = (person.first_name, person.prefix, person.surname)
            if name in ours or (attempt < _POOLS and name in taken):
                continue
            ours.add(name)
            people.append(person)
            if len(people) == count:
                taken |= ours
                return people
    raise ValueError(f"the demo's names do not reach {count} different students")


def changed_csv_people(cohort: Cohort) -> list[GeneratedStudent]:
    """The CSV a week later: one student moved class, one leaving later, one added."""
    people = []
    for pupil in cohort.pupils:
        person = pupil.person
        if pupil.role is Role.BROKEN_OFF and not pupil.carried:
            person = replace(person, group="V5A" if person.group != "V5A" else "V4A")
        elif pupil.role is Role.LATER and not pupil.carried:
            person = replace(person, leaving_date=cohort.calendar.later_leaving)
        people.append(person)
    if cohort.newcomer is not None:
        people.append(cohort.newcomer.person)
    return people


def full_name(person: GeneratedStudent) -> str:
    return " ".join(p for p in (person.first_name, person.prefix, person.surname) if p)


def carried_over(earlier: list[Cohort]) -> list[Pupil]:
    """The previous cohort's students who leave after it, as the next cohort's files
    list them (with the leaving date the changed CSV gave them)."""
    if not earlier:
        return []
    previous = earlier[-1]
    leaving = {
        Role.LATER: previous.calendar.later_leaving,
        Role.NEXT_YEAR: previous.calendar.next_year_leaving,
    }
    return [
        Pupil(replace(p.person, leaving_date=leaving[p.role]), p.role, p.story, carried=True)
        for p in previous.pupils
        if p.role in leaving and not p.carried
    ]


def story_of(role: Role, index: int) -> stories.Story:
    """The role's story; the ordinary students' in turn from the labour-market ones."""
    return _STORY.get(role) or _WORK[index % len(_WORK)]


def profile_of(story: stories.Story) -> OutflowProfile:
    """The outflow profile whose stories hold `story`."""
    return next(p for p, told in stories.STORIES.items() if story in told)


def role_of(index: int) -> Role:
    return Role(index) if index < Role.NEWCOMER.value else Role.ORDINARY
