"""The demo school lives the school year's story (app.demo.year) through the services: what
it leaves behind on a day in the middle of a year must hang together as the users' own
actions would have left it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.core import clock
from app.db import Store
from app.demo import school as demo
from app.demo.las_files import edexml_document, generate_students, staff_of
from app.demo.year import calendar as cast
from app.demo.year.at_school import school_staff
from app.demo.year.base import mentors_of
from app.demo.year.calendar import Calendar, school_year_of
from app.models import (
    AftercareCall,
    AftercarePlan,
    Consent,
    Conversation,
    Destination,
    ExportLog,
    Internship,
    InternshipStatus,
    ListKind,
    MeetingCase,
    OutflowMeeting,
    PathPhase,
    ProfileAssessment,
    Role,
    Student,
    TransitionPath,
    User,
)
from app.services.admin.retention import add_months
from app.services.admin.users import list_users
from app.services.common import audit
from app.services.common.audit import check_chain
from app.services.las_import.importer import apply_import, preview_import
from app.services.las_import.source import ImportSource, parse_source
from app.services.meetings.lists import list_cases

# A day in the middle of the 2026-2027 school year: the first meeting is held, the block
# internships run, the leavers of 2025 and 2024 are in aftercare.
MID_YEAR = date(2026, 12, 3)
THIS_YEAR, LAST_YEAR, TWO_YEARS_AGO = Calendar(2026), Calendar(2025), Calendar(2024)
STUDENTS = 150


@pytest.fixture
def demo_store(store: Store) -> Store:
    with clock.held_at(MID_YEAR):
        coordinator = store.run(demo.generate, password="demo-wachtwoord-2026", students=STUDENTS)
    store.coordinator = coordinator  # type: ignore[attr-defined]
    return store


def _story_students(session, leaving: date) -> list[Student]:
    """The story's students of one cohort: the ones leaving on its calendar's day (the
    bulk of the demo school leaves on another)."""
    return list(session.scalars(select(Student).where(Student.planned_outflow_date == leaving)))


def _without_lead(store: Store, student_ids: list[int]) -> list[int]:
    """The students whose current phase has no case lead (the cohort's signal)."""
    with store.session() as session:
        paths = session.scalars(
            select(TransitionPath).where(TransitionPath.student_id.in_(student_ids))
        ).all()
        missing = []
        for path in paths:
            leads = session.scalars(
                select(PathPhase.lead_name)
                .where(PathPhase.path_id == path.id, PathPhase.phase == path.current_phase)
                .order_by(PathPhase.start_date.desc(), PathPhase.id.desc())
            ).all()
            if not leads or not (leads[0] or "").strip():
                missing.append(path.student_id)
    return missing


def test_every_report_that_left_the_school_rests_on_a_consent(demo_store: Store) -> None:
    with demo_store.session() as session:
        sent = session.scalars(
            select(ExportLog).where(ExportLog.organisation_id.is_not(None))
        ).all()
        consents = {c.id: c for c in session.scalars(select(Consent))}
        withdrawn = {c.student_id for c in consents.values() if c.withdrawn_on is not None}
    kinds = sorted(e.what for e in sent)
    # Two years of spring reports (municipality and RMC) and two safety-net reports.
    assert kinds.count("overdrachtsdossier") == 4, kinds
    assert kinds.count("vangnetmelding") == 2, kinds
    for entry in sent:
        consent = consents[entry.consent_id]
        assert consent.student_id == entry.student_id
        assert consent.organisation_id == entry.organisation_id
        assert consent.given_on <= entry.at.date()
        assert consent.withdrawn_on is None or consent.withdrawn_on > entry.at.date()
    # Nothing was sent for the students whose consent was withdrawn.
    assert withdrawn and not withdrawn & {e.student_id for e in sent}


def test_the_leavers_have_aftercare_calls_at_their_moments(demo_store: Store) -> None:
    leaver_ids: list[int] = []
    with demo_store.session() as session:
        for calendar in (LAST_YEAR, TWO_YEARS_AGO):
            leavers = [
                s
                for s in _story_students(session, calendar.leaving)
                if s.actual_outflow_date == calendar.leaving
            ]
            assert len(leavers) >= STUDENTS // demo.STORY_SHARE - 2, calendar
            for student in leavers:
                assert session.scalar(
                    select(AftercarePlan).where(AftercarePlan.student_id == student.id)
                ), student.full_name
                # A call not reached comes back a week later: the first of each moment.
                moments: dict[int, date] = {}
                for m, d in session.execute(
                    select(AftercareCall.months_after_outflow, AftercareCall.due_date).where(
                        AftercareCall.student_id == student.id,
                        AftercareCall.months_after_outflow.is_not(None),
                    )
                ).all():
                    moments[m] = min(d, moments.get(m, d))
                assert moments == {
                    m: add_months(calendar.leaving, m) for m in (1, 3, 6, 12, 18, 24)
                }, student.full_name
                # Every call due before the day is made; none after it.
                made = session.scalars(
                    select(AftercareCall.made_on).where(
                        AftercareCall.student_id == student.id,
                        AftercareCall.made_on.is_not(None),
                    )
                ).all()
                assert made and max(made) <= MID_YEAR
            leaver_ids += [s.id for s in leavers]
        # One former student was not reached three times; one dropped out of the course.
        unreached = session.scalars(
            select(AftercareCall.student_id).where(AftercareCall.reached.is_(False))
        ).all()
        assert any(unreached.count(sid) == 3 for sid in set(unreached))
    assert not _without_lead(demo_store, leaver_ids), "each mentor leads the aftercare"


def test_the_meeting_cases_have_case_leads_and_the_follow_list(demo_store: Store) -> None:
    with demo_store.session() as session:
        ours = {s.id for s in _story_students(session, THIS_YEAR.leaving)}
        cases = session.scalars(select(MeetingCase).where(MeetingCase.student_id.in_(ours))).all()
    assert {c.list_kind for c in cases} == {ListKind.ACTIVE, ListKind.FOLLOW}
    assert all(c.lead_contact_id is not None for c in cases)
    assert {c.follow_until for c in cases if c.list_kind is ListKind.FOLLOW} == {
        THIS_YEAR.follow_until
    }


def test_this_years_cohort_is_in_the_middle_of_its_year(demo_store: Store) -> None:
    with demo_store.session() as session:
        cohort = _story_students(session, THIS_YEAR.leaving)
        ids = [s.id for s in cohort]
        held = session.scalars(
            select(Conversation.held_at).where(Conversation.student_id.in_(ids))
        ).all()
        internships = session.scalars(
            select(Internship).where(Internship.student_id.in_(ids))
        ).all()
        wish_jobs = set(
            session.scalars(
                select(ProfileAssessment.wish_job).where(ProfileAssessment.student_id.in_(ids))
            )
        )
        destinations = session.scalars(
            select(TransitionPath.destination).where(TransitionPath.student_id.in_(ids))
        ).all()
    assert len(cohort) >= STUDENTS // demo.STORY_SHARE - 2
    assert all(s.actual_outflow_date is None for s in cohort), "nobody has left yet"
    assert all(s.outflow_profile is not None for s in cohort)
    assert not _without_lead(demo_store, ids), "each mentor leads their students' orientation"
    assert held and all(h.date() <= MID_YEAR for h in held), "no conversation in the future"
    assert cast.WISH_JOB in wish_jobs
    # The block internships run (one broken off); the transition internship is for spring.
    statuses = {i.status for i in internships}
    assert statuses == {InternshipStatus.RUNNING, InternshipStatus.BROKEN_OFF}, statuses
    assert all(d in (None, Destination.UNKNOWN) for d in destinations)


def test_who_leaves_after_the_cohort_leaves_with_the_next_one(demo_store: Store) -> None:
    """A student whose leaving date moved on is in the next cohort's files and leaves with
    it: nobody at school has a leaving date that has passed."""
    with demo_store.session() as session:
        stale = session.scalars(
            select(Student).where(
                Student.actual_outflow_date.is_(None), Student.planned_outflow_date < MID_YEAR
            )
        ).all()
        later = session.scalars(
            select(Student).where(Student.planned_outflow_date == TWO_YEARS_AGO.later_leaving)
        ).all()
    assert [s.full_name for s in stale] == []
    assert later and all(s.actual_outflow_date == TWO_YEARS_AGO.later_leaving for s in later)


def test_the_november_figures_are_in_the_export_log(demo_store: Store) -> None:
    """Each older cohort's 1 November: the PrO monitor and VSO figures of the year that
    ended, logged like any export, anonymous (no student, no consent) and saying so."""
    with demo_store.session() as session:
        figures = session.scalars(
            select(ExportLog).where(ExportLog.what.like("monitor %")).order_by(ExportLog.id)
        ).all()
    assert [(e.what, e.at.date()) for e in figures] == [
        (f"monitor {shape} {calendar.start} (anoniem)", calendar.figures)
        for calendar in (TWO_YEARS_AGO, LAST_YEAR)
        for shape in ("pro", "vso")
    ]
    for entry in figures:
        assert entry.basis == "geanonimiseerde aantallen"
        assert entry.student_id is None and entry.consent_id is None
        assert entry.organisation_id is None


def test_the_refused_transition_report_is_in_the_audit_log(demo_store: Store) -> None:
    """The report refused because the consent was withdrawn left no file, but the audit
    log the coordinator browses holds the refusal, about that student, once a cohort."""
    coordinator = demo_store.coordinator  # type: ignore[attr-defined]
    with demo_store.session() as session:
        rows = audit.browse(session, coordinator, action="export_refused")
        # The story's withdrawals (the bulk of the school has its own, without a refusal).
        story_days = [TWO_YEARS_AGO.consent, LAST_YEAR.consent]
        withdrawn = set(
            session.scalars(
                select(Consent.student_id).where(
                    Consent.withdrawn_on.in_(story_days),
                    Consent.withdrawn_by == cast.WITHDRAWN_BY,
                )
            )
        )
    assert len(withdrawn) == 2
    assert sorted(r.at.date() for r in rows) == story_days
    assert {r.entity_id for r in rows} == withdrawn
    for row in rows:
        assert row.entity == "student" and row.entity_id in withdrawn
        assert row.user_name == cast.COORDINATOR_NAME
        assert row.detail.startswith("overdrachtsdossier;"), row.detail
        assert "reden=withdrawn" in row.detail, row.detail
        assert row.action_label == "Uitvoer geweigerd (toestemming)"


def test_an_archived_case_is_reopened_on_the_active_list(demo_store: Store) -> None:
    """Two years on, the young person who dropped out is brought back to the table: the
    same case, off the archive, on the active list with the new question and a lead."""
    coordinator = demo_store.coordinator  # type: ignore[attr-defined]
    with demo_store.session() as session:
        active = list_cases(session, coordinator, ListKind.ACTIVE, MID_YEAR)
        archived = list_cases(session, coordinator, ListKind.ARCHIVED, MID_YEAR)
        [row] = [r for r in active if r.question == cast.REOPENED_QUESTION]
        student = session.get(Student, row.student_id)
        cases = session.scalars(
            select(MeetingCase).where(MeetingCase.student_id == row.student_id)
        ).all()
    assert student.actual_outflow_date == TWO_YEARS_AGO.leaving, "a former student"
    assert len(cases) == 1, "the same case, reopened"
    assert row.registered_on == TWO_YEARS_AGO.reopened and row.archived_on is None
    assert row.last_discussed_on == TWO_YEARS_AGO.reopened_meeting
    assert row.lead, "the table gave the reopened case a lead"
    assert row.student_id not in {r.student_id for r in archived}
    # Last year's drop-out is still in the archive: their case comes back next September.
    assert any(r.archived_on == LAST_YEAR.archive for r in archived)


def test_the_demo_leaves_the_clock_and_an_intact_audit_trail(demo_store: Store) -> None:
    assert clock.held() is None, "the story lets go of the clock"
    report = demo_store.run(check_chain, demo_store.coordinator)  # type: ignore[attr-defined]
    assert report.intact, report


def test_a_school_that_holds_every_name_still_gets_its_story_cast() -> None:
    """A demo of thousands (the bench's reference school of 3,000) holds every name the
    generator can make: the story's cohort then shares names with the bulk, never within
    itself (it used to stop with a ValueError)."""
    from app.demo.names import FIRST_NAMES_F, FIRST_NAMES_M, SURNAMES
    from app.demo.year.cohorts import cohort_people

    every_name = {
        (first, prefix, surname)
        for first in (*FIRST_NAMES_F, *FIRST_NAMES_M)
        for prefix, surname in SURNAMES
    }
    taken = set(every_name)
    chosen, newcomer = cohort_people(THIS_YEAR, 30, seed=5, taken=taken)
    names = [(p.first_name, p.prefix, p.surname) for p in [*chosen, newcomer]]
    assert len(chosen) == 30 and len(set(names)) == 31
    assert len({p.key for p in [*chosen, newcomer]}) == 31
    # Where names are still free, they are used first: no one shares a name.
    free_taken = set(list(every_name)[: len(every_name) // 2])
    chosen, newcomer = cohort_people(THIS_YEAR, 30, seed=5, taken=free_taken)
    assert not {(p.first_name, p.prefix, p.surname) for p in chosen} & set(
        list(every_name)[: len(every_name) // 2]
    )


@pytest.mark.parametrize("students", [demo.STORY_MIN_STUDENTS, 8, 11])
def test_a_small_demo_still_tells_the_story_in_every_cohort(store: Store, students: int) -> None:
    """Below one story student in twelve the cast scales down to the smallest story (the
    garage's student and the newcomer per cohort) rather than leaving it out."""
    with clock.held_at(MID_YEAR):
        store.run(demo.generate, password="demo-wachtwoord-2026", students=students)
    with store.session() as session:
        assert len(session.scalars(select(Student.id)).all()) == students
        for calendar in (TWO_YEARS_AGO, LAST_YEAR):
            leavers = _story_students(session, calendar.leaving)
            assert leavers and all(s.actual_outflow_date == calendar.leaving for s in leavers)
            assert all(
                session.scalar(select(AftercarePlan.id).where(AftercarePlan.student_id == s.id))
                for s in leavers
            ), "the leavers are in aftercare"
        cohort = [s.id for s in _story_students(session, THIS_YEAR.leaving)]
        wish_jobs = set(
            session.scalars(
                select(ProfileAssessment.wish_job).where(ProfileAssessment.student_id.in_(cohort))
            )
        )
    assert cohort and cast.WISH_JOB in wish_jobs


def test_a_demo_too_small_for_three_cohorts_is_all_bulk() -> None:
    assert demo.story_cohort_size(demo.STORY_MIN_STUDENTS - 1) == 0
    assert demo.story_cohort_size(demo.STORY_MIN_STUDENTS) == 1
    assert demo.story_cohort_size(12 * 40) == demo.STORY_MAX


# A day in the summer holiday (the new school year starts with the LAS's file of 1
# September) and one in the spring (the third meeting held, the consent not yet recorded).
AUGUST, MARCH = date(2026, 8, 20), date(2027, 3, 10)


@pytest.mark.parametrize("day", [AUGUST, MARCH], ids=["august", "march"])
def test_the_demo_is_a_coherent_school_on_any_day(store: Store, day: date) -> None:
    """The story depends on the day the demo is made: whatever the month, last year's
    leavers are in aftercare with the calls due made, nothing is dated after the day, and
    nobody is at school past their leaving date. In August this year's cohort is not there
    yet (its year starts on 1 September); in March it is in the middle of its year."""
    this_year = Calendar(school_year_of(day))
    last_year = Calendar(this_year.start - 1)
    with clock.held_at(day):
        store.run(demo.generate, password="demo-wachtwoord-2026", students=STUDENTS)
    assert clock.held() is None
    with store.session() as session:
        at_school = session.scalars(
            select(Student).where(Student.actual_outflow_date.is_(None))
        ).all()
        assert at_school, "the school is never empty"
        assert [s.full_name for s in at_school if s.planned_outflow_date < day] == []
        leavers = _story_students(session, last_year.leaving)
        assert len(leavers) >= STUDENTS // demo.STORY_SHARE - 2
        for student in leavers:
            assert student.actual_outflow_date == last_year.leaving
            assert session.scalar(
                select(AftercarePlan.id).where(AftercarePlan.student_id == student.id)
            ), student.full_name
        made = session.scalars(
            select(AftercareCall.made_on).where(
                AftercareCall.student_id.in_([s.id for s in leavers]),
                AftercareCall.made_on.is_not(None),
            )
        ).all()
        overdue = session.scalars(
            select(AftercareCall.id).where(
                AftercareCall.student_id.in_([s.id for s in leavers]),
                AftercareCall.made_on.is_(None),
                AftercareCall.due_date < day - timedelta(days=21),
            )
        ).all()
        assert made and max(made) <= day and not overdue
        final = OutflowMeeting.minutes_final_on.is_not(None)
        held = session.scalars(select(OutflowMeeting.held_on).where(final)).all()
        assert max(held) <= day, "no minutes of a meeting still to come"
        cohort = _story_students(session, this_year.leaving)
        wish_jobs = set(
            session.scalars(
                select(ProfileAssessment.wish_job).where(
                    ProfileAssessment.student_id.in_([s.id for s in cohort])
                )
            )
        )
    if day < this_year.september:
        assert cohort == [], "this year's cohort comes with the LAS's file of 1 September"
    else:
        assert len(cohort) >= STUDENTS // demo.STORY_SHARE - 2
        assert all(s.actual_outflow_date is None for s in cohort)
        assert cast.WISH_JOB in wish_jobs


def test_the_las_files_name_the_schools_own_mentors(demo_store: Store) -> None:
    """Issue 21: the September EDEXML lists the school's mentors as their accounts are
    named, so the import links its students to them and makes no inactive accounts; the
    users a coordinator sees in Beheer are exactly the demo's."""
    coordinator = demo_store.coordinator  # type: ignore[attr-defined]
    expected = {demo.DEMO_COORDINATOR, *demo.other_usernames()}
    with demo_store.session() as session:
        listed = list_users(session, coordinator)
        assert sorted(u.username for u in listed) == sorted(expected)
        users = session.scalars(select(User)).all()
        assert all(u.active and u.password_hash for u in users)
        assert not [u.username for u in users if u.las_key]  # none made by an import
        active_mentors = {u.id for u in users if u.role is Role.MENTOR}
        mentor_of = {
            key: mentor
            for key, mentor in session.execute(select(Student.las_key, Student.mentor_id))
        }
        assert mentor_of and set(mentor_of.values()) <= active_mentors
        cast = mentors_of(session)
        assert cast is not None
        staff = school_staff(session, cast)
    # The next September's file, as the story writes it: every student to a cast mentor.
    people = generate_students(8, seed=77, reference=MID_YEAR)
    source = ImportSource("edexml", edexml_document(people, mentors=staff))
    with clock.held_at(MID_YEAR):
        preview = demo_store.run(preview_import, coordinator, source)
        assert preview.new_mentors == ()
        demo_store.run(apply_import, coordinator, source)
    with demo_store.session() as session:
        got = session.scalars(
            select(Student.mentor_id).where(Student.las_key.in_([p.key for p in people]))
        ).all()
        assert len(got) == len(people)
        assert set(got) <= {m.user_id for m in cast}
        assert session.scalar(select(func.count()).select_from(User)) == len(expected)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Marieke van Dijk", ("Dijk", "van", "Marieke")),
        ("Saskia van den Bergh", ("Bergh", "van den", "Saskia")),
        ("Fatima El Amrani", ("El Amrani", "", "Fatima")),
        ("Ren\u00e9e Cools", ("Cools", "", "Ren\u00e9e")),
    ],
)
def test_the_las_lists_a_mentor_under_the_accounts_name(name: str, parts: tuple) -> None:
    key, surname, prefix, first = staff_of("MW1", name)
    assert (key, surname, prefix, first) == ("MW1", *parts)
    # Two mentors for four groups: each a leerkracht once, with two groups, named as Koers.
    data = edexml_document(
        generate_students(4), mentors=[staff_of("MW1", name), staff_of("MW2", "Jeroen Bosman")]
    )
    parsed = parse_source(ImportSource("edexml", data, "groepen.xml"))
    assert not parsed.errors
    assert {s.display_name for s in parsed.staff.values()} == {name, "Jeroen Bosman"}
    assert {s.mentor_key for s in parsed.students} <= {"MW1", "MW2"}
