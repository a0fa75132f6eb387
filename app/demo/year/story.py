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
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import Enum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.core.validation import format_date
from app.demo import stories
from app.demo.employers import Network
from app.demo.las_files import GeneratedStudent, csv_document, edexml_document, generate_students
from app.demo.year import calendar as cast
from app.demo.year.calendar import Calendar
from app.models import (
    AftercareCall,
    Consent,
    ConsentScope,
    Destination,
    DropoutReportProposal,
    Employer,
    Internship,
    ListKind,
    Organisation,
    OrganisationContact,
    OrganisationKind,
    OutflowProfile,
    Phase,
    ProposalStatus,
    Student,
    User,
)
from app.models import Role as UserRole
from app.services.aftercare.calls import CallInput, log_call
from app.services.common.actor import Actor
from app.services.consent.dropout_report import send_dropout_report
from app.services.consent.gate import ConsentRefusedError
from app.services.consent.recipients import AUTO, resolve_recipient
from app.services.consent.register import ConsentInput, record_consent, withdraw_consent
from app.services.consent.report_export import export_report
from app.services.conversations import forms as conversation_forms
from app.services.conversations.recording import create as create_conversation
from app.services.internships import employers, evaluations, lifecycle, planning
from app.services.internships.competencies import competencies
from app.services.las_import import csv_mappings
from app.services.las_import.importer import apply_import
from app.services.las_import.source import ImportSource
from app.services.meetings import actions, bottlenecks, recording
from app.services.meetings.lists import archive_due
from app.services.meetings.planning import MeetingInput, ParticipantInput, save_meeting
from app.services.meetings.submissions import SubmissionInput, submit
from app.services.path import phases, timeline
from app.services.profile import assessments, decisions
from app.services.profile.items import list_items
from app.services.students import student_file


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
_RETAIL = next(s for s in _WORK if s.sector == stories.RETAIL)
_STORY = {
    Role.GARAGE: _TECHNICAL,
    Role.BROKEN_OFF: _TECHNICAL,
    Role.LATER: stories.STORIES[OutflowProfile.VERVOLGONDERWIJS][0],
    Role.DROP_OUT: stories.STORIES[OutflowProfile.VERVOLGONDERWIJS][0],
    Role.WITHDRAWN: stories.STORIES[OutflowProfile.DAGBESTEDING][0],
    Role.FOLLOW: stories.STORIES[OutflowProfile.VERVOLGONDERWIJS][-1],
    Role.NEXT_YEAR: _RETAIL,
    Role.NEWCOMER: _RETAIL,
}
_LEAVE_IN_JULY = {Role.GARAGE, Role.BROKEN_OFF, Role.DROP_OUT, Role.WITHDRAWN, Role.FOLLOW,
                  Role.NEWCOMER, Role.ORDINARY}  # fmt: skip
# The aftercare call moments the demo logs, in months after leaving (the school default).
_CALL_MONTHS = (1, 3, 6, 12, 18, 24)
_REACHED_NOTE = "Gaat goed; geen hulp nodig."
# The scan of a signed paper consent form: the demo's stands in for the real one.
SIGNED_FORM = b"%PDF-1.4\n% demo: getekend toestemmingsformulier\n"


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
    consent: int = 0
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
    pool = generate_students(size * 3 + 4, seed=seed, reference=calendar.september)
    people: list[GeneratedStudent] = []
    for person in pool:
        name = (person.first_name, person.prefix, person.surname)
        if name in taken:
            continue
        taken.add(name)
        people.append(person)
    *chosen, newcomer = people[: size + 1]
    leaving = [
        calendar.next_year_leaving if n == Role.NEXT_YEAR.value else calendar.leaving
        for n in range(len(chosen))
    ]
    chosen = [replace(p, leaving_date=day) for p, day in zip(chosen, leaving, strict=True)]
    newcomer = replace(newcomer, key=f"{newcomer.key[:-3]}900", leaving_date=calendar.leaving)
    return chosen, newcomer


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


@dataclass
class Partners:
    """The organisations at the story's table: the RMC (host, with its consultant) and a
    municipality (with its klantmanager)."""

    rmc: int
    consultant: int
    municipality: int
    klantmanager: int

    @classmethod
    def of(cls, session: Session) -> Partners | None:
        def first(kind: OrganisationKind) -> tuple[int, int] | None:
            row = session.execute(
                select(Organisation.id, OrganisationContact.id)
                .join(OrganisationContact, OrganisationContact.organisation_id == Organisation.id)
                .where(Organisation.kind == kind)
                .order_by(Organisation.id, OrganisationContact.id)
                .limit(1)
            ).first()
            return (row[0], row[1]) if row else None

        rmc, municipality = first(OrganisationKind.RMC), first(OrganisationKind.MUNICIPALITY)
        if rmc is None or municipality is None:
            return None
        return cls(rmc[0], rmc[1], municipality[0], municipality[1])


Step = tuple[date, int, Callable[[], None]]


class SchoolYear:
    """The story of one school's cohorts: builds their dated steps and runs them in order."""

    def __init__(
        self,
        session: Session,
        coordinator: Actor,
        mentors: tuple[Actor, Actor],
        partners: Partners,
        network: Network | None,
        folder: Path,
    ) -> None:
        self.session = session
        self.coordinator = coordinator
        self.mentors = mentors
        self.partners = partners
        self.network = network
        self.folder = folder
        self.garage = 0
        self.cohorts: list[Cohort] = []

    # --- running ---------------------------------------------------------------------

    def run(self, cohorts: list[Cohort], until: date) -> int:
        """Every step of `cohorts` up to and including `until`, in the order of their days;
        returns how many ran. The clock is as it was before when this returns."""
        self.cohorts = cohorts
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
        yield cal.second_meeting, lambda: self.second_meeting(c)
        yield cal.third_meeting, lambda: self.third_meeting(c)
        yield cal.consent, lambda: self.consents_and_reports(c)
        yield cal.transition_planned, lambda: self.transition_internship(c)
        yield cal.transition_completed, lambda: self.contract_and_hand_over(c)
        yield cal.destinations, lambda: self.destinations(c)
        yield cal.july_import, lambda: self.import_july(c)
        for months in _CALL_MONTHS:
            due = _add_months(cal.leaving, months)
            for attempt in range(3):
                yield due + timedelta(days=1 + 7 * attempt), lambda: self.calls(c)
        yield cal.safety_net_report, lambda: self.safety_net_report(c)
        yield cal.archive, lambda: archive_due(self.session, cal.archive)

    # --- September ---------------------------------------------------------------------

    def _import(self, kind: str, data: bytes, name: str) -> None:
        """As `import auto FILE` does it: a CSV's columns as the school's mapping (or the
        suggested one) reads them."""
        mapping = None
        if kind == "csv":
            headers, _encoding, _delimiter = csv_mappings.csv_headers(data, name)
            mapping = csv_mappings.load_mapping(
                self.session, self.coordinator, csv_mappings.STANDARD_MAPPING, headers
            )
        apply_import(self.session, self.coordinator, ImportSource(kind, data, name, mapping))

    def _ids(self, c: Cohort) -> None:
        keys = {p.person.key: p for p in c.everyone}
        for student_id, key in self.session.execute(
            select(Student.id, Student.las_key).where(Student.las_key.in_(list(keys)))
        ):
            keys[key].id = student_id

    def import_september(self, c: Cohort) -> None:
        people = [p.person for p in c.pupils]
        data = edexml_document(people, peildatum=c.calendar.september)
        self._import("edexml", data, f"parnassys-september-{c.calendar.start}.xml")
        self._ids(c)

    def import_changed_csv(self, c: Cohort) -> None:
        data = csv_document(changed_csv_people(c))
        self._import("csv", data, f"parnassys-week-2-{c.calendar.start}.csv")
        self._ids(c)

    def give_mentors(self, c: Cohort) -> None:
        """The coordinator gives each student a mentor; the first student's mother speaks
        Arabic and an interpreter comes to the conversations."""
        first, second = self.mentors
        for n, pupil in enumerate(c.everyone):
            pupil.mentor = first if pupil.role in (Role.GARAGE, Role.BROKEN_OFF) or (
                pupil.role not in (Role.DROP_OUT, Role.WITHDRAWN, Role.FOLLOW) and n % 2 == 0
            ) else second  # fmt: skip
            opened = student_file.open_student_file(self.session, self.coordinator, pupil.id)
            data = replace(opened.input, mentor_id=pupil.mentor.user_id)
            if pupil.role is Role.GARAGE and data.guardians:
                mother = replace(data.guardians[0], language="Arabisch", needs_interpreter=True)
                data = replace(data, guardians=[mother, *data.guardians[1:]])
            student_file.save_student(
                self.session, self.coordinator, pupil.id, opened.version, data
            )

    def _employer_for(self, pupil: Pupil) -> int:
        if pupil.role in (Role.GARAGE, Role.BROKEN_OFF):
            return self._garage()
        if self.network is not None:
            found = self.network.in_sector(pupil.story.sector)
            if found:
                return found[pupil.id % len(found)]
        return self._garage()

    def _garage(self) -> int:
        """Garage Hermans: the demo network's, or added to the network as the user would."""
        if not self.garage:
            self.garage = self.session.scalar(
                select(Employer.id).where(Employer.name == cast.GARAGE)
            ) or employers.create_employer(
                self.session,
                self.coordinator,
                employers.EmployerInput(
                    name=cast.GARAGE,
                    postcode="6041 AB",
                    city="Roermond",
                    sector=stories.TECHNICAL,
                    contacts=[employers.ContactInput(cast.GARAGE_SUPERVISOR, "praktijkbegeleider")],
                ),
            )
        return self.garage

    def plan_block_internships(self, c: Cohort) -> None:
        cal = c.calendar
        for n, pupil in enumerate(c.pupils):
            if pupil.role in (Role.LATER, Role.NEXT_YEAR, Role.WITHDRAWN):
                continue
            pupil.internship = planning.plan_internship(
                self.session,
                pupil.mentor,
                pupil.id,
                planning.InternshipInput(
                    employer_id=self._employer_for(pupil),
                    kind="blokstage",
                    start_date=format_date(cal.block_start),
                    end_date=format_date(cal.block_end),
                    days=["ma" if n % 2 == 0 else "di"],
                    hours_per_week="8",
                    learning_goals=cast.BLOCK_GOALS,
                ),
            )

    def _version(self, internship_id: int) -> int:
        return self.session.get(Internship, internship_id).version

    def start_internships(self, c: Cohort) -> None:
        for pupil in c.pupils:
            if pupil.internship:
                lifecycle.start_internship(
                    self.session, pupil.mentor, pupil.internship, self._version(pupil.internship)
                )

    # --- Autumn -------------------------------------------------------------------------

    def profiles(self, c: Cohort) -> None:
        """Each student's Denken/Doen/Willen/Zijn assessment with a wish and a chance job."""
        items = [i for i in list_items(self.session, self.coordinator, include_retired=False)]
        for n, pupil in enumerate(c.everyone):
            story = pupil.story
            wish, chance = story.wish_jobs[n % len(story.wish_jobs)], story.chance_jobs[0]
            if pupil.role is Role.GARAGE:
                wish, chance = cast.WISH_JOB, cast.CHANCE_JOB
            assessments.record_assessment(
                self.session,
                pupil.mentor,
                pupil.id,
                assessments.AssessmentInput(
                    assessed_on=format_date(c.calendar.profile),
                    student_present=True,
                    parents_present=pupil.role is Role.GARAGE,
                    wish_job=wish,
                    chance_job=chance,
                    scores=tuple(assessments.ScoreInput(i.id, 2 + (i.id + n) % 3) for i in items),
                ),
            )

    def key_decision(self, c: Cohort) -> None:
        pupil = c.by_role(Role.GARAGE)
        if pupil is None:
            return
        decisions.add_decision(
            self.session,
            pupil.mentor,
            pupil.id,
            decisions.DecisionInput(
                decided_on=format_date(c.calendar.key_decision),
                decision=cast.KEY_DECISION,
                participants=tuple(
                    decisions.ParticipantInput(role, agreed=True)
                    for role in ("leerling", "ouder", "mentor")
                ),
            ),
        )

    def advisory_conversation(self, c: Cohort) -> None:
        """With the parents and an interpreter, and two agreements; the ordinary students
        have theirs with a parent."""
        due_school, due_parent = c.calendar.agreement_due
        for pupil in c.everyone:
            if pupil.role not in (Role.GARAGE, Role.ORDINARY, Role.FOLLOW):
                continue
            mother = pupil.person.guardian or "Moeder"
            people = [
                conversation_forms.ParticipantInput(_full_name(pupil.person), "leerling"),
                conversation_forms.ParticipantInput(mother, "ouder"),
                conversation_forms.ParticipantInput(pupil.mentor.display_name, "mentor"),
            ]
            agreements = []
            if pupil.role is Role.GARAGE:
                people.append(conversation_forms.ParticipantInput(cast.INTERPRETER, "tolk"))
                (who_1, what_1), (who_2, what_2) = cast.AGREEMENTS
                agreements = [
                    conversation_forms.AgreementInput(
                        what_1, who_1, format_date(due_school), pupil.mentor.user_id
                    ),
                    conversation_forms.AgreementInput(what_2, who_2, format_date(due_parent)),
                ]
            create_conversation(
                self.session,
                pupil.mentor,
                pupil.id,
                conversation_forms.ConversationInput(
                    kind="adviesgesprek",
                    status="gehouden",
                    date=format_date(c.calendar.conversation),
                    time="15:30",
                    place="De Horizon, lokaal 4",
                    summary=cast.CONVERSATION_SUMMARY
                    if pupil.role is Role.GARAGE
                    else pupil.story.motivation,
                    advice=cast.CONVERSATION_ADVICE
                    if pupil.role is Role.GARAGE
                    else f"Stage in de richting {pupil.story.sector.lower()}.",
                    participants=people,
                    agreements=agreements,
                ),
            )

    def evaluate_and_break_off(self, c: Cohort) -> None:
        on = format_date(c.calendar.evaluation)
        skills = competencies(self.session, self.coordinator)
        for pupil in c.pupils:
            if not pupil.internship:
                continue
            if pupil.role is Role.BROKEN_OFF:
                lifecycle.break_off(
                    self.session,
                    pupil.mentor,
                    pupil.internship,
                    self._version(pupil.internship),
                    on,
                    cast.BROKEN_OFF_REASON,
                )
                continue
            evaluations.record_evaluation(
                self.session,
                pupil.mentor,
                pupil.internship,
                evaluations.EvaluationInput(
                    evaluated_on=on,
                    scores={cid: 3 for cid, _label in skills[:6]},
                    supervisor_comment=cast.EVALUATION_COMMENT,
                ),
            )

    def complete_block_internships(self, c: Cohort) -> None:
        for pupil in c.pupils:
            internship = (
                self.session.get(Internship, pupil.internship) if pupil.internship else None
            )
            if internship is None or internship.status.value != "loopt":
                continue
            lifecycle.complete_internship(
                self.session,
                pupil.mentor,
                pupil.internship,
                internship.version,
                "positief_afgerond",
                format_date(c.calendar.block_end),
            )

    # --- The outflow meetings ------------------------------------------------------------

    def _meeting(self, held_on: date) -> int:
        p = self.partners
        return save_meeting(
            self.session,
            self.coordinator,
            MeetingInput(
                kind="uitstroomoverleg",
                held_on=held_on,
                place=cast.MEETING_PLACE,
                starts_at="14:00",
                host_organisation_id=p.rmc,
                chair_contact_id=p.consultant,
                secretary_contact_id=p.klantmanager,
                participants=[
                    ParticipantInput(p.rmc, p.consultant, held_on),
                    ParticipantInput(p.municipality, p.klantmanager, held_on),
                ],
            ),
        )

    def _consent(self, pupil: Pupil, organisation: int, scopes, given_on: date) -> int:
        guardian = pupil.person.guardian or ""
        return record_consent(
            self.session,
            self.coordinator,
            pupil.id,
            ConsentInput(
                organisation_id=organisation,
                scopes=[s.value for s in scopes],
                given_by_student=True,
                given_by_guardian=guardian,
                given_on=format_date(given_on),
                attachment=SIGNED_FORM,
                attachment_name="toestemming-getekend.pdf",
            ),
        )

    def first_meeting_planned(self, c: Cohort) -> None:
        """The first meeting planned three weeks ahead; two students submitted, each with
        consent to be discussed at the table."""
        meeting = self._meeting(c.calendar.first_meeting)
        c.meetings.append(meeting)
        questions = {
            Role.GARAGE: "Welke garage biedt een transitiestage?",
            Role.FOLLOW: "Wie helpt naar een Entree-opleiding?",
        }
        for role, question in questions.items():
            pupil = c.by_role(role)
            if pupil is None:
                continue
            self._consent(pupil, self.partners.rmc, [ConsentScope.MEETING], c.calendar.submissions)
            result = submit(
                self.session,
                self.coordinator,
                meeting,
                SubmissionInput(pupil.id, question, None, self.coordinator.display_name),
            )
            c.cases[role] = result.case_id

    def first_meeting_held(self, c: Cohort) -> None:
        """At the table: a case lead and two actions for the first case, the other to the
        follow list; the minutes made final."""
        if not c.meetings:
            return
        meeting, p = c.meetings[0], self.partners
        if Role.GARAGE in c.cases:
            case = c.cases[Role.GARAGE]
            recording.record_case(
                self.session,
                self.coordinator,
                meeting,
                case,
                recording.CaseRecord(cast.MEETING_NOTE, p.klantmanager, ListKind.ACTIVE),
            )
            (visit, indication), (visit_due, indication_due) = cast.ACTIONS, c.calendar.action_due
            c.actions = [
                actions.add_action(
                    self.session,
                    self.coordinator,
                    case,
                    actions.ActionInput(visit, self.coordinator.user_id, None, visit_due),
                    meeting,
                ),
                actions.add_action(
                    self.session,
                    self.coordinator,
                    case,
                    actions.ActionInput(indication, None, p.klantmanager, indication_due),
                    meeting,
                ),
            ]
        if Role.FOLLOW in c.cases:
            recording.record_case(
                self.session,
                self.coordinator,
                meeting,
                c.cases[Role.FOLLOW],
                recording.CaseRecord("Plan is rond.", p.consultant, ListKind.FOLLOW),
            )
        recording.save_minutes(
            self.session, self.coordinator, meeting, "", c.calendar.first_meeting
        )

    def second_meeting(self, c: Cohort) -> None:
        """The late action done; a bottleneck recorded."""
        if c.actions:
            actions.set_done(
                self.session, self.coordinator, c.actions[0], c.calendar.second_meeting
            )
        meeting = self._meeting(c.calendar.second_meeting)
        c.meetings.append(meeting)
        category = bottlenecks.categories(self.session)[0]
        bottlenecks.add_bottleneck(
            self.session, self.coordinator, meeting, category.id, *cast.BOTTLENECK
        )
        recording.save_minutes(
            self.session, self.coordinator, meeting, "", c.calendar.second_meeting
        )

    def third_meeting(self, c: Cohort) -> None:
        if len(c.actions) > 1:
            actions.set_done(
                self.session, self.coordinator, c.actions[1], c.calendar.last_action_done
            )
        meeting = self._meeting(c.calendar.third_meeting)
        c.meetings.append(meeting)
        recording.save_minutes(
            self.session, self.coordinator, meeting, "", c.calendar.third_meeting
        )

    # --- Spring --------------------------------------------------------------------------

    def consents_and_reports(self, c: Cohort) -> None:
        """Consent for everything to the municipality and the RMC, and the transition
        reports that rest on it; a consent withdrawn, and the report then refused."""
        p, cal = self.partners, c.calendar
        everything = list(ConsentScope)
        first = c.by_role(Role.GARAGE)
        if first is not None:
            for organisation in (p.municipality, p.rmc):
                self._consent(first, organisation, everything, cal.consent)
                export_report(
                    self.session,
                    self.coordinator,
                    first.id,
                    organisation,
                    self.folder / f"overdracht-{first.id}-{organisation}.pdf",
                )
        withdrawn = c.by_role(Role.WITHDRAWN)
        if withdrawn is not None:
            consent = self._consent(withdrawn, p.rmc, everything, cal.consent_for_meeting_withdrawn)
            withdraw_consent(
                self.session,
                self.coordinator,
                consent,
                format_date(cal.consent),
                cast.WITHDRAWN_BY,
                self.session.get(Consent, consent).version,
            )
            try:
                export_report(
                    self.session,
                    self.coordinator,
                    withdrawn.id,
                    p.rmc,
                    self.folder / f"overdracht-{withdrawn.id}.pdf",
                )
            except ConsentRefusedError:
                pass  # refused, as it should be: nothing leaves the school
            else:
                raise AssertionError("a report without consent was written")

    def transition_internship(self, c: Cohort) -> None:
        pupil = c.by_role(Role.GARAGE)
        if pupil is None:
            return
        cal = c.calendar
        pupil.internship = planning.plan_internship(
            self.session,
            pupil.mentor,
            pupil.id,
            planning.InternshipInput(
                employer_id=self._garage(),
                kind="transitiestage",
                start_date=format_date(cal.transition_start),
                end_date=format_date(cal.transition_end),
                days=["ma", "di", "do"],
                hours_per_week="24",
                learning_goals=cast.TRANSITION_GOALS,
            ),
        )
        lifecycle.start_internship(
            self.session, pupil.mentor, pupil.internship, self._version(pupil.internship)
        )

    def contract_and_hand_over(self, c: Cohort) -> None:
        """The transition internship ends with a contract that becomes the destination; a
        warm hand-over to the job coach who receives the student."""
        pupil = c.by_role(Role.GARAGE)
        if pupil is None or not pupil.internship:
            return
        on = format_date(c.calendar.transition_completed)
        lifecycle.end_with_contract(
            self.session,
            pupil.mentor,
            pupil.internship,
            self._version(pupil.internship),
            on,
            Destination.WORK_BANENAFSPRAAK.value,
        )
        current = timeline.path_of(self.session, pupil.id).current_phase
        order = list(Phase)
        following = order[min(order.index(current) + 1, len(order) - 1)]
        receiver, organisation = cast.RECEIVER
        phases.hand_over(
            self.session,
            pupil.mentor,
            pupil.id,
            on,
            cast.HAND_OVER_NOTE,
            phases.PhaseInput(following.value, on, "", receiver, organisation),
        )

    # --- July: the students leave ----------------------------------------------------------

    def destinations(self, c: Cohort) -> None:
        for pupil in c.leaving_in_july:
            if pupil.role is Role.GARAGE:
                continue  # the contract gave the destination
            destination, place = self._destination(pupil)
            on = pupil.person.leaving_date or c.calendar.leaving
            timeline.set_destination(self.session, pupil.mentor, pupil.id, destination, place, on)

    def _destination(self, pupil: Pupil) -> tuple[Destination, str]:
        story = pupil.story
        if story in stories.STORIES[OutflowProfile.DAGBESTEDING]:
            return Destination.DAGBESTEDING, story.day_care
        if story in stories.STORIES[OutflowProfile.VERVOLGONDERWIJS]:
            return Destination.ENTREE_MBO, story.course
        found = self.network.in_sector(story.sector) if self.network is not None else []
        if found:
            return Destination.REGULAR_WORK, self.network.name[found[pupil.id % len(found)]]
        return Destination.REGULAR_WORK, story.workplace

    def import_july(self, c: Cohort) -> None:
        """The LAS's file after the leaving day: the leavers become former students and
        their aftercare plans appear for the mentors."""
        data = csv_document(changed_csv_people(c))
        self._import("csv", data, f"parnassys-juli-{c.calendar.start}.csv")

    # --- The years after --------------------------------------------------------------------

    def calls(self, c: Cohort) -> None:
        """Logs the calls due by today: reached, except the unreachable one (not reached
        three times at the first moment, then not called until the half-year moment, when
        the mentor reaches them); a drop-out at the first call and one a year later."""
        today = clock.today()
        for pupil in c.leaving_in_july:
            call = self.session.scalars(
                select(AftercareCall)
                .where(
                    AftercareCall.student_id == pupil.id,
                    AftercareCall.made_on.is_(None),
                    AftercareCall.due_date <= today,
                )
                .order_by(AftercareCall.due_date)
                .limit(1)
            ).first()
            if call is None:
                continue
            months = call.months_after_outflow
            reached, still, note = True, "zelfde", _REACHED_NOTE
            if pupil.role is Role.BROKEN_OFF and today < _add_months(c.calendar.leaving, 6):
                if self._not_reached(pupil) >= 3:
                    continue  # unreachable: the coordinator sees the signal
                reached, note = False, ""
            elif (pupil.role is Role.DROP_OUT and months == 1) or (
                pupil.role is Role.FOLLOW and months == 12
            ):
                still, note = "uitgevallen", cast.DROP_OUT_NOTE
            log_call(
                self.session,
                pupil.mentor,
                call.id,
                call.version,
                CallInput(made_on=format_date(today), reached=reached, still=still, note=note),
                on=today,
            )

    def _not_reached(self, pupil: Pupil) -> int:
        return len(
            self.session.scalars(
                select(AftercareCall.id).where(
                    AftercareCall.student_id == pupil.id, AftercareCall.reached.is_(False)
                )
            ).all()
        )

    def safety_net_report(self, c: Cohort) -> None:
        """The drop-out's report to the municipality of residence, sent once the consent
        for it is recorded."""
        pupil = c.by_role(Role.DROP_OUT)
        if pupil is None:
            return
        proposal = self.session.scalars(
            select(DropoutReportProposal).where(
                DropoutReportProposal.student_id == pupil.id,
                DropoutReportProposal.status == ProposalStatus.PROPOSED,
            )
        ).first()
        if proposal is None:
            return
        student = self.session.get(Student, pupil.id)
        municipality = resolve_recipient(self.session, student, AUTO)
        self._consent(
            pupil, municipality.id, [ConsentScope.AFTERCARE], c.calendar.safety_net_report
        )
        send_dropout_report(
            self.session, self.coordinator, proposal.id, self.folder / f"melding-{pupil.id}.pdf"
        )


def _full_name(person: GeneratedStudent) -> str:
    return " ".join(p for p in (person.first_name, person.prefix, person.surname) if p)


def _add_months(day: date, months: int) -> date:
    from app.services.admin.retention import add_months

    return add_months(day, months)


@contextmanager
def _held() -> Iterator[None]:
    """The clock as it was before the story, whatever happens in it."""
    before = clock.held()
    try:
        yield
    finally:
        clock.hold(before)


def mentors_of(session: Session) -> tuple[Actor, Actor] | None:
    """The cast's two mentors if the school has them, else its first two."""
    rows = session.execute(
        select(User.id, User.username, User.display_name)
        .where(User.role == UserRole.MENTOR, User.active.is_(True))
        .order_by(User.id)
    ).all()
    wanted = [cast.MENTOR_A[0], cast.MENTOR_B[0]]
    chosen = [r for u in wanted for r in rows if r.username == u] or list(rows[:2])
    if len(chosen) < 2:
        chosen = list(rows[:2])
    if len(chosen) < 2:
        return None
    a, b = (Actor(r.id, r.username, r.display_name, UserRole.MENTOR) for r in chosen[:2])
    return a, b


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
        pupils = [
            Pupil(p, _role(i), _STORY.get(_role(i)) or _WORK[i % len(_WORK)])
            for i, p in enumerate(people)
        ]
        made.append(
            Cohort(calendar, pupils + _carried(made), Pupil(newcomer, Role.NEWCOMER, _RETAIL))
        )
    with tempfile.TemporaryDirectory(prefix="koers-demo-") as folder:
        SchoolYear(session, coordinator, mentors, partners, network, Path(folder)).run(made, until)
    return made


def _carried(earlier: list[Cohort]) -> list[Pupil]:
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


def _role(index: int) -> Role:
    return Role(index) if index < Role.NEWCOMER.value else Role.ORDINARY
