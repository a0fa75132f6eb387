"""Issue 19, item 4, the app's side: in a database several schools share, every screen and
export a user opens shows only the students of his or her schools, on SQLite (no row-level
security) as on PostgreSQL (here the app's own role, which the server does not narrow).

The region is the demo's (`python -m app demo --schools 2`): 'demo' coordinates school 1,
'demo2' school 2, 'bestuur' is the board of both.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import PermissionDeniedError, ValidationError
from app.db import Store, open_store
from app.demo import region as demo_region
from app.models import AuditEntry, Role, School, Student, User
from app.services.admin import accounts, memberships
from app.services.aftercare import plan as aftercare
from app.services.consent.leavers_list import leavers
from app.services.internships.planner import PlannerQuery, open_planner, school_year_of
from app.services.las_import.importer import apply_import
from app.services.las_import.source import ImportSource
from app.services.meetings.area import overview as meetings_overview
from app.services.students import cohort
from app.services.students.cohort_list import cohort_table
from app.services.students.student_file import StudentInput, create_student, open_student_file
from app.services.trends.board import board_overview
from app.services.trends.exports import worksheet_rows
from app.services.trends.figures import destinations
from app.services.trends.filters import TrendFilters
from tests.conftest import _fresh_postgres_database
from tests.las_import.helpers import sample_bytes

PASSWORD = "regio-demo-2026"
ON = date.today()  # the demo's dates are around today


@dataclass
class Region:
    store: Store
    school: dict[int, int]  # 1, 2 -> school id
    students: dict[int, set[int]]  # 1, 2 -> the school's student ids (not archived)
    coordinator: dict[int, object]  # 1, 2 -> the coordinator, logged in
    board: object
    folder: Path


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def region(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[Region]:
    folder = tmp_path_factory.mktemp("region")
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{folder / 'koers.db'}"])
    else:
        urls = _fresh_postgres_database(request.getfixturevalue("postgres_server"))
    store = open_store(next(urls))
    store.run(demo_region.generate_region, password=PASSWORD, schools=2, students=40, seed=11)
    with store.session() as session:
        ids = list(session.scalars(select(School.id).order_by(School.id)))
        school = {1: ids[0], 2: ids[1]}
        students = {
            n: set(
                session.scalars(
                    select(Student.id).where(Student.school_id == sid, Student.archived.is_(False))
                )
            )
            for n, sid in school.items()
        }
    coordinators = {
        n: store.run(accounts.login, demo_region.coordinator_username(n), PASSWORD).actor
        for n in (1, 2)
    }
    board = store.run(accounts.login, demo_region.BOARD_USERNAME, PASSWORD).actor
    yield Region(store, school, students, coordinators, board, folder)
    store.dispose()
    for _rest in urls:  # drops the PostgreSQL database
        pass


def _all_ids(store: Store) -> set[int]:
    with store.session() as session:
        return set(session.scalars(select(Student.id)))


def test_the_region_has_two_schools_with_their_own_students(region: Region) -> None:
    assert len(region.students[1]) > 20 and len(region.students[2]) > 20
    assert region.coordinator[1].member_of == (region.school[1],)
    assert region.board.role is Role.BOARD
    assert set(region.board.member_of) == set(region.school.values())


@pytest.mark.parametrize("own,other", [(1, 2), (2, 1)])
def test_the_cohort_shows_only_the_own_school(region: Region, own: int, other: int) -> None:
    actor = region.coordinator[own]
    listed = {row.id for row in region.store.run(cohort.list_cohort, actor)}
    assert listed == region.students[own]
    assert not listed & region.students[other]
    first = region.store.run(cohort.cohort_first_page, actor)
    assert first.total == len(region.students[own])
    signals = region.store.run(cohort.cohort_signals, actor)
    assert set(signals) <= region.students[own]


def test_the_mentor_choice_holds_only_the_own_schools_colleagues(region: Region) -> None:
    overview = region.store.run(cohort.cohort_overview, region.coordinator[1])
    names = {name for _id, name in overview.mentors}
    own = {name for _u, name in demo_region.region_mentors(2)[0]}
    assert own <= names
    assert not names & {name for _u, name in demo_region.region_mentors(2)[1]}


@pytest.mark.parametrize("own,other", [(1, 2), (2, 1)])
def test_another_schools_student_file_does_not_open(region: Region, own: int, other: int) -> None:
    actor = region.coordinator[own]
    region.store.run(open_student_file, actor, min(region.students[own]))
    with pytest.raises(PermissionDeniedError) as refused:
        region.store.run(open_student_file, actor, min(region.students[other]))
    assert refused.value.message == "Deze leerling hoort niet bij uw school."


@pytest.mark.parametrize("own,other", [(1, 2), (2, 1)])
def test_the_aftercare_worklist_shows_only_the_own_schools_calls(
    region: Region, own: int, other: int
) -> None:
    with region.store.session() as session:
        all_students = set(session.scalars(select(Student.id)))
    own_all = all_students - region.students[other] - _archived_of(region, other)
    worklist = region.store.run(aftercare.worklist, region.coordinator[own], ON)
    shown = {row.student_id for row in worklist.rows}
    assert shown, "the demo gives each school calls to make"
    assert shown <= own_all
    assert not shown & _school_all(region, other)
    due = region.store.run(aftercare.due_count, region.coordinator[own], ON)
    assert due == worklist.due_count


def _school_all(region: Region, n: int) -> set[int]:
    with region.store.session() as session:
        return set(session.scalars(select(Student.id).where(Student.school_id == region.school[n])))


def _archived_of(region: Region, n: int) -> set[int]:
    return _school_all(region, n) - region.students[n]


def test_the_planner_and_meetings_show_only_the_own_school(region: Region) -> None:
    actor = region.coordinator[1]
    other = _school_all(region, 2)
    view = region.store.run(open_planner, actor, PlannerQuery.school_year(school_year_of(ON)))
    planned = {r.student_id for r in [*view.internships, *view.transitions]}
    planned |= {s.id for s in view.without}
    assert planned and not planned & other
    area = region.store.run(meetings_overview, actor, ON)
    cases = {c.student_id for c in [*area.active, *area.follow, *area.archived]}
    actions = {a.student_id for rows in area.open_actions.values() for a in rows}
    assert not (cases | actions) & other


def test_exports_hold_only_the_own_school(region: Region) -> None:
    actor = region.coordinator[1]
    own, other = _school_all(region, 1), _school_all(region, 2)
    table = region.store.run(cohort_table, actor)
    with region.store.session() as session:
        keys_other = set(session.scalars(select(Student.las_key).where(Student.id.in_(other))))
    assert table and not {row[0] for row in table} & keys_other
    year = ON.year - 1
    gone = {s.id for s in region.store.run(lambda s: leavers(s, year, actor))}
    assert gone and gone <= own
    # The trends (and their exports) count the own school's leavers only.
    mine = region.store.run(destinations, actor, TrendFilters(), on=ON)
    theirs = region.store.run(destinations, region.coordinator[2], TrendFilters(), on=ON)
    with region.store.session() as session:
        left = {
            n: session.scalar(
                select(_count())
                .where(Student.school_id == region.school[n])
                .where(Student.actual_outflow_date.is_not(None))
            )
            for n in (1, 2)
        }
    assert sum(r.students for r in mine) == left[1]
    assert sum(r.students for r in theirs) == left[2]
    worksheet = region.store.run(worksheet_rows, actor, ON.year - 1, ON)
    names_other = _surnames(region, other) - _surnames(region, own)
    assert not {row[1] for row in worksheet} & names_other


def _count():
    from sqlalchemy import func

    return func.count(Student.id)


def _surnames(region: Region, ids: set[int]) -> set[str]:
    with region.store.session() as session:
        return set(session.scalars(select(Student.surname).where(Student.id.in_(ids))))


def test_a_subject_access_request_is_the_own_schools_only(region: Region) -> None:
    from app.services.admin.subject_access import export_subject_data

    region.store.run(export_subject_data, region.coordinator[1], min(region.students[1]))
    with pytest.raises(PermissionDeniedError):
        region.store.run(export_subject_data, region.coordinator[1], min(region.students[2]))


def test_another_schools_meeting_case_takes_no_action(region: Region) -> None:
    from app.models import MeetingCase
    from app.services.meetings.actions import ActionInput, add_action

    with region.store.session() as session:
        theirs = session.scalars(
            select(MeetingCase.id).where(MeetingCase.student_id.in_(_school_all(region, 2)))
        ).first()
    assert theirs is not None, "the demo gives each school meeting cases"
    with pytest.raises(PermissionDeniedError):
        region.store.run(add_action, region.coordinator[1], theirs, ActionInput(what="Bellen"))


def test_a_user_of_two_schools_sees_the_chosen_one(region: Region) -> None:
    both = replace(
        region.coordinator[1], member_of=(region.school[1], region.school[2]), school_id=None
    )
    listed = {row.id for row in region.store.run(cohort.list_cohort, both)}
    assert listed == region.students[1] | region.students[2]
    chosen = replace(both, school_id=region.school[2])
    listed = {row.id for row in region.store.run(cohort.list_cohort, chosen)}
    assert listed == region.students[2]
    # A new student joins the chosen school; without a choice Koers asks for one.
    made = region.store.run(
        create_student, chosen, StudentInput(first_name="Nieuw", surname="Keuze")
    )
    with region.store.session() as session:
        assert session.get(Student, made).school_id == region.school[2]
    with pytest.raises(ValidationError) as unchosen:
        region.store.run(create_student, both, StudentInput(first_name="Geen", surname="Keuze"))
    assert "kies eerst" in unchosen.value.message


def test_imported_students_join_the_importing_school(region: Region) -> None:
    region.store.run(apply_import, region.coordinator[2], ImportSource("edexml", sample_bytes()))
    # The file's students are school 2's (school 1 may hold the numbers too: its own).
    assert region.school[2] in _surnames_by_school(region, "00002")
    assert None not in _surnames_by_school(region, "00002")


def test_two_schools_use_the_same_las_numbers_and_each_import_updates_its_own(
    region: Region,
) -> None:
    """A LAS number is the school's own (0019): the other school's file with the same
    numbers makes that school's students, and a later file of either school changes only
    its own student with that number."""
    for n in (1, 2):
        region.store.run(
            apply_import, region.coordinator[n], ImportSource("edexml", sample_bytes())
        )
    assert _surnames_by_school(region, "00002") == {
        region.school[1]: "Assati",
        region.school[2]: "Assati",
    }
    renamed = sample_bytes().replace(b"<achternaam>Assati<", b"<achternaam>Assati-Bakker<")
    done = region.store.run(apply_import, region.coordinator[1], ImportSource("edexml", renamed))
    assert (done.created, done.updated) == (0, 1)
    assert _surnames_by_school(region, "00002") == {
        region.school[1]: "Assati-Bakker",
        region.school[2]: "Assati",
    }
    # Within one school the number stays unique: typed in by hand it is refused.
    with pytest.raises(ValidationError) as taken:
        region.store.run(
            create_student,
            region.coordinator[2],
            StudentInput(first_name="Ander", surname="Kind", las_key="00002"),
        )
    assert "hoort al bij een leerling" in taken.value.message


def _surnames_by_school(region: Region, las_key: str) -> dict[int | None, str]:
    with region.store.session() as session:
        rows = session.execute(
            select(Student.school_id, Student.surname).where(Student.las_key == las_key)
        )
        return dict(rows.all())


def test_the_board_sees_counts_per_school_and_no_student(region: Region) -> None:
    board = region.board
    view = region.store.run(board_overview, board, ON)
    assert {s.school_id for s in view.schools} == set(region.school.values())
    for counts in view.schools:
        n = 1 if counts.school_id == region.school[1] else 2
        with region.store.session() as session:
            at_school = session.scalar(
                select(_count()).where(
                    Student.school_id == region.school[n],
                    Student.archived.is_(False),
                    Student.actual_outflow_date.is_(None),
                )
            )
        assert counts.cohort == at_school
    # The destinations table: one row per school and the total, in counts.
    assert len(view.destinations.row_labels) == 3
    # No name and no file: every list or file that names students refuses the board.
    for refused_call in (
        lambda s: cohort.list_cohort(s, board),
        lambda s: cohort.cohort_first_page(s, board),
        lambda s: cohort.cohort_signals(s, board),
        lambda s: open_student_file(s, board, min(region.students[1])),
        lambda s: cohort_table(s, board),
    ):
        with pytest.raises(PermissionDeniedError) as refused:
            region.store.run(refused_call)
        assert "bestuur" in refused.value.message.lower()
    assert region.store.run(aftercare.worklist, board, ON).rows == []
    assert region.store.run(lambda s: leavers(s, ON.year - 1, board)) == []
    text = repr(view)
    for surname in _surnames(region, region.students[1] | region.students[2]):
        assert f"'{surname}'" not in text


def test_a_coordinator_cannot_open_the_board_view(region: Region) -> None:
    with pytest.raises(PermissionDeniedError):
        region.store.run(board_overview, region.coordinator[1], ON)


def _user_id(region: Region, username: str) -> int:
    with region.store.session() as session:
        return session.scalar(select(User.id).where(User.username == username))


def test_a_coordinator_sets_a_users_schools_within_own_schools_only(region: Region) -> None:
    one, two = region.school[1], region.school[2]
    mentor = _user_id(region, demo_region.region_mentors(2)[1][0][0])  # a mentor of school 2
    first, second = region.coordinator[1], region.coordinator[2]
    seen = region.store.run(memberships.memberships, first)
    assert {s.school_id: s.may_change for s in seen.schools} == {one: True, two: False}
    assert seen.schools_of(mentor) == {two}
    # School 1's coordinator gives the mentor school 1 as well: logged, with the school.
    assert region.store.run(memberships.set_memberships, first, mentor, {one, two}) == {one, two}
    assert region.store.run(memberships.memberships, first).schools_of(mentor) == {one, two}
    with region.store.session() as session:
        detail = session.scalars(
            select(AuditEntry.detail)
            .where(AuditEntry.entity == "user", AuditEntry.entity_id == mentor)
            .order_by(AuditEntry.id.desc())
        ).first()
    assert detail == f"scholen erbij: {demo_region.school_name(1)}"
    # Taking school 2 away is the work of school 2's coordinator, not of school 1's.
    with pytest.raises(PermissionDeniedError) as refused:
        region.store.run(memberships.set_memberships, first, mentor, {one})
    assert demo_region.school_name(1) in refused.value.message
    region.store.run(memberships.set_memberships, second, mentor, {one})
    # The last school stays: without one the mentor would see no student of any school.
    with pytest.raises(ValidationError) as last:
        region.store.run(memberships.set_memberships, first, mentor, set())
    assert last.value.problems == {"schools": memberships.AT_LEAST_ONE}
    region.store.run(memberships.set_memberships, second, mentor, {one, two})
    region.store.run(memberships.set_memberships, first, mentor, {two})
    assert region.store.run(memberships.memberships, second).schools_of(mentor) == {two}


def test_only_a_coordinator_sets_memberships(region: Region) -> None:
    mentor = _user_id(region, demo_region.region_mentors(2)[0][0][0])
    for actor in (region.board, replace(region.coordinator[1], role=Role.MENTOR)):
        with pytest.raises(PermissionDeniedError):
            region.store.run(memberships.set_memberships, actor, mentor, {region.school[1]})
        with pytest.raises(PermissionDeniedError):
            region.store.run(memberships.memberships, actor)
