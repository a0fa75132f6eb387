"""September and autumn at school: the LAS files, mentors, internships, the profile,
the key decision and the advisory conversation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import format_date
from app.demo.las_files import Staff, csv_document, edexml_document, staff_of
from app.demo.year import calendar as cast
from app.demo.year.base import StoryBase
from app.demo.year.cohorts import Cohort, Role, changed_csv_people, full_name, profile_of
from app.models import Internship, User
from app.services.common.actor import Actor
from app.services.conversations import forms as conversation_forms
from app.services.conversations.recording import create as create_conversation
from app.services.internships import evaluations, lifecycle, planning
from app.services.internships.competencies import competencies
from app.services.profile import assessments, decisions
from app.services.profile.items import list_items
from app.services.students import student_file


def school_staff(session: Session, mentors: Sequence[Actor]) -> list[Staff]:
    """The school's `mentors` as its LAS lists them (the EDEXML gives them the groups in
    turn): under the names their Koers accounts carry, and with the staff key an account
    has from an earlier import, so the import links the students to these accounts and
    makes none of its own."""
    ids = [m.user_id for m in mentors]
    rows = session.execute(select(User.id, User.las_key).where(User.id.in_(ids)))
    key_of = {user_id: key for user_id, key in rows}
    return [staff_of(key_of.get(m.user_id) or f"MW{m.user_id}", m.display_name) for m in mentors]


class AtSchool(StoryBase):
    """The steps of September and the autumn."""

    def import_september(self, c: Cohort) -> None:
        people = [p.person for p in c.pupils]
        data = edexml_document(
            people, peildatum=c.calendar.september, mentors=school_staff(self.session, self.mentors)
        )
        self._import("edexml", data, f"parnassys-september-{c.calendar.start}.xml")
        self._ids(c)

    def import_changed_csv(self, c: Cohort) -> None:
        data = csv_document(changed_csv_people(c))
        self._import("csv", data, f"parnassys-week-2-{c.calendar.start}.csv")
        self._ids(c)

    def give_mentors(self, c: Cohort) -> None:
        """The coordinator gives each student a mentor and an outflow profile; the first
        student's mother speaks Arabic and an interpreter comes to the conversations. Each
        mentor leads their students' orientation."""
        first, second = self.mentors
        for n, pupil in enumerate(c.everyone):
            pupil.mentor = first if pupil.role in (Role.GARAGE, Role.BROKEN_OFF) or (
                pupil.role not in (Role.DROP_OUT, Role.WITHDRAWN, Role.FOLLOW) and n % 2 == 0
            ) else second  # fmt: skip
            opened = student_file.open_student_file(self.session, self.coordinator, pupil.id)
            data = replace(
                opened.input,
                mentor_id=pupil.mentor.user_id,
                outflow_profile=profile_of(pupil.story).value,
            )
            if pupil.role is Role.GARAGE and data.guardians:
                mother = replace(data.guardians[0], language="Arabisch", needs_interpreter=True)
                data = replace(data, guardians=[mother, *data.guardians[1:]])
            student_file.save_student(
                self.session, self.coordinator, pupil.id, opened.version, data
            )
            self._lead_current_phase(pupil, pupil.mentor.display_name, "School")

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

    def start_internships(self, c: Cohort) -> None:
        for pupil in c.pupils:
            if pupil.internship:
                lifecycle.start_internship(
                    self.session, pupil.mentor, pupil.internship, self._version(pupil.internship)
                )

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
                conversation_forms.ParticipantInput(full_name(pupil.person), "leerling"),
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
