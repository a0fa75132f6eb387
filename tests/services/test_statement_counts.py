"""Each screen sends a fixed number of statements, whatever the size of the school: no
query per student (N+1). Counted on a small and a four times larger demo school (issue 19)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import event, select

from app.db.store import Store
from app.demo import school as demo
from app.models import Role, Student, User
from app.services.aftercare import plan as aftercare
from app.services.common.actor import Actor
from app.services.internships.employer_lists import list_employers
from app.services.internships.planner import PlannerQuery, open_planner, school_year_of
from app.services.meetings.area import overview as meetings_overview
from app.services.students import cohort
from app.services.students.student_file import open_student_file

PASSWORD = "tellen-2026-x"
ON = date(2026, 3, 2)


def _school(tmp_path, name: str, students: int) -> tuple[Store, Actor]:
    store = Store(f"sqlite:///{tmp_path / name}")
    from app.db.migrate import upgrade

    upgrade(store)
    actor = store.run(demo.generate, password=PASSWORD, students=students, seed=7)
    return store, actor


def _count(store: Store, work: Callable) -> int:
    sent: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        store.run(work)
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    return len(sent)


def _first_student(store: Store) -> int:
    with store.session() as session:
        return session.scalars(select(Student.id).order_by(Student.id).limit(1)).one()


def _a_mentor(store: Store) -> Actor:
    with store.session() as session:
        user = session.scalars(
            select(User).where(User.role == Role.MENTOR).order_by(User.id).limit(1)
        ).one()
        return Actor(user.id, user.username, user.display_name, user.role)


# Each screen's service as the screen calls it: (coordinator, a mentor, a student id) -> work.
SCREENS: dict[str, Callable[[Actor, Actor, int], Callable]] = {
    "cohort first page (log-in)": lambda a, _m, _s: lambda s: cohort.cohort_first_page(s, a),
    "cohort (F5)": lambda a, _m, _s: lambda s: cohort.cohort_overview(s, a),
    "cohort signals": lambda a, _m, _s: lambda s: cohort.cohort_signals(s, a),
    "whole cohort with signals": lambda a, _m, _s: lambda s: cohort.list_cohort(s, a),
    "cohort row after a save": lambda a, _m, sid: lambda s: cohort.cohort_rows(s, a, [sid]),
    "mentor's cohort first page": lambda _a, m, _s: lambda s: cohort.cohort_first_page(s, m),
    "student file": lambda a, _m, sid: lambda s: open_student_file(s, a, sid),
    "aftercare worklist, all mentors": lambda a, _m, _s: lambda s: aftercare.worklist(s, a, ON),
    "aftercare worklist, my own": lambda _a, m, _s: lambda s: aftercare.worklist(s, m, ON),
    "aftercare due count": lambda _a, m, _s: lambda s: aftercare.due_count(s, m, ON),
    "planner": lambda a, _m, _s: (
        lambda s: open_planner(s, a, PlannerQuery.school_year(school_year_of(ON)))
    ),
    "employer list": lambda a, _m, _s: lambda s: list_employers(s, a),
    "meetings area": lambda a, _m, _s: lambda s: meetings_overview(s, a, ON),
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_screen_sends_as_many_statements_for_a_large_school_as_for_a_small_one(tmp_path, screen):
    counts = []
    for name, students in (("small.db", 15), ("large.db", 60)):
        store, actor = _school(tmp_path, name, students)
        try:
            work = SCREENS[screen](actor, _a_mentor(store), _first_student(store))
            _count(store, work)  # once unmeasured: one-time lookups (school settings) fill
            counts.append(_count(store, work))
        finally:
            store.dispose()
    small, large = counts
    assert large == small, f"{screen}: {small} statements for 15 students, {large} for 60"
    assert small <= 20, f"{screen}: {small} statements"


def test_the_first_page_carries_the_count_and_the_same_signals_as_the_whole(tmp_path):
    store, actor = _school(tmp_path, "page.db", 30)
    try:
        page = store.run(cohort.cohort_first_page, actor, 7)
        whole = store.run(cohort.cohort_overview, actor)
        raised = store.run(cohort.cohort_signals, actor)
    finally:
        store.dispose()
    assert page.first_page and page.total == len(whole.rows) == 30
    assert len(page.rows) == 7
    # The page's signals, narrowed in SQL, are those the whole cohort's computation finds.
    assert {r.id: r.signals for r in page.rows} == {r.id: raised.get(r.id, ()) for r in page.rows}
    assert any(r.signals for r in page.rows)
