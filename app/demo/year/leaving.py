"""January to July: who left in December leaves with the January file; consent and the
transition reports (one refused), the transition internship that becomes the destination,
the warm hand-over, the leaving day."""

from __future__ import annotations

from app.core.validation import format_date
from app.db.store import undone_on_error
from app.demo import stories
from app.demo.las_files import csv_document
from app.demo.year import calendar as cast
from app.demo.year.base import StoryBase
from app.demo.year.cohorts import Cohort, Pupil, Role, changed_csv_people
from app.models import (
    Consent,
    ConsentScope,
    Destination,
    OutflowProfile,
    Phase,
)
from app.services.consent.gate import ConsentRefusedError
from app.services.consent.register import withdraw_consent
from app.services.consent.report_export import export_report
from app.services.internships import lifecycle, planning
from app.services.path import phases, timeline


class Leaving(StoryBase):
    """The steps of the spring and of July."""

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
            # As the app does: the refused export is rolled back and its audit row written
            # after, so the refusal stays on record.
            try:
                with undone_on_error(self.session):
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

    def import_january(self, c: Cohort) -> None:
        """The LAS's file in January: a student of the previous cohort who stayed until
        December (the changed leaving date) has left; their destination and who leads the
        aftercare are filled in as at the July file, so no one stays at school past their
        leaving date."""
        gone = [p for p in c.leaving_in_july if _left_in_winter(c, p)]
        if not gone:
            return
        for pupil in gone:
            self._set_destination(c, pupil)
        data = csv_document(changed_csv_people(c))
        self._import("csv", data, f"parnassys-januari-{c.calendar.start + 1}.csv")
        for pupil in gone:
            self._lead_current_phase(pupil, pupil.mentor.display_name, "School (nazorg)")

    def destinations(self, c: Cohort) -> None:
        for pupil in c.leaving_in_july:
            if pupil.role is Role.GARAGE or _left_in_winter(c, pupil):
                continue  # the contract, or the January file, gave the destination
            self._set_destination(c, pupil)

    def _set_destination(self, c: Cohort, pupil: Pupil) -> None:
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
        their aftercare plans appear for the mentors, who lead the aftercare."""
        data = csv_document(changed_csv_people(c))
        self._import("csv", data, f"parnassys-juli-{c.calendar.start}.csv")
        for pupil in c.leaving_in_july:
            self._lead_current_phase(pupil, pupil.mentor.display_name, "School (nazorg)")


def _left_in_winter(c: Cohort, pupil: Pupil) -> bool:
    left = pupil.person.leaving_date
    return left is not None and left < c.calendar.january_import
