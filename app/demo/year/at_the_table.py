"""The three outflow meetings: submissions resting on consent, a case lead, actions done
and overdue, the follow list, a bottleneck; two years on, an archived case reopened."""

from __future__ import annotations

from datetime import date

from app.demo.year import calendar as cast
from app.demo.year.base import StoryBase
from app.demo.year.cohorts import Cohort, Role
from app.models import (
    ConsentScope,
    ListKind,
)
from app.services.meetings import actions, bottlenecks, recording
from app.services.meetings.planning import MeetingInput, ParticipantInput, save_meeting
from app.services.meetings.submissions import SubmissionInput, submit


class AtTheTable(StoryBase):
    """The steps of the outflow meetings."""

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

    def reopen_case(self, c: Cohort) -> None:
        """The young person who dropped out a year after leaving: their archived case comes
        back with a new question (the same case, reopened) for the next meeting."""
        pupil = c.by_role(Role.FOLLOW)
        if pupil is None or Role.FOLLOW not in c.cases:
            return
        meeting = self._meeting(c.calendar.reopened_meeting)
        c.meetings.append(meeting)
        submit(
            self.session,
            self.coordinator,
            meeting,
            SubmissionInput(pupil.id, cast.REOPENED_QUESTION, None, self.coordinator.display_name),
        )

    def reopened_case_discussed(self, c: Cohort) -> None:
        """At the table the reopened case gets the klantmanager as its lead and stays on
        the active list."""
        if Role.FOLLOW not in c.cases or not c.meetings:
            return
        meeting = c.meetings[-1]
        recording.record_case(
            self.session,
            self.coordinator,
            meeting,
            c.cases[Role.FOLLOW],
            recording.CaseRecord(cast.REOPENED_NOTE, self.partners.klantmanager, ListKind.ACTIVE),
        )
        recording.save_minutes(
            self.session, self.coordinator, meeting, "", c.calendar.reopened_meeting
        )
