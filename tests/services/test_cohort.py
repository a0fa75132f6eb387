"""The cohort list: who sees which students, and the filter the list does on every keystroke."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from app.db import Store
from app.demo import school as demo
from app.models import (
    Destination,
    OutflowProfile,
    Phase,
    Role,
    Student,
    TransitionPath,
    User,
)
from app.services.common import labels
from app.services.common.actor import Actor
from app.services.common.names import sort_name
from app.services.students import cohort
from app.services.students import student_file as students
from app.services.students.cohort import school_year
from app.services.students.cohort_filter import CohortFilter, CohortIndex
from app.services.students.student_file import StudentInput
from tests.services.plans import query_plan

DEMO_STUDENTS = 60


@pytest.fixture
def demo_school(store: Store) -> Actor:
    return store.run(demo.generate, password="demo-wachtwoord-1", students=DEMO_STUDENTS)


def _actor(store: Store, username: str) -> Actor:
    with store.session() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
        return Actor(user.id, user.username, user.display_name, user.role)


def test_coordinator_and_reader_see_every_current_student(store: Store, demo_school: Actor) -> None:
    with store.session() as session:
        archived = list(session.scalars(select(Student.id).order_by(Student.id).limit(3)))
        session.execute(update(Student).where(Student.id.in_(archived)).values(archived=True))
        all_ids = set(session.scalars(select(Student.id)))
    assert len(all_ids) == DEMO_STUDENTS

    for actor in (demo_school, _actor(store, "stagiair")):
        rows = store.run(cohort.list_cohort, actor)
        assert {row.id for row in rows} == all_ids - set(archived)


def test_mentor_sees_exactly_own_students(store: Store, demo_school: Actor) -> None:
    mentor = _actor(store, "m.vandijk")
    assert mentor.role is Role.MENTOR
    with store.session() as session:
        own = set(session.scalars(select(Student.id).where(Student.mentor_id == mentor.user_id)))
    assert 0 < len(own) < DEMO_STUDENTS

    rows = store.run(cohort.list_cohort, mentor)

    assert {row.id for row in rows} == own
    assert {row.mentor for row in rows} == {mentor.display_name}


def test_cohort_rows_carry_what_the_list_shows(store: Store, demo_school: Actor) -> None:
    rows = store.run(cohort.list_cohort, demo_school)
    with store.session() as session:
        student = session.get(Student, rows[0].id)
        mentor = session.get(User, student.mentor_id)
    row = rows[0]
    assert row.name == student.full_name
    assert row.class_name == student.class_name
    assert row.mentor == mentor.display_name
    assert row.planned_outflow == student.planned_outflow_date
    assert row.school_year == school_year(student.planned_outflow_date)
    assert row.phase  # every demo student has a path with a phase
    # Typing the LAS number finds exactly that student.
    index = CohortIndex(rows)
    assert [rows[i].id for i in index.filter(CohortFilter(text=student.las_key))] == [student.id]


def test_every_row_reads_its_labels_and_dates_from_the_stored_values(
    store: Store, demo_school: Actor
) -> None:
    """The list reads enums and dates as stored and converts each distinct value once:
    every row must still show the Dutch label and the real date, on both databases."""
    rows = store.run(cohort.list_cohort, demo_school)
    with store.session() as session:
        students = {s.id: s for s in session.scalars(select(Student))}
        paths = {p.student_id: p for p in session.scalars(select(TransitionPath))}
        for row in rows:
            student = students[row.id]
            path = paths.get(row.id)
            assert row.profile == labels.label(labels.OUTFLOW_PROFILE, student.outflow_profile)
            assert row.phase == labels.label(labels.PHASE, path.current_phase if path else None)
            assert row.destination == labels.label(
                labels.DESTINATION, path.destination if path else None
            )
            assert type(row.planned_outflow) is type(student.planned_outflow_date)
            assert row.planned_outflow == student.planned_outflow_date
    assert any(row.phase and row.profile and row.destination for row in rows)


def test_whole_list_has_the_pages_rows_in_the_lists_name_order(
    store: Store, demo_school: Actor
) -> None:
    """The whole list is read another way than the first page (unsorted, a table scan on
    SQLite) and sorted as the list shows names: surname first without its prefix, then
    the first name. Same rows as a page that holds everyone, for coordinator and mentor."""
    for actor in (demo_school, _actor(store, "m.vandijk")):
        whole = store.run(cohort.list_cohort, actor)
        page = store.run(cohort.cohort_first_page, actor, len(whole))
        assert sorted(whole, key=lambda r: r.id) == sorted(page.rows, key=lambda r: r.id)
        keys = [(row.sort_name, row.id) for row in whole]
        assert keys == sorted(keys)
    with store.session() as session:
        student = session.scalars(select(Student).where(Student.prefix.is_not(None))).first()
    assert student is not None
    (row,) = [r for r in store.run(cohort.list_cohort, demo_school) if r.id == student.id]
    assert row.sort_name == sort_name(student.first_name, student.prefix, student.surname)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_whole_school_is_scanned_and_a_mentors_list_uses_the_index(
    store: Store, demo_school: Actor
) -> None:
    """On an encrypted file larger than the page cache a walk of the name index decrypts
    pages over and over (issue 19): the whole school reads the table front to back; a
    mentor's list and the first page keep their indexes."""
    mentor = _actor(store, "m.vandijk")
    whole = query_plan(store, cohort._cohort_select(demo_school, whole=True))
    assert "SCAN students" in whole and "TEMP B-TREE" not in whole
    page = query_plan(store, cohort._cohort_select(demo_school).limit(cohort.FIRST_PAGE))
    assert "SCAN students" not in page and "INDEX ix_students_cohort_order" in page
    own = query_plan(store, cohort._cohort_select(mentor, whole=True))
    assert "SCAN students" not in own and "INDEX" in own


def _row(
    first: str,
    surname: str,
    *,
    prefix: str | None = None,
    las_key: str | None = None,
    class_name: str | None = None,
    mentor: str | None = None,
    profile: OutflowProfile | None = None,
    planned: date | None = None,
    phase: Phase | None = Phase.ORIENTATION,
    destination: Destination | None = None,
) -> cohort.CohortRow:
    """A row built the way list_cohort builds it from one database result."""
    values = SimpleNamespace(
        id=0,
        first_name=first,
        prefix=prefix,
        surname=surname,
        las_key=las_key,
        class_name=class_name,
        mentor=mentor,
        outflow_profile=profile,
        planned_outflow_date=planned,
        current_phase=phase,
        destination=destination,
        closing_reason=None,
    )
    return cohort._row(values)


ROWS = [
    _row("Anna", "Berg", prefix="van den", class_name="V6A", mentor="Jeroen Bosman"),
    _row("Anna", "Jansen", class_name="V6B", mentor="Marieke van Dijk"),
    _row("Daan", "Berg", prefix="van den", class_name="V6B", mentor="Jeroen Bosman"),
    _row("Zoë", "Öztürk", class_name="P4A", profile=OutflowProfile.DAGBESTEDING),
]


@pytest.mark.parametrize(
    ("wanted", "names"),
    [
        (CohortFilter(), ["Anna van den Berg", "Anna Jansen", "Daan van den Berg", "Zoë Öztürk"]),
        (CohortFilter(text="anna"), ["Anna van den Berg", "Anna Jansen"]),
        (CohortFilter(text="BERG anna"), ["Anna van den Berg"]),
        (CohortFilter(text="  berg   "), ["Anna van den Berg", "Daan van den Berg"]),
        (CohortFilter(text="berg jansen"), []),
        (CohortFilter(text="berg", class_name="V6B"), ["Daan van den Berg"]),
        (CohortFilter(text="bosman", class_name="V6A"), ["Anna van den Berg"]),
        (CohortFilter(text="zoë dagbest"), ["Zoë Öztürk"]),
        (CohortFilter(mentor="Marieke van Dijk"), ["Anna Jansen"]),
        (CohortFilter(class_name="V6"), []),
    ],
)
def test_filter_keeps_rows_matching_all_words_and_every_list(
    wanted: CohortFilter, names: list[str]
) -> None:
    assert [ROWS[i].name for i in CohortIndex(ROWS).filter(wanted)] == names


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2026, 7, 31), "2025-2026"),
        (date(2026, 8, 1), "2026-2027"),
        (date(2027, 1, 1), "2026-2027"),
        (None, ""),
    ],
)
def test_school_year_runs_from_august_to_july(day: date | None, year: str) -> None:
    assert school_year(day) == year


# --- property: the index filter equals a plain row-by-row reading of the rule -------------

LETTERS = "abeinorstëöéABZ"
words = st.text(alphabet=LETTERS, min_size=1, max_size=4)
optional_word = st.none() | words
raw_rows = st.lists(
    st.fixed_dictionaries(
        {
            "first": words,
            "surname": words,
            "prefix": optional_word,
            "las_key": st.none() | st.text(alphabet="0123", min_size=1, max_size=3),
            "class_name": st.sampled_from([None, "V6A", "V6B", "P4A"]),
            "mentor": st.sampled_from([None, "Jeroen Bosman", "Marieke van Dijk"]),
            "profile": st.none() | st.sampled_from(OutflowProfile),
            "planned": st.none() | st.dates(date(2024, 6, 1), date(2027, 9, 30)),
            "phase": st.none() | st.sampled_from(Phase),
            "destination": st.none() | st.sampled_from(Destination),
        }
    ),
    max_size=25,
)


def _reference(raw: list[dict], rows: list[cohort.CohortRow], wanted: CohortFilter) -> list[int]:
    """Row i matches when each chosen list value is equal, and each typed word occurs
    (ignoring case) in one of the fields the user sees or the LAS number."""
    result = []
    for i, (values, row) in enumerate(zip(raw, rows, strict=True)):
        lists = {
            "school_year": school_year(values["planned"]),
            "class_name": values["class_name"] or "",
            "mentor": values["mentor"] or "",
            "profile": row.profile,
            "phase": row.phase,
        }
        if any(getattr(wanted, key) and getattr(wanted, key) != v for key, v in lists.items()):
            continue
        shown = [row.name, row.class_name, row.mentor, row.profile, row.phase, row.destination]
        fields = [f.lower() for f in [*shown, values["las_key"] or ""] if f]
        if all(any(w in f for f in fields) for w in wanted.text.lower().split()):
            result.append(i)
    return result


@settings(deadline=None)  # a loaded CI machine must not turn slowness into a failure
@given(raw=raw_rows, data=st.data())
def test_index_filter_equals_a_plain_reading_of_the_rule(raw: list[dict], data) -> None:
    rows = [_row(**values) for values in raw]

    def from_rows(attr: str) -> st.SearchStrategy[str]:
        seen = [getattr(r, attr) for r in rows]
        return st.sampled_from(["", "x", *seen]) if seen else st.sampled_from(["", "x"])

    typed = st.lists(words | from_rows("name"), max_size=3).map(" ".join)
    wanted = CohortFilter(
        text=data.draw(typed),
        school_year=data.draw(from_rows("school_year")),
        class_name=data.draw(from_rows("class_name")),
        mentor=data.draw(from_rows("mentor")),
        profile=data.draw(from_rows("profile")),
        phase=data.draw(from_rows("phase")),
    )

    assert CohortIndex(rows).filter(wanted) == _reference(raw, rows, wanted)


def test_a_demo_school_takes_new_students(store: Store, demo_school: Actor) -> None:
    new_id = store.run(
        students.create_student, demo_school, StudentInput(first_name="Nieuw", surname="Kok")
    )
    assert new_id in {row.id for row in store.run(cohort.list_cohort, demo_school)}


def test_rows_read_again_after_a_save_equal_the_whole_lists(
    store: Store, demo_school: Actor
) -> None:
    """`cohort_rows` (one student after a save) gives the row the whole list gives, with
    its signals; a student the actor no longer sees has none."""
    whole = {row.id: row for row in store.run(cohort.list_cohort, demo_school)}
    flagged = [row.id for row in whole.values() if row.signals][:3]
    plain = [row.id for row in whole.values() if not row.signals][:2]
    assert flagged and plain
    again = store.run(cohort.cohort_rows, demo_school, [*flagged, *plain])
    assert {row.id: row for row in again} == {i: whole[i] for i in [*flagged, *plain]}

    mentor = _actor(store, "m.vandijk")
    own = next(row.id for row in store.run(cohort.list_cohort, mentor))
    other = next(i for i in whole if i not in {r.id for r in store.run(cohort.list_cohort, mentor)})
    assert [row.id for row in store.run(cohort.cohort_rows, mentor, [own, other])] == [own]
    with store.session() as session:
        session.execute(update(Student).where(Student.id == own).values(archived=True))
    assert store.run(cohort.cohort_rows, mentor, [own]) == []


@settings(deadline=None)  # a loaded CI machine must not turn slowness into a failure
@given(raw=raw_rows, data=st.data())
def test_filtering_along_the_trail_finds_what_a_fresh_search_finds(raw: list[dict], data) -> None:
    """The index looks among what the last keystroke found when the next one narrows it,
    and goes back along its trail when a letter is deleted or a list widened: after any
    sequence of typing, deleting, choosing and signals arriving, it finds exactly what a
    fresh index finds."""
    rows = [replace(_row(**values), id=n + 1) for n, values in enumerate(raw)]
    names = [row.name.lower() for row in rows] or ["x"]
    index = CohortIndex(rows)
    wanted = CohortFilter()
    for _step in range(data.draw(st.integers(1, 15))):
        move = data.draw(st.sampled_from(["type", "delete", "choose", "signals"]))
        if move == "type":
            wanted = replace(wanted, text=wanted.text + data.draw(st.sampled_from(" abegnr")))
        elif move == "delete":
            wanted = replace(wanted, text=wanted.text[:-1])
        elif move == "choose":
            chosen = data.draw(st.sampled_from(["", *(r.class_name for r in rows)]))
            wanted = replace(
                wanted, class_name=chosen, signal=data.draw(st.sampled_from(["", "S"]))
            )
        else:
            index.raised = {
                row.id: ("S",) for row in rows if data.draw(st.booleans(), label="raises")
            }
        if data.draw(st.booleans(), label="a name"):
            wanted = replace(wanted, text=data.draw(st.sampled_from(names))[: len(wanted.text)])
        fresh = CohortIndex(rows, index.raised)
        assert index.filter(wanted) == fresh.filter(wanted), wanted


def test_a_narrowing_keystroke_looks_only_among_what_the_last_one_found() -> None:
    """Counted, not timed: typing on reads the rows the last letter kept; deleting reads
    none (issue 19: a keystroke on 150,000 students)."""
    rows = [
        replace(_row(first, "Berg"), id=n)
        for n, first in enumerate(["Anna", "Bram", "Cas", "Daan", "Anouk"])
    ]

    class CountingKeys(list):
        reads = 0

        def __getitem__(self, i):
            CountingKeys.reads += 1
            return super().__getitem__(i)

    index = CohortIndex(rows)
    index.keys = CountingKeys(index.keys)
    found = []
    for text in ["a", "an", "ann", "an", "a", ""]:
        CountingKeys.reads = 0
        found.append((index.filter(CohortFilter(text=text)), CountingKeys.reads))
    assert found == [
        ([0, 1, 2, 3, 4], 5),  # every row has an "a" (in the class or the profile too)
        ([0, 3, 4], 5),
        ([0], 3),
        ([0, 3, 4], 0),
        ([0, 1, 2, 3, 4], 0),
        ([0, 1, 2, 3, 4], 0),
    ]
